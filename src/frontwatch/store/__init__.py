"""The store: SQLite by default, PostgreSQL for teams (SQLAlchemy Core, Alembic migrations).

`Store.open(path_or_url)` migrates the schema to the newest revision on connect.
"""

from frontwatch.store.core import Store
from frontwatch.store.engine import DEFAULT_DB, StoreError, database_url, default_db
from frontwatch.store.filters import Filters, parse_bbox
from frontwatch.store.ingest import IngestReport, ingest, rebuild_events, retry

__all__ = [
    "DEFAULT_DB",
    "Filters",
    "IngestReport",
    "Store",
    "StoreError",
    "database_url",
    "default_db",
    "ingest",
    "parse_bbox",
    "rebuild_events",
    "retry",
]
