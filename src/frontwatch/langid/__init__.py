"""Language identification with py3langid, whose model ships inside its package (offline)."""

from __future__ import annotations

from collections import Counter
from functools import cache

from frontwatch.model import Document
from frontwatch.pipeline import Resources, register

# Languages the identifier may answer. Beyond the ones Frontwatch has packs for, the
# common languages of news about this war are listed so that a German or Polish text is
# named as such (and reported as unsupported) instead of being forced into a supported one.
CANDIDATES = ("fr", "en", "ru", "uk", "de", "es", "it", "pl", "be", "bg", "pt", "nl", "ro", "tr")


@cache
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(CANDIDATES))
    return ident


def identify(text: str) -> tuple[str, float]:
    code, prob = _identifier().classify(text)
    return str(code), float(prob)


PARAGRAPH_MIN_WORDS = 6  # shorter paragraphs (headings, datelines) are too short to tell


def paragraph_languages(doc: Document) -> list[tuple[int, str, float]]:
    out = []
    for index, (start, end) in enumerate(doc.paragraphs):
        piece = doc.text[start:end]
        if len(piece.split()) >= PARAGRAPH_MIN_WORDS:
            code, prob = identify(piece)
            out.append((index, code, prob))
    return out


def majority(doc: Document, found: list[tuple[int, str, float]]) -> str | None:
    """The language holding most words among the paragraphs that could be told."""
    words: Counter[str] = Counter()
    for index, code, _ in found:
        start, end = doc.paragraphs[index]
        words[code] += len(doc.text[start:end].split())
    ranked = sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[0][0] if ranked else None


class LangIdStage:
    name = "langid.py3langid.v1"
    requires = frozenset({"text"})
    assigns = frozenset({"language"})

    def __init__(self, supported: list[str], per_paragraph: bool = False) -> None:
        self.supported = supported
        self.per_paragraph = per_paragraph  # v2: languages per paragraph, majority for all

    def __call__(self, doc: Document) -> Document:
        if self.per_paragraph:
            doc.paragraph_languages = paragraph_languages(doc)
        if doc.language:
            doc.provenance.setdefault("language", "input")
            return doc
        code, prob = identify(doc.text)
        found = doc.paragraph_languages
        top = majority(doc, found) if found else None
        if top and top != code:
            share = sum(1 for _, c, _ in found if c == top) / len(found)
            code, prob = top, share
            doc.provenance["language"] = f"py3langid paragraph majority ({share:.2f})"
        else:
            doc.provenance["language"] = f"py3langid ({prob:.2f})"
        doc.language = code
        if len({c for _, c, _ in found}) > 1:
            doc.warnings.append(
                "mixed languages: "
                + ", ".join(sorted({c for _, c, _ in found}))
                + " (see paragraph_languages)"
            )
        if code not in self.supported:
            doc.warnings.append(
                f"language {code!r} has no language pack (have: {', '.join(self.supported)}); "
                "no claims can be extracted"
            )
        return doc


@register("langid.py3langid.v1")
def make_langid(resources: Resources) -> LangIdStage:
    return LangIdStage(resources.langpacks.codes)


@register("langid.py3langid.v2")
def make_langid_v2(resources: Resources) -> LangIdStage:
    stage = LangIdStage(resources.langpacks.codes, per_paragraph=True)
    stage.name = "langid.py3langid.v2"
    return stage
