"""People across articles as the store links them, on SQLite and PostgreSQL; migration
6 brings a store written before it to the same state (issue 10 item 1)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ledger_builders import entity, quote
from newsledger.ingest.identity import make_article
from newsledger.models import Extraction
from newsledger.query import Query
from newsledger.store import Store, open_store


def _db(store: Store) -> Any:
    return store.db  # type: ignore[attr-defined]


def article(
    text: str,
    people: tuple[tuple[str, str | None, str | None], ...],
    companies: tuple[str, ...] = (),
    quotes: tuple[tuple[str, str, str], ...] = (),
    day: int = 1,
    published: date | None = None,
) -> Extraction:
    """One article naming ``people`` (name, role, organisation) and ``companies``, with
    ``quotes`` (words, speaker, role)."""
    a = make_article(text, published=published or date(2005, 1, day), source="Wire")
    entities = [entity(a, "company", c) for c in companies]
    entities += [entity(a, "person", n, role=r, org=o) for n, r, o in people]  # type: ignore[arg-type]
    said = tuple(
        quote(a, words, who, speaker_type="person", speaker_role=role)
        for words, who, role in quotes
    )
    return Extraction(a, entities=tuple(entities), quotes=said)


def people(store: Store) -> list[tuple[str, str | None, str | None]]:
    rows, _ = store.entity_rows(type="person", limit=50)
    return sorted((r["name"], r["role"], r["org"]) for r in rows)


WAGONER = [
    article(
        "GM chief executive Rick Wagoner said GM would cut jobs. General Motors confirmed it.",
        (("Rick Wagoner", "chief executive", "General Motors"),),
        ("General Motors", "GM"),
    ),
    article("Rick Wagoner met Fiat's boss in Zurich.", (("Rick Wagoner", None, None),), day=2),
    article(
        "GM chief executive Rick Waggoner spoke of a roadmap.",
        (("Rick Waggoner", "chief executive", "GM"),),
        ("GM",),
        day=3,
    ),
]


def test_one_rick_wagoner(store: Store) -> None:
    for x in WAGONER:
        store.save_extraction(x)
    assert people(store) == [("Rick Wagoner", "chief executive", "General Motors")]
    rows, _ = store.entity_rows(type="person", limit=5)
    aliases = {r["alias"] for r in store.alias_rows([rows[0]["id"]])}
    assert aliases == {"Rick Wagoner", "Rick Waggoner"}


def test_one_kazuo_hirai_with_his_quotes_on_sonys_page(store: Store) -> None:
    store.save_extraction(
        article(
            "Sony will cut 10,000 jobs, as new chief executive Kazuo Hirai said: "
            '"Sony will change."',
            (("Kazuo Hirai", "as new chief executive", None),),
            ("Sony",),
            (("Sony will change.", "Kazuo Hirai", "as new chief executive"),),
        )
    )
    store.save_extraction(
        article(
            'Sony CEO Kazou Hirai said: "Mobile is still important." Sony makes phones.',
            (("Kazou Hirai", "CEO", "Sony"),),
            ("Sony",),
            (("Mobile is still important.", "Kazou Hirai", "CEO"),),
            day=2,
        )
    )
    assert people(store) == [("Kazuo Hirai", "chief executive", "Sony")]
    page = Query(store).quotes(company="Sony")
    assert sorted(q.text for q in page.items) == ["Mobile is still important.", "Sony will change."]
    assert {q.speaker_role for q in page.items} == {"chief executive"}


NAMESAKES = [
    pytest.param(
        [("Osamu Suzuki", "chairman", "Suzuki Motor"), ("Kunimasa Suzuki", "mobile chief", "Sony")],
        [("Kunimasa Suzuki", "mobile chief", "Sony"), ("Osamu Suzuki", "chairman", "Suzuki Motor")],
        id="one-surname-two-companies",
    ),
    pytest.param(
        [("John Smith", None, "Acme"), ("John Smith", None, "Zenta")],
        [("John Smith", None, "Acme"), ("John Smith", None, "Zenta")],
        id="one-name-two-companies",
    ),
    pytest.param(
        [("Ann Lee", "chief executive", None), ("Ann Lee", "analyst", None)],
        [("Ann Lee", "analyst", None), ("Ann Lee", "chief executive", None)],
        id="roles-one-person-cannot-hold",
    ),
    pytest.param(
        [("Ann Lee", "chief executive", None), ("Ann Lee", None, None)],
        [("Ann Lee", "chief executive", None)],
        id="same-full-name-nothing-against",
    ),
]


@pytest.mark.parametrize(("named", "stored"), NAMESAKES)
def test_namesakes(
    store: Store,
    named: list[tuple[str, str | None, str | None]],
    stored: list[tuple[str, str | None, str | None]],
) -> None:
    for day, (name, role, org) in enumerate(named, 1):
        text = f"{name} spoke for {org or 'nobody'} on day {day}."
        store.save_extraction(article(text, ((name, role, org),), (org,) if org else (), day=day))
    assert people(store) == stored


@pytest.mark.parametrize(
    ("second", "count"),
    [
        pytest.param(date(2008, 2, 29), 1, id="a-move-a-year-on"),
        pytest.param(date(2007, 6, 1), 2, id="two-organisations-at-once"),
    ],
)
def test_a_full_name_at_another_organisation(store: Store, second: date, count: int) -> None:
    for org, when in (("Airbus", date(2007, 2, 28)), ("EADS", second)):
        text = f"{org} chief executive Louis Gallois spoke."
        person = (("Louis Gallois", "chief executive", org),)
        store.save_extraction(article(text, person, (org,), published=when))
    assert len(people(store)) == count


def test_an_acronym_is_no_person(store: Store) -> None:
    store.save_extraction(article("General Motors will cut jobs.", (), ("General Motors",)))
    store.save_extraction(article("GM said so.", (("GM", None, None),), day=2))
    assert people(store) == []
    rows, _ = store.entity_rows(limit=5)
    assert sorted((r["name"], r["type"]) for r in rows) == [
        ("GM", "company"),  # one with General Motors only when company identity says so
        ("General Motors", "company"),
    ]


def test_migration_6_merges_people_already_stored(store_target: str) -> None:
    with open_store(store_target) as store:
        for x in WAGONER:
            store.save_extraction(x)
        store.save_extraction(article("GM said so.", (), ("General Motors",), day=4))
        db = _db(store)
        # what the code before migration 6 left: one person per spelling and context,
        # raw roles, and "GM" as a person
        gm = db.scalar("SELECT id FROM entities WHERE name = 'General Motors'")
        person = db.scalar("SELECT id FROM entities WHERE type = 'person'")
        aliases = db.rows(
            "SELECT alias, mentions FROM entity_aliases WHERE entity_id = ? ORDER BY alias DESC",
            (person,),
        )
        mentions = db.rows("SELECT id, text FROM mentions WHERE entity_id = ?", (person,))
        for r, org in zip(aliases, ("General Motors", "GM"), strict=True):
            new = db.insert(
                "INSERT INTO entities (type, key, name, role, org) "
                "VALUES ('person', ?, ?, ?, ?) RETURNING id",
                (r["alias"].split()[-1].lower(), r["alias"], "GM chief executive", org),
            )
            db.execute(
                "INSERT INTO entity_aliases (entity_id, alias, mentions) VALUES (?, ?, ?)",
                (new, r["alias"], r["mentions"]),
            )
            ids = [m["id"] for m in mentions if m["text"] == r["alias"]]
            db.execute(
                f"UPDATE mentions SET entity_id = ? WHERE id IN ({', '.join('?' for _ in ids)})",
                (new, *ids),
            )
        db.execute("DELETE FROM entity_aliases WHERE entity_id = ?", (person,))
        db.execute("DELETE FROM entities WHERE id = ?", (person,))
        fake = db.insert(
            "INSERT INTO entities (type, key, name) VALUES ('person', 'gm', 'GM') RETURNING id"
        )
        db.execute("INSERT INTO entity_aliases (entity_id, alias) VALUES (?, 'GM')", (fake,))
        db.execute("DELETE FROM schema_migrations WHERE version = 6")
        assert len(people(store)) == 3
    with open_store(store_target) as store:  # opening for writing migrates
        assert people(store) == [("Rick Wagoner", "chief executive", "General Motors")]
        db = _db(store)
        assert db.scalar("SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id "
                         "WHERE e.type = 'person'") == 3  # fmt: skip
        assert db.scalar("SELECT count(*) FROM entities WHERE name = 'GM'") == 1  # the company
        assert {r["alias"] for r in store.alias_rows([gm])} == {"General Motors"}
