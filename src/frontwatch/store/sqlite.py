"""SQLite specifics: connection pragmas for safe per-document commits, and FTS5 search."""

from __future__ import annotations

import re

import sqlalchemy as sa

SEARCH_DDL = (
    "CREATE VIRTUAL TABLE search USING fts5("
    "kind UNINDEXED, ref UNINDEXED, document_id UNINDEXED, body, "
    "tokenize = 'unicode61 remove_diacritics 2')",
)


def on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_connection.cursor()
    # WAL + NORMAL: a committed document survives a killed process (not a power cut, which
    # FULL would add at a large cost per commit).
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def fts_query(query: str) -> str:
    """Words of the query, each quoted, all required: no FTS5 syntax error on user input."""
    words = re.findall(r"\w+", query)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search(conn: sa.Connection, query: str, limit: int) -> list[sa.Row]:
    match = fts_query(query)
    if not match:
        return []
    return list(conn.execute(
        sa.text(
            "SELECT kind, ref, document_id, "
            "snippet(search, 3, '[', ']', '…', 12) AS snippet, rank "
            "FROM search WHERE search MATCH :q ORDER BY rank, ref LIMIT :n"
        ),
        {"q": match, "n": limit},
    ))
