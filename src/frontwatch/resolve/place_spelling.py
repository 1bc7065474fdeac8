"""Other spellings of a name the gazetteer does not hold as written.

Three rules, each driven by the language pack's `places.toml`:

- dictionary forms: an inflected name ("в Новой Каховке", "под Опытным") is looked up in
  the lemmatiser's forms, with its adjectives in every gender (`adjective_endings`), since
  a name that is an adjective agrees with a noun the text leaves out ("Опытное");
- romanisation (`romanisation`, `romanisation_initial`): small Ukrainian villages are in
  GeoNames under their Latin name only ("Новоселівка" is found as "Novoselivka");
- respelling (`spelling_variants`): French transcribes Cyrillic its own way ("Lyssytchansk",
  "Vouhledar", "Chebekino"); each rule may or may not apply, so every combination is tried.

The last two only reach the countries whose names they transcribe (`spelling_countries`):
a respelled French word must not land on a hamlet elsewhere.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import cache

from frontwatch.langpack import LangPack
from frontwatch.model import Place, Token
from frontwatch.resolve.gazetteer import Gazetteer, normalize_name

MAX_READINGS = 24
MAX_VARIANTS = 32


def merge(first: list[Place], more: list[Place]) -> list[Place]:
    out = list(first)
    out.extend(p for p in more if p not in out)
    # Most populous first, as the gazetteer answers.
    return sorted(out, key=lambda p: (-p.population, p.geonames_id or 0))


def genders(form: str, endings: Sequence[Sequence[str]]) -> list[str]:
    """A dictionary form and the same adjective in the other genders."""
    out = [form]
    for group in endings:
        for ending in group:
            if form.endswith(ending) and len(form) > len(ending) + 2:
                stem = form[: len(form) - len(ending)]
                out.extend(stem + e for e in group if stem + e not in out)
    return out


def readings(words: Sequence[Token], pack: LangPack) -> list[str]:
    """Dictionary forms of a name: every reading of every word, adjectives in every gender
    ("Новой Каховке": новая каховка)."""
    endings = pack.get("places", "adjective_endings", [])
    plurals = pack.get("places", "plural_only_endings", [])
    words = [t for t in words if t.text[:1].isalnum()]
    per_word: list[list[str]] = []
    for t in words:
        forms: list[str] = []
        for form in t.forms or (t.lemma,):
            forms.extend(f for f in genders(form, endings) if f not in forms)
        # "з Кринок": the lemmatiser gives the singular of a name that has only a plural.
        forms.extend(f[: -len(sg)] + pl for f in list(forms) for sg, pl in plurals
                     if f.endswith(sg) and f[: -len(sg)] + pl not in forms)
        per_word.append(forms)
    return [" ".join(c) for c in itertools.islice(itertools.product(*per_word), MAX_READINGS)]


@cache
def _rules(pack: LangPack) -> tuple[dict[str, str], dict[str, str],
                                    tuple[tuple[re.Pattern[str], str], ...], frozenset[str]]:
    table = pack.get("places", "romanisation", {})
    initial = pack.get("places", "romanisation_initial", {})
    variants = tuple((re.compile(a), b) for a, b in pack.get("places", "spelling_variants", []))
    return table, initial, variants, frozenset(pack.get("places", "spelling_countries", []))


def _romanised(text: str, table: dict[str, str], initial: dict[str, str]) -> str:
    out: list[str] = []
    for k, ch in enumerate(text):
        at_start = k == 0 or not text[k - 1].isalpha()
        out.append(initial[ch] if at_start and ch in initial else table.get(ch, ch))
    return "".join(out)


def respellings(text: str, pack: LangPack) -> list[str]:
    table, initial, variants, _ = _rules(pack)
    base = normalize_name(text)
    if table:
        base = _romanised(base, table, initial)
    out = [base]
    for pattern, repl in variants:
        if len(out) >= MAX_VARIANTS:
            break
        changed = [pattern.sub(repl, s) for s in out]
        out.extend(v for v in dict.fromkeys(changed) if v not in out)
    return out[:MAX_VARIANTS]


def in_transcribed(places: Sequence[Place], pack: LangPack) -> bool:
    """Some of `places` lie in a country whose names the pack transcribes (or it has none)."""
    countries = _rules(pack)[3]
    return not countries or any(p.country in countries for p in places)


def respelled(texts: Sequence[str], pack: LangPack, gaz: Gazetteer) -> list[Place]:
    """Places in the transcribed countries under another spelling of any of `texts`."""
    table, _, variants, countries = _rules(pack)
    if not (table or variants) or not countries:
        return []
    found: list[Place] = []
    for text in texts:
        for variant in respellings(text, pack):
            found = merge(found, [p for p in gaz.lookup(variant) if p.country in countries])
    return found


MAX_PREFIX = 4


def phrase_before(text: str, tokens: Sequence[Token], i: int, j: int, floor: int,
                  gaz: Gazetteer, own: Sequence[Place]) -> tuple[int, list[Place]] | None:
    """A gazetteer phrase that ends with the name tokens[i..j] and opens with lower-case
    words: "правого берега Дніпра" (the bank, not the city), "річці Дніпро", "rive gauche du
    Dniepr". The lower-case words may be inflected; the name stays as written, since a
    phrase governs its case ("берег Дніпра"). The longest phrase wins. Only a named area
    (RGN) counts, for a name that alone may mean something else (Dniepr, the city): "the
    United States" and "the state of Texas" are the name itself, framed by the words
    before it."""
    if all(p.feature == "RGN" for p in own):
        return None  # "the Dnieper" already names the river
    area = any(p.feature == "RGN" for p in own)
    name = text[tokens[i].start : tokens[j].end]
    # One word before a name that may mean an area modifies it: "southeast Asia" is Asia.
    for k in range(max(0, i - MAX_PREFIX), i - 1 if area else i):
        prefix = tokens[k:i]
        if prefix[0].start < floor or "\n" in text[prefix[0].start : tokens[i].start]:
            continue
        if not all(t.text.isalpha() and t.text.islower() for t in prefix):
            continue
        found = gaz.lookup(text[prefix[0].start : tokens[j].end])
        if not found:
            forms = [list(dict.fromkeys((*(t.forms or (t.lemma,)), t.text.lower())))
                     for t in prefix]
            for combo in itertools.islice(itertools.product(*forms), MAX_READINGS):
                found = gaz.lookup(" ".join((*combo, name)))
                if found:
                    break
        if found and all(p.feature == "RGN" and p not in own for p in found):
            return k, found
    return None


def town_of_adjective(forms: Sequence[str], after: str, pack: LangPack,
                      gaz: Gazetteer) -> list[Place]:
    """The town an adjective names when a district or axis word follows it: "Куп'янського
    району" (куп'янський: Куп'янськ), "Лиманском направлении" (лиманский: Лиман)."""
    if not pack.regex("places", "district_after").match(after.lstrip()):
        return []
    found: list[Place] = []
    for form in forms:
        for ending, town in pack.get("places", "town_adjectives", []):
            if form.endswith(ending) and len(form) > len(ending) + 2:
                found = merge(found, [p for p in gaz.lookup(form[: -len(ending)] + town)
                                      if p.feature == "PPL"])
    return found
