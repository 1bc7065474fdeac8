"""Ingest throughput: documents per second into SQLite and PostgreSQL, against the pipeline
alone, on generated reports (tests/store/reports.py: French and English over real towns).

    python bench/ingest.py [--n 2000] [--pg postgresql://USER:PASS@HOST/DB]

PostgreSQL is measured when --pg or $FRONTWATCH_TEST_PG names a server (a fresh schema is
created and dropped). One process, one core; figures vary with the machine.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "store"))

from reports import write_reports  # noqa: E402

from frontwatch import api  # noqa: E402
from frontwatch.read import Defaults, ReadFailure, read_paths  # noqa: E402
from frontwatch.store import Store, ingest  # noqa: E402

DEFAULTS = Defaults(published=date(2022, 12, 31), outlet="Wire")


def pipeline_only(paths: list[str]) -> float:
    pipeline = api.build_pipeline()
    started, n = time.perf_counter(), 0
    for item in read_paths(paths, DEFAULTS):
        if not isinstance(item, ReadFailure):
            pipeline(item)
            n += 1
    return n / (time.perf_counter() - started)


def into(url: str, paths: list[str]) -> tuple[float, float, float]:
    """(docs/s for the ingest loop, seconds to recompute events, docs/s for a re-run)."""
    with Store.open(url) as store:
        report = ingest(store, paths, DEFAULTS, api.build_pipeline())
        started = time.perf_counter()
        again = ingest(store, paths, DEFAULTS, api.build_pipeline())
        rerun = again.counts["skipped"] / (time.perf_counter() - started)
        started = time.perf_counter()
        from frontwatch.store import rebuild_events

        rebuild_events(store, api.build_pipeline())
        return report.rate, time.perf_counter() - started, rerun


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--pg", default=os.environ.get("FRONTWATCH_TEST_PG"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = [str(p) for p in write_reports(Path(tmp) / "reports", args.n)]
        api.default_resources()  # load the gazetteer outside the timings
        print(f"documents\t{args.n}")
        print(f"pipeline only\t{pipeline_only(paths):.1f} docs/s")
        rate, events_s, rerun = into(str(Path(tmp) / "bench.db"), paths)
        print(f"sqlite ingest\t{rate:.1f} docs/s\tevents rebuilt in {events_s:.2f} s"
              f"\tre-run (all skipped) {rerun:.0f} docs/s")
        if args.pg:
            base = args.pg.replace("postgresql://", "postgresql+psycopg://", 1)
            schema = f"bench_{uuid.uuid4().hex[:8]}"
            engine = sa.create_engine(base)
            with engine.begin() as conn:
                conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
            try:
                sep = "&" if "?" in args.pg else "?"
                rate, events_s, rerun = into(f"{args.pg}{sep}options=-csearch_path%3D{schema}",
                                             paths)
                print(f"postgresql ingest\t{rate:.1f} docs/s\tevents rebuilt in "
                      f"{events_s:.2f} s\tre-run (all skipped) {rerun:.0f} docs/s")
            finally:
                with engine.begin() as conn:
                    conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        else:
            print("postgresql ingest\tnot measured (give --pg or $FRONTWATCH_TEST_PG)")


if __name__ == "__main__":
    main()
