"""Language packs: everything a stage knows about one language, read from `langs/<code>/`.

A pack is a folder of TOML files with the same names in every language (meta, boilerplate,
reporting, modality, triggers, numbers, dates, actors, places). Stages never branch on a
language code; they ask the pack. Adding a language is adding a folder.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

PACK_FILES = (
    "meta",
    "boilerplate",
    "reporting",
    "modality",
    "triggers",
    "numbers",
    "dates",
    "actors",
    "places",
)
FLAGS = re.IGNORECASE | re.UNICODE


def union(patterns: list[str], *, anchor_end: bool = False, words: bool = True) -> re.Pattern[str]:
    """One regex matching any of `patterns`.

    With `words`, a match must start and end at word edges; with `anchor_end`, it must end
    at the end of the searched string (for cues that stand right before a name).
    """
    if not patterns:
        return re.compile(r"(?!x)x")  # matches nothing
    body = "|".join(f"(?:{p})" for p in patterns)
    if words:
        body = rf"(?<!\w)(?:{body})(?!\w)" if not anchor_end else rf"(?<!\w)(?:{body})"
    if anchor_end:
        body = rf"(?:{body})\s*$"
    return re.compile(body, FLAGS)


@dataclass(eq=False)  # identity-hashed, so stages can cache compiled patterns per pack
class LangPack:
    code: str
    files: dict[str, dict[str, Any]] = field(default_factory=dict)

    def get(self, file: str, key: str, default: Any = None) -> Any:
        return self.files.get(file, {}).get(key, default)

    def regex(self, file: str, key: str, **kw: bool) -> re.Pattern[str]:
        return _compiled(self.code, file, key, tuple(sorted(kw.items())))

    @cached_property
    def name(self) -> str:
        return str(self.get("meta", "name", self.code))

    def side_of(self, template: str, text: str, anchored: bool = False,
                accept: Callable[[re.Match[str]], bool] | None = None,
                ) -> tuple[str, re.Match[str]] | None:
        """The first side (in the order of `actors.toml` `[sides]`) whose nationality words,
        put where `{words}` stands in the regular expression `template`, match `text`
        (`anchored`: at its start) in a way `accept` takes, and the match."""
        for side, pattern in _side_patterns(self.code, template):
            m = pattern.match(text) if anchored else pattern.search(text)
            if m is not None and (accept is None or accept(m)):
                return side, m
        return None


@cache
def _side_patterns(code: str, template: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    sides = load_langpacks()[code].get("actors", "sides", {})
    return tuple((str(side), re.compile(template.replace("{words}", "|".join(words)), FLAGS))
                 for side, words in sides.items())


@cache
def _compiled(code: str, file: str, key: str, kw: tuple[tuple[str, bool], ...]) -> re.Pattern[str]:
    return union(list(load_langpacks()[code].get(file, key, [])), **dict(kw))


class LangPacks:
    def __init__(self, packs: dict[str, LangPack]) -> None:
        self.packs = packs

    def __getitem__(self, code: str) -> LangPack:
        return self.packs[code]

    def __contains__(self, code: object) -> bool:
        return code in self.packs

    @property
    def codes(self) -> list[str]:
        return sorted(self.packs)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.packs[c] for c in self.codes)


class LangPackError(ValueError):
    pass


@cache
def load_langpacks() -> LangPacks:
    root = resources.files("frontwatch") / "langs"
    packs: dict[str, LangPack] = {}
    for folder in sorted(root.iterdir(), key=lambda p: p.name):
        if not folder.is_dir() or folder.name.startswith(("_", ".")):
            continue
        pack = LangPack(folder.name)
        for stem in PACK_FILES:
            path = folder / f"{stem}.toml"
            if not path.is_file():
                raise LangPackError(f"language pack {folder.name!r} lacks {stem}.toml")
            try:
                pack.files[stem] = tomllib.loads(path.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise LangPackError(f"langs/{folder.name}/{stem}.toml: {exc}") from exc
        packs[folder.name] = pack
    return LangPacks(packs)


@cache
def load_data(name: str) -> dict[str, Any]:
    """A language-independent data file from `frontwatch/data/` (actors, acled)."""
    path = resources.files("frontwatch") / "data" / f"{name}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))
