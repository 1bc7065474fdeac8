"""Actor and speaker mentions, normalised to the entries of `data/actors.toml`.

Aliases come from the language pack. Three kinds: a named actor ("l'armée ukrainienne" ->
Military Forces of Ukraine), a side ("Moscou" -> Russia, government or military as the
event requires), and a speaker-relative word ("l'ennemi", "nos troupes"), which only the
claim's speaker can resolve (done at extraction, where the speaker is known).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from frontwatch.langpack import FLAGS, LangPack, load_data
from frontwatch.model import Actor, Document, Mention
from frontwatch.pipeline import Resources, register


@dataclass(frozen=True)
class ActorRegistry:
    actors: dict[str, dict[str, Any]]
    sides: dict[str, dict[str, Any]]
    claimants: dict[str, dict[str, Any]]

    def actor(self, key: str, text: str = "") -> Actor:
        entry = self.actors[key]
        return Actor(entry["name"], entry.get("side"), entry.get("inter"), text)

    def for_side(self, side: str, kind: str, text: str = "") -> Actor | None:
        """`kind`: government, military, or a group of the side's people (civilians,
        protesters, police); other kinds fall back to the military."""
        entry = self.sides.get(side)
        if entry is None:
            return None
        if kind in entry:
            return self.actor(entry[kind], text)
        if kind in ("civilians", "protesters", "police"):
            return None
        return self.actor(entry["government" if kind == "government" else "military"], text)

    def kind_of(self, actor: Actor) -> str | None:
        """military, government, police, protesters...: what data/actors.toml says."""
        for entry in self.actors.values():
            if entry["name"] == actor.name:
                return entry.get("kind")
        return None

    def opponent(self, side: str | None) -> str | None:
        return self.sides.get(side or "", {}).get("opponent")

    def seat(self, actor: Actor) -> int | None:
        for entry in self.actors.values():
            if entry["name"] == actor.name:
                return entry.get("seat")
        return None


@cache
def registry() -> ActorRegistry:
    data = load_data("actors")
    return ActorRegistry(data["actor"], data["side"], data["claimant"])


def _compile(items: list[dict[str, Any]]) -> list[tuple[re.Pattern[str], dict[str, Any]]]:
    return [(re.compile(rf"(?<!\w)(?:{it['pattern']})(?!\w)", FLAGS), it) for it in items]


@cache
def _patterns(pack: LangPack) -> tuple[list[tuple[re.Pattern[str], dict[str, Any]]], ...]:
    return (_compile(pack.get("actors", "alias", [])), _compile(pack.get("actors", "claimant", [])))


def _longest_first(found: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions of one kind ("ministère russe de la Défense"
    over "Défense russe" inside it)."""
    kept: list[Mention] = []
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(k.start < m.end and m.start < k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def find_actor_mentions(text: str, pack: LangPack) -> list[Mention]:
    aliases, claimants = _patterns(pack)
    actors = [
        Mention("actor", m.group(0), m.start(), m.end(), data=dict(item))
        for pattern, item in aliases
        for m in pattern.finditer(text)
    ]
    speakers = [
        Mention("claimant", m.group(0), m.start(), m.end(), label=item["claimant"],
                data={k: v for k, v in item.items() if k not in ("pattern", "claimant")})
        for pattern, item in claimants
        for m in pattern.finditer(text)
    ]
    return _longest_first(actors) + _longest_first(speakers)


class ResolveActors:
    name = "resolve.actors.v1"
    requires = frozenset({"text", "language"})
    assigns = frozenset({"actors"})

    def __init__(self, resources: Resources) -> None:
        self.langpacks = resources.langpacks

    def __call__(self, doc: Document) -> Document:
        if doc.language in self.langpacks:
            doc.mentions.extend(find_actor_mentions(doc.text, self.langpacks[doc.language]))
        return doc


@register("resolve.actors.v1")
def make_actors(resources: Resources) -> ResolveActors:
    return ResolveActors(resources)
