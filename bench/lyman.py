"""Score the pipeline on the canonical example against what an expert coder takes from it.

Reads ../shared/examples/lyman-rt-fr.txt. The gold below transcribes
lyman-rt-fr.expected.md (which lines to keep; the five events), not Frontwatch's output.
Prints one figure per line; `bench/baseline.json` pins the floors CI checks.

    python bench/lyman.py
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from frontwatch import api
from frontwatch.read import Defaults

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "examples" / "lyman-rt-fr.txt"

# expected.md, section 1: the title, the subheading and the seven news paragraphs.
KEEP_STARTS = (
    "La Défense russe annonce un retrait de Krasny Liman",
    "Ce 1er octobre, le ministère russe",
    "«Malgré les pertes subies",
    "Malgré ce retrait, la Défense russe",
    "De son côté, le ministère ukrainien",
    "Plus tôt ce 1er octobre",
    "Intégration de la République populaire",
    "La veille, le président russe",
    "Ces événements s'inscrivent",
)
RU_MIL, UA_MIL = "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"
RU_MOD, UA_MOD = "Russian Ministry of Defence", "Ukrainian Ministry of Defence"
# expected.md, section 3: (sub-event type, date, geonames id, actor1, actor2, a claimant).
EVENTS = (
    ("Government regains territory", date(2022, 10, 1), 704204, UA_MIL, RU_MIL, UA_MOD),
    ("Shelling/artillery/missile attack", date(2022, 9, 30), 704204, RU_MIL, UA_MIL, RU_MOD),
    ("Armed clash", date(2022, 10, 1), 704204, UA_MIL, RU_MIL, RU_MOD),
    ("Armed clash", date(2022, 10, 1), 704204, UA_MIL, RU_MIL, "Ukrainian army"),
    ("Agreement", date(2022, 9, 30), 524901, "Government of Russia (2000-)",
     "DNR: Donetsk People's Republic", "RT"),
)
TOWN = {"krasny liman", "lyman", "cette ville", "la ville", "la localité"}


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.casefold()))


def _gold_text(raw: str) -> str:
    spaces = str.maketrans({"\u00a0": " ", "\u202f": " "})
    lines = [ln.translate(spaces) for ln in raw.splitlines() if ln.strip()]
    kept: list[str] = []
    for start in KEEP_STARTS:
        line = next(ln for ln in lines if ln.startswith(start))
        kept.append(start if start.startswith("La Défense russe annonce") else line)
    kept[0] = lines[0]  # the title as its first line gives it
    return "\n".join(kept)


def _prf(got: Counter[str], gold: Counter[str]) -> tuple[float, float, float]:
    overlap = sum((got & gold).values())
    p = overlap / max(1, sum(got.values()))
    r = overlap / max(1, sum(gold.values()))
    return p, r, 2 * p * r / max(1e-9, p + r)


def score() -> dict[str, float]:
    raw = ARTICLE.read_text(encoding="utf-8")
    started = time.perf_counter()
    result = api.extract([str(ARTICLE)], Defaults(published=date(2022, 10, 1), outlet="RT"))
    seconds = time.perf_counter() - started
    doc = result.documents[0]
    p, r, f = _prf(_tokens(doc.text), _tokens(_gold_text(raw)))
    town = [m for m in doc.places if m.text.casefold() in TOWN]
    town_ok = sum(1 for m in town if m.place and m.place.geonames_id == 704204)
    found = 0
    for sub, day, gid, a1, a2, claimant in EVENTS:
        found += any(
            e.sub_event_type == sub and e.event_date == day and e.geonames_id == gid
            and e.actor1 == a1 and e.actor2 == a2 and claimant in e.claimants
            for e in result.events
        )
    return {
        "clean_token_precision": round(p, 4),
        "clean_token_recall": round(r, 4),
        "clean_token_f1": round(f, 4),
        "town_mentions_resolved": round(town_ok / max(1, len(town)), 4),
        "events_recall": round(found / len(EVENTS), 4),
        "events_precision": round(found / max(1, len(result.events)), 4),
        "seconds_per_document": round(seconds, 3),
    }


def main() -> int:
    if not ARTICLE.exists():
        print(f"missing {ARTICLE}", file=sys.stderr)
        return 2
    figures = score()
    for name, value in figures.items():
        print(f"{name}\t{value}")
    floors = json.loads((ROOT / "bench" / "baseline.json").read_text())["lyman"]
    below = {k: (figures[k], v) for k, v in floors.items() if figures[k] < v}
    for name, (got, floor) in below.items():
        print(f"BELOW FLOOR {name}: {got} < {floor}", file=sys.stderr)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
