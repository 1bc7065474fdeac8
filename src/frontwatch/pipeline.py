"""The stage contract, the registry of built-in stages and the runner.

A stage is a callable that takes a `Document` and returns it enriched. It declares which
document fields it needs (`requires`) and which it fills (`assigns`); `Pipeline` refuses an
order in which a need is not met before anything runs. A stage that raises does not stop the
batch: the error is kept on the document (`Document.errors`) and later stages skip it, so
the document can be retried once the cause is fixed.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from frontwatch.model import Document, StageError

# Fields a reader fills before any stage runs.
READER_ASSIGNS = frozenset({"raw_text", "source", "published", "outlet", "title", "url"})


class Stage(Protocol):
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]

    def __call__(self, doc: Document) -> Document: ...


StageFactory = Callable[["Resources"], Stage]
_REGISTRY: dict[str, StageFactory] = {}


def register(name: str) -> Callable[[StageFactory], StageFactory]:
    """Register a stage factory under a versioned name (`clean.lines.v1`)."""

    def wrap(factory: StageFactory) -> StageFactory:
        if name in _REGISTRY:
            raise ValueError(f"stage {name!r} is registered twice")
        _REGISTRY[name] = factory
        return factory

    return wrap


def registered() -> dict[str, StageFactory]:
    _load_builtins()
    return dict(_REGISTRY)


def _load_builtins() -> None:
    # Importing the stage packages runs their @register decorators.
    from frontwatch import analyse, clean, corroborate, extract, langid, resolve  # noqa: F401


@dataclass
class Resources:
    """Heavy shared things (language packs, gazetteer) loaded once and handed to factories."""

    langpacks: Any
    gazetteer: Any
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class StageStats:
    docs_in: int = 0
    docs_failed: int = 0
    seconds: float = 0.0
    counts: Counter[str] = field(default_factory=Counter)


DEFAULT_STAGES = (
    "clean.lines.v2",
    "langid.py3langid.v2",
    "analyse.rules.v1",
    "resolve.dates.v1",
    "resolve.actors.v1",
    "resolve.places.v1",
    "extract.claims.v1",
)


class Pipeline:
    def __init__(self, names: Iterable[str], resources: Resources) -> None:
        factories = registered()
        self.resources = resources
        self.stages: list[Stage] = []
        available = set(READER_ASSIGNS)
        for name in names:
            if name not in factories:
                raise ValueError(f"unknown stage {name!r}; known: {', '.join(sorted(factories))}")
            stage = factories[name](resources)
            missing = stage.requires - available
            if missing:
                raise ValueError(
                    f"stage {name!r} needs {sorted(missing)}, which no earlier stage assigns"
                )
            available |= stage.assigns
            self.stages.append(stage)
        self.stats: dict[str, StageStats] = {s.name: StageStats() for s in self.stages}

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            if doc.errors:
                break
            if stage.name in doc.done:
                continue
            stats = self.stats[stage.name]
            stats.docs_in += 1
            started = time.perf_counter()
            try:
                result = stage(doc)
            except Exception as exc:  # a stage bug or bad input must not stop the batch
                stats.docs_failed += 1
                doc.errors.append(StageError(stage.name, type(exc).__name__, str(exc)))
                break
            finally:
                stats.seconds += time.perf_counter() - started
            if not isinstance(result, Document):
                raise TypeError(
                    f"stage {stage.name!r} returned {type(result).__name__}, not a Document"
                )
            doc.done.append(stage.name)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
