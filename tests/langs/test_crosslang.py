"""The same story told in English, Russian and Ukrainian yields the French article's events.

The examples in examples/ were written for Frontwatch (see examples/README.md). The French
reference is the RT article in ../shared/examples, which sits beside the checkout.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pytest

from frontwatch import api
from frontwatch.langpack import load_langpacks
from frontwatch.model import Claim
from frontwatch.read import Defaults
from frontwatch.resolve.dates import find_dates

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FRENCH = ROOT.parent / "shared" / "examples" / "lyman-rt-fr.txt"

LYMAN = 704204
MOSCOW = 524901
PUBLISHED = date(2022, 10, 1)
RU_MOD = "Russian Ministry of Defence"
UA_MOD = "Ukrainian Ministry of Defence"
UA_ARMY = "Ukrainian army"


@cache
def _run(path: str, published: date, outlet: str) -> api.Result:
    return api.extract([path], Defaults(published=published, outlet=outlet))


def _event_set(result: api.Result) -> set[tuple[object, ...]]:
    return {
        (e.event_type, e.sub_event_type, e.event_date, e.geonames_id) for e in result.events
    }


def _claims(result: api.Result) -> list[Claim]:
    return result.documents[0].claims


@pytest.fixture(scope="module")
def french() -> api.Result:
    if not FRENCH.exists():
        pytest.skip(f"{FRENCH} is absent: the shared examples sit beside the checkout")
    return _run(str(FRENCH), PUBLISHED, "RT")


LYMAN_EXAMPLES = {"en": "lyman-en.txt", "ru": "lyman-ru.txt", "uk": "lyman-uk.txt"}


@pytest.fixture(scope="module", params=sorted(LYMAN_EXAMPLES))
def story(request: pytest.FixtureRequest) -> tuple[str, api.Result]:
    code = request.param
    return code, _run(str(EXAMPLES / LYMAN_EXAMPLES[code]), PUBLISHED, "Example")


def test_language_is_identified(story: tuple[str, api.Result]) -> None:
    code, result = story
    doc = result.documents[0]
    assert doc.language == code
    assert not doc.errors


def test_same_events_as_french(story: tuple[str, api.Result], french: api.Result) -> None:
    _, result = story
    expected = _event_set(french)
    assert expected == {
        ("Strategic developments", "Agreement", date(2022, 9, 30), MOSCOW),
        ("Explosions/Remote violence", "Shelling/artillery/missile attack",
         date(2022, 9, 30), LYMAN),
        ("Battles", "Government regains territory", date(2022, 10, 1), LYMAN),
        ("Battles", "Armed clash", date(2022, 10, 1), LYMAN),
    }
    assert _event_set(result) == expected


def test_territory_claimed_by_both_ministries(story: tuple[str, api.Result]) -> None:
    _, result = story
    [event] = [e for e in result.events if e.sub_event_type == "Government regains territory"]
    assert event.claimants == [RU_MOD, UA_MOD]
    assert "AFP" in event.sources
    assert event.actor1 == "Military Forces of Ukraine (2019-)"
    assert event.actor2 == "Military Forces of Russia (2000-)"
    assert event.admin1 == "Donetsk"
    entry = [c for c in _claims(result) if c.claimed_by == UA_MOD and c.background is False]
    assert entry and all("AFP" in c.via for c in entry)


def test_strikes_claimed_by_russia_with_losses(story: tuple[str, api.Result]) -> None:
    _, result = story
    [event] = [e for e in result.events if e.event_type == "Explosions/Remote violence"]
    assert event.claimants == [RU_MOD]
    assert event.fatalities == 200
    [claim] = [c for c in _claims(result) if c.event_type == "Explosions/Remote violence"]
    assert (claim.date.start, claim.date.end) == (date(2022, 9, 30), date(2022, 10, 1))
    assert claim.modality == "claimed"
    found = {(q.kind, q.value, q.qualifier, q.unit) for q in claim.quantities}
    assert found == {
        ("killed", 200, "at_least", "soldiers"),
        ("tanks", 5, "exact", "tanks"),
        ("ifv", 9, "exact", "ifv"),
    }


def test_clashes_claimed_by_each_side(story: tuple[str, api.Result]) -> None:
    _, result = story
    clashes = [e for e in result.events if e.sub_event_type == "Armed clash"]
    assert sorted(c for e in clashes for c in e.claimants) == [RU_MOD, UA_ARMY]
    [encircled] = [
        c for c in _claims(result) if c.claimed_by == UA_ARMY and c.sub_event_type == "Armed clash"
    ]
    [q] = encircled.quantities
    assert (q.kind, q.value, q.qualifier, q.magnitude, q.unit) == (
        "encircled", None, "vague", 1000, "soldiers"
    )
    assert encircled.location is not None and encircled.location.place is not None
    assert encircled.location.place.geonames_id == LYMAN
    offensive = [c for c in _claims(result) if c.claimed_by == RU_MOD
                 and c.sub_event_type == "Armed clash"]
    assert offensive and offensive[0].location.relation == "direction"  # type: ignore[union-attr]


def test_agreement_at_the_seat(story: tuple[str, api.Result]) -> None:
    _, result = story
    [event] = [e for e in result.events if e.sub_event_type == "Agreement"]
    assert event.geonames_id == MOSCOW
    assert event.actor1 == "Government of Russia (2000-)"
    assert event.actor2 == "DNR: Donetsk People's Republic"
    assert event.claimants == ["Example"]


def test_background_is_recalled_not_reported(story: tuple[str, api.Result]) -> None:
    _, result = story
    background = [c for c in _claims(result) if c.background]
    starts = {c.date.start for c in background}
    assert date(2022, 2, 1) in starts  # the invasion "last February"
    assert date(2014, 1, 1) in starts  # the conflict since 2014
    assert any(c.sub_event_type == "Other" for c in background)  # the referendums
    assert all(c.event_type != "Strategic developments" or c.sub_event_type != "Other"
               for c in _claims(result) if not c.background)


def test_clutter_removed(story: tuple[str, api.Result]) -> None:
    _, result = story
    reasons = {r.reason for r in result.documents[0].removed}
    assert {"follow-us", "cookie-consent"} <= reasons


OTHER_EXAMPLES = [
    # file, publication date, language, (event type, sub-event type), geonames id
    ("kharkiv-strike-en.txt", date(2022, 10, 6), "en",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack"), 706483),
    ("kherson-fr.txt", date(2022, 10, 3), "fr",
     ("Battles", "Government regains territory"), 710237),
    ("drones-ru.txt", date(2022, 10, 3), "ru",
     ("Strategic developments", "Disrupted weapons use"), 578071),
    ("bakhmut-uk.txt", date(2022, 10, 4), "uk",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack"), 713174),
]


@pytest.mark.parametrize(("name", "published", "code", "kind", "place"), OTHER_EXAMPLES,
                         ids=[x[0] for x in OTHER_EXAMPLES])
def test_other_examples(name: str, published: date, code: str, kind: tuple[str, str],
                        place: int) -> None:
    result = _run(str(EXAMPLES / name), published, "Example")
    assert result.documents[0].language == code
    matching = [e for e in result.events
                if (e.event_type, e.sub_event_type) == kind and e.geonames_id == place]
    assert matching, [(e.event_type, e.sub_event_type, e.geonames_id) for e in result.events]


def test_example_details() -> None:
    kharkiv = _run(str(EXAMPLES / "kharkiv-strike-en.txt"), date(2022, 10, 6), "Example")
    assert max(e.fatalities for e in kharkiv.events) == 3
    drones = _run(str(EXAMPLES / "drones-ru.txt"), date(2022, 10, 3), "Example")
    [event] = [e for e in drones.events if e.sub_event_type == "Disrupted weapons use"]
    assert event.claimants == [RU_MOD]
    assert event.event_date == date(2022, 10, 3)
    assert not [e for e in drones.events if e.event_type == "Explosions/Remote violence"]
    bakhmut = _run(str(EXAMPLES / "bakhmut-uk.txt"), date(2022, 10, 4), "Example")
    near = [e for e in bakhmut.events if UA_ARMY in e.claimants]
    assert near and near[0].geonames_id == 713174 and near[0].geo_precision == 2
    killed = {(q.kind, q.value, q.unit) for d in bakhmut.documents for c in d.claims
              for q in c.quantities}
    assert {("killed", 2, "civilians"), ("wounded", 5, "civilians")} <= killed


DATE_CASES = [
    ("en", "on Saturday", date(2022, 10, 1)),
    ("en", "the day before", date(2022, 9, 30)),
    ("en", "yesterday", date(2022, 9, 30)),
    ("en", "on October 1", date(2022, 10, 1)),
    ("en", "on 30 September", date(2022, 9, 30)),
    ("en", "in the past 24 hours", date(2022, 9, 30)),
    ("en", "last February", date(2022, 2, 1)),
    ("en", "in February", date(2022, 2, 1)),
    ("ru", "1 октября", date(2022, 10, 1)),
    ("ru", "в ночь на 1 октября", date(2022, 10, 1)),
    ("ru", "вчера", date(2022, 9, 30)),
    ("ru", "накануне", date(2022, 9, 30)),
    ("ru", "сегодня", date(2022, 10, 1)),
    ("ru", "в субботу", date(2022, 10, 1)),
    ("ru", "за последние сутки", date(2022, 9, 30)),
    ("ru", "в феврале", date(2022, 2, 1)),
    ("ru", "с 2014 года", date(2014, 1, 1)),
    ("uk", "1 жовтня", date(2022, 10, 1)),
    ("uk", "вчора", date(2022, 9, 30)),
    ("uk", "напередодні", date(2022, 9, 30)),
    ("uk", "сьогодні", date(2022, 10, 1)),
    ("uk", "у п'ятницю", date(2022, 9, 30)),
    ("uk", "за минулу добу", date(2022, 9, 30)),
    ("uk", "у лютому", date(2022, 2, 1)),
    ("uk", "з 2014 року", date(2014, 1, 1)),
]


@pytest.mark.parametrize(("code", "text", "start"), DATE_CASES)
def test_date_expressions(code: str, text: str, start: date) -> None:
    found = find_dates(f"Text {text} text", load_langpacks()[code], PUBLISHED)
    assert [f.value.start for f in found] == [start]
