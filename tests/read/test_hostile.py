"""Hostile input: each gets a clear ReadFailure naming it (or is read), never a crash, and
memory stays bounded."""

from __future__ import annotations

import gzip
import time
import tracemalloc
from pathlib import Path

from frontwatch import api
from frontwatch.read import Defaults, ReadFailure, read_paths

GOOD = "Kyiv news\n\nUkrainian forces said on Monday they had retaken a village.\n"


def _read(*paths: Path) -> list[object]:
    return list(read_paths([str(p) for p in paths], Defaults()))


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress((GOOD * 2000).encode())
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    (failure,) = _read(tmp_path / "cut.txt.gz")
    assert isinstance(failure, ReadFailure) and "cut.txt.gz" in str(failure)
    assert "gzip" in failure.message


def test_fifty_megabyte_single_line_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        for _ in range(50):
            out.write(b"word " * 200_000)
    tracemalloc.start()
    try:
        (failure,) = _read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(failure, ReadFailure) and "too large" in failure.message
    assert peak < 60_000_000, peak


def test_fifty_megabyte_jsonl_line_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("wb") as out:
        out.write(b'{"text": "' + b"a" * 50_000_000 + b'"}\n')
        out.write(b'{"text": "Second line, read normally."}\n')
    items = _read(path)
    assert isinstance(items[0], ReadFailure) and items[0].source.endswith("big.jsonl:1")
    assert not isinstance(items[1], ReadFailure)


def test_html_nested_ten_thousand_levels(tmp_path: Path) -> None:
    page = "<html><body>" + "<div>" * 10_000 + "<p>" + "Deep text here. " * 30 + "</p>"
    page += "</div>" * 10_000 + "</body></html>"
    (tmp_path / "deep.html").write_text(page)
    started = time.perf_counter()
    (item,) = _read(tmp_path / "deep.html")
    assert time.perf_counter() - started < 30
    # lxml caps the depth; either the text is read or the page is refused by name.
    assert (isinstance(item, ReadFailure) and "deep.html" in str(item)) or "Deep" in item.raw_text


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<rss version="2.0"><channel><title>x</title><item><title>Bomb</title>
<description>&lol9;</description></item></channel></rss>"""


def test_billion_laughs_feed(tmp_path: Path) -> None:
    (tmp_path / "bomb.rss").write_text(BOMB)
    tracemalloc.start()
    try:
        items = _read(tmp_path / "bomb.rss")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100_000_000, peak
    for item in items:
        text = item.message if isinstance(item, ReadFailure) else item.raw_text
        assert "lollollol" not in text  # the entities were never expanded


def test_nothing_stops_the_batch(tmp_path: Path) -> None:
    data = gzip.compress(GOOD.encode())
    (tmp_path / "a-cut.txt.gz").write_bytes(data[:20])
    (tmp_path / "b-bomb.rss").write_text(BOMB)
    (tmp_path / "c-good.txt").write_text(GOOD)
    result = api.extract([str(tmp_path)])
    assert any(d.source.endswith("c-good.txt") and not d.errors for d in result.documents)
    assert any(f.source.endswith("a-cut.txt.gz") for f in result.failures)
