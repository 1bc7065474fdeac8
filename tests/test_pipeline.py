"""The stage contract: declared needs are checked, failures are kept on the document."""

from __future__ import annotations

import pytest

from frontwatch.api import build_pipeline, default_resources
from frontwatch.model import Document
from frontwatch.pipeline import DEFAULT_STAGES, Pipeline, register, registered


def test_every_default_stage_is_registered() -> None:
    assert set(DEFAULT_STAGES) <= set(registered())


def test_bad_order_is_refused_before_anything_runs() -> None:
    with pytest.raises(ValueError, match="needs"):
        Pipeline(["extract.claims.v1", "clean.lines.v1"], default_resources())


def test_unknown_stage_is_named() -> None:
    with pytest.raises(ValueError, match=r"unknown stage 'nope\.v1'"):
        Pipeline(["nope.v1"], default_resources())


class _Boom:
    name = "test.boom.v1"
    requires = frozenset({"text"})
    assigns = frozenset()

    def __call__(self, doc: Document) -> Document:
        raise RuntimeError("kaboom")


def test_a_failing_stage_is_recorded_and_can_be_retried() -> None:
    if "test.boom.v1" not in registered():
        register("test.boom.v1")(lambda resources: _Boom())
    pipe = Pipeline(["clean.lines.v1", "test.boom.v1"], default_resources())
    doc = pipe(Document(id="x", source="t", raw_text="Title\n\nSome text here."))
    assert [(e.stage, e.error, e.message) for e in doc.errors] == [
        ("test.boom.v1", "RuntimeError", "kaboom")
    ]
    assert doc.done == ["clean.lines.v1"]
    assert pipe.stats["test.boom.v1"].docs_failed == 1
    # Retrying after the cause is fixed resumes where it failed.
    doc.errors.clear()
    fixed = Pipeline(["clean.lines.v1"], default_resources())
    assert fixed(doc).done == ["clean.lines.v1"]


def test_same_input_same_output(lyman_path) -> None:  # type: ignore[no-untyped-def]
    from frontwatch import api

    first = api.extract([str(lyman_path)]).to_dict()
    second = api.extract([str(lyman_path)], pipeline=build_pipeline()).to_dict()
    assert first == second
