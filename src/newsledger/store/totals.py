"""A company's timeline totals, stored (migration 12): its jobs cut and its KPI
figures as the API writes them, and its record's article and event counts, with the
version of the company's rows they were computed from.

The database keeps the version, not the code that writes: triggers on ``events``,
``event_groups``, ``evidence``, ``entities``, ``mentions``, ``quotes`` and
``articles`` bump ``timeline_totals.version`` of every company whose timeline reads
the changed row (the event's company and person, the companies of the events revising
it or in its group, the entity mentioned or quoted, the companies of an article's
events). So every write path, today's (save, re-extraction, company merges in
``identity.py``, migrations) and tomorrow's, makes a stored answer stale by
construction. The query side reads the version *before* it reads the rows
it computes from and stores the answer under that version (``built_version``) and
the fingerprint of the code that computed it (``code``); an answer is used only when
both still match, so a writer committing in between leaves it stale, never wrong.

Rows are created by the triggers (and by the migration, for the companies already
stored) and never deleted: a version only grows.

>>> sql = bump_sql("new_rows r", ("SELECT r.id AS c FROM {r}",))
>>> print(sql.replace(" SELECT", "\\nSELECT").replace(" ON", "\\nON"))
INSERT INTO timeline_totals (entity_id, version)
SELECT DISTINCT c, 1 FROM (SELECT r.id AS c FROM new_rows r) touched WHERE c IS NOT NULL
ON CONFLICT (entity_id) DO UPDATE SET version = timeline_totals.version + 1
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from newsledger.store.dialect import Db, Row

TABLE = """CREATE TABLE IF NOT EXISTS timeline_totals (
    entity_id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL,
    built_version INTEGER,
    code TEXT,
    jobs_cut_total INTEGER,
    figures TEXT,
    article_count INTEGER,
    event_count INTEGER,
    built_at {ts}
)"""


@dataclass(frozen=True)
class Watched:
    """A table whose rows a timeline's totals read: the columns a trigger passes on
    from a changed row (as ``r``), the companies that row touches (SELECTs of ``c``),
    and the changes that matter."""

    table: str
    columns: tuple[str, ...]
    touched: tuple[str, ...]
    ops: tuple[str, ...] = ("INSERT", "UPDATE", "DELETE")
    # an UPDATE matters only when one of these changed (None: any column)
    changed: tuple[str, ...] | None = None


WATCHED = (
    # its own company (and person: the counts of the company record count both),
    # and the companies of the forecasts that revise it (``revised_from`` shows its
    # figure)
    Watched(
        "events",
        ("id", "company_entity_id", "person_entity_id"),
        (
            "SELECT r.company_entity_id AS c FROM {r}",
            "SELECT r.person_entity_id AS c FROM {r}",
            "SELECT e.company_entity_id AS c FROM events e{by_revises} JOIN {r} "
            "ON e.revises = r.id",
        ),
    ),
    # a group's sources, conflict and jobs are its events'
    Watched(
        "event_groups",
        ("id", "company_entity_id"),
        (
            "SELECT r.company_entity_id AS c FROM {r}",
            "SELECT e.company_entity_id AS c FROM events e JOIN {r} ON e.group_id = r.id",
        ),
    ),
    Watched(
        "evidence",
        ("event_id",),
        ("SELECT e.company_entity_id AS c FROM events e JOIN {r} ON e.id = r.event_id",),
    ),
    # the company record's counts are stored too (its articles: those that mention
    # it, report its events or quote it or its people); the rest of the record is
    # read afresh, but an entity written is bumped all the same
    Watched("entities", ("id",), ("SELECT r.id AS c FROM {r}",), ops=("UPDATE", "DELETE")),
    Watched("mentions", ("entity_id",), ("SELECT r.entity_id AS c FROM {r}",)),
    Watched(
        "quotes",
        ("speaker_entity_id", "org_entity_id"),
        ("SELECT r.speaker_entity_id AS c FROM {r}", "SELECT r.org_entity_id AS c FROM {r}"),
    ),
    # evidence and dollar notes show an article's title, date and source; an article
    # is deleted only after its events (foreign keys), which their trigger sees
    Watched(
        "articles",
        ("id",),
        (
            "SELECT e.company_entity_id AS c FROM events e JOIN {r} ON e.article_id = r.id",
            "SELECT e.company_entity_id AS c FROM evidence v JOIN {r} ON v.article_id = r.id "
            "JOIN events e ON e.id = v.event_id",
        ),
        ops=("UPDATE",),
        changed=("title", "published", "source", "url"),
    ),
)


# SQLite's planner, told by ANALYZE that ``events.revises`` is NULL nearly everywhere,
# takes one value of it to match every row and scans ``events`` instead of its index
# (a 10,000-event store's ingest ran five times slower); PostgreSQL's statistics
# know NULLs apart and use the index unasked
SQLITE_REVISES = " INDEXED BY events_revises"


def bump_sql(rows: str, touched: tuple[str, ...], by_revises: str = "") -> str:
    """Bump the version of every company ``touched`` names, for changed ``rows``, once
    each (PostgreSQL refuses to update a row twice in one statement)."""
    parts = " UNION ".join(t.format(r=rows, by_revises=by_revises) for t in touched)
    return (
        "INSERT INTO timeline_totals (entity_id, version) SELECT DISTINCT c, 1 FROM "
        f"({parts}) touched WHERE c IS NOT NULL "
        "ON CONFLICT (entity_id) DO UPDATE SET version = timeline_totals.version + 1"
    )


def _sqlite_body(w: Watched, side: str) -> str:
    """One row's bumps: a plain statement per part (a UNION and DISTINCT cost SQLite
    two temporary B-trees per row written; a company bumped twice is no harm)."""
    cols = ", ".join(f"{side}.{c} AS {c}" for c in w.columns)
    rows = f"(SELECT {cols}) r"
    return "".join(
        "    INSERT INTO timeline_totals (entity_id, version) SELECT c, 1 FROM "
        f"({part.format(r=rows, by_revises=SQLITE_REVISES)}) touched WHERE c IS NOT NULL "
        "ON CONFLICT (entity_id) DO UPDATE SET version = timeline_totals.version + 1;\n"
        for part in w.touched
    )


def sqlite_triggers() -> list[str]:
    """Row triggers (SQLite has no others). An UPDATE bumps the new row's companies,
    and the old row's too when the columns naming them changed (an event moved to
    another company by a merge)."""
    out = []
    for w in WATCHED:
        for op in w.ops:
            name = f"timeline_{w.table}_{op.lower()}"
            side = "old" if op == "DELETE" else "new"
            of = when = ""
            if op == "UPDATE" and w.changed:
                of = f" OF {', '.join(w.changed)}"
                when = " WHEN " + " OR ".join(f"old.{c} IS NOT new.{c}" for c in w.changed)
            out.append(_sqlite_trigger(name, f"{op}{of}", w, when, side))
            if op == "UPDATE":
                moved = " OR ".join(f"old.{c} IS NOT new.{c}" for c in w.columns)
                out.append(_sqlite_trigger(f"{name}_old", op, w, f" WHEN {moved}", "old"))
    return out


def _sqlite_trigger(name: str, event: str, w: Watched, when: str, side: str) -> str:
    return (
        f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {w.table}{when} BEGIN\n"
        f"{_sqlite_body(w, side)}END"
    )


def _postgres_rows(w: Watched, op: str) -> str:
    if op != "UPDATE":
        return f"{'new' if op == 'INSERT' else 'old'}_rows r"
    if w.changed is None:
        cols = ", ".join(w.columns)
        return f"(SELECT {cols} FROM old_rows UNION SELECT {cols} FROM new_rows) r"
    cols = ", ".join(f"n.{c}" for c in w.columns)
    olds = ", ".join(f"o.{c}" for c in w.changed)
    news = ", ".join(f"n.{c}" for c in w.changed)
    return (
        f"(SELECT {cols} FROM new_rows n JOIN old_rows o ON o.id = n.id "
        f"WHERE ({olds}) IS DISTINCT FROM ({news})) r"
    )


def postgres_triggers() -> list[str]:
    """Statement triggers over transition tables: one bump per statement, however many
    rows it wrote (a COPY of a million events bumps each company once)."""
    out = []
    for w in WATCHED:
        for op in w.ops:
            name = f"timeline_{w.table}_{op.lower()}"
            tables = {
                "INSERT": "NEW TABLE AS new_rows",
                "DELETE": "OLD TABLE AS old_rows",
                "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
            }[op]
            out.append(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                f"BEGIN\n    {bump_sql(_postgres_rows(w, op), w.touched)};\n"
                "    RETURN NULL;\nEND $$"
            )
            out.append(f"DROP TRIGGER IF EXISTS {name} ON {w.table}")
            out.append(
                f"CREATE TRIGGER {name} AFTER {op} ON {w.table} REFERENCING {tables} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
            )
    return out


def create(db: Db) -> None:
    """The table, its triggers, and a row (stale: never built) for every organisation
    that has events already."""
    db.execute(db.dialect.ddl(TABLE))
    triggers = sqlite_triggers() if db.dialect.name == "sqlite" else postgres_triggers()
    for statement in triggers:
        db.execute(statement)
    db.execute(
        "INSERT INTO timeline_totals (entity_id, version) "
        "SELECT DISTINCT company_entity_id, 1 FROM events "
        "WHERE company_entity_id IS NOT NULL ON CONFLICT (entity_id) DO NOTHING"
    )


def totals_row(db: Db, entity_id: int) -> Row | None:
    """A company's stored totals and their versions (None: no row, no events written)."""
    return db.one(
        "SELECT entity_id, version, built_version, code, jobs_cut_total, figures, "
        "article_count, event_count FROM timeline_totals WHERE entity_id = ?",
        (entity_id,),
    )


def stale_rows(db: Db, code: str) -> list[Row]:
    """The companies with events whose stored totals are missing, stale, or computed
    by other code; each with its current version."""
    return db.rows(
        "SELECT t.entity_id, t.version FROM timeline_totals t "
        "WHERE (t.built_version IS NULL OR t.built_version <> t.version "
        "OR t.code IS NULL OR t.code <> ?) "
        "AND EXISTS (SELECT 1 FROM events e WHERE e.company_entity_id = t.entity_id) "
        "ORDER BY t.entity_id",
        (code,),
    )


@dataclass(frozen=True)
class StoredTotals:
    """What is stored for a company: its timeline's totals (the figures as JSON text)
    and its record's counts."""

    jobs_cut_total: int
    figures: str
    article_count: int
    event_count: int


def save_totals(db: Db, entity_id: int, version: int, code: str, totals: StoredTotals) -> bool:
    """Store totals computed from the rows of ``version``; False (nothing stored) when
    the version moved on meanwhile. Only updates: a row comes from the triggers."""
    found = db.rows(
        "UPDATE timeline_totals SET built_version = ?, code = ?, jobs_cut_total = ?, "
        "figures = ?, article_count = ?, event_count = ?, built_at = ? "
        "WHERE entity_id = ? AND version = ? RETURNING entity_id",
        (
            version,
            code,
            totals.jobs_cut_total,
            totals.figures,
            totals.article_count,
            totals.event_count,
            datetime.now(UTC),
            entity_id,
            version,
        ),
    )
    return bool(found)
