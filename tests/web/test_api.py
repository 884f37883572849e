"""The JSON API against a real store: every endpoint, filters, pages, errors.

Every test runs twice, with ``serve`` on SQLite and then on PostgreSQL: the
clients here are built on ``web_target``, not on the SQLite-only ``web_db``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from webdata import TOKEN

from newsledger.web import create_app


@pytest.fixture(scope="module")
def client(web_target: str) -> Iterator[TestClient]:
    with TestClient(create_app(web_target), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def token_client(web_target: str) -> Iterator[TestClient]:
    app = create_app(web_target, token=TOKEN, readonly=False)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def get(client: TestClient, url: str, status: int = 200) -> Any:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    return r.json()


def assert_error(body: Any, status: int) -> None:
    assert set(body) == {"error"}
    err = body["error"]
    assert err["status"] == status
    assert isinstance(err["code"], str) and err["code"]
    assert isinstance(err["message"], str) and err["message"]
    assert isinstance(err["details"], list)


# --- listings and filters ------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("", 6, id="all"),
        pytest.param("company=Acme%20Motors", 4, id="company"),
        pytest.param("company=Acme", 4, id="company-by-alias"),
        pytest.param("company=Acme%20Motors&type=layoff", 2, id="company-and-type"),
        pytest.param("type=financial", 2, id="type"),
        pytest.param("since=2021-01-01&until=2021-12-31", 2, id="date-range"),
        pytest.param("since=2023-01-01", 1, id="since"),
        pytest.param("until=2020-12-31", 1, id="until"),
        pytest.param("text=Brazil", 1, id="text"),
        pytest.param("company=Nobody%20Inc", 0, id="unknown-company-is-empty"),
    ],
)
def test_events_filters(client: TestClient, query: str, expected: int) -> None:
    body = get(client, f"/api/events?{query}")
    assert body["total"] == expected
    assert len(body["items"]) == expected


def test_events_carry_their_evidence(client: TestClient) -> None:
    body = get(client, "/api/events?company=Globex%20Bank")
    (event,) = body["items"]
    assert event["type"] == "financial"
    assert event["fields"]["kind"] == "impairment"
    evidence = event["evidence"][0]
    assert evidence["article_id"] == "globex0000000001"
    assert evidence["text"].startswith("Globex Bank took an impairment charge")


def test_events_read_as_a_sentence_beside_their_fields(client: TestClient) -> None:
    (event,) = get(client, "/api/events?company=Globex%20Bank")["items"]
    assert event["summary"] == "Impairment charge $80m"
    assert event["fields"]["amount"] == 80_000_000  # the structured fields stay
    (first, *_) = get(client, "/api/companies/Acme%20Motors/timeline")["events"]
    assert first["summary"] and first["fields"]


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("/api/events?limit=2", id="events"),
        pytest.param("/api/articles?limit=2", id="articles"),
        pytest.param("/api/entities?limit=2", id="entities"),
        pytest.param("/api/quotes?limit=1", id="quotes"),
    ],
)
def test_pagination_walks_every_item_once(client: TestClient, url: str) -> None:
    first = get(client, url)
    seen = [repr(i) for i in first["items"]]
    total, nxt = first["total"], first["next"]
    assert total > len(first["items"]), "fixture too small to page"
    while nxt:
        page = get(client, nxt.replace("http://testserver", ""))
        seen += [repr(i) for i in page["items"]]
        nxt = page["next"]
    assert len(seen) == len(set(seen)) == total


def test_events_pages_follow_by_cursor(client: TestClient) -> None:
    first = get(client, "/api/events?limit=2&offset=0")
    assert "after=" in first["next"] and "offset=" not in first["next"]
    assert first["next"].endswith(f"after={first['cursor']}")
    by_cursor = get(client, first["next"].replace("http://testserver", ""))
    by_offset = get(client, "/api/events?limit=2&offset=2")
    assert by_cursor["items"] == by_offset["items"] and by_cursor["offset"] == 2
    # other listings page by offset and carry no cursor
    assert "cursor" not in get(client, "/api/articles?limit=2")


def test_offset_past_the_end_is_an_empty_page(client: TestClient) -> None:
    body = get(client, "/api/articles?offset=1000")
    assert body["items"] == [] and body["next"] is None and body["total"] == 4


def test_articles_and_one_article(client: TestClient) -> None:
    ids = {a["id"] for a in get(client, "/api/articles")["items"]}
    assert "acme0000cuts0001" in ids
    view = get(client, "/api/articles/acme0000cuts0001")
    assert view["article"]["title"] == "Acme Motors to cut 1,200 jobs"
    assert view["text"].startswith("Acme Motors will cut 1,200 jobs")
    assert {e["type"] for e in view["events"]} == {"layoff", "financial"}
    assert view["quotes"][0]["speaker"] == "Dana Reyes"


def test_timeline(client: TestClient) -> None:
    body = get(client, "/api/companies/Acme%20Motors/timeline")
    assert body["company"]["name"] == "Acme Motors"
    assert body["jobs_cut_total"] == 1500
    dates = [e["date"] for e in body["events"]]
    assert dates == sorted(dates)
    assert (body["total"], len(body["events"]), body["next"]) == (4, 4, None)


def test_timeline_pages_keep_whole_totals(client: TestClient) -> None:
    first = get(client, "/api/companies/Acme%20Motors/timeline?limit=3")
    assert len(first["events"]) == 3 and first["jobs_cut_total"] == 1500
    rest = get(client, first["next"].replace("http://testserver", ""))
    assert len(rest["events"]) == 1 and rest["next"] is None
    assert rest["jobs_cut_total"] == 1500


@pytest.mark.parametrize(
    ("query", "speakers"),
    [
        pytest.param("speaker=Dana%20Reyes", {"Dana Reyes"}, id="speaker"),
        pytest.param("company=Acme%20Motors", {"Dana Reyes"}, id="company"),
        pytest.param("company=Vexco%20Holdings", {"Ivo Brandt"}, id="other-company"),
        pytest.param("speaker=Nobody", set(), id="unknown-speaker"),
    ],
)
def test_quotes(client: TestClient, query: str, speakers: set[str]) -> None:
    body = get(client, f"/api/quotes?{query}")
    assert {q["speaker"] for q in body["items"]} == speakers


@pytest.mark.parametrize(
    ("query", "names"),
    [
        pytest.param("type=person", {"Dana Reyes", "Ivo Brandt"}, id="people"),
        pytest.param("type=company&q=Globex", {"Globex Bank"}, id="company-by-name"),
        pytest.param("q=Acme", {"Acme Motors"}, id="by-alias"),
        pytest.param("", {"Acme Motors", "Globex Bank", "Vexco Holdings"}, id="companies-default"),
        pytest.param("q=Bank", {"Globex Bank"}, id="a-central-bank-is-no-company"),
        pytest.param("type=central_bank", {"Bank of England"}, id="central-banks"),
        pytest.param("type=organisation&q=Bank", {"Globex Bank", "Bank of England"}, id="orgs"),
        pytest.param(
            "type=all",
            {
                "Acme Motors",
                "Globex Bank",
                "Vexco Holdings",
                "Bank of England",
                "Dana Reyes",
                "Ivo Brandt",
            },
            id="all",
        ),
    ],
)
def test_entities(client: TestClient, query: str, names: set[str]) -> None:
    body = get(client, f"/api/entities?{query}")
    assert {e["name"] for e in body["items"]} == names


def test_companies_come_most_events_first(client: TestClient) -> None:
    items = get(client, "/api/entities")["items"]
    assert [(e["name"], e["event_count"]) for e in items] == [
        ("Acme Motors", 4),
        ("Globex Bank", 1),
        ("Vexco Holdings", 1),
    ]


def test_entity_by_id_with_aliases(client: TestClient) -> None:
    (acme,) = get(client, "/api/entities?type=company&q=Acme%20Motors")["items"]
    one = get(client, f"/api/entities/{acme['id']}")
    assert one["name"] == "Acme Motors"
    assert "Acme" in one["aliases"]


def test_search_with_snippets(client: TestClient) -> None:
    body = get(client, "/api/search?q=impairment")
    (hit,) = body["items"]
    assert hit["article"]["id"] == "globex0000000001"
    assert "[impairment]" in hit["snippet"].lower()


def test_openapi_and_docs(client: TestClient) -> None:
    spec = get(client, "/api/openapi.json")
    assert "/api/events" in spec["paths"]
    page = client.get("/api/docs")
    assert page.status_code == 200
    assert "/api/companies/{name}/timeline" in page.text
    assert "cdn" not in page.text.lower()


# --- errors: one shape, the right status ----------------------------------------


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        pytest.param("GET", "/api/articles/nope", 404, id="unknown-article"),
        pytest.param("GET", "/api/entities/999999", 404, id="unknown-entity"),
        pytest.param("GET", "/api/companies/Nobody%20Inc/timeline", 404, id="unknown-company"),
        pytest.param("GET", "/api/companies/A%2FB%20Corp/timeline", 404, id="slash-in-name"),
        pytest.param("GET", "/api/companies/Acme/timeline?limit=5000", 422, id="timeline-limit"),
        pytest.param("GET", "/api/nothing-here", 404, id="unknown-route"),
        pytest.param("GET", "/api/events?limit=0", 422, id="limit-zero"),
        pytest.param("GET", "/api/events?limit=100000", 422, id="limit-too-big"),
        pytest.param("GET", "/api/events?offset=-1", 422, id="negative-offset"),
        pytest.param("GET", "/api/events?limit=ten", 422, id="limit-not-a-number"),
        pytest.param("GET", "/api/events?since=yesterday", 422, id="bad-date"),
        pytest.param("GET", "/api/events?until=2021-02-30", 422, id="impossible-date"),
        pytest.param("GET", "/api/events?after=yesterday", 422, id="bad-cursor"),
        pytest.param("GET", "/api/events?after=2021-02-30_4", 422, id="impossible-cursor"),
        pytest.param("GET", "/api/entities?type=planet", 422, id="bad-entity-type"),
        pytest.param("GET", "/api/entities/abc", 422, id="entity-id-not-a-number"),
        pytest.param("GET", "/api/search", 422, id="search-without-words"),
        pytest.param("GET", "/api/search?q=%20%20", 422, id="search-blank"),
        pytest.param("GET", "/api/events?company=a%00b", 422, id="nul-byte"),
        pytest.param("GET", "/api/events?text=" + "x" * 500, 422, id="text-too-long"),
        pytest.param("POST", "/api/articles", 405, id="post-on-read-only-server"),
        pytest.param("DELETE", "/api/articles/acme0000cuts0001", 405, id="delete-not-allowed"),
    ],
)
def test_errors_have_one_shape(client: TestClient, method: str, url: str, status: int) -> None:
    r = client.request(method, url, json={"text": "Acme cut jobs."})
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert_error(r.json(), status)


@pytest.mark.parametrize(
    ("method", "url", "header", "value"),
    [
        pytest.param("POST", "/api/articles", "allow", "GET, HEAD", id="405-says-what-is-allowed"),
        pytest.param("GET", "/api/nothing", "content-type", "application/json", id="404-is-json"),
    ],
)
def test_error_headers(client: TestClient, method: str, url: str, header: str, value: str) -> None:
    assert client.request(method, url).headers[header] == value


def test_401_asks_for_a_bearer_token(token_client: TestClient) -> None:
    r = token_client.post("/api/articles", json={"text": "x"})
    assert r.headers["www-authenticate"] == "Bearer"


def test_favicon_is_ours(client: TestClient) -> None:
    r = client.get("/static/favicon.svg")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg")


@pytest.mark.parametrize(
    ("url", "maximum"),
    [
        pytest.param("/api/events?limit=100000", 200, id="events"),
        pytest.param("/api/entities?limit=201", 200, id="entities"),
        pytest.param("/api/companies/Acme/timeline?limit=5000", 1000, id="timeline"),
    ],
)
def test_a_limit_above_the_maximum_is_refused_saying_the_maximum(
    client: TestClient, url: str, maximum: int
) -> None:
    error = get(client, url, status=422)["error"]
    assert error["message"] == (
        f"invalid request parameters: limit must be at most {maximum} "
        "(page through with offset: each page gives its 'next' URL)"
    )
    assert [d["param"] for d in error["details"]] == ["limit"]


def test_422_names_the_parameter(client: TestClient) -> None:
    body = get(client, "/api/events?limit=0&since=soon", status=422)
    params = {d["param"] for d in body["error"]["details"]}
    assert params == {"limit", "since"}


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        pytest.param({}, 401, id="no-token"),
        pytest.param({"Authorization": "Bearer wrong"}, 403, id="wrong-token"),
        pytest.param({"Authorization": "{token}"}, 401, id="not-a-bearer-header"),
        pytest.param({"Authorization": "Bearer {token}x"}, 403, id="token-prefix-is-not-enough"),
    ],
)
def test_post_needs_the_token(
    token_client: TestClient, token: str, headers: dict[str, str], status: int
) -> None:
    headers = {k: v.format(token=token) for k, v in headers.items()}
    r = token_client.post("/api/articles", json={"text": "Acme cut jobs."}, headers=headers)
    assert r.status_code == status
    assert_error(r.json(), status)


def test_post_with_token_but_bad_body_is_422(token_client: TestClient, token: str) -> None:
    r = token_client.post(
        "/api/articles", json={"title": "no text"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert r.status_code == 422
    assert_error(r.json(), 422)


@pytest.mark.parametrize("field", ["text", "title", "source", "url"])
def test_post_with_a_nul_character_is_422_on_every_store(
    token_client: TestClient, token: str, field: str
) -> None:
    # SQLite kept "\u0000"; PostgreSQL text refused it and the POST was a 500
    body = {"text": "Acme Motors will cut 40 jobs.", "title": "Cuts", "source": "Wire"}
    body["url"] = "https://example.org/cuts"
    body[field] = body[field] + "\x00"
    r = token_client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 422, r.text
    assert_error(r.json(), 422)
    assert r.json()["error"]["code"] == "NL104"
    assert "NUL" in r.json()["error"]["message"]


def test_empty_token_refused(web_target: str) -> None:
    with pytest.raises(ValueError, match="token"):
        create_app(web_target, token=" ", readonly=False)


# --- hostile query strings: never a server error --------------------------------

NASTY = [
    pytest.param("'; DROP TABLE events; --", id="sql"),
    pytest.param('"unbalanced', id="quote"),
    pytest.param("AND OR NOT (", id="fts-operators"),
    pytest.param("NEAR(a b", id="fts-near"),
    pytest.param("*", id="star"),
    pytest.param("col:value ^x", id="fts-column"),
    pytest.param("%_%", id="like-wildcards"),
    pytest.param("<script>alert(1)</script>", id="markup"),
    pytest.param("\u202eevil\u200b", id="bidi-and-zero-width"),
    pytest.param("日本語 ソニー", id="cjk"),
    pytest.param("\U0001f4a5" * 40, id="emoji"),
    pytest.param("\\x00\\", id="backslashes"),
    pytest.param("../../etc/passwd", id="path"),
    pytest.param("%ff%fe", id="percent-bytes"),
    pytest.param("a\x00b", id="nul"),  # PostgreSQL refuses NUL even to compare
]
ENDPOINTS = [
    "/api/events?text={}",
    "/api/events?company={}",
    "/api/quotes?speaker={}",
    "/api/entities?q={}",
    "/api/search?q={}",
    "/api/companies/{}/timeline",
    "/search?q={}",
    "/company/{}",
    "/api/articles/{}",
    "/article/{}",
]


@pytest.mark.parametrize("nasty", NASTY)
def test_no_server_error_for_any_query_string(client: TestClient, nasty: str) -> None:
    from urllib.parse import quote

    for template in ENDPOINTS:
        raw = nasty if nasty == "%ff%fe" else quote(nasty, safe="")
        r = client.get(template.format(raw))
        assert r.status_code < 500, (template, r.status_code, r.text[:200])
        if template.startswith("/api") and r.status_code >= 400:
            assert_error(r.json(), r.status_code)


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("/api/events?limit=1&limit=2", id="repeated-param"),
        pytest.param("/api/events?unknown=1", id="unknown-param-ignored"),
        pytest.param("/api/events?" + "&".join(f"k{i}=v" for i in range(300)), id="many-params"),
        pytest.param("/api/events?company=", id="empty-value"),
        pytest.param("/api/events?=&&=x", id="empty-names"),
    ],
)
def test_odd_query_strings(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code in (200, 422)


# --- headers ----------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", "/api/events", "/api/nothing", "/static/app.css"])
def test_security_headers_everywhere(client: TestClient, url: str) -> None:
    r = client.get(url)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
