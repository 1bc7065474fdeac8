"""Plain text: one document per file."""

from __future__ import annotations

from collections.abc import Iterator

from frontwatch.model import Document
from frontwatch.read.core import Defaults, ReadFailure, decode, make_document, reader


@reader("text")
def read_text(source: str, data: bytes, defaults: Defaults) -> Iterator[Document | ReadFailure]:
    try:
        text = decode(source, data, defaults.encoding)
    except ValueError as exc:
        yield ReadFailure(source, str(exc))
        return
    if not text.strip():
        yield ReadFailure(source, "holds only white space, nothing to read")
        return
    yield make_document(source, text, defaults)
