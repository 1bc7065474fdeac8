"""The REST API over a database built in the test: every endpoint, filter, pagination edge
and bad parameter (a clear 4xx, never a 500)."""

from __future__ import annotations

import base64
import csv
import io
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from desk import build_desk_db
from fastapi.testclient import TestClient

from frontwatch.store import Filters, Store
from frontwatch.web import create_app

LYMAN = "UKR-8204d5542b"  # Lyman, 2022-10-01, Government regains territory


@pytest.fixture(scope="module")
def client(desk_db: str) -> TestClient:
    return TestClient(create_app(desk_db), raise_server_exceptions=True)


@pytest.fixture(scope="module")
def all_ids(desk_db: str) -> list[str]:
    with Store.open(desk_db) as store:
        return sorted(e.event_id for e in store.events())


def ids(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    return [e["event_id"] for e in response.json()["events"]]


def test_health(client: TestClient, all_ids: list[str]) -> None:
    body = client.get("/api/health").json()
    assert body == {"status": "ok", "backend": "sqlite", "events": len(all_ids),
                    "documents": 11, "writes": False}


def test_events_in_stable_order(client: TestClient, all_ids: list[str]) -> None:
    r = client.get("/api/events", params={"limit": 500})
    assert ids(r) == all_ids and r.json()["next"] is None


FILTERS = [
    {"since": "2022-10-01"}, {"until": "2022-10-01"},
    {"since": "2022-10-01", "until": "2022-10-03"},
    {"country": "ukraine"}, {"admin1": "Donetsk"}, {"bbox": "37,48,39,50"}, {"type": "Battles"},
    {"type": "Shelling/artillery/missile attack"}, {"actor": "Military Forces of Ukraine"},
    {"claimant": "Ukrainian Ministry of Defence"}, {"outlet": "RT"}, {"min_sources": 3},
    {"country": "Ukraine", "type": "Battles", "claimant": "Russian"},
]


@pytest.mark.parametrize("params", FILTERS, ids=lambda p: ",".join(p))
def test_filters_match_the_store(client: TestClient, desk_db: str, params: dict) -> None:
    from frontwatch.store import parse_bbox

    args = {("type" if k == "type" else k): v for k, v in params.items()}
    if "bbox" in args:
        args["bbox"] = parse_bbox(args["bbox"])
    for k in ("since", "until"):
        if k in args:
            from datetime import date

            args[k] = date.fromisoformat(args[k])
    with Store.open(desk_db) as store:
        expected = sorted(e.event_id for e in store.events(Filters(**args)))
    got = ids(client.get("/api/events", params={**params, "limit": 500}))
    assert got == expected
    assert expected, f"{params} selects nothing: a weak test"
    mapped = client.get("/api/map", params=params).json()
    assert sorted(mapped["columns"]["id"]) == expected


def test_lyman_filtered_by_both_ministries(client: TestClient) -> None:
    for claimant in ("Russian Ministry of Defence", "Ukrainian Ministry of Defence"):
        assert LYMAN in ids(client.get("/api/events", params={"claimant": claimant}))


def test_pages_cover_everything_once(client: TestClient, all_ids: list[str]) -> None:
    seen, cursor, pages = [], None, 0
    while True:
        r = client.get("/api/events", params={"limit": 2, **({"cursor": cursor} if cursor else {})})
        page = ids(r)
        seen += page
        pages += 1
        cursor = r.json()["next"]
        if cursor is None:
            assert 1 <= len(page) <= 2  # the last page
            break
        assert len(page) == 2
    assert seen == all_ids and pages == -(-len(all_ids) // 2)


def test_exact_last_page_and_empty_page(client: TestClient, all_ids: list[str]) -> None:
    r = client.get("/api/events", params={"limit": len(all_ids)})
    assert ids(r) == all_ids and r.json()["next"] is None
    past = base64.urlsafe_b64encode(b"fw1:" + all_ids[-1].encode()).decode().rstrip("=")
    r = client.get("/api/events", params={"cursor": past})
    assert r.status_code == 200 and r.json() == {"events": [], "limit": 100, "next": None}
    r = client.get("/api/events", params={"country": "Narnia"})
    assert r.json()["events"] == [] and r.json()["next"] is None


BAD = [
    ("/api/events", {"cursor": "%%%"}, 400), ("/api/events", {"cursor": "bm90LWEtY3Vyc29y"}, 400),
    ("/api/events", {"cursor": "\u00e9"}, 400), ("/api/events", {"cursor": "x" * 201}, 422),
    ("/api/events", {"limit": 0}, 422), ("/api/events", {"limit": 501}, 422),
    ("/api/events", {"limit": "ten"}, 422), ("/api/events", {"since": "yesterday"}, 422),
    ("/api/events", {"since": "2022-13-01"}, 422),
    ("/api/events", {"since": "2022-10-05", "until": "2022-10-01"}, 400),
    ("/api/events", {"bbox": "1,2,3"}, 400), ("/api/events", {"bbox": "10,50,5,40"}, 400),
    ("/api/events", {"bbox": "0,0,200,10"}, 400), ("/api/events", {"bbox": "a,b,c,d"}, 400),
    ("/api/events", {"min_sources": 0}, 422), ("/api/events", {"min_sources": "many"}, 422),
    ("/api/events", {"country": "x" * 201}, 422), ("/api/map", {"bbox": "nonsense"}, 400),
    ("/api/export/csv", {"until": "soon"}, 422), ("/api/export/kml", {}, 404),
    ("/api/events/NOPE-0000000000", {}, 404), ("/api/events/" + "x" * 65, {}, 422),
    ("/api/documents/ffffffffffffffff", {}, 404), ("/api/documents", {"cursor": "zz"}, 400),
    ("/api/documents", {"limit": 1000}, 422), ("/api/search", {}, 422),
    ("/api/search", {"q": ""}, 422), ("/api/search", {"q": "x" * 201}, 422),
    ("/api/search", {"q": "Lyman", "limit": 201}, 422), ("/api/nothing", {}, 404),
]


@pytest.mark.parametrize(("path", "params", "status"), BAD,
                         ids=[f"{p}?{'&'.join(q)}" for p, q, _ in BAD])
def test_bad_parameters_are_clear_4xx(client: TestClient, path: str, params: dict,
                                      status: int) -> None:
    r = client.get(path, params=params)
    assert r.status_code == status, r.text
    assert r.json()["detail"]


def test_event_with_claims_side_by_side(client: TestClient) -> None:
    body = client.get(f"/api/events/{LYMAN}").json()
    assert body["event"]["location"] == "Lyman"
    groups = {g["claimant"]: g for g in body["claimants"]}
    assert groups["Russian Ministry of Defence"]["side"] == "RU"
    assert groups["Ukrainian Ministry of Defence"]["side"] == "UA"
    assert body["corroboration"]["level"] == "belligerents"
    claim = groups["Ukrainian Ministry of Defence"]["claims"][0]
    assert claim["context"]["sentence"] == claim["sentence"]
    assert {d["id"] for d in body["documents"]} >= {claim["document_id"]}
    merge = body["merge"]
    assert merge["common_key"]["place"] == "704204" and merge["common_key"]["date"] == "2022-10-01"
    assert len(merge["claims"]) == len(body["event"]["claims"])


def test_contradictions_and_single_claimant(client: TestClient) -> None:
    found = client.get("/api/events", params={"type": "Shelling/artillery/missile attack",
                                              "limit": 500}).json()["events"]
    details = [client.get(f"/api/events/{e['event_id']}").json() for e in found]
    assert any(d["contradictions"] for d in details), "no differing figures anywhere"
    for d in details:
        if len(d["claimants"]) == 1:
            assert d["corroboration"]["label"] == "one claimant only"
    figures = next(d["contradictions"] for d in details if d["contradictions"])[0]["figures"]
    assert len({f["value"] for f in figures}) > 1


def test_map_index_is_compact_and_consistent(client: TestClient, all_ids: list[str]) -> None:
    r = client.get("/api/map")
    body = r.json()
    assert r.headers["content-type"] == "application/json" and body["count"] == len(all_ids)
    assert all(len(col) == body["count"] for col in body["columns"].values())
    i = body["columns"]["id"].index(LYMAN)
    names = body["names"]
    assert names["location"][body["columns"]["location"][i]] == "Lyman"
    assert {names["side"][k] for k in body["columns"]["sides"][i]} == {"RU", "UA"}
    assert {names["claimant"][k] for k in body["columns"]["claimants"][i]} >= {
        "Russian Ministry of Defence", "Ukrainian Ministry of Defence"}


def test_documents_pages_and_text(client: TestClient) -> None:
    first = client.get("/api/documents", params={"limit": 4}).json()
    rest = client.get("/api/documents", params={"cursor": first["next"], "limit": 100}).json()
    docs = first["documents"] + rest["documents"]
    assert len(docs) == 11 == len({d["id"] for d in docs}) and rest["next"] is None
    rt = next(d for d in docs if d["outlet"] == "RT")
    body = client.get(f"/api/documents/{rt['id']}").json()
    assert "removed" not in body and body["spans"] and body["events"]
    for span in body["spans"]:
        claim = next(c for c in body["claims"] if c["id"] == span["claim_id"])
        assert body["text"][span["start"]:span["end"]] == claim["sentence"]
    clutter = client.get(f"/api/documents/{rt['id']}", params={"removed": "true"}).json()
    assert clutter["removed"] and all(r["reason"] for r in clutter["removed"])


def test_search_names_events(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "Lyman"}).json()["hits"]
    assert hits and any(LYMAN in h["events"] for h in hits)
    assert client.get("/api/search", params={"q": "\"*(NEAR"}).json()["hits"] == []


def test_exports_stream_every_format(client: TestClient, all_ids: list[str]) -> None:
    formats = {f["name"]: f for f in client.get("/api/formats").json()}
    assert set(formats) == {"csv", "jsonl", "geojson", "parquet"}
    r = client.get("/api/export/csv")
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert sorted(row["event_id_cnty"] for row in rows) == all_ids
    r = client.get("/api/export/jsonl", params={"claimant": "Ukrainian Ministry of Defence"})
    assert r.headers["content-type"].startswith("application/x-ndjson")
    assert LYMAN in [json.loads(line)["event_id"] for line in r.text.splitlines()]
    r = client.get("/api/export/geojson", params={"admin1": "Donetsk"})
    assert r.headers["content-type"].startswith("application/geo+json")
    assert r.json()["features"] and all(
        f["properties"]["admin1"] == "Donetsk" for f in r.json()["features"])
    r = client.get("/api/export/parquet")
    assert r.headers["content-type"] == "application/vnd.apache.parquet"
    assert sorted(pq.read_table(io.BytesIO(r.content)).column("event_id_cnty").to_pylist()) \
        == all_ids


def test_security_headers_and_page(client: TestClient) -> None:
    for path in ("/", "/api/health", "/static/app/main.js", "/api/events/NOPE"):
        csp = client.get(path).headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
    page = client.get("/")
    assert page.headers["content-type"].startswith("text/html")
    assert "<script>" not in page.text  # no inline script: every script is a file
    for asset in ("/static/vendor/leaflet.js", "/static/data/countries.json",
                  "/static/data/admin1-ukraine.json", "/static/style.css"):
        assert client.get(asset).status_code == 200, asset


def test_openapi_describes_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/map", "/api/export/{fmt}",
            "/api/documents", "/api/documents/{doc_id}", "/api/search", "/api/health",
            "/api/formats"} <= set(paths)
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert params >= {"since", "until", "country", "admin1", "bbox", "type", "actor",
                      "claimant", "outlet", "min_sources", "limit", "cursor"}
    assert "post" in paths["/api/documents"]


@pytest.fixture
def writable(desk_db: str, tmp_path: Path) -> str:
    copy = tmp_path / "copy.db"
    shutil.copy(desk_db, copy)
    return str(copy)


NEW = {"text": "Ukrainian forces entered Kupiansk on September 10, 2022, the Ukrainian army "
               "said.\n", "outlet": "Posted", "published": "2022-09-11", "title": "Kupiansk",
       "url": "https://example.org/k"}


def test_writes_are_off_without_a_token(writable: str) -> None:
    client = TestClient(create_app(writable))
    r = client.post("/api/documents", json=NEW, headers={"Authorization": "Bearer x"})
    assert r.status_code == 403 and "read-only" in r.json()["detail"]


def test_ingest_with_the_token(writable: str) -> None:
    client = TestClient(create_app(writable, token="s3cret"))
    assert client.get("/api/health").json()["writes"] is True
    assert client.post("/api/documents", json=NEW).status_code == 401
    assert client.post("/api/documents", json=NEW,
                       headers={"Authorization": "Basic s3cret"}).status_code == 401
    assert client.post("/api/documents", json=NEW,
                       headers={"Authorization": "Bearer wrong"}).status_code == 403
    auth = {"Authorization": "Bearer s3cret"}
    for bad in ({}, {"text": ""}, {"text": "x", "published": "soon"}, {"text": 5}):
        assert client.post("/api/documents", json=bad, headers=auth).status_code == 422
    before = client.get("/api/health").json()
    r = client.post("/api/documents", json=NEW, headers=auth)
    assert r.status_code == 201 and r.json()["outcome"] == "stored" and r.json()["claims"]
    after = client.get("/api/health").json()
    assert after["documents"] == before["documents"] + 1
    assert after["events"] == before["events"] + 1
    assert client.get("/api/map").json()["count"] == after["events"]  # the index follows
    again = client.post("/api/documents", json=NEW, headers=auth).json()
    assert again["outcome"] == "skipped"


def test_every_endpoint_on_every_backend(db: str, tmp_path: Path, lyman_path: Path) -> None:
    client = TestClient(create_app(build_desk_db(db, lyman_path, tmp_path)))
    assert client.get("/api/health").json()["events"] > 5
    mapped = client.get("/api/map").json()
    i = mapped["columns"]["id"].index(LYMAN)
    assert {mapped["names"]["side"][k] for k in mapped["columns"]["sides"][i]} == {"RU", "UA"}
    assert client.get(f"/api/events/{LYMAN}").json()["corroboration"]["level"] == "belligerents"
    first = client.get("/api/events", params={"limit": 3, "claimant": "Ministry"}).json()
    rest = client.get("/api/events", params={"limit": 500, "claimant": "Ministry",
                                              "cursor": first["next"]}).json()
    assert LYMAN in [e["event_id"] for e in first["events"] + rest["events"]]
    assert any(LYMAN in h["events"]
               for h in client.get("/api/search", params={"q": "Lyman"}).json()["hits"])
    assert LYMAN in client.get("/api/export/csv").text


def test_precompressed_assets_match_and_are_served(client: TestClient) -> None:
    import gzip

    static = Path(__file__).resolve().parents[2] / "src" / "frontwatch" / "web" / "static"
    gzipped = sorted(static.rglob("*.gz"))
    assert gzipped
    for gz in gzipped:
        plain = gz.with_suffix("")
        assert gzip.decompress(gz.read_bytes()) == plain.read_bytes(), f"{gz} is stale"
        r = client.get(f"/static/{plain.relative_to(static)}",
                       headers={"Accept-Encoding": "gzip"})
        assert r.status_code == 200 and r.headers["content-encoding"] == "gzip"
        assert r.content == plain.read_bytes()  # decoded by the client
    assert client.get("/static/data/countries.json").json()["features"]


def test_the_map_follows_an_ingest_by_another_process(writable: str, tmp_path: Path) -> None:
    import time

    from frontwatch import api
    from frontwatch.read import Defaults
    from frontwatch.store import ingest

    client = TestClient(create_app(writable))
    before = client.get("/api/map").json()["count"]
    report = tmp_path / "new.txt"
    report.write_text(NEW["text"], encoding="utf-8")
    with Store.open(writable) as other:  # as `frontwatch ingest` would, beside the server
        ingest(other, [str(report)], Defaults(outlet="Posted"), api.build_pipeline())
    time.sleep(1.1)  # the fingerprint is read at most once a second
    assert client.get("/api/map").json()["count"] == before + 1


def test_serve_command(monkeypatch: pytest.MonkeyPatch, desk_db: str, tmp_path: Path) -> None:
    import uvicorn
    from click.testing import CliRunner

    from frontwatch.cli import main

    ran = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: ran.update(app=app, **kw))
    monkeypatch.delenv("FRONTWATCH_API_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--db", desk_db, "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert ran["port"] == 8123 and ran["host"] == "127.0.0.1"
    assert TestClient(ran["app"]).get("/api/health").json()["writes"] is False
    result = CliRunner().invoke(main, ["serve", "--db", desk_db, "--token", "t"])
    assert TestClient(ran["app"]).get("/api/health").json()["writes"] is True
    bad = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "no" / "such.db")])
    assert bad.exit_code == 2 and "does not exist" in bad.output


def test_an_empty_store(tmp_path: Path) -> None:
    client = TestClient(create_app(str(tmp_path / "empty.db")))
    assert client.get("/api/health").json()["events"] == 0
    assert client.get("/api/events").json() == {"events": [], "limit": 100, "next": None}
    assert client.get("/api/documents").json()["documents"] == []
    assert client.get("/api/map").json()["count"] == 0
    assert client.get("/api/search", params={"q": "Lyman"}).json()["hits"] == []
    assert client.get("/api/export/csv").text.startswith("event_id_cnty,")
    assert client.get("/").status_code == 200
