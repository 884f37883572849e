"""Re-extraction's write on SQLite and PostgreSQL: an article's facts replaced by a new
extraction in one transaction, ids kept where the fact or entity is the same, and a
report of what was added, removed and changed."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from ledger_builders import layoff_report, sony_2012, sony_2014
from newsledger.errors import StoreError
from newsledger.models import Extraction, FactChange, LayoffArgs, count_changes
from newsledger.store import Store
from newsledger.store.replace import Fact, match_facts

OLD, NEW = "0.0.9+old", "0.1.0+new"


def _db(store: Store) -> Any:
    return store.db  # type: ignore[attr-defined]


def _versioned(extraction: Extraction, version: str) -> Extraction:
    return dataclasses.replace(extraction, extractor_version=version)


def _rows(store: Store, sql: str, *params: Any) -> list[dict[str, Any]]:
    return list(_db(store).rows(sql, params))


def _snapshot(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every fact row, ids included, without the extractor version (mentions by place)."""
    tables = {
        "entities": "SELECT * FROM entities ORDER BY id",
        "aliases": "SELECT * FROM entity_aliases ORDER BY entity_id, alias",
        "events": "SELECT * FROM events ORDER BY id",
        "evidence": "SELECT * FROM evidence ORDER BY id",
        "groups": "SELECT * FROM event_groups ORDER BY id",
        "quotes": "SELECT * FROM quotes ORDER BY id",
        "mentions": 'SELECT entity_id, article_id, start, "end", text FROM mentions '
        'ORDER BY article_id, start, "end", entity_id',
    }
    return {
        name: [{k: v for k, v in r.items() if k != "extractor_version"} for r in _rows(store, sql)]
        for name, sql in tables.items()
    }


def _changes(changes: tuple[FactChange, ...]) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(c.type, c.change, c.fields) for c in changes}


# --- matching stored and new facts (pure) ---------------------------------------------


def _f(key: str, row_id: int = 0, index: int = -1, **fields: Any) -> Fact:
    return Fact((key,), key, fields, id=row_id, index=index)


# revenue and net profit stated in one sentence: two events of one identity
TWO_FIGURES = [_f("a", 1, kind="revenue", amount=5), _f("a", 2, kind="net_profit", amount=1)]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param([_f("a", 1, jobs=5)], [_f("a", index=0, jobs=5)],
                     {"same": [(1, 0)]}, id="same"),
        pytest.param([_f("a", 1, jobs=5)], [_f("a", index=0, jobs=6)],
                     {"changed": [(1, 0)]}, id="figure-changed"),
        pytest.param([_f("a", 1, jobs=5)], [_f("b", index=0, jobs=5)],
                     {"removed": [1], "added": [0]}, id="moved-is-another-fact"),
        pytest.param(TWO_FIGURES,
                     [_f("a", index=0, kind="net_profit", amount=2),
                      _f("a", index=1, kind="revenue", amount=5)],
                     {"same": [(1, 1)], "changed": [(2, 0)]}, id="two-figures-one-sentence"),
        pytest.param(TWO_FIGURES, [_f("a", index=0, kind="net_profit", amount=3)],
                     {"changed": [(2, 0)], "removed": [1]}, id="closest-pair-changed"),
        pytest.param([], [_f("a", index=0)], {"added": [0]}, id="new"),
    ],
)  # fmt: skip
def test_match_facts(old: list[Fact], new: list[Fact], expected: dict[str, list[Any]]) -> None:
    m = match_facts(old, new)
    got = {
        "same": [(o.id, n.index) for o, n in m.same],
        "changed": [(o.id, n.index) for o, n in m.changed],
        "removed": [f.id for f in m.removed],
        "added": [f.index for f in m.added],
    }
    assert got == {k: expected.get(k, []) for k in got}


# --- one article's facts replaced --------------------------------------------------------


def test_the_same_facts_again_change_nothing_but_the_version(store: Store) -> None:
    store.save_extraction(_versioned(sony_2012(), OLD))
    store.save_extraction(_versioned(sony_2014(), OLD))
    before = _snapshot(store)
    changes = store.replace_extraction(_versioned(sony_2014(), NEW))
    assert changes.changes == ()
    assert _snapshot(store) == before
    article_id = sony_2014().article.id
    for table in ("events", "quotes", "mentions"):
        versions = _rows(store, f"SELECT extractor_version FROM {table} WHERE article_id = ?",
                         article_id)  # fmt: skip
        assert versions and {r["extractor_version"] for r in versions} == {NEW}, table
    stamped = _rows(store, "SELECT id, extractor_version FROM articles ORDER BY published")
    assert [r["extractor_version"] for r in stamped] == [OLD, NEW]


def _improved_2014() -> Extraction:
    """sony_2014 as a better extractor reads it: another job figure, no net loss, the
    quote read as reported speech, and a leadership event on another sentence."""
    old = sony_2014()
    layoff, _net_loss, leadership, *rest = old.events
    layoff = dataclasses.replace(layoff, args=dataclasses.replace(layoff.args, jobs=1100))
    text = old.article.text
    start = text.index('"We will focus')
    moved = dataclasses.replace(
        leadership,
        evidence=(dataclasses.replace(leadership.evidence[0], start=start, end=start + 10,
                                      text=text[start : start + 10]),),
    )  # fmt: skip
    quote = dataclasses.replace(old.quotes[0], direct=False)
    return dataclasses.replace(old, events=(layoff, moved, *rest), quotes=(quote,))


def test_a_better_extraction_is_stored_with_ids_kept(store: Store) -> None:
    store.save_extraction(_versioned(sony_2012(), OLD))
    store.save_extraction(_versioned(sony_2014(), OLD))
    before = _snapshot(store)
    old_events = {(r["article_id"], r["type"], r["kind"]): r["id"] for r in before["events"]}

    changes = store.replace_extraction(_versioned(_improved_2014(), NEW))

    assert _changes(changes.changes) == {
        ("layoff", "changed", ("jobs",)),
        ("financial", "removed", ()),  # the net loss
        ("leadership", "removed", ()),  # the leadership event where it was
        ("leadership", "added", ()),  # and where it is now
        ("quote", "changed", ("direct",)),
    }
    counts = count_changes(changes.changes)
    assert counts["leadership"] == {"added": 1, "removed": 1, "changed": 0}
    assert counts["entity"] == {"added": 0, "removed": 0, "changed": 0}
    after = _snapshot(store)
    layoff = next(r for r in after["events"] if r["type"] == "layoff" and r["jobs"] == 1100)
    assert layoff["id"] == old_events[(sony_2014().article.id, "layoff", None)]  # in place
    assert not any(r["kind"] == "net_loss" for r in after["events"])
    kept = {r["id"] for r in after["events"]} & set(old_events.values())
    assert len(kept) == len(old_events) - 2  # all but the net loss and the moved leadership
    assert after["entities"] == before["entities"]  # the same entities, the same ids
    assert after["quotes"][-1]["id"] == before["quotes"][-1]["id"]
    # every event is in exactly one group, every group has events
    grouped = {r["group_id"] for r in after["events"]}
    assert None not in grouped and grouped == {g["id"] for g in after["groups"]}


def test_a_person_known_by_one_name_keeps_their_id(store: Store) -> None:
    """A surname alone meets no stored person (it could be anyone's), so the article
    that names "Greenspan" made an entity of its own; read again, it is that one."""
    text = "Acme Widgets cut 50 jobs. Greenspan said the economy was slowing."
    report = layoff_report(
        text, "Acme Widgets", 50, date(2005, 1, 2), "Wire", person=("Greenspan", None, None)
    )
    store.save_extraction(_versioned(report, OLD))
    before = _snapshot(store)
    assert store.replace_extraction(_versioned(report, NEW)).changes == ()
    assert _snapshot(store) == before


def test_a_company_linked_without_a_mention_is_counted_once(store: Store) -> None:
    """An event's company the article does not mention is linked by name, and that
    name counted once for the article; read again, it is not counted twice."""
    acme = layoff_report("Acme Widgets cut 50 jobs.", "Acme Widgets", 50, date(2020, 1, 2), "A")
    parent = dataclasses.replace(acme.events[0], company="Widget Holdings")
    linked = dataclasses.replace(acme, events=(parent,))
    store.save_extraction(_versioned(linked, OLD))
    before = _snapshot(store)
    assert {a["alias"]: a["mentions"] for a in before["aliases"]}["Widget Holdings"] == 1
    assert store.replace_extraction(_versioned(linked, NEW)).changes == ()
    assert _snapshot(store) == before


def test_an_entity_nothing_refers_to_any_more_goes(store: Store) -> None:
    acme = layoff_report("Acme Widgets cut 50 jobs.", "Acme Widgets", 50, date(2020, 1, 2), "Wire")
    store.save_extraction(_versioned(sony_2012(), OLD))
    store.save_extraction(_versioned(acme, OLD))
    sony_entities = _rows(store, "SELECT * FROM entities WHERE name <> 'Acme Widgets' ORDER BY id")
    changes = store.replace_extraction(
        _versioned(dataclasses.replace(acme, entities=(), events=()), NEW)
    )
    assert count_changes(changes.changes)["layoff"]["removed"] == 1
    assert count_changes(changes.changes)["entity"]["removed"] == 1
    assert _rows(store, "SELECT * FROM entities ORDER BY id") == sony_entities
    assert _rows(store, "SELECT count(*) AS n FROM event_groups")[0]["n"] == 1  # Sony's only


def test_a_changed_event_stays_in_its_group_across_articles(store: Store) -> None:
    first = layoff_report("Acme Widgets cut 50 jobs.", "Acme Widgets", 50, date(2020, 1, 2), "A")
    second = layoff_report(
        "Acme Widgets is cutting 50 jobs.", "Acme Widgets", 50, date(2020, 1, 3), "B"
    )
    store.save_extraction(_versioned(first, OLD))
    store.save_extraction(_versioned(second, OLD))
    (group,) = _rows(store, "SELECT * FROM event_groups")
    assert group["article_count"] == 2
    event = second.events[0]
    recount = dataclasses.replace(event, args=LayoffArgs(jobs=55))
    changes = store.replace_extraction(
        _versioned(dataclasses.replace(second, events=(recount,)), NEW)
    )
    assert _changes(changes.changes) == {("layoff", "changed", ("jobs",))}
    (regrouped,) = _rows(store, "SELECT * FROM event_groups")
    assert regrouped["id"] == group["id"] and regrouped["article_count"] == 2
    assert regrouped["conflict"]  # 50 and 55 reported for one event: flagged


def test_an_event_of_another_company_keeps_its_id_and_group(store: Store) -> None:
    acme = layoff_report("Acme Widgets cut 50 jobs.", "Acme Widgets", 50, date(2020, 1, 2), "A")
    store.save_extraction(_versioned(acme, OLD))
    (before,) = _rows(store, "SELECT id, group_id, company_entity_id FROM events")
    parent = dataclasses.replace(acme.events[0], company="Widget Holdings")
    changes = store.replace_extraction(_versioned(dataclasses.replace(acme, events=(parent,)), NEW))
    assert _changes(changes.changes) == {("layoff", "changed", ("company", "company_entity_id"))}
    (after,) = _rows(store, "SELECT id, group_id, company_entity_id FROM events")
    assert (after["id"], after["group_id"]) == (before["id"], before["group_id"])
    (group,) = _rows(store, "SELECT company_entity_id FROM event_groups")
    assert group["company_entity_id"] == after["company_entity_id"] != before["company_entity_id"]
    names = [r["name"] for r in _rows(store, "SELECT name FROM entities ORDER BY id")]
    assert names == ["Acme Widgets", "Widget Holdings"]  # Acme is still named in the text


def test_replacing_an_unknown_article_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="no such article"):
        store.replace_extraction(sony_2014())
    assert store.counts()["events"] == 0


def test_a_failed_replacement_leaves_the_stored_facts(store: Store) -> None:
    store.save_extraction(_versioned(sony_2014(), OLD))
    before = _snapshot(store)
    broken = _improved_2014()
    bad_evidence = dataclasses.replace(broken.events[0].evidence[0], article_id="no-such-article")
    bad = dataclasses.replace(broken.events[0], evidence=(bad_evidence,))
    with pytest.raises(StoreError):
        store.replace_extraction(_versioned(dataclasses.replace(broken, events=(bad,)), NEW))
    assert _snapshot(store) == before
    (article,) = _rows(store, "SELECT extractor_version FROM articles")
    assert article["extractor_version"] == OLD


# --- what to re-extract -------------------------------------------------------------------


def test_candidates_by_company_and_date(store: Store) -> None:
    acme = layoff_report("Acme Widgets cut 50 jobs.", "Acme Widgets", 50, date(2020, 1, 2), "Wire")
    for extraction in (sony_2012(), sony_2014(), acme):
        store.save_extraction(_versioned(extraction, OLD))
    ids = {e.article.id: name for e, name in
           ((sony_2012(), "2012"), (sony_2014(), "2014"), (acme, "acme"))}  # fmt: skip

    def named(**kw: Any) -> list[str]:
        return [ids[a] for a, _ in store.reextract_candidates(**kw)]

    assert named() == ["2012", "2014", "acme"]
    assert named(company_ids=store.entity_ids_named("Sony")) == ["2012", "2014"]
    assert named(since=date(2013, 1, 1)) == ["2014", "acme"]
    assert named(until=date(2014, 9, 18), since=date(2014, 9, 18)) == ["2014"]
    assert named(company_ids=store.entity_ids_named("Sony"), since=date(2013, 1, 1)) == ["2014"]
    assert named(company_ids=[]) == []
    (quoted_org,) = _rows(store, "SELECT org_entity_id FROM quotes WHERE org IS NOT NULL LIMIT 1")
    _db(store).execute("DELETE FROM mentions")
    _db(store).execute("UPDATE events SET company_entity_id = NULL, person_entity_id = NULL")
    assert named(company_ids=[quoted_org["org_entity_id"]]) == ["2012", "2014"]  # by quotes
    assert {v for _, v in store.reextract_candidates()} == {OLD}


def test_a_stored_article_reads_back_as_ingested(store: Store) -> None:
    extraction = sony_2014()
    store.save_extraction(extraction)
    assert store.stored_article(extraction.article.id) == extraction.article
    assert store.stored_article("no-such-id") is None
