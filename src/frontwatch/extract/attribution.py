"""Who says so: the speaker of a sentence and the chain it reached the outlet through.

A speaker is a known claimant standing as subject of a reporting verb ("la Défense russe a
affirmé", or inverted: "a rapporté le ministère"), or after "selon"/"according to". A
reporting phrase without a subject ("Et d'ajouter") keeps the previous speaker. A wire
agency cited anywhere in a paragraph ("selon l'AFP") is the channel (`via`) of the other
claims of that paragraph. With no speaker, the outlet itself asserts the claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontwatch.langpack import LangPack
from frontwatch.model import Mention

SUBJECT_GAP = re.compile(r"^[\s,]*(?:\w+\s+){0,2}$")  # "X a affirmé", "X avait déjà affirmé"
INVERTED_GAP = re.compile(r"^[\s,]*(?:\w+['’]?\s*)?$")  # "a rapporté le ministère"
ACCORDING_GAP = re.compile(r"^[\s,]*(?:\w+['’]\s*)?$")  # "selon l'AFP"
PREVIOUS = "@previous"


@dataclass
class Attribution:
    claimant: str | None  # key of data/actors.toml [claimant], None: the outlet speaks
    mention: Mention | None
    how: str  # verb | according_to | continuation | outlet
    denied: bool = False


def attribute(
    sentence: str, offset: int, speakers: list[Mention], pack: LangPack, previous: str | None
) -> Attribution:
    """`speakers`: claimant mentions inside the sentence (document offsets)."""
    local = [(m, m.start - offset, m.end - offset) for m in speakers]
    for verb in pack.regex("reporting", "verbs").finditer(sentence):
        for m, _s, e in sorted(local, key=lambda t: -t[1]):
            if e <= verb.start() and SUBJECT_GAP.match(sentence[e : verb.start()]):
                return _resolve(m, "verb", previous, _denies(verb.group(0), pack))
        for m, s, _ in sorted(local, key=lambda t: t[1]):
            if s >= verb.end() and INVERTED_GAP.match(sentence[verb.end() : s]):
                return _resolve(m, "verb", previous, _denies(verb.group(0), pack))
    for cue in pack.regex("reporting", "according_to").finditer(sentence):
        for m, s, _ in local:
            if s >= cue.end() and ACCORDING_GAP.match(sentence[cue.end() : s]):
                return _resolve(m, "according_to", previous, False)
    if previous and pack.regex("reporting", "continuation").search(sentence):
        return Attribution(previous, None, "continuation")
    return Attribution(None, None, "outlet")


def _denies(verb: str, pack: LangPack) -> bool:
    return bool(pack.regex("reporting", "denial").search(verb))


def _resolve(m: Mention, how: str, previous: str | None, denied: bool) -> Attribution:
    if m.label == PREVIOUS:
        return Attribution(previous, m, "continuation" if previous else "outlet", denied)
    return Attribution(m.label, m, how, denied)


def agencies_cited(paragraph: str, offset: int, speakers: list[Mention], pack: LangPack,
                   agencies: set[str]) -> list[str]:
    """Wire agencies a paragraph cites with "selon X": they carried its claims."""
    found: list[str] = []
    for cue in pack.regex("reporting", "according_to").finditer(paragraph):
        for m in speakers:
            s = m.start - offset
            if (
                m.label in agencies
                and s >= cue.end()
                and ACCORDING_GAP.match(paragraph[cue.end() : s])
                and m.label not in found
            ):
                found.append(m.label)
    return found
