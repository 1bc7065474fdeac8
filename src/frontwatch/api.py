"""The library entry points the CLI (and later the API server and engines) call."""

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

# The geoparser alone: everything up to resolved places, no claims.
PLACE_STAGES = tuple(s for s in DEFAULT_STAGES if not s.startswith("extract."))


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

    def places_dict(self) -> dict[str, object]:
        return {
            "documents": [
                {
                    "id": d.id,
                    "source": d.source,
                    "url": d.url,
                    "language": d.language,
                    "text": d.text,
                    "places": [p.to_dict() for p in d.places],
                    "errors": [e.message for e in d.errors],
                }
                for d in self.documents
            ],
            "failures": [{"source": f.source, "message": f.message} for f in self.failures],
        }


@cache
def default_resources() -> Resources:
    return Resources(langpacks=load_langpacks(), gazetteer=Gazetteer.load())


def build_pipeline(stages: Iterable[str] = DEFAULT_STAGES,
                   resources: Resources | None = None) -> Pipeline:
    return Pipeline(stages, resources or default_resources())


def run(paths: list[str], defaults: Defaults | None, pipeline: Pipeline,
        workers: int = 1) -> Result:
    """Read and process every input; bad inputs are reported, never fatal.

    With `workers > 1` documents are processed by a process pool (`frontwatch.engine.local`),
    with the same result in the same order.
    """
    from frontwatch.engine.local import pipe

    stages = [s.name for s in pipeline.stages]
    result = collect(pipe(read_paths(paths, defaults or Defaults()), pipeline, workers, stages))
    localise(result, pipeline)
    return result


def localise(result: Result, pipeline: Pipeline) -> None:
    """Each outlet's home learned from its documents in the batch; the places of the
    documents it applies to resolved again with it (`resolve.outlet_prior`)."""
    from frontwatch.engine.local import slim
    from frontwatch.resolve.outlet_prior import localise as learn_and_resolve

    slimmed = {id(d) for d in result.documents if not d.tokens}
    learn_and_resolve(result.documents, pipeline)
    for doc in result.documents:
        if id(doc) in slimmed:
            slim(doc)  # as the pool hands them back: the batch's memory stays bounded


def collect(items: Iterable[Document | ReadFailure]) -> Result:
    """A batch's processed documents and failures, in order, whichever engine ran them;
    syndicated copies are marked over the whole batch."""
    result = Result()
    for item in items:
        (result.failures if isinstance(item, ReadFailure) else result.documents).append(item)
    mark_duplicates(result.documents)
    return result


def extract(paths: list[str], defaults: Defaults | None = None,
            pipeline: Pipeline | None = None, workers: int = 1) -> Result:
    """Documents with their claims, and the events the claims corroborate into."""
    pipeline = pipeline or build_pipeline()
    result = run(paths, defaults, pipeline, workers)
    result.events = build_events(result.processed, pipeline.resources.gazetteer)
    return result


def places(paths: list[str], defaults: Defaults | None = None, workers: int = 1) -> Result:
    """Every place mention of every document (the geoparser on its own)."""
    return run(paths, defaults, build_pipeline(PLACE_STAGES), workers)
