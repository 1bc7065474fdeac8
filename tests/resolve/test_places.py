"""Place recognition, framing and disambiguation on sentences a coder would check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontwatch import api
from frontwatch.cli import main
from frontwatch.model import PlaceMention
from frontwatch.read import Defaults


def _places(tmp_path: Path, text: str, language: str = "") -> list[PlaceMention]:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    (doc,) = api.places([str(path)], Defaults()).documents
    assert not doc.errors, doc.errors
    return doc.places


def _by_text(places: list[PlaceMention], text: str) -> PlaceMention:
    (hit,) = [p for p in places if p.text == text]
    return hit


def test_region_cue_gives_the_oblast_and_the_bare_name_the_city(tmp_path: Path) -> None:
    places = _places(tmp_path, "Titre\n\nDes tirs ont visé Donetsk mardi, puis d'autres "
                               "localités de la région de Louhansk et de la région de Donetsk.\n")
    city, region = [p for p in places if p.text == "Donetsk"]
    assert city.place and city.place.feature == "PPL" and city.place.geonames_id == 709717
    assert city.geo_precision == 1
    assert region.place and region.place.feature == "ADM1" and region.place.admin1 == "Donetsk"
    assert region.geo_precision == 3 and region.relation == "region"


def test_kharkiv_lyman_when_the_text_says_so(tmp_path: Path) -> None:
    places = _places(tmp_path, "Fighting near Izium\n\nUkrainian troops entered Lyman, "
                               "Kharkiv region, on Tuesday, the governor of the region said.\n")
    lyman = _by_text(places, "Lyman")
    assert lyman.place and lyman.place.geonames_id == 703071
    assert any(gid == 704204 for gid, _, _ in lyman.candidates)


def test_person_names_are_not_places(tmp_path: Path) -> None:
    places = _places(tmp_path, "Titre\n\nLe président russe Vladimir Poutine a signé les "
                               "accords à Moscou ce vendredi, a indiqué le Kremlin.\n")
    assert "Vladimir" not in {p.text for p in places}
    assert _by_text(places, "Moscou").place.geonames_id == 524901  # type: ignore[union-attr]


def test_near_offset_and_outskirts(tmp_path: Path) -> None:
    places = _places(tmp_path, "Frappes près de Kharkiv\n\nDes frappes ont touché un village "
                               "à 20 km au nord de Kharkiv. Des combats ont eu lieu aux abords "
                               "de Koupiansk.\n")
    near, offset = [p for p in places if p.text == "Kharkiv"]
    assert (near.relation, near.geo_precision) == ("near", 2)
    assert (offset.relation, offset.geo_precision) == ("offset", 2)
    assert offset.place and near.place
    assert offset.place.latitude == pytest.approx(near.place.latitude + 0.18, abs=0.01)
    assert offset.place.longitude == pytest.approx(near.place.longitude, abs=0.001)
    outskirts = _by_text(places, "Koupiansk")
    assert (outskirts.relation, outskirts.geo_precision) == ("outskirts", 1)


def test_no_known_place_means_no_location(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("Titre\n\nLe ministère russe de la Défense a affirmé que des frappes "
                    "massives avaient détruit cinq chars ce 3 octobre.\n", encoding="utf-8")
    result = api.extract([str(path)], Defaults())
    (claim,) = result.documents[0].claims
    assert claim.location is None
    assert any("no known place" in n for n in claim.notes)
    (event,) = result.events
    assert event.latitude is None and event.country is None and event.geo_precision is None


def test_places_command_json_contract(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("Titre\n\nLes troupes sont entrées dans Lyman, dans la région de Donetsk.\n",
                    encoding="utf-8")
    out = CliRunner().invoke(main, ["places", str(path), "--format", "json"])
    assert out.exit_code == 0, out.output
    (doc,) = json.loads(out.stdout)["documents"]
    assert {"id", "url", "text", "places"} <= set(doc)
    first = doc["places"][0]
    assert set(first) >= {"text", "start", "end", "geonames_id", "name", "latitude",
                          "longitude", "admin1", "country", "feature", "geo_precision",
                          "candidates", "reason"}
    for p in doc["places"]:
        assert doc["text"][p["start"] : p["end"]] == p["text"]
        assert all(set(c) == {"geonames_id", "name", "score"} for c in p["candidates"])
    assert doc["places"][0]["geonames_id"] == 704204


def test_gazetteer_build_command(tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["gazetteer", "build", "--cache-dir", str(tmp_path)])
    assert out.exit_code == 0, out.output
    assert "places indexed" in out.output
    assert list(tmp_path.glob("gazetteer-*"))


# ------------------------------------------------------------------ general English news


def test_a_surname_stays_a_person_for_the_whole_document(tmp_path: Path) -> None:
    places = _places(tmp_path, "County news\n\nLorraine Bailey, 54, of Urbana, was honored on "
                               "Tuesday. \"We are proud,\" Bailey said. Terry A. Corbin and "
                               "Ashley L. Evans, 26, also attended.\n")
    texts = {p.text for p in places}
    assert "Urbana" in texts
    assert not texts & {"Bailey", "Corbin", "Terry", "Evans"}


def test_namesakes_pull_towards_the_documents_other_places(tmp_path: Path) -> None:
    # Paris, Illinois: next to Urbana and Danville, in Edgar County; not Paris, France.
    places = _places(tmp_path, "Fair opens\n\nThe Edgar County fair opened in Paris on Friday. "
                               "Visitors came from Urbana and Danville, and the Paris mayor "
                               "welcomed them.\n")
    for p in places:
        assert p.place is not None and (p.place.country, p.place.admin1_code) == ("US", "IL"), p
    county = _by_text(places, "Edgar County")
    assert county.place.feature == "ADM2" and county.geo_precision == 2  # type: ignore[union-attr]


def test_bare_washington_is_the_capital(tmp_path: Path) -> None:
    places = _places(tmp_path, "Talks stall\n\nOfficials in Washington said on Monday that talks "
                               "with Beijing had stalled.\n")
    washington = _by_text(places, "Washington")
    assert washington.place and washington.place.admin1_code == "DC"
    assert "Washington" in {p.text for p in places}  # a capital that speaks is no person


def test_provinces_and_states_outside_the_war_zone(tmp_path: Path) -> None:
    places = _places(tmp_path, "Budget\n\nThe budget will burden the citizens of the Province "
                               "of Ontario, the MPP said, and businesses in British Columbia, "
                               "New South Wales and West Java watched closely.\n")
    found = {p.text: p.place for p in places}
    assert (found["Province of Ontario"].country, found["Province of Ontario"].feature) == (
        "CA", "ADM1")
    assert found["British Columbia"].country == "CA"
    assert found["New South Wales"].country == "AU"
    assert found["West Java"].country == "ID"


def test_acronyms_and_counties(tmp_path: Path) -> None:
    places = _places(tmp_path, "Recall\n\nThe FDA said the HIV test kits were recalled after "
                               "a report from Guernsey County, Ohio.\n")
    texts = {p.text for p in places}
    assert not texts & {"FDA", "HIV"}
    county = _by_text(places, "Guernsey County")
    assert county.place and (county.place.country, county.place.admin1_code) == ("US", "OH")


def test_a_town_framed_as_a_town_is_not_a_country(tmp_path: Path) -> None:
    places = _places(tmp_path, "Arrest\n\nA Jordan man was arrested on Sunday by the Jordan "
                               "Police Department, in Scott County, Minnesota.\n")
    jordans = [p for p in places if p.text == "Jordan"]
    assert len(jordans) == 2
    for p in jordans:
        assert p.place and p.place.feature == "PPL" and p.place.country == "US"
    assert jordans[1].relation == "settlement"


def test_names_listed_before_counties_are_the_counties(tmp_path: Path) -> None:
    places = _places(tmp_path, "School boards meet\n\nSchool boards in Barrow and Jackson "
                               "counties, in Georgia, voted on new calendars on Monday.\n")
    for name in ("Barrow", "Jackson"):
        hit = _by_text(places, name)
        assert hit.place and hit.place.feature == "ADM2", hit
        assert (hit.place.country, hit.place.admin1_code) == ("US", "GA")


def test_a_region_of_a_country_is_in_that_country(tmp_path: Path) -> None:
    places = _places(tmp_path, "Aid\n\nAid workers reached camps in the northern region of "
                               "Mali and in the eastern region of Chad on Monday.\n")
    for name, code in (("Mali", "ML"), ("Chad", "TD")):
        hit = _by_text(places, name)
        assert hit.place and hit.place.country == code and hit.place.feature == "PCLI", hit


def test_a_name_listed_among_states_is_the_state(tmp_path: Path) -> None:
    places = _places(tmp_path, "Recall\n\nThe recalled lettuce was sold in Oregon, Utah, "
                               "Washington and Wyoming, the company said.\n")
    for name in ("Washington", "Wyoming"):
        hit = _by_text(places, name)
        assert hit.place and hit.place.feature == "ADM1" and hit.place.country == "US", hit
    # A state after a comma places the town before it: "Athens, Ga." stays the town.
    town = _by_text(_places(tmp_path, "Fire\n\nA farmer from Athens, Ga. lost a barn to the "
                                      "fire.\n"), "Athens")
    assert town.place and town.place.feature == "PPL" and town.place.admin1_code == "GA"
