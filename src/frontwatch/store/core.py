"""The store: documents, claims and events in SQLite or PostgreSQL, one transaction each.

Every write that matters is one transaction: a document with all its rows, a failed input,
or the whole events table. A process killed at any moment leaves either all of a document or
none of it, so a re-run skips what is stored (by content hash) and finishes the rest.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from frontwatch.model import Claim, Document, Event
from frontwatch.read import ReadFailure
from frontwatch.store import postgres, sqlite
from frontwatch.store.engine import connect
from frontwatch.store.filters import Filters
from frontwatch.store.schema import claims, documents, errors, events, failures, removed, search

CHILDREN = (claims, removed, errors)


class Store:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.backend = engine.dialect.name
        self.url = engine.url.render_as_string(hide_password=True)

    @classmethod
    def open(cls, value: str) -> Store:
        """Open (creating and migrating if needed) the store at a path or URL."""
        return cls(connect(value))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------

    def document_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            return set(conn.scalars(sa.select(documents.c.id)))

    def save_document(self, doc: Document, attempts: int = 1) -> None:
        """Store a processed document with all its rows, replacing an earlier attempt."""
        data = doc.to_dict()
        data.pop("claims")
        now = datetime.now(UTC)
        with self.engine.begin() as conn:
            conn.execute(search.delete().where(search.c.document_id == doc.id))
            for table in CHILDREN:
                conn.execute(table.delete().where(table.c.document_id == doc.id))
            conn.execute(documents.delete().where(documents.c.id == doc.id))
            conn.execute(documents.insert().values(
                id=doc.id, source=doc.source, url=doc.url, outlet=doc.outlet,
                language=doc.language, published=doc.published, title=doc.title,
                status="failed" if doc.errors else "ok", raw_text=doc.raw_text,
                provenance=doc.provenance, data=data, ingested_at=now, attempts=attempts,
            ))
            if doc.claims:
                conn.execute(claims.insert(), [_claim_row(c, i) for i, c in enumerate(doc.claims)])
            if doc.removed:
                conn.execute(removed.insert(), [
                    {"document_id": doc.id, "ordinal": i, **asdict(r)}
                    for i, r in enumerate(doc.removed)
                ])
            if doc.errors:
                conn.execute(errors.insert(), [
                    {"document_id": doc.id, "ordinal": i, **asdict(e)}
                    for i, e in enumerate(doc.errors)
                ])
            body = "\n".join(x for x in (doc.title, doc.text or doc.raw_text) if x)
            rows = [{"kind": "document", "ref": doc.id, "document_id": doc.id, "body": body}]
            rows += [{"kind": "claim", "ref": c.id, "document_id": doc.id, "body": _claim_text(c)}
                     for c in doc.claims]
            conn.execute(search.insert(), rows)

    def record_failure(self, failure: ReadFailure) -> bool:
        """Keep an input that could not be read; False when it was already recorded."""
        key = hashlib.sha256(f"{failure.source}\n{failure.message}".encode()).hexdigest()[:32]
        with self.engine.begin() as conn:
            if conn.scalar(sa.select(failures.c.id).where(failures.c.id == key)):
                return False
            conn.execute(failures.insert().values(id=key, source=failure.source,
                                                  message=failure.message,
                                                  seen_at=datetime.now(UTC)))
        return True

    def replace_events(self, new: list[Event]) -> None:
        """Swap the whole events table in one transaction."""
        rows = [{
            "event_id": e.event_id, "ordinal": i, "event_date": e.event_date,
            "event_type": e.event_type, "sub_event_type": e.sub_event_type,
            "country": e.country, "admin1": e.admin1, "latitude": e.latitude,
            "longitude": e.longitude, "fatalities": e.fatalities,
            "source_count": len(e.sources), "data": e.to_dict(),
        } for i, e in enumerate(new)]
        with self.engine.begin() as conn:
            conn.execute(events.delete())
            if rows:
                conn.execute(events.insert(), rows)

    # -- reading ----------------------------------------------------------------------

    def failed_documents(self) -> Iterator[tuple[Document, int]]:
        """Documents a stage failed on, rebuilt from their raw text, with their attempts."""
        query = (sa.select(documents).where(documents.c.status == "failed")
                 .order_by(documents.c.id))
        with self.engine.connect() as conn:
            rows = list(conn.execute(query))
        for r in rows:
            doc = Document(id=r.id, source=r.source, raw_text=r.raw_text, url=r.url,
                           outlet=r.outlet, published=r.published, title=r.title,
                           provenance=dict(r.provenance))
            yield doc, r.attempts

    def claim_documents(self) -> list[Document]:
        """Processed documents with their claims, in a fixed order (by id, then claim)."""
        docs: dict[str, Document] = {}
        with self.engine.connect() as conn:
            for r in conn.execute(sa.select(documents.c.id, documents.c.source,
                                            documents.c.outlet)
                                  .where(documents.c.status == "ok")
                                  .order_by(documents.c.id)):
                docs[r.id] = Document(id=r.id, source=r.source, raw_text="", outlet=r.outlet)
            for r in conn.execute(sa.select(claims.c.document_id, claims.c.record)
                                  .order_by(claims.c.document_id, claims.c.ordinal)):
                if r.document_id in docs:
                    docs[r.document_id].claims.append(Claim.from_record(r.record))
        return list(docs.values())

    def events(self, filters: Filters | None = None) -> list[Event]:
        filters = filters or Filters()
        query = sa.select(events.c.data).where(*filters.where()).order_by(events.c.ordinal)
        with self.engine.connect() as conn:
            found = [Event.from_dict(d) for d in conn.scalars(query)]
        return [e for e in found if filters.keep(e)]

    # -- reading for the API (frontwatch.web): keyset pages and single rows -------------

    def events_page(self, filters: Filters, after: str | None,
                    limit: int) -> tuple[list[Event], bool]:
        """Events matching `filters` in event_id order (a stable digest), after the key
        `after`; returns at most `limit` and whether more follow."""
        query = sa.select(events.c.data).where(*filters.where())
        if after is not None:
            query = query.where(events.c.event_id > after)
        query = query.order_by(events.c.event_id)
        out: list[Event] = []
        with self.engine.connect() as conn:
            for data in conn.execution_options(yield_per=500).scalars(query):
                event = Event.from_dict(data)
                if not filters.keep(event):
                    continue
                if len(out) == limit:
                    return out, True
                out.append(event)
        return out, False

    def event(self, event_id: str) -> Event | None:
        with self.engine.connect() as conn:
            data = conn.scalar(sa.select(events.c.data).where(events.c.event_id == event_id))
        return Event.from_dict(data) if data else None

    def claim_rows(self, ids: list[str]) -> list[dict[str, Any]]:
        """Claims by id (the contract `data` and the lossless `record`), in the given order."""
        with self.engine.connect() as conn:
            rows = {r.id: {"data": r.data, "record": r.record} for r in conn.execute(
                sa.select(claims.c.id, claims.c.data, claims.c.record)
                .where(claims.c.id.in_(ids)))}
        return [rows[i] for i in ids if i in rows]

    def document_row(self, doc_id: str) -> dict[str, Any] | None:
        """A stored document: its output (`Document.to_dict` with claims), status, attempts."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(documents.c.data, documents.c.status,
                                         documents.c.attempts)
                               .where(documents.c.id == doc_id)).first()
            if row is None:
                return None
            found = conn.scalars(sa.select(claims.c.data).where(claims.c.document_id == doc_id)
                                 .order_by(claims.c.ordinal))
            return {**row.data, "claims": list(found), "status": row.status,
                    "attempts": row.attempts}

    def documents_page(self, after: str | None, limit: int) -> tuple[list[dict[str, Any]], bool]:
        d = documents.c
        query = sa.select(d.id, d.source, d.url, d.outlet, d.language, d.published, d.title,
                          d.status).order_by(d.id).limit(limit + 1)
        if after is not None:
            query = query.where(d.id > after)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(query)]
        return rows[:limit], len(rows) > limit

    def event_data(self) -> Iterator[dict[str, Any]]:
        """Every event's `Event.to_dict`, in build order (for indexes such as the map's)."""
        query = sa.select(events.c.data).order_by(events.c.ordinal)
        with self.engine.connect() as conn:
            yield from conn.execution_options(yield_per=2000).scalars(query)

    def claim_facets(self) -> list[sa.Row]:
        """(id, document_id, claimed_by, claimant_side, language, outlet) of every claim."""
        query = (sa.select(claims.c.id, claims.c.document_id, claims.c.claimed_by,
                           claims.c.data["claimant_side"].as_string().label("side"),
                           documents.c.language, documents.c.outlet)
                 .join(documents, documents.c.id == claims.c.document_id))
        with self.engine.connect() as conn:
            return list(conn.execute(query))

    def fingerprint(self) -> tuple[Any, ...]:
        """Changes whenever an ingest or retry changes what is stored (cache key)."""
        with self.engine.connect() as conn:
            e = conn.execute(sa.select(sa.func.count(), sa.func.sum(events.c.source_count),
                                       sa.func.sum(events.c.fatalities))).one()
            d = conn.execute(sa.select(sa.func.count(), sa.func.sum(documents.c.attempts),
                                       sa.func.max(documents.c.ingested_at))
                             .select_from(documents)).one()
        return (*e, *d)

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        backend = sqlite if self.backend == "sqlite" else postgres
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in backend.search(conn, query, limit)]

    def stats(self) -> dict[str, Any]:
        d = documents.c
        out: dict[str, Any] = {}
        with self.engine.connect() as conn:
            for name, col in (("outlet", d.outlet), ("language", d.language),
                              ("status", d.status)):
                rows = conn.execute(sa.select(col, sa.func.count()).group_by(col))
                out[f"documents by {name}"] = _sorted({k or "(none)": n for k, n in rows})
            out["failed inputs"] = conn.scalar(sa.select(sa.func.count()).select_from(failures))
            out["claims"] = conn.scalar(sa.select(sa.func.count()).select_from(claims))
            rows = conn.execute(sa.select(events.c.event_type, sa.func.count())
                                .group_by(events.c.event_type))
            out["events by type"] = _sorted(dict(rows.all()))
            months: Counter[str] = Counter(
                day.strftime("%Y-%m") if day else "(undated)"
                for day in conn.scalars(sa.select(events.c.event_date))
            )
            out["events by month"] = dict(sorted(months.items()))
        return out


def _sorted(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _claim_row(c: Claim, ordinal: int) -> dict[str, Any]:
    return {
        "id": c.id, "document_id": c.document_id, "ordinal": ordinal,
        "event_type": c.event_type, "sub_event_type": c.sub_event_type,
        "claimed_by": c.claimed_by, "modality": c.modality, "event_date": c.date.start,
        "sentence": c.sentence, "data": c.to_dict(), "record": c.to_record(),
    }


def _claim_text(c: Claim) -> str:
    place = c.location.place.name if c.location and c.location.place else ""
    actors = " ".join(a.name for a in (c.actor1, c.actor2) if a)
    return "\n".join(x for x in (c.sentence, c.claimed_by, actors, place) if x)
