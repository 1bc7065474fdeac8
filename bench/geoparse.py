"""Geoparsing benchmark: recognition recall and resolution accuracy on gold toponyms.

General English news from ../shared/data/geoparsing (GeoWebNews, LGL, GeoVirus; see its
README) and the war set in bench/data/war_toponyms.jsonl (uk/ru/en/fr, written for
Frontwatch). Scores follow Gritta et al.: over the gold toponyms the system also found
(its mention overlaps the gold span), accuracy within 161 km and 20 km, median error in
km; recall of gold toponyms; exact GeoNames match where the gold has an id.

    python bench/geoparse.py [--limit N] [SET ...]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from frontwatch.api import build_pipeline
from frontwatch.model import Document, content_id
from frontwatch.resolve.outlet_prior import localise

ROOT = Path(__file__).resolve().parents[1]
GEO = ROOT.parent / "shared" / "data" / "geoparsing"
WAR = ROOT / "bench" / "data" / "war_toponyms.jsonl"
STAGES = ("clean.passthrough.v1", "langid.py3langid.v1", "analyse.rules.v1",
          "resolve.dates.v1", "resolve.actors.v1", "resolve.places.v1")


@dataclass
class Gold:
    start: int
    end: int
    lat: float
    lon: float
    geonames_id: int | None


@dataclass
class Article:
    text: str
    gold: list[Gold]
    language: str | None = None
    published: date | None = None
    url: str | None = None  # the documents of one domain are one outlet (outlet_prior)


def _float(node: ET.Element | None) -> float | None:
    try:
        return float(node.text) if node is not None and node.text else None
    except ValueError:
        return None


def lgl() -> Iterator[Article]:
    for art in ET.parse(GEO / "LGL.xml").getroot():
        gold = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            if tag is None:
                continue
            lat, lon = _float(tag.find("lat")), _float(tag.find("lon"))
            if lat is None or lon is None:
                continue
            gid = tag.get("geonameid")
            gold.append(Gold(int(t.findtext("start")), int(t.findtext("end")), lat, lon,
                             int(gid) if gid else None))
        yield Article(art.findtext("text") or "", gold, "en", url=_url(art, "url", "domain"))


def _url(art: ET.Element, *fields: str) -> str | None:
    return next((v for f in fields if (v := (art.findtext(f) or "").strip())), None)


def geowebnews() -> Iterator[Article]:
    for art in ET.parse(GEO / "GeoWebNews.xml").getroot():
        gold = []
        for t in art.iter("toponym"):
            lat, lon = _float(t.find("latitude")), _float(t.find("longitude"))
            if lat is None or lon is None or t.findtext("nonLocational") == "Yes":
                continue
            gid = (t.findtext("geonamesID") or "").strip()
            gold.append(Gold(int(t.findtext("start")), int(t.findtext("end")), lat, lon,
                             int(gid) if gid.isdigit() else None))
        yield Article(art.findtext("text") or "", gold, "en", url=_url(art, "link"))


def geovirus() -> Iterator[Article]:
    for art in ET.parse(GEO / "GeoVirus.xml").getroot():
        gold = []
        for loc in art.iter("location"):
            lat, lon = _float(loc.find("lat")), _float(loc.find("lon"))
            if lat is None or lon is None:
                continue
            gold.append(Gold(int(loc.findtext("start")), int(loc.findtext("end")), lat, lon,
                             None))
        yield Article(art.findtext("text") or "", gold, "en", url=_url(art, "source"))


def war() -> Iterator[Article]:
    for line in WAR.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        gold = [Gold(t["start"], t["end"], t["latitude"], t["longitude"], t["geonames_id"])
                for t in rec["toponyms"]]
        yield Article(rec["text"], gold, rec["lang"], date.fromisoformat(rec["published"]))


SETS = {"war": war, "GeoWebNews": geowebnews, "LGL": lgl, "GeoVirus": geovirus}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def evaluate(name: str, limit: int | None = None) -> dict[str, float]:
    pipeline = build_pipeline(STAGES)
    errors: list[float] = []
    exact = exact_total = gold_total = found_total = 0
    started = time.perf_counter()
    batch: list[tuple[Article, Document]] = []
    for i, art in enumerate(SETS[name]()):
        if limit is not None and i >= limit:
            break
        doc = Document(id=content_id(art.text), source=f"{name}:{i}", raw_text=art.text,
                       url=art.url, language=art.language, published=art.published)
        batch.append((art, pipeline(doc)))
    # The batch path of `frontwatch places`: each outlet's home learned from its documents.
    localise([doc for _, doc in batch], pipeline)
    articles = len(batch)
    for art, doc in batch:
        found = [m for m in doc.places if m.place is not None and m.relation != "anaphora"]
        found_total += len(found)
        for g in art.gold:
            gold_total += 1
            hit = next((m for m in found if m.start < g.end and g.start < m.end), None)
            if hit is None or hit.place is None:
                continue
            errors.append(_km(hit.place.latitude, hit.place.longitude, g.lat, g.lon))
            if g.geonames_id is not None:
                exact_total += 1
                exact += hit.place.geonames_id == g.geonames_id
    n = max(1, len(errors))
    return {
        "articles": articles,
        "gold_toponyms": gold_total,
        "recall": round(len(errors) / max(1, gold_total), 4),
        "acc_161km": round(sum(e <= 161 for e in errors) / n, 4),
        "acc_20km": round(sum(e <= 20 for e in errors) / n, 4),
        "median_km": round(statistics.median(errors), 1) if errors else float("nan"),
        "exact_geonames": round(exact / max(1, exact_total), 4),
        "exact_scored": exact_total,
        "system_mentions": found_total,
        "seconds": round(time.perf_counter() - started, 1),
    }


def score() -> dict[str, float]:
    """The figures bench/baseline.json pins: recall and accuracy per set, as `SET_figure`."""
    out: dict[str, float] = {}
    for name in SETS:
        if not (WAR if name == "war" else GEO).exists():
            continue
        for key, value in evaluate(name).items():
            out[f"{name}_{key}"] = value
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=list(SETS))
    parser.add_argument("--limit", type=int, help="articles per set (for a quick look)")
    args = parser.parse_args()
    for name in args.sets:
        source = WAR if name == "war" else GEO
        if not source.exists():
            print(f"{name}: missing {source}", file=sys.stderr)
            continue
        figures = evaluate(name, args.limit)
        print(name + "\t" + "\t".join(f"{k}={v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
