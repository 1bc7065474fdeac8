from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

import pytest

from frontwatch import api
from frontwatch.read import Defaults

# The recurring-line store learns from what is read; tests get a fresh one of their own.
os.environ.setdefault(
    "FRONTWATCH_LINE_STORE", str(Path(tempfile.mkdtemp(prefix="frontwatch-")) / "lines.sqlite")
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LYMAN = SHARED / "examples" / "lyman-rt-fr.txt"


@pytest.fixture(scope="session")
def lyman_path() -> Path:
    if not LYMAN.exists():
        pytest.skip(f"{LYMAN} is not here (the shared examples sit beside the checkout)")
    return LYMAN


@pytest.fixture(scope="session")
def lyman(lyman_path: Path) -> api.Result:
    return api.extract([str(lyman_path)], Defaults(published=date(2022, 10, 1), outlet="RT"))


@pytest.fixture(scope="session")
def lyman_undated(lyman_path: Path) -> api.Result:
    return api.extract([str(lyman_path)], Defaults())
