"""The read side over a filled store: timelines, filters, quotes, entities, search, views."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest

from ledger_builders import layoff_report, sony_2012, sony_2014
from newsledger.models import Failure
from newsledger.query import Query
from newsledger.store import open_store


@pytest.fixture
def ledger(store_target: str) -> Iterator[str]:
    with open_store(store_target) as store:
        store.save_extraction(sony_2012())
        store.save_extraction(sony_2014())
        store.save_extraction(
            layoff_report("Acme will cut 10,000 jobs.", "Acme", 10000, date(2016, 3, 1), "Reuters")
        )
        store.save_extraction(
            layoff_report(
                "Acme Inc. is to axe 9,500 jobs.", "Acme Inc.", 9500, date(2016, 3, 3), "BBC"
            )
        )
        store.save_failure(Failure("empty.txt", "ingest", "NL102", "nothing but whitespace"))
    yield store_target


@pytest.fixture
def q(ledger: str) -> Iterator[Query]:
    with Query.open(ledger) as query:
        yield query


@pytest.mark.parametrize("name", ["Sony", "Sony Corp.", "sony", "SONY Corporation"])
def test_sony_timeline_counts_each_round_once(q: Query, name: str) -> None:
    timeline = q.timeline(name)
    assert timeline is not None
    assert timeline.company.name == "Sony"
    assert timeline.jobs_cut_total == 11000
    (loss,) = timeline.figures  # one figure: the forecast, never added to anything
    assert (loss.kind, loss.outlook, loss.event.fields["amount"]) == ("net_loss", True, 2130000000)
    dates = [e.date for e in timeline.events]
    assert dates == sorted(d for d in dates if d is not None)
    assert timeline.events[0].fields["jobs"] == 10000


def test_a_layoff_reported_twice_counts_once(q: Query) -> None:
    timeline = q.timeline("Acme")
    assert timeline is not None
    assert len(timeline.events) == 2
    assert timeline.jobs_cut_total == 10000
    assert {e.sources for e in timeline.events} == {2}
    assert all(e.conflict and "9,500 (BBC" in e.conflict for e in timeline.events)


def test_unknown_company_has_no_timeline(q: Query) -> None:
    assert q.timeline("Zeppelin Airships") is None


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        pytest.param({}, 10, id="all"),
        pytest.param({"company": "Sony"}, 8, id="company"),
        pytest.param({"type": "layoff"}, 4, id="type"),
        pytest.param({"company": "Sony", "type": "layoff"}, 2, id="company-and-type"),
        pytest.param({"since": date(2014, 1, 1), "until": date(2014, 12, 31)}, 7, id="dates"),
        pytest.param({"text": "VAIO"}, 1, id="evidence-text"),
        pytest.param({"text": "100%_"}, 0, id="like-wildcards-are-literal"),
        pytest.param({"company": "Nobody"}, 0, id="unknown-company"),
    ],
)
def test_event_filters(q: Query, filters: dict[str, object], expected: int) -> None:
    page = q.events(**filters)  # type: ignore[arg-type]
    assert page.total == expected == len(page.items)


def test_events_page_and_evidence(q: Query) -> None:
    first = q.events(limit=3)
    second = q.events(limit=3, offset=3)
    assert first.total == second.total == 10 and first.has_next
    assert not {e.id for e in first.items} & {e.id for e in second.items}
    layoff = q.events(company="Sony", type="layoff", since=date(2014, 1, 1)).items[0]
    assert layoff.fields["percent"] == 15.0 and layoff.fields["unit"] == "mobile division"
    assert [e.text for e in layoff.evidence] == [
        "Sony Corp. will cut about 1,000 jobs",
        "roughly 15% of that unit",
    ]
    assert layoff.evidence[0].source == "Newswire B"
    json.dumps(first.to_dict())  # JSON-ready all the way down


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        pytest.param({"speaker": "Kazuo Hirai"}, 2, id="canonical-name"),
        pytest.param({"speaker": "Kaz Hirai"}, 2, id="alias"),
        pytest.param({"company": "Sony"}, 2, id="company"),
        pytest.param({"speaker": "Nobody"}, 0, id="unknown"),
    ],
)
def test_quotes(q: Query, filters: dict[str, str], expected: int) -> None:
    page = q.quotes(**filters)  # type: ignore[arg-type]
    assert page.total == expected == len(page.items)
    assert all(item.speaker_id is not None for item in page.items)


def test_entities_and_entity(q: Query) -> None:
    people = q.entities(type="person")
    assert [(p.name, p.aliases, p.article_count) for p in people.items] == [
        ("Kazuo Hirai", ["Kaz Hirai"], 2)
    ]
    found = q.entities(q="acme")
    assert [e.name for e in found.items] == ["Acme"]
    acme = q.entity(found.items[0].id)
    assert (
        acme is not None and acme.event_count == 2 and acme.aliases == ["Acme Inc"]
    )  # clean_name drops the final dot
    assert q.entity(999999) is None


def test_search_and_article_view(q: Query) -> None:
    page = q.search("painful decision")
    assert page.total == 1
    hit = page.items[0]
    assert hit.article.source == "Newswire A"
    assert "[" in hit.snippet
    assert q.search('"painful AND (').total in (0, 1)
    view = q.article(hit.article.id)
    assert view is not None
    assert view.text.startswith("Sony said on Thursday")
    assert [e.type for e in view.events] == ["layoff"]
    assert [x.speaker for x in view.quotes] == ["Kazuo Hirai"]  # canonical across articles
    assert [x.speaker_as_written for x in view.quotes] == ["Kaz Hirai"]
    assert {e.name for e in view.entities} == {"Sony", "Kazuo Hirai"}
    assert q.article("missing") is None


def test_articles_failures_stats(q: Query) -> None:
    articles = q.articles(limit=2)
    assert articles.total == 4 and len(articles.items) == 2
    assert articles.items[0].published == date(2016, 3, 3)  # newest first
    failures = q.failures()
    assert [(f.input, f.code) for f in failures.items] == [("empty.txt", "NL102")]
    stats = q.stats()
    assert (stats.articles, stats.events, stats.quotes, stats.failures) == (4, 10, 2, 1)
    assert stats.events_by_type["layoff"] == 4
    assert stats.event_groups == 9  # the two Acme reports are one


def test_negative_limits_are_misuse(q: Query) -> None:
    with pytest.raises(ValueError):
        q.events(limit=-1)


@pytest.mark.parametrize(
    "listing",
    [
        pytest.param(lambda q: q.events(limit=1001), id="events"),
        pytest.param(lambda q: q.quotes(limit=5000), id="quotes"),
        pytest.param(lambda q: q.entities(limit=100_000), id="entities"),
        pytest.param(lambda q: q.search("Sony", limit=1001), id="search"),
        pytest.param(lambda q: q.articles(limit=1001), id="articles"),
        pytest.param(lambda q: q.failures(limit=1001), id="failures"),
    ],
)
def test_a_page_above_the_maximum_is_refused_not_cut(q: Query, listing: Any) -> None:
    with pytest.raises(ValueError, match="above the maximum of 1000 rows a page"):
        listing(q)
    assert len(q.events(limit=1000).items) == 10  # the maximum itself is a page


@pytest.mark.parametrize(
    ("type_", "names"),
    [
        pytest.param("company", {"Sony", "Acme"}, id="company"),
        pytest.param("organisation", {"Sony", "Acme"}, id="every-organisation"),
        pytest.param("person", {"Kazuo Hirai"}, id="person"),
        pytest.param("central_bank", set(), id="none-of-a-type"),
        pytest.param("all", {"Sony", "Acme", "Kazuo Hirai"}, id="all"),
        pytest.param(None, {"Sony", "Acme", "Kazuo Hirai"}, id="no-filter"),
    ],
)
def test_entities_by_type(q: Query, type_: str | None, names: set[str]) -> None:
    assert {e.name for e in q.entities(type=type_).items} == names


def test_an_unknown_entity_type_is_misuse(q: Query) -> None:
    with pytest.raises(ValueError, match="unknown entity type 'planet'"):
        q.entities(type="planet")


def test_latest_events_come_newest_stored_first(q: Query) -> None:
    feed = q.latest_events()
    assert feed is not None and feed.company is None and feed.type is None
    assert len(feed.events) == 10
    order = [(s.stored_at, s.event.id) for s in feed.events]
    assert order == sorted(order, reverse=True)
    assert all(s.stored_at.utcoffset() == timedelta(0) for s in feed.events)
    newest = feed.events[0]  # the article stored last
    assert (newest.source, newest.event.company, newest.article_title) == (
        "BBC",
        "Acme Inc.",
        newest.event.evidence[0].article_title,
    )


def test_latest_events_of_one_company_and_type(q: Query) -> None:
    feed = q.latest_events(company="Sony Corp.", type="layoff", limit=1)
    assert feed is not None and feed.company is not None
    assert feed.company.name == "Sony" and feed.type == "layoff"
    (only,) = feed.events
    assert only.event.type == "layoff" and only.event.company_id == feed.company.id
    assert only.event.fields["jobs"] == 1000  # 2014's round, stored after 2012's


@pytest.mark.parametrize(
    ("call", "error"),
    [
        pytest.param(lambda q: q.latest_events(type="merger"), "unknown event type", id="type"),
        pytest.param(lambda q: q.latest_events(limit=1001), "above the maximum", id="limit"),
    ],
)
def test_latest_events_misuse(q: Query, call: Any, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        call(q)


def test_latest_events_of_an_unknown_company_are_none(q: Query) -> None:
    assert q.latest_events(company="Nobody Ltd") is None
