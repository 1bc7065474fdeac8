"""Which documents report the same event: a clustering of documents, across languages.

A document is a bag of weighted terms: its words (TF-IDF within its language), and
language-free evidence that works across languages: the places it resolved (GeoNames ids),
the days its claims happened on and the events its claims joined. Documents are taken in
publication order; each joins the cluster whose centre it is most similar to, if similar
enough, else starts one. The people a document is about weigh on that similarity the way
they weigh with a human reader: each member of the cluster that names the same main people
raises it, each that names only other people lowers it (two stories of one kind, a
different man arrested, are two events). Deterministic: same documents, same clusters.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from frontwatch.corroborate.participants import Names, differ, find_names, shared
from frontwatch.model import Document, Event

WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
TOP_TERMS = 80  # terms kept per document: enough to tell two stories apart, cheap to compare
THRESHOLD = 0.2
# Weights of the language-free evidence, relative to a document's word vector (norm 1).
W_EVENT, W_PLACE, W_DAY = 0.9, 0.2, 0.1
# How far the people named move a similarity: the share of the cluster's members that name
# the same main people, less the share that name only others, times this.
W_PEOPLE = 0.3


@dataclass
class _Cluster:
    members: list[str]
    centre: Counter[str] = field(default_factory=Counter)


def _norm(v: dict[str, float]) -> dict[str, float]:
    n = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {k: x / n for k, x in v.items()}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    num = sum(x * b.get(k, 0.0) for k, x in a.items())
    den = math.sqrt(sum(x * x for x in a.values())) * math.sqrt(sum(x * x for x in b.values()))
    return num / den if den else 0.0


def people(doc: Document) -> Names:
    """The people a document names; places it resolved are not people. Read from the text
    alone (not the analyse stage's sentences), so a slimmed document gives the same."""
    return find_names(doc.text or doc.raw_text, [(p.start, p.end) for p in doc.places],
                      by_surname=True)


def _people_factor(who: Names, members: list[Names]) -> float:
    same = sum(1 for m in members if shared(who, m))
    other = sum(1 for m in members if differ(who, m))
    return 1.0 + W_PEOPLE * (same - other) / len(members)


def vectors(docs: list[Document], events: Iterable[Event] = ()) -> dict[str, dict[str, float]]:
    # Only events pinned to a day and a town say which happening a document is about; an
    # undated "attack" somewhere would tie unrelated stories together.
    claim_event = {
        cid: e.event_id
        for e in events
        if e.event_date is not None and e.geonames_id is not None and (e.geo_precision or 3) < 3
        for cid in e.claims
    }
    words = {d.id: Counter(w.casefold() for w in WORD.findall(d.text or d.raw_text)) for d in docs}
    df: dict[tuple[str | None, str], int] = Counter()
    by_lang: Counter[str | None] = Counter(d.language for d in docs)
    for d in docs:
        df.update((d.language, w) for w in words[d.id])
    out: dict[str, dict[str, float]] = {}
    for d in docs:
        n = by_lang[d.language]
        tfidf = {
            w: (1 + math.log(c)) * math.log((1 + n) / (1 + df[(d.language, w)]))
            for w, c in words[d.id].items()
        }
        top = dict(sorted(tfidf.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS])
        vec = {f"{d.language}:{w}": x for w, x in _norm(top).items()}
        for p in d.places:
            if p.place is not None and p.place.feature == "PPL":
                vec[f"geo:{p.place.geonames_id}"] = W_PLACE
        for c in d.claims:
            if c.background:
                continue
            if c.date.start:
                vec[f"day:{c.date.start.isoformat()}"] = W_DAY
            # A claim placed only at a region may have been folded into a town's event by
            # default; only claims that name the town themselves vouch for the link.
            precise = c.location is not None and (c.location.geo_precision or 3) < 3
            if c.id in claim_event and precise:
                vec[f"event:{claim_event[c.id]}"] = W_EVENT
        out[d.id] = vec
    return out


def cluster_documents(docs: list[Document], events: Iterable[Event] = (),
                      threshold: float = THRESHOLD) -> list[list[str]]:
    """Clusters of document ids, each a list in publication order."""
    vecs = vectors(docs, events)
    who = {d.id: people(d) for d in docs}
    order = sorted(docs, key=lambda d: ((d.published.isoformat() if d.published else ""), d.id))
    clusters: list[_Cluster] = []
    for d in order:
        v = vecs[d.id]
        best, best_sim = None, threshold
        for c in clusters:
            sim = _cos(v, c.centre)
            if sim * (1 + W_PEOPLE) < best_sim:
                continue  # no agreement on people could lift it: skip asking
            sim *= _people_factor(who[d.id], [who[m] for m in c.members])
            if sim >= best_sim:
                best, best_sim = c, sim
        if best is None:
            best = _Cluster([])
            clusters.append(best)
        best.members.append(d.id)
        best.centre.update(_norm(v))
    return [c.members for c in clusters]
