"""The alert feeds (``/feeds/...atom``) read as a feed reader reads them, with
feedparser, over a store on SQLite and on PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from email.utils import format_datetime
from typing import Any
from urllib.parse import quote

import feedparser
import pytest
from fastapi.testclient import TestClient
from webdata import EXTRACTIONS, HOSTILE_TITLE, acme_again, acme_cuts, fill

from newsledger.models import Article, Entity, Event, Evidence, Extraction, LayoffArgs
from newsledger.web import create_app
from pg_server import fresh_pg_database

# spaces, an ampersand, non-ASCII letters and an apostrophe: all must survive
# the URL, the XML and the reader
ODD_NAME = "Müller & Søn's Brewing"
ODD_URL = "https://example.org/news/müller?id=1&lang=da"
TAG_EVENT = re.compile(r"^tag:newsledger,2026:event/[0-9a-z]+/\d+$")


def _odd(aid: str, text: str, url: str, published: date) -> Extraction:
    sentence = text.split(". ")[0].rstrip(".") + "."
    return Extraction(
        Article(aid, text, f"{ODD_NAME} trims staff", published, "Kø Tidende", url=url),
        entities=(Entity("c9", "company", ODD_NAME),),
        events=(
            Event(
                "layoff",
                ODD_NAME,
                LayoffArgs(jobs=40, location="Aarhus"),
                (Evidence(aid, 0, len(sentence), sentence),),
                published,
            ),
        ),
    )


def odd_brewer() -> Extraction:
    text = f"{ODD_NAME} will cut 40 jobs in Aarhus. The brewer blamed costs."
    return _odd("muller0000000001", text, ODD_URL, date(2024, 2, 2))


def odd_brewer_hostile_link() -> Extraction:
    """An article stored with a ``javascript:`` URL (a hostile feed item's link)."""
    text = f"{ODD_NAME} will cut 40 jobs in Aarhus again. Nobody was surprised."
    return _odd("muller0000000002", text, "javascript:alert(1)", date(2024, 3, 3))


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def feed_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        target = str(tmp_path_factory.mktemp("feeds") / "feeds.db")
    else:
        target = fresh_pg_database(request.getfixturevalue("pg_base_url"))
    fill(target, (*EXTRACTIONS, odd_brewer, odd_brewer_hostile_link))
    return target


@pytest.fixture(scope="module")
def reader(feed_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(feed_db), raise_server_exceptions=False) as c:
        yield c


def read(client: TestClient, path: str) -> Any:
    """The feed at ``path`` as feedparser reads it; it must be well-formed Atom."""
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def company_feed(name: str, query: str = "") -> str:
    return f"/feeds/company/{quote(name, safe='')}.atom{query}"


# --- what a reader shows ------------------------------------------------------------


def test_a_company_feed_tells_each_event_as_a_sentence(reader: TestClient) -> None:
    feed = read(reader, company_feed("Acme Motors"))
    assert feed.feed.title == "Acme Motors: events · newsledger"
    assert feed.feed.id.startswith("tag:newsledger,2026:feed/company/")
    titles = [e.title for e in feed.entries]
    assert titles == [
        "Acme Motors: Expands in Brazil",
        "Acme Motors: Cuts 300 jobs in Texas, planned",
        "Acme Motors: Net loss $450m",
        "Acme Motors: Cuts 1,200 jobs in the Ohio plant",
    ]
    cut = feed.entries[1]
    assert TAG_EVENT.match(cut.id)
    assert cut.summary == "Acme Motors plans to cut another 300 jobs in Texas."
    assert cut.author == "Other Wire"
    assert [t.term for t in cut.tags] == ["layoff"]
    # no outlet URL stored: the link is this server's article page, at the sentence
    assert re.fullmatch(r"http://testserver/article/acme0000cuts0002#ev-e\d+-0", cut.link)


def test_the_outlets_link_when_there_is_one_and_only_http(reader: TestClient) -> None:
    feed = read(reader, company_feed(ODD_NAME))
    newest, first = feed.entries
    assert first.link == ODD_URL
    related = [link.href for link in first.links if link.rel == "related"]
    assert related and related[0].startswith("http://testserver/article/muller0000000001#ev-")
    assert newest.link.startswith("http://testserver/article/muller0000000002#ev-")
    assert all("javascript" not in link.href for e in feed.entries for link in e.links)


def test_names_with_spaces_ampersands_and_accents(reader: TestClient) -> None:
    path = company_feed(ODD_NAME, "?type=layoff")
    feed = read(reader, path)
    assert feed.feed.title == f"{ODD_NAME}: layoff events · newsledger"
    assert feed.entries[1].title == f"{ODD_NAME}: Cuts 40 jobs in Aarhus"
    assert feed.entries[1].author == "Kø Tidende"
    assert feed.feed.links[0].rel == "self"
    assert feed.feed.links[0].href == f"http://testserver{path}"
    assert feed.feed.link == (
        "http://testserver/company/M%C3%BCller%20%26%20S%C3%B8n%27s%20Brewing?type=layoff#events"
    )


def test_markup_in_stored_text_stays_text(reader: TestClient) -> None:
    body = reader.get(company_feed("Vexco Holdings")).content
    assert b"<script" not in body and b"<i>" not in body
    feed = feedparser.parse(body)
    assert not feed.bozo
    (cut,) = feed.entries
    assert cut.title == "Vexco Holdings: Cuts 90 jobs in the depot"
    assert cut.links[0].title == HOSTILE_TITLE


# --- ids, order, filters, limits --------------------------------------------------------


def test_ids_are_the_same_on_every_request_and_every_server(
    reader: TestClient, feed_db: str
) -> None:
    first = [e.id for e in read(reader, "/feeds/events.atom").entries]
    again = [e.id for e in read(reader, "/feeds/events.atom").entries]
    with TestClient(create_app(feed_db, cache=False)) as other:
        served_anew = [e.id for e in read(other, "/feeds/events.atom").entries]
    assert first == again == served_anew
    assert len(set(first)) == len(first) == 8  # every stored event
    assert all(TAG_EVENT.match(i) for i in first)


def test_an_alias_is_the_same_feed(reader: TestClient) -> None:
    by_alias = read(reader, company_feed("acme"))
    by_name = read(reader, company_feed("Acme Motors"))
    assert by_alias.feed.id == by_name.feed.id
    assert [e.id for e in by_alias.entries] == [e.id for e in by_name.entries]


def test_newest_stored_first_and_the_feed_is_as_new_as_its_newest(reader: TestClient) -> None:
    feed = read(reader, "/feeds/events.atom")
    stamps = [e.updated_parsed for e in feed.entries]
    assert stamps == sorted(stamps, reverse=True)
    assert feed.feed.updated == feed.entries[0].updated
    assert feed.entries[0].id.startswith("tag:newsledger,2026:event/muller0000000002/")


@pytest.mark.parametrize(
    ("path", "companies"),
    [
        pytest.param(
            "/feeds/events.atom?type=layoff",
            ["Müller", "Müller", "Vexco", "Acme", "Acme"],
            id="layoffs-everywhere",
        ),
        pytest.param("/feeds/events.atom?type=financial", ["Globex", "Acme"], id="losses"),
        pytest.param(
            company_feed("Acme Motors", "?type=layoff"), ["Acme", "Acme"], id="one-company"
        ),
        pytest.param("/feeds/events.atom?type=rename", [], id="none-of-that-type"),
    ],
)
def test_type_filter(reader: TestClient, path: str, companies: list[str]) -> None:
    feed = read(reader, path)
    kind = path.rsplit("=", 1)[1]
    assert [e.title.split()[0] for e in feed.entries] == companies
    assert all([t.term for t in e.tags] == [kind] for e in feed.entries)
    assert f"{kind} events" in feed.feed.title


def test_an_empty_feed_is_still_valid_and_never_seems_to_change(reader: TestClient) -> None:
    feed = read(reader, "/feeds/events.atom?type=divestiture")
    assert feed.entries == []
    assert feed.feed.updated == "1970-01-01T00:00:00Z"


def test_limit_keeps_the_newest(reader: TestClient) -> None:
    everything = read(reader, "/feeds/events.atom")
    two = read(reader, "/feeds/events.atom?limit=2")
    assert [e.id for e in two.entries] == [e.id for e in everything.entries[:2]]


def test_a_reader_polling_sees_what_is_new(store_target: str) -> None:
    """A watcher's view: an article stored between two polls comes first in the
    second, and what it had already seen keeps its ids."""
    fill(store_target, (acme_cuts,))
    with TestClient(create_app(store_target)) as client:
        before = read(client, company_feed("Acme Motors"))
        fill(store_target, (acme_again,))  # feeds are never cached: no wait
        after = read(client, company_feed("Acme Motors"))
    seen = [e.id for e in before.entries]
    assert [e.id for e in after.entries][2:] == seen
    assert all(e.id.split("/")[1] == "acme0000cuts0002" for e in after.entries[:2])
    assert after.feed.updated > before.feed.updated


def test_a_reader_that_has_the_feed_gets_304(reader: TestClient) -> None:
    path = company_feed("Acme Motors")
    first = reader.get(path)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert reader.get(path, headers={"If-None-Match": etag}).status_code == 304
    assert reader.get(path, headers={"If-Modified-Since": modified}).status_code == 304
    assert reader.get(path, headers={"If-None-Match": '"stale"'}).status_code == 200
    old = format_datetime(datetime(2001, 1, 1, tzinfo=UTC), usegmt=True)
    assert reader.get(path, headers={"If-Modified-Since": old}).status_code == 200


# --- errors, in the API's JSON shape --------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "says"),
    [
        pytest.param(company_feed("No Such Co"), 404, "no company 'No Such Co'", id="unknown"),
        pytest.param("/feeds/company/.atom", 404, "no company ''", id="no-name"),
        pytest.param("/feeds/events.atom?type=bogus", 422, "invalid request", id="bad-type"),
        pytest.param(
            company_feed("Acme Motors", "?type=LAYOFF"), 422, "invalid request", id="type-case"
        ),
        pytest.param("/feeds/events.atom?limit=0", 422, "limit must be at least 1", id="limit-0"),
        pytest.param(
            "/feeds/events.atom?limit=201", 422, "limit must be at most 200", id="limit-big"
        ),
        pytest.param(company_feed("Acme\x07"), 422, "control characters", id="control-char"),
    ],
)
def test_errors_answer_in_the_api_shape(
    reader: TestClient, path: str, status: int, says: str
) -> None:
    response = reader.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["status"] == status
    assert error["code"] == {404: "not_found", 422: "invalid_parameter"}[status]
    assert says in error["message"]
    assert "offset" not in error["message"]  # a feed has no pages to walk


# --- the company page leads to its feeds -----------------------------------------------------


def test_the_company_page_links_its_feeds(reader: TestClient) -> None:
    page = reader.get(f"/company/{quote(ODD_NAME, safe='')}").text
    alternates = re.findall(
        r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]+)">', page
    )
    visible = re.findall(r'<a class="feed-link" href="([^"]+)"', page)
    assert alternates == visible
    assert len(alternates) == 2  # every event, and the layoffs (its only type)
    for href in alternates:
        feed = read(reader, href.replace("&amp;", "&"))
        assert feed.feed.title.startswith(ODD_NAME)
