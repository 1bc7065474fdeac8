from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from frontwatch import api
from frontwatch.api import build_pipeline
from frontwatch.pipeline import Pipeline
from frontwatch.read import Defaults

# The recurring-line store learns from what is read; tests get a fresh one of their own.
os.environ.setdefault(
    "FRONTWATCH_LINE_STORE", str(Path(tempfile.mkdtemp(prefix="frontwatch-")) / "lines.sqlite")
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LYMAN = SHARED / "examples" / "lyman-rt-fr.txt"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline, built once: the tests that run sentences through it share it."""
    return build_pipeline()


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


# -- store backends: every store test runs against SQLite and PostgreSQL ---------------------

PG_ENV = "FRONTWATCH_TEST_PG"


def _pg_base() -> str:
    """The PostgreSQL server to test against; skipped locally, a failure in CI."""
    import sqlalchemy as sa

    url = os.environ.get(PG_ENV)
    problem = None
    if not url:
        problem = f"{PG_ENV} is not set (e.g. postgresql://frontwatch:frontwatch@localhost/db)"
    else:
        try:
            engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1),
                                      connect_args={"connect_timeout": 5})
            with engine.connect():
                pass
            engine.dispose()
        except Exception as exc:
            problem = f"no PostgreSQL server at {PG_ENV}: {str(exc).splitlines()[0]}"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"CI must test PostgreSQL: {problem}")
        pytest.skip(f"PostgreSQL tests skipped outside CI: {problem}")
    return url  # type: ignore[return-value]


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """A factory of empty databases on the backend under test: new_db("a") -> a URL.

    PostgreSQL databases are schemas of one test database (search_path in the URL), dropped
    afterwards, so tests never see each other's rows.
    """
    if request.param == "sqlite":
        yield lambda name: str(tmp_path / f"{name}.db")
        return
    import sqlalchemy as sa

    base = _pg_base()
    engine = sa.create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    schemas: list[str] = []

    def make(name: str) -> str:
        schema = f"t_{uuid.uuid4().hex[:12]}_{name}"
        with engine.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        schemas.append(schema)
        sep = "&" if "?" in base else "?"
        return f"{base}{sep}options=-csearch_path%3D{schema}"

    yield make
    with engine.begin() as conn:
        for schema in schemas:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture
def db(new_db: Callable[[str], str]) -> str:
    return new_db("main")
