"""Rule-based sentence splitting and tokenisation, with lemmas where a lemmatiser ships.

Sentences never cross a paragraph and, while quotes balance, never split a quotation: a
quoted statement and its "a affirmé X" belong to one sentence, which is what attribution
needs. Lemmas come from pymorphy3 for the languages whose dictionaries are installed
(Russian, Ukrainian); elsewhere the lower-cased form stands in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from frontwatch.model import Document, Sentence, Token
from frontwatch.pipeline import Resources, register

# An apostrophe inside a word joins it ("Куп'янськ", "aujourd'hui") unless a capital follows,
# as in a French elision before a name ("d'Odessa": "d", "'", "Odessa"), or it is the
# English possessive ("Ukraine's": "Ukraine", "'", "s").
TOKEN = re.compile(r"\w+(?:[-‑]\w+|['’ʼ](?![A-ZА-ЯЁІЇЄҐ]|s\b)\w+)*|[^\w\s]", re.UNICODE)
OPEN_QUOTES = "«“„"
CLOSE_QUOTES = "»”"
END = ".!?…"
TRAILERS = "»”\"')]"


def tokenize(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start() + offset, m.end() + offset) for m in TOKEN.finditer(text)]


def _boundaries(text: str, abbreviations: frozenset[str], use_quotes: bool) -> list[int] | None:
    cuts: list[int] = []
    depth = 0
    straight_open = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if use_quotes:
            if ch in OPEN_QUOTES:
                depth += 1
            elif ch in CLOSE_QUOTES:
                depth = max(0, depth - 1)
            elif ch == '"':
                straight_open = not straight_open
        if ch in END and depth == 0 and not straight_open:
            j = i + 1
            while j < n and (text[j] in END or text[j] in TRAILERS):
                j += 1
            k = j
            while k < n and text[k].isspace():
                k += 1
            nxt = text[k] if k < n else ""
            word = re.search(r"(\w+(?:\.\w+)*)$", text[:i])
            is_abbrev = ch == "." and word is not None and word.group(1) in abbreviations
            starts_sentence = nxt.isupper() or nxt.isdigit() or nxt in OPEN_QUOTES + '"'
            if k > j and nxt and starts_sentence and not is_abbrev:
                cuts.append(j)
            i = j
            continue
        i += 1
    if use_quotes and (depth or straight_open):
        return None
    return cuts


def split_sentences(
    text: str, abbreviations: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Sentence spans in `text`, quotes kept whole when they balance."""
    cuts = _boundaries(text, abbreviations, use_quotes=True)
    if cuts is None:  # unbalanced quotes: quotes cannot guide us, split on punctuation alone
        cuts = _boundaries(text, abbreviations, use_quotes=False) or []
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        piece = text[start:cut]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if piece.strip():
            spans.append((start + lead, start + trail))
        start = cut
    return spans


def _lower_forms(word: str) -> tuple[str, ...]:
    return (word.lower(),)


@cache
def _morph(language: str) -> Any | None:  # pymorphy3 ships no type hints
    """One pymorphy3 analyser per language (its dictionaries take tens of MB), shared by the
    lemmatiser, the grammeme reader and the common-word test; None without a dictionary."""
    try:
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang=language)
    except Exception:  # no dictionary for this language
        return None


@cache
def _lemmatizer(language: str) -> Callable[[str], tuple[str, ...]]:
    morph = _morph(language)
    if morph is None:  # lower case is the honest fallback
        return _lower_forms

    @cache
    def forms(word: str) -> tuple[str, ...]:
        found = tuple(dict.fromkeys(p.normal_form for p in morph.parse(word)))
        return found or (word.lower(),)

    return forms


LEMMATIZED = ("ru", "uk")


@cache
def word_tags(language: str) -> Callable[[str], tuple[frozenset[str], ...]]:
    """The grammemes of each reading of a word ("pssv", "ablt"), for the languages with a
    dictionary installed; no reading elsewhere."""
    morph = _morph(language) if language in LEMMATIZED else None
    if morph is None:  # no dictionary: nothing is known of the word's grammar
        return lambda word: ()

    @cache
    def tags(word: str) -> tuple[frozenset[str], ...]:
        return tuple(frozenset(p.tag.grammemes) for p in morph.parse(word))

    return tags


# pymorphy3's marks of a proper name: a place, a given name, a surname, a patronymic, an
# organisation, a trademark.
PROPER = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad"})


@cache
def common_word(language: str) -> Callable[[str], bool]:
    """Whether the dictionary of `language` knows a word and reads it only as a common word
    ("Жены", "Новым"), never as a name; False wherever no dictionary is installed."""
    morph = _morph(language) if language in LEMMATIZED else None
    if morph is None:  # no dictionary: no word is known to be common
        return lambda word: False

    @cache
    def common(word: str) -> bool:
        return morph.word_is_known(word) and not any(
            PROPER & p.tag.grammemes for p in morph.parse(word)
        )

    return common


def word_forms(language: str) -> Callable[[str], tuple[str, ...]]:
    """The dictionary forms of a word in `language` (its lower case where no dictionary is
    installed or the language is not inflected enough to need one)."""
    return _lemmatizer(language) if language in LEMMATIZED else _lower_forms


class AnalyseRules:
    name = "analyse.rules.v1"
    requires = frozenset({"text", "paragraphs", "language"})
    assigns = frozenset({"sentences", "tokens"})

    def __init__(self, resources: Resources) -> None:
        self.langpacks = resources.langpacks

    def __call__(self, doc: Document) -> Document:
        abbrevs: frozenset[str] = frozenset()
        if doc.language in self.langpacks:
            abbrevs = frozenset(self.langpacks[doc.language].get("meta", "abbreviations", []))
        forms = word_forms(doc.language)
        doc.sentences, doc.tokens = [], []
        for p, (pstart, pend) in enumerate(doc.paragraphs):
            para = doc.text[pstart:pend]
            heading = p in doc.headings
            spans = [(0, len(para))] if heading else split_sentences(para, abbrevs)
            for s, e in spans:
                doc.sentences.append(
                    Sentence(len(doc.sentences), pstart + s, pstart + e, para[s:e], p, heading)
                )
            for word, s, e in tokenize(para, pstart):
                found = forms(word) if word[0].isalpha() else (word,)
                doc.tokens.append(Token(word, s, e, found[0], found))
        return doc


@register("analyse.rules.v1")
def make_analyse(resources: Resources) -> AnalyseRules:
    return AnalyseRules(resources)
