"""Place mentions: found in the gazetteer, framed by the text, chosen with a coder's evidence.

Recognition does not rely on NER (French models tag "Krasny Liman" as a person): every
capitalised word sequence is looked up in the gazetteer, longest first. Names that are
parts of an actor's name ("République populaire de Donetsk"), person names ("Vladimir
Poutine") and capitalised function words are left out.

Each mention's candidates are scored with the evidence a human coder uses: a region named
in the document, another name in the document pointing at the same place ("Krasny Liman"
and "Lyman"), the countries in focus, population. The chosen place, the other candidates
and the reason are all kept.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from frontwatch.langpack import FLAGS, LangPack, load_data, union
from frontwatch.model import Document, Place, PlaceMention, Token
from frontwatch.pipeline import Resources, register
from frontwatch.resolve.gazetteer import Gazetteer, normalize_name

MAX_NGRAM = 6
REGION_WEIGHT = 1_000_000
EARTH_KM = 6371.0
UNIT_BONUS = {"PCLI": 3.0, "RGN": 3.0, "ADM1": 2.0}
BIG_CITY = 250_000
COHERENCE = 0.75
CONTEXT_CHARS = 60
NAME_JOINERS = {"-", "'", "’", "‑", "."}  # "Rostov-on-Don", "St. Petersburg", "U.S."


@dataclass
class _Raw:
    start: int
    end: int
    text: str
    candidates: list[Place]
    relation: str = "in"
    region_phrase: str | None = None
    offset: tuple[float, float] | None = None  # km, bearing in degrees


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


def _cue(pack: LangPack, key: str) -> re.Pattern[str]:
    return pack.regex("places", key, anchor_end=True)


def _masked_spans(doc: Document) -> list[tuple[int, int]]:
    # Named actors and speakers contain place names that are not places of events.
    return [
        (m.start, m.end)
        for m in doc.mentions
        if m.kind == "claimant" or (m.kind == "actor" and "actor" in m.data)
    ]


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _capitalised(tok: Token | None, stops: frozenset[str]) -> bool:
    return bool(
        tok and tok.text[:1].isupper() and tok.text[:1].isalpha()
        and tok.text.casefold() not in stops
    )


def _part_of_longer_name(tokens: list[Token], i: int, j: int, titles: re.Pattern[str],
                         before: str, stops: frozenset[str],
                         starts: frozenset[int] = frozenset()) -> bool:
    """A single capitalised word next to other capitalised words that the gazetteer does not
    know belongs to a longer name: a person ("Vladimir Poutine"), a street ("Royal
    Street"), an institution ("Manila Cathedral"). A title before it ("le président X")
    makes it a person too."""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    prev = tokens[i - 1] if i > 0 else None
    adjacent = lambda a, b: a is not None and b is not None and 0 <= b.start - a.end <= 1  # noqa: E731
    if _capitalised(nxt, stops) and adjacent(tokens[j], nxt):
        return True
    # A capital that only opens a headline ("Обстріл Куп'янська") says nothing; in running
    # text a capital before a name more often starts a longer one ("Mayor Smith").
    if _capitalised(prev, stops) and adjacent(prev, tokens[i]) and prev.start not in starts:  # type: ignore[union-attr]
        return True
    return bool(titles.search(before))


def recognise(
    doc: Document, pack: LangPack, gaz: Gazetteer, stops: frozenset[str],
    generic: frozenset[str] = frozenset(),
) -> list[_Raw]:
    """`stops`: capitalised words that are never places and never part of a name (function
    words); `generic`: nouns that are never places alone but belong to longer names."""
    masked = _masked_spans(doc)
    starts = frozenset(s.start for s in doc.sentences if s.is_heading)
    titles = union(list(pack.get("meta", "person_titles", [])), anchor_end=True)
    tokens = doc.tokens
    found: list[_Raw] = []
    i = 0
    limit = min(MAX_NGRAM, max(1, gaz.max_name_tokens))
    while i < len(tokens):
        tok = tokens[i]
        if not (tok.text[:1].isupper() and tok.text[:1].isalpha()) or _inside(
            tok.start, tok.end, masked
        ):
            i += 1
            continue
        match: tuple[int, list[Place]] | None = None
        for n in range(limit, 0, -1):
            j = i + n - 1
            if j >= len(tokens) or not tokens[j].text[:1].isalnum():
                continue
            span = doc.text[tok.start : tokens[j].end]
            if "\n" in span or any(
                not t.text[:1].isalnum() and t.text not in NAME_JOINERS for t in tokens[i : j + 1]
            ):
                continue
            places = gaz.lookup(span)
            if not places and any(t.lemma != t.text.lower() for t in tokens[i : j + 1]):
                # Inflected forms ("в Красном Лимане", "з Куп'янська"): try the dictionary
                # forms, every reading of the last word in turn.
                words = [t for t in tokens[i : j + 1] if t.text[:1].isalnum()]
                head = " ".join(t.lemma for t in words[:-1])
                for form in words[-1].forms or (words[-1].lemma,):
                    places = gaz.lookup(f"{head} {form}".strip())
                    if places:
                        break
            if places:
                match = (j, places)
                break
        if match is None:
            i += 1
            continue
        j, places = match
        text = doc.text[tok.start : tokens[j].end]
        before = doc.text[max(0, tok.start - CONTEXT_CHARS) : tok.start]
        single = i == j
        if single and (
            text.casefold() in stops
            or text.casefold() in generic
            # Two letters are an abbreviation; only capitals naming a country or region
            # ("US", "UK", "EU") are kept.
            or (len(text) < 3 and not (text.isupper() and _is_unit(places)))
            or (
                _part_of_longer_name(tokens, i, j, titles, before, stops, starts)
                and not _is_country(places)
            )
        ):
            i = j + 1
            continue
        found.append(_Raw(tok.start, tokens[j].end, text, places))
        i = j + 1
    return found


def _is_unit(places: list[Place]) -> bool:
    return any(p.feature in {"PCLI", "ADM1", "RGN"} for p in places)


def _is_country(places: list[Place]) -> bool:
    return any(p.feature == "PCLI" for p in places)


def _frame(doc: Document, raw: _Raw, pack: LangPack) -> None:
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
    elif _cue(pack, "direction_before").search(before):
        raw.relation = "direction"
    elif _cue(pack, "near_before").search(before):
        raw.relation = "near"
    elif _cue(pack, "outskirts_before").search(before):
        raw.relation = "outskirts"
    elif _cue(pack, "settlement_before").search(before):
        raw.relation = "settlement"


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


def _region_of(raw: _Raw, gaz: Gazetteer) -> list[Place]:
    """"la région de Donetsk": the first-order region, never the city of the same name."""
    if raw.region_phrase:
        adm = [p for p in gaz.lookup(raw.region_phrase.strip()) if p.feature == "ADM1"]
        if adm:
            return adm
    regions: list[Place] = []
    for p in raw.candidates:
        if p.feature == "ADM1":
            regions.append(p)
        elif p.admin1_code:
            adm1 = gaz.admin1(p.country, p.admin1_code)
            if adm1 and adm1 not in regions:
                regions.append(adm1)
    return regions


@dataclass
class _Context:
    """What the whole document says about where it is, for scoring each mention."""

    countries: set[str]
    admin1s: set[tuple[str, str | None]]
    shared: set[int]
    focus: set[str]
    containers: dict[int, list[Place]]  # raw index -> the region/country named right after
    regions: Counter[tuple[str, str]] = field(default_factory=Counter)


def _context(raws: list[_Raw], focus: set[str], language: str | None,
             focus_languages: set[str]) -> _Context:
    # Only what is certain sets the context: a name with one candidate, or whose candidates
    # all lie in one country (one region). "Georgia" must not vote for itself.
    countries: set[str] = set()
    admin1s: set[tuple[str, str | None]] = set()
    for r in raws:
        units = [p for p in r.candidates if p.feature in {"ADM1", "PCLI"}]
        if len({p.country for p in r.candidates}) == 1:
            countries.add(r.candidates[0].country)
        elif len(units) == 1:  # "Texas": one region among hamlets of the same name
            countries.add(units[0].country)
        if r.relation == "region" or (len(units) == 1 and units[0].feature == "ADM1"):
            unit = units[0] if units else r.candidates[0]
            admin1s.add((unit.country, unit.admin1_code))
    seen: dict[int, set[str]] = {}
    for r in raws:
        for p in r.candidates:
            if p.geonames_id is not None:
                seen.setdefault(p.geonames_id, set()).add(normalize_name(r.text))
    shared = {gid for gid, names in seen.items() if len(names) > 1}
    # The conflict prior only applies to text about the conflict: a focus country named, or
    # a language mostly written there; "Alexandria" in a US paper is not Oleksandriia.
    active = focus if (countries & focus or language in focus_languages) else set()
    containers: dict[int, list[Place]] = {}
    for i, (r, nxt) in enumerate(itertools.pairwise(raws)):
        # "Lyman, Donetsk region", "Athens, Ga.", "Kherson (Ukraine)": the region that
        # follows a name contains it.
        if 0 < nxt.start - r.end <= 2:
            wide = [p for p in nxt.candidates if p.feature in {"ADM1", "PCLI"}]
            if wide:
                containers[i] = wide
    return _Context(countries, admin1s, shared, active, containers)


def _region_key(place: Place) -> tuple[str, str] | None:
    if place.feature in {"PPL", "ADM1"} and place.admin1_code:
        return place.country, place.admin1_code
    return None


def _rank(raw: _Raw, i: int, ctx: _Context,
          own: tuple[str, str] | None = None) -> list[tuple[float, list[str], Place]]:
    scored = [(*_score(p, raw, i, ctx, own), p) for p in raw.candidates]
    return sorted(scored, key=lambda t: (-t[0], t[2].geonames_id or 0))


def _score(place: Place, raw: _Raw, i: int, ctx: _Context,
           own: tuple[str, str] | None = None) -> tuple[float, list[str]]:
    why: list[str] = [f"population {place.population:,}"]
    # Named regions have no population; they count as a large place, not as a hamlet.
    population = place.population or (REGION_WEIGHT if place.feature == "RGN" else 0)
    score = math.log10(population + 1)
    if normalize_name(place.name) == normalize_name(raw.text):
        score += 1.5
        why.append("its main name")
    if place.country in ctx.countries:
        score += 2.5
        why.append(f"country {place.country} named in the document")
    if place.country in ctx.focus:
        score += 1.5
        why.append(f"{place.country} is in the conflict focus")
    if (place.country, place.admin1_code) in ctx.admin1s and place.feature != "ADM1":
        score += 4
        why.append(f"its region {place.admin1 or place.admin1_code} is named in the document")
    key = _region_key(place)
    if key and ctx.regions:
        # Places of one report cluster: the region the other mentions settled in (a
        # first pass, this mention's own vote left out) pulls namesakes towards it.
        others = ctx.regions.get(key, 0) - (1 if key == own else 0)
        if others > 0:
            score += COHERENCE * min(others, 3)
            why.append(f"{others} other place(s) of the document in the same region")
    if place.geonames_id in ctx.shared:
        score += 4
        why.append("another name in the document points to the same place")
    for wide in ctx.containers.get(i, []):
        if place.country == wide.country and (
            wide.feature == "PCLI" or place.admin1_code == wide.admin1_code
        ) and place.feature != wide.feature:
            score += 6
            why.append(f"followed by its region or country {wide.name}")
            break
    # Countries, regions and states are what a bare big name usually means, not a hamlet;
    # but a big city inside the state of the same name is meant more often ("New York").
    city_inside = place.feature == "ADM1" and any(
        p.feature == "PPL" and p.population >= BIG_CITY and p.country == place.country
        and p.admin1_code == place.admin1_code
        for p in raw.candidates
    )
    if not city_inside:
        score += UNIT_BONUS.get(place.feature, 0)
    if raw.relation == "settlement" and place.feature == "PPL":
        score += 2
    return score, why


PRECISION = {"PPL": 1, "ADM1": 3, "RGN": 3, "PCLI": 3}


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
        raws = recognise(doc, pack, self.gazetteer, _stop_names(packs), _generic_nouns(packs))
        for raw in raws:
            _frame(doc, raw, pack)
            if raw.relation in {"in", "settlement"} and all(
                p.feature == "ADM1" for p in raw.candidates
            ):
                raw.relation = "region"  # "Donetsk region", "Донецкой области": named whole
            if raw.relation == "region":
                raw.candidates = _region_of(raw, self.gazetteer) or raw.candidates
        ctx = _context(raws, self.focus, doc.language, self.focus_languages)
        first = [_rank(r, i, ctx)[0][2] for i, r in enumerate(raws)]
        ctx.regions = Counter(_region_key(p) for p in first if _region_key(p))
        doc.places = []
        for i, r in enumerate(raws):
            scored = _rank(r, i, ctx, own=_region_key(first[i]))
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
        previous = [
            pm
            for pm in doc.places
            if pm.end <= m.start() and pm.place is not None and pm.place.feature == "PPL"
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
