"""Event filters shared by `frontwatch events` and `frontwatch export`.

Scalar filters become SQL (indexed columns of `events`); filters on lists (actors,
claimants, sources) are applied to the decoded events, the same way on every backend.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from frontwatch.model import Event
from frontwatch.store.schema import events


@dataclass(frozen=True)
class Filters:
    since: date | None = None
    until: date | None = None
    country: str | None = None
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # minlon, minlat, maxlon, maxlat
    type: str | None = None  # event type or sub-event type
    actor: str | None = None  # any actor or associated actor (substring)
    claimant: str | None = None
    outlet: str | None = None  # an outlet or channel among the event's sources
    min_sources: int | None = None

    def where(self) -> list[sa.ColumnElement[bool]]:
        c = events.c
        out: list[sa.ColumnElement[bool]] = []
        if self.since:
            out.append(c.event_date >= self.since)
        if self.until:
            out.append(c.event_date <= self.until)
        if self.country:
            out.append(sa.func.lower(c.country) == self.country.lower())
        if self.admin1:
            out.append(sa.func.lower(c.admin1) == self.admin1.lower())
        if self.bbox:
            minlon, minlat, maxlon, maxlat = self.bbox
            out += [c.longitude.between(minlon, maxlon), c.latitude.between(minlat, maxlat)]
        if self.type:
            t = self.type.lower()
            out.append(sa.or_(sa.func.lower(c.event_type) == t,
                              sa.func.lower(c.sub_event_type) == t))
        if self.min_sources:
            out.append(c.source_count >= self.min_sources)
        return out

    def keep(self, event: Event) -> bool:
        actors = [event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2]
        return (
            _any(self.actor, actors)
            and _any(self.claimant, event.claimants)
            and _any(self.outlet, event.sources)
        )


def _any(needle: str | None, values: list[str | None]) -> bool:
    if not needle:
        return True
    n = needle.lower()
    return any(v and n in v.lower() for v in values)


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    parts = [p.strip() for p in value.split(",")]
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError:
        raise ValueError(f"{value!r} is not 4 numbers minlon,minlat,maxlon,maxlat") from None
    if not (-180 <= minlon <= maxlon <= 180 and -90 <= minlat <= maxlat <= 90):
        raise ValueError(f"{value!r}: want minlon<=maxlon in [-180, 180] and "
                         "minlat<=maxlat in [-90, 90]")
    return minlon, minlat, maxlon, maxlat
