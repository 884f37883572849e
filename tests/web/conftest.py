"""A real store built from hand-made extractions (see ``webdata``), and clients on it.

The same store is also built on PostgreSQL (one database on the session's one
server), for the tests that run ``serve`` on both stores through ``web_target``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webdata import TOKEN, fill

from pg_server import fresh_pg_database, pg_base_url, store_target

__all__ = ["pg_base_url", "store_target"]  # fixtures, for both stores

STORES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def token() -> str:
    return TOKEN


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    fill(str(path))
    return path


@pytest.fixture(scope="session")
def web_pg_db(pg_base_url: str) -> str:
    """The ``web_db`` store on PostgreSQL: a database URL."""
    target = fresh_pg_database(pg_base_url)
    fill(target)
    return target


@pytest.fixture(scope="module", params=STORES)
def web_target(request: pytest.FixtureRequest, web_db: Path) -> str:
    """The ``web_db`` store on SQLite, then on PostgreSQL (each built once a session)."""
    if request.param == "sqlite":
        return str(web_db)
    target: str = request.getfixturevalue("web_pg_db")
    return target


@pytest.fixture(scope="session")
def client(web_db: Path) -> Iterator[TestClient]:
    from newsledger.web import create_app

    with TestClient(create_app(str(web_db)), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def token_client(web_db: Path) -> Iterator[TestClient]:
    from newsledger.web import create_app

    app = create_app(str(web_db), token=TOKEN, readonly=False)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
