"""Claim extraction benchmark: does each report give the right event, actors, place and speaker?

Part A (CASE 2021): event typing on the 509 ACLED-typed English snippets of
../shared/data/acled/case2021-dev.tsv. Each snippet is one English document run through the
pipeline with the passthrough clean stage (nothing dropped, no publication date). The
prediction for a snippet is the sub-event type of its first non-background claim, or
"no ACLED event" when it has none. Scores: support-weighted and macro F1 over the 25 ACLED
sub-event types (per-class F1 on the gold classes present; an abstention on an ACLED-labelled
snippet counts as a wrong prediction), and the precision and recall of abstaining on the five
labels outside ACLED (ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB).

Part B (war reports): bench/data/extraction/reports.jsonl, short reports about Russia's war in
Ukraine in en/fr/ru/uk, written for Frontwatch, one event each. The document's main event is
the event with the most non-background claims of that document (ties: the one told first).
Scores per language: event-type accuracy, sub-event macro-F1, actor1/actor2 accuracy,
location within 25 km, date exact, fatalities exact, claimant exact; and each language's gap
to the best.

Part C (press reports): bench/data/extraction/press.jsonl, 75 further events (2022-2025) in
the four languages, written blind by three sessions that did not see the rules, then used to
develop them: its first, blind figures are in the README; since then it is a development set
like part B. Rows and score() keys carry a "press_" prefix.

Part D (held-out war reports): bench/data/extraction/heldout.jsonl, 50 further events
(2022-2025) each written in en/fr/ru/uk, same schema and gold vocabulary as part B. They were
written without looking at the trigger, actor or speaker rules, the extractor's code or its
tests, and are not to be used to tune them: they measure how the rules carry over to text their
authors have not seen. Scored exactly like part B; rows and score() keys carry a "heldout_"
prefix.

    python bench/extract.py [case] [reports] [press] [heldout] [--verbose]
    python bench/extract.py --file PATH [--verbose]   (any set in the same format)
"""

from __future__ import annotations

import csv
import json
import math
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from frontwatch.api import build_pipeline
from frontwatch.corroborate import build_events
from frontwatch.model import Claim, Event
from frontwatch.read import Defaults
from frontwatch.read.core import make_document

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT.parent / "shared" / "data" / "acled" / "case2021-dev.tsv"
REPORTS = ROOT / "bench" / "data" / "extraction" / "reports.jsonl"
HELDOUT = ROOT / "bench" / "data" / "extraction" / "heldout.jsonl"
PRESS = ROOT / "bench" / "data" / "extraction" / "press.jsonl"
PASSTHROUGH = ("clean.passthrough.v1", "langid.py3langid.v2", "analyse.rules.v1",
               "resolve.dates.v1", "resolve.actors.v1", "resolve.places.v1",
               "extract.claims.v1")
NONE = "no ACLED event"
LANGS = ("en", "fr", "ru", "uk")

CODES = {
    "ARMED_CLASH": "Armed clash", "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon", "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED", "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence", "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration", "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement", "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity", "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
}
NON_ACLED = {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"}


# ------------------------------------------------------------------------------ metrics
def per_class_f1(gold: list[str], pred: list[str],
                 classes: list[str] | None = None) -> dict[str, tuple[float, float, float, int]]:
    """(precision, recall, F1, support) for each gold class (or each of `classes`)."""
    classes = classes if classes is not None else sorted(set(gold))
    out = {}
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        n_pred = sum(1 for p in pred if p == c)
        support = sum(1 for g in gold if g == c)
        p = tp / n_pred if n_pred else 0.0
        r = tp / support if support else 0.0
        out[c] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, support)
    return out


def weighted_macro(table: dict[str, tuple[float, float, float, int]]) -> tuple[float, float]:
    rows = [row for row in table.values() if row[3]]
    total = sum(row[3] for row in rows)
    weighted = sum(row[2] * row[3] for row in rows) / total if total else 0.0
    macro = sum(row[2] for row in rows) / len(rows) if rows else 0.0
    return weighted, macro


def _r(x: float) -> float:
    return round(x, 4)


# ------------------------------------------------------------------------------ part A
def case_rows() -> list[tuple[str, str, str]]:
    with CASE.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["id"], r["EventSnippet"], r["SubType"]) for r in reader]


def snippet_type(claims: list[Claim]) -> str:
    """The sub-event type of the first non-background claim ("no ACLED event" if none)."""
    for c in claims:
        if not c.background:
            return c.sub_event_type
    return NONE


def case_predictions() -> list[tuple[str, str, str, str]]:
    """(id, snippet, gold code, predicted sub-event type) for every snippet."""
    pipeline = build_pipeline(PASSTHROUGH)
    out = []
    for sid, text, code in case_rows():
        doc = make_document(f"case:{sid}", text, Defaults())
        doc.language = "en"
        doc = pipeline(doc)
        out.append((sid, text, code, snippet_type(doc.claims)))
    return out


def evaluate_case(verbose: bool = False) -> dict[str, float]:
    preds = case_predictions()
    acled = [(CODES[code], pred) for _, _, code, pred in preds if code in CODES]
    gold, pred = [g for g, _ in acled], [p for _, p in acled]
    table = per_class_f1(gold, pred)
    weighted, macro = weighted_macro(table)
    abstain_pred = [p == NONE for _, _, _, p in preds]
    abstain_gold = [code in NON_ACLED for _, _, code, _ in preds]
    tp = sum(1 for g, p in zip(abstain_gold, abstain_pred, strict=True) if g and p)
    ap = tp / sum(abstain_pred) if sum(abstain_pred) else 0.0
    ar = tp / sum(abstain_gold) if sum(abstain_gold) else 0.0
    if verbose:
        print(f"{'sub-event type':40} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}  most often predicted")
        for c, (p, r, f, n) in sorted(table.items(), key=lambda kv: kv[1][2]):
            wrong = Counter(pp for g, pp in acled if g == c and pp != c).most_common(2)
            print(f"{c:40} {p:6.2f} {r:6.2f} {f:6.2f} {n:4d}  "
                  + "; ".join(f"{k} ×{v}" for k, v in wrong))
        for code in sorted(NON_ACLED):
            got = Counter(p for _, _, c, p in preds if c == code)
            print(f"{code:40} abstained {got[NONE]}/{sum(got.values())}  "
                  + "; ".join(f"{k} ×{v}" for k, v in got.most_common(3) if k != NONE))
    return {"snippets": len(preds), "acled_snippets": len(acled),
            "accuracy": _r(sum(g == p for g, p in acled) / len(acled)),
            "weighted_f1": _r(weighted), "macro_f1": _r(macro),
            "abstention_precision": _r(ap), "abstention_recall": _r(ar)}


# ------------------------------------------------------------------------------ part B
def load_reports(path: Path = REPORTS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def main_event(events: list[Event], claims: list[Claim]) -> Event | None:
    """The event with the most non-background claims of the document; of those tied, the
    one told first in the text (the labels' convention: the event the headline reports)."""
    where = {c.id: c.start for c in claims if not c.background}
    best, best_key = None, (0, 0)
    for ev in events:
        told = [where[cid] for cid in ev.claims if cid in where]
        key = (len(told), -min(told, default=0))
        if told and key > best_key:
            best, best_key = ev, key
    return best


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def report_predictions(path: Path = REPORTS) -> list[tuple[dict, Event | None]]:
    pipeline = build_pipeline()
    gaz = pipeline.resources.gazetteer
    out = []
    for r in load_reports(path):
        doc = make_document(f"extract:{r['id']}", r["text"],
                            Defaults(published=date.fromisoformat(r["published"]),
                                     outlet=r["outlet"]))
        doc = pipeline(doc)
        events = build_events([doc], gaz) if not doc.errors else []
        out.append((r, main_event(events, doc.claims)))
    return out


def _checks(gold: dict, ev: Event | None) -> dict[str, bool]:
    if ev is None:
        return dict.fromkeys(("event_type", "actor1", "actor2", "location_25km", "date",
                              "fatalities", "claimant"), False)
    if gold.get("latitude") is not None and ev.latitude is not None:
        near = km((gold["latitude"], gold["longitude"]), (ev.latitude, ev.longitude)) <= 25
    else:
        near = False
    return {
        "event_type": ev.event_type == gold["event_type"],
        "actor1": ev.actor1 == gold.get("actor1"),
        "actor2": ev.actor2 == gold.get("actor2"),
        "location_25km": near,
        "date": (ev.event_date.isoformat() if ev.event_date else None) == gold["event_date"],
        "fatalities": ev.fatalities == gold.get("fatalities", 0),
        "claimant": gold.get("claimant") in ev.claimants,
    }


FIELDS = (("event_type_accuracy", "event_type"), ("actor1_accuracy", "actor1"),
          ("actor2_accuracy", "actor2"), ("location_25km", "location_25km"),
          ("date_accuracy", "date"), ("fatalities_accuracy", "fatalities"),
          ("claimant_accuracy", "claimant"))


def evaluate_reports(verbose: bool = False,
                     path: Path = REPORTS) -> dict[str, dict[str, float]]:
    by_lang: dict[str, list[tuple[dict, Event | None]]] = {}
    for r, ev in report_predictions(path):
        by_lang.setdefault(r["lang"], []).append((r, ev))
    out: dict[str, dict[str, float]] = {}
    for lang in LANGS:
        items = by_lang.get(lang, [])
        if not items:
            continue
        checks = [_checks(r["gold"], ev) for r, ev in items]
        row: dict[str, float] = {"reports": len(items)}
        gold = [r["gold"]["sub_event_type"] for r, _ in items]
        pred = [ev.sub_event_type if ev else NONE for _, ev in items]
        row["sub_event_macro_f1"] = _r(weighted_macro(per_class_f1(gold, pred))[1])
        for name, key in FIELDS:
            row[name] = _r(sum(c[key] for c in checks) / len(checks))
        out[lang] = row
        if verbose:
            for (r, ev), c in zip(items, checks, strict=True):
                bad = [k for k, ok in c.items() if not ok]
                if not bad:
                    continue
                g = r["gold"]
                got = {"event_type": ev.sub_event_type if ev else None,
                       "actor1": ev.actor1 if ev else None,
                       "actor2": ev.actor2 if ev else None,
                       "location_25km": ev.location if ev else None,
                       "date": str(ev.event_date) if ev else None,
                       "fatalities": ev.fatalities if ev else None,
                       "claimant": ev.claimants if ev else None}
                want = {"event_type": g["sub_event_type"], "actor1": g.get("actor1"),
                        "actor2": g.get("actor2"), "location_25km": g.get("geonames_id"),
                        "date": g["event_date"], "fatalities": g.get("fatalities"),
                        "claimant": g.get("claimant")}
                print(f"  {r['id']} {lang}: " + "; ".join(
                    f"{k} {got[k]!r} ≠ {want[k]!r}" for k in bad))
    return out


def print_reports(table: dict[str, dict[str, float]], part: str = "reports") -> None:
    keys = ["reports", "sub_event_macro_f1"] + [name for name, _ in FIELDS]
    gap = "gap" if part == "reports" else f"{part}_gap"
    for lang, row in table.items():
        print(f"{part}_{lang}\t" + "\t".join(f"{k}={row[k]}" for k in keys))
    for key in ("event_type_accuracy", "sub_event_macro_f1"):
        best = max(row[key] for row in table.values())
        print(f"{gap}_{key}\t" + "\t".join(
            f"{lang}={round(row[key] - best, 4)}" for lang, row in table.items()))


def score() -> dict[str, float]:
    out: dict[str, float] = {}
    if CASE.exists():
        case = evaluate_case()
        for k in ("weighted_f1", "macro_f1", "abstention_precision", "abstention_recall"):
            out[f"case_{k}"] = case[k]
    for prefix, path in (("", REPORTS), ("press_", PRESS), ("heldout_", HELDOUT)):
        if not path.exists():
            continue
        for lang, row in evaluate_reports(path=path).items():
            out[f"{prefix}{lang}_event_type_accuracy"] = row["event_type_accuracy"]
            out[f"{prefix}{lang}_sub_event_macro_f1"] = row["sub_event_macro_f1"]
            for name, _ in FIELDS[1:]:
                out[f"{prefix}{lang}_{name}"] = row[name]
    return out


def main() -> int:
    verbose = "--verbose" in sys.argv
    if "--file" in sys.argv:
        at = sys.argv.index("--file") + 1
        if at >= len(sys.argv) or not Path(sys.argv[at]).is_file():
            print("--file needs the path of a JSON Lines set", file=sys.stderr)
            return 2
        print_reports(evaluate_reports(verbose, Path(sys.argv[at])), "file")
        return 0
    names = ([a for a in sys.argv[1:] if not a.startswith("-")]
             or ["case", "reports", "press", "heldout"])
    if "case" in names:
        if CASE.exists():
            print("case\t" + "\t".join(f"{k}={v}"
                                       for k, v in evaluate_case(verbose).items()))
        else:
            print(f"case: missing {CASE}", file=sys.stderr)
    for part, path in (("reports", REPORTS), ("press", PRESS), ("heldout", HELDOUT)):
        if part not in names:
            continue
        if path.exists():
            print_reports(evaluate_reports(verbose, path), part)
        else:
            print(f"{part}: missing {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
