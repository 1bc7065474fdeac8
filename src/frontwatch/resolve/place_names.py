"""Finding place names in text: gazetteer lookup of capitalised word sequences.

Recognition does not rely on NER (French models tag "Krasny Liman" as a person): every
capitalised word sequence is looked up in the gazetteer, longest first. Left out are names
that are parts of an actor's name ("République populaire de Donetsk"), parts of longer
names the gazetteer does not know ("Vladimir Poutine", "Royal Street"), capitalised
function words, and words the document itself shows are something else:

- a person's surname: the last word of a person's name ("Lorraine Bailey ... Bailey said"
  makes "Bailey" a person for the whole document, not Bailey, Colorado), known by a middle
  initial ("Terry A. Corbin"), a title ("Superintendent Larry Lee"), an age ("Ashley L.
  Evans, 26,") or a reporting verb ("Lee said");
- a common word that only opens a sentence ("Police said ...", "Still, ...") when the same
  word is written in lower case elsewhere in the document;
- an acronym ("FDA", "HIV") that is not a country's or region's own short name.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from frontwatch.analyse.rules import common_word
from frontwatch.langpack import LangPack, union
from frontwatch.model import Document, Place, Token
from frontwatch.resolve import place_spelling as spelling
from frontwatch.resolve.gazetteer import Gazetteer, normalize_name

MAX_NGRAM = 6
CONTEXT_CHARS = 60
NAME_JOINERS = {"-", "'", "’", "‑", "."}  # "Rostov-on-Don", "St. Petersburg", "U.S."
UNITS = frozenset({"PCLI", "ADM1", "RGN"})
# A place that speaks ("Kyiv said", "Texas announced") is a government: never a surname.
SPEAKING_CITY = 250_000
# A short name in capitals is an acronym unless it is a sizeable town's own name ("PARIS").
CAPS_TOWN = 20_000
LATIN_END = 0x250  # Basic Latin to Latin Extended-B: "Khās", "Łódź"
ALIAS_TOWN = 10_000  # below this, a place's other name opening a sentence is a common word
_AGE_AFTER = re.compile(r"\s*,\s*\d{1,3}\s*,")


@dataclass
class Raw:
    start: int
    end: int
    text: str
    candidates: list[Place]
    relation: str = "in"
    region_phrase: str | None = None
    offset: tuple[float, float] | None = None  # km, bearing in degrees
    local: bool = False  # "a Paris man": someone's home town, never a country


def _masked_spans(doc: Document, pack: LangPack,
                  gaz: Gazetteer) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The actors' spans that hold no place, and those that are a place: their seat."""
    # Named actors ("République populaire de Donetsk") contain place names that are no
    # places at all. A speaker's place ("губернатор Белгородской области", "the ministry
    # in Kyiv") is still a place: the stage keeps it, framed as descriptive. An actor named
    # by its seat is that place where the text puts something there ("drones over the
    # Kremlin", "у стен Кремля"), and stays the actor where it speaks ("the Kremlin said").
    masked: list[tuple[int, int]] = []
    seats: list[tuple[int, int]] = []
    verbs = union(list(pack.get("reporting", "verbs", [])))
    for m in doc.mentions:
        if m.kind == "actor" and "actor" in m.data:
            # "В Кремле заявили": the seat that speaks is the actor, whatever the preposition.
            speaks = verbs.match(doc.text[m.end : m.end + CONTEXT_CHARS].lstrip(" ,"))
            placed = not speaks and placed_seat(doc, m.start, pack) and any(
                p.feature == "RGN" for p in gaz.lookup(_bare(m.text, pack))
            )
            (seats if placed else masked).append((m.start, m.end))
    return masked, seats


def placed_seat(doc: Document, start: int, pack: LangPack) -> bool:
    """A locative or a seat's cue ("over", "у стен") stands right before `start`."""
    locative = pack.regex("places", "locative_before", anchor_end=True, words=False)
    seat = pack.regex("places", "seat_before", anchor_end=True)
    return bool(locative.search(doc.text[max(0, start - 20) : start])
                or seat.search(doc.text[max(0, start - CONTEXT_CHARS) : start]))


def _bare(text: str, pack: LangPack) -> str:
    """The actor's words without a leading article ("the Kremlin": "Kremlin")."""
    article = pack.regex("places", "seat_article")
    m = article.match(text)
    return text[m.end() :].lstrip() if m else text


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _capitalised(tok: Token | None, stops: frozenset[str]) -> bool:
    return bool(
        tok and tok.text[:1].isupper() and tok.text[:1].isalpha()
        and tok.text.casefold() not in stops
    )


def _adjacent(a: Token | None, b: Token | None) -> bool:
    return a is not None and b is not None and 0 <= b.start - a.end <= 1


def _initial_at(tokens: list[Token], k: int) -> bool:
    """tokens[k] is a middle initial: one capital letter and a full stop ("L." in "Ashley L.
    Evans") after a capitalised word."""
    return (
        k > 0 and k + 1 < len(tokens) and len(tokens[k].text) == 1 and tokens[k].text.isupper()
        and tokens[k + 1].text == "." and tokens[k - 1].text[:1].isupper()
        and len(tokens[k - 1].text) > 1 and tokens[k - 1].text.isalpha()
        and _adjacent(tokens[k - 1], tokens[k])
    )


def _part_of_longer_name(tokens: list[Token], i: int, j: int, titles: re.Pattern[str],
                         before: str, stops: frozenset[str],
                         starts: frozenset[int] = frozenset()) -> bool:
    """A single capitalised word next to other capitalised words that the gazetteer does not
    know belongs to a longer name: a person ("Vladimir Poutine"), a street ("Royal
    Street"), an institution ("Manila Cathedral"). A title before it ("le président X")
    or a middle initial ("Terry A. Corbin") makes it a person too."""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    prev = tokens[i - 1] if i > 0 else None
    if _capitalised(nxt, stops) and _adjacent(tokens[j], nxt):
        return True
    if j + 2 < len(tokens) and _initial_at(tokens, j + 1) and tokens[j + 3 : j + 4] and (
        tokens[j + 3].text[:1].isupper()
    ):
        return True  # "Terry A. Corbin"
    # A capital that only opens a headline ("Обстріл Куп'янська") says nothing; in running
    # text a capital before a name more often starts a longer one ("Mayor Smith").
    if _capitalised(prev, stops) and _adjacent(prev, tokens[i]) and prev.start not in starts:  # type: ignore[union-attr]
        return True
    if i >= 2 and _initial_at(tokens, i - 2):
        return True
    return bool(titles.search(before))


def _is_unit(places: list[Place]) -> bool:
    return any(p.feature in UNITS for p in places)


def _is_country(places: list[Place]) -> bool:
    return any(p.feature == "PCLI" for p in places)


def _speaks(places: list[Place]) -> bool:
    """Places whose name stands for a government or an authority when it "says" things."""
    return any(p.feature in UNITS or p.population >= SPEAKING_CITY for p in places)


class _People:
    """The surnames a document shows to be people's."""

    def __init__(self, doc: Document, pack: LangPack, gaz: Gazetteer, stops: frozenset[str],
                 generic: frozenset[str], titles: re.Pattern[str]) -> None:
        self.doc, self.gaz, self.stops, self.generic = doc, gaz, stops, generic
        verbs = union(list(pack.get("reporting", "verbs", [])))
        # Token ends right before a reporting verb ("Lee said", "Lee, said"): found in one
        # pass over the text.
        self.verb_at = {
            m.start() for m in re.finditer(r"(?<=\w)\s*,?\s*(?=" + verbs.pattern + ")",
                                           doc.text, verbs.flags)
        }
        self.title_words = {
            w.casefold().rstrip("?").rstrip("\\.") for w in pack.get("meta", "person_titles", [])
            if re.fullmatch(r"[\w ]+(?:\\\.\??)?", w)
        }
        self.titles = titles
        self.surnames: set[str] = set()
        tokens = doc.tokens
        said = {k for k, t in enumerate(tokens) if self._verb_after(t)}
        for run in self._runs(tokens):
            self._person_run(tokens, run, said)
        for k in said:
            t = tokens[k]
            prev = tokens[k - 1].text if k else ""
            if prev.isalpha() and prev.islower() and prev not in self.title_words:
                continue  # "police in Zionsville said": the place of the speakers
            if t.text[:1].isupper() and t.text.isalpha() and t.text.casefold() not in stops:
                places = gaz.lookup(t.text)
                if places and not _speaks(places):
                    self.surnames.add(t.text.casefold())  # "Bailey said"
        for k, t in enumerate(tokens):
            if k and self._titled(tokens, k):
                self.surnames.add(t.text.casefold())  # "Mr. Lee"

    def _verb_after(self, t: Token) -> bool:
        return t.end in self.verb_at

    def _titled(self, tokens: list[Token], k: int) -> bool:
        t = tokens[k]
        if not (t.text[:1].isupper() and t.text.isalpha()):
            return False
        p = k - 1
        if tokens[p].text == "." and p > 0:
            p -= 1
        return tokens[p].text.casefold() in self.title_words

    def _runs(self, tokens: list[Token]) -> list[list[int]]:
        """Maximal sequences of capitalised words, middle initials included."""
        runs: list[list[int]] = []
        run: list[int] = []
        k = 0
        while k < len(tokens):
            t = tokens[k]
            word = t.text[:1].isupper() and t.text.isalpha()
            if word and run and _initial_at(tokens, k):
                run.append(k)
                k += 2  # the initial and its full stop
                continue
            if word and (not run or 0 <= t.start - tokens[k - 1].end <= 1):
                run.append(k)
            else:
                if len(run) > 1:
                    runs.append(run)
                run = [k] if word else []
            k += 1
        if len(run) > 1:
            runs.append(run)
        return runs

    def _person_run(self, tokens: list[Token], run: list[int], said: set[int]) -> None:
        words = [k for k in run if len(tokens[k].text) > 1]
        last = tokens[run[-1]]
        key = last.text.casefold()
        if len(words) < 2 or len(last.text) < 2 or key in self.stops or key in self.generic:
            return
        start, end = tokens[run[0]].start, last.end
        if self.gaz.lookup(self.doc.text[start:end]):
            return  # "New York", "Kansas City": a place the gazetteer knows
        initial = any(len(tokens[k].text) == 1 for k in run[:-1])
        titled = any(tokens[k].text.casefold() in self.title_words for k in run[:-1]) or bool(
            self.titles.search(self.doc.text[max(0, start - CONTEXT_CHARS) : start])
        )
        age = bool(_AGE_AFTER.match(self.doc.text, end))
        speaks = run[-1] in said
        if initial or titled or age or speaks:
            self.surnames.add(key)


def recognise(
    doc: Document, pack: LangPack, gaz: Gazetteer, stops: frozenset[str],
    generic: frozenset[str] = frozenset(), focus: frozenset[str] = frozenset(),
) -> list[Raw]:
    """`stops`: capitalised words that are never places and never part of a name (function
    words); `generic`: nouns that are never places alone but belong to longer names;
    `focus`: the countries of the conflict, whose small places are often common words."""
    common = common_word(doc.language)
    masked, seats = _masked_spans(doc, pack, gaz)
    # Where only names take capitals (Russian, Ukrainian), a capital that opens a sentence
    # ("Колишній Дніпропетровськ", "Поблизу Лиману") starts no longer name.
    joins = pack.get("places", "opening_word_joins", True)
    starts = frozenset(s.start for s in doc.sentences if s.is_heading or not joins)
    if not joins:  # the splitter keeps some sentences together ("тривають бої. Колишній")
        starts |= {b.start for a, b in itertools.pairwise(doc.tokens) if a.text in ".!?…"}
    sentence_starts = frozenset(_first_words(doc))
    openings = sentence_starts | starts
    titles = union(list(pack.get("meta", "person_titles", [])), anchor_end=True)
    tokens = doc.tokens
    people = _People(doc, pack, gaz, stops, generic, titles)
    lower = {t.text for t in tokens if t.text.isalpha() and t.text.islower()}
    found: list[Raw] = []
    i = 0
    limit = min(MAX_NGRAM, max(1, gaz.max_name_tokens))
    while i < len(tokens):
        tok = tokens[i]
        if not (tok.text[:1].isupper() and tok.text[:1].isalpha()) or _inside(
            tok.start, tok.end, masked
        ):
            i += 1
            continue
        match: tuple[int, list[Place]] | None = None
        for n in range(limit, 0, -1):
            j = i + n - 1
            if j >= len(tokens) or not tokens[j].text[:1].isalnum():
                continue
            span = doc.text[tok.start : tokens[j].end]
            if "\n" in span or any(
                not t.text[:1].isalnum() and t.text not in NAME_JOINERS for t in tokens[i : j + 1]
            ):
                continue
            places = gaz.lookup(span)
            forms = [span]
            if any(f != t.text.lower() for t in tokens[i : j + 1] for f in t.forms):
                # Inflected forms ("в Новой Каховке", "з Куп'янська", "под Опытным"): the
                # dictionary forms too, even where the inflected form is itself a name
                # ("Винницы" is a village near Saint Petersburg and the genitive of Vinnytsia).
                forms = spelling.readings(tokens[i : j + 1], pack)
                for form in forms:
                    places = spelling.merge(places, gaz.lookup(form))
            if not spelling.in_transcribed(places, pack):
                # "Lyssytchansk", "Новоселівка"; and "Еленовка", which as written is only
                # Sevan's old name in Armenia.
                places = spelling.merge(places, spelling.respelled(forms, pack, gaz))
            # "Куп'янського району", "на Лиманському напрямку": a district or an axis named
            # by its town's adjective is the town's, not a village named Lymanske.
            places = spelling.town_of_adjective(forms, doc.text[tokens[j].end :], pack,
                                                gaz) or places
            if places:
                match = (j, places)
                break
        if match is None:
            i += 1
            continue
        j, places = match
        text = doc.text[tok.start : tokens[j].end]
        before = doc.text[max(0, tok.start - CONTEXT_CHARS) : tok.start]
        seat = _inside(tok.start, tok.end, seats)
        if i == j and not seat and (
            _not_a_place(text, tokens, i, places, before, stops, generic, titles, starts,
                         sentence_starts, lower, people, gaz, joins)
            or (tok.start in openings
                and _common_opening(tok, text, places, gaz, common, focus))
        ):
            i = j + 1
            continue
        floor = found[-1].end if found else 0
        wider = spelling.phrase_before(doc.text, tokens, i, j, floor, gaz, places)
        if wider is not None:  # "правого берега Дніпра", "the left bank of the Dnipro"
            k, places = wider
            text = doc.text[tokens[k].start : tokens[j].end]
            tok = tokens[k]
        found.append(Raw(tok.start, tokens[j].end, text, places))
        i = j + 1
    return found


def _not_a_place(text: str, tokens: list[Token], i: int, places: list[Place], before: str,
                 stops: frozenset[str], generic: frozenset[str], titles: re.Pattern[str],
                 starts: frozenset[int], sentence_starts: frozenset[int], lower: set[str],
                 people: _People, gaz: Gazetteer, joins: bool = True) -> bool:
    key = text.casefold()
    if key in stops or key in generic:
        return True
    if len(text) < 3 and not text.isupper():
        # "Athens, Ga.": an AP-style state abbreviation placing the town before it.
        return not (_is_unit(places) and before.endswith(", ") and i + 1 < len(tokens)
                    and tokens[i + 1].text == "." and tokens[i + 1].start == tokens[i].end)
    if text.isupper() and len(text) <= 5:
        # Two letters are an abbreviation, and so is a short all-capital word ("FDA",
        # "HIV"); only a country's or region's own short name ("US", "UK", "EU") is kept,
        # or a sizeable town's own name written in capitals ("PARIS", "KYIV").
        own = normalize_name(text)
        if len(text) < 3:
            return not _is_unit(places)
        return not (_is_unit(places) or any(
            normalize_name(p.name) == own and p.population >= CAPS_TOWN for p in places
        ))
    if _part_of_longer_name(tokens, i, i, titles, before, stops, starts) and not (
        _is_country(places) or (not joins and _unit_follows(tokens, i, gaz))
    ):
        return True
    tok = tokens[i]
    if tok.start in sentence_starts and not _is_unit(places) and (
        text.lower() in lower or _only_a_small_alias(text, places)
    ):
        return True  # "Police said ...", "Still, ...", "08:47 — Air defence ..."
    return key in people.surnames and not _speaks(places) and not _placed(tokens, i, gaz)


def _common_opening(tok: Token, text: str, places: list[Place], gaz: Gazetteer,
                    common: Callable[[str], bool], focus: frozenset[str]) -> bool:
    """A sentence's first word that the dictionary reads only as a common word ("Жены ...",
    "Новым главкомом ...") is no place when its places all lie outside the conflict's
    countries, or when it reaches only small places and only through its dictionary form.
    Many towns of the front are common words as written ("Лиман", "Счастье"): those stay."""
    if _is_unit(places) or not common(text):
        return False
    ours = [p for p in places if p.country in focus]
    if not ours:
        return True
    inflected = text.lower() not in tok.forms and not gaz.lookup(text)
    return inflected and all(p.population < ALIAS_TOWN for p in ours)


def _first_words(doc: Document) -> Iterator[int]:
    """Where each sentence's first word starts: after a live blog's time stamp, a bullet or
    a dash ("08:47 — Air defence ...") the first word is still capitalised by rule."""
    tokens = doc.tokens
    k = 0
    for s in doc.sentences:
        while k < len(tokens) and tokens[k].start < s.start:
            k += 1
        j = k
        while j < len(tokens) and tokens[j].start < s.end and not tokens[j].text[:1].isalpha():
            j += 1
        yield tokens[j].start if j < len(tokens) and tokens[j].start < s.end else s.start


def _only_a_small_alias(text: str, places: list[Place]) -> bool:
    """A capital that opens a sentence and names no place by its own name, only a village's
    other name in the same alphabet ("Air" for Air Khās), is an ordinary word."""
    own = normalize_name(text)
    return _latin(text) and all(
        p.population < ALIAS_TOWN and normalize_name(p.name) != own and _latin(p.name)
        for p in places
    )


def _latin(word: str) -> bool:
    return all(ord(ch) < LATIN_END for ch in word)


def _unit_follows(tokens: list[Token], i: int, gaz: Gazetteer) -> bool:
    """The capitals after a name are its region ("Олександрівку Харківської області",
    "в городе Донецк Ростовской области"), not the rest of a longer name. Only where
    capitals mark names alone: in English "Air Canada" and "Taco Bell Canada" are names."""
    for n in (1, 2, 3):
        words = tokens[i + 1 : i + 1 + n]
        if len(words) == n and all(_adjacent(a, b) for a, b in itertools.pairwise(
            [tokens[i], *words]
        )) and _is_unit(gaz.lookup(" ".join(t.text for t in words))):
            return True
    return False


def _placed(tokens: list[Token], i: int, gaz: Gazetteer) -> bool:
    """A name followed by its state or country ("Bailey, Colo.") is a place after all."""
    if i + 2 >= len(tokens) or tokens[i + 1].text != ",":
        return False
    for n in (1, 2, 3):
        if i + 1 + n < len(tokens):
            span = " ".join(t.text for t in tokens[i + 2 : i + 2 + n])
            if _is_unit(gaz.lookup(span.replace(" .", "."))):
                return True
    return False
