"""The store on SQLite and PostgreSQL: writes are all-or-nothing, reads give back what went in."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from ledger_builders import SONY_2014, layoff_report, sony_2012, sony_2014
from newsledger.errors import SchemaError, StoreError
from newsledger.ingest.identity import make_article
from newsledger.models import Event, Evidence, Extraction, Failure, LayoffArgs
from newsledger.store import EventFilter, Store, open_store
from newsledger.store.schema import LATEST, MIGRATIONS
from newsledger.store.write import args_from_row


@pytest.fixture
def store(store_target: str) -> Store:
    s = open_store(store_target)
    yield s  # type: ignore[misc]
    s.close()


def _all_events(store: Store) -> list[dict[str, object]]:
    rows, _ = store.event_rows(EventFilter(), 1000, 0)
    return rows


def test_saves_and_reads_back_every_event_type(store: Store) -> None:
    extraction = sony_2014()
    assert store.save_extraction(extraction) is True
    rows = _all_events(store)
    stored = {(r["type"], args_from_row(r)) for r in rows}
    assert stored == {(e.type, e.args) for e in extraction.events}
    assert {r["type"] for r in rows} == {e.type for e in extraction.events}
    evidence = store.evidence_rows([int(r["id"]) for r in rows if r["type"] == "layoff"])
    assert [(e["text"], bool(e["is_primary"])) for e in evidence] == [
        ("Sony Corp. will cut about 1,000 jobs", True),
        ("roughly 15% of that unit", False),
    ]
    for e in evidence:
        assert SONY_2014[e["start"] : e["end"]] == e["text"]


def test_resaving_an_article_changes_nothing(store: Store) -> None:
    assert store.save_extraction(sony_2014()) is True
    before = store.counts()
    assert store.save_extraction(sony_2014()) is False
    assert store.counts() == before


def test_failure_rows_do_not_touch_articles(store: Store) -> None:
    store.save_extraction(sony_2012())
    store.save_failure(Failure("bad.bin", "ingest", "NL103", "looks like a binary file"))
    rows, total = store.failure_rows(10, 0)
    assert total == 1
    assert (rows[0]["input"], rows[0]["code"], rows[0]["stage"]) == ("bad.bin", "NL103", "ingest")
    assert store.counts()["articles"] == 1


def test_a_failing_insert_leaves_no_partial_article(store: Store) -> None:
    good = sony_2014()
    # evidence pointing at an article that is not stored breaks a foreign key mid-save
    broken = Event(
        "layoff", "Sony", LayoffArgs(jobs=5), (Evidence("no-such-article", 0, 4, "Sony"),)
    )
    bad = dataclasses.replace(good, events=(*good.events, broken))
    with pytest.raises(StoreError):
        store.save_extraction(bad)
    assert not store.has_article(good.article.id)
    counts = store.counts()
    assert (counts["articles"], counts["events"], counts["entities"], counts["quotes"]) == (
        0,
        0,
        0,
        0,
    )
    assert store.save_extraction(good) is True  # the store is still usable


@pytest.mark.parametrize(
    "query",
    [
        pytest.param('"unbalanced', id="open-quote"),
        pytest.param("Sony AND", id="dangling-and"),
        pytest.param("-Sony", id="leading-minus"),
        pytest.param("Sony*", id="star"),
        pytest.param("(Sony", id="open-paren"),
        pytest.param("title:Sony", id="column-filter"),
        pytest.param("NOT", id="bare-not"),
        pytest.param("", id="empty"),
        pytest.param("'; DROP TABLE articles; --", id="sql-injection"),
        pytest.param('^*)("', id="only-operators"),
    ],
)
def test_hostile_search_queries_never_fail(store: Store, query: str) -> None:
    store.save_extraction(sony_2014())
    rows, total = store.search_rows(query, 10, 0)
    assert total >= len(rows)
    assert store.counts()["articles"] == 1


@pytest.mark.parametrize(
    ("query", "hits"),
    [
        pytest.param("mobile division", 1, id="two-words"),
        pytest.param("Hirai", 2, id="name-in-both"),
        pytest.param("shed", 1, id="one-article"),
        pytest.param("zeppelin", 0, id="no-match"),
    ],
)
def test_search_finds_articles_with_marked_snippets(store: Store, query: str, hits: int) -> None:
    store.save_extraction(sony_2012())
    store.save_extraction(sony_2014())
    rows, total = store.search_rows(query, 10, 0)
    assert total == hits == len(rows)
    for row in rows:
        assert "[" in row["snippet"] and "]" in row["snippet"]


def test_schema_version_and_migrations_applied_once(store_target: str) -> None:
    with open_store(store_target) as s:
        assert s.schema_version() == LATEST == MIGRATIONS[-1].version
    with open_store(store_target) as s:
        rows = s.db.rows("SELECT version, name FROM schema_migrations ORDER BY version")  # type: ignore[attr-defined]
    assert [(r["version"], r["name"]) for r in rows] == [(m.version, m.name) for m in MIGRATIONS]


def test_a_newer_schema_is_refused(store_target: str) -> None:
    with open_store(store_target) as s:
        s.db.execute(  # type: ignore[attr-defined]
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (LATEST + 1, "from_the_future", date(2030, 1, 1)),
        )
    with pytest.raises(SchemaError, match="upgrade newsledger"):
        open_store(store_target)


def test_readonly_store_refuses_writes(store_target: str) -> None:
    open_store(store_target).close()
    with open_store(store_target, readonly=True) as s, pytest.raises(StoreError):
        s.save_extraction(sony_2012())


def test_near_duplicate_lookup(store: Store) -> None:
    original = sony_2014()
    store.save_extraction(original)
    reprint = make_article(SONY_2014 + " Shares rose 2%.", published=date(2014, 9, 19))
    unrelated = make_article("A bakery in Leeds opened a second shop on the high street today.")
    assert store.near_duplicate_of(reprint, 0.8) == original.article.id
    assert store.near_duplicate_of(unrelated, 0.8) is None
    assert store.near_duplicate_of(dataclasses.replace(reprint, fingerprint=None), 0.8) is None
    # a duplicate of a duplicate points at the original
    assert store.save_extraction(Extraction(reprint), duplicate_of=original.article.id)
    third = make_article(SONY_2014 + " Shares rose 2%. Analysts shrugged.")
    assert store.near_duplicate_of(third, 0.8) == original.article.id


def _entities(store: Store, kind: str) -> list[dict[str, object]]:
    rows, _ = store.entity_rows(type=kind, limit=100)
    return rows


def test_people_and_companies_link_across_articles(store: Store) -> None:
    store.save_extraction(sony_2012())
    store.save_extraction(sony_2014())
    people = _entities(store, "person")
    assert [(p["name"], p["article_count"]) for p in people] == [("Kazuo Hirai", 2)]
    aliases = {a["alias"] for a in store.alias_rows([int(people[0]["id"])])}  # type: ignore[call-overload]
    assert aliases == {"Kaz Hirai", "Kazuo Hirai"}
    companies = [c["name"] for c in _entities(store, "company")]
    assert companies.count("Sony") == 1
    assert "Sony Corp." not in companies


def test_namesakes_at_different_companies_stay_apart(store: Store) -> None:
    store.save_extraction(
        layoff_report(
            "Suzuki Motor will cut 300 jobs. Osamu Suzuki spoke.",
            "Suzuki Motor",
            300,
            date(2015, 1, 5),
            "A",
            person=("Osamu Suzuki", "chairman", "Suzuki Motor"),
        )
    )
    store.save_extraction(
        layoff_report(
            "Canon will cut 200 jobs. Osamu Suzuki spoke.",
            "Canon",
            200,
            date(2015, 1, 6),
            "B",
            person=("Osamu Suzuki", "treasurer", "Canon"),
        )
    )
    assert len(_entities(store, "person")) == 2


def test_same_layoff_in_two_articles_is_one_group_with_conflict(store: Store) -> None:
    store.save_extraction(
        layoff_report("Acme will cut 10,000 jobs.", "Acme", 10000, date(2016, 3, 1), "Reuters")
    )
    store.save_extraction(
        layoff_report("Acme Inc. is to axe 9,500 jobs.", "Acme Inc.", 9500, date(2016, 3, 3), "BBC")
    )
    rows = _all_events(store)
    assert len(rows) == 2
    assert rows[0]["group_id"] == rows[1]["group_id"]
    assert rows[0]["sources"] == 2
    assert rows[0]["group_conflict"] == (
        "jobs: 10,000 (Reuters, 2016-03-01) vs 9,500 (BBC, 2016-03-03)"
    )


def _with_range(report: Extraction, high: int) -> Extraction:
    (cut,) = report.events
    args = dataclasses.replace(cut.args, jobs_high=high)
    return dataclasses.replace(report, events=(dataclasses.replace(cut, args=args),))


def test_a_plan_retold_as_a_range_joins_its_first_report(store: Store) -> None:
    """Issue 10.4: Ford's January plan (30,000) retold in August as "announced in January,
    in which 25,000 to 30,000 positions should be cut" is one event, counted once."""
    store.save_extraction(
        layoff_report("Acme will cut 30,000 jobs.", "Acme", 30000, date(2006, 1, 23), "A")
    )
    retold = layoff_report(
        "Acme's plans, in which 25,000 to 30,000 jobs go.", "Acme", 25000, date(2006, 1, 1), "B"
    )
    store.save_extraction(_with_range(retold, 30000))
    rows = _all_events(store)
    assert len(rows) == 2
    assert rows[0]["group_id"] == rows[1]["group_id"]
    assert [r["group_jobs"] for r in rows] == [30000, 30000]  # the figure both allow


def test_sony_rounds_two_years_apart_stay_two_groups(store: Store) -> None:
    store.save_extraction(sony_2012())
    store.save_extraction(sony_2014())
    layoffs = [r for r in _all_events(store) if r["type"] == "layoff"]
    assert len({r["group_id"] for r in layoffs}) == 2
    assert all(r["group_conflict"] is None for r in layoffs)
