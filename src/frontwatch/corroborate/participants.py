"""Named participants: the people (and named bodies) a text tells the story of.

A human coder keeps two arrests apart when they name different people as the one arrested,
and joins two reports that name the same one ("Lindsay Lohan" ... "Lohan"). Frontwatch has
no statistical NER in its pipeline, so names are found the way they look in any cased
script: a run of two or more capitalised words inside a sentence ("Lindsay Lohan",
"Вадим Шишимарин") introduces a name, keyed by its last word (the surname); that word,
alone, refers back to it. A sentence's first word is capitalised by rule, so it never
starts a name; spans the geoparser or the actor lexicon already read (places, armed
forces) are not participants. Keys are matched loosely so that spellings and scripts
agree: accents dropped, Cyrillic romanised with the language pack's table, and a
skeleton that ignores the vowel-letter choices transliterations differ on
("Zelenskyy", "Zelensky", "Зеленський" share one key). Deterministic: text in, names out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from frontwatch.analyse.rules import tokenize
from frontwatch.langpack import load_langpacks
from frontwatch.resolve.gazetteer import normalize_name

# Transliterations of one name differ in these letters ("й" as y/i/j, "х" as kh/h, "г" as
# g/h, doubled letters, a final vowel); the key keeps only what they agree on.
_SKELETON = (
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"kh|g"), "h"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"(?<=..)[aeiouy]+$"), ""),
)
MIN_KEY = 3  # a shorter word is an initial or an abbreviation, not a name
# A document is about the people it names at least this often (a full name and two more
# mentions); one named in passing is background. A sentence names its people once.
DOCUMENT_TOLD = 3
MAIN_SHARE = 0.5  # a text's main people: named at least half as often as the first
SENTENCE_END = frozenset(".!?…")
OPENERS = frozenset("\"'«“„([")  # may stand between a sentence's end and its first word
CYRILLIC = re.compile("[\u0400-\u04ff]")


@cache
def _romanisation() -> tuple[dict[str, str], dict[str, str]]:
    # Any Cyrillic name is romanised with the first pack (by code) that has a table: the
    # skeleton then absorbs where the national systems differ.
    for pack in load_langpacks():
        table = pack.get("places", "romanisation", {})
        if table:
            return table, pack.get("places", "romanisation_initial", {})
    return {}, {}


@lru_cache(maxsize=1 << 16)
def name_key(word: str) -> str:
    """The matching form of one name word: "Lohan" ~ "LOHAN" ~ "Lohán"; "" if too short."""
    s = normalize_name(word).replace("'", "").replace(" ", "")
    if len(s) < MIN_KEY or not s.isalpha():
        return ""
    if CYRILLIC.search(s):
        table, initial = _romanisation()
        s = "".join(initial[ch] if k == 0 and ch in initial else table.get(ch, ch)
                    for k, ch in enumerate(s))
    for pattern, repl in _SKELETON:
        s = pattern.sub(repl, s)
    return s


def _capitalised(word: str) -> bool:
    # Title case only: an all-capitals word is an abbreviation or a shouted heading.
    return word[:1].isupper() and any(ch.islower() for ch in word[1:])


@dataclass(frozen=True)
class Names:
    """Who a text names: `full` the keys introduced by a full name, `counts` how often each
    person's key is named (alone or in full), `words` every capitalised word's key."""

    full: frozenset[str]
    counts: Counter[str]
    words: frozenset[str]
    least: int = 1  # how often a name must be told to be a main one

    @cached_property
    def main(self) -> frozenset[str]:
        """The names told most: those named at least half as often as the first."""
        if not self.counts:
            return frozenset()
        top = max(self.counts.values())
        if top < self.least:
            return frozenset()
        return frozenset(k for k, n in self.counts.items() if n >= MAIN_SHARE * top)

    @cached_property
    def named(self) -> frozenset[str]:
        return self.full | self.words


NO_NAMES = Names(frozenset(), Counter(), frozenset())


def find_names(text: str, skip: Iterable[tuple[int, int]] = (),
               by_surname: bool = False) -> Names:
    """Names in `text`; `skip` are (start, end) spans read as something else (places,
    actors). With `by_surname` (a whole document) only names the text also calls by their
    last word alone count as people: "Lindsay Lohan ... Lohan" is a person, "Academy
    Awards" a title; one sentence is too short to ask that of."""
    spans = sorted(skip)
    tokens = tokenize(text)
    # A capitalised word also written in lower case in this text is a common word that
    # opens a sentence or a title ("Police", "Chief"), not a name.
    common = {w for w, _, _ in tokens if w.islower()}
    keys = [
        name_key(w) if _capitalised(w) and w.lower() not in common
        and not any(a < e and s < b for a, b in spans) else ""
        for w, s, e in tokens
    ]
    full: set[str] = set()
    alone: set[str] = set()
    seen: list[str] = []
    run: list[int] = []
    for i, key in enumerate([*keys, ""]):
        if key:
            run.append(i)
            continue
        if len(run) >= 2:
            full.add(keys[run[-1]])
        elif run:
            alone.add(keys[run[0]])
        seen.extend(keys[j] for j in run)
        run = []
    # A sentence's first word is capitalised by rule: alone it may be a surname already
    # introduced ("Lohan said"), but it tells nothing new.
    words = {k for i, k in enumerate(keys)
             if k and not (keys[i + 1:i + 2] == [""] and _opens_sentence(tokens, i, text))}
    people = full & alone if by_surname else full
    counts = Counter(k for k in seen if k in people)
    return Names(frozenset(full), counts, frozenset(words), DOCUMENT_TOLD if by_surname else 1)


def _opens_sentence(tokens: Sequence[tuple[str, int, int]], i: int, text: str) -> bool:
    """Whether token `i` is the first of a sentence: nothing before it but sentence-ending
    punctuation, quotes or a line break."""
    for j in range(i - 1, -1, -1):
        word, _, end = tokens[j]
        if word in SENTENCE_END or "\n" in text[end:tokens[j + 1][1]]:
            return True
        if word not in OPENERS:
            return False
    return True


def differ(a: Names, b: Names) -> bool:
    """Both texts name people, and neither names any of the other's main people."""
    if not a.main or not b.main:
        return False
    return not (a.main & b.named) and not (b.main & a.named)


def shared(a: Names, b: Names) -> list[str]:
    """Main names of one text that the other names too."""
    return sorted((a.main & b.named) | (b.main & a.named))
