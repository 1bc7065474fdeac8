"""JSON Lines: one document per line, `{"url", "outlet", "published", "title", "text"}`.

Only `text` is required. A line's own fields win over the command-line defaults, since the
line is closer to the evidence. A bad line is a failure named `file:LINE`; the rest of the
file is still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from frontwatch.model import Document
from frontwatch.read.core import (
    MAX_DOCUMENT_BYTES,
    Defaults,
    ReadFailure,
    decode_detected,
    load_json_line,
    make_document,
    parse_published,
    reader,
)


@reader("jsonl")
def read_jsonl(
    source: str, stream: BinaryIO, defaults: Defaults
) -> Iterator[Document | ReadFailure]:
    # Line by line, so a large file is read in bounded memory; a line is capped at
    # MAX_DOCUMENT_BYTES and the rest of an over-long line is skipped.
    number = 0
    while True:
        raw = stream.readline(MAX_DOCUMENT_BYTES + 1)
        if not raw:
            break
        number += 1
        where = f"{source}:{number}"
        if len(raw) > MAX_DOCUMENT_BYTES and not raw.endswith(b"\n"):
            while (rest := stream.readline(MAX_DOCUMENT_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield ReadFailure(where, "line too long for one document")
            continue
        if not raw.strip():
            continue
        try:
            line, _ = decode_detected(raw, defaults.encoding or "utf-8")
            record = load_json_line(line)
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                raise ValueError('no "text" field with content')
            published = record.get("published")
            yield make_document(
                where,
                text,
                defaults,
                url=_opt_str(record.get("url")),
                outlet=_opt_str(record.get("outlet")),
                published=parse_published(published, where) if published else None,
                title=_opt_str(record.get("title")),
            )
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
        except ValueError as exc:
            yield ReadFailure(where, str(exc).removeprefix(f"{where}: "))


def _opt_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
