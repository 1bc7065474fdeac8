"""Events: pages with the store's filters, one event in full, the map index, exports."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import Response, StreamingResponse

from frontwatch.export import Exporter, exporters
from frontwatch.model import Event
from frontwatch.store import Filters
from frontwatch.web.app import Desk, desk
from frontwatch.web.detail import event_detail
from frontwatch.web.params import cursor_param, encode_cursor, event_filters, limit_param

router = APIRouter(tags=["events"])
D = Annotated[Desk, Depends(desk)]
F = Annotated[Filters, Depends(event_filters)]
EventId = Annotated[str, Path(max_length=64)]

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "geojson": "application/geo+json; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}


@router.get("/events", summary="Events matching the export filters, a page at a time")
def list_events(d: D, filters: F, limit: Annotated[int, Depends(limit_param)],
                cursor: Annotated[str | None, Depends(cursor_param)]) -> dict[str, Any]:
    """Ordered by `event_id` (a stable digest of what defines the event), so a cursor stays
    valid across re-ingests: no event is shown twice or skipped if it still exists."""
    page, more = d.store.events_page(filters, cursor, limit)
    return {"events": [e.to_dict() for e in page], "limit": limit,
            "next": encode_cursor(page[-1].event_id) if more else None}


@router.get("/events/{event_id}", summary="One event with its claims, evidence and documents")
def get_event(d: D, event_id: EventId) -> dict[str, Any]:
    event = d.store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return event_detail(d.store, event)


@router.get("/map", summary="Every matching event as compact columns, for the map page",
            response_class=Response)
def map_index(d: D, filters: F, request: Request) -> Response:
    """`columns` holds parallel arrays (`day` is days since 1970-01-01; `type`, `actors`,
    ... index into `names`). Unfiltered, it is served from a cache with an ETag, compressed
    once, and rebuilt when the store changes."""
    if filters != Filters():
        return Response(d.index.get(filters), media_type="application/json")
    d.index.current()
    etag = d.index.etag
    headers = {"ETag": etag, "Cache-Control": "no-cache", "Vary": "Accept-Encoding"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(d.index.gzipped, media_type="application/json",
                        headers={**headers, "Content-Encoding": "gzip"})
    return Response(d.index.encoded, media_type="application/json", headers=headers)


class _Pipe:
    """A file the exporter writes into while the response streams what it wrote."""

    def __init__(self, binary: bool) -> None:
        self.binary, self.queue, self.written = binary, queue.Queue[Any](maxsize=64), 0
        self.closed = False

    def write(self, data: Any) -> int:
        chunk = data if self.binary else data.encode()
        if chunk:
            self.queue.put(bytes(chunk))
        self.written += len(chunk)
        return len(data)

    def tell(self) -> int:
        return self.written

    def flush(self) -> None:
        pass

    def writable(self) -> bool:
        return True


def _stream(exporter: Exporter, events: list[Event]) -> Iterator[bytes]:
    pipe = _Pipe(exporter.binary)
    done = object()

    def work() -> None:
        try:
            exporter.write(events, pipe)  # type: ignore[arg-type]
        finally:
            pipe.queue.put(done)

    threading.Thread(target=work, daemon=True).start()
    while (chunk := pipe.queue.get()) is not done:
        yield chunk


@router.get("/export/{fmt}", summary="Matching events in an export format, streamed")
def export(d: D, filters: F, fmt: Annotated[str, Path(max_length=32)]) -> StreamingResponse:
    found = exporters()
    if fmt not in found:
        raise HTTPException(404, f"no format {fmt!r}; formats: {', '.join(sorted(found))}")
    exporter = found[fmt]
    events = d.store.events(filters)
    return StreamingResponse(
        _stream(exporter, events),
        media_type=CONTENT_TYPES.get(fmt, "application/octet-stream"),
        headers={"Content-Disposition": f'attachment; filename="events{exporter.suffix}"'})


@router.get("/formats", summary="The export formats")
def formats() -> list[dict[str, Any]]:
    return [{"name": e.name, "suffix": e.suffix, "help": e.help,
             "content_type": CONTENT_TYPES.get(e.name, "application/octet-stream")}
            for e in sorted(exporters().values(), key=lambda e: e.name)]


