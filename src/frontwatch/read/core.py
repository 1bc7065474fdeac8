"""Input discovery, sniffing and decoding shared by all readers.

A reader gets the input's name, a binary stream (already un-gzipped) and the defaults; it
yields Documents and ReadFailures. Streams are read incrementally where the format allows
(WARC records, JSON Lines), so a large crawl is read in bounded memory; one-document
formats (text, HTML) are read up to `MAX_DOCUMENT_BYTES` and refused beyond it.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from frontwatch.model import Document, content_id

SNIFF_BYTES = 8192
MAX_DOCUMENT_BYTES = 20_000_000  # a news article is well under this; a larger input is a dump
EXTENSIONS = {
    ".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml", ".warc", ".rss",
    ".atom", ".xml", ".gz",
}
# How sure charset-normalizer must be before a non-UTF-8 file is decoded without asking.
MAX_CHAOS = 0.2
MIN_FIT = 0.9
OUR_LETTERS = frozenset(
    "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»’‘“”–—…€№°"
    + "".join(chr(c) for c in range(0x0410, 0x0450)) + "ёЁіІїЇєЄґҐ\u00a0"
)
PREFERRED_ENCODINGS = (
    "cp1251", "cp1252", "latin_1", "iso8859_15", "koi8_r", "koi8_u", "cp1250", "iso8859_5",
    "mac_cyrillic", "cp866",
)


@dataclass(frozen=True)
class Defaults:
    """Metadata the user gave on the command line: a fallback, never an override.

    `encoding` None means UTF-8, and for input that is not valid UTF-8, detection.
    """

    published: date | None = None
    outlet: str | None = None
    encoding: str | None = None
    home: str | None = None  # the outlet's home region ("US-TX"): see resolve.outlet_prior


@dataclass(frozen=True)
class ReadFailure:
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


Reader = Callable[[str, BinaryIO, Defaults], Iterator["Document | ReadFailure"]]
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


def read_limited(stream: BinaryIO, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise ValueError(
            f"larger than {limit // 1_000_000} MB, too large for one document; split it"
        )
    return data


def decode_detected(data: bytes, encoding: str | None) -> tuple[str, str | None]:
    """Decode `data`; return the text and, when the encoding was guessed, how it was."""
    if b"\x00" in data[:SNIFF_BYTES]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return data.decode(encoding or "utf-8").lstrip("\ufeff"), None
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        where = f"byte 0x{bad} at offset {exc.start}"
        if encoding:  # asked for explicitly: never second-guess the user
            raise ValueError(
                f"not valid {encoding} ({where}); convert the file or pass another --encoding"
            ) from None
    from charset_normalizer import from_bytes

    best = _best_match(from_bytes(data[:1_000_000]))
    if best is None or best.encoding in {"utf_8", "ascii"}:
        raise ValueError(
            f"not valid utf-8 ({where}) and its encoding could not be detected; "
            "convert the file or pass --encoding"
        )
    try:
        text = data.decode(best.encoding)
    except UnicodeDecodeError:
        raise ValueError(
            f"not valid utf-8 ({where}); detected {best.encoding} does not decode it either"
        ) from None
    confidence = 1.0 - best.chaos
    return text.lstrip("\ufeff"), f"detected {best.encoding} (confidence {confidence:.2f})"


def _best_match(results: Any) -> Any:
    """charset-normalizer's plausible guesses, ranked by how much of the non-ASCII text falls
    in the alphabets of French, English, Russian and Ukrainian (short cp1251 text also reads
    as cp1125; latin-1 French also as cp1257), then by its own chaos score."""
    matches = [m for m in results if m.chaos <= MAX_CHAOS]
    if not matches:
        return None

    def fit(match: Any) -> float:
        high = [c for c in str(match) if ord(c) > 127]
        return sum(c in OUR_LETTERS for c in high) / len(high) if high else 1.0

    order = {name: i for i, name in enumerate(PREFERRED_ENCODINGS)}
    best = min(matches, key=lambda m: (-round(fit(m), 2), m.chaos, order.get(m.encoding, 99)))
    return best if fit(best) >= MIN_FIT else None  # unsure: better an error than mojibake


def decode(source: str, data: bytes, encoding: str | None) -> str:
    return decode_detected(data, encoding)[0]


def make_document(
    source: str,
    text: str,
    defaults: Defaults,
    *,
    url: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    title: str | None = None,
    origin: str = "input",
    provenance: dict[str, str] | None = None,
) -> Document:
    """A Document whose metadata comes from the input when it has it, else the options.

    `provenance` names where each input value came from (json-ld, html-meta, warc...);
    values not named there are credited to `origin`.
    """
    from frontwatch.read.outlets import describe

    given = provenance or {}
    doc = Document(id=content_id(text), source=source, raw_text=text, url=url, title=title)
    info = describe(url, outlet)
    if url:
        doc.provenance["url"] = given.get("url", origin)
    if info:
        doc.outlet_info = info
        doc.outlet = info.get("name") or outlet or info.get("domain")
        doc.provenance["outlet"] = (
            "outlets.toml (url domain)" if info.get("name")
            else given.get("outlet", origin) if outlet else "url domain"
        )
    else:
        doc.outlet = outlet or defaults.outlet
        doc.provenance["outlet"] = (
            given.get("outlet", origin) if outlet else ("option" if defaults.outlet else "none")
        )
    doc.published = published or defaults.published
    doc.provenance["published"] = (
        given.get("published", origin)
        if published
        else ("option" if defaults.published else "none")
    )
    if title:
        doc.provenance["title"] = given.get("title", origin)
    if defaults.home:
        doc.home = {"region": defaults.home, "source": "option"}
    return doc


def sniff(name: str, head: bytes) -> str:
    """The reader for an input, from its first bytes, then its name."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = stripped[:2048].lower()
    if stripped.startswith(b"WARC/"):
        return "warc"
    if lower.startswith(b"<?xml") or lower.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        if any(tag in lower for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "feed"
        return "html" if b"<html" in lower else "text"
    if lower.startswith((b"<!doctype html", b"<html", b"<!--", b"<head", b"<body")):
        return "html"
    bare = name.removesuffix(".gz").lower()
    if bare.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if stripped.startswith(b"{") and b'"text"' in head:
        return "jsonl"
    if bare.endswith((".html", ".htm", ".xhtml")) and b"<" in lower:
        return "html"
    return "text"


def _iter_files(path: Path) -> Iterator[Path]:
    # Sorted so that the same folder always yields the same order, hence the same output.
    for child in sorted(path.rglob("*")):
        if child.is_file() and child.suffix.lower() in EXTENSIONS:
            yield child


def _head(raw: BinaryIO) -> tuple[bytes, bool]:
    """The first bytes of the input, un-gzipped if need be, and whether it is gzipped."""
    start = raw.read(SNIFF_BYTES * 8)
    raw.seek(0)
    if not start.startswith(b"\x1f\x8b"):
        return start[:SNIFF_BYTES], False
    try:
        return zlib.decompressobj(31).decompress(start, SNIFF_BYTES), True
    except zlib.error as exc:
        raise EOFError(str(exc)) from None


def _read_stream(
    source: str, raw: BinaryIO, defaults: Defaults
) -> Iterator[Document | ReadFailure]:
    # Importing here registers the built-in readers without an import cycle.
    from frontwatch.read import feed, html, jsonl, text, warc  # noqa: F401

    try:
        head, gzipped = _head(raw)
        if not head.strip():
            yield ReadFailure(source, "empty input, nothing to read")
            return
        kind = sniff(source, head)
        # warcio un-gzips record by record, so a bad record stays local; others stream
        # through GzipFile, which also reads multi-member files.
        stream = raw if kind == "warc" or not gzipped else gzip.GzipFile(fileobj=raw)
        yield from _READERS[kind](source, stream, defaults)  # type: ignore[arg-type]
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        yield ReadFailure(source, f"broken gzip data ({exc or 'truncated'})")
    except MemoryError:
        yield ReadFailure(source, "too large to read in memory")


def read_paths(paths: list[str], defaults: Defaults) -> Iterator[Document | ReadFailure]:
    """Yield a Document or a ReadFailure for every input, lazily and in a stable order."""
    for raw in paths:
        if raw == "-":
            yield from _read_stream("<stdin>", io.BytesIO(sys.stdin.buffer.read()), defaults)
            continue
        path = Path(raw)
        if path.is_dir():
            files = list(_iter_files(path))
            if not files:
                yield ReadFailure(raw, "folder holds no .txt, .jsonl, .html, .warc or feed files")
            for file in files:
                yield from _read_file(file, defaults)
        else:
            yield from _read_file(path, defaults)


def _read_file(path: Path, defaults: Defaults) -> Iterator[Document | ReadFailure]:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        yield ReadFailure(str(path), "no such file or folder")
        return
    except OSError as exc:
        yield ReadFailure(str(path), f"cannot be read ({exc.strerror or exc})")
        return
    with handle:
        try:
            yield from _read_stream(str(path), handle, defaults)  # type: ignore[arg-type]
        except OSError as exc:
            yield ReadFailure(str(path), f"cannot be read ({exc.strerror or exc})")


def load_json_line(line: str) -> dict[str, object]:
    value = json.loads(line)
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object, got {type(value).__name__}")
    return value
