"""Shape of the code: small modules, and imports that point inward."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "frontwatch"
STAGES = ("read", "clean", "langid", "analyse", "extract", "resolve", "corroborate")
OUTER = ("frontwatch.cli", "frontwatch.api", "frontwatch.output", "frontwatch.store",
         "frontwatch.export", "frontwatch.engine", "frontwatch.watch", "frontwatch.web")
MODULES = sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_module_size(path: Path) -> None:
    assert len(path.read_text().splitlines()) <= 500


@pytest.mark.parametrize(
    "path",
    [p for p in MODULES if p.relative_to(SRC).parts[0] in STAGES],
    ids=lambda p: str(p.relative_to(SRC)),
)
def test_stages_do_not_import_outer_layers(path: Path) -> None:
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            assert not name.startswith(OUTER), f"{path.name} imports {name}"


def test_no_grab_bag_modules() -> None:
    assert not [p for p in MODULES if p.stem in {"utils", "helpers", "misc", "common"}]
