"""Plain text: one document per file, UTF-8 or a detected encoding, with metadata from a
sidecar file if there is one.

`report.txt` may sit beside `report.json` holding `{"url", "outlet", "published",
"title"}` (what scrapers commonly save next to the text). Its fields are the input's own
metadata: they win over the command-line defaults, like a JSON Lines record's.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from frontwatch.model import Document
from frontwatch.read.core import (
    Defaults,
    ReadFailure,
    decode_detected,
    make_document,
    parse_published,
    read_limited,
    reader,
)

SIDECAR_FIELDS = ("url", "outlet", "published", "title")


def _sidecar(source: str) -> dict[str, str]:
    path = Path(source).with_suffix(".json")
    if source.startswith("<") or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"metadata file {path} is not readable JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ValueError(f"metadata file {path} must hold a JSON object")
    return {k: str(data[k]) for k in SIDECAR_FIELDS if data.get(k)}


@reader("text")
def read_text(
    source: str, stream: BinaryIO, defaults: Defaults
) -> Iterator[Document | ReadFailure]:
    try:
        text, detected = decode_detected(read_limited(stream), defaults.encoding)
        meta = _sidecar(source)
        published = parse_published(meta["published"], source) if "published" in meta else None
    except ValueError as exc:
        yield ReadFailure(source, str(exc).removeprefix(f"{source}: "))
        return
    if not text.strip():
        yield ReadFailure(source, "holds only white space, nothing to read")
        return
    doc = make_document(source, text, defaults, url=meta.get("url"), outlet=meta.get("outlet"),
                        published=published, title=meta.get("title"))
    note_encoding(doc, detected)
    yield doc


def note_encoding(doc: Document, detected: str | None) -> None:
    if detected:
        doc.provenance["encoding"] = detected
        doc.warnings.append(f"not UTF-8: {detected}; pass --encoding to override")
