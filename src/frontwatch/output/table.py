"""Rich tables: the events first, then each document's claims with their evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from frontwatch.model import Claim, Quantity

if TYPE_CHECKING:
    from frontwatch.api import Result


def _qty(q: Quantity) -> str:
    amount = str(q.value) if q.value is not None else f"~{q.magnitude}s (vague)"
    if q.qualifier not in {"exact", "vague"}:
        amount = f"{q.qualifier} {amount}" + (f"-{q.high}" if q.high else "")
    return f"{q.kind}: {amount} {q.unit}".strip()


def _place(c: Claim) -> str:
    if not c.location or not c.location.place:
        return "-"
    p = c.location.place
    return f"{p.name} ({p.admin1 or p.country}) p{c.location.geo_precision}"


def _date(c: Claim) -> str:
    d = c.date
    if d.start is None:
        return f"? ({d.partial or d.basis})"
    text = d.start.isoformat() if d.start == d.end else f"{d.start}..{d.end}"
    return f"{text} t{d.time_precision}" if d.time_precision else text


def _console() -> Console:
    # Piped output has no terminal width to fit; give the tables room instead of 80 columns.
    plain = Console()
    return plain if plain.is_terminal else Console(width=160)


def render_table(result: Result, console: Console | None = None) -> None:
    console = console or _console()
    events = Table(title="Events", show_lines=True)
    for col in ("date", "type / sub-event", "place", "actor1", "actor2", "fatal.", "claimed by",
                "confirmation"):
        events.add_column(col)
    for e in result.events:
        events.add_row(
            f"{e.event_date or '?'} t{e.time_precision or '?'}",
            f"{e.event_type} / {e.sub_event_type}",
            f"{e.location or '-'}, {e.admin1 or ''} {e.country or ''} p{e.geo_precision or '?'}",
            e.actor1 or "-",
            e.actor2 or "-",
            str(e.fatalities),
            "; ".join(e.claimants),
            e.corroboration
            + (f"; {len(e.contradictions)} contradiction(s)" if e.contradictions else ""),
        )
    console.print(events)
    for doc in result.documents:
        head = f"{doc.source} [{doc.language or '?'}] {doc.outlet or ''} {doc.published or ''}"
        claims = Table(title=escape(f"Claims in {head}"), show_lines=True)
        for col in ("#", "type", "date", "place", "actors", "claimed by", "modality", "numbers"):
            claims.add_column(col)
        for c in doc.claims:
            claims.add_row(
                c.id.rsplit("-", 2)[-2],
                f"{c.event_type} / {c.sub_event_type}",
                _date(c),
                _place(c),
                f"{c.actor1.name if c.actor1 else '-'} vs {c.actor2.name if c.actor2 else '-'}",
                c.claimed_by + (f" via {', '.join(c.via)}" if c.via else ""),
                c.modality + (" (background)" if c.background else ""),
                "; ".join(_qty(q) for q in c.quantities),
            )
        console.print(claims)
        if doc.removed:
            console.print(f"[dim]{len(doc.removed)} clutter spans removed: "
                          + ", ".join(sorted({r.reason for r in doc.removed})) + "[/dim]")


def render_places(result: Result, console: Console | None = None) -> None:
    console = console or _console()
    for doc in result.documents:
        table = Table(title=escape(f"Places in {doc.source} [{doc.language or '?'}]"))
        for col in ("offset", "text", "place", "admin1, country", "precision", "why"):
            table.add_column(col)
        for m in doc.places:
            p = m.place
            table.add_row(
                str(m.start),
                escape(m.text),
                f"{p.name} ({p.geonames_id or p.feature})" if p else "-",
                f"{p.admin1 or '-'}, {p.country}" if p else "-",
                f"{m.geo_precision} {m.relation}",
                escape(m.reason),
            )
        console.print(table)
