"""A compact, columnar index of every event for the map, the timeline and the filters.

One request gives the page everything it needs to draw 20,000 events and filter them in the
browser without another round trip: parallel arrays (id, lon, lat, day number, type, ...)
and dictionaries that list-valued columns index into. Built from the store once and kept
until the store's fingerprint changes (an ingest or retry, from any process).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
import time
from datetime import date
from typing import Any

from frontwatch.store import Filters, Store

EPOCH = date(1970, 1, 1)
CHECK_EVERY = 1.0  # seconds between two reads of the store's fingerprint


class _Dict:
    def __init__(self) -> None:
        self.values: list[str] = []
        self.index: dict[str, int] = {}

    def __call__(self, value: str) -> int:
        if value not in self.index:
            self.index[value] = len(self.values)
            self.values.append(value)
        return self.index[value]


def build(store: Store) -> dict[str, Any]:
    facets = {r.id: r for r in store.claim_facets()}
    events_of: dict[str, list[str]] = {}  # claim or document id -> event ids
    names = {k: _Dict() for k in ("type", "sub", "actor", "claimant", "outlet", "side",
                                  "language", "location")}
    cols: dict[str, list[Any]] = {k: [] for k in (
        "id", "lon", "lat", "day", "type", "sub", "sources", "fatalities", "location",
        "actors", "claimants", "outlets", "sides", "languages")}
    for e in store.event_data():
        day = e["event_date"]
        found = [facets[c] for c in e["claims"] if c in facets]
        for ref in {*e["claims"], *(f.document_id for f in found)}:
            events_of.setdefault(ref, []).append(e["event_id"])
        cols["id"].append(e["event_id"])
        cols["lon"].append(e["longitude"])
        cols["lat"].append(e["latitude"])
        cols["day"].append((date.fromisoformat(day) - EPOCH).days if day else None)
        cols["type"].append(names["type"](e["event_type"]))
        cols["sub"].append(names["sub"](e["sub_event_type"]))
        cols["sources"].append(len(e["sources"]))
        cols["fatalities"].append(e["fatalities"])
        cols["location"].append(names["location"](e["location"]) if e["location"] else None)
        actors = {e["actor1"], e["actor2"], *e["assoc_actor_1"], *e["assoc_actor_2"]}
        cols["actors"].append(sorted(names["actor"](a) for a in actors if a))
        cols["claimants"].append(sorted(names["claimant"](c) for c in e["claimants"]))
        cols["outlets"].append(sorted(names["outlet"](s) for s in e["sources"]))
        cols["sides"].append(sorted({names["side"](f.side) for f in found if f.side}))
        cols["languages"].append(sorted({names["language"](f.language)
                                         for f in found if f.language}))
    return {"count": len(cols["id"]), "columns": cols,
            "names": {k: v.values for k, v in names.items()}, "_events_of": events_of}


def encode(index: dict[str, Any]) -> bytes:
    public = {k: v for k, v in index.items() if not k.startswith("_")}
    return json.dumps(public, ensure_ascii=False, separators=(",", ":")).encode()


def subset(index: dict[str, Any], keep: set[str]) -> dict[str, Any]:
    rows = [i for i, e in enumerate(index["columns"]["id"]) if e in keep]
    cols = {k: [v[i] for i in rows] for k, v in index["columns"].items()}
    return {"count": len(rows), "columns": cols, "names": index["names"]}


class MapIndex:
    """The index of one store, rebuilt when the store's fingerprint changes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.lock = threading.Lock()
        self.key: tuple[Any, ...] | None = None
        self.value: dict[str, Any] = {}
        self.encoded = b""
        self.gzipped = b""  # the same, compressed once (gzip per request costs ~1 s at 20k)
        self.etag = ""
        self.checked = 0.0  # when the fingerprint was last read

    def invalidate(self) -> None:
        """This process changed the store: look again on the next request."""
        with self.lock:
            self.checked = 0.0

    def current(self) -> dict[str, Any]:
        """The index; the store's fingerprint is read at most once a second (another process
        ingesting is seen within a second; this one calls `invalidate`)."""
        with self.lock:
            now = time.monotonic()
            if self.key is not None and now - self.checked < CHECK_EVERY:
                return self.value
            key = self.store.fingerprint()
            self.checked = now
            if key != self.key:
                self.value = build(self.store)
                self.encoded, self.key = encode(self.value), key
                self.gzipped = gzip.compress(self.encoded, compresslevel=6)
                self.etag = '"' + hashlib.sha1(repr(key).encode()).hexdigest()[:16] + '"'
            return self.value

    def events_of(self, refs: list[str]) -> list[list[str]]:
        """The events each claim or document takes part in."""
        found = self.current()["_events_of"]
        return [list(found.get(ref, [])) for ref in refs]

    def get(self, filters: Filters | None = None) -> bytes:
        """The index as JSON, of every event or of those matching the store's filters."""
        index = self.current()
        if filters is None or filters == Filters():
            return self.encoded
        keep: set[str] = set()
        after = None
        while True:  # the store's own filters, page by page
            page, more = self.store.events_page(filters, after, 5000)
            keep.update(e.event_id for e in page)
            if not more:
                break
            after = page[-1].event_id
        return encode(subset(index, keep))
