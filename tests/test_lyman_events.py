"""The canonical example end to end: events 1-5 of expected.md, places, dates, background."""

from __future__ import annotations

import math
from datetime import date

import pytest

from frontwatch.api import Result
from frontwatch.model import Claim, Event

RU_MIL = "Military Forces of Russia (2000-)"
UA_MIL = "Military Forces of Ukraine (2019-)"
RU_MOD = "Russian Ministry of Defence"
UA_MOD = "Ukrainian Ministry of Defence"
LYMAN = 704204


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def _events(result: Result, sub_event: str) -> list[Event]:
    return [e for e in result.events if e.sub_event_type == sub_event]


def _claims(result: Result, event: Event) -> list[Claim]:
    return [c for c in result.documents[0].claims if c.id in event.claims]


def test_every_mention_of_the_town_is_lyman_donetsk(lyman: Result) -> None:
    doc = lyman.documents[0]
    town = [p for p in doc.places
            if p.text.casefold() in {"krasny liman", "lyman", "cette ville", "la ville"}]
    assert len(town) >= 8
    for mention in town:
        assert mention.place is not None
        assert mention.place.geonames_id == LYMAN, mention
        assert mention.place.admin1 == "Donetsk"
        assert _km(mention.place.latitude, mention.place.longitude, 48.99, 37.81) < 5


def test_donetsk_region_is_the_oblast(lyman: Result) -> None:
    doc = lyman.documents[0]
    (region,) = [p for p in doc.places if p.text == "Donetsk"]
    assert region.place is not None
    assert region.place.feature == "ADM1"
    assert region.place.admin1 == "Donetsk"
    assert region.geo_precision == 3


def test_event_1_ukraine_retakes_lyman(lyman: Result) -> None:
    (event,) = _events(lyman, "Government regains territory")
    assert event.event_type == "Battles"
    assert event.event_date == date(2022, 10, 1)
    assert (event.actor1, event.actor2) == (UA_MIL, RU_MIL)
    assert event.geonames_id == LYMAN and event.geo_precision == 1
    assert event.admin1 == "Donetsk" and event.country == "Ukraine"
    assert {RU_MOD, UA_MOD} <= set(event.claimants)
    claims = _claims(lyman, event)
    ua = [c for c in claims if c.claimed_by == UA_MOD]
    assert ua and all("AFP" in c.via for c in ua)
    assert all(c.via == [] for c in claims if c.claimed_by == RU_MOD)
    assert event.fatalities == 0


def test_event_2_strikes_in_the_lyman_direction(lyman: Result) -> None:
    (event,) = _events(lyman, "Shelling/artillery/missile attack")
    assert event.event_type == "Explosions/Remote violence"
    assert (event.actor1, event.actor2) == (RU_MIL, UA_MIL)
    assert event.claimants == [RU_MOD]
    assert event.geonames_id == LYMAN and event.geo_precision == 2
    (claim,) = _claims(lyman, event)
    assert (claim.date.start, claim.date.end) == (date(2022, 9, 30), date(2022, 10, 1))
    got = {(q.kind, q.value, q.qualifier) for q in claim.quantities}
    assert got == {("killed", 200, "at_least"), ("tanks", 5, "exact"), ("ifv", 9, "exact")}
    assert claim.modality == "claimed"
    # ACLED: the most conservative figure, attributed in the notes.
    assert event.fatalities == 200
    assert RU_MOD in event.notes
    battle_ids = {e.event_id for e in lyman.events if e.event_type == "Battles"}
    assert set(event.related_events) & battle_ids


def test_events_3_and_4_armed_clashes(lyman: Result) -> None:
    clashes = _events(lyman, "Armed clash")
    assert len(clashes) == 2
    by_claimant = {tuple(e.claimants): e for e in clashes}
    offensive = by_claimant[(RU_MOD,)]
    encircled = by_claimant[("Ukrainian army",)]
    for e in clashes:
        assert e.event_date == date(2022, 10, 1)
        assert (e.actor1, e.actor2) == (UA_MIL, RU_MIL)
        assert e.geonames_id == LYMAN
    assert offensive.geo_precision == 2  # the Lyman direction, not the town
    assert encircled.geo_precision == 1
    (claim,) = _claims(lyman, encircled)
    (qty,) = claim.quantities
    assert (qty.kind, qty.value, qty.qualifier, qty.magnitude) == ("encircled", None, "vague", 1000)
    assert qty.side == "RU"


def test_event_5_accession_agreement(lyman: Result) -> None:
    (event,) = _events(lyman, "Agreement")
    assert event.event_type == "Strategic developments"
    assert event.event_date == date(2022, 9, 30)  # "la veille"
    assert event.actor1 == "Government of Russia (2000-)"
    assert event.actor2 == "DNR: Donetsk People's Republic"
    assert event.location == "Moscow" and event.country == "Russia"
    assert event.claimants == ["RT"]
    (claim,) = _claims(lyman, event)
    assert claim.modality == "asserted"
    assert ("regions", 4, "exact") in {(q.kind, q.value, q.qualifier) for q in claim.quantities}


def test_exactly_five_events(lyman: Result) -> None:
    assert len(lyman.events) == 5


def test_background_is_never_a_fresh_event(lyman: Result) -> None:
    claims = lyman.documents[0].claims
    background = [c for c in claims if c.background]
    triggers = {c.trigger.casefold() for c in background}
    assert any("référendum" in t for t in triggers)
    dated = {(c.date.start, c.date.time_precision) for c in background}
    assert (date(2022, 2, 1), 3) in dated  # "en février dernier"
    assert any(c.date.start == date(2014, 1, 1) for c in background)  # "depuis 2014"
    for c in background:
        assert c.date.start != date(2022, 10, 1)
    event_claims = {cid for e in lyman.events for cid in e.claims}
    assert not event_claims & {c.id for c in background}


def test_claims_carry_their_evidence(lyman: Result) -> None:
    doc = lyman.documents[0]
    assert doc.claims
    for c in doc.claims:
        assert doc.text[c.start : c.end] == c.sentence
        assert c.trigger in c.sentence


@pytest.mark.parametrize("field", ["start", "end"])
def test_without_publication_date_nothing_is_invented(lyman_undated: Result, field: str) -> None:
    doc = lyman_undated.documents[0]
    for c in doc.claims:
        if c.date.text and "2014" not in c.date.text:
            assert getattr(c.date, field) is None
            assert c.date.time_precision is None
    assert any("--published" in w and "1er octobre" in w for w in doc.warnings)
    partials = {c.date.partial for c in doc.claims}
    assert "--10-01" in partials
    for e in lyman_undated.events:
        assert e.event_date is None and e.time_precision is None
