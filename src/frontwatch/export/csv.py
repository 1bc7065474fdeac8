"""CSV with ACLED's column names and order, then Frontwatch's own columns."""

from __future__ import annotations

import csv
from datetime import date
from typing import IO, Any

from frontwatch.export import register
from frontwatch.export.rows import COLUMNS, SEP, row
from frontwatch.model import Event


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return SEP.join(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@register("csv", ".csv", "ACLED's columns and order (pandas, R, spreadsheets)")
def write(events: list[Event], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in events:
        r = row(e)
        writer.writerow([_cell(r[c]) for c in COLUMNS])
    return len(events)
