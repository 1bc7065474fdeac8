from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))


@pytest.fixture(scope="session")
def ray_local() -> Iterator[None]:
    """One small local Ray for the whole session: 2 CPUs, a 200 MB object store."""
    ray = pytest.importorskip("ray")
    from frontwatch.engine.ray import init

    init(num_cpus=2, object_store_memory=200 * 1024 * 1024)
    yield
    ray.shutdown()
