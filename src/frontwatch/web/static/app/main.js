// The analyst's desk: wires the map, the timeline, the filters, the panel and the URL.
import { clear, el, getJSON } from "./dom.js";
import { colour, EventMap, TYPE_COLOURS } from "./map.js";
import { renderDetail, showDocument } from "./panel.js";
import { readHash, writeHash } from "./state.js";
import { dayToIso, isoToDay, Timeline } from "./timeline.js";

const LIST_MAX = 60;
const state = readHash();
const form = document.getElementById("filters");
let data = null;
let textHits = null;  // Set of event ids matching the text query, or null
let byId = new Map();

const SIDE_LABELS = { RU: "Russia", UA: "Ukraine" };

function options(name, values) {
  const select = form.elements[name];
  const label = (v) => (name === "side" && SIDE_LABELS[v] ? `${SIDE_LABELS[v]} (${v})` : v);
  for (const v of [...values].sort()) select.append(el("option", { value: v }, label(v)));
}

function matches(i, skipTime) {
  const c = data.columns, n = data.names;
  const has = (list, dict, wanted) => !wanted || list.some((k) => dict[k] === wanted);
  if (state.type && n.type[c.type[i]] !== state.type && n.sub[c.sub[i]] !== state.type) return false;
  if (state.actor) {
    const want = state.actor.toLowerCase();
    if (!c.actors[i].some((k) => n.actor[k].toLowerCase().includes(want))) return false;
  }
  if (!has(c.claimants[i], n.claimant, state.claimant)) return false;
  if (!has(c.sides[i], n.side, state.side)) return false;
  if (!has(c.outlets[i], n.outlet, state.outlet)) return false;
  if (!has(c.languages[i], n.language, state.language)) return false;
  if (textHits && !textHits.has(c.id[i])) return false;
  if (!skipTime) {
    const d = c.day[i], from = isoToDay(state.from || ""), to = isoToDay(state.to || "");
    if (from !== null && (d === null || d < from)) return false;
    if (to !== null && (d === null || d > to)) return false;
  }
  return true;
}

function update() {
  const all = data.columns.id.map((_, i) => i);
  const untimed = all.filter((i) => matches(i, true));
  const visible = untimed.filter((i) => matches(i, false));
  timeline.setData(data.columns.day, untimed.map((i) => data.columns.day[i]));
  map.setEvents(data, visible);
  document.getElementById("count").textContent =
    `${visible.length.toLocaleString("en")} of ${data.count.toLocaleString("en")} events`;
  visibleNow = visible;
  renderList();
  writeHash(state);
}

let visibleNow = [];
function renderList() {
  const c = data.columns, n = data.names;
  const shown = map.inView(visibleNow).sort((a, b) => c.sources[b] - c.sources[a]
    || (c.day[b] ?? 0) - (c.day[a] ?? 0));
  document.getElementById("list-title").textContent =
    `Events in view: ${shown.length.toLocaleString("en")}`;
  clear(document.getElementById("list")).append(...shown.slice(0, LIST_MAX).map((i) =>
    el("li", {}, el("button", { type: "button", class: "event-row", dataset: { event: c.id[i] },
                                onclick: () => openEvent(c.id[i]) },
      el("span", { class: "dot" }), `${c.day[i] !== null ? dayToIso(c.day[i]) : "undated"} · `,
      el("strong", {}, c.location[i] !== null ? n.location[c.location[i]] : "unplaced"),
      ` · ${n.sub[c.sub[i]]} · ${c.sources[i]} source${c.sources[i] > 1 ? "s" : ""}`))));
  document.querySelectorAll("#list .event-row").forEach((b) => {
    b.querySelector(".dot").style.background = colour(n.type[c.type[byId.get(b.dataset.event)]]);
  });
}

async function openEvent(id) {
  state.event = id;
  writeHash(state);
  const detail = document.getElementById("detail");
  try {
    const found = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    renderDetail(detail, found, openDoc, closeEvent);
    document.getElementById("panel").classList.add("has-detail");
    map.select(byId.has(id) ? byId.get(id) : null);
  } catch (err) {
    clear(detail).append(el("p", { class: "error" }, String(err.message)));
  }
}

function closeEvent() {
  delete state.event;
  clear(document.getElementById("detail"));
  document.getElementById("panel").classList.remove("has-detail");
  map.select(null);
  writeHash(state);
}

function openDoc(id, claimId) {
  state.doc = id;
  writeHash(state);
  showDocument(document.getElementById("doc-view"), id, claimId)
    .catch((err) => alert(err.message));
}

document.getElementById("doc-close").addEventListener("click", () => {
  document.getElementById("doc-view").hidden = true;
  delete state.doc;
  writeHash(state);
});

let textTimer = null;
async function runText() {
  if (!state.q) {
    textHits = null;
  } else {
    const found = await getJSON(`/api/search?limit=200&q=${encodeURIComponent(state.q)}`);
    textHits = new Set(found.hits.flatMap((h) => h.events));
  }
  update();
}

form.addEventListener("input", (e) => {
  const name = e.target.name;
  if (!name) return;
  if (e.target.value) state[name] = e.target.value; else delete state[name];
  if (name === "q") {
    clearTimeout(textTimer);
    textTimer = setTimeout(runText, 300);
  } else update();
});
form.addEventListener("submit", (e) => e.preventDefault());
document.getElementById("reset").addEventListener("click", () => {
  for (const k of ["type", "actor", "claimant", "side", "outlet", "language", "q", "from", "to"]) {
    delete state[k];
  }
  form.reset();
  textHits = null;
  timeline.range = null;
  update();
});

function chooseEvent(hits) {
  if (hits.length === 1) {
    openEvent(data.columns.id[hits[0]]);
    return;
  }
  const c = data.columns, n = data.names;
  document.getElementById("panel").classList.add("has-detail");
  clear(document.getElementById("detail")).append(
    el("h2", {}, `${hits.length} events here`),
    el("ol", { class: "stack" }, hits.map((i) => el("li", {}, el("button", {
      type: "button", class: "event-row", dataset: { event: c.id[i] },
      onclick: () => openEvent(c.id[i]) },
    `${c.day[i] !== null ? dayToIso(c.day[i]) : "undated"} · `,
    el("strong", {}, c.location[i] !== null ? n.location[c.location[i]] : "unplaced"),
    ` · ${n.sub[c.sub[i]]} · ${c.sources[i]} source${c.sources[i] > 1 ? "s" : ""}`)))));
}

const map = new EventMap(document.getElementById("map"), chooseEvent,
  (m) => {
    const c = m.getCenter();
    state.map = `${c.lat.toFixed(4)},${c.lng.toFixed(4)},${m.getZoom()}`;
    if (data) renderList();
    writeHash(state);
  });
const timeline = new Timeline(document.getElementById("timeline"),
  document.getElementById("timeline-label"), (range) => {
    if (range) {
      state.from = dayToIso(range[0]);
      state.to = dayToIso(range[1]);
    } else {
      delete state.from;
      delete state.to;
    }
    update();
  });

function legend() {
  clear(document.getElementById("legend")).append(...Object.entries(TYPE_COLOURS)
    .filter(([t]) => data.names.type.includes(t)).map(([t, c]) => {
      const dot = el("span", { class: "dot" });
      dot.style.background = c;
      return el("span", { class: "key" }, dot, t);
    }), el("span", { class: "key" }, "size: number of sources"));
}

async function start() {
  const view = (state.map || "").split(",").map(Number);
  map.setView(view.length === 3 && view.every(Number.isFinite)
    ? { lat: view[0], lon: view[1], zoom: view[2] } : null);
  // The outlines (preloaded) are drawn just after the events, which do not wait for them.
  const outlines = Promise.all([getJSON("/static/data/countries.json"),
                                getJSON("/static/data/admin1-ukraine.json")]);
  data = await getJSON("/api/map");
  performance.mark("fw-index");
  byId = new Map(data.columns.id.map((id, i) => [id, i]));
  options("type", data.names.type);
  options("claimant", data.names.claimant);
  options("side", data.names.side);
  options("outlet", data.names.outlet);
  options("language", data.names.language);
  document.getElementById("actor-list").append(...data.names.actor.map((a) => el("option", { value: a })));
  for (const k of ["type", "actor", "claimant", "side", "outlet", "language", "q"]) {
    if (state[k]) form.elements[k].value = state[k];
  }
  const from = isoToDay(state.from || ""), to = isoToDay(state.to || "");
  if (from !== null && to !== null) timeline.range = [from, to];
  legend();
  performance.mark("fw-filters");
  if (state.q) await runText(); else update();
  performance.mark("fw-drawn");
  document.body.dataset.ready = "true";
  window.frontwatchReady = performance.now();
  map.drawOutlines(...await outlines);
  performance.mark("fw-outlines");
  document.body.dataset.outlines = "true";
  if (state.event) await openEvent(state.event);
  if (state.doc) openDoc(state.doc, null);
}

window.frontwatch = { state, map, timeline, indexOf: (id) => byId.get(id),
                      pointOf: (id) => map.pointOf(byId.get(id)) };
start().catch((err) => {
  document.getElementById("count").textContent = `error: ${err.message}`;
});
