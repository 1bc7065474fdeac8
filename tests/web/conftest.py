"""The desk database every web test shares (see desk.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk import build_desk_db


@pytest.fixture(scope="session")
def desk_db(tmp_path_factory: pytest.TempPathFactory, lyman_path: Path) -> str:
    tmp = tmp_path_factory.mktemp("desk")
    return build_desk_db(str(tmp / "desk.db"), lyman_path, tmp)
