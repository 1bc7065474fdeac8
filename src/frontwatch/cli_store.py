"""The store commands of `frontwatch`: ingest, retry, events, export, search, stats.

Thin: each command parses options and calls `frontwatch.store` or `frontwatch.export`.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

import click

from frontwatch import api
from frontwatch.cli_scale import engine_options, processor
from frontwatch.read import Defaults
from frontwatch.read.core import parse_published
from frontwatch.store import DEFAULT_DB, Filters, IngestReport, Store, StoreError, parse_bbox
from frontwatch.store import ingest as store_ingest
from frontwatch.store import retry as store_retry

F = Callable[..., Any]


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_published(value, param.opts[0])
    except ValueError as exc:
        raise click.BadParameter(str(exc).split(": ", 1)[-1]) from None


def _bbox(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    if value is None:
        return None
    try:
        return parse_bbox(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def db_option(fn: F) -> F:
    return click.option("--db", default=DEFAULT_DB, envvar="FRONTWATCH_DB", show_default=True,
                        metavar="PATH|URL",
                        help="SQLite file, or postgresql://USER:PASS@HOST/DB for a shared "
                             "server ($FRONTWATCH_DB).")(fn)


def filter_options(fn: F) -> F:
    options = [
        click.option("--since", callback=_date, metavar="YYYY-MM-DD", help="Events on or after."),
        click.option("--until", callback=_date, metavar="YYYY-MM-DD", help="Events on or before."),
        click.option("--country", help="Country name (Ukraine)."),
        click.option("--admin1", help="First-order region (Donetsk)."),
        click.option("--bbox", callback=_bbox, metavar="MINLON,MINLAT,MAXLON,MAXLAT",
                     help="Events located inside this box."),
        click.option("--type", "type_", metavar="TYPE", help="Event or sub-event type."),
        click.option("--actor", help="Any actor or associated actor (substring)."),
        click.option("--claimant", help="Who claims it (substring)."),
        click.option("--outlet", help="An outlet or channel among the sources (substring)."),
        click.option("--min-sources", type=click.IntRange(min=1), help="Corroborated by N+."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _filters(kw: dict[str, Any]) -> Filters:
    return Filters(since=kw["since"], until=kw["until"], country=kw["country"],
                   admin1=kw["admin1"], bbox=kw["bbox"], type=kw["type_"], actor=kw["actor"],
                   claimant=kw["claimant"], outlet=kw["outlet"], min_sources=kw["min_sources"])


def _open(db: str) -> Store:
    try:
        return Store.open(db)
    except StoreError as exc:
        raise click.BadParameter(str(exc), param_hint="--db") from None


class _Progress:
    """A rich progress bar on a terminal; a plain log line every 100 documents otherwise."""

    def __init__(self, label: str) -> None:
        self.label, self.counts, self.started = label, Counter[str](), time.perf_counter()
        self.bar: Any = None
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                                TextColumn("{task.completed} documents"),
                                TextColumn("{task.fields[rate]:.1f} docs/s"),
                                TimeElapsedColumn(), console=Console(stderr=True))
            self.task = self.bar.add_task(label, total=None, rate=0.0)

    def __enter__(self) -> _Progress:
        if self.bar:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.stop()

    def rate(self) -> float:
        done = self.counts["stored"] + self.counts["failed"]
        return done / max(time.perf_counter() - self.started, 1e-9)

    def __call__(self, source: str, outcome: str) -> None:
        self.counts[outcome] += 1
        total = sum(self.counts.values())
        if self.bar:
            self.bar.update(self.task, completed=total, rate=self.rate())
        elif total % 100 == 0:
            click.echo(f"{self.label}: {total} inputs ({_counts(self.counts)}), "
                       f"{self.rate():.1f} docs/s", err=True)


def _counts(counts: Any) -> str:
    return ", ".join(f"{counts[k]} {k}" for k in ("stored", "failed", "skipped", "unreadable"))


def _report(store: Store, report: IngestReport) -> None:
    for problem in report.problems:
        click.echo(f"error: {problem}", err=True)
    click.echo(f"{store.url}: {_counts(report.counts)}; {report.processed} processed in "
               f"{report.seconds:.1f} s ({report.rate:.1f} docs/s); {report.events} events",
               err=True)


def _run(label: str, work: Callable[[_Progress], IngestReport], store: Store) -> None:
    progress = _Progress(label)
    try:
        with progress:
            report = work(progress)
    except KeyboardInterrupt:
        click.echo(f"interrupted: {_counts(progress.counts)}; every stored document is "
                   "complete, run the same command again to finish", err=True)
        sys.exit(130)
    finally:
        store.close()
    _report(store, report)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--published", callback=_date, metavar="YYYY-MM-DD",
              help="Publication date for inputs that do not carry one.")
@click.option("--outlet", metavar="NAME", help="Outlet for inputs that do not name one.")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of files.")
@engine_options
def ingest(paths: tuple[str, ...], db: str, published: date | None, outlet: str | None,
           encoding: str, engine: str, workers: int, address: str | None) -> None:
    """Process PATHS into the store; documents already stored are skipped.

    Documents are processed by --workers processes (or Ray actors); every write stays in
    this process, one transaction per document.

    Example: frontwatch ingest reports/ feed.jsonl --published 2022-10-01 --db news.db
    """
    store = _open(db)
    pipeline = api.build_pipeline()
    defaults = Defaults(published, outlet, encoding)
    run = processor(engine, workers, address)
    _run("ingest", lambda p: store_ingest(store, list(paths), defaults, pipeline, p, run),
         store)


@click.command()
@db_option
def retry(db: str) -> None:
    """Run the pipeline again on stored documents whose status is failed.

    Example: frontwatch retry --db news.db
    """
    store = _open(db)
    pipeline = api.build_pipeline()
    _run("retry", lambda p: store_retry(store, pipeline, p), store)


@click.command()
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def events(db: str, fmt: str, **kw: Any) -> None:
    """List stored events matching the filters.

    Example: frontwatch events --country Ukraine --since 2022-10-01 --type Battles
    """
    with _open(db) as store:
        found = store.events(_filters(kw))
    if fmt == "json":
        json.dump([e.to_dict() for e in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("event_id", "date", "sub_event_type", "location", "admin1", "actor1",
                  "actor2", "fatalities", "sources", title=f"{len(found)} events")
    for e in found:
        table.add_row(e.event_id, str(e.event_date or ""), e.sub_event_type, e.location or "",
                      e.admin1 or "", e.actor1 or "", e.actor2 or "", str(e.fatalities),
                      str(len(e.sources)))
    Console().print(table)


def _format_choice() -> click.Choice:
    from frontwatch.export import exporters

    return click.Choice(sorted(exporters()))


@click.command()
@db_option
@click.option("--format", "fmt", type=_format_choice(), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="File to write (standard output when left out).")
@filter_options
def export(db: str, fmt: str, output: str | None, **kw: Any) -> None:
    """Export stored events matching the filters as CSV, JSON Lines, GeoJSON or Parquet.

    Example: frontwatch export --format csv -o events.csv --country Ukraine
    """
    from frontwatch.export import exporters

    exporter = exporters()[fmt]
    with _open(db) as store:
        found = store.events(_filters(kw))
    if output is None and exporter.binary and sys.stdout.isatty():
        raise click.BadParameter(f"{fmt} is binary; give a file", param_hint="-o")
    if output is None:
        out = sys.stdout.buffer if exporter.binary else sys.stdout
        written = exporter.write(found, out)
    else:
        with open(output, "wb" if exporter.binary else "w",
                  **({} if exporter.binary else {"encoding": "utf-8", "newline": ""})) as out:
            written = exporter.write(found, out)
    if written < len(found):
        click.echo(f"{len(found) - written} events {exporter.left_out} left out", err=True)
    click.echo(f"{written} events written" + (f" to {output}" if output else ""), err=True)


@click.command()
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
def search(query: str, db: str, limit: int) -> None:
    """Full-text search over stored claims and documents (all words must match).

    Example: frontwatch search "Lyman encerclement"
    """
    with _open(db) as store:
        hits = store.search(query, limit)
    for h in hits:
        snippet = " ".join(h["snippet"].split())
        click.echo(f"{h['kind']}\t{h['ref']}\t{snippet}")
    if not hits:
        click.echo(f"no match for {query!r}", err=True)


@click.command()
@db_option
def stats(db: str) -> None:
    """Documents by outlet, language and status; events by type and month.

    Example: frontwatch stats --db news.db
    """
    with _open(db) as store:
        figures = store.stats()
    for section, value in figures.items():
        if isinstance(value, dict):
            click.echo(f"{section}:")
            for key, n in value.items():
                click.echo(f"  {key}\t{n}")
        else:
            click.echo(f"{section}: {value}")


COMMANDS = (ingest, retry, events, export, search, stats)
