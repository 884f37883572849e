"""A company's timeline totals, stored (migration 12) on SQLite and PostgreSQL: the
API answers byte for byte what it computes afresh, after ingest, re-extraction and
company merges; every write touching a company's rows makes its stored totals stale
(the database's triggers), and a stale answer is never stored as current."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ledger_builders import entity, event, layoff_report, sony_2012, sony_2014
from newsledger.ingest.identity import make_article
from newsledger.models import Extraction, FinancialArgs, LayoffArgs
from newsledger.pipeline import refresh_totals
from newsledger.query import Query
from newsledger.query import api as query_api
from newsledger.store import Store, open_store
from newsledger.store.totals import StoredTotals
from newsledger.web.app import build_app

URLS = ("/api/companies/{}/timeline", "/api/companies/{}/timeline?limit=2&offset=1")


def _db(store: Store) -> Any:
    return store.db  # type: ignore[attr-defined]


def _money(company: str, kind: str, amount: str, currency: str, day: int, **kw: Any) -> Extraction:
    text = f"{company} reported a {kind.replace('_', ' ')} of {amount} {currency}."
    a = make_article(text, published=date(2022, 1, day), source=f"Wire {day}", title=text)
    args = FinancialArgs(kind=kind, amount=Decimal(amount), currency=currency, **kw)
    return Extraction(
        a,
        entities=(entity(a, "company", company),),
        events=(event(a, "financial", company, args, text[:-1], a.published),),
    )


def _acme(store: Store) -> None:
    """Acme: one cut reported twice (a group), another, figures in two currencies, a
    forecast and the forecast that revises it."""
    store.save_extraction(
        layoff_report("Acme will cut 500 jobs.", "Acme", 500, date(2022, 2, 1), "A")
    )
    store.save_extraction(
        layoff_report("Acme is to cut 500 jobs.", "Acme", 500, date(2022, 2, 2), "B")
    )
    store.save_extraction(layoff_report("Acme cuts 70 jobs.", "Acme", 70, date(2022, 6, 1), "C"))
    store.save_extraction(_money("Acme", "net_loss", "2.13", "USD", 1))
    store.save_extraction(_money("Acme", "net_loss", "300", "JPY", 9))
    end = {"period_end": date(2022, 12, 31), "period_months": 12, "outlook": True}
    store.save_extraction(_money("Acme", "net_loss", "50", "USD", 3, **end))
    store.save_extraction(_money("Acme", "net_loss", "230", "USD", 20, **end))


def _answers(store: Store, company: str) -> Iterator[tuple[bytes, bytes]]:
    """Each timeline URL's body from the stored totals and computed afresh."""
    stored = TestClient(build_app(Query(store), cache=False))
    fresh = TestClient(build_app(Query(store, stored_totals=False), cache=False))
    for url in URLS:
        a, b = stored.get(url.format(company)), fresh.get(url.format(company))
        assert a.status_code == b.status_code == 200, (url, a.text)
        yield a.content, b.content


def _totals(store: Store, company: str) -> dict[str, Any]:
    (entity_id, *_) = store.entity_ids_named(company)
    row = store.timeline_totals_row(entity_id)
    assert row is not None
    return row


def _current(store: Store, company: str) -> bool:
    row = _totals(store, company)
    return bool(row["built_version"] == row["version"] and row["code"] == query_api.CODE)


def _same_answers(store: Store, *companies: str) -> None:
    for company in companies:
        for stored, fresh in _answers(store, company):
            assert stored == fresh


def test_stored_totals_answer_byte_for_byte_after_ingest(store: Store) -> None:
    _acme(store)
    store.save_extraction(sony_2012())
    store.save_extraction(sony_2014())
    assert not _current(store, "Acme")  # written, not yet totalled
    assert refresh_totals(store) == 2
    assert _current(store, "Acme") and _current(store, "Sony")
    _same_answers(store, "Acme", "Sony")
    body = TestClient(build_app(Query(store), cache=False)).get(URLS[0].format("Acme")).json()
    assert body["jobs_cut_total"] == 570  # the cut reported twice counted once
    assert (body["company"]["event_count"], body["company"]["article_count"]) == (7, 7)
    forecast = next(f for f in body["figures"] if f["outlook"])
    assert [e["fields"]["amount"] for e in forecast["revised"]] == [50]
    assert refresh_totals(store) == 0  # nothing stale is left


def test_stored_totals_after_reextraction(store: Store) -> None:
    store.save_extraction(sony_2012())
    old = sony_2014()
    store.save_extraction(dataclasses.replace(old, extractor_version="old"))
    refresh_totals(store)
    (before, _) = next(_answers(store, "Sony"))
    # a better extractor: another job figure, no net loss
    layoff, _net_loss, *rest = old.events
    layoff = dataclasses.replace(layoff, args=dataclasses.replace(layoff.args, jobs=1100))
    store.replace_extraction(dataclasses.replace(old, events=(layoff, *rest)))
    assert not _current(store, "Sony")
    # stale: computed afresh, never the stored answer, and stored (the store is writable)
    _same_answers(store, "Sony")
    assert _current(store, "Sony") and refresh_totals(store) == 0
    _same_answers(store, "Sony")
    (after, _) = next(_answers(store, "Sony"))
    assert after != before


def _report(text: str, company: str, jobs: int, day: int, *spellings: str) -> Extraction:
    a = make_article(text, published=date(2015, 3, day), source=f"Wire {day}", title=text)
    return Extraction(
        a,
        entities=(entity(a, "company", company, *spellings),),
        events=(event(a, "layoff", company, LayoffArgs(jobs=jobs), text[:-1], a.published),),
    )


def test_stored_totals_after_a_company_merge(store: Store) -> None:
    store.save_extraction(_report("EU will cut 500 jobs.", "EU", 500, 1))
    store.save_extraction(_report("European Union will cut 510 jobs.", "European Union", 510, 2))
    refresh_totals(store)
    assert _current(store, "EU") and _current(store, "European Union")
    eu = _totals(store, "EU")["entity_id"]
    # an article shows the two are one: identity.settle_companies merges them
    store.save_extraction(
        _report("The European Union (EU) will cut 30 jobs.", "European Union", 30, 20, "EU")
    )
    stale = _db(store).one("SELECT * FROM timeline_totals WHERE entity_id = ?", (eu,))
    assert stale["built_version"] != stale["version"]  # the company merged away
    assert not _current(store, "European Union")
    _same_answers(store, "European Union")
    refresh_totals(store)
    _same_answers(store, "European Union")
    page = Query(store).timeline_page("European Union")
    assert page is not None and page.jobs_cut_total == 500 + 30


def test_totals_computed_before_a_write_are_not_stored(store: Store) -> None:
    _acme(store)
    (entity_id, *_) = store.entity_ids_named("Acme")
    row = store.timeline_totals_row(entity_id)
    assert row is not None
    totals = Query(store, stored_totals=False).totals(entity_id)
    store.save_extraction(layoff_report("Acme cuts 9 jobs.", "Acme", 9, date(2023, 1, 1), "D"))
    stale = StoredTotals(
        totals.jobs_cut_total, totals.figures_json, totals.article_count, totals.event_count
    )
    assert not store.save_timeline_totals(entity_id, int(row["version"]), query_api.CODE, stale)
    assert not _current(store, "Acme")
    assert Query(store).totals(entity_id).jobs_cut_total == 579  # computed, and now stored
    assert _current(store, "Acme")


def test_a_read_only_query_reads_stored_totals_and_never_writes(store_target: str) -> None:
    with open_store(store_target) as store:
        _acme(store)
    with open_store(store_target, readonly=True) as store:
        assert Query(store).timeline_page("Acme") is not None
        assert not _current(store, "Acme")  # computed, not stored
    with open_store(store_target) as store:
        refresh_totals(store)
    with open_store(store_target, readonly=True) as store:
        assert _current(store, "Acme")
        _same_answers(store, "Acme")


def test_other_code_does_not_use_the_stored_totals(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _acme(store)
    refresh_totals(store)
    monkeypatch.setattr(query_api, "CODE", "another newsledger")
    assert not _current(store, "Acme")
    assert refresh_totals(store) == 1 and _current(store, "Acme")


# --- every write touching a company's rows bumps its version (the triggers) ------------


def _ids(store: Store) -> dict[str, Any]:
    db = _db(store)
    acme = store.entity_ids_named("Acme")[0]
    layoff = db.scalar(
        "SELECT min(id) FROM events WHERE company_entity_id = ? AND type = 'layoff'", (acme,)
    )
    return {
        "acme": acme,
        "event": layoff,
        "group": db.scalar("SELECT group_id FROM events WHERE id = ?", (layoff,)),
        "article": db.scalar("SELECT article_id FROM events WHERE id = ?", (layoff,)),
        "sony_event": db.scalar(
            "SELECT min(e.id) FROM events e JOIN entities n ON n.id = e.company_entity_id "
            "WHERE n.name = 'Sony'"
        ),
    }


WRITES = [
    pytest.param(["UPDATE events SET jobs = 501 WHERE id = {event}"], True, id="event-update"),
    pytest.param(
        ["DELETE FROM evidence WHERE event_id = {event}", "DELETE FROM events WHERE id = {event}"],
        True,
        id="event-delete",
    ),
    pytest.param(
        [
            "INSERT INTO events (article_id, type, company_entity_id) "
            "VALUES ('{article}', 'strategy', {acme})"
        ],
        True,
        id="event-insert",
    ),
    # Sony's event moved to Acme (a merge): both are bumped
    pytest.param(
        ["UPDATE events SET company_entity_id = {acme} WHERE id = {sony_event}"],
        True,
        id="event-moved-in",
    ),
    # an event Acme's forecast revises (its figure is shown beside it) changes
    pytest.param(
        [
            "UPDATE events SET revises = {sony_event} WHERE id = {event}",
            "BUMPED",
            "UPDATE events SET amount_exact = '7' WHERE id = {sony_event}",
        ],
        True,
        id="revised-event-update",
    ),
    pytest.param(["UPDATE evidence SET text = 'x' WHERE event_id = {event}"], True, id="evidence"),
    pytest.param(
        [
            'INSERT INTO evidence (event_id, article_id, start, "end", text, is_primary) '
            "SELECT {event}, '{article}', 0, 1, 'A', is_primary FROM evidence "
            "WHERE event_id = {event}"
        ],
        True,
        id="evidence-insert",
    ),
    pytest.param(["UPDATE event_groups SET conflict = 'x' WHERE id = {group}"], True, id="group"),
    pytest.param(["UPDATE entities SET name = 'Acme Co' WHERE id = {acme}"], True, id="entity"),
    # the company record's article count: an article that only mentions it, or quotes it
    pytest.param(
        [
            'INSERT INTO mentions (entity_id, article_id, start, "end", text) '
            "SELECT {acme}, id, 0, 4, 'Acme' FROM articles WHERE id <> '{article}'"
        ],
        True,
        id="mention",
    ),
    pytest.param(
        [
            'INSERT INTO quotes (article_id, org_entity_id, text, start, "end", '
            "sentence_start, sentence_end, direct) "
            "SELECT id, {acme}, 'x', 0, 1, 0, 1, true FROM articles WHERE id <> '{article}'"
        ],
        True,
        id="quote",
    ),
    pytest.param(["UPDATE articles SET title = 'x' WHERE id = '{article}'"], True, id="title"),
    pytest.param(
        ["UPDATE articles SET published = NULL WHERE id = '{article}'"], True, id="published"
    ),
    pytest.param(
        ["UPDATE articles SET extractor_version = 'x' WHERE id = '{article}'"],
        False,
        id="article-version-is-no-change",
    ),
    pytest.param(
        ["UPDATE articles SET title = title WHERE id = '{article}'"], False, id="same-title"
    ),
]


@pytest.mark.parametrize(("statements", "bumps"), WRITES)
def test_a_write_to_a_companys_rows_bumps_its_version(
    store: Store, statements: list[str], bumps: bool
) -> None:
    _acme(store)
    store.save_extraction(sony_2014())
    refresh_totals(store)
    ids = _ids(store)
    db = _db(store)
    for sql in statements:
        if sql == "BUMPED":  # the set-up so far bumped it: store the totals again
            refresh_totals(store)
            continue
        db.execute(sql.format(**ids))
    row = db.one("SELECT version, built_version FROM timeline_totals WHERE entity_id = ?",
                 (ids["acme"],))  # fmt: skip
    assert (row["version"] != row["built_version"]) == bumps


def _triggers(db: Any) -> list[tuple[str, str]]:
    """The timeline totals' triggers: (name, table)."""
    if db.dialect.name == "sqlite":
        sql = "SELECT name, tbl_name AS tab FROM sqlite_master WHERE type = 'trigger'"
    else:
        sql = (
            "SELECT t.tgname AS name, c.relname AS tab FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal"
        )
    return [(r["name"], r["tab"]) for r in db.rows(sql) if r["name"].startswith("timeline_")]


def test_migration_12_marks_every_stored_company_stale(store_target: str) -> None:
    with open_store(store_target) as store:
        _acme(store)
        store.save_extraction(sony_2012())
        db = _db(store)
        # the store as migration 11 left it: no table, no triggers
        for name, table in _triggers(db):
            on = f" ON {table}" if db.dialect.name == "postgres" else ""
            db.execute(f"DROP TRIGGER {name}{on}")
        db.execute("DROP TABLE timeline_totals")
        db.execute("DELETE FROM schema_migrations WHERE version = 12")
    with open_store(store_target) as store:  # opening for writing migrates
        assert not _current(store, "Acme") and not _current(store, "Sony")
        assert _triggers(_db(store))
        assert refresh_totals(store) == 2
        _same_answers(store, "Acme", "Sony")
        # the triggers are back: a write bumps the version again
        store.save_extraction(layoff_report("Acme cuts 1 job.", "Acme", 1, date(2023, 1, 1), "E"))
        assert not _current(store, "Acme")
