"""The `frontwatch` command: a thin layer over `frontwatch.api`."""

from __future__ import annotations

import json
import sys
from datetime import date

import click

from frontwatch import api
from frontwatch.output import render_table
from frontwatch.read import Defaults
from frontwatch.read.core import parse_published


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


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_published, metavar="YYYY-MM-DD",
              help="Publication date for inputs that do not carry one; relative dates "
                   "('la veille', '1er octobre') are resolved against it.")
@click.option("--outlet", metavar="NAME", help="Outlet for inputs that do not name one.")
@click.option("--encoding", default=None,
              help="Text encoding of the input files (default: UTF-8, else detected, "
                   "with a warning).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="table for people, json for programs.")
def extract(paths: tuple[str, ...], published: date | None, outlet: str | None,
            encoding: str | None, fmt: str) -> None:
    """Extract coded events from PATHS: text, HTML, JSON Lines, WARC, RSS/Atom (each may be
    gzipped), folders of them (recursively), or - for stdin. The format is sniffed.

    Example: frontwatch extract examples/ --published 2022-10-01 --format json
    """
    result = api.extract(list(paths), Defaults(published, outlet, encoding))
    for failure in result.failures:
        click.echo(f"error: {failure}", err=True)
    for doc in result.documents:
        for err in doc.errors:
            click.echo(f"error: {doc.source}: stage {err.stage} failed: {err.error}: "
                       f"{err.message}", err=True)
        for warning in doc.warnings:
            click.echo(f"warning: {doc.source}: {warning}", err=True)
    if fmt == "json":
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        render_table(result)
    if not result.processed:
        sys.exit(1)
