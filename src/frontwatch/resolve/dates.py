"""Date expressions: found with the language pack's patterns, resolved against publication.

Precision follows ACLED: 1 a day, 2 a span of days up to a week, 3 a month. A year alone
is kept with its span and no ACLED precision. Without a publication date, nothing that
needs the year or a reference day is guessed: the value stays empty, the part that is
known goes in `partial`, and the document gets a warning.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from frontwatch.langpack import FLAGS, LangPack
from frontwatch.model import DateValue, Document, Mention
from frontwatch.pipeline import Resources, register

# How far ahead of publication a day-month without a year may lie before it is taken to be
# last year's (reports are about the past, but time zones and embargoes shift a day or two).
FUTURE_SLACK_DAYS = 2


@dataclass
class _Found:
    start: int
    end: int
    value: DateValue


def _month_number(pack: LangPack, name: str) -> int:
    months = {k.casefold(): v for k, v in pack.get("dates", "months", {}).items()}
    return int(months[name.casefold()])


def _year_for(month: int, day: int, ref: date) -> int:
    year = ref.year
    if date(year, month, min(day, 28)) > ref + timedelta(days=FUTURE_SLACK_DAYS):
        year -= 1
    return year


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def find_dates(text: str, pack: LangPack, ref: date | None) -> list[_Found]:
    found: list[_Found] = []

    def add(m: re.Match[str], value: DateValue) -> None:
        if any(f.start < m.end() and m.start() < f.end for f in found):
            return  # an earlier, more specific pattern already covers this span
        found.append(_Found(m.start(), m.end(), value))

    for pat in pack.get("dates", "explicit", []):
        for m in re.finditer(pat, text, FLAGS):
            day, month = int(m["day"]), _month_number(pack, m["month"])
            if m["year"]:
                d = date(int(m["year"]), month, day)
                add(m, DateValue(d, d, 1, m.group(0), "stated"))
            elif ref:
                d = date(_year_for(month, day, ref), month, day)
                add(m, DateValue(d, d, 1, m.group(0), "year from publication date"))
            else:
                partial = f"--{month:02d}-{day:02d}"
                add(m, DateValue(None, None, None, m.group(0), "no year", partial))
    for item in pack.get("dates", "window", []):
        for m in re.finditer(item["pattern"], text, FLAGS):
            if ref:
                span = int(item["days"])
                add(m, DateValue(ref - timedelta(days=span), ref, 2, m.group(0), "window"))
            else:
                add(m, DateValue(None, None, None, m.group(0), "needs publication date"))
    for item in pack.get("dates", "relative", []):
        for m in re.finditer(rf"(?<!\w)(?:{item['pattern']})(?!\w)", text, FLAGS):
            if ref:
                d = ref + timedelta(days=int(item["offset"]))
                add(m, DateValue(d, d, 1, m.group(0), "relative to publication"))
            else:
                add(m, DateValue(None, None, None, m.group(0), "needs publication date"))
    weekdays = {k.casefold(): v for k, v in pack.get("dates", "weekdays", {}).items()}
    for pat in pack.get("dates", "weekday", []):
        for m in re.finditer(rf"(?<!\w)(?:{pat})(?!\w)", text, FLAGS):
            if ref:
                back = (ref.weekday() - int(weekdays[m["weekday"].casefold()])) % 7
                d = ref - timedelta(days=back)
                add(m, DateValue(d, d, 1, m.group(0), "weekday before publication"))
            else:
                add(m, DateValue(None, None, None, m.group(0), "needs publication date"))
    for pat in pack.get("dates", "month", []):
        for m in re.finditer(rf"(?<!\w)(?:{pat})(?!\w)", text, FLAGS):
            month = _month_number(pack, m["month"])
            if m["year"]:
                s, e = _month_span(int(m["year"]), month)
                add(m, DateValue(s, e, 3, m.group(0), "stated"))
            elif ref:
                year = ref.year if month <= ref.month else ref.year - 1
                if m["last"] and month == ref.month:
                    year -= 1
                if m.groupdict().get("last_year"):
                    year = ref.year - 1  # "in March last year"
                s, e = _month_span(year, month)
                add(m, DateValue(s, e, 3, m.group(0), "month before publication"))
            else:
                add(m, DateValue(None, None, None, m.group(0), "no year", f"--{month:02d}"))
    for pat in pack.get("dates", "year", []):
        for m in re.finditer(rf"(?<!\w)(?:{pat})(?!\w)", text, FLAGS):
            y = int(m["year"])
            add(m, DateValue(date(y, 1, 1), date(y, 12, 31), None, m.group(0), "year only", str(y)))
    return sorted(found, key=lambda f: f.start)


class ResolveDates:
    name = "resolve.dates.v1"
    requires = frozenset({"text", "language"})
    assigns = frozenset({"dates"})

    def __init__(self, resources: Resources) -> None:
        self.langpacks = resources.langpacks

    def __call__(self, doc: Document) -> Document:
        if doc.language not in self.langpacks:
            return doc
        pack = self.langpacks[doc.language]
        for f in find_dates(doc.text, pack, doc.published):
            doc.mentions.append(Mention("date", doc.text[f.start : f.end], f.start, f.end,
                                        data={"value": f.value}))
            if f.value.start is None:
                doc.warnings.append(
                    f"date {f.value.text!r} at offset {f.start} cannot be resolved: "
                    f"{f.value.basis}; give the publication date (--published YYYY-MM-DD)"
                )
        return doc


@register("resolve.dates.v1")
def make_dates(resources: Resources) -> ResolveDates:
    return ResolveDates(resources)
