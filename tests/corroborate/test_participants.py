"""Named people as evidence of which event a report tells: two arrests of different people in
one town on one day are two events; reports naming the same person arrested are one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontwatch import api
from frontwatch.corroborate.documents import cluster_documents
from frontwatch.corroborate.participants import differ, find_names, name_key, shared
from frontwatch.model import Document
from frontwatch.read import Defaults

STRIKER = """Striker arrested in Odesa

Police arrested the striker Taras Bondar in Odesa on Tuesday after a brawl outside a \
nightclub, the regional police said. Bondar was released on bail in the evening. His club \
said Bondar would train as usual.
"""
BUSINESSMAN = """Businessman arrested in Odesa

Police arrested the businessman Mykola Hrytsenko in Odesa on Tuesday after a search of his \
office, the regional police said. Hrytsenko was released on bail in the evening. His firm \
said Hrytsenko would go to work as usual.
"""
STRIKER_AGAIN = """Footballer held after nightclub brawl

Taras Bondar, who plays for a local club, was arrested in Odesa on Tuesday after a fight at \
a nightclub, police said. Bondar has not commented. The club's coach said Bondar would \
miss no match.
"""


def test_one_name_in_any_spelling_or_script_has_one_key() -> None:
    assert len({name_key(w) for w in ("Zelenskyy", "Zelensky", "Зеленський", "Зеленский")}) == 1
    assert name_key("Lohan") == name_key("Lohán") == name_key("LOHAN")
    assert name_key("Li") == ""  # too short to tell a surname from an initial


def test_a_full_name_then_its_surname_is_a_person_a_title_is_not() -> None:
    names = find_names("Anna Kowalczyk won the Golden Lion on Sunday. Kowalczyk thanked "
                       "the Golden Lion jury. The jury praised Kowalczyk.", by_surname=True)
    assert names.main == {name_key("Kowalczyk")}
    assert name_key("Lion") not in names.counts


def test_the_first_word_of_a_sentence_and_common_words_start_no_name() -> None:
    names = find_names("Police arrested Oleh Marchenko on Friday. Police said he was armed; "
                       "police dogs found a rifle.")
    assert names.full == {name_key("Marchenko")}
    assert name_key("Police") not in names.words


def test_reports_naming_different_people_differ_and_the_same_person_is_shared() -> None:
    a = find_names("Police detained Ivan Sydorenko in Lviv.")
    b = find_names("Police detained Petro Kovalenko in Lviv.")
    c = find_names("Ivan Sydorenko was detained, his lawyer said.")
    assert differ(a, b) and not shared(a, b)
    assert not differ(a, c) and shared(a, c) == [name_key("Sydorenko")]
    assert not differ(a, find_names("Police detained a man in Lviv."))  # nobody named


@pytest.fixture(scope="module")
def odesa(tmp_path_factory: pytest.TempPathFactory) -> api.Result:
    folder = tmp_path_factory.mktemp("odesa")
    paths = []
    for name, text in (("striker", STRIKER), ("businessman", BUSINESSMAN),
                       ("striker-again", STRIKER_AGAIN)):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return api.extract(paths, Defaults(published=date(2024, 3, 6), outlet="Test"))


def _source(result: api.Result, claim_id: str) -> str:
    return next(Path(d.source).stem for d in result.documents if claim_id.startswith(d.id))


def test_two_arrests_of_different_people_in_one_town_on_one_day_stay_apart(
        odesa: api.Result) -> None:
    arrests = [e for e in odesa.events if e.sub_event_type == "Arrests"]
    told = sorted(sorted({_source(odesa, c) for c in e.claims}) for e in arrests)
    assert told == [["businessman"], ["striker", "striker-again"]]
    assert len({e.event_id for e in arrests}) == len(arrests)


def test_two_reports_of_one_arrest_naming_the_same_person_merge(odesa: api.Result) -> None:
    (event,) = [e for e in odesa.events
                if {_source(odesa, c) for c in e.claims} == {"striker", "striker-again"}]
    assert event.location == "Odesa" and event.event_date == date(2024, 3, 5)
    assert any("same people named " + name_key("Bondar") in w
               for m in event.merge_evidence for w in m["by"])


def test_documents_about_different_people_arrested_cluster_apart(odesa: api.Result) -> None:
    clusters = cluster_documents(odesa.documents, odesa.events)
    stems = sorted(sorted(Path(next(d.source for d in odesa.documents if d.id == m)).stem
                          for m in members) for members in clusters)
    assert stems == [["businessman"], ["striker", "striker-again"]]



def test_like_stories_about_different_people_cluster_apart_same_person_together() -> None:
    texts = [
        "The singer Maria Lenska was fined in court on Friday for driving too fast. Lenska "
        "paid the fine. Her agent said Lenska would appeal the fine in court.",
        "The actor Pavel Dorosh was fined on Friday for driving too fast. Dorosh paid at "
        "once. His lawyer said Dorosh would appeal the fine.",
        "A court fined Maria Lenska on Friday over a speeding case, her agent said. Lenska "
        "will appeal, the agent said, and Lenska thanked her fans.",
    ]
    docs = [Document(id=f"d{i}", source=f"d{i}", raw_text=t, text=t, language="en")
            for i, t in enumerate(texts)]
    assert sorted(cluster_documents(docs)) == [["d0", "d2"], ["d1"]]
