"""One event for the analyst: its claims grouped by claimant, the corroboration level, the
contradictions between claimants, and why the claims were grouped.

Level, contradictions and merge evidence are the corroborate stage's own (`Event.
corroboration`, `contradictions`, `merge_evidence`); the page adds what it needs to show
them: the figures behind each contradiction with their claims, and each claim's event key.
Events stored before those fields existed get the level derived here by the same rule, from
the claimants' sides: `both belligerents agree` (claimants of two sides); `independent
confirmation` (a claimant of neither side, e.g. an outlet's own reporting, beside another);
`one side only`; `one claimant only`.
"""

from __future__ import annotations

from typing import Any

from frontwatch.corroborate.events import event_key
from frontwatch.model import Claim, Event
from frontwatch.store import Store

KEY_FIELDS = ("event_type", "sub_event_type", "date", "place", "scale", "actor1_side",
              "actor2_side")
CONTEXT = 160  # characters of the document shown on each side of an evidence sentence


LEVELS = {"both belligerents agree": "belligerents", "independent confirmation": "independent",
          "one side only": "one-side", "one claimant only": "single"}


def corroboration(claimants: dict[str, str | None], stated: str = "") -> dict[str, Any]:
    sides = sorted({s for s in claimants.values() if s})
    independent = sorted(c for c, s in claimants.items() if not s)
    if stated in LEVELS:
        text = stated
    elif len(sides) >= 2:
        text = "both belligerents agree"
    elif len(claimants) >= 2 and independent:
        text = "independent confirmation"
    elif len(claimants) >= 2:
        text = "one side only"
    else:
        text = "one claimant only"
    return {"level": LEVELS[text], "label": text, "sides": sides, "independent": independent}


def contradictions(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Quantities of one kind (killed, wounded, ...) that claimants report differently."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        for q in c["quantities"]:
            if q.get("value") is None:
                continue
            by_kind.setdefault(q["kind"], []).append({
                "claimant": c["claimed_by"], "value": q["value"], "high": q.get("high"),
                "text": q.get("text", ""), "claim_id": c["id"]})
    out = []
    for kind, figures in sorted(by_kind.items()):
        if len({(f["value"], f["high"]) for f in figures}) > 1:
            figures.sort(key=lambda f: (f["value"], f["claimant"]))
            out.append({"kind": kind, "figures": figures})
    return out


def merge_evidence(event: Event, records: list[dict[str, Any]]) -> dict[str, Any]:
    """Each claim's event key and why it joined (the stage's evidence when it has some)."""
    stated = {m.get("claim"): m for m in event.merge_evidence}
    anchors = {m.get("joined") for m in event.merge_evidence}
    keys = [dict(zip(KEY_FIELDS, event_key(Claim.from_record(r)), strict=True))
            for r in records]
    common = {f: v for f, v in keys[0].items() if all(k[f] == v for k in keys)} if keys else {}
    per_claim = []
    for r, key in zip(records, keys, strict=True):
        differs = {f: v for f, v in key.items() if f not in common}
        if r["id"] in stated:
            m = stated[r["id"]]
            why = f"{m.get('by')} (joined {m.get('joined')})"
        elif r["id"] in anchors:
            why = "anchor: the claim the others joined"
        elif not differs:
            why = "same event key"
        elif key["actor1_side"] == "?" and key["actor2_side"] == "?":
            why = "names no actor: joins the one event of its kind, day and place"
        elif "place" in differs:
            why = "placed only at a region: folded into the one town event inside it"
        else:
            why = "grouped by corroborate"
        per_claim.append({"claim_id": r["id"], "key": key, "why": why})
    return {"rule": "claims telling the same kind of happening on the same day at the same "
                    "place and scale, between the same sides, are one event",
            "common_key": common, "claims": per_claim, "related_events": event.related_events}


def _context(text: str, start: int, end: int) -> dict[str, str]:
    lo, hi = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    return {"before": ("…" if lo else "") + text[lo:start], "sentence": text[start:end],
            "after": text[end:hi] + ("…" if hi < len(text) else "")}


def event_detail(store: Store, event: Event) -> dict[str, Any]:
    rows = store.claim_rows(event.claims)
    claims = [r["data"] for r in rows]
    docs: dict[str, dict[str, Any]] = {}
    for c in claims:
        if c["document_id"] not in docs:
            docs[c["document_id"]] = store.document_row(c["document_id"]) or {}
    for c in claims:
        doc = docs[c["document_id"]]
        text = doc.get("text", "")
        c["context"] = _context(text, c["start"], c["end"]) if text else None
    claimants: dict[str, str | None] = {}
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        claimants.setdefault(c["claimed_by"], c.get("claimant_side"))
        groups.setdefault(c["claimed_by"], []).append(c)
    return {
        "event": event.to_dict(),
        "corroboration": corroboration({**claimants, **event.claimant_sides},
                                       event.corroboration),
        "contradictions": contradictions(claims),
        "contradiction_notes": event.contradictions,
        "claimants": [{"claimant": name, "side": claimants[name], "claims": cs}
                      for name, cs in sorted(groups.items(),
                                             key=lambda kv: (claimants[kv[0]] or "~", kv[0]))],
        "documents": [{k: d.get(k) for k in ("id", "source", "url", "outlet", "language",
                                             "published", "title")}
                      for d in docs.values() if d],
        "merge": merge_evidence(event, [r["record"] for r in rows]),
    }
