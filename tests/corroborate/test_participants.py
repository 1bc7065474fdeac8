"""Named people as evidence of which event a report tells: two arrests of different people in
one town on one day are two events; reports naming the same person arrested are one."""

from __future__ import annotations

from frontwatch.corroborate.participants import differ, find_names, name_key, shared


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
