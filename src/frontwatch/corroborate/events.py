"""Grouping claims into ACLED-style event rows, with notes that say who claims what."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from frontwatch.corroborate.cluster import (
    EVENT_MODALITIES,
    group_claims,
    people_of,
    place_of,
    scale_of,
    sides_of,
)
from frontwatch.langpack import load_data
from frontwatch.model import Claim, Document, Event

KILLED = "killed"


def event_key(claim: Claim) -> tuple[str, ...]:
    """What defines a claim's event; its digest is the event id (stable across runs)."""
    loc = place_of(claim)
    a1, a2 = sides_of(claim)
    return (
        claim.event_type,
        claim.sub_event_type,
        claim.date.start.isoformat() if claim.date.start else "undated",
        str(loc.geonames_id if loc and loc.geonames_id else (loc.name if loc else "nowhere")),
        scale_of(claim),
        a1 or "?",
        a2 or "?",
    )


def _id_key(claim: Claim) -> tuple[str, ...]:
    # Two arrests on one day in one town, of different people, are two events: the people
    # tell their ids apart. Events naming nobody keep the ids they had.
    return (*event_key(claim), *sorted(people_of(claim).main))


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _fatalities(claims: list[Claim]) -> tuple[int, list[str]]:
    """ACLED: the most conservative reported figure; who reported it goes in the notes."""
    figures: list[tuple[int, str, str]] = []
    for c in claims:
        for q in c.quantities:
            if q.kind == KILLED and q.value is not None:
                figures.append((q.value, c.claimed_by, q.text))
    if not figures:
        return 0, []
    value, who, text = min(figures)
    notes = [f"fatalities: {value}, the lowest figure reported ({who}: \"{text}\"); unverified"]
    if len({f[0] for f in figures}) > 1:
        notes.append("reports differ: " + "; ".join(f"{w}: {v}" for v, w, _ in sorted(figures)))
    return value, notes


def _notes(claims: list[Claim], event: Event) -> str:
    when = event.event_date.isoformat() if event.event_date else "an unknown date"
    where = event.location or "an unknown place"
    parts = [f"On {when}, {event.sub_event_type} ({event.event_type}) at {where}"]
    if event.actor1:
        parts[0] += f": {event.actor1}" + (f" against {event.actor2}" if event.actor2 else "")
    parts[0] += "."
    by_claimant: dict[str, list[str]] = {}
    for c in claims:
        tag = c.claimed_by + (f" via {', '.join(c.via)}" if c.via else "")
        words = by_claimant.setdefault(tag, [])
        if c.trigger and c.trigger not in words:
            words.append(c.trigger)
    parts.append(
        "Claimed by "
        + "; ".join(f"{k} (\"{', '.join(v)}\")" for k, v in sorted(by_claimant.items()))
        + "."
    )
    if all(c.modality == "claimed" for c in claims):
        parts.append("Not independently verified.")
    return " ".join(parts)


def _copies(claims: list[Claim], copy_of: dict[str, str]) -> set[str]:
    """Documents of this event that repeat another document of this event."""
    docs = {c.document_id for c in claims}
    return {d for d in docs if copy_of.get(d) in docs}


def _corroboration(claims: list[Claim], copies: set[str]) -> tuple[str, dict[str, str | None]]:
    """How far the event is confirmed, from who claims it (copies of a story count once)."""
    sides: dict[str, str | None] = {}
    for c in claims:
        if c.document_id not in copies:
            sides.setdefault(c.claimed_by, c.claimant_side)
    belligerents = {s for s in sides.values() if s}
    if len(belligerents) >= 2:
        level = "both belligerents agree"
    elif len(sides) >= 2 and any(s is None for s in sides.values()):
        level = "independent confirmation"
    elif len(sides) >= 2:
        level = "one side only"
    else:
        level = "one claimant only"
    return level, sides


def _contradictions(claims: list[Claim], denials: list[Claim]) -> list[str]:
    found: list[str] = []
    killed: dict[str, set[int]] = {}
    for c in claims:
        for q in c.quantities:
            if q.kind == KILLED and q.value is not None:
                killed.setdefault(c.claimed_by, set()).add(q.value)
    figures = {who: sorted(v) for who, v in killed.items()}
    if len({tuple(v) for v in figures.values()}) > 1:
        found.append("killed: " + "; ".join(f"{w} {v}" for w, v in sorted(figures.items())))
    days = {c.date.start for c in claims if c.date.start and c.date.time_precision == 1}
    if len(days) > 1:
        found.append("day: " + ", ".join(sorted(d.isoformat() for d in days)))
    for d in denials:
        found.append(f"denied by {d.claimed_by}: \"{d.sentence[:160]}\"")
    return found


def build_events(docs: list[Document], gazetteer) -> list[Event]:  # type: ignore[no-untyped-def]
    """All claims of all documents grouped into events, in a fixed order, linked."""
    return finish_events(partition_events(docs, gazetteer))


def partition_key(claim: Claim) -> tuple[str, str]:
    """(country, ""): claims in different partitions never share an event.

    Claims join when their places are the same or nested, which never crosses a country,
    so grouping partition by partition and taking the union gives what grouping everything
    does. Days cannot split partitions: a "past 24 hours" claim spans two days and joins
    claims of either. Only the links between strikes and battles cross partitions, and
    `finish_events` draws them over the union.
    """
    place = place_of(claim)
    return (place.country or "") if place else "", ""


def partition(docs: list[Document]) -> dict[tuple[str, str], list[Document]]:
    """Documents split by partition: each part keeps, in order, the claims of one partition.

    A claim's source is its document's outlet; when the same text comes twice with
    different outlets the last one names it everywhere, as in `build_events`.
    """
    outlets = {c.document_id: doc.outlet or doc.source for doc in docs for c in doc.claims
               if not c.background and c.modality in EVENT_MODALITIES}
    parts: dict[tuple[str, str], dict[int, Document]] = {}
    for n, doc in enumerate(docs):
        for c in doc.claims:
            part = parts.setdefault(partition_key(c), {})
            if n not in part:
                part[n] = Document(id=doc.id, source=doc.source, raw_text="",
                                   outlet=outlets.get(doc.id, doc.outlet),
                                   duplicate_of=getattr(doc, "duplicate_of", None))
            part[n].claims.append(c)
    return {k: list(v.values()) for k, v in sorted(parts.items())}


def finish_events(events: list[Event]) -> list[Event]:
    """The union of partitions in `build_events`' order, strikes linked to battles."""
    events = sorted(events, key=lambda e: (
        e.event_date.isoformat() if e.event_date else "undated", e.claims[0]))
    _link_to_battles(events)
    return events


def partition_events(docs: list[Document], gazetteer) -> list[Event]:  # type: ignore[no-untyped-def]
    """Events of these documents' claims, unlinked (see `finish_events`)."""
    taxonomy = load_data("acled")
    outlets = {d.id: d.outlet or d.source for d in docs}
    copy_of = {d.id: d.duplicate_of for d in docs if getattr(d, "duplicate_of", None)}
    groups = group_claims([c for d in docs for c in d.claims])
    events: list[Event] = []
    for group in groups:
        claims = group.claims
        first = group.anchor
        located = [c for c in claims if c.location and c.location.place]
        best = min(located, key=lambda c: (c.location.geo_precision or 9)) if located else None  # type: ignore[union-attr]
        loc = best.location if best else None
        place = loc.place if loc else None
        country = gazetteer.country(place.country) if place else None
        fatalities, fat_notes = _fatalities(claims)
        copies = _copies(claims, copy_of)  # type: ignore[arg-type]
        level, sides = _corroboration(claims, copies)
        event = Event(
            event_id=_event_id(country.name if country else None, _id_key(first)),
            event_date=first.date.start,
            time_precision=min((c.date.time_precision or 9 for c in claims), default=9),
            disorder_type=taxonomy["disorder"][first.event_type],
            event_type=first.event_type,
            sub_event_type=first.sub_event_type,
            actor1=_most_common(c.actor1.name if c.actor1 else None for c in claims),
            assoc_actor_1=sorted({a.name for c in claims for a in c.assoc_actor_1}),
            actor2=_most_common(c.actor2.name if c.actor2 else None for c in claims),
            assoc_actor_2=sorted({a.name for c in claims for a in c.assoc_actor_2}),
            country=country.name if country else None,
            admin1=place.admin1 if place else None,
            location=place.name if place else None,
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            geo_precision=loc.geo_precision if loc else None,
            geonames_id=place.geonames_id if place else None,
            fatalities=fatalities,
            sources=sorted({outlets.get(c.document_id, c.document_id) for c in claims}
                           | {v for c in claims for v in c.via}),
            claimants=sorted({c.claimed_by for c in claims}),
            claims=[c.id for c in claims],
            notes="",
            corroboration=level,
            claimant_sides=dict(sorted(sides.items())),
            independent_sources=len({c.document_id for c in claims} - copies),
            contradictions=_contradictions(claims, group.denials),
            merge_evidence=group.evidence,
        )
        if event.time_precision == 9:
            event.time_precision = None
        event.notes = " ".join([_notes(claims, event), *fat_notes])
        events.append(event)
    return events


def _event_id(country: str | None, key: tuple[str, ...]) -> str:
    # Stable across runs: the id is a digest of what defines the event, not a counter.
    prefix = (country or "XXX")[:3].upper()
    return f"{prefix}-{hashlib.sha1('|'.join(key).encode()).hexdigest()[:10]}"


def _link_to_battles(events: list[Event]) -> None:
    """ACLED folds strikes told within an ongoing battle into the battle; Frontwatch keeps
    the strike as its own row, typed as told, and links it to that battle."""
    battles: dict[int | None, list[Event]] = {}
    for b in events:
        if b.event_type == "Battles" and b.event_date is not None:
            battles.setdefault(b.geonames_id, []).append(b)
    for e in events:
        if e.event_type != "Explosions/Remote violence" or e.event_date is None:
            continue
        for b in battles.get(e.geonames_id, ()):
            if abs((b.event_date - e.event_date).days) <= 1:  # type: ignore[operator]
                e.related_events.append(b.event_id)
        if e.related_events:
            e.notes += " Reported within ongoing fighting at the same place: " + ", ".join(
                e.related_events
            ) + "."
