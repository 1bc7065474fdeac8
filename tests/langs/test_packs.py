"""Every language pack loads, parses, compiles and names only known actors and ACLED types."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from frontwatch.langpack import FLAGS, PACK_FILES, load_data, load_langpacks

LANGS_DIR = Path(str(resources.files("frontwatch") / "langs"))
CODES = sorted(
    p.name for p in LANGS_DIR.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))
)

def _strings(value: Any, path: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
    out: list[tuple[tuple[str, ...], str]] = []
    if isinstance(value, str):
        out.append((path, value))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.extend(_strings(v, (*path, str(i))))
    elif isinstance(value, dict):
        for k, v in value.items():
            out.extend(_strings(v, (*path, k)))
    return out


# Fields of table entries that hold regular expressions.
REGEX_FIELDS = {"pattern", "lemmas", "after"}
# Top-level keys (file, key) whose string values are regular expressions.
REGEX_KEYS = {
    ("reporting", "verbs"), ("reporting", "according_to"), ("reporting", "continuation"),
    ("reporting", "denial"), ("modality", "hypothetical_before"), ("modality", "hypothetical"),
    ("modality", "anaphora_before"), ("modality", "anaphora_if_told"),
    ("modality", "background"), ("dates", "explicit"),
    ("dates", "month"), ("dates", "year"), ("dates", "weekday"), ("meta", "person_titles"),
    ("places", "region_before"), ("places", "region_after"), ("places", "direction_before"),
    ("places", "near_before"), ("places", "offset_before"), ("places", "settlement_before"),
    ("places", "anaphora"), ("places", "descriptive_before"), ("places", "locative_before"),
    ("numbers", "qualifiers"), ("numbers", "outcomes"), ("actors", "sides"),
}


def _regexes(code: str) -> list[tuple[str, str]]:
    pack = load_langpacks()[code]
    found: list[tuple[str, str]] = []
    for file in PACK_FILES:
        for key, value in pack.files[file].items():
            for path, text in _strings(value, (file, key)):
                joiner = file == "numbers" and "range_joiners" in path
                if ((file, key) in REGEX_KEYS and not joiner) or path[-1] in REGEX_FIELDS:
                    found.append(("/".join(path), text))
    return found


def test_expected_packs_exist() -> None:
    assert {"fr", "en", "ru", "uk"} <= set(CODES)
    assert set(load_langpacks().codes) == set(CODES)


@pytest.mark.parametrize("code", CODES)
def test_pack_files_parse(code: str) -> None:
    for stem in PACK_FILES:
        path = LANGS_DIR / code / f"{stem}.toml"
        assert path.is_file(), f"{code} lacks {stem}.toml"
        tomllib.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("code", CODES)
def test_pack_has_sources(code: str) -> None:
    sources = LANGS_DIR / code / "SOURCES.md"
    assert sources.is_file() and sources.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("code", CODES)
def test_meta_names_the_pack(code: str) -> None:
    pack = load_langpacks()[code]
    assert pack.get("meta", "code") == code
    assert pack.get("meta", "name")


@pytest.mark.parametrize("code", CODES)
def test_every_regex_compiles(code: str) -> None:
    regexes = _regexes(code)
    assert len(regexes) > 50
    for where, text in regexes:
        try:
            re.compile(text, FLAGS)
        except re.error as exc:  # pragma: no cover - the message is the point
            pytest.fail(f"{code}: {where}: {text!r}: {exc}")


@pytest.mark.parametrize("code", CODES)
def test_regex_unions_compile(code: str) -> None:
    """The engine joins cue lists into one pattern: the unions must compile too."""
    pack = load_langpacks()[code]
    for file, key in sorted(REGEX_KEYS):
        value = pack.get(file, key)
        if file != "dates" and isinstance(value, list):  # date patterns are used one by one
            pack.regex(file, key)
            pack.regex(file, key, anchor_end=True, words=False)


@pytest.mark.parametrize("code", CODES)
def test_actor_and_claimant_keys_exist(code: str) -> None:
    data = load_data("actors")
    pack = load_langpacks()[code]
    for alias in pack.get("actors", "alias", []):
        assert sum(k in alias for k in ("actor", "side", "relative", "kind")) == 1, alias
        if "kind" in alias:  # people of the event's country: every side must have them
            assert all(alias["kind"] in side for side in data["side"].values()), alias
        if "actor" in alias:
            assert alias["actor"] in data["actor"], alias
        if "side" in alias:
            assert alias["side"] in data["side"], alias
        if "relative" in alias:
            assert alias["relative"] in {"speaker_side", "enemy_of_speaker"}, alias
    for claimant in pack.get("actors", "claimant", []):
        key = claimant["claimant"]
        regional = key.startswith("@regional/") and key.split("/")[1] in data["side"]
        assert key == "@previous" or regional or key in data["claimant"], claimant
    assert set(pack.get("actors", "sides", {})) <= set(data["side"])


@pytest.mark.parametrize("code", CODES)
def test_trigger_types_are_acled(code: str) -> None:
    acled = load_data("acled")["sub_event_types"]
    pack = load_langpacks()[code]
    triggers = pack.get("triggers", "trigger", [])
    assert triggers
    for t in triggers:
        assert t["event_type"] in acled, t
        sub = t["sub_event_type"]
        assert sub == "territory" or sub in acled[t["event_type"]], t
        assert t["role"] in {"gains", "loses", "attacks", "encircles", "agrees", "acts"}, t
        assert t.get("place", "sentence") in {"sentence", "seat"}, t


@pytest.mark.parametrize("code", CODES)
def test_same_trigger_families_as_french(code: str) -> None:
    def families(c: str) -> set[tuple[str, str, str, str, bool]]:
        return {
            (t["family"], t["role"], t["event_type"], t["sub_event_type"], bool(t.get("context")))
            for t in load_langpacks()[c].get("triggers", "trigger", [])
        }

    assert families(code) == families("fr")


@pytest.mark.parametrize("code", CODES)
def test_dates_tables_cover_patterns(code: str) -> None:
    pack = load_langpacks()[code]
    months = {k.casefold() for k in pack.get("dates", "months", {})}
    weekdays = {k.casefold() for k in pack.get("dates", "weekdays", {})}
    assert set(pack.get("dates", "months", {}).values()) == set(range(1, 13))
    assert set(pack.get("dates", "weekdays", {}).values()) == set(range(7))
    for key in ("explicit", "month"):
        for pat in pack.get("dates", key, []):
            names = set(re.compile(pat, FLAGS).groupindex)
            assert {"month", "year"} <= names
            if key == "explicit":
                assert "day" in names
            else:
                assert "last" in names
    assert months and weekdays


@pytest.mark.parametrize("code", CODES)
def test_number_tables(code: str) -> None:
    pack = load_langpacks()[code]
    assert pack.get("numbers", "words")
    assert pack.get("numbers", "vague")
    units = {u["unit"] for u in pack.get("numbers", "unit", [])}
    assert {"soldiers", "civilians", "tanks", "ifv", "drones"} <= units
    for u in pack.get("numbers", "unit", []):
        assert u["class"] in {"personnel", "equipment", "other"}
    outcomes = set(pack.get("numbers", "outcomes", {}))
    assert {"killed", "wounded", "destroyed", "encircled"} <= outcomes


@pytest.mark.parametrize("code", CODES)
def test_boilerplate_rules(code: str) -> None:
    rules = load_langpacks()[code].get("boilerplate", "rule", [])
    reasons = {r["reason"] for r in rules}
    assert {"follow-us", "cookie-consent", "photo-credit", "related-articles"} <= reasons
    for r in rules:
        re.compile(r["pattern"], FLAGS)
