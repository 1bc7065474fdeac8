"""Date expressions in French, Russian and Ukrainian: overnight spans name the night's
second day in every language, days counted back ("il y a deux jours", "два дня назад"),
and the last week or day told as a window.

Every phrase here was written for this test.
"""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.langpack import load_langpacks
from frontwatch.resolve.dates import find_dates

REF = date(2023, 3, 15)  # a Wednesday


def _one(text: str, code: str) -> tuple[str, date | None, date | None, int | None]:
    found = find_dates(text, load_langpacks()[code], REF)
    assert len(found) == 1, [text[f.start : f.end] for f in found]
    f = found[0]
    return text[f.start : f.end], f.value.start, f.value.end, f.value.time_precision


TUESDAY = date(2023, 3, 14)
MONDAY = date(2023, 3, 13)
SUNDAY = date(2023, 3, 12)


@pytest.mark.parametrize(("code", "text", "day"), [
    ("uk", "Удар завдали у ніч проти вівторка.", TUESDAY),
    ("uk", "Атака тривала в ніч з понеділка на вівторок.", TUESDAY),
    ("ru", "Атака продолжалась в ночь со вторника на среду.", REF),
    ("fr", "L'attaque a eu lieu dans la nuit de lundi à mardi.", TUESDAY),
    ("fr", "Les tirs ont repris dans la nuit de samedi au dimanche.", SUNDAY),
])
def test_overnight_span_is_its_second_day(code: str, text: str, day: date) -> None:
    _, start, end, precision = _one(text, code)
    assert (start, end, precision) == (day, day, 1)


@pytest.mark.parametrize(("code", "text", "day"), [
    ("fr", "Le village a été repris il y a deux jours.", MONDAY),
    ("ru", "Село было освобождено два дня назад.", MONDAY),
    ("uk", "Село звільнили два дні тому.", MONDAY),
    ("fr", "Le pont a été détruit il y a trois jours.", SUNDAY),
    ("ru", "Мост был разрушен три дня назад.", SUNDAY),
    ("uk", "Міст зруйнували три дні тому.", SUNDAY),
])
def test_days_counted_back(code: str, text: str, day: date) -> None:
    _, start, end, precision = _one(text, code)
    assert (start, end, precision) == (day, day, 1)


@pytest.mark.parametrize(("code", "text", "days"), [
    ("fr", "Les combats se sont intensifiés la semaine dernière.", 7),
    ("ru", "В минувшие сутки противник атаковал позиции.", 1),
])
def test_windows_end_at_the_reference(code: str, text: str, days: int) -> None:
    _, start, end, precision = _one(text, code)
    assert end == REF and start is not None and (REF - start).days == days
    assert precision == 2


@pytest.mark.parametrize(("code", "text"), [
    ("uk", "Бої точилися на початку вересня."),
    ("ru", "Бои шли в начале сентября."),
    ("fr", "Les combats ont eu lieu début septembre."),
])
def test_part_of_a_month_stays_a_month(code: str, text: str) -> None:
    """"Early September" names no day: the month is the honest span, never its first day."""
    _, start, end, precision = _one(text, code)
    assert (start, end, precision) == (date(2022, 9, 1), date(2022, 9, 30), 3)
