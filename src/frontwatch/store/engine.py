"""Opening a store: a path or URL checked, the server reached, the schema migrated."""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from frontwatch.store import sqlite

DEFAULT_DB = "frontwatch.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(Exception):
    """A store that cannot be opened; the message names the URL (password hidden)."""


def default_db() -> str:
    return os.environ.get("FRONTWATCH_DB") or DEFAULT_DB


def database_url(value: str) -> sa.URL:
    """A file path means SQLite; a URL must be sqlite:// or postgresql://."""
    if "://" not in value:
        if not value.strip():
            raise StoreError("empty database path")
        return sa.URL.create("sqlite", database=str(Path(value).expanduser().resolve()))
    try:
        url = sa.make_url(value)
    except sa.exc.ArgumentError:
        raise StoreError(f"{value!r} is not a database URL (want a file path, "
                         "sqlite:///PATH or postgresql://USER@HOST/DB)") from None
    backend = url.get_backend_name()
    if backend in {"postgresql", "postgres"}:
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url
    raise StoreError(f"{_shown(url)}: unsupported database {backend!r} "
                     "(Frontwatch stores into sqlite or postgresql)")


def _shown(url: sa.URL) -> str:
    return url.render_as_string(hide_password=True)


def connect(value: str) -> sa.Engine:
    url = database_url(value)
    if url.get_backend_name() == "sqlite":
        folder = Path(url.database or "").parent
        if url.database and not folder.is_dir():
            raise StoreError(f"{_shown(url)}: folder {folder} does not exist")
        engine = sa.create_engine(url)
        sa.event.listen(engine, "connect", sqlite.on_connect)
    else:
        engine = sa.create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    try:
        migrate(engine)
    except sa.exc.OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig or exc).strip().splitlines()[0]
        raise StoreError(f"{_shown(url)}: cannot open the database ({reason})") from None
    except sa.exc.DatabaseError as exc:
        engine.dispose()
        reason = str(exc.orig or exc).strip().splitlines()[0]
        raise StoreError(f"{_shown(url)}: not a usable Frontwatch database ({reason})") from None
    return engine


def migrate(engine: sa.Engine) -> None:
    """Bring the schema to the newest revision shipped in the package (Alembic)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
