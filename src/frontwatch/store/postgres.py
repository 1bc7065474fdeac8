"""PostgreSQL specifics: full-text search with a generated tsvector and a GIN index.

The 'simple' configuration (lower-casing, no stemming) because reports are in several
languages and a French stemmer would mangle Ukrainian place names.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

SEARCH_DDL = (
    "CREATE TABLE search (kind text NOT NULL, ref text NOT NULL, document_id text NOT NULL, "
    "body text NOT NULL, "
    "tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED)",
    "CREATE INDEX ix_search_tsv ON search USING GIN (tsv)",
    "CREATE INDEX ix_search_document_id ON search (document_id)",
)


def search(conn: sa.Connection, query: str, limit: int) -> list[sa.Row]:
    words = re.findall(r"\w+", query)
    if not words:
        return []
    return list(conn.execute(
        sa.text(
            "SELECT kind, ref, document_id, "
            "ts_headline('simple', body, q, 'StartSel=[, StopSel=], MaxWords=24, MinWords=8')"
            " AS snippet, -ts_rank(tsv, q) AS rank "
            "FROM search, plainto_tsquery('simple', :q) AS q WHERE tsv @@ q "
            "ORDER BY rank, ref LIMIT :n"
        ),
        {"q": " ".join(words), "n": limit},
    ))
