"""The read side's SQL: plain rows for ``newsledger.query``.

>>> fts5_query('sony "job cuts" AND -(')
'"sony" "job cuts" "AND"'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from newsledger.models import ORG_TYPES
from newsledger.store.base import EventCursor, EventFilter
from newsledger.store.dialect import Db, Row
from newsledger.store.write import UNDATED

_CHUNK = re.compile(r'"([^"]*)"?|(\S+)')


def fts5_query(text: str) -> str:
    """User text as a safe FTS5 query: every word or quoted phrase a literal, all required.

    Operators (AND, OR, NOT, ``-``, ``*``, ``^``, parentheses, column filters)
    are taken as words, so no input can be a syntax error.
    """
    terms = []
    for phrase, word in _CHUNK.findall(text):
        words = re.findall(r"\w+", phrase or word)
        if words:
            terms.append('"' + " ".join(words) + '"')
    return " ".join(terms)


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with its own ``%``/``_`` literal."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _marks(values: list[Any] | tuple[Any, ...]) -> str:
    return ", ".join("?" for _ in values)


def _page(
    db: Db, select: str, where: list[str], params: list[Any], order: str, limit: int, offset: int
) -> tuple[list[Row], int]:
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    total = int(db.scalar(f"SELECT count(*) FROM ({select}{clause}) counted", params))
    rows = db.rows(f"{select}{clause} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset])
    return rows, total


_ARTICLE_COLUMNS = (
    "a.id, a.title, a.published, a.source, a.url, a.origin, a.duplicate_of, a.supersedes"
)


def article_row(db: Db, article_id: str) -> Row | None:
    if "\x00" in article_id:  # no id holds NUL, and PostgreSQL refuses it even to compare
        return None
    return db.one(
        f"SELECT {_ARTICLE_COLUMNS}, a.text FROM articles a WHERE a.id = ?", (article_id,)
    )


def article_rows(db: Db, limit: int, offset: int) -> tuple[list[Row], int]:
    select = f"SELECT {_ARTICLE_COLUMNS}, a.ingested_at FROM articles a"
    return _page(
        db, select, [], [], "published DESC NULLS LAST, ingested_at DESC, id", limit, offset
    )


# an event with its group's summary, its article, and the figure of the forecast it
# revises (``revised_*``: amount, currency, dollar values, when it was made)
_EVENT_SELECT = (
    "SELECT e.*, g.article_count AS sources, g.conflict AS group_conflict, "
    "g.jobs AS group_jobs, g.amount_exact AS group_amount_exact, "
    "a.source AS article_source, "
    "a.title AS article_title, a.url AS article_url, a.ingested_at AS stored_at, "
    "a.published AS article_published, r.amount_exact AS revised_amount_exact, "
    "r.currency AS revised_currency, r.amount_usd_exact AS revised_amount_usd_exact, "
    "r.amount_usd_stated_exact AS revised_amount_usd_stated_exact, "
    "coalesce(r.event_date, ra.published) AS revised_date "
    "FROM events e JOIN articles a ON a.id = e.article_id "
    "LEFT JOIN event_groups g ON g.id = e.group_id "
    "LEFT JOIN events r ON r.id = e.revises "
    "LEFT JOIN articles ra ON ra.id = r.article_id"
)


def _event_where(flt: EventFilter) -> tuple[list[str], list[Any]] | None:
    """The WHERE terms and parameters of a filter; None when it can match nothing."""
    where: list[str] = []
    params: list[Any] = []
    if flt.company_ids is not None:
        if not flt.company_ids:
            return None
        # one id as an equality: the index then also walks the order and the cursor
        ids = flt.company_ids
        where.append(
            "e.company_entity_id = ?"
            if len(ids) == 1
            else f"e.company_entity_id IN ({_marks(ids)})"
        )
        params.extend(ids)
    if flt.type:
        where.append("e.type = ?")
        params.append(flt.type)
    # sort_date is the event's date, else its article's (store migration 11);
    # an undated event is in no date range
    if flt.since:
        where.append("e.sort_date >= ? AND e.sort_date < ?")
        params.extend([flt.since, UNDATED])
    if flt.until:
        where.append("e.sort_date <= ?")
        params.append(min(flt.until, date(9999, 12, 30)))
    if flt.article_id:
        where.append("e.article_id = ?")
        params.append(flt.article_id)
    if flt.text:
        where.append(
            "EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = e.id "
            "AND lower(v.text) LIKE ? ESCAPE '\\')"
        )
        params.append(like_pattern(flt.text))
    return where, params


def _clause(where: list[str]) -> str:
    return f" WHERE {' AND '.join(where)}" if where else ""


def event_rows(
    db: Db, flt: EventFilter, limit: int, offset: int, after: EventCursor | None = None
) -> tuple[list[Row], int]:
    """A page of events in listing order (``sort_date``, then id) and the total.

    ``after`` (keyset pagination) starts the page after that event's place, walking
    the index from there; ``offset`` skips rows, which a deep page pays for row by row.
    The total counts ``events`` alone: every filter is on its columns.
    """
    found = _event_where(flt)
    if found is None:
        return [], 0
    where, params = found
    total = int(db.scalar(f"SELECT count(*) FROM events e{_clause(where)}", params))
    if after is not None:
        where = [*where, "(e.sort_date, e.id) > (?, ?)"]
        params = [*params, after.sort_date, after.id]
    rows = db.rows(
        f"{_EVENT_SELECT}{_clause(where)} ORDER BY e.sort_date, e.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return rows, total


def event_position(db: Db, flt: EventFilter, after: EventCursor) -> int:
    """How many events of the listing come up to and including the cursor's place."""
    found = _event_where(flt)
    if found is None:
        return 0
    where, params = found
    where = [*where, "(e.sort_date, e.id) <= (?, ?)"]
    sql = f"SELECT count(*) FROM events e{_clause(where)}"
    return int(db.scalar(sql, [*params, after.sort_date, after.id]))


def latest_event_rows(db: Db, flt: EventFilter, limit: int) -> list[Row]:
    """The events stored last, newest first, uncounted (a feed never says how many).

    An event is stored with its article, one writer at a time, so the newest id
    is the newest stored, and the primary key walks there without sorting the
    matches (counting them cost more than the page: 36 ms of 42 on 100,000 events).
    """
    found = _event_where(flt)
    if found is None:
        return []
    where, params = found
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return db.rows(f"{_EVENT_SELECT}{clause} ORDER BY e.id DESC LIMIT ?", [*params, limit])


def evidence_rows(db: Db, event_ids: list[int]) -> list[Row]:
    if not event_ids:
        return []
    return db.rows(
        'SELECT v.event_id, v.article_id, v.start, v."end", v.text, v.is_primary, '
        "a.title AS article_title, a.published, a.source "
        "FROM evidence v JOIN articles a ON a.id = v.article_id "
        f"WHERE v.event_id IN ({_marks(event_ids)}) ORDER BY v.event_id, v.id",
        event_ids,
    )


def entity_ids_named(db: Db, name: str, key: str) -> list[int]:
    """Entities named ``name`` (or one of its spellings), organisations first."""
    orgs = _marks(ORG_TYPES)
    rows = db.rows(
        "SELECT id FROM entities WHERE lower(name) = lower(?) "
        f"OR (type IN ({orgs}) AND key = ?) "
        "OR id IN (SELECT entity_id FROM entity_aliases WHERE lower(alias) = lower(?)) "
        f"ORDER BY (type IN ({orgs})) DESC, id",
        (name, *ORG_TYPES, key, name, *ORG_TYPES),
    )
    return [int(r["id"]) for r in rows]


_ENTITY_SELECT = """SELECT n.id, n.type, n.name, n.role, n.org, n.ticker, n.isin, n.listed_as,
 (SELECT count(*) FROM (
     SELECT article_id FROM mentions WHERE entity_id = n.id
     UNION SELECT article_id FROM events WHERE company_entity_id = n.id OR person_entity_id = n.id
     UNION SELECT article_id FROM quotes WHERE speaker_entity_id = n.id OR org_entity_id = n.id
 ) seen) AS article_count,
 (SELECT count(*) FROM events e
     WHERE e.company_entity_id = n.id OR e.person_entity_id = n.id) AS event_count
FROM entities n"""


def organisation_rows(db: Db, entity_ids: list[int]) -> list[Row]:
    """The organisations among ``entity_ids`` as :func:`entity_rows` gives them but
    without their counts, which cost a count over thousands of rows for a large
    company (its timeline stores them: ``store/totals.py``), by id."""
    if not entity_ids:
        return []
    return db.rows(
        "SELECT n.id, n.type, n.name, n.role, n.org, n.ticker, n.isin, n.listed_as "
        f"FROM entities n WHERE n.id IN ({_marks(entity_ids)}) "
        f"AND n.type IN ({_marks(ORG_TYPES)}) ORDER BY n.id",
        [*entity_ids, *ORG_TYPES],
    )


def entity_rows(
    db: Db,
    *,
    type: str | Sequence[str] | None,
    q: str | None,
    ids: list[int] | None,
    article_id: str | None,
    limit: int,
    offset: int,
) -> tuple[list[Row], int]:
    """Entities of one type or several, most events first, then most articles."""
    where: list[str] = []
    params: list[Any] = []
    if type:
        types = (type,) if isinstance(type, str) else tuple(type)
        where.append(f"n.type IN ({_marks(types)})")
        params.extend(types)
    if q:
        where.append(
            "(lower(n.name) LIKE ? ESCAPE '\\' OR n.id IN (SELECT entity_id FROM entity_aliases "
            "WHERE lower(alias) LIKE ? ESCAPE '\\'))"
        )
        params.extend([like_pattern(q), like_pattern(q)])
    if ids is not None:
        if not ids:
            return [], 0
        where.append(f"n.id IN ({_marks(ids)})")
        params.extend(ids)
    if article_id:
        where.append(
            "(n.id IN (SELECT entity_id FROM mentions WHERE article_id = ?) "
            "OR n.id IN (SELECT company_entity_id FROM events WHERE article_id = ?))"
        )
        params.extend([article_id, article_id])
    order = "event_count DESC, article_count DESC, name, id"
    return _page(db, _ENTITY_SELECT, where, params, order, limit, offset)


def alias_rows(db: Db, entity_ids: list[int]) -> list[Row]:
    if not entity_ids:
        return []
    return db.rows(
        "SELECT entity_id, alias, mentions FROM entity_aliases "
        f"WHERE entity_id IN ({_marks(entity_ids)}) ORDER BY entity_id, mentions DESC, alias",
        entity_ids,
    )


def relation_rows(db: Db, entity_ids: list[int]) -> list[Row]:
    """Ownership stated between these entities and others, either way, one row per
    parent and child with the number of articles and the first statement."""
    if not entity_ids:
        return []
    marks = _marks(entity_ids)
    return db.rows(
        "SELECT r.parent_entity_id, p.name AS parent_name, r.child_entity_id, "
        "c.name AS child_name, count(DISTINCT r.article_id) AS articles, "
        "min(r.article_id) AS article_id, min(r.text) AS text "
        "FROM company_relations r JOIN entities p ON p.id = r.parent_entity_id "
        "JOIN entities c ON c.id = r.child_entity_id "
        f"WHERE r.parent_entity_id IN ({marks}) OR r.child_entity_id IN ({marks}) "
        "GROUP BY r.parent_entity_id, p.name, r.child_entity_id, c.name "
        "ORDER BY p.name, c.name",
        [*entity_ids, *entity_ids],
    )


def quote_rows(
    db: Db,
    *,
    speaker_ids: list[int] | None,
    company_ids: list[int] | None,
    article_id: str | None,
    limit: int,
    offset: int,
) -> tuple[list[Row], int]:
    select = (
        "SELECT q.id, q.article_id, q.speaker_entity_id, q.speaker, q.speaker_role, q.org, "
        'q.text, q.start, q."end", a.published, a.source, e.name AS speaker_name '
        "FROM quotes q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN entities e ON e.id = q.speaker_entity_id"
    )
    where: list[str] = []
    params: list[Any] = []
    for ids, clause in (
        (speaker_ids, "q.speaker_entity_id IN ({m})"),
        (company_ids, "(q.org_entity_id IN ({m}) OR q.speaker_entity_id IN ({m}))"),
    ):
        if ids is None:
            continue
        if not ids:
            return [], 0
        where.append(clause.format(m=_marks(ids)))
        params.extend(ids * clause.count("{m}"))
    if article_id:
        where.append("q.article_id = ?")
        params.append(article_id)
    order = "published DESC NULLS LAST, article_id, start"
    return _page(db, select, where, params, order, limit, offset)


# FTS5 (bm25) and PostgreSQL (ts_rank) score every match they are asked to rank: on
# SQLite 2 µs each, 0.3 s for a word in 125,000 articles. Best first is ranked among
# the RANK_WINDOW articles stored last that match; older matches follow, newest
# first (bench/RESULTS.md, "Issue 11, API at scale").
RANK_WINDOW = 2000
_FTS_SELECT = (
    f"SELECT {_ARTICLE_COLUMNS}, snippet(articles_fts, -1, '[', ']', '…', 24) AS snippet "
    "FROM articles_fts JOIN articles a ON a.id = articles_fts.article_id "
    "WHERE articles_fts MATCH ? "
)


def _fts5_rows(db: Db, match: str, limit: int, offset: int) -> tuple[list[Row], int]:
    """SQLite: the window of newest matches by rank, then the older ones by age."""
    if not match:
        return [], 0
    total = int(db.scalar("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)))
    cut = db.scalar(
        "SELECT min(rowid) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? "
        "ORDER BY rowid DESC LIMIT ?) newest",
        (match, RANK_WINDOW),
    )
    if cut is None:
        return [], total
    window = min(total, RANK_WINDOW)
    rows: list[Row] = []
    if offset < window:
        rows = db.rows(
            f"{_FTS_SELECT} AND articles_fts.rowid >= ? ORDER BY rank, a.id LIMIT ? OFFSET ?",
            (match, cut, limit, offset),
        )
    if len(rows) < limit and offset + limit > window:
        rows += db.rows(
            f"{_FTS_SELECT} AND articles_fts.rowid < ? ORDER BY articles_fts.rowid DESC "
            "LIMIT ? OFFSET ?",
            (match, cut, limit - len(rows), max(0, offset - window)),
        )
    return rows, total


def search_rows(db: Db, query: str, limit: int, offset: int) -> tuple[list[Row], int]:
    """Articles matching ``query``, best first, each with a ``[match]``-marked snippet."""
    if db.dialect.name == "sqlite":
        return _fts5_rows(db, fts5_query(query), limit, offset)
    if not re.search(r"\w", query):
        return [], 0
    return _tsquery_rows(db, query, limit, offset)


_PG_SELECT = (
    f"SELECT {_ARTICLE_COLUMNS}, ts_headline('english', a.text, q, "
    '\'StartSel="[", StopSel="]", MaxWords=35, MinWords=15, MaxFragments=2, '
    'FragmentDelimiter=" … "\') AS snippet '
    "FROM articles a, websearch_to_tsquery('english', ?) q "
)
_PG_NEWEST = "ORDER BY a.ingested_at DESC, a.id DESC"


def _tsquery_rows(db: Db, query: str, limit: int, offset: int) -> tuple[list[Row], int]:
    """PostgreSQL: as on SQLite, the window of the newest matches by rank (ts_rank
    reads each match's tsvector), then the older ones by age."""
    total = int(
        db.scalar(
            "SELECT count(*) FROM articles a WHERE a.search @@ websearch_to_tsquery('english', ?)",
            (query,),
        )
    )
    if total <= RANK_WINDOW:  # few matches: rank them all, through the GIN index
        rows = db.rows(
            f"{_PG_SELECT} WHERE a.search @@ q ORDER BY ts_rank(a.search, q) DESC, a.id "
            "LIMIT ? OFFSET ?",
            (query, limit, offset),
        )
        return rows, total
    window = RANK_WINDOW
    rows = []
    if offset < window:
        rows = db.rows(
            f"{_PG_SELECT} WHERE a.id IN (SELECT a.id FROM articles a, "
            f"websearch_to_tsquery('english', ?) q WHERE a.search @@ q {_PG_NEWEST} LIMIT ?) "
            "ORDER BY ts_rank(a.search, q) DESC, a.id LIMIT ? OFFSET ?",
            (query, query, RANK_WINDOW, limit, offset),
        )
    if len(rows) < limit and offset + limit > window:
        rows += db.rows(
            f"{_PG_SELECT} WHERE a.search @@ q {_PG_NEWEST} LIMIT ? OFFSET ?",
            (query, limit - len(rows), window + max(0, offset - window)),
        )
    return rows, total


def failure_rows(db: Db, limit: int, offset: int) -> tuple[list[Row], int]:
    select = "SELECT id, input, stage, code, reason, at FROM failures"
    return _page(db, select, [], [], "id DESC", limit, offset)


def counts(db: Db) -> Row:
    out: Row = {}
    for name, sql in (
        ("articles", "SELECT count(*) FROM articles"),
        ("duplicates", "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
        ("events", "SELECT count(*) FROM events"),
        ("event_groups", "SELECT count(*) FROM event_groups"),
        ("quotes", "SELECT count(*) FROM quotes"),
        ("entities", "SELECT count(*) FROM entities"),
        ("failures", "SELECT count(*) FROM failures"),
    ):
        out[name] = int(db.scalar(sql))
    by_type = db.rows("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY type")
    out["events_by_type"] = {r["type"]: int(r["n"]) for r in by_type}
    return out
