"""Event trigger words and the modality cues around them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from frontwatch.langpack import FLAGS, LangPack

CUE_WINDOW = 40  # characters before a trigger searched for "menace d'", "ce", ...


@dataclass(frozen=True)
class Hit:
    start: int  # offsets in the sentence
    end: int
    text: str
    family: str
    role: str
    event_type: str
    sub_event_type: str
    context: bool
    priority: int
    place_policy: str
    status: str  # event | hypothetical | anaphora


@cache
def _triggers(pack: LangPack) -> list[tuple[re.Pattern[str], dict[str, Any]]]:
    return [
        (re.compile(rf"(?<!\w)(?:{t['pattern']})", FLAGS), t)
        for t in pack.get("triggers", "trigger", [])
    ]


def find_hits(sentence: str, pack: LangPack) -> list[Hit]:
    hypothetical = pack.regex("modality", "hypothetical_before", anchor_end=True, words=False)
    anaphora = pack.regex("modality", "anaphora_before", anchor_end=True, words=False)
    hits: list[Hit] = []
    for pattern, t in _triggers(pack):
        for m in pattern.finditer(sentence):
            before = sentence[max(0, m.start() - CUE_WINDOW) : m.start()]
            status = "event"
            if hypothetical.search(before):
                status = "hypothetical"
            elif anaphora.search(before):
                status = "anaphora"
            if any(h.start < m.end() and m.start() < h.end for h in hits):
                continue  # a more specific trigger listed earlier already took these words
            hits.append(
                Hit(
                    m.start(),
                    m.end(),
                    m.group(0),
                    t["family"],
                    t["role"],
                    t["event_type"],
                    t["sub_event_type"],
                    bool(t.get("context", False)),
                    int(t.get("priority", 1)),
                    str(t.get("place", "sentence")),
                    status,
                )
            )
    return sorted(hits, key=lambda h: h.start)


# A change of territory is the outcome of the fighting around it: when both are told in
# one sentence, the sentence reports the change. Likewise a downed missile is not a strike.
SUBSUMES = {"territory": {"clash"}, "disrupted": {"strike"}}


def select(hits: list[Hit], date_of: dict[int, int | None]) -> list[Hit]:
    """One hit per (family, date) among live hits: several words for one happening
    ("signé ... des accords") make one claim, but the same kind of event told with two
    different dates is two claims. `date_of` maps a hit's start to its date mention."""
    live = [h for h in hits if h.status == "event"]
    families = {h.family for h in live}
    dropped = {f for fam in families for f in SUBSUMES.get(fam, set())}
    chosen: dict[tuple[str, int | None], Hit] = {}
    for h in live:
        if h.family in dropped:
            continue
        key = (h.family, date_of.get(h.start))
        best = chosen.get(key)
        if best is None or h.priority > best.priority:
            chosen[key] = h
    return sorted(chosen.values(), key=lambda h: h.start)
