"""Reports of one event, from several outlets, sides and languages, make one event; a
similar event on the same day in the same region stays apart; who says what is kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontwatch import api
from frontwatch.model import Event
from frontwatch.read import Defaults

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
LYMAN = 704204
RU_MOD, UA_MOD = "Russian Ministry of Defence", "Ukrainian Ministry of Defence"


@pytest.fixture(scope="module")
def lyman_four(lyman_path: Path) -> api.Result:
    paths = [str(lyman_path)] + [str(EXAMPLES / f"lyman-{c}.txt") for c in ("en", "ru", "uk")]
    return api.extract(paths, Defaults(published=date(2022, 10, 1), outlet="RT"))


def _one(result: api.Result, sub: str, precision: int | None = None) -> Event:
    (event,) = [e for e in result.events if e.sub_event_type == sub
                and (precision is None or e.geo_precision == precision)]
    return event


def test_four_languages_one_recapture_both_sides_agree(lyman_four: api.Result) -> None:
    event = _one(lyman_four, "Government regains territory")
    docs = {c.split("-s")[0] for c in event.claims}
    assert len(docs) == 4  # the French article and the three written in en/ru/uk
    assert event.geonames_id == LYMAN and event.event_date == date(2022, 10, 1)
    assert event.corroboration == "both belligerents agree"
    assert event.claimant_sides[RU_MOD] == "RU" and event.claimant_sides[UA_MOD] == "UA"
    assert all("by" in m and any("same place" in w for w in m["by"])
               for m in event.merge_evidence)


def test_only_one_side_claims_the_casualties(lyman_four: api.Result) -> None:
    event = _one(lyman_four, "Shelling/artillery/missile attack")
    assert event.claimants == [RU_MOD]
    assert event.corroboration == "one claimant only"
    assert event.fatalities == 200
    claims = [c for d in lyman_four.documents for c in d.claims if c.id in event.claims]
    assert {c.claimed_by for c in claims if any(q.kind == "killed" for q in c.quantities)} == {
        RU_MOD}


def test_event_ids_are_stable(lyman_four: api.Result, lyman_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Kharkiv\n\nUkraine's Defence Ministry said Russian missiles hit Kharkiv "
                     "on Monday, killing two civilians.\n", encoding="utf-8")
    paths = [str(lyman_path)] + [str(EXAMPLES / f"lyman-{c}.txt") for c in ("en", "ru", "uk")]
    again = api.extract([*paths, str(other)], Defaults(published=date(2022, 10, 3),
                                                        outlet="RT"))
    before = {e.event_id for e in lyman_four.events}
    assert before <= {e.event_id for e in again.events}


def _write(tmp_path: Path, name: str, text: str, published: str, outlet: str) -> str:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / f"{name}.json").write_text(
        f'{{"published": "{published}", "outlet": "{outlet}"}}', encoding="utf-8")
    return str(path)


def test_same_day_same_region_different_towns_stay_apart(tmp_path: Path) -> None:
    a = _write(tmp_path, "a", "Kupiansk shelled\n\nRussian forces shelled Kupiansk on Monday, "
               "the Ukrainian army said, killing two civilians.\n", "2022-10-04", "Ukrinform")
    b = _write(tmp_path, "b", "Chuhuiv shelled\n\nRussian forces shelled Chuhuiv on Monday, "
               "the Ukrainian army said, killing one civilian.\n", "2022-10-04", "UNIAN")
    c = _write(tmp_path, "c", "Обстріл Куп'янська\n\nУ понеділок російські війська обстріляли "
               "Куп'янськ, повідомили в ЗСУ. Загинули двоє цивільних.\n", "2022-10-04",
               "Suspilne")
    result = api.extract([a, b, c], Defaults())
    shelling = [e for e in result.events if e.event_type == "Explosions/Remote violence"]
    assert len(shelling) == 2, [(e.location, e.event_date, e.claims) for e in shelling]
    assert all(e.event_date == date(2022, 10, 3) for e in shelling)  # "on Monday"
    kupiansk = next(e for e in shelling if e.location and e.location.startswith("Kup"))
    assert len({cid.split("-s")[0] for cid in kupiansk.claims}) == 2  # en + uk reports
    assert all(e.actor1 == "Military Forces of Russia (2000-)" for e in shelling)


def test_contradicting_figures_and_denials_are_shown(tmp_path: Path) -> None:
    a = _write(tmp_path, "a", "Strike on Kramatorsk\n\nUkraine's Defence Ministry said a "
               "Russian missile strike on Kramatorsk killed 12 civilians on Tuesday.\n",
               "2022-10-05", "Kyiv Independent")
    b = _write(tmp_path, "b", "Strike on Kramatorsk\n\nThe Russian Defence Ministry said its "
               "missile strike on Kramatorsk on Tuesday killed more than 100 Ukrainian "
               "soldiers.\n", "2022-10-05", "TASS")
    result = api.extract([a, b], Defaults())
    (event,) = [e for e in result.events if e.location == "Kramatorsk"]
    assert event.corroboration == "both belligerents agree"
    assert any(c.startswith("killed:") for c in event.contradictions)
    assert event.fatalities == 12  # ACLED: the most conservative figure
    assert "reports differ" in event.notes


def test_syndicated_copy_counts_once(tmp_path: Path) -> None:
    story = ("Ukrainian forces entered Lyman on Saturday, Ukraine's Defence Ministry said. "
             "Soldiers raised the national flag at the entrance to the town, in the Donetsk "
             "region, after Russian troops withdrew. The ministry published a video of the "
             "flag being raised. Officials said the town had been encircled for days.\n")
    a = _write(tmp_path, "a", "Ukraine retakes Lyman\n\n" + story, "2022-10-01", "Reuters")
    b = _write(tmp_path, "b", "Lyman back in Ukrainian hands\n\n" + story, "2022-10-01",
               "Yahoo News")
    result = api.extract([a, b], Defaults())
    copy = next(d for d in result.documents if d.duplicate_of)
    event = next(e for e in result.events if e.geonames_id == LYMAN)
    assert len({cid.split("-s")[0] for cid in event.claims}) == 2
    assert event.independent_sources == 1
    assert copy.duplicate_of in {d.id for d in result.documents}
