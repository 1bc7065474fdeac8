"""Counted things: "plus de 200 soldats ukrainiens", "cinq chars", "plusieurs milliers".

A quantity is a number (digits or words, with a multiplier) or a vague amount, an optional
qualifier (at_least, at_most, about, range), and a counted noun from the pack's units.
What happened to the counted things comes from the outcome word nearest to them (or from
the noun itself: "deux morts"); whose they are, from a nationality word right after the
noun. Tolls also come as "the death toll rose to 24" and as one person named without a
number beside the word of their death ("погиб мужчина"); a count introduced by "including"
is part of the one before it and never a toll of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from frontwatch.langpack import FLAGS, LangPack
from frontwatch.model import Quantity

DIGITS = r"\d{1,3}(?:[  \u202f.,]\d{3})+|\d+"
PERSONNEL_OUTCOMES = ("killed", "wounded", "captured", "missing", "encircled", "evacuated")
EQUIPMENT_OUTCOMES = ("destroyed", "captured")
SIDE_WINDOW = 30
# How far from its outcome word a lone person noun still counts as one casualty.
SINGLE_REACH = 25
# The kind of a count that is part of one just before it: never a toll of its own.
SUBSET = "among them"


@dataclass(frozen=True)
class Found:
    quantity: Quantity
    start: int
    end: int


def _alt(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@cache
def _grammar(pack: LangPack) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = pack.get("numbers", "words", {})
    mults = pack.get("numbers", "multipliers", {})
    vague = pack.get("numbers", "vague", {})
    quals = pack.get("numbers", "qualifiers", {})
    units = pack.get("numbers", "unit", [])
    qual = "|".join(
        f"(?P<q_{name}>{'|'.join(pats)})"
        for name, pats in quals.items()
        if name != "range_joiners" and pats
    )
    number = rf"(?:{DIGITS}|{_alt(list(words))})"
    joiners = "|".join(re.escape(j) for j in quals.get("range_joiners", []))
    unit = "|".join(f"(?P<u{i}>{u['pattern']})" for i, u in enumerate(units))
    link = r"(?:\s+(?:de|d['’]|of|из|з))?\s*"
    exact = (
        rf"(?<!\w)(?:(?:{qual})\s*)?(?P<num>{number})"
        rf"(?:\s*(?:{joiners})\s*(?P<high>{number}))?"
        rf"(?:\s+(?P<mult>{_alt(list(mults))}))?{link}(?:{unit})(?!\w)"
    )
    fuzzy = rf"(?<!\w)(?P<vague>{_alt(list(vague))}){link}(?:{unit})(?!\w)"
    return re.compile(exact, FLAGS), re.compile(fuzzy, FLAGS)


def _value(text: str, pack: LangPack) -> int:
    words = {k.casefold(): v for k, v in pack.get("numbers", "words", {}).items()}
    if text.casefold() in words:
        return int(words[text.casefold()])
    return int(re.sub(r"[^\d]", "", text))


def _unit(m: re.Match[str], pack: LangPack) -> dict[str, str]:
    units = pack.get("numbers", "unit", [])
    for i, u in enumerate(units):
        if m.group(f"u{i}"):
            return u
    raise ValueError("a quantity matched without a unit")


def _outcome(sentence: str, pos: int, pack: LangPack, allowed: tuple[str, ...],
             within: int = 10**9, start: int | None = None) -> str:
    """The outcome word nearest to `pos`. With `start` (where the counted words begin), an
    outcome word before them is measured from its end, so that a long noun phrase after
    the verb ("загинула 68-річна жінка") is as close to it as a short one."""
    outcomes = pack.get("numbers", "outcomes", {})
    best, best_dist = "", within
    for name in allowed:
        for pat in outcomes.get(name, []):
            for m in re.finditer(rf"(?<!\w)(?:{pat})(?!\w)", sentence, FLAGS):
                if start is not None and m.end() <= start:
                    dist = start - m.end()
                else:
                    dist = abs(m.start() - pos)
                if dist < best_dist:
                    best, best_dist = name, dist
    return best


def _side(after: str, pack: LangPack) -> str | None:
    found = pack.side_of(r"\s*(?:{words})(?!\w)", after, anchored=True)
    return found[0] if found else None


def _side_within(phrase: str, pack: LangPack) -> str | None:
    found = pack.side_of(r"(?<!\w)(?:{words})(?!\w)", phrase)
    return found[0] if found else None


def find_quantities(sentence: str, pack: LangPack) -> list[Found]:
    exact, fuzzy = _grammar(pack)
    mults = {k.casefold(): v for k, v in pack.get("numbers", "multipliers", {}).items()}
    vague = {k.casefold(): v for k, v in pack.get("numbers", "vague", {}).items()}
    found: list[Found] = []
    for m in fuzzy.finditer(sentence):
        unit = _unit(m, pack)
        q = Quantity("", None, "vague", m.group(0), unit["unit"],
                     magnitude=int(vague[m["vague"].casefold()]))
        found.append(_finish(q, unit, m, sentence, pack))
    for m in exact.finditer(sentence):
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        unit = _unit(m, pack)
        factor = int(mults[m["mult"].casefold()]) if m["mult"] else 1
        value = _value(m["num"], pack) * factor
        qualifier = next(
            (k[2:] for k, v in m.groupdict().items() if k.startswith("q_") and v), "exact"
        )
        high = _value(m["high"], pack) * factor if m["high"] else None
        if high is not None:
            qualifier = "range"
        q = Quantity("", value, qualifier, m.group(0), unit["unit"], high=high)
        found.append(_finish(q, unit, m, sentence, pack))
    found.extend(_singles(sentence, pack, found))
    found.extend(_tolls(sentence, pack, found))
    found.sort(key=lambda f: f.start)
    _parts_of_toll(found)
    return found


def _parts_of_toll(found: list[Found]) -> None:
    """"Two civilians, a man and a woman, were killed", "tuant sept personnes ... une famille
    de cinq a péri": a smaller count of the dead (or wounded) after a larger one in the same
    sentence tells who they were, not a lower toll."""
    for outcome in ("killed", "wounded"):
        largest = 0
        for f in found:
            q = f.quantity
            if q.kind != outcome or q.value is None:
                continue
            if q.value < largest:
                q.kind = SUBSET
            largest = max(largest, q.value)


def _tolls(sentence: str, pack: LangPack, found: list[Found]) -> list[Found]:
    """"the death toll rose to 24", "le bilan s'élève à 12 morts": a count of the dead
    with no counted noun of its own."""
    cues = pack.get("numbers", "toll", [])
    if not cues:
        return []
    number = rf"(?P<num>{DIGITS}|{_alt(list(pack.get('numbers', 'words', {})))})"
    out: list[Found] = []
    for m in re.finditer(rf"(?<!\w)(?:{'|'.join(cues)})\s*{number}(?!\w)", sentence, FLAGS):
        start = m.start("num")
        if any(f.start <= start < f.end for f in found):
            continue  # "rose to 24 people": already counted, with its noun
        q = Quantity("killed", _value(m["num"], pack), "exact", m.group(0), "people",
                     outcome="killed")
        out.append(Found(q, start, m.end()))
    return out


def _singles(sentence: str, pack: LangPack, found: list[Found]) -> list[Found]:
    """One person named without a number ("погиб мужчина", "a tractor driver was killed"):
    a count of one, but only beside its outcome word, lest a passing mention lower a toll."""
    words = pack.get("numbers", "single", [])
    if not words:
        return []
    out: list[Found] = []
    for m in re.finditer(rf"(?<!\w)(?:{_alt(words)})(?!\w)", sentence, FLAGS):
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        outcome = _outcome(sentence, m.end(), pack, ("killed", "wounded"),
                           within=SINGLE_REACH, start=m.start())
        if outcome:
            # "cinq morts, dont un enfant": one of the five, not a toll of one.
            kind = SUBSET if _subset(sentence, m.start(), pack) else outcome
            q = Quantity(kind, 1, "exact", m.group(0), "civilians", outcome=outcome)
            out.append(Found(q, m.start(), m.end()))
    return _joined(out, sentence, pack)


def _joined(singles: list[Found], sentence: str, pack: LangPack) -> list[Found]:
    """"Чоловік і жінка загинули": people named one by one and joined by "and" are one
    count of them all, lest the toll read as one."""
    joiners = pack.get("numbers", "single_joiners", [])
    if not joiners:
        return singles
    # "and" may bring a word or two of its own: "женщина и ее 15-летний сын"
    link = re.compile(rf"\s*(?:,\s*)?(?:(?:{_alt(joiners)})\s+(?:\S+\s+){{0,2}})?$", FLAGS)
    out: list[Found] = []
    for f in singles:
        last = out[-1] if out else None
        if (last is not None and last.quantity.outcome == f.quantity.outcome
                and link.match(sentence[last.end : f.start])):
            q = last.quantity
            text = sentence[last.start : f.end]
            out[-1] = Found(Quantity(q.kind, (q.value or 0) + 1, q.qualifier, text, q.unit,
                                     outcome=q.outcome), last.start, f.end)
            continue
        out.append(f)
    return out


def _subset(sentence: str, start: int, pack: LangPack) -> bool:
    """"23 people, including three children": the second count is part of the first."""
    cues = pack.get("numbers", "subset", [])
    before = sentence[max(0, start - SIDE_WINDOW) : start]
    return bool(cues) and bool(re.search(rf"(?<!\w)(?:{'|'.join(cues)})[\s,:]*$", before, FLAGS))


def _finish(q: Quantity, unit: dict[str, str], m: re.Match[str], sentence: str,
            pack: LangPack) -> Found:
    cls = unit.get("class", "other")
    if cls == "personnel":
        # "deux morts", "семь погибших": the noun itself says what happened.
        q.outcome = unit.get("outcome") or _outcome(sentence, m.start(), pack,
                                                    PERSONNEL_OUTCOMES)
        q.kind = q.outcome or "people"
        if _subset(sentence, m.start(), pack):
            q.kind = SUBSET
    elif cls == "equipment":
        q.outcome = _outcome(sentence, m.start(), pack, EQUIPMENT_OUTCOMES)
        q.kind = unit["unit"]
    else:
        q.kind = unit["unit"]
    # "200 soldats ukrainiens" puts the side after the noun, "200 Ukrainian soldiers" and
    # "200 украинских военных" inside the matched phrase.
    q.side = _side_within(m.group(0), pack) or _side(sentence[m.end() : m.end() + SIDE_WINDOW],
                                                     pack)
    return Found(q, m.start(), m.end())
