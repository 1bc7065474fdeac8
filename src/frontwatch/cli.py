"""The `frontwatch` command: a thin layer over `frontwatch.api`."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import click

from frontwatch import api
from frontwatch.cli_scale import engine_options
from frontwatch.engine.local import default_workers
from frontwatch.output import render_places, render_table
from frontwatch.pipeline import DEFAULT_STAGES
from frontwatch.read import Defaults
from frontwatch.read.core import parse_published
from frontwatch.resolve.gazetteer import Gazetteer, cache_path


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_published(value, "--published")
    except ValueError as exc:
        raise click.BadParameter(str(exc).removeprefix("--published: ")) from None


@click.group()
@click.version_option(package_name="frontwatch")
def main() -> None:
    """Frontwatch: conflict reporting in, evidence-grade event data out."""


def _home(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from frontwatch.resolve.outlet_prior import parse_home

    if value is not None and parse_home(value) is None:
        raise click.BadParameter("a country code, or country-region: GB, US-TX, UA-05")
    return value


def home_option(fn: Callable[..., None]) -> Callable[..., None]:
    """The home region of the inputs' outlet, for commands that resolve places."""
    return click.option(
        "--home", callback=_home, metavar="CC[-REGION]",
        help="Home region of the inputs' outlet (ISO country, then GeoNames admin-1 code: "
             "US-TX), where its bare place names are; without it, each outlet's home is "
             "learned from its documents in the batch.")(fn)


def input_options(fn: Callable[..., None]) -> Callable[..., None]:
    """The options every command that reads documents shares."""
    fn = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                      show_default=True, help="table for people, json for programs.")(fn)
    fn = click.option("--encoding", default=None,
                      help="Text encoding of the input files (default: UTF-8, else "
                           "detected, with a warning).")(fn)
    fn = click.option("--outlet", metavar="NAME",
                      help="Outlet for inputs that do not name one.")(fn)
    fn = click.option("--published", callback=_published, metavar="YYYY-MM-DD",
                      help="Publication date for inputs that do not carry one; relative "
                           "dates ('la veille', '1er octobre') are resolved against it.")(fn)
    return click.argument("paths", nargs=-1, required=True)(fn)


def _report(result: api.Result) -> None:
    for failure in result.failures:
        click.echo(f"error: {failure}", err=True)
    for doc in result.documents:
        for err in doc.errors:
            click.echo(f"error: {doc.source}: stage {err.stage} failed: {err.error}: "
                       f"{err.message}", err=True)
        for warning in doc.warnings:
            click.echo(f"warning: {doc.source}: {warning}", err=True)


def _dump(payload: object) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _process(paths: tuple[str, ...], defaults: Defaults, stages: tuple[str, ...],
             engine: str, workers: int, address: str | None) -> api.Result:
    from frontwatch.cli_scale import processor
    from frontwatch.read import read_paths

    result = api.collect(processor(engine, workers, address, stages)(read_paths(list(paths),
                                                                                 defaults)))
    api.localise(result, api.build_pipeline(stages))
    return result


@main.command()
@input_options
@home_option
@engine_options
def extract(paths: tuple[str, ...], published: date | None, outlet: str | None, home: str | None,
            encoding: str | None, fmt: str, engine: str, workers: int,
            address: str | None) -> None:
    """Extract coded events from PATHS: text, HTML, JSON Lines, WARC, RSS/Atom (each may be
    gzipped), folders of them (recursively), or - for stdin. The format is sniffed.

    Example: frontwatch extract examples/ --published 2022-10-01 --format json --workers 2
    """
    result = _process(paths, Defaults(published, outlet, encoding, home), DEFAULT_STAGES, engine,
                      workers, address)
    result.events = _events(result, engine, workers)
    _report(result)
    if fmt == "json":
        _dump(result.to_dict())
    else:
        render_table(result)
    if not result.processed:
        sys.exit(1)


def _events(result: api.Result, engine: str, workers: int) -> list:  # type: ignore[type-arg]
    if engine == "ray":
        from frontwatch.engine.ray import build_events_ray

        return build_events_ray(result.processed, workers or default_workers())
    from frontwatch.corroborate import build_events

    return build_events(result.processed, api.default_resources().gazetteer)


@main.command()
@input_options
@home_option
@engine_options
def places(paths: tuple[str, ...], published: date | None, outlet: str | None, home: str | None,
           encoding: str | None, fmt: str, engine: str, workers: int,
           address: str | None) -> None:
    """Print every place mention of every document in PATHS (the geoparser alone).

    Example: frontwatch places examples/lyman-en.txt --format json
    """
    result = _process(paths, Defaults(published, outlet, encoding, home), api.PLACE_STAGES, engine,
                      workers, address)
    _report(result)
    if fmt == "json":
        _dump(result.places_dict())
    else:
        render_places(result)
    if not result.processed:
        sys.exit(1)


@main.group()
def gazetteer() -> None:
    """The offline gazetteer compiled from GeoNames data shipped on PyPI."""


@gazetteer.command("build")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the index (default: $FRONTWATCH_CACHE or "
                   "~/.cache/frontwatch).")
def gazetteer_build(cache_dir: Path | None) -> None:
    """Compile the gazetteer index now (it is otherwise built on first use).

    Example: frontwatch gazetteer build
    """
    started = time.perf_counter()
    gaz = Gazetteer.load(cache_dir, rebuild=True)
    click.echo(f"{len(gaz):,} places indexed in {time.perf_counter() - started:.1f} s: "
               f"{cache_path(cache_dir)}")


def _add_store_commands() -> None:
    from frontwatch.cli_scale import COMMANDS as SCALE
    from frontwatch.cli_store import COMMANDS
    from frontwatch.cli_web import COMMANDS as WEB_COMMANDS

    for command in (*COMMANDS, *SCALE, *WEB_COMMANDS):
        main.add_command(command)


_add_store_commands()
