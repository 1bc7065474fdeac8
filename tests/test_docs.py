"""The README keeps up with the code: every command and every default stage is in it."""

from __future__ import annotations

from pathlib import Path

import click

from frontwatch.cli import main
from frontwatch.pipeline import DEFAULT_STAGES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "frontwatch") -> list[str]:
    names: list[str] = []
    for name, command in group.commands.items():
        full = f"{prefix} {name}"
        if isinstance(command, click.Group):
            names += _commands(command, full)
        else:
            names.append(full)
    return names


def test_every_command_is_in_the_readme() -> None:
    missing = [c for c in _commands(main) if c not in README]
    assert not missing, f"README lacks {missing}"


def test_every_default_stage_is_in_the_readme() -> None:
    assert not [s for s in DEFAULT_STAGES if f"`{s}`" not in README]


def test_readme_opens_with_the_two_commands() -> None:
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    test_line = ci.strip().splitlines()[-1]
    assert test_line in README.split("\n## ")[0]
    assert "pip install -q -e '.[dev]'" in ci and "pip install -q -e '.[dev]'" in README[:400]
