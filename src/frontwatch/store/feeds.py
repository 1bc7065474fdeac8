"""Per-source state of `frontwatch watch`, kept in the store's `feeds` table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from frontwatch.store.core import Store
from frontwatch.store.schema import feeds


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled: datetime | None = None
    failures: int = 0
    next_poll: datetime | None = None

    def due(self, now: datetime) -> bool:
        return self.next_poll is None or _aware(self.next_poll) <= now


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)  # SQLite drops the zone


def load_feed(store: Store, url: str) -> FeedState:
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(feeds).where(feeds.c.url == url)).first()
    if row is None:
        return FeedState(url)
    return FeedState(**{k: (_aware(v) if isinstance(v, datetime) else v)
                        for k, v in row._mapping.items()})


def save_feed(store: Store, state: FeedState) -> None:
    values = {"etag": state.etag, "last_modified": state.last_modified,
              "last_polled": state.last_polled, "failures": state.failures,
              "next_poll": state.next_poll}
    with store.engine.begin() as conn:
        updated = conn.execute(feeds.update().where(feeds.c.url == state.url).values(**values))
        if not updated.rowcount:
            conn.execute(feeds.insert().values(url=state.url, **values))
