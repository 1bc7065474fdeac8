"""Plain text: one document per file, UTF-8 or a detected encoding."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from frontwatch.model import Document
from frontwatch.read.core import (
    Defaults,
    ReadFailure,
    decode_detected,
    make_document,
    read_limited,
    reader,
)


@reader("text")
def read_text(
    source: str, stream: BinaryIO, defaults: Defaults
) -> Iterator[Document | ReadFailure]:
    try:
        text, detected = decode_detected(read_limited(stream), defaults.encoding)
    except ValueError as exc:
        yield ReadFailure(source, str(exc))
        return
    if not text.strip():
        yield ReadFailure(source, "holds only white space, nothing to read")
        return
    doc = make_document(source, text, defaults)
    note_encoding(doc, detected)
    yield doc


def note_encoding(doc: Document, detected: str | None) -> None:
    if detected:
        doc.provenance["encoding"] = detected
        doc.warnings.append(f"not UTF-8: {detected}; pass --encoding to override")
