"""kill -9 in the middle of an ingest of 2,000 documents, then a re-run: every document is
stored exactly once and the events equal those of an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from reports import write_reports

from frontwatch.model import content_id
from frontwatch.store import Store
from frontwatch.store.schema import claims, documents, events, search

N = 2000
INGEST = "from frontwatch.cli import main; main()"


def _ingest(paths: list[Path], db: str, log: Path) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-c", INGEST, "ingest", *map(str, paths), "--db", db,
            "--published", "2022-12-31", "--outlet", "Wire"]
    with log.open("ab") as out:
        return subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT)


def _count(store: Store, table: sa.Table) -> int:
    with store.engine.connect() as conn:
        return conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0


def test_kill_9_then_resume(new_db: Callable[[str], str], tmp_path: Path) -> None:
    paths = write_reports(tmp_path / "reports", N)
    crashed, clean = new_db("crashed"), new_db("clean")
    log = tmp_path / "ingest.log"
    Store.open(crashed).close()  # migrate first, so the poll below never races the schema
    reference = _ingest(paths, clean, log)  # the uninterrupted run, on the other core
    victim = _ingest(paths, crashed, log)
    with Store.open(crashed) as store:
        deadline = time.monotonic() + 300
        while _count(store, documents) < 300 and victim.poll() is None:
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.05)
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait()
        at_kill = _count(store, documents)
    assert 300 <= at_kill < N, "the ingest ended before it could be killed"

    resumed = _ingest(paths, crashed, log)
    assert resumed.wait(timeout=600) == 0, log.read_text()
    assert reference.wait(timeout=600) == 0, log.read_text()
    assert f"{N - at_kill} stored, 0 failed, {at_kill} skipped" in log.read_text()

    texts = {content_id(p.read_text(encoding="utf-8")) for p in paths if p.suffix == ".txt"}
    assert len(texts) == N // 2
    with Store.open(crashed) as a, Store.open(clean) as b:
        assert _count(a, documents) == _count(b, documents) == N
        assert a.document_ids() == b.document_ids() and texts <= a.document_ids()
        assert _count(a, claims) == _count(b, claims) > N
        assert _count(a, search) == _count(b, search) == N + _count(a, claims)
        assert _count(a, events) == _count(b, events) > 0
        assert a.events() == b.events()
        assert a.stats() == b.stats()
