"""Cleaning the Lyman page against what expected.md says an expert keeps and drops."""

from __future__ import annotations

from frontwatch.api import Result

TITLE = "La Défense russe annonce un retrait de Krasny Liman"
SUBHEADING = "Intégration de la République populaire de Donetsk à la Russie"
PARAGRAPH_STARTS = (
    "Ce 1er octobre, le ministère russe de la Défense",
    "«Malgré les pertes subies",
    "Malgré ce retrait, la Défense russe",
    "De son côté, le ministère ukrainien",
    "Plus tôt ce 1er octobre",
    "La veille, le président russe",
    "Ces événements s'inscrivent",
)


def test_title_kept_once_and_subheading_kept(lyman: Result) -> None:
    doc = lyman.documents[0]
    assert doc.text.count(TITLE) == 1
    assert doc.text.startswith(TITLE)
    assert doc.title is not None and doc.title.startswith(TITLE)
    assert SUBHEADING in doc.text


def test_seven_news_paragraphs_kept(lyman: Result) -> None:
    doc = lyman.documents[0]
    paragraphs = [doc.text[s:e] for s, e in doc.paragraphs]
    for start in PARAGRAPH_STARTS:
        assert sum(p.startswith(start) for p in paragraphs) == 1, start
    assert paragraphs[-1].endswith("aucune provocation ukrainienne.")
    assert len(paragraphs) == 9  # title + 7 paragraphs + subheading


def test_clutter_dropped_with_reasons(lyman: Result) -> None:
    doc = lyman.documents[0]
    for clutter in ("© Sputnik", "image d'illustration", "surTelegram", "Raconter l'actualité",
                    "cookies", "Tout AccepterTout refuser", "Paramétrer vos choix"):
        assert clutter not in doc.text, clutter
    reasons = {r.reason for r in doc.removed}
    assert {"repeated-title", "photo-credit", "photo-caption", "follow-us",
            "cookie-consent"} <= reasons
    by_text = {r.text.strip(): r.reason for r in doc.removed}
    assert by_text["OK"] == "cookie-consent"
    assert by_text["© Sputnik / Viktor Antonyuk"] == "photo-credit"
    assert [r.reason for r in doc.removed if "surTelegram" in r.text] == ["follow-us"] * 2
    assert all(r.reason for r in doc.removed)


def test_removed_spans_point_into_raw_text(lyman: Result) -> None:
    doc = lyman.documents[0]
    for r in doc.removed:
        assert doc.raw_text[r.start : r.end] == r.text
