"""Place mentions: found in the gazetteer, framed by the text, chosen with a coder's evidence.

The stage in three steps, each in its own module:

- recognition (`place_names`): capitalised word sequences looked up in the gazetteer,
  leaving out parts of actors' and people's names, acronyms and sentence-opening words;
- framing (here): what the words around a name say it is: a region ("la région de
  Donetsk"), a point near it ("20 km au nord de Kharkiv"), a town ("the town of X", "the X
  Police Department"), someone's home ("a Paris man");
- disambiguation (`place_choice`): each mention's candidates scored with the evidence a
  human coder uses (population, a region or country named in the document, the region
  named right after it, another name for the same place, the countries in focus, the
  document's other places nearby). The chosen place, the other candidates and the reason
  are all kept.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from functools import cache

from frontwatch.langpack import FLAGS, LangPack, load_data, union
from frontwatch.model import EARTH_KM, Document, Place, PlaceMention
from frontwatch.pipeline import Resources, register
from frontwatch.resolve import place_choice
from frontwatch.resolve.gazetteer import Gazetteer
from frontwatch.resolve.outlet_prior import home_of
from frontwatch.resolve.place_names import Raw, placed_seat, recognise

CONTEXT_CHARS = 60


@cache
def _generic_nouns(packs: tuple[LangPack, ...]) -> frozenset[str]:
    return frozenset(w.casefold() for pack in packs for w in pack.get("meta", "generic_nouns", []))


@cache
def _stop_names(packs: tuple[LangPack, ...]) -> frozenset[str]:
    words: set[str] = set()
    for pack in packs:
        words.update(w.casefold() for w in pack.get("meta", "stop_names", []))
        # Nationality words ("Ukrainian", "Russian") say whose, never where.
        for side_words in pack.get("actors", "sides", {}).values():
            words.update(w.casefold() for w in side_words)
    return frozenset(words)


@cache
def _side_adjectives(packs: tuple[LangPack, ...]) -> re.Pattern[str]:
    """Nationality words written as patterns ("украинск\\w+"): adjectives that the
    lemmatiser, a gender or a romanisation could turn into a village's name."""
    patterns = [
        w for pack in packs for side_words in pack.get("actors", "sides", {}).values()
        for w in side_words if re.search(r"[\\()\[\]*+?|]", w)
    ]
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x", FLAGS)


def _names_a_side(doc: Document, pack: LangPack, focus: set[str]) -> bool:
    """"La défense antiaérienne ukrainienne ... au-dessus d'Odessa": a text that names a
    side of the conflict is about it, even where it names no country."""
    words = [w for c, ws in pack.get("actors", "sides", {}).items() if c in focus for w in ws]
    return bool(words) and union(words).search(doc.text) is not None


def _cue(pack: LangPack, key: str) -> re.Pattern[str]:
    return pack.regex("places", key, anchor_end=True)


def _frame(doc: Document, raw: Raw, pack: LangPack) -> None:
    before = doc.text[max(0, raw.start - CONTEXT_CHARS) : raw.start]
    region = _cue(pack, "region_before").search(before)
    after = doc.text[raw.end : raw.end + CONTEXT_CHARS]
    region_after = pack.regex("places", "region_after").match(after.lstrip())
    if region or region_after:
        raw.relation = "region"
        raw.region_phrase = (
            before[region.start() :] + raw.text
            if region
            else raw.text + " " + region_after.group(0)  # type: ignore[union-attr]
        )
    elif _cue(pack, "descriptive_before").search(before):
        raw.relation = "descriptive"
    elif offset := _offset_cue(pack, before):
        raw.relation = "offset"
        bearings = {k.casefold(): v for k, v in pack.get("places", "bearings", {}).items()}
        raw.offset = (float(offset["km"]), float(bearings[offset["bearing"].casefold()]))
    elif _cue(pack, "direction_before").search(before) or any(
        pack.regex("places", key).match(after.lstrip())
        for key in ("direction_after", "district_after")
    ):
        raw.relation = "direction"
    elif _cue(pack, "near_before").search(before):
        raw.relation = "near"
    elif _cue(pack, "outskirts_before").search(before):
        raw.relation = "outskirts"
    elif _cue(pack, "settlement_before").search(before) or pack.regex(
        "places", "settlement_after"
    ).match(after):
        raw.relation = "settlement"  # "the town of X", "the X Police Department"
    if raw.relation == "in" and pack.regex("places", "resident_after").match(after):
        raw.local = True  # "a Paris man": a town or a state, not a country


def _actor_start(doc: Document, raw: Raw) -> int:
    """Where the actor mention holding the name starts ("the Kremlin" for "Kremlin")."""
    return min((m.start for m in doc.mentions
                if m.kind == "actor" and m.start <= raw.start and raw.end <= m.end),
               default=raw.start)


def _names_a_thing(doc: Document, raw: Raw, pack: LangPack) -> bool:
    """"на улице Щорса", "группировка войск «Южный»": a street or a unit that bears the name
    is where nothing happened by that name; the name is no place in the text."""
    before = doc.text[max(0, raw.start - CONTEXT_CHARS) : raw.start]
    return _cue(pack, "name_of_before").search(before) is not None


def _plural_unit(doc: Document, raw: Raw, pack: LangPack, gaz: Gazetteer) -> list[Place]:
    """"Jackson and Barrow counties", "над Белгородской, Курской и Воронежской областями":
    the units of those names, when the gazetteer has them. A unit noun in the plural may
    stand for more than one singular form ("области" after a genitive, "область" after a
    nominative): the first the gazetteer knows with the name is taken."""
    pattern = pack.get("places", "plural_unit_after", "")
    if not pattern:
        return []
    units = pack.get("places", "plural_units", {})
    name, unit = raw.text, None
    head, _, last = raw.text.rpartition(" ")
    if head and last.casefold() in units:  # the list's last name took the unit with it
        name, unit = head, last.casefold()
    elif m := re.match(pattern, doc.text[raw.end : raw.end + 4 * CONTEXT_CHARS]):
        unit = m.group("unit").casefold()
    suffixes = units.get(unit, []) if unit else []
    for suffix in [suffixes] if isinstance(suffixes, str) else suffixes:
        if found := gaz.lookup(f"{name} {suffix}"):
            return found
    return []


def _oblast_locative(doc: Document, raw: Raw, pack: LangPack) -> bool:
    """"на Запоріжжі": an inflected town name after a word that takes regions, not towns."""
    if not pack.get("places", "region_locative_before", []) or not any(
        p.feature == "PPL" and p.admin1_code for p in raw.candidates
    ):
        return False
    before = doc.text[max(0, raw.start - CONTEXT_CHARS) : raw.start]
    if not before[-1:].isspace() or not _cue(pack, "region_locative_before").search(before):
        return False
    words = [t for t in doc.tokens if raw.start <= t.start and t.end <= raw.end]
    endings = tuple(pack.get("places", "locative_endings", []))
    return len(words) == 1 and words[0].text.casefold().endswith(endings) and (
        words[0].text.casefold() not in {f.casefold() for f in (*words[0].forms, words[0].lemma)}
    )


def _links(doc: Document, raws: list[Raw], pack: LangPack) -> list[str | None]:
    """How each name and the next are joined as items of one list, if they are."""
    joiners = pack.regex("places", "list_joiners")
    out: list[str | None] = []
    for r, nxt in itertools.pairwise(raws):
        gap = doc.text[r.end : nxt.start]
        if re.fullmatch(r"\s*,\s*", gap):
            out.append("comma")
        elif re.fullmatch(rf"\s*,?\s*(?:{joiners.pattern})\s*", gap, joiners.flags):
            out.append("joiner")
        else:
            out.append(None)
    return out


def _offset_cue(pack: LangPack, before: str) -> re.Match[str] | None:
    # Searched one by one: every pattern names its groups km and bearing alike.
    for pattern in pack.get("places", "offset_before", []):
        m = re.search(rf"(?<!\w)(?:{pattern})\s*$", before, FLAGS)
        if m:
            return m
    return None


def _shifted(place: Place, km: float, bearing: float) -> Place:
    """"20 km au nord de Kharkiv": the point that far from the town, on that bearing."""
    lat1, lon1, theta = map(math.radians, (place.latitude, place.longitude, bearing))
    d = km / EARTH_KM
    lat2 = math.asin(math.sin(lat1) * math.cos(d) + math.cos(lat1) * math.sin(d) * math.cos(theta))
    lon2 = lon1 + math.atan2(math.sin(theta) * math.sin(d) * math.cos(lat1),
                             math.cos(d) - math.sin(lat1) * math.sin(lat2))
    return dataclasses.replace(
        place,
        name=f"{place.name} ({km:g} km, bearing {bearing:g})",
        latitude=round(math.degrees(lat2), 5),
        longitude=round(math.degrees(lon2), 5),
    )


def _region_of(raw: Raw, gaz: Gazetteer) -> list[Place]:
    """"la région de Donetsk": the first-order region, never the city of the same name."""
    if raw.region_phrase:
        # "dans la région d'Odessa": the cue's leading words are not part of the name.
        words = raw.region_phrase.split()
        for k in range(len(words)):
            adm = [p for p in gaz.lookup(" ".join(words[k:])) if p.feature == "ADM1"]
            if adm:
                return adm
    # "the Province of Ontario": a unit of that name, not the state around a namesake town.
    regions: list[Place] = [p for p in raw.candidates if p.feature == "ADM1"]
    if regions:
        return regions
    for p in raw.candidates:
        if p.admin1_code:
            adm1 = gaz.admin1(p.country, p.admin1_code)
            if adm1 and adm1 not in regions:
                regions.append(adm1)
    return regions


PRECISION = {"PPL": 1, "ADM2": 2, "ADM1": 3, "RGN": 3, "PCLI": 3}


class ResolvePlaces:
    name = "resolve.places.v1"
    requires = frozenset({"text", "tokens", "actors"})
    assigns = frozenset({"places"})

    def __init__(self, resources: Resources) -> None:
        self.langpacks = resources.langpacks
        self.gazetteer: Gazetteer = resources.gazetteer
        geo = load_data("geo")
        self.focus = set(geo.get("focus_countries", []))
        self.focus_languages = set(geo.get("focus_languages", []))

    def __call__(self, doc: Document) -> Document:
        if doc.language not in self.langpacks:
            return doc
        pack = self.langpacks[doc.language]
        packs = tuple(self.langpacks)
        raws = recognise(doc, pack, self.gazetteer, _stop_names(packs), _generic_nouns(packs),
                         frozenset(self.focus))
        sides = _side_adjectives(packs)
        raws = [r for r in raws if not sides.fullmatch(r.text)  # "Украинский беспилотник"
                and not _names_a_thing(doc, r, pack)]
        speakers = [(m.start, m.end) for m in doc.mentions if m.kind == "claimant"]
        for raw in raws:
            _frame(doc, raw, pack)
            if units := _plural_unit(doc, raw, pack, self.gazetteer):
                raw.candidates = units
            if raw.relation == "in" and _oblast_locative(doc, raw, pack):
                raw.relation = "region"
            if raw.relation in {"in", "settlement"} and all(
                p.feature == "ADM1" for p in raw.candidates
            ):
                raw.relation = "region"  # "Donetsk region", "Донецкой области": named whole
            if raw.relation == "region" and not (raw.region_phrase and any(
                p.feature in {"PCLI", "RGN"} for p in raw.candidates
            )):
                # "the Darfur region of Sudan": the cue frames the region named before the
                # country, never a region of the country's namesake towns.
                raw.candidates = _region_of(raw, self.gazetteer) or raw.candidates
            if any(s <= raw.start and raw.end <= e for s, e in speakers) and not (
                all(p.feature == "RGN" for p in raw.candidates)
                and placed_seat(doc, _actor_start(doc, raw), pack)
            ):
                # "the governor of Belgorod region said", "Kyiv said": where the speaker
                # sits, not where the event happened; claims never take it as their place.
                raw.relation = "descriptive"
        ctx = place_choice.context(raws, self.focus, doc.language, self.focus_languages,
                                   _names_a_side(doc, pack, self.focus), home_of(doc),
                                   _links(doc, raws, pack))
        doc.places = []
        for r, scored in zip(raws, place_choice.choose(raws, ctx), strict=True):
            _, why, best = scored[0]
            precision = PRECISION.get(best.feature, 1)
            # ACLED: a town or its outskirts is 1; near a place, or a part of a region, is 2.
            if r.relation in {"direction", "near", "offset"} and best.feature == "PPL":
                precision = 2
            reason = "; ".join(why) if len(scored) > 1 else "only candidate"
            if r.offset and best.feature == "PPL":
                best = _shifted(best, *r.offset)
                reason += f"; {r.offset[0]:g} km from it, bearing {r.offset[1]:g}"
            doc.places.append(
                PlaceMention(
                    r.text,
                    r.start,
                    r.end,
                    best,
                    precision,
                    [(p.geonames_id, p.name, round(s, 2)) for s, _, p in scored[:5]],
                    reason,
                    r.relation,
                )
            )
        doc.places.extend(_anaphora(doc, pack))
        doc.places.sort(key=lambda m: m.start)
        return doc


def _anaphora(doc: Document, pack: LangPack) -> list[PlaceMention]:
    """"cette ville": the settlement the text named last."""
    out: list[PlaceMention] = []
    for m in pack.regex("places", "anaphora").finditer(doc.text):
        if any(0 <= pm.start - m.end() <= 2 for pm in doc.places):
            continue  # "la localité Krasny Liman": the name follows, nothing points back
        # "the town" is a town where something is: not one named as a direction to go.
        previous = [
            pm
            for pm in doc.places
            if pm.end <= m.start() and pm.place is not None and pm.place.feature == "PPL"
            and pm.relation not in {"direction", "descriptive"}
        ]
        if previous:
            ref = previous[-1]
            out.append(
                PlaceMention(
                    m.group(0),
                    m.start(),
                    m.end(),
                    ref.place,
                    1,
                    [],
                    f"refers back to {ref.text!r} at offset {ref.start}",
                    "anaphora",
                )
            )
    return out


@register("resolve.places.v1")
def make_places(resources: Resources) -> ResolvePlaces:
    return ResolvePlaces(resources)
