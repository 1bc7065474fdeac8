"""What `frontwatch watch` polls: RSS/Atom feeds (conditional GET) and folders (new or
changed files). Each poll returns the new documents and the validators for the next one."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from frontwatch.model import Document
from frontwatch.read import Defaults, ReadFailure, read_paths
from frontwatch.read.core import make_document

TIMEOUT = 30  # seconds for one HTTP request
BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
          "section", "article", "header", "footer", "pre", "hr"}
USER_AGENT = "frontwatch-watch (+https://example.org/frontwatch)"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in {"script", "style"}:
            self.skip += 1
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """Text of an HTML fragment: block elements become paragraphs, scripts are dropped."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


@dataclass
class Poll:
    documents: list[Document | ReadFailure] = field(default_factory=list)
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None


def poll_feed(url: str, etag: str | None, last_modified: str | None,
              defaults: Defaults) -> Poll:
    """GET a feed with If-None-Match / If-Modified-Since; raises on any failure."""
    import feedparser

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    if etag:
        request.add_header("If-None-Match", etag)
    if last_modified:
        request.add_header("If-Modified-Since", last_modified)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            body = response.read()
            headers = response.headers
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Poll(not_modified=True, etag=etag, last_modified=last_modified)
        raise
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        raise ValueError(f"not a feed ({parsed.get('bozo_exception', 'unparsable')})")
    outlet = parsed.feed.get("title") or None
    poll = Poll(etag=headers.get("ETag"), last_modified=headers.get("Last-Modified"))
    poll.documents = list(_entries(url, parsed.entries, outlet, defaults))
    return poll


def _entries(url: str, entries: list[Any], outlet: str | None,
             defaults: Defaults) -> Iterator[Document | ReadFailure]:
    for n, entry in enumerate(entries, start=1):
        source = f"{url}#{entry.get('id') or entry.get('link') or n}"
        content = entry.get("content") or []
        markup = content[0].get("value", "") if content else entry.get("summary", "")
        title = html_text(entry.get("title", "")) or None
        body = html_text(markup)
        if not body.strip():
            yield ReadFailure(source, "feed entry has no text")
            continue
        text = f"{title}\n\n{body}\n" if title else body + "\n"
        yield make_document(source, text, defaults, url=entry.get("link") or None,
                            outlet=outlet, published=_published(entry), title=title)


def _published(entry: Any) -> date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime(*stamp[:6], tzinfo=UTC).date() if stamp else None


class FolderSource:
    """A folder: files new or changed (size, mtime) since the last poll are read again;
    the store skips any text it already holds, so a restart re-reads nothing new twice."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.seen: dict[str, tuple[int, int]] = {}

    def poll(self, defaults: Defaults) -> Poll:
        folder = Path(self.path)
        if not folder.is_dir():
            raise FileNotFoundError(f"{self.path}: no such folder")
        changed = []
        for file in sorted(folder.rglob("*")):
            if file.is_file() and file.suffix.lower() in {".txt", ".jsonl", ".ndjson"}:
                st = file.stat()
                mark = (st.st_size, st.st_mtime_ns)
                if self.seen.get(str(file)) != mark:
                    self.seen[str(file)] = mark
                    changed.append(str(file))
        return Poll(documents=list(read_paths(changed, defaults)) if changed else [])
