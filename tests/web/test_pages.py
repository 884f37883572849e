"""The server-rendered pages: content, links to evidence, and untrusted text shown as text."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient


def page(client: TestClient, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    return r.text


@pytest.mark.parametrize(
    ("url", "present"),
    [
        pytest.param("/", ["Acme Motors", "Globex Bank", "/company/Acme%20Motors"], id="home"),
        pytest.param("/search?q=Acme", ["/company/Acme%20Motors"], id="search-company"),
        pytest.param("/search?q=Dana", ["Dana Reyes", "/person/"], id="search-person"),
        pytest.param("/search?q=impairment", ["<mark>impairment</mark>"], id="search-words"),
        pytest.param("/search", ["Type a company"], id="search-empty"),
        pytest.param(
            "/company/Acme%20Motors",
            [
                "timeline-chart",
                "1,500",
                "Ohio plant",
                "Dana Reyes",
                "/article/acme0000cuts0001#ev-e",
            ],
            id="company",
        ),
        pytest.param(
            "/article/acme0000cuts0001",
            ['<mark id="ev-e', 'id="fact-e', 'href="#ev-e'],
            id="article",
        ),
        pytest.param("/api/docs", ["/api/events", "limit"], id="docs"),
    ],
)
def test_pages_render(client: TestClient, url: str, present: list[str]) -> None:
    html = page(client, url)
    for snippet in present:
        assert snippet in html, snippet


@pytest.mark.parametrize(
    ("url", "present", "absent"),
    [
        pytest.param(
            "/", ["Acme Motors", "Globex Bank", "Central banks"], ["Bank of England"], id="home"
        ),
        pytest.param(
            "/?type=central_bank",
            ["/company/Bank%20of%20England", "<strong>Central banks</strong>"],
            ["Acme Motors"],
            id="home-central-banks",
        ),
        pytest.param(
            "/?type=organisation",
            ["Acme Motors", "Bank of England", '<span class="tag">central bank</span>'],
            [],
            id="home-every-organisation",
        ),
        pytest.param(
            "/search?q=Bank",
            ["Globex Bank", "/company/Bank%20of%20England", "central bank</span>"],
            [],
            id="search-finds-every-organisation",
        ),
        pytest.param(
            "/company/Bank%20of%20England",
            ['<span class="tag kind">central bank</span>', 'id="jobs-total"'],
            [],
            id="a-central-bank-has-its-page",
        ),
    ],
)
def test_companies_listed_unless_another_kind_is_asked(
    client: TestClient, url: str, present: list[str], absent: list[str]
) -> None:
    html = page(client, url)
    for snippet in present:
        assert snippet in html, snippet
    for snippet in absent:
        assert snippet not in html.split("Latest articles")[0], snippet


def test_home_lists_companies_most_events_first(client: TestClient) -> None:
    html = page(client, "/").split("Latest articles")[0]
    listed = re.findall(r'<a href="/company/[^"]+">([^<]+)</a>', html)
    assert listed == ["Acme Motors", "Globex Bank", "Vexco Holdings"]  # 4, 1 and 1 events


def test_an_unknown_kind_of_organisation_is_an_error_page(client: TestClient) -> None:
    html = page(client, "/?type=planet", 422)
    assert "<h1>" in html


def test_company_filters_narrow_the_table(client: TestClient) -> None:
    html = page(client, "/company/Acme%20Motors?type=layoff&since=2022-01-01")
    rows = re.findall(r'<tr class="event type-(\w+)"', html)
    assert rows == ["layoff"]


def test_bad_filter_values_are_ignored_not_errors(client: TestClient) -> None:
    html = page(client, "/company/Acme%20Motors?since=someday&until=2021-13-45")
    assert len(re.findall(r'<tr class="event', html)) == 4


def test_chart_data_points_link_to_sentences(client: TestClient) -> None:
    html = page(client, "/company/Acme%20Motors")
    block = re.search(r'<script type="application/json" id="timeline-data">(.*?)</script>', html)
    assert block is not None
    data = json.loads(block.group(1))
    assert [p["y"] for p in data["jobs"]] == [1200.0, 300.0]
    assert [p["y"] for p in data["money"]] == [450.0]
    for p in data["jobs"] + data["money"]:
        assert re.fullmatch(r"/article/\w+#ev-e\d+-0", p["href"])


def test_every_highlight_links_to_a_listed_fact_and_back(client: TestClient) -> None:
    html = page(client, "/article/acme0000cuts0001")
    marks = set(re.findall(r'href="#fact-([\w-]+)"', html))
    facts = set(re.findall(r'<li id="fact-([\w-]+)"', html))
    anchors = set(re.findall(r'id="ev-([\w-]+)"', html))
    backs = set(re.findall(r'href="#ev-([\w-]+)"', html))
    assert len(facts) == 3  # a layoff, a loss, a quote
    assert marks == facts
    assert backs == anchors


@pytest.mark.parametrize(
    ("url", "status"),
    [
        pytest.param("/company/Nobody%20Inc", 404, id="unknown-company"),
        pytest.param("/article/nope", 404, id="unknown-article"),
        pytest.param("/person/999999", 404, id="unknown-person"),
        pytest.param("/person/abc", 422, id="person-id-not-a-number"),
        pytest.param("/no/such/page", 404, id="unknown-page"),
    ],
)
def test_page_errors_are_pages(client: TestClient, url: str, status: int) -> None:
    html = page(client, url, status)
    assert "<h1>" in html and str(status) in html


def test_person_page(client: TestClient) -> None:
    (dana,) = client.get("/api/entities?type=person&q=Dana").json()["items"]
    html = page(client, f"/person/{dana['id']}")
    for snippet in ["Dana Reyes", "chief executive", "Acme Motors", "This is a hard day"]:
        assert snippet in html


# --- untrusted text is shown as text ---------------------------------------------

EXECUTABLE = [
    pytest.param("<script>window.__xss", id="script-tag"),
    pytest.param("<img src=x onerror=", id="img-onerror"),
    pytest.param('<a href="javascript:', id="javascript-link"),
    pytest.param("<b>update</b>", id="bold-in-title"),
    pytest.param("<i>Feed</i>", id="markup-in-source"),
]
SHOWN = [
    pytest.param("&lt;script&gt;window.__xss=1&lt;/script&gt;", id="script-escaped"),
    pytest.param("&lt;img src=x onerror=", id="img-escaped"),
    pytest.param("&lt;a href=", id="link-escaped"),
    pytest.param("&amp;lt;b&amp;gt;narrowed&amp;lt;/b&amp;gt; &amp;amp; costs", id="entities-kept"),
]


def hostile_pages(client: TestClient) -> list[str]:
    (ivo,) = client.get("/api/entities?type=person&q=Ivo").json()["items"]
    urls = [
        "/article/vexco00000000001",
        "/company/Vexco%20Holdings",
        f"/person/{ivo['id']}",
        "/search?q=recover",
        "/",
    ]
    return [page(client, u) for u in urls]


@pytest.mark.parametrize("snippet", EXECUTABLE)
def test_hostile_markup_never_reaches_the_page(client: TestClient, snippet: str) -> None:
    for html in hostile_pages(client):
        assert snippet not in html


@pytest.mark.parametrize("snippet", SHOWN)
def test_hostile_text_is_shown_escaped(client: TestClient, snippet: str) -> None:
    html = page(client, "/article/vexco00000000001")
    assert snippet in html


def test_only_our_own_scripts(client: TestClient) -> None:
    for html in hostile_pages(client):
        for tag in re.findall(r"<script[^>]*>", html):
            assert 'src="/static/' in tag or 'type="application/json"' in tag, tag


def test_script_close_in_a_title_cannot_break_out_of_chart_data(client: TestClient) -> None:
    html = page(client, "/company/Vexco%20Holdings")
    block = re.search(r'id="timeline-data">(.*?)</script>', html, re.S)
    assert block is not None
    assert "<" not in block.group(1)
    json.loads(block.group(1))
