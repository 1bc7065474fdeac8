"""Documents (cleaned text with claim spans), full-text search, ingest, health."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from pydantic import BaseModel, Field

from frontwatch.read import Defaults
from frontwatch.read.core import make_document
from frontwatch.store import rebuild_events
from frontwatch.web.app import Desk, desk, require_token
from frontwatch.web.params import MAX_TEXT, cursor_param, encode_cursor, limit_param

router = APIRouter()
D = Annotated[Desk, Depends(desk)]
DocId = Annotated[str, Path(max_length=64)]
MAX_DOCUMENT = 1_000_000  # characters of one posted document
MAX_HITS = 200


@router.get("/documents", tags=["documents"], summary="Stored documents, a page at a time")
def list_documents(d: D, limit: Annotated[int, Depends(limit_param)],
                   cursor: Annotated[str | None, Depends(cursor_param)]) -> dict[str, Any]:
    rows, more = d.store.documents_page(cursor, limit)
    for r in rows:
        r["published"] = r["published"].isoformat() if r["published"] else None
    return {"documents": rows, "limit": limit,
            "next": encode_cursor(rows[-1]["id"]) if more else None}


@router.get("/documents/{doc_id}", tags=["documents"],
            summary="A document's cleaned text, its claims with their spans, its events")
def get_document(d: D, doc_id: DocId,
                 removed: Annotated[bool, Query(description="Include the clutter cleaning "
                                                "removed (offsets into the raw text).")]
                 = False) -> dict[str, Any]:
    doc = d.store.document_row(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    if not removed:
        doc.pop("removed", None)
    doc["spans"] = [{"claim_id": c["id"], "start": c["start"], "end": c["end"],
                     "claimed_by": c["claimed_by"], "sub_event_type": c["sub_event_type"]}
                    for c in doc["claims"]]
    doc["events"] = d.index.events_of([doc_id])[0]
    return doc


@router.get("/search", tags=["search"], summary="Full-text search over claims and documents")
def search(d: D, q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT)],
           limit: Annotated[int, Query(ge=1, le=MAX_HITS)] = 20) -> dict[str, Any]:
    """All words must match (FTS5 in SQLite, tsvector in PostgreSQL). Each hit names the
    events its claim or document takes part in."""
    hits = d.store.search(q, limit)
    for h, events in zip(hits, d.index.events_of([h["ref"] for h in hits]), strict=True):
        h.pop("rank", None)
        h["events"] = events
    return {"query": q, "hits": hits}


class NewDocument(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_DOCUMENT)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    published: date | None = None
    title: str | None = Field(default=None, max_length=1000)


@router.post("/documents", tags=["documents"], status_code=201,
             dependencies=[Depends(require_token)],
             summary="Ingest one document (needs the operator's token)")
def post_document(d: D, body: NewDocument) -> dict[str, Any]:
    if not body.text.strip():
        raise HTTPException(422, "text is blank")
    doc = make_document(body.url or "api", body.text, Defaults(), url=body.url,
                        outlet=body.outlet, published=body.published, title=body.title)
    with d.write_lock:  # one ingest at a time: events are recomputed from all claims
        if d.store.document_row(doc.id) is not None:
            return {"id": doc.id, "outcome": "skipped", "claims": None, "events": None}
        pipeline = d.pipeline()
        doc = pipeline(doc)
        d.store.save_document(doc)
        events = rebuild_events(d.store, pipeline)
        d.index.invalidate()
    return {"id": doc.id, "outcome": "failed" if doc.errors else "stored",
            "claims": len(doc.claims), "events": events,
            "errors": [e.message for e in doc.errors]}


@router.get("/health", tags=["health"], summary="Is the store reachable")
def health(d: D) -> dict[str, Any]:
    events, _, _, documents, _, _ = d.store.fingerprint()
    return {"status": "ok", "backend": d.store.backend, "events": events,
            "documents": documents, "writes": d.token is not None}
