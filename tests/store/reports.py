"""Small varied conflict reports for store tests: French and English templates over real
Ukrainian towns, with dates, actors, numbers and speakers. Deterministic for a given n."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

TOWNS = ["Lyman", "Bakhmout", "Kramatorsk", "Sloviansk", "Izioum", "Koupiansk", "Avdiïvka",
         "Kherson", "Marioupol", "Zaporijia", "Kharkiv", "Tchernihiv", "Soumy", "Pokrovsk",
         "Sieverodonetsk", "Lyssytchansk", "Mykolaïv", "Odessa", "Dnipro", "Vouhledar"]
TOWNS_EN = ["Bakhmut", "Kramatorsk", "Sloviansk", "Izium", "Kupiansk", "Avdiivka", "Kherson",
            "Mariupol", "Kharkiv", "Chernihiv", "Sumy", "Pokrovsk", "Dnipro", "Vuhledar"]
FR = [
    "Le ministère russe de la Défense a affirmé que ses forces avaient frappé des positions "
    "ukrainiennes près de {town} le {day}, tuant {n} soldats.",
    "Les forces ukrainiennes sont entrées dans {town} le {day}, a annoncé l'état-major "
    "ukrainien.",
    "Des combats ont eu lieu à {town} le {day}, selon le ministère russe de la Défense, qui "
    "fait état de {n} morts.",
    "Selon les autorités ukrainiennes, des bombardements russes ont visé {town} le {day}.",
    "L'armée russe a annoncé le retrait de ses troupes de {town} le {day}.",
]
EN = [
    "Russian forces shelled {town} on {day_en}, Ukrainian officials said, killing {n} people.",
    "Ukrainian troops retook {town} on {day_en}, the General Staff said.",
    "Fighting continued near {town} on {day_en}, according to the Russian Defence Ministry.",
]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]
OUTLETS = ["RT", "Le Monde", "AFP", "Ukrinform", "TASS", "Reuters"]


def _day_fr(d: date) -> str:
    return f"{'1er' if d.day == 1 else d.day} {MONTHS_FR[d.month - 1]} {d.year}"


def report(i: int) -> dict[str, str]:
    rnd = random.Random(i)
    day = date(2022, 9, 1) + timedelta(days=rnd.randrange(120))
    english = rnd.random() < 0.2
    sentences = []
    for _ in range(rnd.randint(1, 3)):
        template = rnd.choice(EN if english else FR)
        town = rnd.choice(TOWNS_EN if english else TOWNS)
        sentences.append(template.format(town=town, day=_day_fr(day), n=rnd.randint(2, 60),
                                         day_en=f"{day:%B} {day.day}, {day.year}"))
    title = (f"Report {i}: fighting in the east" if english
             else f"Dépêche {i} : la situation sur le front")
    published = day + timedelta(days=rnd.randint(0, 2))
    return {"title": title, "text": title + "\n\n" + " ".join(sentences) + "\n",
            "outlet": rnd.choice(OUTLETS), "published": published.isoformat()}


def write_reports(folder: Path, n: int) -> list[Path]:
    """Half as .txt files (text only), half as JSON Lines with metadata; n documents."""
    folder.mkdir(parents=True, exist_ok=True)
    half = n // 2
    paths = []
    for i in range(half):
        path = folder / f"report-{i:05d}.txt"
        path.write_text(report(i)["text"], encoding="utf-8")
        paths.append(path)
    feed = folder / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for i in range(half, n):
            out.write(json.dumps(report(i), ensure_ascii=False) + "\n")
    return [*paths, feed]


# -- longer multilingual articles for throughput benchmarks and engine tests ----------------

TOWNS_RU = [("Бахмут", "Бахмута"), ("Краматорск", "Краматорска"), ("Харьков", "Харькова"),
            ("Херсон", "Херсона"), ("Купянск", "Купянска"), ("Изюм", "Изюма")]
TOWNS_UK = [("Бахмут", "Бахмута"), ("Краматорськ", "Краматорська"), ("Харків", "Харкова"),
            ("Херсон", "Херсона"), ("Куп'янськ", "Куп'янська"), ("Ізюм", "Ізюма")]
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря"]
MONTHS_UK = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
             "вересня", "жовтня", "листопада", "грудня"]
RU = [
    "Минобороны России заявило, что {day} российские войска нанесли удар по позициям ВСУ "
    "в районе {gen}, уничтожив {n} военнослужащих.",
    "{day} украинские военные обстреляли центр {gen}, сообщили местные власти.",
    "По словам губернатора, {day} в {nom} продолжались бои.",
]
UK = [
    "{day} російські війська обстріляли центр {gen}, повідомив голова обласної військової "
    "адміністрації; загинули {n} людей.",
    "Генштаб ЗСУ заявив, що {day} українські сили відбили атаку під {gen}.",
    "{day} у {nom} тривали бої, повідомили в Генштабі.",
]
CONTEXT = {
    "fr": ["La situation reste tendue dans la région, où les habitants manquent d'eau et "
           "d'électricité depuis plusieurs semaines.",
           "Les deux camps ne donnent pas de bilan indépendant et les informations ne peuvent "
           "pas être vérifiées sur place."],
    "en": ["The situation in the region remains tense, with residents lacking water and "
           "power for several weeks.",
           "Neither side's figures could be independently verified."],
    "ru": ["Обстановка в регионе остается напряженной, жители несколько недель живут без "
           "воды и электричества.",
           "Независимо проверить эти данные не удалось."],
    "uk": ["Ситуація в регіоні залишається напруженою, мешканці кілька тижнів живуть без "
           "води та світла.",
           "Незалежно перевірити ці дані неможливо."],
}
CLUTTER = {
    "fr": ["Suivez-nous sur Telegram", "Lire aussi : les dernières nouvelles du front",
           "Partager sur Facebook"],
    "en": ["Follow us on Telegram", "Read more: the latest from the front line",
           "Share on Facebook"],
    "ru": ["Читайте также: последние новости с фронта", "Подписывайтесь на наш Telegram"],
    "uk": ["Читайте також: останні новини з фронту", "Підписуйтесь на наш Telegram"],
}


def article(i: int) -> dict[str, str]:
    """A few paragraphs in one of four languages, with context sentences and clutter lines
    (follow-us, related links); deterministic for a given i."""
    rnd = random.Random(10_000 + i)
    lang = rnd.choices(["fr", "en", "ru", "uk"], weights=[4, 3, 2, 1])[0]
    if lang in ("fr", "en"):
        base = report(i)
        lang = "en" if base["title"].startswith("Report") else "fr"
        title, published = base["title"], base["published"]
        more = (report(j) for j in range(1_000_000 + i, 10**9, 7919))
        second = next(r for r in more if r["title"].startswith("Report") == (lang == "en"))
        paragraphs = [r["text"].split("\n\n", 1)[1].strip() for r in (base, second)]
    else:
        day = date(2022, 9, 1) + timedelta(days=rnd.randrange(120))
        months, towns, templates = ((MONTHS_RU, TOWNS_RU, RU) if lang == "ru"
                                    else (MONTHS_UK, TOWNS_UK, UK))
        paragraphs = []
        for _ in range(rnd.randint(2, 3)):
            nom, gen = rnd.choice(towns)
            paragraphs.append(rnd.choice(templates).format(
                day=f"{day.day} {months[day.month - 1]} {day.year} года" if lang == "ru"
                else f"{day.day} {months[day.month - 1]} {day.year} року",
                nom=nom, gen=gen, n=rnd.randint(2, 40)))
        title = paragraphs[0].split(",")[0]
        published = (day + timedelta(days=rnd.randint(0, 2))).isoformat()
    paragraphs += rnd.sample(CONTEXT[lang], k=2)
    lines = [title, "", *[p + "\n" for p in paragraphs], *rnd.sample(CLUTTER[lang], k=2)]
    return {"title": title, "text": "\n".join(lines) + "\n", "outlet": rnd.choice(OUTLETS),
            "published": published, "url": f"https://example.org/{lang}/{i}"}


def write_corpus(path: Path, n: int) -> Path:
    """n articles as one JSON Lines file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps(article(i), ensure_ascii=False) + "\n")
    return path
