"""The store, on SQLite and PostgreSQL: ingest, idempotence, failures, retry, search, stats."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontwatch import api
from frontwatch.cli import main
from frontwatch.model import Claim, Document
from frontwatch.read import Defaults
from frontwatch.store import Filters, Store, ingest

LYMAN_DEFAULTS = Defaults(published=date(2022, 10, 1), outlet="RT")


def test_claim_record_round_trip(lyman: api.Result) -> None:
    for claim in lyman.documents[0].claims:
        again = Claim.from_record(json.loads(json.dumps(claim.to_record())))
        assert again == claim


def test_ingest_matches_extract_and_is_idempotent(db: str, lyman_path: Path,
                                                  lyman: api.Result) -> None:
    with Store.open(db) as store:
        report = ingest(store, [str(lyman_path)], LYMAN_DEFAULTS, api.build_pipeline())
        assert report.counts["stored"] == 1 and report.events == len(lyman.events)
        assert store.events() == lyman.events
        again = ingest(store, [str(lyman_path)], LYMAN_DEFAULTS, api.build_pipeline())
        assert again.counts == {"stored": 0, "failed": 0, "skipped": 1, "unreadable": 0}
        assert store.events() == lyman.events
        figures = store.stats()
    assert figures["documents by status"] == {"ok": 1}
    assert figures["claims"] == len(lyman.documents[0].claims)
    assert figures["documents by language"] == {"fr": 1}


def test_read_failures_are_stored_once_and_never_stop_the_batch(db: str, tmp_path: Path,
                                                               lyman_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{not json\n{"text": "Les forces ukrainiennes sont entrées dans Lyman."}\n')
    paths = [str(tmp_path / "empty.txt"), str(feed), str(lyman_path), "/no/such.txt"]
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(main, ["ingest", *paths, "--db", db, "--published", "2022-10-01"])
        assert result.exit_code == 0, result.output
    assert f"{feed}:1: malformed JSON" in result.output
    with Store.open(db) as store:
        figures = store.stats()
    assert figures["failed inputs"] == 3
    assert figures["documents by status"] == {"ok": 2}


class Boom:
    """A stage that fails on documents that mention Lyman, as a bug would."""

    name = "boom.v1"
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()

    def __call__(self, doc: Document) -> Document:
        if "Lyman" in doc.raw_text:
            raise RuntimeError("simulated stage bug")
        return doc


def test_failed_document_is_stored_then_retried(db: str, lyman_path: Path, tmp_path: Path,
                                                lyman: api.Result) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Dépêche\n\nDes combats ont eu lieu à Bakhmout le 3 octobre 2022.\n")
    broken = api.build_pipeline()
    broken.stages.insert(0, Boom())
    broken.stats["boom.v1"] = type(next(iter(broken.stats.values())))()
    with Store.open(db) as store:
        report = ingest(store, [str(lyman_path), str(other)], LYMAN_DEFAULTS, broken)
        assert report.counts["failed"] == 1 and report.counts["stored"] == 1
        assert "stage boom.v1 failed: RuntimeError: simulated stage bug" in report.problems[0]
        assert store.stats()["documents by status"] == {"failed": 1, "ok": 1}
        assert not any(e.location == "Lyman" for e in store.events())
    # The file is gone: retry works from the stored raw text.
    result = CliRunner().invoke(main, ["retry", "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 stored, 0 failed" in result.output
    with Store.open(db) as store:
        assert store.stats()["documents by status"] == {"ok": 2}
        ids = {e.event_id for e in store.events()}
    assert {e.event_id for e in lyman.events} <= ids


def test_search_claims_and_documents(db: str, lyman_path: Path) -> None:
    with Store.open(db) as store:
        ingest(store, [str(lyman_path)], LYMAN_DEFAULTS, api.build_pipeline())
        hits = store.search("Krasny Liman")
        assert {h["kind"] for h in hits} == {"claim", "document"}
        assert all("Liman" in h["snippet"] for h in hits)
        assert store.search("zzzznotthere") == []
        assert store.search('"(*') == []  # syntax characters are not an error
    result = CliRunner().invoke(main, ["search", "retrait", "--db", db])
    assert result.exit_code == 0 and "claim\t" in result.output


def test_filters(db: str, lyman_path: Path, lyman: api.Result) -> None:
    with Store.open(db) as store:
        ingest(store, [str(lyman_path)], LYMAN_DEFAULTS, api.build_pipeline())
        every = store.events()

        def ids(**kw: object) -> set[str]:
            return {e.event_id for e in store.events(Filters(**kw))}  # type: ignore[arg-type]

        def want(pred: object) -> set[str]:
            return {e.event_id for e in every if pred(e)}  # type: ignore[operator]

        assert ids(type="battles") == want(lambda e: e.event_type == "Battles")
        assert ids(type="Armed clash") == want(lambda e: e.sub_event_type == "Armed clash")
        assert ids(country="ukraine") == want(lambda e: e.country == "Ukraine")
        assert ids(admin1="Donetsk") == want(lambda e: e.admin1 == "Donetsk")
        assert ids(since=date(2022, 10, 1)) == want(
            lambda e: e.event_date and e.event_date >= date(2022, 10, 1))
        assert ids(until=date(2022, 9, 30)) == want(
            lambda e: e.event_date and e.event_date <= date(2022, 9, 30))
        assert ids(bbox=(37.0, 48.0, 38.5, 49.5)) == want(lambda e: e.location == "Lyman")
        assert ids(claimant="Ukrainian") == want(
            lambda e: any("Ukrainian" in c for c in e.claimants))
        assert ids(actor="Russia") == want(
            lambda e: any("Russia" in (a or "") for a in
                          [e.actor1, e.actor2, *e.assoc_actor_1, *e.assoc_actor_2]))
        assert ids(outlet="RT") == want(lambda e: "RT" in e.sources)
        assert ids(min_sources=2) == want(lambda e: len(e.sources) >= 2)
        assert ids(type="Battles", since=date(2022, 10, 1), country="Ukraine") <= ids(
            type="Battles")
    assert ids(min_sources=2) and ids(bbox=(0.0, 0.0, 1.0, 1.0)) == set()
    result = CliRunner().invoke(main, ["events", "--db", db, "--format", "json",
                                       "--type", "Battles"])
    assert result.exit_code == 0
    assert {e["event_id"] for e in json.loads(result.output)} == want(
        lambda e: e.event_type == "Battles")


@pytest.mark.parametrize(("args", "message"), [
    (["--db", "mysql://u@h/x"], "unsupported database 'mysql'"),
    (["--db", "not a url://"], "is not a database URL"),
    (["--db", "/no/such/folder/x.db"], "folder /no/such/folder does not exist"),
    (["--db", "postgresql://u:secret@127.0.0.1:1/x"], "cannot open the database"),
    (["--bbox", "1,2,3"], "'1,2,3' is not 4 numbers"),
    (["--bbox", "40,50,30,60"], "minlon<=maxlon"),
    (["--since", "last week"], "is not a date"),
])
def test_bad_options_are_clear_errors(args: list[str], message: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "x.db"), *args])
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert "secret" not in result.output


def test_not_a_database_file(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("these are notes, not SQLite\n" * 100)
    result = CliRunner().invoke(main, ["stats", "--db", str(bad)])
    assert result.exit_code == 2 and "notes.db" in result.output
    assert "Traceback" not in result.output


def test_default_db_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     lyman_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["ingest", str(lyman_path), "--published", "2022-10-01"])
    assert result.exit_code == 0 and (tmp_path / "frontwatch.db").exists()
    monkeypatch.setenv("FRONTWATCH_DB", str(tmp_path / "other.db"))
    result = CliRunner().invoke(main, ["stats"])
    assert result.exit_code == 0 and (tmp_path / "other.db").exists()
    assert "documents by status:\n" in result.output and "failed inputs: 0" in result.output
