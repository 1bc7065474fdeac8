"""Same input, same output: one process, a pool of 2, and Ray with 2 actors give the same
documents, claims and events, byte for byte as JSON; corroboration by partition equals the
global one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reports import article, write_corpus, write_reports

from frontwatch import api
from frontwatch.clean.duplicates import mark_duplicates
from frontwatch.corroborate import build_events, finish_events, partition, partition_events
from frontwatch.engine.local import pipe
from frontwatch.read import Defaults, ReadFailure, read_paths

N = 40
DEFAULTS = Defaults(outlet="Wire")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("engines")
    paths = [str(write_corpus(root / "corpus.jsonl", N))]
    paths += [str(p) for p in write_reports(root / "reports", 10)]
    (root / "bad.txt").write_bytes(b"\x00\x01")  # a read failure keeps its place
    (root / "dup.jsonl").write_text(json.dumps(article(3)) + "\n", encoding="utf-8")
    return [*paths, str(root / "bad.txt"), str(root / "dup.jsonl")]


def _json(items: list[object], events: list[object]) -> str:
    result = api.Result(
        documents=[i for i in items if not isinstance(i, ReadFailure)],  # type: ignore[misc]
        failures=[i for i in items if isinstance(i, ReadFailure)],  # type: ignore[misc]
        events=events,  # type: ignore[arg-type]
    )
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)


def _local(paths: list[str], workers: int) -> str:
    items = list(pipe(read_paths(paths, DEFAULTS), workers=workers, chunk=4))
    mark_duplicates([i for i in items if not isinstance(i, ReadFailure)])  # type: ignore[misc]
    docs = [d for d in items if not isinstance(d, ReadFailure) and not d.errors]
    return _json(items, build_events(docs, api.default_resources().gazetteer))


@pytest.fixture(scope="module")
def single(inputs: list[str]) -> str:
    return _local(inputs, 1)


def test_the_corpus_has_events_in_four_languages(single: str) -> None:
    out = json.loads(single)
    assert {"en", "fr", "ru"} <= {d["language"] for d in out["documents"]}
    assert len(out["events"]) > 20 and out["failures"]


def test_a_pool_of_two_gives_the_same_json(inputs: list[str], single: str) -> None:
    assert _local(inputs, 2) == single


def test_api_extract_with_workers(inputs: list[str]) -> None:
    # The API adds the batch's outlet homes (resolve.outlet_prior) to the engine's output.
    one, two = (api.extract(inputs, DEFAULTS, workers=n) for n in (1, 2))
    assert json.dumps(two.to_dict(), ensure_ascii=False, indent=2) == json.dumps(
        one.to_dict(), ensure_ascii=False, indent=2)


def test_partitioned_corroboration_equals_global(inputs: list[str]) -> None:
    result = api.extract(inputs, DEFAULTS)
    gaz = api.default_resources().gazetteer
    parts = partition(result.processed)
    assert len(parts) >= 2  # partitions are countries: places never nest across them
    union = finish_events([e for p in parts.values() for e in partition_events(p, gaz)])
    assert [e.to_dict() for e in union] == [e.to_dict() for e in build_events(
        result.processed, gaz)]


def test_ray_gives_the_same_json(inputs: list[str], single: str, ray_local: None) -> None:
    from frontwatch.engine.ray import build_events_ray
    from frontwatch.engine.ray import pipe as ray_pipe

    items = list(ray_pipe(read_paths(inputs, DEFAULTS), workers=2, batch=4))
    mark_duplicates([i for i in items if not isinstance(i, ReadFailure)])  # type: ignore[misc]
    docs = [d for d in items if not isinstance(d, ReadFailure) and not d.errors]
    assert _json(items, build_events_ray(docs, workers=2)) == single


def test_ray_ingest_into_the_store_equals_local(inputs: list[str], tmp_path: Path,
                                                ray_local: None) -> None:
    from frontwatch.engine.ray import pipe as ray_pipe
    from frontwatch.store import Store, ingest

    dumps = []
    for name, run in (("local", None), ("ray", lambda items: ray_pipe(items, workers=2))):
        with Store.open(str(tmp_path / f"{name}.db")) as store:
            ingest(store, inputs, DEFAULTS, api.build_pipeline(), processor=run)
            dumps.append(json.dumps([e.to_dict() for e in store.events()], ensure_ascii=False))
    assert dumps[0] == dumps[1]
