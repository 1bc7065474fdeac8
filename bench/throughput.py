"""Throughput: documents per second per core and peak memory of the full pipeline, on one
process, a local pool, and Ray; and, on the same corpus, the cost of the chain a user would
otherwise run (trafilatura + spaCy fr_core_news_sm + Frontwatch's geoparser).

    python bench/throughput.py [--n 5000] [--workers 2] [--ray] [--chain-sample 300]

The corpus is generated (tests/store/reports.py `article`: en/fr/ru/uk, a few paragraphs,
clutter lines). Pipeline rates exclude start-up (models, gazetteer, Ray). The chain is run
on the first --chain-sample documents and extrapolated; its tools are optional
(pip install -e '.[bench]'), and a missing one is reported, not faked.
"""

from __future__ import annotations

import argparse
import html
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "store"))

from reports import write_corpus  # noqa: E402

from frontwatch import api  # noqa: E402
from frontwatch.corroborate import build_events  # noqa: E402
from frontwatch.engine.local import pipe  # noqa: E402
from frontwatch.read import Defaults, ReadFailure, read_paths  # noqa: E402


def peak_mib() -> float:
    """Peak resident memory of this process and of its finished children (MiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def run_local(corpus: str, workers: int) -> tuple[float, int, int]:
    started = time.perf_counter()
    docs = [d for d in pipe(read_paths([corpus], Defaults()), workers=workers)
            if not isinstance(d, ReadFailure)]
    seconds = time.perf_counter() - started
    events = build_events([d for d in docs if not d.errors], api.default_resources().gazetteer)
    return seconds, len(docs), len(events)


def run_ray(corpus: str, workers: int) -> float:
    from frontwatch.engine import ray as fr

    fr.init(num_cpus=workers)
    # Ray's own start is outside the timing; the actors' (one dataset per window of
    # documents, each actor building the pipeline once) is inside it.
    items = list(read_paths([corpus], Defaults()))
    started = time.perf_counter()
    out = list(fr.pipe(items, workers=workers))
    seconds = time.perf_counter() - started
    assert len(out) == len(items)
    return seconds


def chain(corpus: str, sample: int) -> dict[str, float | str]:
    """Seconds per document for each tool of the usual chain, on `sample` documents."""
    items = [d for d in read_paths([corpus], Defaults()) if not isinstance(d, ReadFailure)]
    items = items[:sample]
    pages = ["<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in d.raw_text.split("\n")
                                      if p.strip()) + "</body></html>" for d in items]
    out: dict[str, float | str] = {}
    try:
        import trafilatura

        started = time.perf_counter()
        for page in pages:
            trafilatura.extract(page)
        out["trafilatura"] = (time.perf_counter() - started) / len(pages)
    except ImportError as exc:
        out["trafilatura"] = f"not installed ({exc.name})"
    try:
        import spacy

        nlp = spacy.load("fr_core_news_sm")
        started = time.perf_counter()
        for d in items:
            nlp(d.raw_text)
        out["spacy fr_core_news_sm"] = (time.perf_counter() - started) / len(items)
    except (ImportError, OSError) as exc:
        out["spacy fr_core_news_sm"] = f"not installed ({exc})"
    places = api.build_pipeline(api.PLACE_STAGES)
    started = time.perf_counter()
    for d in items:
        places(d)
    out["frontwatch geoparser (places)"] = (time.perf_counter() - started) / len(items)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--ray", action="store_true", help="also time Ray, 1 and N actors")
    parser.add_argument("--chain-sample", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = str(write_corpus(Path(tmp) / "corpus.jsonl", args.n))
        size = Path(corpus).stat().st_size
        print(f"corpus\t{args.n} documents, {size / args.n / 1024:.1f} KiB each (en/fr/ru/uk)")
        started = time.perf_counter()
        api.default_resources()
        print(f"start-up\t{time.perf_counter() - started:.1f} s (packs and gazetteer, once)")
        seconds, docs, events = run_local(corpus, 1)
        print(f"1 process\t{docs / seconds:.1f} docs/s per core\t{docs} documents, "
              f"{events} events\tpeak {peak_mib():.0f} MiB")
        seconds, docs, _ = run_local(corpus, args.workers)
        print(f"pool of {args.workers}\t{docs / seconds:.1f} docs/s\t"
              f"{docs / seconds / args.workers:.1f} docs/s per core\t"
              f"peak per worker {peak_mib():.0f} MiB")
        if args.ray:
            one = run_ray(corpus, 1)
            import ray

            ray.shutdown()
            two = run_ray(corpus, args.workers)
            print(f"ray, 1 actor\t{args.n / one:.1f} docs/s\t{one:.1f} s")
            print(f"ray, {args.workers} actors\t{args.n / two:.1f} docs/s\t{two:.1f} s\t"
                  f"speed-up {one / two:.2f} (ideal {args.workers}; "
                  f"{args.workers * two / one:.2f}x the ideal time)")
        per_doc = chain(corpus, args.chain_sample)
        print(f"chain, per document, measured on {args.chain_sample} documents, "
              f"extrapolated to {args.n}:")
        total = 0.0
        for tool, value in per_doc.items():
            if isinstance(value, float):
                total += value if "frontwatch" not in tool else 0.0
                print(f"  {tool}\t{1 / value:.1f} docs/s\t{value * args.n:.0f} s for {args.n}")
            else:
                print(f"  {tool}\t{value}")
        geo = per_doc["frontwatch geoparser (places)"]
        if isinstance(geo, float):
            total += geo
            print(f"  chain total\t{1 / total:.1f} docs/s per core (before any claim "
                  f"extraction or event coding)")


if __name__ == "__main__":
    main()
