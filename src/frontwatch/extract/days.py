"""Which day a claim's date is: the day of the event, or only the day it was said or
published. Reports date the saying ("сообщил в понедельник") and the event ("в ночь на
субботу") apart; taking one for the other splits one event in two."""

from __future__ import annotations

import re

from frontwatch.langpack import LangPack
from frontwatch.model import DateValue, Document, Mention, Sentence

REPORT_DAY = "date of the report, not of the event"
ANOTHER = "told as another event of its kind"
SINCE = "dated by the start of a period, not by its day"
REPORT_GAP = 4  # filler words allowed between a reporting verb and its date


def unsaid(items: list[Mention], said: set[int]) -> list[Mention]:
    """The date mentions that are not the day of a saying, if the sentence has any."""
    return [m for m in items if m.start not in said] or items


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
    """A headline's or the lead sentence's claim dated only by the publication day or by
    the day it was said ("the governor said on Monday") happened on the earlier day the body
    gives the same kind of event ("overnight into Saturday"), unless the body tells it as
    another one ("On Sunday another strike ...") or names only the start of a period."""
    stated = [c for c in doc.claims if c.date.text and c.date.start is not None
              and not c.background and not {REPORT_DAY, ANOTHER, SINCE} & set(c.notes)]
    headings = {s.start for s in doc.sentences if s.is_heading}
    lead = next((c.start for c in doc.claims if c.start not in headings and not c.background),
                None)
    for claim in doc.claims:
        if (claim.start != lead and claim.start not in headings) or (
                claim.background or claim.date.start is None
                or (claim.date.text and REPORT_DAY not in claim.notes)):
            continue
        told = next((c for c in stated if c.start > claim.start
                     and (c.event_type, c.sub_event_type) == (claim.event_type,
                                                               claim.sub_event_type)), None)
        if told is not None and told.date.start < claim.date.start:  # type: ignore[operator]
            d = told.date
            claim.date = DateValue(d.start, d.end, d.time_precision, None,
                                   "date of the event the report tells", d.partial)
