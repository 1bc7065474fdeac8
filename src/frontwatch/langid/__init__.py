"""Language identification with py3langid, whose model ships inside its package (offline)."""

from __future__ import annotations

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


class LangIdStage:
    name = "langid.py3langid.v1"
    requires = frozenset({"text"})
    assigns = frozenset({"language"})

    def __init__(self, supported: list[str]) -> None:
        self.supported = supported

    def __call__(self, doc: Document) -> Document:
        if doc.language:
            doc.provenance.setdefault("language", "input")
            return doc
        code, prob = identify(doc.text)
        doc.language = code
        doc.provenance["language"] = f"py3langid ({prob:.2f})"
        if code not in self.supported:
            doc.warnings.append(
                f"language {code!r} has no language pack (have: {', '.join(self.supported)}); "
                "no claims can be extracted"
            )
        return doc


@register("langid.py3langid.v1")
def make_langid(resources: Resources) -> LangIdStage:
    return LangIdStage(resources.langpacks.codes)
