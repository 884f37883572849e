"""``reextract`` on a store made by the previous version, on SQLite and PostgreSQL.

The store is the bundled sample articles ingested, then made as an older extractor
would have left it: an event it missed, figures it read otherwise, a quote it
missed, an event it found that is not there, and the schema before migration 8
(no version column; opening the store adds it, NULL everywhere). The
current extractor must report exactly those differences, store what a fresh ingest
stores, keep the ids of what is unchanged, and find nothing to do a second time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from newsledger.cli import cli
from newsledger.config import Settings, load_settings
from newsledger.models import EVENT_TYPES, ReextractSummary
from newsledger.pipeline import ingest, reextract
from newsledger.store import Store, open_store
from newsledger.store import write as store_write
from newsledger.store.schema import FACT_TABLES
from pg_server import pg_base_url, store_target  # noqa: F401  (fixtures used here)

pytestmark = pytest.mark.model

SAMPLES = str(Path(__file__).resolve().parents[1] / "examples" / "articles")
NO_CHANGE = {"added": 0, "removed": 0, "changed": 0}


@pytest.fixture
def settings(extractor: object) -> Settings:  # the session's pipeline, loaded once
    return load_settings({}, workers=1)


@pytest.fixture
def store(store_target: str, settings: Settings) -> Iterator[Store]:  # noqa: F811
    with open_store(store_target) as s:
        summary = ingest([SAMPLES], s, settings, progress=False)
        assert summary.new == 6 and summary.failed == 0
        yield s


def _db(store: Store) -> Any:
    return store.db  # type: ignore[attr-defined]


def _one(store: Store, sql: str, *params: Any) -> Any:
    return _db(store).scalar(sql, params)


_BOOKKEEPING = {"id", "event_id", "group_id", "extractor_version"}


def _content(store: Store) -> dict[str, Any]:
    """The ledger's facts, comparable between stores: rows without their own ids (an
    event re-added gets a new one), entities with theirs (they must stay)."""
    queries = {
        "events": "SELECT * FROM events",
        "evidence": "SELECT * FROM evidence",
        "groups": "SELECT * FROM event_groups",
        "quotes": "SELECT * FROM quotes",
        "mentions": "SELECT * FROM mentions",
    }
    out: dict[str, Any] = {}
    for name, sql in queries.items():
        rows = _db(store).rows(sql)
        out[name] = sorted(
            repr(sorted((k, v) for k, v in r.items() if k not in _BOOKKEEPING)) for r in rows
        )
    out["entities"] = _db(store).rows("SELECT * FROM entities ORDER BY id")
    out["aliases"] = _db(store).rows("SELECT * FROM entity_aliases ORDER BY entity_id, alias")
    return out


def _event_id(store: Store, title: str, type_: str, **where: Any) -> int:
    extra = "".join(f" AND e.{k} = ?" for k in where)
    return int(
        _one(
            store,
            "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE a.title LIKE ? AND e.type = ?{extra}",
            f"{title}%",
            type_,
            *where.values(),
        )
    )


def _forget_versions(store: Store, older: str | None = None) -> None:
    """Facts as an older extractor (``older``, or one unknown) stamped them."""
    for table in FACT_TABLES:
        _db(store).execute(f"UPDATE {table} SET extractor_version = ?", (older,))


def _as_an_older_extractor_left_it(store: Store) -> dict[str, int]:
    """Alter the ingested facts as an older extractor would have had them; the ids
    of the events it read otherwise."""
    db = _db(store)
    missed = _event_id(store, "Hewlett-Packard", "layoff")
    group = _one(store, "SELECT group_id FROM events WHERE id = ?", missed)
    db.execute("DELETE FROM evidence WHERE event_id = ?", (missed,))
    db.execute("DELETE FROM events WHERE id = ?", (missed,))
    store_write.refresh_group(db, group)
    jobs = _event_id(store, "Microsoft", "layoff")
    db.execute("UPDATE events SET jobs = 12000 WHERE id = ?", (jobs,))
    amount = _event_id(store, "Apple", "financial", amount_exact="46330000000")
    db.execute(
        "UPDATE events SET amount = 46000000000, amount_exact = '46000000000' WHERE id = ?",
        (amount,),
    )
    deutsche = _one(store, "SELECT id FROM articles WHERE title LIKE ?", "Deutsche Bank%")
    db.execute("DELETE FROM quotes WHERE article_id = ?", (deutsche,))
    # an event the older extractor saw in a sentence that states none of its kind
    loss = _event_id(store, "Sony to cut 1,000", "financial", kind="impairment")
    spurious = db.insert(
        "INSERT INTO events (article_id, type, company, jobs) "
        "SELECT article_id, 'layoff', company, 5 FROM events WHERE id = ? RETURNING id",
        (loss,),
    )
    db.execute(
        'INSERT INTO evidence (event_id, article_id, start, "end", text, is_primary) '
        'SELECT ?, article_id, start, "end", text, is_primary FROM evidence WHERE event_id = ?',
        (spurious, loss),
    )
    store_write.group_event(db, spurious)
    _forget_versions(store)
    return {"jobs": jobs, "amount": amount}


def _as_the_previous_schema_has_it(store: Store) -> None:
    """The store as the newsledger before migration 8 wrote it: no version column."""
    db = _db(store)
    for table in FACT_TABLES:
        db.execute(f"ALTER TABLE {table} DROP COLUMN extractor_version")
    db.execute("DELETE FROM schema_migrations WHERE version = 8")


def test_reextract_brings_an_older_store_up_to_date(
    store: Store,
    store_target: str,  # noqa: F811
    settings: Settings,
) -> None:
    fresh = _content(store)
    read_otherwise = _as_an_older_extractor_left_it(store)
    _as_the_previous_schema_has_it(store)
    store.close()

    with open_store(store_target) as store:  # opening it for writing migrates it
        summary = reextract(store, settings, progress=False)
        after = _content(store)
        versions = {
            table: {r["v"] for r in _db(store).rows(f"SELECT extractor_version AS v FROM {table}")}
            for table in FACT_TABLES
        }
        changed_jobs = _one(store, "SELECT jobs FROM events WHERE id = ?", read_otherwise["jobs"])

    assert (summary.selected, summary.done, summary.current, summary.failed) == (6, 6, 0, 0)
    totals = summary.totals()
    assert totals.pop("layoff") == {"added": 1, "removed": 1, "changed": 1}
    assert totals.pop("financial") == {"added": 0, "removed": 0, "changed": 1}
    assert totals.pop("quote") == {"added": 1, "removed": 0, "changed": 0}
    assert totals == dict.fromkeys(totals, NO_CHANGE)  # the other event types, entities
    by_title = {a.title: a for a in summary.articles}
    changed = {
        (c.id, c.fields) for a in summary.articles for c in a.changes if c.change == "changed"
    }
    assert changed == {(read_otherwise["jobs"], ("jobs",)), (read_otherwise["amount"], ("amount",))}
    hp = next(a for t, a in by_title.items() if t and t.startswith("Hewlett-Packard"))
    assert [(c.kind, c.type, c.change) for c in hp.changes] == [("event", "layoff", "added")]
    # the store now holds what a fresh ingest holds, entity ids and all
    assert after == fresh
    assert changed_jobs == 18000
    assert versions == {table: {summary.version} for table in FACT_TABLES}


def test_a_second_run_does_nothing(store: Store, settings: Settings) -> None:
    first = reextract(store, settings, progress=False)  # ingested by this very version
    assert (first.selected, first.done, first.current) == (6, 0, 6)
    _forget_versions(store)
    again = reextract(store, settings, progress=False)
    assert again.done == 6 and all(not a.changes for a in again.articles)
    before = _content(store)
    last = reextract(store, settings, progress=False)
    assert (last.done, last.current, last.articles) == (0, 6, [])
    assert _content(store) == before


def _titles(summary: ReextractSummary) -> list[str]:
    return sorted((a.title or "")[:12] for a in summary.articles)


def test_selection_by_company_and_dates(store: Store, settings: Settings) -> None:
    _forget_versions(store, older="0.0.9+0123456789ab")
    sony = reextract(store, settings, company="Sony", progress=False)
    assert _titles(sony) == ["Sony to cut ", "Sony to cut "]
    year_2014 = reextract(
        store, settings, since=date(2014, 1, 1), until=date(2014, 12, 31), progress=False
    )
    assert (year_2014.selected, year_2014.current) == (2, 1)  # Sony's 2014 is done already
    assert _titles(year_2014) == ["Microsoft to"]
    rest = reextract(store, settings, progress=False)
    assert (rest.done, rest.current) == (3, 3)
    assert _titles(rest) == ["Apple's holi", "Deutsche Ban", "Hewlett-Pack"]
    with pytest.raises(ValueError, match="no company named 'Nobody Inc'"):
        reextract(store, settings, company="Nobody Inc", progress=False)


class Interrupted(Exception):
    pass


def test_an_interrupted_run_continues(
    store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _forget_versions(store)
    real = store.replace_extraction
    calls: list[str] = []

    def interrupted_on_the_third(extraction: Any) -> Any:
        if len(calls) == 2:
            raise Interrupted  # as Ctrl-C would, between two articles' transactions
        calls.append(extraction.article.id)
        return real(extraction)

    monkeypatch.setattr(store, "replace_extraction", interrupted_on_the_third)
    with pytest.raises(Interrupted):
        reextract(store, settings, progress=False)
    monkeypatch.undo()
    resumed = reextract(store, settings, progress=False)
    assert (resumed.done, resumed.current) == (4, 2)
    assert not {a.article_id for a in resumed.articles} & set(calls)


def test_on_two_worker_processes_the_same(tmp_path: Path, settings: Settings) -> None:
    """``reextract`` on the ingest worker pool stores and reports what one process does."""
    outcomes = []
    for workers in (1, 2):
        with open_store(tmp_path / f"w{workers}.db") as s:
            ingest([SAMPLES], s, settings, progress=False)
            _as_an_older_extractor_left_it(s)
            summary = reextract(s, replace(settings, workers=workers), progress=False)
            outcomes.append(([a.to_dict() for a in summary.articles], _content(s)))
    assert outcomes[0] == outcomes[1]


# --- the command ------------------------------------------------------------------------


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "t.db"


@pytest.fixture
def run(db_path: Path, extractor: object) -> Callable[..., Result]:
    env = {"NEWSLEDGER_DB": str(db_path), "NEWSLEDGER_WORKERS": "1"}

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(cli, list(args), env=env)

    assert invoke("ingest", SAMPLES, "-q").exit_code == 0
    return invoke


def test_the_command_reports_per_type_and_per_article(
    run: Callable[..., Result], db_path: Path
) -> None:
    refused = run("reextract")
    assert refused.exit_code == 2 and "--company, --since/--until, or --all" in refused.output
    unknown = run("reextract", "--company", "Nobody Inc")
    assert unknown.exit_code == 1 and "no company named 'Nobody Inc'" in unknown.output
    current = run("reextract", "--all", "-q")
    assert current.exit_code == 0, current.output
    assert "0 re-extracted, 6 already current, 0 failed (of 6 selected)" in current.output
    assert current.output.splitlines()[0].split() == ["type", "added", "removed", "changed"]
    assert [line.split()[0] for line in current.output.splitlines()[2:11]] == [
        *EVENT_TYPES,
        "quote",
        "entity",
    ]

    with open_store(db_path) as s:
        _as_an_older_extractor_left_it(s)
    details = run("reextract", "--company", "Microsoft", "--details", "-q")
    assert details.exit_code == 0, details.output
    assert "changed" in details.output and "jobs" in details.output
    as_json = json.loads(run("reextract", "--all", "--json", "-q").output)
    assert as_json["done"] == 5 and as_json["current"] == 1
    assert as_json["totals"]["layoff"] == {"added": 1, "removed": 1, "changed": 0}
    assert as_json["totals"]["financial"] == {"added": 0, "removed": 0, "changed": 1}
    (apple,) = [a for a in as_json["articles"] if a["title"].startswith("Apple")]
    assert apple["changes"][0]["fields"] == ["amount"]


def test_ingest_says_when_known_articles_have_older_facts(store: Store, settings: Settings) -> None:
    again = ingest([SAMPLES], store, settings, progress=False)
    assert again.known == 6 and again.outdated == 0  # all made by this extractor
    _db(store).execute("UPDATE articles SET extractor_version = 'older' WHERE id IN "
                       "(SELECT id FROM articles ORDER BY id LIMIT 2)")  # fmt: skip
    stale = ingest([SAMPLES], store, settings, progress=False)
    assert stale.known == 6 and stale.outdated == 2
    reextract(store, settings, progress=False)
    assert ingest([SAMPLES], store, settings, progress=False).outdated == 0
