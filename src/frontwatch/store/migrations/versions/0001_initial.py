"""Initial store: documents, claims, removed spans, errors, failed inputs, events, search.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from frontwatch.store import postgres, sqlite

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def _doc_fk() -> sa.Column:
    return sa.Column("document_id", sa.String(32),
                     sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("published", sa.Date),
        sa.Column("title", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("raw_text", sa.Text, nullable=False),
        sa.Column("provenance", sa.JSON, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("ingested_at", TZ, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_index("ix_documents_status", "documents", ["status"])
    op.create_table(
        "claims",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("document_id", sa.String(32),
                  sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("sub_event_type", sa.Text, nullable=False),
        sa.Column("claimed_by", sa.Text, nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("event_date", sa.Date),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_index("ix_claims_document_id", "claims", ["document_id"])
    op.create_table(
        "removed_spans", _doc_fk(),
        sa.Column("ordinal", sa.Integer, primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "errors", _doc_fk(),
        sa.Column("ordinal", sa.Integer, primary_key=True),
        sa.Column("stage", sa.Text, nullable=False),
        sa.Column("error", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
    )
    op.create_table(
        "failed_inputs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("seen_at", TZ, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("event_id", sa.String(32), primary_key=True),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("event_date", sa.Date),
        sa.Column("event_type", sa.Text, nullable=False),
        sa.Column("sub_event_type", sa.Text, nullable=False),
        sa.Column("country", sa.Text),
        sa.Column("admin1", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("fatalities", sa.Integer, nullable=False),
        sa.Column("source_count", sa.Integer, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_index("ix_events_event_date", "events", ["event_date"])
    dialect = sqlite if op.get_bind().dialect.name == "sqlite" else postgres
    for statement in dialect.SEARCH_DDL:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search")
    for name in ("events", "failed_inputs", "errors", "removed_spans", "claims", "documents"):
        op.drop_table(name)
