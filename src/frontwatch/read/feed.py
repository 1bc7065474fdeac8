"""RSS and Atom feeds: one document per entry, with the entry's link, title and date.

feedparser does not fetch external entities, and an entity-expansion bomb ("billion
laughs") is refused by expat; either way a feed that cannot be parsed is a ReadFailure.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

from frontwatch.model import Document
from frontwatch.read.core import Defaults, ReadFailure, make_document, read_limited, reader


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _entry_html(entry: Any) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or entry.get("description") or "")


@reader("feed")
def read_feed(
    source: str, stream: BinaryIO, defaults: Defaults
) -> Iterator[Document | ReadFailure]:
    import feedparser

    from frontwatch.read.html import parse_tree, time_limit, visible_text

    try:
        data = read_limited(stream)
        with time_limit(20):
            parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except (ValueError, TimeoutError) as exc:
        yield ReadFailure(source, f"feed not read: {exc}")
        return
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield ReadFailure(source, f"feed holds no entries{f' ({problem})' if problem else ''}")
        return
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{number}"
        body = _entry_html(entry)
        try:
            text = visible_text(parse_tree(f"<div>{body}</div>")) if "<" in body else body
        except Exception as exc:  # lxml's own error types for broken entry markup
            yield ReadFailure(where, f"entry content not read ({exc})")
            continue
        if not text.strip():
            yield ReadFailure(where, "feed entry holds no text")
            continue
        title = str(entry.get("title") or "").strip() or None
        raw = f"{title}\n\n{text}" if title else text
        doc = make_document(
            where, raw, defaults, url=entry.get("link") or None, published=_entry_date(entry),
            title=title, origin="feed",
        )
        doc.provenance["text"] = "feed entry"
        yield doc
