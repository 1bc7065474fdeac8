"""An outlet's home region: where a local paper's bare "Athens" is.

A reader of the Athens Review knows that "Athens" is Athens, Texas, not Greece nor Georgia:
the paper's other articles keep naming Henderson County, Tyler and Texas. The same holds
for a program that reads a batch of one outlet's documents: the first-order regions that
the outlet's unambiguous place names settle on show its home, and that home is then a
prior for the names its documents leave ambiguous.

A home region is written "CC" or "CC-ADMIN1" (an ISO country code, then GeoNames' admin-1
code: "US-TX", "GB-ENG"). It comes, first found first:

1. from the outlet registry (`data/outlets.toml`, `home = "US-TX"`), which the reader puts
   into `Document.outlet_info`;
2. from the user (`--home` on the command line), set on the document when read;
3. learned from the batch (`learn_homes`): per outlet, the region that the confident
   mentions of most of its documents lie in, and the place around which most of them lie
   (a border town's paper covers both sides of the state line).

`localise` runs the place stage (and the stages after it) again for the documents whose
home was learned, so that a batch's output does not depend on the order of its documents.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

from frontwatch.model import Document, Place, PlaceMention
from frontwatch.pipeline import Pipeline
from frontwatch.read.outlets import registered_domain
from frontwatch.resolve.gazetteer import Gazetteer
from frontwatch.resolve.place_choice import settled_by_region

T = TypeVar("T", str, tuple[str, str])

PLACE_STAGE = "resolve.places.v1"
# Intermediate analyses that a process pool drops before a document crosses back
# (engine.local.SCRATCH): a document without them is analysed again before its places.
SCRATCH = frozenset({"tokens", "sentences", "entities", "mentions", "paragraphs", "headings"})
# One article is the document's own context, already weighed; an outlet's home needs several.
MIN_DOCUMENTS = 3
# A region is the home when at least this share of the outlet's documents that name places
# (and two) name places in it, more than name any other; a country alone needs a larger
# share of all its documents. A wire service or a world desk spreads over many regions and
# gets none.
REGION_SHARE = 0.4
# ... and when at least this share of all the places its documents settle lie in it.
REGION_MASS = 0.2
COUNTRY_SHARE = 0.6
MIN_SUPPORT = 2
# A local paper's beat: the places within this distance of its centre.
BEAT_KM = 150.0
BEAT_WEIGHT = 0.5
# A state or county name whose namesakes score this far below it votes even so ("Nebraska"
# beside a hamlet of that name); a town votes only when all its namesakes lie in one region.
CONFIDENT_MARGIN = 5.0
# A name the document places in a region it names ("Lamar County" beside "Texas") votes when
# that puts it this far ahead of its namesakes.
SETTLED_MARGIN = 1.0
# A hamlet that is a name's only entry is as often a misread word ("Give", "Along"): towns
# vote from this size up.
VOTING_POPULATION = 1_000
VOTING = frozenset({"in", "settlement", "region", "near", "outskirts"})


@dataclass(frozen=True)
class Home:
    country: str
    admin1: str | None = None
    source: str = ""
    centre: tuple[float, float] | None = None  # latitude, longitude

    @property
    def code(self) -> str:
        return f"{self.country}-{self.admin1}" if self.admin1 else self.country

    def holds(self, place: Place) -> float:
        """1 for a place in the home region, BEAT_WEIGHT for one only within a local paper's
        beat of its centre (across a state line), else 0."""
        if place.country == self.country and (
            self.admin1 is None or place.admin1_code == self.admin1
        ):
            return 1.0
        if self._centre is None or place.feature not in {"PPL", "ADM2"}:
            return 0.0
        return BEAT_WEIGHT if self._centre.km_to(place) <= BEAT_KM else 0.0

    @cached_property
    def _centre(self) -> Place | None:
        # Built once: `holds` is asked for every candidate of every ambiguous name.
        if self.centre is None:
            return None
        return Place(None, "", *self.centre, self.country, None, None, "PPL", 0)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"region": self.code, "source": self.source}
        if self.centre:
            out["latitude"], out["longitude"] = self.centre
        return out


def parse_home(code: str | None, source: str = "",
               centre: tuple[float, float] | None = None) -> Home | None:
    """"US-TX" -> Home("US", "TX"); "GB" -> Home("GB"); None for nothing or nonsense."""
    if not code or not code.strip():
        return None
    country, _, admin1 = code.strip().partition("-")
    if len(country) != 2 or not country.isalpha():
        return None
    return Home(country.upper(), admin1.upper() or None, source, centre)


def home_of(doc: Document) -> Home | None:
    """The home a document's places are read against: the registry's, else the one set on
    the document (by the user or by `localise`)."""
    configured = (doc.outlet_info or {}).get("home")
    if isinstance(configured, str) and (home := parse_home(configured, "outlets.toml")):
        return home
    given = doc.home or {}
    lat, lon = given.get("latitude"), given.get("longitude")
    centre = (float(lat), float(lon)) if lat is not None and lon is not None else None
    return parse_home(given.get("region"), str(given.get("source", "")), centre)


def outlet_key(doc: Document) -> str | None:
    """Documents of one registered domain, else of one named outlet, are one outlet."""
    return registered_domain(doc.url) or doc.outlet or None


def _confident(m: PlaceMention, gaz: Gazetteer) -> bool:
    """The mention's region is certain: no namesake elsewhere, or a unit far ahead of them."""
    p = m.place
    if p is None or m.relation not in VOTING or p.feature == "RGN":
        return False
    if p.feature == "PPL" and p.population < VOTING_POPULATION:
        return False
    if len(m.candidates) < 2:
        return True
    margin = m.candidates[0][2] - m.candidates[1][2]
    if p.feature != "PCLI" and margin >= SETTLED_MARGIN and settled_by_region(m.reason):
        return True  # "Lamar County ... Texas": the document itself says which one
    if p.feature in {"ADM1", "ADM2"} and margin >= CONFIDENT_MARGIN:
        return True
    if p.feature == "PCLI":
        return False
    for gid, _, _ in m.candidates:
        other = gaz.get(gid) if gid is not None else None
        if other is None or other.country != p.country or other.admin1_code != p.admin1_code:
            return False
    return True


@dataclass
class _Evidence:
    """One document's confident places: the regions and countries they lie in (each with
    its share of the document's names) and the towns and counties themselves."""

    regions: dict[tuple[str, str], float]
    countries: set[str]
    points: list[Place]


def _evidence(doc: Document, gaz: Gazetteer) -> _Evidence:
    names: dict[str, Place] = {}
    for m in doc.places:
        if m.place is not None and _confident(m, gaz):
            names.setdefault(m.text.casefold(), m.place)
    regions: dict[tuple[str, str], float] = defaultdict(float)
    for p in names.values():
        if p.feature != "PCLI" and p.admin1_code:
            regions[(p.country, p.admin1_code)] += 1 / len(names)
    points = sorted({(p.latitude, p.longitude): p for p in names.values()
                     if p.feature in {"PPL", "ADM2"}}.values(),
                    key=lambda p: (p.latitude, p.longitude))
    return _Evidence(dict(regions), {p.country for p in names.values()}, points)


def _centre(evidence: list[_Evidence], floor: float) -> tuple[float, float] | None:
    """The confident place around which (within BEAT_KM) most documents name places."""
    best: tuple[int, float, float] | None = None
    for p in sorted({(q.latitude, q.longitude): q for e in evidence for q in e.points}.values(),
                    key=lambda q: (q.latitude, q.longitude)):
        support = sum(any(p.km_to(q) <= BEAT_KM for q in e.points) for e in evidence)
        if best is None or support > best[0]:
            best = (support, p.latitude, p.longitude)
    if best is None or best[0] < max(MIN_SUPPORT, floor):
        return None
    return best[1], best[2]


def learn_homes(docs: Sequence[Document], gaz: Gazetteer) -> dict[str, Home]:
    """Each outlet's home, from its documents' resolved places (deterministic: outlets and
    ties in sorted order)."""
    outlets: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        key = outlet_key(doc)
        if key and not doc.errors:
            outlets[key].append(doc)
    homes: dict[str, Home] = {}
    for key in sorted(outlets):
        evidence = [e for e in (_evidence(d, gaz) for d in outlets[key]) if e.countries]
        voters = len(evidence)
        if voters < MIN_DOCUMENTS:
            continue
        everyone = len(outlets[key])
        support: Counter[tuple[str, str]] = Counter(r for e in evidence for r in e.regions)
        mass: Counter[tuple[str, str]] = Counter()
        for e in evidence:
            mass.update(e.regions)
        countries: Counter[str] = Counter(c for e in evidence for c in e.countries)
        source = f"learned from {voters} documents of {key}"
        centre = _centre(evidence, REGION_SHARE * voters)
        region = _top(support, REGION_SHARE * voters, mass)
        if region and mass[region] < REGION_MASS * sum(mass.values()):
            region = None  # named now and then among many others: a world desk's beat
        if region:
            homes[key] = Home(region[0], region[1], source, centre)
        elif country := _top(countries, COUNTRY_SHARE * everyone, Counter()):
            homes[key] = Home(country, None, source, centre)
    return homes


def _top(support: Counter[T], floor: float, mass: Counter[T]) -> T | None:
    """The key most documents support (ties: the larger share of their names), when enough
    do."""
    ranked = sorted(support, key=lambda k: (-support[k], -mass[k], k))
    if not ranked or support[ranked[0]] < max(MIN_SUPPORT, floor):
        return None
    return ranked[0]


def _rerun(doc: Document, pipeline: Pipeline) -> None:
    names = [s.name for s in pipeline.stages]
    first = names.index(PLACE_STAGE)
    if not doc.tokens:
        first = min(
            (i for i, s in enumerate(pipeline.stages) if s.assigns & SCRATCH), default=first
        )
    again = set(names[first:])
    doc.done = [name for name in doc.done if name not in again]
    pipeline(doc)
    doc.warnings = list(dict.fromkeys(doc.warnings))  # a stage run twice warns once


def localise(docs: Sequence[Document], pipeline: Pipeline) -> dict[str, Home]:
    """Learn each outlet's home from the batch and resolve again the places of the documents
    of outlets that have one and no home given. `pipeline` must hold the stages the
    documents went through (the place stage among them)."""
    if PLACE_STAGE not in {s.name for s in pipeline.stages}:
        return {}
    homes = learn_homes(docs, pipeline.resources.gazetteer)
    for doc in docs:
        key = outlet_key(doc)
        home = homes.get(key) if key else None
        if home is None or doc.errors or home_of(doc) is not None or PLACE_STAGE not in doc.done:
            continue
        doc.home = home.to_dict()
        _rerun(doc, pipeline)
    return homes
