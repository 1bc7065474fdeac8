"""Process documents in parallel on one machine, in input order, with bounded memory.

`pipe(items, workers=N)` streams any iterable of `Document`s (anything else, such as a
`ReadFailure` or a store's "already stored" marker, passes through untouched, in place) in
chunks to a pool of N processes. Each worker builds the pipeline once, in the pool's
initializer, so language packs and the gazetteer are loaded once per worker (forked workers
share the parent's copy). At most `2 * N` chunks are in flight, and results are yielded in
input order, so the output is the same as with one worker and memory stays bounded however
long the input.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from multiprocessing import get_context
from typing import Any

from frontwatch.model import Document
from frontwatch.pipeline import DEFAULT_STAGES, Pipeline

CHUNK = 16  # documents per task: large enough to amortise pickling, small for latency
# Intermediate analyses that are not part of any output: dropped before a document crosses a
# process boundary (they are most of its pickled size).
SCRATCH = ("tokens", "sentences", "entities", "mentions", "paragraphs", "headings")

_PIPELINE: Pipeline | None = None


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def slim(doc: Document) -> Document:
    for name in SCRATCH:
        setattr(doc, name, [])
    return doc


def _init(stages: Sequence[str]) -> None:
    # Ctrl-C goes to the whole process group: the parent decides, workers finish their task.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parent killed with SIGKILL cannot shut the pool down: leave when orphaned.
    threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True).start()
    global _PIPELINE
    from frontwatch.api import build_pipeline

    _PIPELINE = build_pipeline(stages)


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _work(docs: list[Document]) -> list[Document]:
    assert _PIPELINE is not None, "worker used before its initializer ran"
    return [slim(_PIPELINE(d)) for d in docs]


def pipe(items: Iterable[Any], pipeline: Pipeline | None = None, workers: int = 1,
         stages: Sequence[str] = DEFAULT_STAGES, chunk: int = CHUNK) -> Iterator[Any]:
    """Yield every item, `Document`s processed, in input order.

    With `workers <= 1`, or when the whole input fits in one chunk, documents are processed
    here by `pipeline` (built from `stages` when not given); otherwise by a pool of
    `workers` processes that each build the pipeline from `stages`.
    """
    stream = iter(items)
    first = list(islice(stream, chunk))
    if workers <= 1 or len(first) < chunk:
        if pipeline is None:
            from frontwatch.api import build_pipeline

            pipeline = build_pipeline(stages)
        for item in _chain(first, stream):
            yield pipeline(item) if isinstance(item, Document) else item
        return
    yield from _pooled(_chain(first, stream), workers, tuple(stages), chunk)


def _chain(first: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from first
    yield from rest


def _pooled(stream: Iterator[Any], workers: int, stages: tuple[str, ...],
            chunk: int) -> Iterator[Any]:
    from frontwatch.api import default_resources

    default_resources()  # loaded once here; forked workers share it instead of reloading
    ctx = get_context("fork") if "fork" in _methods() else None
    pending: deque[tuple[list[Any], Future[list[Document]] | None]] = deque()
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init,
                             initargs=(stages,)) as pool:
        try:
            while True:
                items = list(islice(stream, chunk))
                if items:
                    docs = [i for i in items if isinstance(i, Document)]
                    pending.append((items, pool.submit(_work, docs) if docs else None))
                while pending and (len(pending) >= 2 * workers or not items):
                    yield from _merge(*pending.popleft())
                if not items:
                    return
        finally:
            for _, future in pending:
                if future:
                    future.cancel()


def _merge(items: list[Any], future: Future[list[Document]] | None) -> Iterator[Any]:
    done = iter(future.result() if future else [])
    for item in items:
        yield next(done) if isinstance(item, Document) else item


def _methods() -> list[str]:
    from multiprocessing import get_all_start_methods

    return get_all_start_methods()
