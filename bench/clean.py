"""Clutter removal measured on real pages: kept-text precision, recall and F1 over tokens.

Data: ../shared/data/html-extraction/ (181 news pages, gzipped HTML, gold articleBody).
Two settings, each compared with trafilatura and jusText run in the same process:
- html:  the page itself. Frontwatch = its HTML reader (trafilatura, recall-oriented)
         followed by its line cleaner; baselines = trafilatura.extract / jusText defaults.
- text:  the page as a naive scraper gives it (all visible text, block elements as line
         breaks, menus, footers and cookie banners included). Frontwatch = the line
         cleaner alone; baselines = trafilatura and jusText on the same lines, each wrapped
         in <p> so they get HTML.
Also the Lyman example (../shared/examples/lyman-rt-fr.txt), scored by bench/lyman.py.
Figures are macro-averages over documents (each page weighs the same).

    python bench/clean.py            # all 181 pages (about 2 minutes on 2 cores)
    python bench/clean.py --subset   # the fixed every-4th-page subset CI gates on
"""

from __future__ import annotations

import gzip
import html as htmlmod
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from frontwatch.clean.lines import CleanLines, _rules
from frontwatch.read.core import Defaults, make_document
from frontwatch.read.html import html_document, parse_tree, visible_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "html-extraction"
SUBSET_STEP = 4


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.casefold()))


def _prf(got: str, gold: str) -> tuple[float, float, float]:
    g, t = _tokens(got), _tokens(gold)
    overlap = sum((g & t).values())
    p = overlap / max(1, sum(g.values())) if g else 0.0
    r = overlap / max(1, sum(t.values()))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def _justext(html: str) -> str:
    import justext

    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _as_html(text: str) -> str:
    body = "\n".join(f"<p>{htmlmod.escape(line)}</p>" for line in text.splitlines())
    return f"<html><body>{body}</body></html>"


def pages(subset: bool = False) -> list[tuple[str, str, str]]:
    gold = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(gold)
    if subset:
        keys = keys[::SUBSET_STEP]
    out = []
    for key in keys:
        raw = gzip.decompress((DATA / "html" / f"{key}.html.gz").read_bytes())
        out.append((key, raw.decode("utf-8", errors="replace"), gold[key]["articleBody"]))
    return out


def score(subset: bool = False) -> dict[str, float]:
    cleaner = CleanLines(_rules(), article_block=True)
    systems = ("frontwatch", "trafilatura", "justext")
    sums: dict[str, list[float]] = {}
    started = time.perf_counter()
    items = pages(subset)
    for key, page, gold in items:
        doc = html_document(key, page, Defaults())
        outputs = {
            "html_frontwatch": "" if not hasattr(doc, "raw_text") else cleaner(doc).text,
            "html_trafilatura": _trafilatura(page),
            "html_justext": _justext(page),
        }
        scraped = visible_text(parse_tree(page))
        text_doc = make_document(key, scraped, Defaults())
        outputs["text_frontwatch"] = cleaner(text_doc).text
        wrapped = _as_html(scraped)
        outputs["text_trafilatura"] = _trafilatura(wrapped)
        outputs["text_justext"] = _justext(wrapped)
        for name, got in outputs.items():
            for metric, value in zip(("precision", "recall", "f1"), _prf(got, gold), strict=True):
                sums.setdefault(f"{name}_{metric}", []).append(value)
    figures = {k: round(sum(v) / len(v), 4) for k, v in sums.items()}
    figures["pages"] = len(items)
    figures["seconds"] = round(time.perf_counter() - started, 1)
    del systems
    return figures


def lyman() -> dict[str, float]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_lyman", ROOT / "bench" / "lyman.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    got = module.score()
    return {k: v for k, v in got.items() if k.startswith("clean_")}


def main(argv: list[str]) -> int:
    if not DATA.exists():
        print(f"missing {DATA}", file=sys.stderr)
        return 2
    subset = "--subset" in argv
    figures = score(subset)
    for name, value in figures.items():
        print(f"{name}\t{value}")
    for name, value in lyman().items():
        print(f"lyman_{name}\t{value}")
    suite = "clean_subset" if subset else "clean"
    floors = json.loads((ROOT / "bench" / "baseline.json").read_text()).get(suite, {})
    below = {k: (figures[k], v) for k, v in floors.items() if figures[k] < v}
    for name, (got, floor) in below.items():
        print(f"BELOW FLOOR {name}: {got} < {floor}", file=sys.stderr)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
