"""`frontwatch watch` against feeds served from 127.0.0.1: conditional GET (304 on a matching
ETag), no re-ingest on a second poll, a failing feed backs off without stopping the others,
and SIGTERM ends the service with exit code 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from xml.sax.saxutils import escape

import pytest

from frontwatch import api
from frontwatch.store import Store
from frontwatch.store.feeds import load_feed
from frontwatch.watch import Watcher
from frontwatch.watch.sources import html_text

ENTRIES = [
    ("Lyman", "<p>Les forces ukrainiennes sont entrées dans Lyman le 1er octobre 2022, a "
              "annoncé l'état-major ukrainien.</p><script>var x;</script>"),
    ("Kherson", "<p>Russian forces shelled Kherson on November 20, 2022, Ukrainian officials "
                "said, killing 3 people.</p>"),
]


def rss(entries: list[tuple[str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>https://example.org/{t}</link>"
        f"<guid>{t}</guid><pubDate>{format_datetime(datetime(2022, 11, 21, tzinfo=UTC))}"
        f"</pubDate><description>{escape(body)}</description></item>"
        for t, body in entries)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}'
            "</channel></rss>").encode()


class Feeds(BaseHTTPRequestHandler):
    log: ClassVar[list[tuple[str, int]]] = []

    def do_GET(self) -> None:
        if self.path == "/broken.xml":
            return self._send(500, b"down")
        body = rss(ENTRIES)
        etag = f'"{len(body)}"'
        if self.headers.get("If-None-Match") == etag:
            return self._send(304, b"")
        self._send(200, body, {"ETag": etag, "Content-Type": "application/rss+xml"})

    def _send(self, code: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        Feeds.log.append((self.path, code))
        self.send_response(code)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Feeds)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    Feeds.log = []
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_html_text() -> None:
    assert html_text("<p>a <b>b</b></p><p>c&amp;d</p><script>x</script>") == "a b\n\nc&d"


def test_poll_ingest_304_and_backoff(server: str, tmp_path: Path) -> None:
    good, bad = f"{server}/feed.xml", f"{server}/broken.xml"
    with Store.open(str(tmp_path / "w.db")) as store:
        watcher = Watcher(store, [bad, good], api.build_pipeline(), interval=0.05)
        first = watcher.run(max_polls=1)
        assert first.counts["stored"] == 2 and first.errors[bad] == 1
        assert store.events()
        state = load_feed(store, good)
        assert state.etag and state.failures == 0
        assert load_feed(store, bad).failures == 1

        time.sleep(0.15)  # due again (good: interval; bad: 0.05 * 2**1 = 0.1 s back-off)
        second = watcher.run(max_polls=1)
        assert second.counts["stored"] == 0
        assert ("/feed.xml", 304) in Feeds.log
        assert load_feed(store, bad).failures == 2
        # a third round right away: the bad feed is backing off (0.2 s), not polled
        polled = len([p for p, _ in Feeds.log if p == "/broken.xml"])
        watcher.run(max_polls=1)
        assert len([p for p, _ in Feeds.log if p == "/broken.xml"]) == polled
        docs = store.stats()["documents by outlet"]
        assert docs == {"Wire": 2}


def test_a_folder_source(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Des combats ont eu lieu à Lyman le 1er octobre 2022.\n")
    with Store.open(str(tmp_path / "f.db")) as store:
        watcher = Watcher(store, [str(inbox)], api.build_pipeline(), interval=0.05)
        assert watcher.run(max_polls=1).counts["stored"] == 1
        (inbox / "b.txt").write_text("Des combats ont eu lieu à Kherson le 2 octobre 2022.\n")
        time.sleep(0.06)
        again = watcher.run(max_polls=1)
        assert again.counts["stored"] == 1 and again.counts["skipped"] == 0


def test_sigterm_exits_cleanly(server: str, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", "from frontwatch.cli import main; main()", "watch",
         f"{server}/feed.xml", "--db", str(db), "--interval", "0.2", "--max-polls", "500"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while not any(code == 304 for _, code in Feeds.log):
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGTERM)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, out.decode()
    with Store.open(str(db)) as store:
        assert store.stats()["documents by status"] == {"ok": 2}
