"""The store's tables, in SQLAlchemy Core: one definition for SQLite and PostgreSQL.

A document keeps its raw text (so `frontwatch retry` needs no file), its status (`ok` or
`failed`) and its full JSON output; claims, removed spans and stage errors get their own
rows; events are derived from all stored claims and replaced as a whole. Columns that
filters use are real columns; everything else lives in `data` (JSON), which is exactly the
contract `to_dict` (or, for claims, the lossless `to_record`) writes.

The full-text table `search` is created by the migration per dialect (an FTS5 virtual table
in SQLite, a table with a generated tsvector and a GIN index in PostgreSQL); it is declared
here only so that inserts and deletes are written once.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.String(32), primary_key=True),  # content hash
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("language", sa.String(16)),
    sa.Column("published", sa.Date),
    sa.Column("title", sa.Text),
    sa.Column("status", sa.String(16), nullable=False),  # ok | failed
    sa.Column("raw_text", sa.Text, nullable=False),
    sa.Column("provenance", sa.JSON, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),  # Document.to_dict() without claims
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="1"),
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("ordinal", sa.Integer, nullable=False),  # order within its document
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("claimed_by", sa.Text, nullable=False),
    sa.Column("modality", sa.String(16), nullable=False),
    sa.Column("event_date", sa.Date),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),  # Claim.to_dict(): the contract
    sa.Column("record", sa.JSON, nullable=False),  # Claim.to_record(): lossless
)

removed = sa.Table(
    "removed_spans", metadata,
    sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("ordinal", sa.Integer, primary_key=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

errors = sa.Table(
    "errors", metadata,
    sa.Column("document_id", sa.String(32), sa.ForeignKey("documents.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("ordinal", sa.Integer, primary_key=True),
    sa.Column("stage", sa.Text, nullable=False),
    sa.Column("error", sa.Text, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
)

failures = sa.Table(  # inputs that could not be read at all: nothing to retry from
    "failed_inputs", metadata,
    sa.Column("id", sa.String(32), primary_key=True),  # digest of source and message
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
)

events = sa.Table(
    "events", metadata,
    sa.Column("event_id", sa.String(32), primary_key=True),
    sa.Column("ordinal", sa.Integer, nullable=False),  # build_events' order
    sa.Column("event_date", sa.Date, index=True),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("country", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("fatalities", sa.Integer, nullable=False),
    sa.Column("source_count", sa.Integer, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),  # Event.to_dict()
)

search = sa.Table(
    "search", metadata,
    sa.Column("kind", sa.Text),  # claim | document
    sa.Column("ref", sa.Text),  # claim id or document id
    sa.Column("document_id", sa.Text),
    sa.Column("body", sa.Text),
)

feeds = sa.Table(  # sources `frontwatch watch` polls (migration 0002)
    "feeds", metadata,
    sa.Column("url", sa.Text, primary_key=True),  # feed URL or watched folder
    sa.Column("etag", sa.Text),  # validators for the next conditional GET
    sa.Column("last_modified", sa.Text),
    sa.Column("last_polled", sa.DateTime(timezone=True)),
    sa.Column("failures", sa.Integer, nullable=False, server_default="0"),  # in a row
    sa.Column("next_poll", sa.DateTime(timezone=True)),  # later after failures (back-off)
)

TABLES = (documents, claims, removed, errors, failures, events, feeds)
