"""Input discovery and decoding shared by all readers."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from frontwatch.model import Document, content_id

SNIFF_BYTES = 8192


@dataclass(frozen=True)
class Defaults:
    """Metadata the user gave on the command line: a fallback, never an override."""

    published: date | None = None
    outlet: str | None = None
    encoding: str = "utf-8"


@dataclass(frozen=True)
class ReadFailure:
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


Reader = Callable[[str, bytes, Defaults], Iterator["Document | ReadFailure"]]
_READERS: dict[str, Reader] = {}


def reader(kind: str) -> Callable[[Reader], Reader]:
    def wrap(fn: Reader) -> Reader:
        _READERS[kind] = fn
        return fn

    return wrap


def parse_published(value: object, source: str) -> date:
    """Accept YYYY-MM-DD or an ISO timestamp; anything else is an error naming the input."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"{source}: published {text!r} is not a date (want YYYY-MM-DD)") from None


def decode(source: str, data: bytes, encoding: str) -> str:
    if b"\x00" in data[:SNIFF_BYTES]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise ValueError(
            f"not valid {encoding} (byte 0x{bad} at offset {exc.start}); "
            "convert the file or pass --encoding"
        ) from None
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r}") from None
    return text.lstrip("\ufeff")


def make_document(
    source: str,
    text: str,
    defaults: Defaults,
    *,
    url: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    title: str | None = None,
) -> Document:
    doc = Document(id=content_id(text), source=source, raw_text=text, url=url, title=title)
    doc.outlet = outlet or defaults.outlet
    doc.provenance["outlet"] = "input" if outlet else ("option" if defaults.outlet else "none")
    doc.published = published or defaults.published
    doc.provenance["published"] = (
        "input" if published else ("option" if defaults.published else "none")
    )
    if title:
        doc.provenance["title"] = "input"
    return doc


def _kind(path: str, head: bytes) -> str:
    if path.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    stripped = head.lstrip()
    if stripped.startswith(b"{") and b'"text"' in head:
        return "jsonl"
    return "text"


def _iter_files(path: Path) -> Iterator[Path]:
    # Sorted so that the same folder always yields the same order, hence the same output.
    for child in sorted(path.rglob("*")):
        if child.is_file() and child.suffix.lower() in {".txt", ".jsonl", ".ndjson", ".text"}:
            yield child


def _read_one(source: str, data: bytes, defaults: Defaults) -> Iterator[Document | ReadFailure]:
    # Importing here registers the built-in readers without an import cycle.
    from frontwatch.read import jsonl, text  # noqa: F401

    if not data.strip():
        yield ReadFailure(source, "empty input, nothing to read")
        return
    yield from _READERS[_kind(source, data[:SNIFF_BYTES])](source, data, defaults)


def read_paths(paths: list[str], defaults: Defaults) -> Iterator[Document | ReadFailure]:
    """Yield a Document or a ReadFailure for every input, in a stable order."""
    for raw in paths:
        if raw == "-":
            yield from _read_one("<stdin>", sys.stdin.buffer.read(), defaults)
            continue
        path = Path(raw)
        if path.is_dir():
            files = list(_iter_files(path))
            if not files:
                yield ReadFailure(raw, "folder holds no .txt or .jsonl files")
            for file in files:
                yield from _read_file(file, defaults)
        else:
            yield from _read_file(path, defaults)


def _read_file(path: Path, defaults: Defaults) -> Iterator[Document | ReadFailure]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        yield ReadFailure(str(path), "no such file or folder")
        return
    except OSError as exc:
        yield ReadFailure(str(path), f"cannot be read ({exc.strerror or exc})")
        return
    yield from _read_one(str(path), data, defaults)


def load_json_line(line: str) -> dict[str, object]:
    value = json.loads(line)
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object, got {type(value).__name__}")
    return value
