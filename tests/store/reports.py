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
