"""Ingest, retry and event recomputation: the library calls behind `frontwatch ingest`.

Each document is committed on its own, so a crash or Ctrl-C loses at most the document in
hand; a re-run skips every document already stored (by content hash). Events are then
recomputed from all stored claims and swapped in one transaction.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from frontwatch.corroborate import build_events
from frontwatch.model import Document
from frontwatch.pipeline import Pipeline
from frontwatch.read import Defaults, ReadFailure, read_paths
from frontwatch.store.core import Store

# Called after each input with its name and what happened: stored, failed, skipped, unreadable.
Progress = Callable[[str, str], None]


@dataclass
class IngestReport:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("stored", "failed", "skipped", "unreadable"), 0))
    events: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.counts["stored"] + self.counts["failed"]

    @property
    def rate(self) -> float:
        return self.processed / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Stored:
    """A document already in the store: passes through an engine untouched."""

    source: str


# Processes a stream of documents (and passes anything else through), in input order: the
# pipeline itself, a process pool (frontwatch.engine.local.pipe) or a Ray dataset.
Processor = Callable[[Iterable[Any]], Iterator[Any]]


def ingest(store: Store, paths: list[str], defaults: Defaults, pipeline: Pipeline,
           progress: Progress | None = None, processor: Processor | None = None) -> IngestReport:
    """Process new inputs and store them one transaction each, in this process.

    `processor` runs the pipeline elsewhere (worker processes, a cluster); the writes stay
    here, so each document is still committed whole and a re-run still skips it.
    """
    report = IngestReport()
    started = time.perf_counter()
    known = store.document_ids()

    def todo() -> Iterator[Any]:
        for item in read_paths(paths, defaults):
            if isinstance(item, Document) and item.id in known:
                yield Stored(item.source)
            else:
                if isinstance(item, Document):
                    known.add(item.id)  # a second copy in the same input is skipped too
                yield item

    for item in (processor or pipeline.pipe)(todo()):
        if isinstance(item, ReadFailure):
            store.record_failure(item)
            outcome = "unreadable"
            report.problems.append(str(item))
        elif isinstance(item, Stored):
            outcome = "skipped"
        else:
            outcome = _save(store, report, item)
        report.counts[outcome] += 1
        if progress:
            progress(item.source, outcome)
    report.seconds = time.perf_counter() - started
    report.events = rebuild_events(store, pipeline)
    return report


def _save(store: Store, report: IngestReport, doc: Document, **kw: int) -> str:
    """Store a processed document; a failed one keeps its errors for `retry`."""
    store.save_document(doc, **kw)
    report.problems += [f"{doc.source}: stage {e.stage} failed: {e.error}: {e.message}"
                        for e in doc.errors]
    return "failed" if doc.errors else "stored"


def retry(store: Store, pipeline: Pipeline, progress: Progress | None = None) -> IngestReport:
    """Run the pipeline again on every stored document whose status is failed."""
    report = IngestReport()
    started = time.perf_counter()
    for doc, attempts in store.failed_documents():
        doc = pipeline(doc)
        outcome = _save(store, report, doc, attempts=attempts + 1)
        report.counts[outcome] += 1
        if progress:
            progress(doc.source, outcome)
    report.seconds = time.perf_counter() - started
    report.events = rebuild_events(store, pipeline)
    return report


def rebuild_events(store: Store, pipeline: Pipeline) -> int:
    events = build_events(store.claim_documents(), pipeline.resources.gazetteer)
    store.replace_events(events)
    return len(events)
