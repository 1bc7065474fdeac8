"""Event trigger words and the modality cues around them.

A trigger is a surface pattern, or a verb family given by its dictionary forms (`lemmas`,
read through the language's morphology), so that any tense, aspect or participle of the
verb ("обстрелян", "обстрелювали", "знищено") fires without listing its endings; `after`
may require words that follow it ("били | по ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from frontwatch.analyse.rules import word_forms
from frontwatch.langpack import FLAGS, LangPack, load_data

CUE_WINDOW = 40  # characters before a trigger searched for "menace d'", "ce", ...
WORD = re.compile(r"\w+(?:[-'’ʼ]\w+)*")


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
    # The kind of actor that does it when the words name only a country ("Russia's
    # mobilisation" is its government's act); None: the family's usual kind.
    actor_kind: str | None = None


@dataclass(frozen=True)
class _Trigger:
    pattern: re.Pattern[str] | None  # on the surface text
    lemmas: re.Pattern[str] | None  # on each word's dictionary forms
    after: re.Pattern[str] | None  # must follow a lemma match
    data: dict[str, Any]

    def spans(self, sentence: str, code: str) -> list[tuple[int, int]]:
        if self.pattern is not None:
            return [m.span() for m in self.pattern.finditer(sentence)]
        forms = word_forms(code)
        return [
            w.span() for w in WORD.finditer(sentence)
            if any(self.lemmas.fullmatch(f) for f in forms(w.group(0)))  # type: ignore[union-attr]
            and (self.after is None or self.after.match(sentence, w.end()))
        ]


@cache
def _triggers(pack: LangPack) -> list[_Trigger]:
    out = []
    for t in pack.get("triggers", "trigger", []):
        pattern = re.compile(rf"(?<!\w)(?:{t['pattern']})", FLAGS) if "pattern" in t else None
        lemmas = re.compile(t["lemmas"], FLAGS) if "lemmas" in t else None
        after = re.compile(t["after"], FLAGS) if "after" in t else None
        out.append(_Trigger(pattern, lemmas, after, t))
    return out


Retype = tuple[str, re.Pattern[str], re.Pattern[str] | None, dict[str, Any]]


@cache
def _retypes(pack: LangPack) -> list[Retype]:
    return [
        (r["family"], re.compile(r["cue"], FLAGS),
         re.compile(r["unless"], FLAGS) if r.get("unless") else None, r)
        for r in pack.get("triggers", "retype", [])
    ]


def _retype(hit: Hit, sentence: str, pack: LangPack) -> Hit | None:
    """A general word takes its ACLED type from what the sentence says about the target:
    an attack on villagers is violence against civilians, not a battle. A rule with
    `drop = true` says the word tells no ACLED event there (a factory that exploded)."""
    for family, cue, unless, r in _retypes(pack):
        if family != hit.family or not cue.search(sentence):
            continue
        if "trigger" in r and not re.fullmatch(r["trigger"], hit.text, FLAGS):
            continue
        if unless is not None and unless.search(sentence):
            continue
        if r.get("drop", False):
            return None
        return replace(hit, event_type=r["event_type"], sub_event_type=r["sub_event_type"],
                       family=r.get("as_family", hit.family))
    return hit


def find_hits(sentence: str, pack: LangPack) -> list[Hit]:
    hypothetical = pack.regex("modality", "hypothetical_before", anchor_end=True, words=False)
    anaphora = pack.regex("modality", "anaphora_before", anchor_end=True, words=False)
    hits: list[Hit] = []
    for trigger in _triggers(pack):
        t = trigger.data
        for start, end in trigger.spans(sentence, pack.code):
            before = sentence[max(0, start - CUE_WINDOW) : start]
            status = "event"
            if hypothetical.search(before):
                status = "hypothetical"
            elif anaphora.search(before):
                status = "anaphora"
            if any(h.start < end and start < h.end for h in hits):
                continue  # a more specific trigger listed earlier already took these words
            hits.append(
                Hit(
                    start,
                    end,
                    sentence[start:end],
                    t["family"],
                    t["role"],
                    t["event_type"],
                    t["sub_event_type"],
                    bool(t.get("context", False)),
                    int(t.get("priority", 1)),
                    str(t.get("place", "sentence")),
                    status,
                    t.get("actor_kind"),
                )
            )
    typed = [t for h in hits if (t := _retype(h, sentence, pack)) is not None]
    return sorted(typed, key=lambda h: h.start)


@cache
def _rules() -> tuple[dict[str, set[str]], list[dict[str, Any]]]:
    acled = load_data("acled")
    subsumes = {k: set(v) for k, v in acled.get("precedence", {}).items()}
    return subsumes, list(acled.get("combine", []))


def _combine(live: list[Hit]) -> list[Hit]:
    """Two kinds of happening told together can make a third: arrests at a protest are a
    protest with intervention. The first hit of `family` takes the combined type and the
    partner's hits go."""
    for rule in _rules()[1]:
        families = {h.family for h in live}
        if rule["family"] not in families or rule["with"] not in families:
            continue
        first = next(h for h in live if h.family == rule["family"])
        live = [
            replace(h, event_type=rule["event_type"], sub_event_type=rule["sub_event_type"],
                    family=rule.get("as_family", h.family)) if h is first else h
            for h in live
            if h.family != rule["with"]
        ]
    return live


def select(hits: list[Hit], date_of: dict[int, int | None]) -> list[Hit]:
    """One hit per (family, date) among live hits: several words for one happening
    ("signé ... des accords") make one claim, but the same kind of event told with two
    different dates is two claims. `date_of` maps a hit's start to its date mention."""
    live = _combine([h for h in hits if h.status == "event"])
    families = {h.family for h in live}
    # A specific kind outranks the general words told with it: a change of territory is
    # the outcome of the fighting around it, a grenade attack is not a battle too.
    subsumes = _rules()[0]
    dropped = {f for fam in families for f in subsumes.get(fam, set()) if f != fam}
    chosen: dict[tuple[str, int | None], Hit] = {}
    for h in live:
        if h.family in dropped:
            continue
        key = (h.family, date_of.get(h.start))
        best = chosen.get(key)
        if best is None or h.priority > best.priority:
            chosen[key] = h
    return sorted(chosen.values(), key=lambda h: h.start)
