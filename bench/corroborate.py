"""Corroboration benchmark: are reports of one event grouped together, and only them?

Two labelled sets: bench/data/corroboration/reports.jsonl (76 reports of 16 war events in
en/fr/ru/uk, written for Frontwatch, with distractors of the same kind on the same days in
the same regions, syndicated copies and contradictions) and ECB+ in
../shared/data/coreference (982 English news documents, 43 topics, each two events of the
same kind). Scores: pairwise and B-cubed precision, recall and F1 of document clusters, and
the time to cluster.

    python bench/corroborate.py [dev] [ecb]
"""

from __future__ import annotations

import json
import re
import sys
import tarfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from itertools import combinations
from pathlib import Path

from frontwatch.api import build_pipeline
from frontwatch.corroborate import build_events
from frontwatch.corroborate.documents import cluster_documents
from frontwatch.model import Document, content_id
from frontwatch.pipeline import DEFAULT_STAGES
from frontwatch.read import Defaults
from frontwatch.read.core import make_document

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "bench" / "data" / "corroboration" / "reports.jsonl"
ECB = ROOT.parent / "shared" / "data" / "coreference" / "ECBplus_xml.tar.xz"
PASSTHROUGH = ("clean.passthrough.v1", "langid.py3langid.v2", "analyse.rules.v1",
               "resolve.dates.v1", "resolve.actors.v1", "resolve.places.v1",
               "extract.claims.v1")


def dev_documents() -> Iterator[tuple[Document, str]]:
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        doc = make_document(f"dev:{r['id']}", r["text"], Defaults(), outlet=r["outlet"],
                            published=date.fromisoformat(r["published"]), title=r.get("title"))
        yield doc, r["event"]


def ecb_documents() -> Iterator[tuple[Document, str]]:
    with tarfile.open(ECB) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            m = re.search(r"/(\d+)_\d+(ecb|ecbplus)\.xml$", member.name)
            if not m or not member.isfile():
                continue
            root = ET.fromstring(tar.extractfile(member).read())  # type: ignore[union-attr]
            sentences: dict[str, list[str]] = {}
            for tok in root.iter("token"):
                sentences.setdefault(tok.get("sentence", "0"), []).append(tok.text or "")
            text = "\n".join(" ".join(words) for _, words in
                             sorted(sentences.items(), key=lambda kv: int(kv[0])))
            doc = Document(id=content_id(member.name + text), source=member.name,
                           raw_text=text, language="en")
            yield doc, f"{m.group(1)}-{m.group(2)}"


def _pairs(clusters: dict[str, str]) -> set[tuple[str, str]]:
    by: dict[str, list[str]] = {}
    for item, c in clusters.items():
        by.setdefault(c, []).append(item)
    return {tuple(sorted(p)) for members in by.values() for p in combinations(members, 2)}  # type: ignore[misc]


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def scores(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    gp, pp = _pairs(gold), _pairs(pred)
    pair_p = len(gp & pp) / len(pp) if pp else 1.0
    pair_r = len(gp & pp) / len(gp) if gp else 1.0
    pred_members: dict[str, set[str]] = {}
    gold_members: dict[str, set[str]] = {}
    for item in gold:
        pred_members.setdefault(pred[item], set()).add(item)
        gold_members.setdefault(gold[item], set()).add(item)
    b_p = b_r = 0.0
    for item in gold:
        inter = len(pred_members[pred[item]] & gold_members[gold[item]])
        b_p += inter / len(pred_members[pred[item]])
        b_r += inter / len(gold_members[gold[item]])
    b_p, b_r = b_p / len(gold), b_r / len(gold)
    return {
        "pairwise_precision": round(pair_p, 4), "pairwise_recall": round(pair_r, 4),
        "pairwise_f1": round(_f(pair_p, pair_r), 4),
        "bcubed_precision": round(b_p, 4), "bcubed_recall": round(b_r, 4),
        "bcubed_f1": round(_f(b_p, b_r), 4),
    }


def evaluate(name: str) -> dict[str, float]:
    items = list(dev_documents() if name == "dev" else ecb_documents())
    pipeline = build_pipeline(PASSTHROUGH if name == "ecb" else DEFAULT_STAGES)
    docs = [pipeline(doc) for doc, _ in items]
    gold = {doc.id: label for (doc, label) in items}
    started = time.perf_counter()
    events = build_events([d for d in docs if not d.errors], pipeline.resources.gazetteer)
    clusters = cluster_documents(docs, events)
    seconds = time.perf_counter() - started
    pred = {member: str(i) for i, members in enumerate(clusters) for member in members}
    out = scores(pred, gold)
    out.update({"documents": len(docs), "gold_clusters": len(set(gold.values())),
                "clusters": len(clusters), "events": len(events),
                "cluster_seconds": round(seconds, 2)})
    return out


def scale(n: int = 10_000) -> dict[str, float]:
    """Time to group `n` claims: the dev set's claims, copied onto other days and towns."""
    import dataclasses
    import random
    from datetime import timedelta

    from frontwatch.api import default_resources

    items = list(dev_documents())
    pipeline = build_pipeline(DEFAULT_STAGES)
    docs = [pipeline(doc) for doc, _ in items]
    base = [c for d in docs for c in d.claims]
    gaz = default_resources().gazetteer
    towns = [p for name in ("Kharkiv", "Kherson", "Bakhmut", "Izium", "Kupiansk", "Lyman",
                            "Sloviansk", "Kramatorsk", "Mykolaiv", "Zaporizhzhia", "Melitopol",
                            "Avdiivka", "Siversk", "Soledar", "Vuhledar", "Marinka")
             for p in gaz.lookup(name)[:1]]
    rng = random.Random(7)
    claims = []
    for k in range(n):
        c = base[k % len(base)]
        shift = timedelta(days=rng.randrange(120))
        d = dataclasses.replace(c.date, start=c.date.start + shift if c.date.start else None,
                                end=c.date.end + shift if c.date.end else None)
        loc = c.location
        if loc is not None and loc.place is not None and loc.place.feature == "PPL":
            loc = dataclasses.replace(loc, place=rng.choice(towns))
        claims.append(dataclasses.replace(c, id=f"{c.id}-x{k}", date=d, location=loc))
    holder = Document(id="scale", source="scale", raw_text="")
    holder.claims = claims
    started = time.perf_counter()
    events = build_events([holder], gaz)
    return {"claims": n, "events": len(events),
            "seconds": round(time.perf_counter() - started, 2)}


def score() -> dict[str, float]:
    out: dict[str, float] = {}
    for name, path in (("dev", DEV), ("ecb", ECB)):
        if path.exists():
            out.update({f"{name}_{k}": v for k, v in evaluate(name).items()})
    return out


def main() -> int:
    names = sys.argv[1:] or ["dev", "ecb", "scale"]
    for name in names:
        if name == "scale":
            print("scale\t" + "\t".join(f"{k}={v}" for k, v in scale().items()))
            continue
        path = DEV if name == "dev" else ECB
        if not path.exists():
            print(f"{name}: missing {path}", file=sys.stderr)
            continue
        print(name + "\t" + "\t".join(f"{k}={v}" for k, v in evaluate(name).items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
