"""The same pipeline over Ray Data, on a laptop or a cluster (`--engine ray --address ...`).

Inputs are read by `frontwatch.read` (so every reader registered there, text, JSON Lines and
later WARC, works unchanged) and streamed to Ray in windows of documents; each window is a
dataset mapped by `PipelineActor`, a class-based UDF that builds the pipeline once per
actor. Results come back in input order (`preserve_order`), so what a program downstream
sees (the store, the JSON output, Parquet) is the same as with the local engine.
Corroboration runs per (event date, country) partition as Ray tasks (`build_events_ray`).

Ray is an optional dependency (`pip install 'frontwatch[ray]'`); it is imported here only.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from frontwatch.model import Document, Event
from frontwatch.pipeline import DEFAULT_STAGES

WINDOW = 4096  # documents per dataset: bounds the driver's memory, amortises actor start
BATCH = 16  # documents per map_batches call


def init(address: str | None = None, num_cpus: int | None = None,
         object_store_memory: int | None = None) -> None:
    """Connect to a cluster (`address`, or $RAY_ADDRESS), or start a small local Ray."""
    import ray

    if ray.is_initialized():
        return
    if address:
        ray.init(address=address, log_to_driver=False)
        return
    ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False,
             object_store_memory=object_store_memory or 200 * 1024 * 1024,
             configure_logging=False)


class PipelineActor:
    """Ray Data UDF: builds the pipeline once per actor, processes a batch of documents."""

    def __init__(self, stages: Sequence[str], options: dict[str, Any]) -> None:
        from frontwatch.api import build_pipeline, default_resources

        # The driver's knowledge for this batch (e.g. the recurring-line snapshot), so that
        # every actor judges documents as the driver would.
        default_resources().options.update(options)
        self.pipeline = build_pipeline(stages)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        from frontwatch.engine.local import slim

        out = [pickle.dumps(slim(self.pipeline(pickle.loads(b))), protocol=5)
               for b in batch["doc"]]
        return {"seq": batch["seq"], "doc": out}


def pipe(items: Iterable[Any], workers: int = 2, stages: Sequence[str] = DEFAULT_STAGES,
         window: int = WINDOW, batch: int = BATCH) -> Iterator[Any]:
    """Like `frontwatch.engine.local.pipe`: every item back in order, documents processed on
    Ray by `workers` actors (one CPU each). Call `init` first (done here if not)."""
    from frontwatch.api import build_pipeline

    init()
    options = dict(build_pipeline(stages).resources.options)
    stream = iter(items)
    while chunk := list(islice(stream, window)):
        done = iter(_process([d for d in chunk if isinstance(d, Document)], workers,
                             tuple(stages), batch, options))
        for item in chunk:
            yield next(done) if isinstance(item, Document) else item


def _process(docs: list[Document], workers: int, stages: tuple[str, ...],
             batch: int, options: dict[str, Any]) -> list[Document]:
    if not docs:
        return []
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    rows = [{"seq": i, "doc": pickle.dumps(d, protocol=5)} for i, d in enumerate(docs)]
    blocks = max(1, min(len(rows) // batch, workers * 8))
    ds = ray.data.from_items(rows, override_num_blocks=blocks).map_batches(
        PipelineActor, fn_constructor_args=(stages, options), batch_size=batch,
        compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1, batch_format="numpy")
    done: list[Document | None] = [None] * len(docs)
    for row in ds.iter_rows():  # in order already; the seq column makes sure of it
        done[int(row["seq"])] = pickle.loads(row["doc"])
    assert all(d is not None for d in done), "Ray lost a document"
    return done  # type: ignore[return-value]


def _corroborate(partitions: list[list[Document]]) -> list[dict[str, Any]]:
    from frontwatch.api import default_resources
    from frontwatch.corroborate import partition_events

    gazetteer = default_resources().gazetteer  # once per worker process
    return [e.to_dict() for part in partitions for e in partition_events(part, gazetteer)]


def build_events_ray(docs: list[Document], workers: int = 2) -> list[Event]:
    """`build_events`, with country partitions corroborated by Ray tasks.

    Partitions are dealt round-robin into `4 * workers` tasks; the union is sorted and
    linked exactly as `build_events` does, so the events are the same.
    """
    import ray

    from frontwatch.corroborate import finish_events, partition

    init()
    parts = list(partition(docs).values())
    n = max(1, min(len(parts), 4 * workers))
    task = ray.remote(num_cpus=1)(_corroborate)
    futures = [task.remote(parts[i::n]) for i in range(n)]
    events = [Event.from_dict(d) for rows in ray.get(futures) for d in rows]
    return finish_events(events)
