"""Which day a claim's date is: the day of the event, or only the day it was said or
published. Reports date the saying ("сообщил в понедельник") and the event ("в ночь на
субботу") apart; taking one for the other splits one event in two."""

from __future__ import annotations

import re
from datetime import timedelta

from frontwatch.langpack import LangPack
from frontwatch.model import DateValue, Document, Mention, Sentence

REPORT_DAY = "date of the report, not of the event"
ANOTHER = "told as another event of its kind"
SINCE = "dated by the start of a period, not by its day"
OLD = "background by its date alone"
REPORT_GAP = 4  # filler words allowed between a reporting verb and its date
# The farthest back a report's own event lies from the day it was said: a weekday reaches a
# week back; an earlier month is background, not the lead's event.
RECENT = timedelta(days=7)


def _a_day(d: DateValue) -> bool:
    return d.time_precision == 1 and d.start is not None and d.start == d.end


def unsaid(items: list[Mention], said: set[int]) -> list[Mention]:
    """The date mentions that are not the day of a saying, if the sentence names another
    day ("over the past 24 hours, ... said on Wednesday" keeps the day said)."""
    other = [m for m in items if m.start not in said]
    if any(_a_day(m.data["value"]) for m in other):
        return other
    # "за последние сутки, заявил в среду": a window ending the day said is that day.
    return [m for m in items if m.start in said and _a_day(m.data["value"])] or items


def report_day(m: Mention, s: Sentence, pack: LangPack) -> bool:
    """"the governor said on Monday", "сообщил в понедельник", "lundi, a déclaré": a date
    next to a reporting verb, with nothing but filler words between, dates the saying."""
    text, a, b = s.text, m.start - s.start, m.end - s.start
    fillers = pack.regex("reporting", "gap_words")
    verbs = pack.regex("reporting", "verbs")

    def filler(gap: str) -> bool:
        words = gap.split()
        return (len(words) <= REPORT_GAP and not re.search(r"[^\w\s'’ʼ-]", gap)
                and all(len(w) <= 4 or fillers.fullmatch(w) for w in words))

    before = [v for v in verbs.finditer(text[:a]) if filler(text[v.end() : a])]
    after = verbs.search(text, b)
    return bool(before) or (after is not None and filler(text[b : after.start()]))


def event_day(doc: Document) -> None:
    """A report that tells only events older than a month tells the first as its news when
    its lead names that event's day (a month named, "en septembre", only recalls).

    A headline's or the lead sentence's claim dated only by the publication day or by
    the day it was said ("the governor said on Monday") happened on the earlier day the body
    gives the same kind of event ("overnight into Saturday"), unless the body tells it as
    another one ("On Sunday another strike ...") or names only the start of a period. One
    dated by a window ("over the past 24 hours") takes the day the body names within it."""
    if not any(not c.background for c in doc.claims):
        # "The prosecutor said on Tuesday that on 5 March a soldier shot a man": a report
        # that tells nothing newer is about the old event its lead tells.
        first = next((c for c in doc.claims if OLD in c.notes), None)
        if first is not None and first.start == doc.claims[0].start and _a_day(first.date):
            first.background = False
    stated = [c for c in doc.claims if c.date.text and c.date.start is not None
              and not c.background and not {REPORT_DAY, ANOTHER, SINCE} & set(c.notes)]
    headings = {s.start for s in doc.sentences if s.is_heading}
    lead = next((c.start for c in doc.claims if c.start not in headings and not c.background),
                None)
    for claim in doc.claims:
        d = claim.date
        window = bool(d.text) and not _a_day(d) and REPORT_DAY not in claim.notes
        if (claim.start != lead and claim.start not in headings) or (
                claim.background or d.start is None
                or (d.text and REPORT_DAY not in claim.notes and not window)):
            continue
        told = next((c for c in stated if c.start > claim.start
                     and (c.event_type, c.sub_event_type) == (claim.event_type,
                                                               claim.sub_event_type)), None)
        if told is None or not _a_day(told.date):
            continue
        day = told.date.start
        # "за сутки отбиты девять атак" ... "во вторник": the day within the window.
        if (d.start <= day <= d.end if window  # type: ignore[operator]
                else d.start - RECENT <= day < d.start):  # type: ignore[operator]
            t = told.date
            claim.date = DateValue(t.start, t.end, t.time_precision, t.text,
                                   "date of the event the report tells", t.partial)
