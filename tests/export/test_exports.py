"""Every export format re-read equals the events in the store (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontwatch import api
from frontwatch.cli import main
from frontwatch.export import exporters
from frontwatch.export.rows import ACLED_COLUMNS, COLUMNS, SEP, inter_code
from frontwatch.model import Event
from frontwatch.read import Defaults
from frontwatch.store import Store, ingest

ACLED_DTYPES = {  # how ACLED's own CSV files are read with pandas
    "event_id_cnty": "string", "year": "Int64", "time_precision": "Int64",
    "disorder_type": "string", "event_type": "string", "sub_event_type": "string",
    "actor1": "string", "assoc_actor_1": "string", "inter1": "Int64", "actor2": "string",
    "assoc_actor_2": "string", "inter2": "Int64", "interaction": "Int64",
    "civilian_targeting": "string", "iso": "Int64", "region": "string", "country": "string",
    "admin1": "string", "admin2": "string", "admin3": "string", "location": "string",
    "latitude": "float64", "longitude": "float64", "geo_precision": "Int64",
    "source": "string", "source_scale": "string", "notes": "string", "fatalities": "int64",
    "tags": "string", "timestamp": "Int64",
}


@pytest.fixture
def stored(db: str, lyman_path: Path, tmp_path: Path) -> tuple[str, list[Event]]:
    extra = tmp_path / "extra.txt"  # an event with no place, to be left out of GeoJSON
    extra.write_text("Dépêche\n\nL'armée russe a annoncé le retrait de ses troupes le "
                     "2 octobre 2022.\n")
    with Store.open(db) as store:
        ingest(store, [str(lyman_path), str(extra)],
               Defaults(published=date(2022, 10, 1), outlet="RT"), api.build_pipeline())
        found = store.events()
    assert len(found) >= 5
    return db, found


def _export(db: str, fmt: str, out: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", fmt, "-o", str(out),
                                       *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_builtin_exporters_are_registered() -> None:
    assert set(exporters()) == {"csv", "jsonl", "geojson", "parquet"}


def test_csv_has_acled_columns_in_order_and_round_trips(stored: tuple[str, list[Event]],
                                                         tmp_path: Path) -> None:
    db, found = stored
    out = tmp_path / "events.csv"
    _export(db, "csv", out)
    with out.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        assert COLUMNS[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
        rows = list(reader)
    assert [r["event_id_cnty"] for r in rows] == [e.event_id for e in found]
    for r, e in zip(rows, found, strict=True):
        assert r["event_date"] == (e.event_date.isoformat() if e.event_date else "")
        assert r["sub_event_type"] == e.sub_event_type and r["notes"] == e.notes
        assert r["assoc_actor_1"] == SEP.join(e.assoc_actor_1)
        assert r["source"] == SEP.join(e.sources) and int(r["fatalities"]) == e.fatalities
        assert r["claims"] == SEP.join(e.claims) and r["claim_count"] == str(len(e.claims))
        assert r["inter1"] == str(inter_code(e.actor1) or "")
        assert r["latitude"] == ("" if e.latitude is None else str(e.latitude))


def test_csv_reads_in_pandas_with_acled_dtypes(stored: tuple[str, list[Event]],
                                               tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    db, found = stored
    out = tmp_path / "events.csv"
    _export(db, "csv", out)
    frame = pd.read_csv(out, dtype=ACLED_DTYPES, parse_dates=["event_date"],
                        keep_default_na=False, na_values=[""])
    assert list(frame["event_id_cnty"]) == [e.event_id for e in found]
    assert list(frame["fatalities"]) == [e.fatalities for e in found]
    dated = [e for e in found if e.event_date]
    assert [d.date() for d in frame["event_date"].dropna()] == [e.event_date for e in dated]
    assert set(frame["iso"].dropna()) <= {804, 643}
    lyman = frame[frame["location"] == "Lyman"]
    assert not lyman.empty and (lyman["latitude"].round(2) == 48.99).all()


def test_jsonl_round_trips(stored: tuple[str, list[Event]], tmp_path: Path) -> None:
    db, found = stored
    out = tmp_path / "events.jsonl"
    _export(db, "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [Event.from_dict(json.loads(line)) for line in lines] == found


def test_geojson_is_a_valid_feature_collection(stored: tuple[str, list[Event]],
                                               tmp_path: Path) -> None:
    db, found = stored
    out = tmp_path / "events.geojson"
    message = _export(db, "geojson", out)
    located = [e for e in found if e.latitude is not None and e.longitude is not None]
    assert len(located) < len(found)
    assert f"{len(found) - len(located)} events without coordinates left out" in message
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    for feature, e in zip(collection["features"], located, strict=True):
        assert feature["type"] == "Feature" and feature["id"] == e.event_id
        assert feature["geometry"] == {"type": "Point",
                                       "coordinates": [e.longitude, e.latitude]}
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert Event.from_dict(feature["properties"]) == e


def test_parquet_is_typed_and_round_trips(stored: tuple[str, list[Event]],
                                          tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    db, found = stored
    out = tmp_path / "events.parquet"
    _export(db, "parquet", out)
    table = pq.read_table(out)
    assert table.column_names == list(COLUMNS)
    types = dict(zip(table.schema.names, table.schema.types, strict=True))
    assert types["event_date"] == pa.date32()
    assert types["latitude"] == types["longitude"] == pa.float64()
    assert pa.types.is_integer(types["fatalities"]) and pa.types.is_integer(types["year"])
    assert pa.types.is_integer(types["time_precision"])
    assert types["claims"] == pa.list_(pa.string())
    rows = table.to_pylist()
    for r, e in zip(rows, found, strict=True):
        assert (r["event_id_cnty"], r["event_date"], r["fatalities"]) == (
            e.event_id, e.event_date, e.fatalities)
        assert (r["latitude"], r["longitude"], r["geo_precision"]) == (
            e.latitude, e.longitude, e.geo_precision)
        assert r["claims"] == e.claims and r["claimants"] == e.claimants


def test_export_filters_and_stdout(stored: tuple[str, list[Event]]) -> None:
    db, found = stored
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "jsonl",
                                       "--type", "Battles", "--admin1", "Donetsk"])
    assert result.exit_code == 0
    got = [json.loads(line)["event_id"] for line in result.stdout.splitlines()]
    assert got == [e.event_id for e in found
                   if e.event_type == "Battles" and e.admin1 == "Donetsk"]
