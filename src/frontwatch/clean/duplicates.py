"""Syndicated copies: documents of a batch that repeat an earlier one nearly word for word.

MinHash over word 3-shingles of the cleaned text (128 hashes, 32 LSH bands of 4 rows) finds
candidate pairs; the estimated Jaccard similarity decides. A copy records the first document
of its group (`duplicate_of`) and the similarity, so that corroboration can count
independent sources only. Two reports of the same event in different words share few
3-shingles and are not linked. A batch-level step: it runs after the pipeline.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from frontwatch.model import Document

SHINGLE = 3
HASHES = 128
BANDS = 32
THRESHOLD = 0.6
_MASK = (1 << 64) - 1
# Fixed seeds: the same batch always yields the same links.
_SEEDS = [
    int.from_bytes(hashlib.blake2b(f"frontwatch-minhash-{i}".encode(), digest_size=8).digest())
    for i in range(HASHES)
]


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.casefold())
    if len(words) < SHINGLE:
        return {_h(" ".join(words))} if words else set()
    return {_h(" ".join(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def _h(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest())


def signature(text: str) -> tuple[int, ...] | None:
    shingles = _shingles(text)
    if not shingles:
        return None
    # One 64-bit hash per shingle, mixed with each seed: a cheap family of permutations.
    return tuple(min(((s ^ seed) * 0x9E3779B97F4A7C15) & _MASK for s in shingles)
                 for seed in _SEEDS)


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / HASHES


def mark_duplicates(docs: Sequence[Document], threshold: float = THRESHOLD) -> int:
    """Set `duplicate_of` on each document that repeats an earlier one; return how many."""
    rows = HASHES // BANDS
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = {}
    sigs: list[tuple[int, ...] | None] = []
    marked = 0
    for index, doc in enumerate(docs):
        sig = signature(doc.text) if not doc.errors else None
        sigs.append(sig)
        if sig is None:
            continue
        best: tuple[float, int] | None = None
        keys = [(band, sig[band * rows : (band + 1) * rows]) for band in range(BANDS)]
        seen: set[int] = set()
        for key in keys:
            for other in buckets.get(key, []):
                if other in seen:
                    continue
                seen.add(other)
                other_sig = sigs[other]
                assert other_sig is not None
                score = similarity(sig, other_sig)
                if score >= threshold and (best is None or score > best[0]):
                    best = (score, other)
        if best is not None:
            original = docs[best[1]]
            doc.duplicate_of = original.duplicate_of or original.id
            doc.duplicate_similarity = round(best[0], 3)
            marked += 1
        for key in keys:
            buckets.setdefault(key, []).append(index)
    return marked
