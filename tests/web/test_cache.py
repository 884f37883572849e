"""The API answer cache: repeated GETs answered from it, dropped when the store grows."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webdata import acme_again, acme_cuts, globex

from newsledger.web import cache as cache_module


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    from newsledger.store import open_store

    path = tmp_path / "small.db"
    with open_store(str(path)) as store:
        store.save_extraction(acme_cuts())
    return path


def test_repeated_get_is_answered_from_the_cache(small_db: Path) -> None:
    from newsledger.web import create_app

    app = create_app(str(small_db))
    with TestClient(app) as client:
        first = client.get("/api/events?company=Acme%20Motors")
        assert len(app.state.cache.items) == 1
        again = client.get("/api/events?company=Acme%20Motors")
        assert again.content == first.content
        assert len(again.headers.get_list("content-security-policy")) == 1
        client.get("/api/articles/nope")  # errors are not kept
        client.get("/")  # nor pages
        assert len(app.state.cache.items) == 1


def test_cache_dropped_when_the_store_grows(
    small_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsledger.store import open_store
    from newsledger.web import create_app

    monkeypatch.setattr(cache_module, "CHECK_SECONDS", 0.0)
    with TestClient(create_app(str(small_db))) as client:
        assert client.get("/api/events").json()["total"] == 2
        with open_store(str(small_db)) as store:  # another process ingests meanwhile
            store.save_extraction(acme_again())
            store.save_extraction(globex())
        assert client.get("/api/events").json()["total"] == 5


def test_cache_off(small_db: Path) -> None:
    from newsledger.web import create_app

    app = create_app(str(small_db), cache=False)
    with TestClient(app) as client:
        client.get("/api/events")
        assert len(app.state.cache.items) == 0
