"""Continuous feeds: poll RSS/Atom feeds and folders, ingest what is new, keep events fresh."""

from frontwatch.watch.loop import Watcher, WatchReport

__all__ = ["WatchReport", "Watcher"]
