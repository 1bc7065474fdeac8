"""HTML pages: main text through trafilatura (offline; it ships its own data), metadata from
JSON-LD and <meta> tags (see `meta.py`). Parsing runs under a per-document time limit, as
datatrove does around extraction, so a pathological page becomes a ReadFailure, not a hang.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, BinaryIO

from frontwatch.model import Document
from frontwatch.read.core import (
    Defaults,
    ReadFailure,
    decode_detected,
    make_document,
    read_limited,
    reader,
)
from frontwatch.read.meta import page_metadata

PARSE_SECONDS = 20.0
BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre",
    "figure", "figcaption", "form", "dd", "dt", "dl", "hr", "address", "button", "option",
    "title", "td", "th", "label",
}
INVISIBLE = {"script", "style", "noscript", "template", "svg", "head", "iframe"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeoutError after `seconds` (main thread on Unix; elsewhere no limit)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "SIGALRM"
    ):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"parsing took over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def decode_html(data: bytes, encoding: str | None) -> tuple[str, str | None]:
    """Decode by --encoding, else UTF-8, else the page's declared charset, else detection.

    Valid UTF-8 wins over a declared charset: pages often declare latin-1 and serve UTF-8.
    """
    if encoding is None:
        try:
            return data.decode("utf-8").lstrip("\ufeff"), None
        except UnicodeDecodeError:
            pass
        declared = _CHARSET.search(data[:4096])
        if declared and declared.group(1).lower() not in {b"utf-8", b"utf8"}:
            try:
                name = declared.group(1).decode("ascii")
                return data.decode(name), f"declared {name} (page meta charset)"
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_detected(data, encoding)


def parse_tree(html: str) -> Any:
    import lxml.html

    parser = lxml.html.HTMLParser(remove_comments=True, huge_tree=False)
    return lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)


def visible_text(tree: Any) -> str:
    """All visible text with block elements as line breaks: what a naive scraper keeps."""
    parts: list[str] = []
    for event, node in _walk(tree):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in BLOCKS:
                parts.append("\n")
            if node.text and tag not in INVISIBLE:
                parts.append(node.text)
        else:
            if tag in BLOCKS:
                parts.append("\n")
            if node.tail:
                parts.append(node.tail)
    lines = (re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def _walk(root: Any) -> Iterator[tuple[str, Any]]:
    # Iterative, so a page nested 10,000 levels deep cannot exhaust the Python stack.
    stack: list[tuple[str, Any]] = [("start", root)]
    while stack:
        event, node = stack.pop()
        yield event, node
        if event == "start":
            tag = node.tag if isinstance(node.tag, str) else ""
            stack.append(("end", node))
            if tag not in INVISIBLE:
                stack.extend(("start", child) for child in reversed(node))


def main_text(html: str, url: str | None = None) -> str:
    import trafilatura

    return trafilatura.extract(
        html, url=url, output_format="txt", include_comments=False, include_tables=True,
        with_metadata=False,
    ) or ""


def html_document(
    source: str, html: str, defaults: Defaults, *, url: str | None = None,
    published: Any = None, origin: dict[str, str] | None = None,
) -> Document | ReadFailure:
    """A Document from one page; `url`/`published` given by a container (WARC, feed) rank
    below the page's own JSON-LD and meta tags."""
    try:
        with time_limit(PARSE_SECONDS):
            tree = parse_tree(html)
            values, where = page_metadata(tree)
            text = main_text(html, values.get("url") or url)
    except TimeoutError as exc:
        return ReadFailure(source, f"HTML not read: {exc}")
    except (RecursionError, ValueError) as exc:
        return ReadFailure(source, f"HTML not read: {type(exc).__name__}: {exc}"[:300])
    except Exception as exc:  # lxml raises its own types for hostile markup
        return ReadFailure(source, f"HTML not read: {type(exc).__name__}: {exc}"[:300])
    if not text.strip():
        return ReadFailure(source, "HTML page holds no article text")
    origin = dict(origin or {})
    for key in ("url", "published"):
        if key in values:
            origin[key] = where[key]
    if "title" in where:
        origin["title"] = where["title"]
    if "site" in where:
        origin["outlet"] = where["site"]
    doc = make_document(
        source, text, defaults,
        url=values.get("url") or url,
        outlet=values.get("site"),
        published=values.get("published") or published,
        title=values.get("title"),
        provenance=origin,
    )
    doc.provenance["text"] = "trafilatura"
    return doc


@reader("html")
def read_html(
    source: str, stream: BinaryIO, defaults: Defaults
) -> Iterator[Document | ReadFailure]:
    from frontwatch.read.text import note_encoding

    try:
        html, detected = decode_html(read_limited(stream), defaults.encoding)
    except ValueError as exc:
        yield ReadFailure(source, str(exc))
        return
    doc = html_document(source, html, defaults)
    if isinstance(doc, Document):
        note_encoding(doc, detected)
    yield doc
