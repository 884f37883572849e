"""Organisations typed and spellings cleaned as they are stored, on SQLite and PostgreSQL;
migrations 4 and 5 bring a store written before them to the same state."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from ledger_builders import entity, layoff_report, sony_2012
from newsledger.ingest.identity import make_article
from newsledger.models import ORG_TYPES, Event, Extraction, LayoffArgs
from newsledger.query import Query
from newsledger.store import EventFilter, Store, open_store

# (name as extraction gives it, its other spellings, the type stored)
ORGANISATIONS = [
    pytest.param("Acme Corp", (), "company", id="company"),
    pytest.param("GM", ("General Motors",), "company", id="company-by-acronym"),
    pytest.param("Bank of England", (), "central_bank", id="bank-of-england"),
    pytest.param("Fed", (), "central_bank", id="fed"),
    pytest.param("EU", ("European Union",), "intl_body", id="eu"),
    pytest.param("IMF", (), "intl_body", id="imf"),
    pytest.param("WTO", (), "intl_body", id="wto"),
    pytest.param("Congress", (), "government", id="congress"),
    pytest.param("Treasury", (), "government", id="treasury"),
    pytest.param("BBC News", (), "media", id="bbc-news"),
    pytest.param("Reuters", (), "media", id="reuters"),
    pytest.param("SEC", (), "regulator", id="sec"),
    pytest.param("TUC", (), "union", id="union"),
    pytest.param(
        "ONS", ("Office for National Statistics",), "government", id="typed-by-another-spelling"
    ),
]


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    with open_store(store_target) as s:
        yield s


def _db(store: Store) -> Any:
    return store.db  # type: ignore[attr-defined]


def _mentioning(*names: str) -> Extraction:
    """One article naming each organisation (and its other spellings)."""
    text = " ".join(f"{name} said on Monday that trade was slow." for name in names)
    a = make_article(text, published=date(2015, 3, 2), source="Wire")
    return Extraction(a, entities=tuple(entity(a, "company", n) for n in names))


@pytest.mark.parametrize(("name", "spellings", "expected"), ORGANISATIONS)
def test_organisations_are_typed_when_stored(
    store: Store, name: str, spellings: tuple[str, ...], expected: str
) -> None:
    text = " and ".join((name, *spellings)) + " said on Monday that trade was slow."
    a = make_article(text, published=date(2015, 3, 2), source="Wire")
    store.save_extraction(Extraction(a, entities=(entity(a, "company", name, *spellings),)))
    rows, _ = store.entity_rows(limit=10)
    assert [(r["name"], r["type"]) for r in rows] == [(name, expected)]


def test_a_government_keeps_its_events_and_its_page(store: Store) -> None:
    store.save_extraction(
        layoff_report(
            "The Ministry of Defence will cut 10,000 civilian jobs.",
            "Ministry of Defence",
            10000,
            date(2015, 3, 2),
            "Wire",
        )
    )
    store.save_extraction(_mentioning("Acme Corp"))
    query = Query(store)
    timeline = query.timeline("Ministry of Defence")
    assert timeline is not None
    assert (timeline.company.type, timeline.jobs_cut_total) == ("government", 10000)
    assert [e.company for e in timeline.events] == ["Ministry of Defence"]
    assert [e.name for e in query.entities(type="company").items] == ["Acme Corp"]
    assert [e.name for e in query.entities(type="government").items] == ["Ministry of Defence"]
    assert len(query.entities(type="organisation").items) == 2
    assert len(query.entities().items) == len(query.entities(type="all").items) == 2


def test_entities_rank_by_events(store: Store) -> None:
    # Reuters is named in three articles but did nothing; Acme cut jobs once
    for day in (2, 3, 4):
        text = f"Reuters reported on day {day} that trade was slow."
        a = make_article(text, published=date(2015, 3, day), source="Wire")
        store.save_extraction(Extraction(a, entities=(entity(a, "company", "Reuters"),)))
    store.save_extraction(
        layoff_report("Acme Corp will cut 300 jobs.", "Acme Corp", 300, date(2015, 3, 5), "Wire")
    )
    rows, _ = store.entity_rows(type=ORG_TYPES, limit=10)
    assert [(r["name"], r["event_count"], r["article_count"]) for r in rows] == [
        ("Acme Corp", 1, 1),
        ("Reuters", 0, 3),
    ]


# text pasted from a page with a table: its rules run into the names
PAGE_TEXT = (
    "| General Motors | will cut 5,000 jobs. General Motors confirmed it. "
    "Ghosn | Nissan | said nothing."
)


def test_spellings_are_stored_without_page_junk(store: Store) -> None:
    a = make_article(PAGE_TEXT, published=date(2015, 3, 2), source="Wire")
    gm = entity(a, "company", "General Motors", "| General Motors |")
    junk = entity(a, "company", "Ghosn | Nissan |")
    events = tuple(
        Event("layoff", who, LayoffArgs(jobs=5000), mentions, date(2015, 3, 2))
        for who, mentions in (("| General Motors |", gm.mentions[:1]), (junk.name, junk.mentions))
    )
    store.save_extraction(Extraction(a, entities=(gm, junk), events=events))
    rows, _ = store.entity_rows(limit=10)
    assert [r["name"] for r in rows] == ["General Motors"]
    aliases = {r["alias"]: r["mentions"] for r in store.alias_rows([rows[0]["id"]])}
    assert aliases == {"General Motors": 2}
    linked = {
        r["company"]: r["company_entity_id"] for r in store.event_rows(EventFilter(), 10, 0)[0]
    }
    assert linked == {"| General Motors |": rows[0]["id"], "Ghosn | Nissan |": None}


def test_migrations_bring_an_older_store_along(store_target: str) -> None:
    with open_store(store_target) as store:
        store.save_extraction(
            layoff_report(
                "Bank of England will cut 300 jobs.", "Bank of England", 300, date(2015, 1, 5), "A"
            )
        )
        store.save_extraction(sony_2012())
        db = _db(store)
        # what the code before migration 4 left: every organisation a company, page
        # junk kept in spellings, and an entity named by junk alone that a quote points at
        db.execute("UPDATE entities SET type = 'company' WHERE type <> 'person'")
        sony = db.scalar("SELECT id FROM entities WHERE name = 'Sony'")
        db.execute(
            "INSERT INTO entity_aliases (entity_id, alias, mentions) VALUES (?, '| Sony', 2)",
            (sony,),
        )
        junk = db.insert(
            "INSERT INTO entities (type, key, name) "
            "VALUES ('company', 'ghosn nissan', 'Ghosn | Nissan |') RETURNING id"
        )
        db.execute(
            "INSERT INTO entity_aliases (entity_id, alias) VALUES (?, 'Ghosn | Nissan |')", (junk,)
        )
        db.execute("UPDATE quotes SET org_entity_id = ?", (junk,))
        db.execute("DELETE FROM schema_migrations WHERE version BETWEEN 4 AND 6")
    with open_store(store_target) as store:  # opening for writing migrates
        rows, _ = store.entity_rows(limit=10)
        assert {(r["name"], r["type"]) for r in rows} == {
            ("Bank of England", "central_bank"),
            ("Sony", "company"),
            ("Kaz Hirai", "person"),
        }
        aliases = {r["alias"]: r["mentions"] for r in store.alias_rows([sony])}
        assert aliases == {"Sony": 3}  # the two "| Sony" joined the one "Sony"
        quotes, total = store.quote_rows(limit=10)
        assert total == 1 and quotes[0]["org"] == "Sony"
        # the junk organisation's link went with it (migration 4); migration 6 gives the
        # quote its speaker's organisation again
        assert _db(store).scalar("SELECT org_entity_id FROM quotes") == sony
        timeline = Query(store).timeline("Bank of England")
        assert timeline is not None and timeline.jobs_cut_total == 300
