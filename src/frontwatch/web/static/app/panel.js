// The event panel (claims by claimant, side by side, each sentence highlighted in its
// document) and the document viewer. Every string from the server is set as text.
import { clear, el, getJSON } from "./dom.js";
import { colour } from "./map.js";

const SIDE_NAMES = { RU: "Russia", UA: "Ukraine" };
const sideName = (s) => (s ? SIDE_NAMES[s] || s : "neither side");

function fact(label, value) {
  return value === null || value === undefined || value === "" ? null
    : el("div", { class: "fact" }, el("dt", {}, label), el("dd", {}, String(value)));
}

function claimCard(claim, documents, openDoc) {
  const doc = documents[claim.document_id] || {};
  const ctx = claim.context;
  const quantities = claim.quantities.filter((q) => q.value !== null || q.magnitude)
    .map((q) => `${q.kind}: ${q.text || q.value}`);
  return el("article", { class: "claim", dataset: { claim: claim.id } },
    el("p", { class: "evidence" }, ctx
      ? [el("span", { class: "ctx" }, ctx.before), el("mark", {}, ctx.sentence),
         el("span", { class: "ctx" }, ctx.after)]
      : el("mark", {}, claim.sentence)),
    el("dl", { class: "facts" },
      fact("modality", claim.modality + (claim.via.length ? ` via ${claim.via.join(", ")}` : "")),
      fact("event", `${claim.sub_event_type}`),
      fact("actors", [claim.actor1, claim.actor2].filter(Boolean).join(" against ")),
      fact("date", claim.date.start && `${claim.date.start}${claim.date.text ? ` ("${claim.date.text}")` : ""}`),
      fact("place", claim.location && `${claim.location.name} ("${claim.location.text}")`),
      fact("figures", quantities.join("; "))),
    el("p", { class: "source" },
      el("button", { type: "button", class: "link", onclick: () => openDoc(claim.document_id, claim.id) },
        `${doc.outlet || doc.source || "document"}${doc.language ? ` (${doc.language})` : ""}`),
      doc.title ? ` — ${doc.title}` : "", doc.published ? `, ${doc.published}` : ""));
}

export function renderDetail(node, detail, openDoc, close) {
  const e = detail.event;
  const documents = Object.fromEntries(detail.documents.map((d) => [d.id, d]));
  const level = detail.corroboration;
  clear(node).append(
    el("div", { class: "detail-head" },
      el("button", { type: "button", class: "close", onclick: close, "aria-label": "Close" }, "×"),
      el("h2", {}, el("span", { class: "swatch", style: null, dataset: { type: e.event_type } }),
        `${e.sub_event_type} at ${e.location || "an unknown place"}`),
      el("p", { class: "meta" }, [e.event_date || "undated", e.admin1, e.country,
        `${e.fatalities} fatalities (lowest figure reported)`, `${e.sources.length} sources`,
        e.event_id].filter(Boolean).join(" · ")),
      el("p", { class: `level level-${level.level}` }, level.label,
        level.sides.length ? ` (sides: ${level.sides.map(sideName).join(", ")})` : ""),
      detail.contradictions.length || detail.contradiction_notes.length
        ? el("div", { class: "contradictions" }, el("strong", {}, "Claimants differ: "),
            detail.contradictions.map((c) => el("span", {}, `${c.kind}: `,
              c.figures.map((f) => `${f.claimant} ${f.value}${f.high ? `–${f.high}` : ""}`)
                .join(" vs "), ". ")),
            detail.contradiction_notes.filter((n) => !n.startsWith("killed:"))
              .map((n) => el("span", {}, `${n}. `)))
        : null),
    el("div", { class: "claimants" }, detail.claimants.map((g) =>
      el("section", { class: "claimant", dataset: { side: g.side || "" } },
        el("h3", {}, g.claimant), el("p", { class: "side" }, sideName(g.side),
          ` · ${g.claims.length} claim${g.claims.length > 1 ? "s" : ""}`),
        g.claims.map((c) => claimCard(c, documents, openDoc))))),
    el("details", { class: "merge" }, el("summary", {}, "Why these claims are one event"),
      el("p", {}, detail.merge.rule),
      el("dl", { class: "facts" }, Object.entries(detail.merge.common_key).map(([k, v]) => fact(k, v))),
      el("ul", {}, detail.merge.claims.map((c) => el("li", {}, `${c.claim_id}: ${c.why}`))),
      detail.merge.related_events.length
        ? el("p", {}, `Related: ${detail.merge.related_events.join(", ")}`) : null));
  const swatch = node.querySelector(".swatch");
  swatch.style.background = colour(e.event_type);
}

export async function showDocument(box, id, claimId) {
  const doc = await getJSON(`/api/documents/${encodeURIComponent(id)}?removed=true`);
  box.querySelector("#doc-title").textContent = doc.title || doc.source;
  box.querySelector("#doc-meta").textContent = [doc.outlet, doc.language, doc.published,
    doc.url].filter(Boolean).join(" · ");
  const text = clear(box.querySelector("#doc-text"));
  const spans = [...doc.spans].sort((a, b) => a.start - b.start);
  let at = 0;
  let focus = null;
  for (const s of spans) {
    if (s.start < at) continue;
    text.append(doc.text.slice(at, s.start));
    const mark = el("mark", { class: s.claim_id === claimId ? "focus" : "",
                              title: `${s.claimed_by}: ${s.sub_event_type}` },
                    doc.text.slice(s.start, s.end));
    if (s.claim_id === claimId) focus = mark;
    text.append(mark);
    at = s.end;
  }
  text.append(doc.text.slice(at));
  const clutter = clear(box.querySelector("#doc-clutter"));
  const toggle = box.querySelector("#doc-removed");
  const fill = () => {
    clear(clutter);
    if (!toggle.checked) return;
    clutter.append(el("h3", {}, `Removed by cleaning (${doc.removed.length})`),
      el("ul", {}, doc.removed.map((r) => el("li", {}, el("code", {}, r.reason), " ", r.text))));
  };
  toggle.onchange = fill;
  fill();
  box.hidden = false;
  if (focus) focus.scrollIntoView({ block: "center" });
}
