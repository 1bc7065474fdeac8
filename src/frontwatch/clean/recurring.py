"""Lines that recur across many documents of one outlet are clutter ("recurring-line").

Counts persist in a small SQLite file so that the cleaner improves as more is read. The
table is meant to be taken over by the project database (issue #5) as it is:

    recurring_lines(outlet, line_hash, count, first_seen)   count = distinct documents
    recurring_documents(outlet, document_id)                 so a re-read never counts twice

The file is `$FRONTWATCH_LINE_STORE`, else `lines.sqlite` in the cache folder
(`$FRONTWATCH_CACHE` or ~/.cache/frontwatch); FRONTWATCH_LINE_STORE=off turns it off.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

MIN_DOCUMENTS = 5  # a line seen in this many documents of one outlet is the outlet's furniture

SCHEMA = """
CREATE TABLE IF NOT EXISTS recurring_lines (
    outlet TEXT NOT NULL,
    line_hash TEXT NOT NULL,
    count INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (outlet, line_hash)
);
CREATE TABLE IF NOT EXISTS recurring_documents (
    outlet TEXT NOT NULL,
    document_id TEXT NOT NULL,
    PRIMARY KEY (outlet, document_id)
);
"""


def default_store_path() -> Path | None:
    env = os.environ.get("FRONTWATCH_LINE_STORE")
    if env:
        return None if env.lower() in {"off", "none", "0"} else Path(env)
    cache = os.environ.get("FRONTWATCH_CACHE")
    return (Path(cache) if cache else Path.home() / ".cache" / "frontwatch") / "lines.sqlite"


def line_hash(normalised: str) -> str:
    return hashlib.blake2b(normalised.encode("utf-8"), digest_size=8).hexdigest()


class LineStore:
    """Counts of normalised lines per outlet. Opens its file lazily, so it pickles."""

    def __init__(self, path: Path | str, min_documents: int = MIN_DOCUMENTS) -> None:
        self.path = Path(path)
        self.min_documents = min_documents
        self._conn: sqlite3.Connection | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"path": self.path, "min_documents": self.min_documents, "_conn": None}

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path)
            self._conn.executescript(SCHEMA)
        return self._conn

    def observe(self, outlet: str, document_id: str, lines: list[str]) -> dict[str, int]:
        """Count this document's distinct lines once; return each line's document count."""
        hashes = sorted({line_hash(ln) for ln in lines})
        now = datetime.now(UTC).date().isoformat()
        with self.conn as db:
            new = db.execute(
                "INSERT OR IGNORE INTO recurring_documents VALUES (?, ?)", (outlet, document_id)
            ).rowcount
            if new:
                db.executemany(
                    "INSERT INTO recurring_lines VALUES (?, ?, 1, ?) "
                    "ON CONFLICT(outlet, line_hash) DO UPDATE SET count = count + 1",
                    [(outlet, h, now) for h in hashes],
                )
        counts: dict[str, int] = {}
        for start in range(0, len(hashes), 500):
            chunk = hashes[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for h, count in self.conn.execute(
                f"SELECT line_hash, count FROM recurring_lines WHERE outlet = ? "
                f"AND line_hash IN ({marks})",
                [outlet, *chunk],
            ):
                counts[h] = count
        return counts

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
