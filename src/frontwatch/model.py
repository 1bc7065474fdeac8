"""The data model every stage shares: plain dataclasses, no behaviour beyond serialisation.

Field names of `Claim` and `Event` as serialised by `to_dict` are a public contract (the JSON
output, exports and benchmarks read them); rename one only with a changelog entry.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "EARTH_KM",
    "Actor",
    "Claim",
    "DateValue",
    "Document",
    "Event",
    "Mention",
    "Place",
    "PlaceMention",
    "Quantity",
    "RemovedSpan",
    "Sentence",
    "StageError",
    "Token",
    "content_id",
]


def content_id(text: str) -> str:
    """Documents are identified by what they say, so re-reading a file never duplicates it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


EARTH_KM = 6371.0  # mean Earth radius, for great-circle distances


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a settlement, a first-order region, a country or a named region."""

    geonames_id: int | None
    name: str
    latitude: float
    longitude: float
    country: str
    admin1: str | None
    admin1_code: str | None
    feature: str  # PPL settlement, ADM1 region, ADM2 county, PCLI country, RGN named region
    population: int

    def km_to(self, other: Place) -> float:
        """Great-circle distance in km (haversine on a sphere of EARTH_KM)."""
        p1, p2 = math.radians(self.latitude), math.radians(other.latitude)
        h = (math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2)
             * math.sin(math.radians(other.longitude - self.longitude) / 2) ** 2)
        return EARTH_KM * 2 * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class RemovedSpan:
    """A piece of the raw text that cleaning dropped; offsets index `Document.raw_text`."""

    start: int
    end: int
    text: str
    reason: str


@dataclass
class Token:
    text: str
    start: int
    end: int
    lemma: str
    # Every dictionary form the lemmatiser offers, best first: "Куп'янська" reads as an
    # adjective first, the town's genitive second.
    forms: tuple[str, ...] = ()


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    is_heading: bool = False


@dataclass
class Mention:
    """A typed span of the cleaned text found by a stage (entity, actor alias, date, ...)."""

    kind: str
    text: str
    start: int
    end: int
    label: str = ""
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class PlaceMention:
    """A place named in the text and the gazetteer entry chosen for it, with the reason."""

    text: str
    start: int
    end: int
    place: Place | None
    geo_precision: int | None
    candidates: list[tuple[int | None, str, float]] = field(default_factory=list)
    reason: str = ""
    relation: str = "in"  # in | settlement | near | direction | region | anaphora | seat

    def to_dict(self) -> dict[str, Any]:
        """The `frontwatch places` contract: offsets index the document's cleaned text."""
        p = self.place
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "geonames_id": p.geonames_id if p else None,
            "name": p.name if p else None,
            "latitude": p.latitude if p else None,
            "longitude": p.longitude if p else None,
            "admin1": p.admin1 if p else None,
            "country": p.country if p else None,
            "feature": p.feature if p else None,
            "geo_precision": self.geo_precision,
            "relation": self.relation,
            "candidates": [
                {"geonames_id": gid, "name": name, "score": score}
                for gid, name, score in self.candidates
            ],
            "reason": self.reason,
        }


@dataclass
class StageError:
    stage: str
    error: str
    message: str


@dataclass
class DateValue:
    start: date | None
    end: date | None
    time_precision: int | None
    text: str | None = None
    basis: str = ""
    partial: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "time_precision": self.time_precision,
            "text": self.text,
            "basis": self.basis,
            "partial": self.partial,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DateValue:
        """The inverse of `to_dict`."""
        return cls(
            start=date.fromisoformat(d["start"]) if d.get("start") else None,
            end=date.fromisoformat(d["end"]) if d.get("end") else None,
            time_precision=d.get("time_precision"),
            text=d.get("text"),
            basis=d.get("basis", ""),
            partial=d.get("partial"),
        )


@dataclass
class Quantity:
    kind: str
    value: int | None
    qualifier: str
    text: str
    unit: str = ""
    outcome: str = ""
    side: str | None = None
    high: int | None = None  # upper bound of a range ("5,000-5,500")
    magnitude: int | None = None  # order of size of a vague amount, never a count


@dataclass
class Actor:
    name: str
    side: str | None = None
    inter: int | None = None
    text: str = ""


@dataclass
class Claim:
    """One event as stated in one sentence of one document."""

    id: str
    document_id: str
    sentence: str
    start: int
    end: int
    event_type: str
    sub_event_type: str
    actor1: Actor | None
    actor2: Actor | None
    location: PlaceMention | None
    date: DateValue
    quantities: list[Quantity]
    claimed_by: str
    via: list[str]
    modality: str
    background: bool
    trigger: str = ""
    assoc_actor_1: list[Actor] = field(default_factory=list)
    assoc_actor_2: list[Actor] = field(default_factory=list)
    claimant_side: str | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        loc = self.location
        place = loc.place if loc else None
        return {
            "id": self.id,
            "document_id": self.document_id,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1.name if self.actor1 else None,
            "actor2": self.actor2.name if self.actor2 else None,
            "assoc_actor_1": [a.name for a in self.assoc_actor_1],
            "assoc_actor_2": [a.name for a in self.assoc_actor_2],
            "location": None
            if place is None or loc is None
            else {
                "name": place.name,
                "geonames_id": place.geonames_id,
                "latitude": place.latitude,
                "longitude": place.longitude,
                "admin1": place.admin1,
                "country": place.country,
                "geo_precision": loc.geo_precision,
                "text": loc.text,
                "relation": loc.relation,
            },
            "date": self.date.to_dict(),
            "quantities": [dataclasses.asdict(q) for q in self.quantities],
            "claimed_by": self.claimed_by,
            "claimant_side": self.claimant_side,
            "via": self.via,
            "modality": self.modality,
            "background": self.background,
            "trigger": self.trigger,
            "evidence": {
                "actor1": self.actor1.text if self.actor1 else None,
                "actor2": self.actor2.text if self.actor2 else None,
                "location": loc.text if loc else None,
                "date": self.date.text,
            },
            "notes": self.notes,
        }

    def to_record(self) -> dict[str, Any]:
        """Every field, JSON-safe and lossless (a store keeps this; `to_dict` is the view)."""
        out = dataclasses.asdict(self)
        out["date"] = self.date.to_dict()
        return out

    @classmethod
    def from_record(cls, d: dict[str, Any]) -> Claim:
        """The inverse of `to_record`."""
        loc = d.get("location")
        if loc is not None:
            place = loc.get("place")
            loc = PlaceMention(**{
                **loc,
                "place": Place(**place) if place else None,
                "candidates": [tuple(c) for c in loc.get("candidates", [])],
            })
        return cls(**{
            **d,
            "actor1": Actor(**d["actor1"]) if d.get("actor1") else None,
            "actor2": Actor(**d["actor2"]) if d.get("actor2") else None,
            "assoc_actor_1": [Actor(**a) for a in d.get("assoc_actor_1", [])],
            "assoc_actor_2": [Actor(**a) for a in d.get("assoc_actor_2", [])],
            "location": loc,
            "date": DateValue.from_dict(d["date"]),
            "quantities": [Quantity(**q) for q in d.get("quantities", [])],
        })


@dataclass
class Event:
    """One real-world happening, ACLED's column names, with the claims it rests on."""

    event_id: str
    event_date: date | None
    time_precision: int | None
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    assoc_actor_1: list[str]
    actor2: str | None
    assoc_actor_2: list[str]
    country: str | None
    admin1: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    geonames_id: int | None
    fatalities: int
    sources: list[str]
    claimants: list[str]
    claims: list[str]
    notes: str
    related_events: list[str] = field(default_factory=list)
    # one claimant only | one side only | both belligerents agree | independent confirmation
    corroboration: str = ""
    claimant_sides: dict[str, str | None] = field(default_factory=dict)
    independent_sources: int = 0  # documents, syndicated copies counted once
    contradictions: list[str] = field(default_factory=list)
    merge_evidence: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["event_date"] = self.event_date.isoformat() if self.event_date else None
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """The inverse of `to_dict`."""
        names = {f.name for f in dataclasses.fields(cls)}
        value = d.get("event_date")
        return cls(**{
            **{k: v for k, v in d.items() if k in names},
            "event_date": date.fromisoformat(value) if value else None,
        })


@dataclass
class Document:
    """One input text as it moves through the stages; each stage fills its own fields."""

    id: str
    source: str
    raw_text: str
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    title: str | None = None
    language: str | None = None
    text: str = ""
    removed: list[RemovedSpan] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Mention] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    errors: list[StageError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=dict)
    done: list[str] = field(default_factory=list)
    # Facts about the outlet from data/outlets.toml (or just its domain); shown, never weighed.
    outlet_info: dict[str, Any] | None = None
    # (paragraph index, language, probability) for each paragraph of `text`.
    paragraph_languages: list[tuple[int, str, float]] = field(default_factory=list)
    # The earlier document of the batch this one repeats (a syndicated copy), if any.
    duplicate_of: str | None = None
    duplicate_similarity: float | None = None
    # The outlet's home, a prior for ambiguous place names (resolve.outlet_prior):
    # {"region": "US-TX", "source": "option" | "learned from ...", "latitude", "longitude"}.
    home: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "outlet": self.outlet,
            "language": self.language,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
            "text": self.text,
            "removed": [dataclasses.asdict(r) for r in self.removed],
            "provenance": self.provenance,
            "outlet_info": self.outlet_info,
            "home": self.home,
            "paragraph_languages": [
                {"paragraph": i, "language": lang, "probability": round(p, 3)}
                for i, lang, p in self.paragraph_languages
            ],
            "duplicate_of": self.duplicate_of,
            "duplicate_similarity": self.duplicate_similarity,
            "claims": [c.to_dict() for c in self.claims],
            "errors": [dataclasses.asdict(e) for e in self.errors],
            "warnings": self.warnings,
        }
