"""Syndicated copies are linked, separate reports are not; recurring lines are learnt;
mixed-language documents get per-paragraph languages."""

from __future__ import annotations

from pathlib import Path

from frontwatch.clean.duplicates import mark_duplicates
from frontwatch.clean.lines import CleanLines, _rules
from frontwatch.clean.recurring import LineStore
from frontwatch.langid import LangIdStage
from frontwatch.model import Document, content_id

STORY = (
    "Russian forces struck the city of Kharkiv overnight with a barrage of missiles, "
    "damaging a power plant and several residential buildings, the regional governor said "
    "on Thursday morning. Three people were killed and eleven wounded, he wrote on Telegram, "
    "adding that rescue crews were still searching the rubble of a five-storey block. "
    "The Ukrainian air force said it had shot down ten of the fourteen missiles launched "
    "from the Belgorod region and the Black Sea. Russia's defence ministry said its forces "
    "had hit energy infrastructure used by the Ukrainian military."
)
COPY = (
    "Missile barrage hits Kharkiv\n\n" + STORY + "\n\nPower was restored to most districts "
    "by the afternoon, the city's mayor said in a video statement."
)
OTHER = (
    "Kharkiv came under a heavy missile attack during the night. According to governor "
    "Oleh Syniehubov, three residents died and eleven were hurt when rockets fell on an "
    "energy facility and on homes. Air defences intercepted most of the incoming missiles, "
    "Ukraine's military reported, while Moscow claimed to have targeted military energy sites."
)


def _doc(text: str) -> Document:
    return Document(id=content_id(text), source="t", raw_text=text, text=text)


def test_edited_copy_linked_other_report_not() -> None:
    original, copy, other = _doc(STORY), _doc(COPY), _doc(OTHER)
    assert mark_duplicates([original, copy, other]) == 1
    assert copy.duplicate_of == original.id and copy.duplicate_similarity >= 0.6
    assert other.duplicate_of is None and original.duplicate_of is None


def test_duplicates_are_deterministic() -> None:
    runs = []
    for _ in range(2):
        docs = [_doc(STORY), _doc(COPY), _doc(OTHER)]
        mark_duplicates(docs)
        runs.append([(d.duplicate_of, d.duplicate_similarity) for d in docs])
    assert runs[0] == runs[1]


def test_recurring_line_learnt_per_outlet(tmp_path: Path) -> None:
    store = LineStore(tmp_path / "lines.sqlite", min_documents=3)
    clean = CleanLines(_rules(), article_block=True, store=store)
    furniture = "Das Wetter in Kyjiw heute und die Nachrichten des Tages im Überblick"
    seen = []
    for n in range(4):
        body = f"Report {n}: " + STORY.replace("Thursday", f"day {n}")
        doc = Document(id=f"d{n}", source="t", raw_text=f"Title {n}\n\n{body}\n\n{furniture}\n")
        doc.outlet = "example.org"
        for _ in range(2):  # re-reading a document never counts twice
            out = clean(doc)
        seen.append([r.reason for r in out.removed if r.text == furniture])
    assert seen[0] != ["recurring-line"] and seen[3] == ["recurring-line"]
    rows = store.conn.execute("SELECT outlet, count FROM recurring_lines ORDER BY count DESC")
    assert rows.fetchone() == ("example.org", 4)


def test_store_pickles(tmp_path: Path) -> None:
    import pickle

    store = LineStore(tmp_path / "s.sqlite")
    store.observe("o", "d", ["a"])
    clone = pickle.loads(pickle.dumps(store))
    assert clone.observe("o", "d2", ["a"])


def test_paragraph_languages_and_majority() -> None:
    fr = "Les forces russes ont bombardé la ville pendant la nuit, selon les autorités locales."
    en = "Russian forces shelled the town overnight, local officials said on Friday morning."
    text = "\n\n".join([fr, en, fr.replace("nuit", "journée")])
    doc = Document(id="m", source="t", raw_text=text, text=text)
    starts = [0, len(fr) + 2, len(fr) + 2 + len(en) + 2]
    doc.paragraphs = [(s, s + len(p)) for s, p in zip(starts, text.split("\n\n"), strict=True)]
    LangIdStage(["fr", "en"], per_paragraph=True)(doc)
    assert [lang for _, lang, _ in doc.paragraph_languages] == ["fr", "en", "fr"]
    assert doc.language == "fr" and any("mixed languages" in w for w in doc.warnings)
