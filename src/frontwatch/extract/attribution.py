"""Who says so: the speaker of a sentence and the chain it reached the outlet through.

A speaker is a known claimant standing as subject of a reporting verb ("la Défense russe a
affirmé", or inverted: "a rapporté le ministère"), or after "selon"/"according to". A
reporting phrase without a subject ("Et d'ajouter") keeps the previous speaker. A wire
agency cited anywhere in a paragraph ("selon l'AFP") is the channel (`via`) of the other
claims of that paragraph. With no speaker, the outlet itself asserts the claim.

Some speakers are named only by a title: "the ministry" is the one last quoted (or the
ministry of the official the sentence names); "the regional military administration" is
the authority of the region where the event happened, resolved once its place is known
(`stand_in_speaker`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from frontwatch.langpack import FLAGS, LangPack
from frontwatch.model import Mention, Place
from frontwatch.resolve.actors import ActorRegistry

# "X a affirmé", "X avait déjà affirmé"; never across a comma ("... de l'armée, a dit le
# gouverneur": what stands before the comma ends the reported clause).
SUBJECT_GAP = re.compile(r"^\s*(?:[\w'’ʼ]+\s+){0,2}$")
INVERTED_GAP = re.compile(r"^[\s,]*(?:\w+['’]?\s*)?$")  # "a rapporté le ministère"
# "selon l'AFP", "according to Oleh Kiper" (a first name the pattern does not know)
ACCORDING_GAP = re.compile(r"^[\s,]*(?:\w+['’]\s*)?(?:(?-i:[A-Z])[\w'’.-]+\s+){0,2}$")
# A speaker and its apposition: "the regional governor, Oleh Kiper, said" (a name between
# commas), "Kyrylo Tymoshenko, deputy head of the President's Office, said" (the title
# between commas), "a annoncé lundi Leonid Passetchnik, le dirigeant..." (a name first).
NAME = r"(?:(?-i:[A-Z])[\w'’.-]+\s+){0,3}(?-i:[A-Z])[\w'’-]+"
APPOSED_NAME = re.compile(
    rf"^\s*,\s*(?:{NAME}|(?:the|le|la|les|l['’])\s*[^,;:()«»\"]{{1,60}}?)\s*,\s*"
    r"(?:[\w'’ʼ]+\s+){0,2}$", re.IGNORECASE)
# "Міноборони РФ у середу, 5 червня, заявило": a weekday and its date set off by commas.
DATED_GAP = re.compile(r"^\s*(?:[\w'’ʼ]+\s+){0,2}[\w'’ʼ]+\s*,\s*(?:\d{1,2}(?:er)?\s+[\w'’ʼ]+|"
                       r"[\w'’ʼ]+\s+\d{1,2})(?:\s+\d{4})?\s*,\s*$")
CLOSING_COMMA = re.compile(r"^\s*,\s*(?:[\w'’ʼ]+\s+){0,2}$")
NAME_BEFORE = re.compile(rf"{NAME}\s*,\s*$")
PREVIOUS = "@previous"
# "the regional military administration" with no region named: the authority of the region
# where the event happened, among those serving the side after the slash ("*": any; the
# first listed in data/actors.toml wins).
REGIONAL = "@regional/"


@dataclass
class Attribution:
    claimant: str | None  # key of data/actors.toml [claimant], None: the outlet speaks
    mention: Mention | None
    how: str  # verb | according_to | continuation | outlet
    denied: bool = False
    channels: list[str] = field(default_factory=list)  # agencies that relayed it


def _candidates(sentence: str, local: list[tuple[Mention, int, int]],
                pack: LangPack) -> list[tuple[Mention, str, bool]]:
    """Every speaker the sentence's grammar offers, in text order of their cue."""
    found: list[tuple[Mention, str, bool]] = []
    inverted = _inverted_gap(pack)
    for verb in pack.regex("reporting", "verbs").finditer(sentence):
        denied = _denies(verb.group(0), pack)
        for m, s, e in sorted(local, key=lambda t: -t[1]):
            if e <= verb.start() and _subject(sentence, s, e, verb.start()):
                found.append((m, "verb", denied))
                break
        for m, s, _ in sorted(local, key=lambda t: t[1]):
            if s >= verb.end() and _inverted(sentence[verb.end() : s], inverted):
                found.append((m, "verb", denied))
                break
    for cue in pack.regex("reporting", "according_to").finditer(sentence):
        for m, s, _ in local:
            if s >= cue.end() and ACCORDING_GAP.match(sentence[cue.end() : s]):
                found.append((m, "according_to", False))
    return found


def _subject(sentence: str, start: int, end: int, verb: int) -> bool:
    """The speaker at [start, end) is the subject of the verb starting at `verb`."""
    gap = sentence[end:verb]
    if SUBJECT_GAP.match(gap) or APPOSED_NAME.match(gap) or DATED_GAP.match(gap):
        return True
    # Between commas, after a name or a clause, a speaker is an apposition, not the end of
    # the reported clause ("..., Kyrylo Tymoshenko, deputy head of the President's Office,
    # said", "..., the head of the regional administration, Vitaliy Kim, said").
    before = sentence[:start]
    return bool(CLOSING_COMMA.match(gap)
                and (NAME_BEFORE.search(before) or before.rstrip().endswith(",")))


def _inverted(gap: str, inverted: re.Pattern[str]) -> bool:
    """"a annoncé lundi Leonid Passetchnik, le dirigeant...": a name may come before the
    title that tells who speaks."""
    if inverted.match(gap):
        return True
    m = re.search(rf"{NAME}\s*,\s*$", gap)
    return m is not None and inverted.match(gap[: m.start()]) is not None


def attribute(
    sentence: str,
    offset: int,
    speakers: list[Mention],
    pack: LangPack,
    previous: str | None,
    agencies: frozenset[str] = frozenset(),
) -> Attribution:
    """`speakers`: claimant mentions inside the sentence (document offsets). A wire agency
    ("Как сообщает AFP, Минобороны заявило") relays; the other speaker is the source."""
    local = [(m, m.start - offset, m.end - offset) for m in speakers]
    found = _candidates(sentence, local, pack)
    sources = [f for f in found if f[0].label not in agencies]
    channels = sorted({f[0].label for f in found if f[0].label in agencies})
    if sources or found:
        m, how, denied = (sources or found)[0]
        if m.label == PREVIOUS and previous is None:
            # "Shoigu ordered a withdrawal, the ministry said": with no speaker quoted
            # before, the ministry is that of the official the sentence named first.
            named = [x for x, _, _ in local if not x.label.startswith("@")
                     and x.label not in agencies and x.start < m.start]
            # "the regional governor said", first in a report: the pattern's `fallback`
            # (the authority of the region where it happened).
            previous = named[0].label if named else m.data.get("fallback")
        who = _resolve(m, how, previous, denied)
        who.channels = [c for c in channels if c != who.claimant]
        return who
    if previous and pack.regex("reporting", "continuation").search(sentence):
        return Attribution(previous, None, "continuation")
    return Attribution(None, None, "outlet")


@cache
def _inverted_gap(pack: LangPack) -> re.Pattern[str]:
    """Between an inverted verb and its speaker: one word ("a rapporté le ministère"), and
    the pack's time words and prepositions ("сообщили в воскресенье в Минобороны")."""
    fillers = pack.get("reporting", "gap_words", [])
    if not fillers:
        return INVERTED_GAP
    return re.compile(rf"^[\s,]*(?:(?:{'|'.join(fillers)})\s+)*(?:\w+['’]?\s*)?$", FLAGS)


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


def regional_speaker(key: str | None, place: Place | None, reg: ActorRegistry,
                     region_of: Callable[[int], Place | None]) -> str | None:
    """The claimant key a bare regional title stands for, by where the event happened;
    any other key unchanged. None when no authority of that region is known."""
    if not key or not key.startswith(REGIONAL):
        return key
    if place is None:
        return None
    serves = key[len(REGIONAL):]  # "*": whichever side
    for name, entry in reg.claimants.items():
        region = region_of(entry["region"]) if "region" in entry else None
        if (
            region is not None
            and serves in ("*", entry.get("serves"))
            and (region.country, region.admin1_code) == (place.country, place.admin1_code)
        ):
            return name
    return None


def outlet_name(outlet: str | None, pack: LangPack, reg: ActorRegistry) -> str | None:
    """The outlet that asserts a claim, by its registry name where it is a wire agency
    ("Интерфакс" is Interfax)."""
    for item in pack.get("actors", "claimant", []):
        entry = reg.claimants.get(item["claimant"], {})
        if (outlet and entry.get("kind") == "agency"
                and re.fullmatch(item["pattern"], outlet, FLAGS)):
            return str(entry["name"])
    return outlet
