"""The company page and the timeline API show a company's listing, its parent and
its subsidiaries or brands, and roll the brands up only when asked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ledger_builders import alphabet_google, layoff_report


@pytest.fixture(scope="module")
def family(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from newsledger.store import open_store
    from newsledger.web import create_app

    path = Path(tmp_path_factory.mktemp("family")) / "family.db"
    with open_store(str(path)) as store:
        store.save_extraction(alphabet_google())
        store.save_extraction(
            layoff_report(
                "Ford Motor Co will cut 9 jobs.", "Ford Motor Co", 9, date(2016, 1, 4), "W"
            )
        )
    with TestClient(create_app(str(path)), raise_server_exceptions=False) as client:
        yield client


def _html(client: TestClient, url: str) -> str:
    r = client.get(url)
    assert r.status_code == 200, (url, r.text[:300])
    return r.text


def test_the_parent_page_lists_its_brands_and_rolls_them_up_on_request(
    family: TestClient,
) -> None:
    html = _html(family, "/company/Alphabet")
    assert "Subsidiaries and brands:" in html and 'href="/company/Google"' in html
    assert "Cuts 20 jobs" in html and "Cuts 100 jobs" not in html
    rolled = _html(family, "/company/Alphabet?with_subsidiaries=true")
    assert "Cuts 100 jobs" in rolled and 'id="jobs-total">120<' in rolled
    assert '<span class="tag company">Google</span>' in rolled


def test_the_brand_page_names_its_parent(family: TestClient) -> None:
    html = _html(family, "/company/Google")
    assert "Part of:" in html and 'href="/company/Alphabet"' in html


def test_a_listed_company_shows_its_ticker_and_isin(family: TestClient) -> None:
    html = _html(family, "/company/Ford")
    assert '<span class="ticker">F</span>' in html and "US3453708600" in html


def test_the_timeline_api_rolls_up_on_request(family: TestClient) -> None:
    alone = family.get("/api/companies/Alphabet/timeline").json()
    assert alone["jobs_cut_total"] == 20 and alone["subsidiaries"] == []
    rolled = family.get("/api/companies/Alphabet/timeline?with_subsidiaries=true").json()
    assert rolled["jobs_cut_total"] == 120 and rolled["subsidiaries"] == ["Google"]
    assert {e["company"] for e in rolled["events"]} == {"Alphabet", "Google"}
    ford = family.get("/api/companies/Ford/timeline").json()["company"]
    assert (ford["ticker"], ford["isin"], ford["listed_as"]) == (
        "F",
        "US3453708600",
        "Ford Motor Company",
    )
