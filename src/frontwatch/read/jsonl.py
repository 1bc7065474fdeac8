"""JSON Lines: one document per line, `{"url", "outlet", "published", "title", "text"}`.

Only `text` is required. A line's own fields win over the command-line defaults, since the
line is closer to the evidence. A bad line is a failure named `file:LINE`; the rest of the
file is still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from frontwatch.model import Document
from frontwatch.read.core import (
    Defaults,
    ReadFailure,
    decode,
    load_json_line,
    make_document,
    parse_published,
    reader,
)


@reader("jsonl")
def read_jsonl(source: str, data: bytes, defaults: Defaults) -> Iterator[Document | ReadFailure]:
    try:
        content = decode(source, data, defaults.encoding)
    except ValueError as exc:
        yield ReadFailure(source, str(exc))
        return
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
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
