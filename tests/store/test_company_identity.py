"""Company identity (issue 10 item 3) on SQLite and PostgreSQL: one company under its
names and legal forms, its listing from the register, parents and subsidiaries read
from the text, rolled up only in views; migration 9 brings a stored ledger along."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ledger_builders import alphabet_google, entity, event, layoff_report
from newsledger.ingest.identity import make_article
from newsledger.models import Extraction, LayoffArgs
from newsledger.query import Query
from newsledger.store import EventFilter, Store, open_store


def _db(store: Store) -> Any:
    return store.db  # type: ignore[attr-defined]


def _companies(store: Store) -> dict[str, dict[str, Any]]:
    rows = _db(store).rows(
        "SELECT id, type, name, ticker, isin, listed_as FROM entities WHERE type <> 'person'"
    )
    return {r["name"]: r for r in rows}


def _report(text: str, company: str, jobs: int, day: int, *spellings: str) -> Extraction:
    """One article naming ``company`` (and its ``spellings``), which cuts ``jobs``."""
    a = make_article(text, published=date(2015, 3, day), source=f"Wire {day}", title=text[:30])
    return Extraction(
        a,
        entities=(entity(a, "company", company, *spellings),),
        events=(
            event(a, "layoff", company, LayoffArgs(jobs=jobs), text.split(".")[0], a.published),
        ),
    )


@pytest.mark.parametrize(
    "names",
    [
        pytest.param(("Bayer", "Bayer AG", "Bayer Aktiengesellschaft"), id="legal-forms"),
        pytest.param(("Ford", "Ford Motor", "Ford Motor Company"), id="trade-word"),
        pytest.param(("Starbucks Coffee", "Starbucks", "Starbucks Coffee Company"), id="coffee"),
    ],
)
def test_name_variants_are_one_company(store: Store, names: tuple[str, ...]) -> None:
    for day, name in enumerate(names, start=1):
        store.save_extraction(_report(f"{name} will cut {day}00 jobs.", name, day * 100, day * 9))
    stored = _companies(store)
    assert len(stored) == 1, stored
    rows, _ = store.event_rows(EventFilter(), 10, 0)
    # one entity, and every event still names the company as its article did
    assert {r["company_entity_id"] for r in rows} == {next(iter(stored.values()))["id"]}
    assert sorted(r["company"] for r in rows) == sorted(names)


def test_a_company_of_the_register_gets_its_ticker_and_isin(store: Store) -> None:
    store.save_extraction(_report("Ford Motor Co. will cut 500 jobs.", "Ford Motor Co.", 500, 2))
    store.save_extraction(_report("Dexia SA will cut 900 jobs.", "Dexia SA", 900, 3))
    stored = _companies(store)
    ford = stored["Ford Motor Co"]  # the trailing dot is no part of a spelling
    assert (ford["ticker"], ford["isin"], ford["listed_as"]) == (
        "F",
        "US3453708600",
        "Ford Motor Company",
    )
    dexia = stored["Dexia SA"]  # no index lists it: it works unlinked
    assert (dexia["ticker"], dexia["isin"]) == (None, None)
    entity_record = Query(store).timeline("Ford").company  # type: ignore[union-attr]
    assert (entity_record.ticker, entity_record.isin) == ("F", "US3453708600")


def test_an_acronym_alone_is_the_organisation_another_article_spelled_so(store: Store) -> None:
    store.save_extraction(
        _report("The European Union (EU) will cut 10 jobs.", "European Union", 10, 1, "EU")
    )
    store.save_extraction(_report("EU will cut 20 jobs.", "EU", 20, 2))
    store.save_extraction(_report("IMF will cut 30 jobs.", "IMF", 30, 3))
    store.save_extraction(
        _report(
            "The International Monetary Fund (IMF) will cut 40 jobs.",
            "International Monetary Fund",
            40,
            4,
            "IMF",
        )
    )
    stored = _companies(store)
    assert len(stored) == 2, stored
    assert {r["type"] for r in stored.values()} == {"intl_body"}


def test_an_acronym_two_organisations_spell_out_differently_joins_neither(store: Store) -> None:
    trade = "The World Trade Organisation (WTO) will cut 10 jobs."
    tourism = "The World Tourism Organisation (WTO) will cut 20 jobs."
    store.save_extraction(_report(trade, "World Trade Organisation", 10, 1, "WTO"))
    store.save_extraction(_report(tourism, "World Tourism Organisation", 20, 2, "WTO"))
    rows = _db(store).rows("SELECT entity_id, alias FROM entity_aliases WHERE alias <> 'WTO'")
    full = {r["alias"]: r["entity_id"] for r in rows}
    assert len(set(full.values())) == 2, full


def test_two_stored_organisations_an_article_shows_to_be_one_are_merged(store: Store) -> None:
    store.save_extraction(_report("EU will cut 500 jobs.", "EU", 500, 1))
    store.save_extraction(_report("European Union will cut 510 jobs.", "European Union", 510, 2))
    assert len(_companies(store)) == 2
    store.save_extraction(
        _report("The European Union (EU) will cut 30 jobs.", "European Union", 30, 20, "EU")
    )
    stored = _companies(store)
    assert len(stored) == 1, stored
    timeline = Query(store).timeline("European Union")
    assert timeline is not None and len(timeline.events) == 3
    # the two reports of 500 and 510 jobs were grouped again: one event, counted once
    # (at the earlier report's figure)
    assert timeline.jobs_cut_total == 500 + 30


def test_ownership_from_the_text_rolls_up_only_in_views(store: Store) -> None:
    store.save_extraction(alphabet_google())
    store.save_extraction(_report("Google will cut 7 jobs.", "Google", 7, 5))
    q = Query(store)
    alphabet = q.timeline("Alphabet")
    assert alphabet is not None
    assert [e.company for e in alphabet.events] == ["Alphabet"] and alphabet.subsidiaries == []
    rolled = q.timeline("Alphabet", with_subsidiaries=True)
    assert rolled is not None and rolled.subsidiaries == ["Google"]
    assert sorted(e.company or "" for e in rolled.events) == ["Alphabet", "Google", "Google"]
    assert rolled.jobs_cut_total == 127
    (owner,) = q.ownership(alphabet.company.id)
    assert (owner.parent, owner.child, owner.statement) == (
        "Alphabet",
        "Google",
        "Alphabet's Google",
    )
    # the stored events keep the company the article named
    google = q.timeline("Google")
    assert google is not None and {e.company for e in google.events} == {"Google"}


def test_migration_9_brings_a_stored_ledger_along(store_target: str) -> None:
    with open_store(store_target) as store:
        store.save_extraction(alphabet_google())
        store.save_extraction(_report("Bayer AG will cut 300 jobs.", "Bayer AG", 300, 1))
        store.save_extraction(
            layoff_report("GM will cut 100 jobs.", "GM", 100, date(2015, 1, 5), "A")
        )
        db = _db(store)
        # what the code before migration 9 stored: keys with the long legal forms, an
        # acronym apart from its full name, no listing, no relations, no spelling keys
        db.execute(
            "INSERT INTO entities (type, key, name) VALUES "
            "('company', 'bayer aktiengesellschaft', 'Bayer Aktiengesellschaft')"
        )
        db.execute(
            "INSERT INTO entities (type, key, name) VALUES "
            "('company', 'general motors', 'General Motors')"
        )
        for name in ("Bayer Aktiengesellschaft", "General Motors"):
            db.execute(
                "INSERT INTO entity_aliases (entity_id, alias) "
                "SELECT id, name FROM entities WHERE name = ?",
                (name,),
            )
        db.execute(
            "INSERT INTO entity_aliases (entity_id, alias) "
            "SELECT id, 'GM' FROM entities WHERE name = 'General Motors'"
        )
        db.execute("DROP TABLE company_relations")
        db.execute("DROP INDEX entity_aliases_key")
        for table, column in (
            ("entity_aliases", "key"),
            ("entities", "ticker"),
            ("entities", "isin"),
            ("entities", "listed_as"),
        ):
            db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        db.execute("DELETE FROM schema_migrations WHERE version = 9")
    with open_store(store_target) as store:  # opening for writing migrates
        stored = _companies(store)
        assert set(stored) == {"Alphabet", "Google", "Bayer AG", "GM"}, stored
        assert stored["GM"]["ticker"] == "GM" and stored["Bayer AG"]["isin"] == "DE000BAY0017"
        (owner,) = Query(store).ownership(stored["Alphabet"]["id"])
        assert (owner.parent, owner.child) == ("Alphabet", "Google")
