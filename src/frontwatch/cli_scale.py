"""Scale options and commands of `frontwatch`: --workers / --engine / --address on the
commands that process documents, and `watch` (continuous feeds).

Thin: options are parsed here; the work is in `frontwatch.engine` and `frontwatch.watch`.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import click

F = Callable[..., Any]


def engine_options(fn: F) -> F:
    fn = click.option("--address", metavar="HOST:PORT", envvar="RAY_ADDRESS",
                      help="Ray cluster to run on with --engine ray (default: start a local "
                           "Ray; $RAY_ADDRESS).")(fn)
    fn = click.option("--engine", type=click.Choice(["local", "ray"]), default="local",
                      show_default=True,
                      help="local: a process pool on this machine; ray: Ray Data (pip "
                           "install 'frontwatch[ray]').")(fn)
    return click.option("--workers", type=click.IntRange(min=0), default=0,
                        help="Worker processes (local) or actors (ray); 0 = one per core. "
                             "The output is the same for any number.")(fn)


Processor = Callable[[Iterable[Any]], Iterator[Any]]


def processor(engine: str, workers: int, address: str | None,
              stages: Iterable[str] | None = None) -> Processor:
    """The function that processes a stream of documents for these options, in order."""
    from frontwatch.engine import local
    from frontwatch.pipeline import DEFAULT_STAGES

    n = workers or local.default_workers()
    names = tuple(stages or DEFAULT_STAGES)
    if engine == "ray":
        try:
            from frontwatch.engine import ray as ray_engine

            ray_engine.init(address, num_cpus=None if address else n)
        except ImportError:
            raise click.UsageError("--engine ray needs Ray: pip install 'frontwatch[ray]'") \
                from None
        return lambda items: ray_engine.pipe(items, workers=n, stages=names)
    return lambda items: local.pipe(items, workers=n, stages=names)


@click.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", default="frontwatch.db", envvar="FRONTWATCH_DB", show_default=True,
              metavar="PATH|URL", help="SQLite file or postgresql:// URL ($FRONTWATCH_DB).")
@click.option("--interval", type=click.FloatRange(min=0.05), default=300.0, show_default=True,
              metavar="S", help="Seconds between polls of a source (doubled per failure, "
                               "up to an hour).")
@click.option("--max-polls", type=click.IntRange(min=1), metavar="N",
              help="Stop after N rounds of polls (default: run until SIGTERM or Ctrl-C).")
@click.option("--once", is_flag=True, help="One round of polls, then exit (= --max-polls 1).")
@click.option("--outlet", metavar="NAME", help="Outlet for entries whose feed names none.")
def watch(sources: tuple[str, ...], db: str, interval: float, max_polls: int | None,
          once: bool, outlet: str | None) -> None:
    """Poll RSS/Atom feeds (URLs) and folders (paths), ingest what is new, update events.

    Runs as a service: SIGTERM or Ctrl-C finishes the document in hand, commits and exits 0.

    Example: frontwatch watch https://example.org/rss.xml inbox/ --db news.db --interval 600
    """
    from frontwatch import api
    from frontwatch.cli_store import _open
    from frontwatch.read import Defaults
    from frontwatch.watch import Watcher

    store = _open(db)
    watcher = Watcher(store, list(sources), api.build_pipeline(), Defaults(None, outlet),
                      interval, log=lambda m: click.echo(m, err=True))
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: watcher.stop())
    try:
        report = watcher.run(1 if once else max_polls)
    finally:
        store.close()
    counts = ", ".join(f"{n} {k}" for k, n in sorted(report.counts.items())) or "nothing new"
    click.echo(f"{report.polls} rounds of polls: {counts}", err=True)
    sys.exit(0)



COMMANDS = (watch,)
