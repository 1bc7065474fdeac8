"""Small place cues that decide whether a claim has a place: a live blog's first word after
its time stamp, a capital after a locative phrase, and a government's seat for its decisions.
Every sentence here was written for this test."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontwatch import api
from frontwatch.api import build_pipeline
from frontwatch.model import Claim
from frontwatch.pipeline import Pipeline
from frontwatch.read import Defaults
from frontwatch.read.core import make_document


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline()


def _first(pipeline: Pipeline, text: str) -> Claim:
    doc = make_document("test:cues", text, Defaults(published=date(2025, 3, 8), outlet="Wire"))
    claims = [c for c in pipeline(doc).claims if not c.background]
    assert claims, text
    return claims[0]


def test_live_blog_time_stamp_leaves_the_first_word_sentence_initial(tmp_path: Path) -> None:
    path = tmp_path / "blog.txt"
    path.write_text("11:05 — Air raid sirens sounded across Poltava region for an hour.\n",
                    encoding="utf-8")
    (doc,) = api.places([str(path)], Defaults()).documents
    assert [p.text for p in doc.places] == ["Poltava region"]


@pytest.mark.parametrize(("text", "geonames_id"), [
    ("Des drones ont été abattus au-dessus de Kiev dans la nuit, a annoncé l'armée de l'air "
     "ukrainienne.", 703448),
    ("Drones were shot down over Kyiv overnight, the Ukrainian air force said.", 703448),
    ("Moscou a lancé une nouvelle vague de missiles contre Kiev dans la nuit de jeudi à "
     "vendredi, selon l'armée de l'air ukrainienne.", 703448),
])
def test_capital_after_a_locative_is_the_place_not_the_government(pipeline: Pipeline, text: str,
                                                                  geonames_id: int) -> None:
    claim = _first(pipeline, text)
    assert claim.location and claim.location.place
    assert claim.location.place.geonames_id == geonames_id


def test_capital_alone_as_subject_is_no_place(pipeline: Pipeline) -> None:
    claim = _first(pipeline, "Kiev affirme avoir abattu deux missiles de croisière russes.")
    assert claim.location is None or claim.location.place is None or (
        claim.location.text == "" and claim.location.place.geonames_id == 703448)


@pytest.mark.parametrize("text", [
    "President Volodymyr Zelensky on Tuesday dismissed the commander of Ukraine's air force, "
    "his office said.",
    "Volodymyr Zelensky a limogé mardi le commandant de l'armée de l'air ukrainienne, a "
    "annoncé la présidence.",
])
def test_a_government_decision_with_no_place_is_at_its_seat(pipeline: Pipeline, text: str) -> None:
    claim = _first(pipeline, text)
    assert claim.sub_event_type == "Change to group/activity"
    assert claim.location and claim.location.place
    assert claim.location.place.geonames_id == 703448
    assert claim.location.geo_precision == 2


@pytest.mark.parametrize(("text", "names"), [
    ("За ночь над Брянской, Курской и Орловской областями сбиты девять беспилотников.",
     {"Курской": "ADM1", "Орловской областями": "ADM1"}),
    ("Минулої доби ворог обстрілював населені пункти в Донецькій, Запорізькій та Херсонській "
     "областях.", {"Донецькій": "ADM1", "Запорізькій": "ADM1", "Херсонській областях": "ADM1"}),
])
def test_a_list_of_region_adjectives_before_a_plural_unit_is_regions(
        tmp_path: Path, text: str, names: dict[str, str]) -> None:
    path = tmp_path / "list.txt"
    path.write_text(text + "\n", encoding="utf-8")
    (doc,) = api.places([str(path)], Defaults()).documents
    got = {p.text: p.place.feature for p in doc.places if p.place and p.text in names}
    assert got == names
