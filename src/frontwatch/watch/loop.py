"""The `frontwatch watch` service: poll every due source, ingest what is new, rebuild events.

Per-source state (validators, failures in a row, next poll) lives in the store's `feeds`
table, so a restarted service resumes where it stopped. A failing source backs off
exponentially (interval x 2^failures, capped) without holding up the others. `stop()`
(wired to SIGTERM and SIGINT by the CLI) lets the document in hand finish and commit, then
the loop returns.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from frontwatch.model import Document
from frontwatch.pipeline import Pipeline
from frontwatch.read import Defaults, ReadFailure
from frontwatch.store import Store, rebuild_events
from frontwatch.store.feeds import FeedState, load_feed, save_feed
from frontwatch.watch.sources import FolderSource, Poll, poll_feed

MAX_BACKOFF = 3600.0  # seconds

Log = Callable[[str], None]


@dataclass
class WatchReport:
    polls: int = 0
    counts: Counter[str] = field(default_factory=Counter)  # stored, failed, skipped, ...
    errors: Counter[str] = field(default_factory=Counter)  # per source


class Watcher:
    def __init__(self, store: Store, sources: list[str], pipeline: Pipeline,
                 defaults: Defaults | None = None, interval: float = 300.0,
                 log: Log | None = None) -> None:
        self.store, self.pipeline, self.interval = store, pipeline, interval
        self.defaults = defaults or Defaults()
        self.sources = sources
        self.folders = {s: FolderSource(s) for s in sources if "://" not in s}
        self.log = log or (lambda message: None)
        self.stopping = threading.Event()
        self.known = store.document_ids()

    def stop(self) -> None:
        self.stopping.set()

    def run(self, max_polls: int | None = None) -> WatchReport:
        """Poll rounds until stopped, or `max_polls` rounds (`None`: forever)."""
        report = WatchReport()
        while not self.stopping.is_set() and (max_polls is None or report.polls < max_polls):
            self.poll_once(report)
            report.polls += 1
            if max_polls is not None and report.polls >= max_polls:
                break
            self.stopping.wait(self._sleep())
        return report

    def _sleep(self) -> float:
        now = datetime.now(UTC)
        due = [load_feed(self.store, s).next_poll for s in self.sources]
        waits = [(d - now).total_seconds() for d in due if d is not None]
        return max(0.05, min(waits, default=self.interval))

    def poll_once(self, report: WatchReport) -> None:
        new = 0
        for source in self.sources:
            if self.stopping.is_set():
                break
            state = load_feed(self.store, source)
            now = datetime.now(UTC)
            if not state.due(now):
                continue
            try:
                poll = self._poll(source, state)
            except Exception as exc:  # a bad source must not stop the others
                self._failed(state, now, exc, report)
                continue
            stored = self._ingest(poll.documents, report)
            new += stored
            if self.stopping.is_set():
                break  # validators kept: the next run fetches this source again
            state.etag, state.last_modified = poll.etag, poll.last_modified
            state.failures, state.last_polled = 0, now
            state.next_poll = now + timedelta(seconds=self.interval)
            save_feed(self.store, state)
            self.log(f"{source}: " + ("not modified" if poll.not_modified
                                      else f"{len(poll.documents)} entries, {stored} new"))
        if new:
            events = rebuild_events(self.store, self.pipeline)
            self.log(f"events rebuilt: {events}")

    def _poll(self, source: str, state: FeedState) -> Poll:
        if source in self.folders:
            return self.folders[source].poll(self.defaults)
        return poll_feed(source, state.etag, state.last_modified, self.defaults)

    def _failed(self, state: FeedState, now: datetime, exc: Exception,
                report: WatchReport) -> None:
        state.failures += 1
        state.last_polled = now
        delay = min(self.interval * 2 ** state.failures, MAX_BACKOFF)
        state.next_poll = now + timedelta(seconds=delay)
        save_feed(self.store, state)
        report.errors[state.url] += 1
        self.log(f"{state.url}: {type(exc).__name__}: {exc}; failure {state.failures} in a "
                 f"row, next try in {delay:.0f} s")

    def _ingest(self, items: list[Document | ReadFailure], report: WatchReport) -> int:
        stored = 0
        for item in items:
            if self.stopping.is_set():  # SIGTERM: what is committed stays, the rest waits
                break
            if isinstance(item, ReadFailure):
                self.store.record_failure(item)
                report.counts["unreadable"] += 1
            elif item.id in self.known:
                report.counts["skipped"] += 1
            else:
                doc = self.pipeline(item)
                self.store.save_document(doc)
                self.known.add(doc.id)
                report.counts["failed" if doc.errors else "stored"] += 1
                stored += 1
        return stored
