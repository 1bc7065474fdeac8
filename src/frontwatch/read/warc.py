"""WARC and WARC.gz crawls: each HTML `response` record is a page, read as HTML with the
record's target URI and date as metadata (ranked below the page's own JSON-LD and meta).

Records are iterated one at a time (warcio), so a crawl of any size is read in bounded
memory; a record's payload is capped at MAX_DOCUMENT_BYTES. A broken record ends the file
with a ReadFailure naming the record; the pages before it are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from frontwatch.model import Document
from frontwatch.read.core import MAX_DOCUMENT_BYTES, Defaults, ReadFailure, reader
from frontwatch.read.meta import parse_date

HTML_TYPES = ("text/html", "application/xhtml")


@reader("warc")
def read_warc(
    source: str, stream: BinaryIO, defaults: Defaults
) -> Iterator[Document | ReadFailure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from frontwatch.read.html import decode_html, html_document

    number = 0
    records = ArchiveIterator(stream)
    while True:
        try:
            record = next(records, None)
            if record is None:
                return
            number += 1
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{number}" + (f" ({uri})" if uri else "")
            http = record.http_headers
            ctype = (http.get_header("Content-Type") if http else "") or ""
            if not ctype.lower().startswith(HTML_TYPES):
                continue
            payload = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
        except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
            yield ReadFailure(f"{source}#{number + 1}", f"broken WARC record ({exc}); "
                              "the records before it were read")
            return
        except Exception as exc:  # warcio fails in its own ways on hostile records
            yield ReadFailure(f"{source}#{number + 1}", f"broken WARC record "
                              f"({type(exc).__name__}: {exc}); the records before it were read")
            return
        if len(payload) > MAX_DOCUMENT_BYTES:
            yield ReadFailure(where, "WARC record too large for one document")
            continue
        try:
            html, _ = decode_html(payload, defaults.encoding)
        except ValueError as exc:
            yield ReadFailure(where, str(exc))
            continue
        date = parse_date(record.rec_headers.get_header("WARC-Date"))
        yield html_document(where, html, defaults, url=uri, published=date,
                            origin={"url": "warc", "published": "warc"})
