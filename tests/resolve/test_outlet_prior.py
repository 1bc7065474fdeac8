"""An outlet's home region, learned from its documents in a batch or given by the user."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from frontwatch import api
from frontwatch.cli import main
from frontwatch.model import Document, PlaceMention
from frontwatch.read import Defaults
from frontwatch.resolve.outlet_prior import Home, learn_homes, parse_home

# A small East Texas paper: its other stories name towns that only Texas has.
TEXAS_STORIES = [
    "Council approves budget. The Corsicana city council approved a new budget on Monday "
    "after a long debate about road repairs.",
    "Hospital expands. A regional hospital in Lufkin will add forty beds next year, its "
    "director told reporters on Tuesday.",
    "University hires coach. The new football coach was welcomed at a dinner in "
    "Nacogdoches on Friday night.",
]
BARE_ATHENS = ("Library reopens. The public library in Athens reopened on Saturday after "
               "repairs to its roof, and volunteers brought back the books.")


def _write(tmp_path: Path, texts: list[str], url: str = "https://www.easttexascourier.com") -> str:
    path = tmp_path / "batch.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"url": f"{url}/news/{i}", "text": text}) + "\n")
    return str(path)


def _athens(doc: Document) -> PlaceMention:
    (hit,) = [p for p in doc.places if p.text == "Athens"]
    return hit


def test_a_local_papers_bare_athens_is_its_own(tmp_path: Path) -> None:
    result = api.places([_write(tmp_path, [*TEXAS_STORIES, BARE_ATHENS])], Defaults())
    athens = _athens(result.documents[-1])
    assert athens.place and (athens.place.country, athens.place.admin1_code) == ("US", "TX")
    assert "home region US-TX" in athens.reason
    assert "learned from" in athens.reason
    assert result.documents[-1].home and result.documents[-1].home["region"] == "US-TX"


def test_alone_the_same_story_means_the_capital(tmp_path: Path) -> None:
    (doc,) = api.places([_write(tmp_path, [BARE_ATHENS])], Defaults()).documents
    athens = _athens(doc)
    assert athens.place and athens.place.country == "GR"
    assert doc.home is None


def test_other_outlets_do_not_lend_their_home(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [{"url": f"https://www.easttexascourier.com/{i}", "text": t}
             for i, t in enumerate(TEXAS_STORIES)]
    lines.append({"url": "https://www.worlddesk.example/1", "text": BARE_ATHENS})
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    result = api.places([str(path)], Defaults())
    athens = _athens(result.documents[-1])
    assert athens.place and athens.place.country == "GR"


def test_the_batch_order_does_not_change_the_choice(tmp_path: Path) -> None:
    forward = api.places([_write(tmp_path, [*TEXAS_STORIES, BARE_ATHENS])], Defaults())
    backward = api.places([_write(tmp_path, [BARE_ATHENS, *reversed(TEXAS_STORIES)])],
                          Defaults())
    assert _athens(forward.documents[-1]).place == _athens(backward.documents[0]).place


def test_a_world_desk_gets_no_home(tmp_path: Path) -> None:
    stories = [
        "Talks resume. Diplomats met in Geneva on Monday to resume the talks.",
        "Floods. Heavy rain flooded streets in Jakarta, officials said.",
        "Election. Voters in Nairobi queued for hours on Tuesday.",
        "Strike. Dock workers in Rotterdam walked out on Friday.",
    ]
    result = api.places([_write(tmp_path, stories, "https://www.worlddesk.example")],
                        Defaults())
    docs = result.documents
    assert learn_homes(docs, api.default_resources().gazetteer) == {}
    assert all(d.home is None for d in docs)


def test_the_user_names_the_home(tmp_path: Path) -> None:
    (doc,) = api.places([_write(tmp_path, [BARE_ATHENS])], Defaults(home="US-TX")).documents
    athens = _athens(doc)
    assert athens.place and (athens.place.country, athens.place.admin1_code) == ("US", "TX")
    assert "home region US-TX (option)" in athens.reason


def test_home_codes() -> None:
    assert parse_home("us-tx") == Home("US", "TX")
    assert parse_home("GB") == Home("GB")
    assert parse_home("Texas") is None
    assert parse_home("") is None


def test_cli_home_option(tmp_path: Path) -> None:
    path = _write(tmp_path, [BARE_ATHENS])
    out = CliRunner().invoke(main, ["places", path, "--home", "US-TX", "--format", "json",
                                     "--published", "2024-05-04"])
    assert out.exit_code == 0, out.output
    (doc,) = json.loads(out.output)["documents"]
    (athens,) = [p for p in doc["places"] if p["text"] == "Athens"]
    assert athens["country"] == "US" and athens["admin1"] == "Texas"
    bad = CliRunner().invoke(main, ["places", path, "--home", "Texas"])
    assert bad.exit_code != 0


def test_the_region_counts_more_than_the_beat_across_its_border() -> None:
    # A paper in Concord, New Hampshire: Hanover NH is home; Hanover MA only near it.
    home = Home("US", "NH", "test", (43.2, -71.54))
    gaz = api.default_resources().gazetteer
    towns = {p.admin1_code: p for p in gaz.lookup("Hanover") if p.country == "US"}
    assert home.holds(towns["NH"]) == 1.0
    assert 0 < home.holds(towns["MA"]) < 1.0
    assert home.holds(towns["PA"]) == 0.0


def test_claims_are_placed_with_the_outlets_home(tmp_path: Path) -> None:
    report = BARE_ATHENS + " Two people were killed when a gunman opened fire in Athens on " \
                           "Friday, police said."
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(
        json.dumps({"url": f"https://www.easttexascourier.com/{i}", "text": t,
                    "published": "2024-05-03"}) + "\n"
        for i, t in enumerate([*TEXAS_STORIES, report])), encoding="utf-8")
    doc = api.extract([str(path)], Defaults()).documents[-1]
    located = [c.location for c in doc.claims if c.location is not None]
    assert located and all(p.place and p.place.admin1_code == "TX" for p in located)
