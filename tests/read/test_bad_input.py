"""Bad inputs get a clear message naming them; the other inputs are still processed."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontwatch.cli import main
from frontwatch.read import Defaults, ReadFailure, read_paths

GOOD = "Kyiv news\n\nUkrainian forces said on Monday they had retaken a village.\n"


def _read(*paths: Path | str, **kw: object) -> list[object]:
    return list(read_paths([str(p) for p in paths], Defaults(**kw)))  # type: ignore[arg-type]


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (failure,) = _read(tmp_path / "empty.txt")
    assert isinstance(failure, ReadFailure)
    assert "empty.txt" in str(failure) and "empty" in failure.message


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (failure,) = _read(tmp_path / "x.txt")
    assert isinstance(failure, ReadFailure) and "binary" in failure.message


def test_cp1251_is_detected_and_noted(tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_bytes("Привет, мир".encode("cp1251"))
    (doc,) = _read(tmp_path / "ru.txt")
    assert not isinstance(doc, ReadFailure) and doc.raw_text == "Привет, мир"
    assert doc.provenance["encoding"].startswith("detected cp1251 (confidence")
    assert any("not UTF-8" in w for w in doc.warnings)


def test_latin1_french_is_detected(tmp_path: Path) -> None:
    text = "Les forces ukrainiennes ont repris la ville, a déclaré le ministère. Déjà à l'ouest."
    (tmp_path / "fr.txt").write_bytes(text.encode("latin-1"))
    (doc,) = _read(tmp_path / "fr.txt")
    assert not isinstance(doc, ReadFailure) and doc.raw_text == text


def test_garbage_bytes_name_the_byte(tmp_path: Path) -> None:
    import random

    noise = bytes(random.Random(7).randrange(128, 256) for _ in range(4000))
    (tmp_path / "bad.txt").write_bytes(b"ok " + noise)
    (failure,) = _read(tmp_path / "bad.txt")
    assert isinstance(failure, ReadFailure)
    assert "not valid utf-8" in failure.message and "offset 3" in failure.message


def test_explicit_encoding_is_never_second_guessed(tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_bytes("Привет, мир".encode("cp1251"))
    (failure,) = _read(tmp_path / "ru.txt", encoding="utf-8")
    assert isinstance(failure, ReadFailure) and "not valid utf-8" in failure.message


def test_other_encoding_on_request(tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_bytes("Привет, мир".encode("cp1251"))
    (doc,) = _read(tmp_path / "ru.txt", encoding="cp1251")
    assert not isinstance(doc, ReadFailure) and doc.raw_text == "Привет, мир"


def test_missing_path() -> None:
    (failure,) = _read("/no/such/file.txt")
    assert isinstance(failure, ReadFailure) and "no such file" in failure.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD)
    path.chmod(0)
    (failure,) = _read(path)
    assert isinstance(failure, ReadFailure) and "cannot be read" in failure.message


def test_unreadable_directory_entry_is_reported(tmp_path: Path) -> None:
    # A folder passed where a file is expected inside a batch must not stop it.
    (tmp_path / "sub").mkdir()
    (tmp_path / "ok.txt").write_text(GOOD)
    items = _read(tmp_path / "sub", tmp_path / "ok.txt")
    assert isinstance(items[0], ReadFailure) and "no .txt" in items[0].message
    assert not isinstance(items[1], ReadFailure)


def test_jsonl_bad_lines_named_by_line_number(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": GOOD, "outlet": "Wire", "published": "2022-10-03"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": GOOD + " again", "published": "yesterday"}),
        json.dumps({"text": GOOD + " third"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = _read(path, published=date(2022, 1, 1), outlet="Option")
    failures = {str(f) for f in items if isinstance(f, ReadFailure)}
    assert any(f.startswith(f"{path}:2: malformed JSON") for f in failures)
    assert any(f.startswith(f"{path}:3:") and '"text"' in f for f in failures)
    assert any(f.startswith(f"{path}:4:") and "JSON object" in f for f in failures)
    assert any(f.startswith(f"{path}:5:") and "not a date" in f for f in failures)
    docs = [d for d in items if not isinstance(d, ReadFailure)]
    assert len(docs) == 2
    # A line's own fields win over the options; the options fill what a line lacks.
    assert (docs[0].outlet, docs[0].published) == ("Wire", date(2022, 10, 3))
    assert (docs[1].outlet, docs[1].published) == ("Option", date(2022, 1, 1))
    assert docs[0].provenance["published"] == "input"
    assert docs[1].provenance["published"] == "option"


def test_cli_keeps_going_and_exit_code(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "good.txt").write_text(GOOD)
    runner = CliRunner()
    ok = runner.invoke(main, ["extract", str(tmp_path / "empty.txt"), str(tmp_path / "good.txt"),
                              "--format", "json"])
    assert ok.exit_code == 0, ok.output
    assert f"{tmp_path / 'empty.txt'}: empty" in ok.stderr
    payload = json.loads(ok.stdout)
    assert len(payload["documents"]) == 1
    assert payload["failures"][0]["source"].endswith("empty.txt")
    bad = runner.invoke(main, ["extract", str(tmp_path / "empty.txt"), "--format", "json"])
    assert bad.exit_code == 1


def test_cli_rejects_a_bad_published_option(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    out = CliRunner().invoke(main, ["extract", str(tmp_path / "good.txt"), "--published", "1/10"])
    assert out.exit_code == 2 and "not a date" in out.output


def test_stdin(tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["extract", "-", "--format", "json"], input=GOOD)
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["documents"][0]["source"] == "<stdin>"


def test_sidecar_metadata_wins_over_options(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(GOOD)
    (tmp_path / "r.json").write_text(json.dumps({"published": "2022-10-02", "outlet": "Wire",
                                                 "url": "https://example.org/a"}))
    (doc,) = _read(tmp_path / "r.txt", published=date(2022, 1, 1), outlet="Option")
    assert not isinstance(doc, ReadFailure)
    assert (doc.published, doc.outlet, doc.url) == (date(2022, 10, 2), "Wire",
                                                    "https://example.org/a")
    assert doc.provenance["published"] == "input"


def test_broken_sidecar_is_named(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(GOOD)
    (tmp_path / "r.json").write_text("{oops")
    (failure,) = _read(tmp_path / "r.txt")
    assert isinstance(failure, ReadFailure)
    assert "r.json" in failure.message and "JSON" in failure.message
