"""Query parameters shared by the routes: the store's filters, opaque cursors, limits.

Every bound here is a cost limit: page sizes, text lengths and the number of filters are
capped so that no request can ask the server for unbounded work. A bad value is a 4xx
naming the parameter, never a 500.
"""

from __future__ import annotations

import base64
import binascii
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query

from frontwatch.store import Filters, parse_bbox

MAX_LIMIT = 500
DEFAULT_LIMIT = 100
MAX_TEXT = 200  # characters in a filter value or a search query
CURSOR_PREFIX = "fw1:"

Text = Annotated[str | None, Query(max_length=MAX_TEXT)]


def bad(param: str, message: str) -> HTTPException:
    return HTTPException(400, detail=[{"loc": ["query", param], "msg": message}])


def event_filters(
    since: Annotated[date | None, Query(description="Events on or after (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Events on or before.")] = None,
    country: Text = None,
    admin1: Text = None,
    bbox: Annotated[str | None, Query(max_length=100,
                                      description="minlon,minlat,maxlon,maxlat")] = None,
    type: Annotated[str | None, Query(max_length=MAX_TEXT,
                                      description="Event or sub-event type.")] = None,
    actor: Text = None,
    claimant: Text = None,
    outlet: Text = None,
    min_sources: Annotated[int | None, Query(ge=1, le=1000)] = None,
) -> Filters:
    """The filters of `frontwatch events` / `export`, as query parameters."""
    if since and until and since > until:
        raise bad("since", f"since {since} is after until {until}")
    box = None
    if bbox is not None:
        try:
            box = parse_bbox(bbox)
        except ValueError as exc:
            raise bad("bbox", str(exc)) from None
    return Filters(since=since, until=until, country=country or None, admin1=admin1 or None,
                   bbox=box, type=type or None, actor=actor or None,
                   claimant=claimant or None, outlet=outlet or None, min_sources=min_sources)


def limit_param(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT,
                                description=f"Page size, at most {MAX_LIMIT}.")] = DEFAULT_LIMIT,
) -> int:
    return limit


def encode_cursor(key: str) -> str:
    return base64.urlsafe_b64encode((CURSOR_PREFIX + key).encode()).decode().rstrip("=")


def cursor_param(
    cursor: Annotated[str | None, Query(max_length=200,
                                        description="Opaque: the `next` of the page before.")]
    = None,
) -> str | None:
    if cursor is None:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise bad("cursor", "not a cursor this server gave out") from None
    if not raw.startswith(CURSOR_PREFIX) or len(raw) == len(CURSOR_PREFIX):
        raise bad("cursor", "not a cursor this server gave out")
    return raw.removeprefix(CURSOR_PREFIX)
