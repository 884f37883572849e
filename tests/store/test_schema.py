"""Migrations on SQLite and PostgreSQL: migration 8 (the extractor version of every
fact) on a store written before it, and a migration numbered below one already
applied still runs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsledger.store import open_store
from newsledger.store import schema as schema_module
from newsledger.store.dialect import Db
from newsledger.store.schema import FACT_TABLES, LATEST, MIGRATIONS


def _before_8(monkeypatch: pytest.MonkeyPatch) -> None:
    older = tuple(m for m in MIGRATIONS if m.version < 8)
    monkeypatch.setattr(schema_module, "MIGRATIONS", older)
    monkeypatch.setattr(schema_module, "LATEST", older[-1].version)


def test_facts_stored_before_migration_8_have_no_version(
    store_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as m:
        _before_8(m)
        with open_store(store_target) as old:
            db: Db = old.db  # type: ignore[attr-defined]
            db.execute(
                "INSERT INTO articles (id, text, published, ingested_at) VALUES (?, ?, ?, ?)",
                ("a1", "Acme cut 5 jobs.", "2020-01-02", datetime.now(UTC)),
            )
            db.execute("INSERT INTO events (article_id, type, jobs) VALUES ('a1', 'layoff', 5)")
            assert old.schema_version() == schema_module.LATEST < 8
    with open_store(store_target) as store:
        db = store.db  # type: ignore[attr-defined]
        assert store.schema_version() == LATEST
        for table in FACT_TABLES:  # the column is there, NULL on every old row
            db.rows(f"SELECT extractor_version FROM {table}")
        assert db.scalar("SELECT extractor_version FROM events") is None
        assert store.reextract_candidates() == [("a1", None)]


def test_a_lower_number_landing_later_is_applied(
    store_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Numbers are handed out to work in progress: a store may have 8 before 7 lands."""
    with monkeypatch.context() as m:
        m.setattr(schema_module, "MIGRATIONS", tuple(x for x in MIGRATIONS if x.version != 3))
        with open_store(store_target) as store:
            assert store.schema_version() == LATEST  # 3 is not there yet
    with open_store(store_target) as store:
        db = store.db  # type: ignore[attr-defined]
        rows = db.rows("SELECT version, applied_at FROM schema_migrations")
        applied = {r["version"]: r["applied_at"] for r in rows}
        assert sorted(applied) == [m.version for m in MIGRATIONS]
        assert applied[3] > applied[LATEST]  # applied last, after the higher ones
