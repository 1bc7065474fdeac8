"""The library entry point the CLI (and later the API server and engines) call."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from frontwatch.clean.duplicates import mark_duplicates
from frontwatch.corroborate import build_events
from frontwatch.langpack import load_langpacks
from frontwatch.model import Document, Event
from frontwatch.pipeline import DEFAULT_STAGES, Pipeline, Resources
from frontwatch.read import Defaults, ReadFailure, read_paths
from frontwatch.resolve.gazetteer import Gazetteer


@dataclass
class Result:
    documents: list[Document] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)

    @property
    def processed(self) -> list[Document]:
        return [d for d in self.documents if not d.errors]

    def to_dict(self) -> dict[str, object]:
        return {
            "documents": [d.to_dict() for d in self.documents],
            "events": [e.to_dict() for e in self.events],
            "failures": [{"source": f.source, "message": f.message} for f in self.failures],
        }


@cache
def default_resources() -> Resources:
    return Resources(langpacks=load_langpacks(), gazetteer=Gazetteer.load())


def build_pipeline(stages: Iterable[str] = DEFAULT_STAGES,
                   resources: Resources | None = None) -> Pipeline:
    return Pipeline(stages, resources or default_resources())


def extract(paths: list[str], defaults: Defaults | None = None,
            pipeline: Pipeline | None = None) -> Result:
    """Read, process and corroborate every input; bad inputs are reported, never fatal."""
    pipeline = pipeline or build_pipeline()
    result = Result()
    for item in read_paths(paths, defaults or Defaults()):
        if isinstance(item, ReadFailure):
            result.failures.append(item)
        else:
            result.documents.append(pipeline(item))
    mark_duplicates(result.documents)  # batch-level: syndicated copies point to the first
    result.events = build_events(result.processed, pipeline.resources.gazetteer)
    return result
