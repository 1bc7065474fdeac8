"""Parquet through pyarrow, typed: date32 dates, integers, float64 coordinates, lists."""

from __future__ import annotations

from typing import IO, Any

from frontwatch.export import register
from frontwatch.export.rows import COLUMNS, LIST_COLUMNS, row
from frontwatch.model import Event

INT_COLUMNS = ("year", "time_precision", "inter1", "inter2", "interaction", "iso",
               "geo_precision", "fatalities", "timestamp", "source_count", "claim_count",
               "geonames_id")


def schema() -> Any:
    import pyarrow as pa

    def kind(name: str) -> Any:
        if name == "event_date":
            return pa.date32()
        if name in ("latitude", "longitude"):
            return pa.float64()
        if name in INT_COLUMNS:
            return pa.int64()
        if name in LIST_COLUMNS:
            return pa.list_(pa.string())
        return pa.string()

    return pa.schema([(c, kind(c)) for c in COLUMNS])


@register("parquet", ".parquet", "typed columns for pandas, DuckDB, Spark", binary=True)
def write(events: list[Event], out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [row(e) for e in events]
    table = pa.Table.from_pydict({c: [r[c] for r in rows] for c in COLUMNS}, schema=schema())
    pq.write_table(table, out)
    return len(events)
