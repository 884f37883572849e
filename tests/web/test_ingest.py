"""POST /api/articles with the server's token: the article goes through the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webdata import TOKEN, acme_cuts

TEXT = (
    "Globex Bank will cut 700 jobs at its Denver office, the lender said on Monday. "
    "The bank reported a net loss of $120 million for the quarter."
)


@pytest.mark.model
def test_post_ingests_and_the_article_is_readable_at_once(tmp_path: Path) -> None:
    from newsledger.store import open_store
    from newsledger.web import create_app

    db = tmp_path / "post.db"
    with open_store(str(db)) as store:
        store.save_extraction(acme_cuts())
    app = create_app(str(db), token=TOKEN, readonly=False)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(app) as client:
        assert client.get("/api/articles").json()["total"] == 1  # now cached
        r = client.post(
            "/api/articles", json={"text": TEXT, "published": "2024-02-05"}, headers=auth
        )
        assert r.status_code == 201, r.text
        body = r.json()
        assert body["new"] == 1 and body["id"]
        assert client.get("/api/articles").json()["total"] == 2  # cache cleared
        view = client.get(f"/api/articles/{body['id']}").json()
        assert view["article"]["published"] == "2024-02-05"
        assert view["text"] == TEXT
        again = client.post("/api/articles", json={"text": TEXT}, headers=auth).json()
        assert again["new"] == 0 and again["known"] == 1
