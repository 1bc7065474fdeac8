"""Which claims tell the same event: compatibility rules, and the evidence of each merge.

Two claims are one event when they tell the same kind of happening (after the territory
rule a withdrawal told by one side and an entry told by the other are the same change of
territory), on compatible days (their date spans overlap), at the same place seen at the
same scale (in the town, or on its approaches) or at a region that holds the other's town,
between compatible sides (the same belligerents, or one claim naming no actor). Where the
event is done to named people (an arrest, an abduction), claims that name different people
in their sentences are different events, and claims naming the same one fit better. Claims are
taken in a fixed order and each joins the group it fits best; ties between two groups that
fit only loosely are not broken by guessing: the claim starts its own group. Every merge
records the evidence that joined it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import Any

from frontwatch.corroborate.participants import NO_NAMES, Names, differ, find_names, shared
from frontwatch.langpack import load_data
from frontwatch.model import Claim, Place

EVENT_MODALITIES = {"claimed", "asserted"}
SAME_PLACE_KM = 3.0  # GeoNames lists some towns twice (a town and its district seat)


@dataclass
class Group:
    anchor: Claim
    claims: list[Claim]
    evidence: list[dict[str, Any]] = field(default_factory=list)
    denials: list[Claim] = field(default_factory=list)
    order: int = 0  # founding order, for ties


def place_of(claim: Claim) -> Place | None:
    return claim.location.place if claim.location else None


def scale_of(claim: Claim) -> str:
    loc = claim.location
    if loc is None or loc.place is None:
        return "none"
    return "around" if loc.relation in {"direction", "near", "offset"} else "at"


def sides_of(claim: Claim) -> tuple[str | None, str | None]:
    return (claim.actor1.side if claim.actor1 else None,
            claim.actor2.side if claim.actor2 else None)


@cache
def _named_people_types() -> frozenset[str]:
    return frozenset(load_data("acled").get("participants", {}).get("named_people", []))


@lru_cache(maxsize=1 << 14)
def _sentence_names(sentence: str, skip: tuple[tuple[int, int], ...]) -> Names:
    return find_names(sentence, skip)


def people_of(claim: Claim) -> Names:
    """The people a claim's sentence names as taking part, for the kinds of event done to
    named people; its place and its actors' words are not people. Read from the sentence
    alone, so claims read back from a store give the same."""
    if claim.sub_event_type not in _named_people_types():
        return NO_NAMES
    skip: list[tuple[int, int]] = []
    loc = claim.location
    if loc is not None and claim.start <= loc.start and loc.end <= claim.end:
        skip.append((loc.start - claim.start, loc.end - claim.start))
    for actor in (claim.actor1, claim.actor2, *claim.assoc_actor_1, *claim.assoc_actor_2):
        at = claim.sentence.find(actor.text) if actor is not None and actor.text else -1
        if at >= 0:
            skip.append((at, at + len(actor.text)))  # type: ignore[union-attr]
    return _sentence_names(claim.sentence, tuple(sorted(skip)))


def _span(claim: Claim) -> tuple[date, date] | None:
    d = claim.date
    if d.start is None:
        return None
    return d.start, d.end or d.start


def _inside(town: Place, region: Place) -> bool:
    if region.feature == "PCLI":
        return False  # a country is too wide to say two reports tell one event
    return town.country == region.country and (
        region.feature == "RGN" or town.admin1_code == region.admin1_code
    )


def place_fit(a: Claim, b: Claim) -> tuple[int, str] | None:
    """How well two claims' places fit: 3 same place, 1 one inside the other, None no fit."""
    pa, pb = place_of(a), place_of(b)
    if pa is None and pb is None:
        return 1, "neither names a place"
    if pa is None or pb is None:
        return None
    if pa.feature == pb.feature == "PPL":
        if scale_of(a) != scale_of(b):
            return None  # fighting in a town and on its approaches are told apart
        if pa.geonames_id == pb.geonames_id or pa.km_to(pb) <= SAME_PLACE_KM:
            return 3, f"same place {pa.name} ({pa.geonames_id})"
        return None
    if pa == pb:
        return 3, f"same area {pa.name}"
    town, wide = (pa, pb) if pa.feature == "PPL" else (pb, pa)
    if town.feature == "PPL" and _inside(town, wide):
        return 1, f"{town.name} lies in {wide.name}"
    return None


def fit(a: Claim, b: Claim) -> tuple[int, list[str]] | None:
    """Whether `b` can tell the same event as `a`, how strongly, and why."""
    if (a.event_type, a.sub_event_type) != (b.event_type, b.sub_event_type):
        return None
    why = [f"both {a.sub_event_type}"]
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        if sa != sb:
            return None
        why.append("both undated")
    elif sa[0] <= sb[1] and sb[0] <= sa[1]:
        why.append(f"dates overlap ({max(sa[0], sb[0]).isoformat()})")
    else:
        return None
    place = place_fit(a, b)
    if place is None:
        return None
    why.append(place[1])
    xa, xb = sides_of(a), sides_of(b)
    if xa == xb:
        why.append(f"same sides {xa[0] or '?'}/{xa[1] or '?'}")
    elif xa[0] == xb[0] and None in (xa[1], xb[1]):
        # A strike told without its victims ("shelled Kupiansk") and with them.
        why.append(f"same attacker {xa[0] or '?'}, one claim names no target")
    elif xa == (None, None) or xb == (None, None):
        why.append("one claim names no actor")
    else:
        return None
    return place[0], why


def people_fit(group: Group, claim: Claim) -> tuple[int, list[str]] | None:
    """Whether the people `claim` names fit a group's: None when a claim of the group names
    other people, 1 when one names the same, 0 when either names nobody. Every member is
    asked, not only the anchor: a headline naming nobody may have founded the group."""
    mine = people_of(claim)
    if not mine.main and not mine.full:
        return 0, []
    same: set[str] = set()
    for member in group.claims:
        theirs = people_of(member)
        if differ(mine, theirs):
            return None
        same.update(shared(mine, theirs))
    return (1, ["same people named " + ", ".join(sorted(same))]) if same else (0, [])


def _order(claim: Claim) -> tuple[str, bool, bool, int, str]:
    place = place_of(claim)
    precision = (claim.location.geo_precision if claim.location else None) or 9
    # Precise claims first, so that they found the groups that looser ones then join; a
    # claim naming no actor never founds one (it would take in both directions of a fight).
    # Likewise claims naming the people an arrest was done to found groups before those
    # naming nobody, which then join by place and day.
    return ((claim.date.start.isoformat() if claim.date.start else "9999"),
            sides_of(claim) == (None, None), not people_of(claim).full,
            precision if place else 10, claim.id)


class _Index:
    """Groups by kind of event and by the days their anchor covers, so a claim is compared
    only with groups it could join (10,000 claims group in well under a second)."""

    def __init__(self) -> None:
        self.by_day: dict[tuple[str, str, date | None], list[Group]] = {}

    @staticmethod
    def _days(claim: Claim) -> list[date | None]:
        span = _span(claim)
        if span is None:
            return [None]
        n = (span[1] - span[0]).days
        return [date.fromordinal(span[0].toordinal() + k) for k in range(max(0, n) + 1)]

    def add(self, group: Group) -> None:
        a = group.anchor
        for day in self._days(a):
            self.by_day.setdefault((a.event_type, a.sub_event_type, day), []).append(group)

    def candidates(self, claim: Claim) -> list[Group]:
        seen: dict[int, Group] = {}
        for day in self._days(claim):
            for g in self.by_day.get((claim.event_type, claim.sub_event_type, day), []):
                seen.setdefault(id(g), g)
        return list(seen.values())


def group_claims(claims: list[Claim]) -> list[Group]:
    groups: list[Group] = []
    index = _Index()
    live = sorted((c for c in claims if not c.background and c.modality in EVENT_MODALITIES),
                  key=_order)
    for claim in live:
        # Candidates in founding order, so that ties resolve as a full scan would.
        candidates = sorted(index.candidates(claim), key=lambda g: g.order)
        scored = [((f[0] + p[0], f[1] + p[1]), g) for g in candidates
                  if (f := fit(g.anchor, claim)) and (p := people_fit(g, claim))]
        best = max((f[0] for f, _ in scored), default=None)
        top = [(f, g) for f, g in scored if f[0] == best]
        # A claim naming nobody (a headline) that fits several groups at one place equally
        # goes with the one its own document's other claims are in, when that is only one.
        if len(top) > 1 and best is not None and best >= 3:
            own = [(f, g) for f, g in top
                   if any(c.document_id == claim.document_id for c in g.claims)]
            top = own if len(own) == 1 else top
        if len(top) == 1 or (top and best is not None and best >= 3):
            (_, why), group = top[0]
            group.claims.append(claim)
            group.evidence.append({"claim": claim.id, "joined": group.anchor.id, "by": why})
        else:
            group = Group(claim, [claim], order=len(groups))
            groups.append(group)
            index.add(group)
    for claim in claims:
        if claim.modality == "denied" and not claim.background:
            for g in sorted(index.candidates(claim), key=lambda g: g.order):
                if fit(g.anchor, claim) and people_fit(g, claim):
                    g.denials.append(claim)
    return groups
