"""The events listing's order and its pages on SQLite and PostgreSQL (store migration 11):
``events.sort_date`` kept right after ingest, re-extraction and merges; keyset pages
(``after``) that walk a listing once, in order, whatever is stored between pages; a
timeline's page with the whole timeline's totals; the search's ranking window."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from ledger_builders import entity, event, layoff_report
from newsledger.ingest.identity import make_article
from newsledger.models import Extraction, FinancialArgs, LayoffArgs
from newsledger.query import Query
from newsledger.query.stored import dumps
from newsledger.store import EventCursor, Store, open_store
from newsledger.store import read as read_module
from newsledger.store import schema as schema_module
from newsledger.store.schema import MIGRATIONS
from newsledger.store.write import UNDATED


def _db(store: Store) -> Any:
    return store.db  # type: ignore[attr-defined]


def _sort_dates(store: Store) -> dict[int, date | None]:
    rows = _db(store).rows("SELECT jobs, sort_date FROM events")
    return {int(r["jobs"]): _day(r["sort_date"]) for r in rows}


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value)[:10])


def _report(
    company: str, jobs: int, published: date | None, when: date | None, *spellings: str
) -> Extraction:
    """One article: ``company`` cuts ``jobs`` (the event dated ``when``, or not)."""
    text = f"{company} will cut {jobs} jobs."
    a = make_article(text, published=published, source="Wire", title=text)
    return Extraction(
        a,
        entities=(entity(a, "company", company, *spellings),),
        events=(event(a, "layoff", company, LayoffArgs(jobs=jobs), text[:-1], when),),
    )


def _walk(q: Query, **filters: Any) -> list[int]:
    """Every event id of a listing, page by page through the cursor (3 a page)."""
    page = q.events(limit=3, **filters)
    seen = [e.id for e in page.items]
    while page.cursor is not None:
        page = q.events(limit=3, after=page.cursor, **filters)
        seen += [e.id for e in page.items]
    return seen


def _by_offset(q: Query, **filters: Any) -> list[int]:
    return [e.id for e in q.events(limit=1000, **filters).items]


# --- sort_date, as stored --------------------------------------------------------


def test_sort_date_is_the_events_date_else_its_articles_else_last(store: Store) -> None:
    store.save_extraction(_report("Acme", 1, date(2020, 5, 1), date(2020, 4, 30)))
    store.save_extraction(_report("Acme", 2, date(2020, 5, 2), None))
    store.save_extraction(_report("Acme", 3, None, None))
    assert _sort_dates(store) == {1: date(2020, 4, 30), 2: date(2020, 5, 2), 3: UNDATED}
    # listed in that order, undated last; a date range leaves the undated out
    q = Query(store)
    assert [e.fields["jobs"] for e in q.events(company="Acme").items] == [1, 2, 3]
    assert [e.fields["jobs"] for e in q.events(since=date(2000, 1, 1)).items] == [1, 2]
    assert [e.fields["jobs"] for e in q.events(until=date(9999, 12, 31)).items] == [1, 2]


def test_sort_date_follows_a_reextracted_events_new_date(store: Store) -> None:
    report = _report("Acme", 7, date(2020, 5, 1), None)
    store.save_extraction(report)
    assert _sort_dates(store) == {7: date(2020, 5, 1)}
    dated = dataclasses.replace(
        report,
        events=(dataclasses.replace(report.events[0], event_date=date(2020, 4, 1)),),
        extractor_version="newer",
    )
    store.replace_extraction(dated)
    assert _sort_dates(store) == {7: date(2020, 4, 1)}


def test_events_of_merged_companies_walk_as_one_listing(store: Store) -> None:
    store.save_extraction(_report("EU", 500, date(2015, 3, 1), date(2015, 3, 1)))
    store.save_extraction(_report("European Union", 510, date(2015, 3, 2), date(2015, 3, 2)))
    # this article shows the two to be one: the stored ones are merged
    store.save_extraction(_report("European Union", 30, date(2015, 3, 1), None, "EU"))
    q = Query(store)
    walked = _walk(q, company="European Union")
    assert len(walked) == 3 and walked == _by_offset(q, company="European Union")


def test_migration_11_fills_in_stored_events(
    store_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as m:
        older = tuple(x for x in MIGRATIONS if x.version < 11)
        m.setattr(schema_module, "MIGRATIONS", older)
        m.setattr(schema_module, "LATEST", older[-1].version)
        with open_store(store_target) as old:
            db = _db(old)
            for aid, published in (("a1", "2020-01-02"), ("a2", None)):
                db.execute(
                    "INSERT INTO articles (id, text, published, ingested_at) VALUES (?, ?, ?, ?)",
                    (aid, "Acme cut jobs.", published, datetime.now(UTC)),
                )
            for aid, jobs, day in (("a1", 1, None), ("a1", 2, "2019-12-31"), ("a2", 3, None)):
                db.execute(
                    "INSERT INTO events (article_id, type, jobs, event_date) VALUES (?, ?, ?, ?)",
                    (aid, "layoff", jobs, day),
                )
    with open_store(store_target) as store:
        assert _sort_dates(store) == {1: date(2020, 1, 2), 2: date(2019, 12, 31), 3: UNDATED}


# --- keyset pages ------------------------------------------------------------------


def _many(store: Store) -> None:
    """11 Acme events over 4 days (ties on a date), some undated, 3 of Bolt's."""
    for i in range(11):
        published = date(2021, 1, 1 + i % 4) if i % 5 else None
        store.save_extraction(_report("Acme", 100 + i, published, None))
    for i in range(3):
        store.save_extraction(_report("Bolt", 200 + i, date(2021, 2, 1), None))


@pytest.mark.parametrize(
    "filters",
    [
        pytest.param({}, id="all"),
        pytest.param({"company": "Acme"}, id="company"),
        pytest.param({"company": "Acme", "type": "layoff"}, id="company-type"),
        pytest.param({"since": date(2021, 1, 2)}, id="since"),
    ],
)
def test_cursor_pages_walk_the_listing_once_in_order(store: Store, filters: dict[str, Any]) -> None:
    _many(store)
    q = Query(store)
    walked = _walk(q, **filters)
    assert walked == _by_offset(q, **filters)
    assert len(walked) == q.events(limit=1, **filters).total


def test_a_cursor_page_says_where_it_is(store: Store) -> None:
    _many(store)
    q = Query(store)
    first = q.events(company="Acme", limit=4)
    assert first.cursor is not None
    second = q.events(company="Acme", limit=4, after=first.cursor)
    by_offset = q.events(company="Acme", limit=4, offset=4)
    assert (second.offset, second.total) == (4, 11)
    assert [e.id for e in second.items] == [e.id for e in by_offset.items]
    last = q.events(company="Acme", limit=4, offset=8)
    assert last.cursor is None  # the last page has none


def test_events_stored_between_pages_move_no_page(store: Store) -> None:
    _many(store)
    q = Query(store)
    first = q.events(company="Acme", limit=5)
    before = _by_offset(q, company="Acme")
    # an event dated before the cursor: an offset page would repeat one; a cursor page not
    store.save_extraction(_report("Acme", 999, date(2020, 1, 1), None))
    assert first.cursor is not None
    rest = q.events(company="Acme", limit=100, after=first.cursor)
    assert [e.id for e in first.items] + [e.id for e in rest.items] == before


def test_cursor_text_round_trips_and_a_bad_one_is_refused(store: Store) -> None:
    assert EventCursor.parse(str(EventCursor(date(2021, 1, 2), 17))) == EventCursor(
        date(2021, 1, 2), 17
    )
    with pytest.raises(ValueError, match="cursor '2021-13-01_3'"):
        Query(store).events(after="2021-13-01_3")


# --- a timeline's page and its totals ------------------------------------------------


def _money(company: str, amount: str, currency: str, day: int) -> Extraction:
    text = f"{company} reported a net loss of {amount} {currency}."
    a = make_article(text, published=date(2022, 1, day), source="Wire", title=text)
    args = FinancialArgs(kind="net_loss", amount=Decimal(amount), currency=currency)
    return Extraction(
        a,
        entities=(entity(a, "company", company),),
        events=(event(a, "financial", company, args, text[:-1], a.published),),
    )


def test_a_timeline_page_carries_the_whole_timelines_totals(store: Store) -> None:
    _many(store)
    store.save_extraction(_money("Acme", "2.13", "USD", 1))
    store.save_extraction(_money("Acme", "300", "JPY", 9))
    store.save_extraction(layoff_report("Acme will cut 5 jobs.", "Acme", 5, date(2022, 2, 1), "X"))
    q = Query(store)
    whole = q.timeline("Acme")
    found = q.timeline_page("Acme", limit=4, offset=4)
    assert whole is not None and found is not None
    assert found.total == len(whole.events) == 14
    assert [e.id for e in found.events] == [e.id for e in whole.events[4:8]]
    assert found.jobs_cut_total == whole.jobs_cut_total == sum(100 + i for i in range(11)) + 5
    # the KPIs of the whole timeline, never added across currencies
    assert found.totals.figures_json == dumps([f.to_dict() for f in whole.figures])
    assert sorted(f.event.fields["currency"] for f in whole.figures) == ["JPY", "USD"]


# --- the search's ranking window ------------------------------------------------


def test_search_beyond_the_ranking_window_walks_every_match_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _many(store)
    monkeypatch.setattr(read_module, "RANK_WINDOW", 4)
    q = Query(store)
    seen: list[str] = []
    for offset in range(0, 20, 3):
        seen += [hit.article.id for hit in q.search("jobs", limit=3, offset=offset).items]
    assert len(seen) == len(set(seen)) == q.search("jobs").total == 14
