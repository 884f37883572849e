"""A real store built from hand-made extractions (see ``webdata``), and clients on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webdata import EXTRACTIONS, TOKEN


@pytest.fixture(scope="session")
def token() -> str:
    return TOKEN


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsledger.store import open_store

    path = tmp_path_factory.mktemp("web") / "web.db"
    with open_store(str(path)) as store:
        for make in EXTRACTIONS:
            assert store.save_extraction(make())
    return path


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
