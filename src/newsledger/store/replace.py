"""Re-extraction's write: a stored article's facts brought to a new extraction.

Runs inside the caller's transaction (one per article). Stored and new facts are
matched by identity (:func:`match_facts`): an event by its type and main evidence
span, a quote by its span, a mention by the entity it names. A fact found again
with the same fields keeps its row untouched; one found with other fields is
updated in place, so its id (and an event's feed entry) stays; the others are
removed or added. Entities are found by name as at ingest, so an entity the new
extraction names again keeps its id; one nothing refers to any more goes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsledger.models import (
    FACT_TYPES,
    Article,
    ArticleChanges,
    Extraction,
    FactChange,
    FactKind,
)
from newsledger.resolve.names import company_key
from newsledger.store import revisions, write
from newsledger.store.dialect import Db, Row

# stored columns that are not a fact's fields: the row's place and bookkeeping, and
# the numeric copy of each amount (its exact text is compared instead)
# what the store derives (a group, a forecast's ``revises`` link) is not an extracted field
_NOT_FIELDS = frozenset(
    {
        "id",
        "article_id",
        "group_id",
        "revises",
        "extractor_version",
        "sort_date",
        *write.DECIMAL_COLUMNS,
    }
)


@dataclass(frozen=True)
class Fact:
    """A fact as compared: its identity, its fields, and where it is (a stored row's
    id, or its position in the new extraction)."""

    key: tuple[Any, ...]
    label: str
    fields: Mapping[str, Any] = field(default_factory=dict)
    id: int = 0
    index: int = -1
    type: str = ""  # the event's type, "quote" or "entity"


@dataclass(frozen=True)
class Matched:
    same: list[tuple[Fact, Fact]]  # (stored, new)
    changed: list[tuple[Fact, Fact]]
    removed: list[Fact]
    added: list[Fact]


def differing(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[str, ...]:
    """The fields whose values differ, sorted.

    >>> differing({"jobs": 900, "unit": None}, {"jobs": 1000, "unit": None})
    ('jobs',)
    """
    return tuple(sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k)))


def match_facts(old: Sequence[Fact], new: Sequence[Fact]) -> Matched:
    """Pair stored and new facts of one identity: equal ones first, then each left
    over with the one it differs from least (two figures in one sentence stay two).

    >>> a = Fact(("layoff", 0, 9), "l", {"jobs": 900}, id=1)
    >>> b = Fact(("layoff", 0, 9), "l", {"jobs": 1000}, index=0)
    >>> m = match_facts([a], [b])
    >>> [(o.id, n.index) for o, n in m.changed], m.same, m.removed, m.added
    ([(1, 0)], [], [], [])
    """
    out = Matched([], [], [], [])
    stored: dict[tuple[Any, ...], list[Fact]] = defaultdict(list)
    for fact in old:
        stored[fact.key].append(fact)
    for fact in new:
        olds = stored[fact.key]
        equal = next((o for o in olds if not differing(o.fields, fact.fields)), None)
        if equal is not None:
            olds.remove(equal)
            out.same.append((equal, fact))
        else:
            out.added.append(fact)
    still_added: list[Fact] = []
    for fact in out.added:
        olds = stored[fact.key]
        if not olds:
            still_added.append(fact)
            continue
        closest = min(olds, key=lambda o: len(differing(o.fields, fact.fields)))
        olds.remove(closest)
        out.changed.append((closest, fact))
    out.added[:] = still_added
    out.removed.extend(f for facts in stored.values() for f in facts)
    return out


def changes_of(kind: FactKind, matched: Matched) -> list[FactChange]:
    changes = [FactChange(kind, f.type, "removed", f.id, f.label) for f in matched.removed]
    for old, new in matched.changed:
        fields = differing(old.fields, new.fields)
        changes.append(FactChange(kind, new.type, "changed", old.id, new.label, fields))
    return changes


def added(kind: FactKind, fact: Fact, row_id: int) -> FactChange:
    return FactChange(kind, fact.type, "added", row_id, fact.label)


def _comparable(values: Mapping[str, Any]) -> dict[str, Any]:
    """Fields as both stores give them back: dates as ISO text, an amount as its exact
    text (under the amount's name)."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name in _NOT_FIELDS:
            continue
        name = name.removesuffix("_exact")
        out[name] = value.isoformat() if isinstance(value, date) else value
    return out


# --- events --------------------------------------------------------------------


def _event_label(type_: str, start: int, end: int) -> str:
    return f"{type_} at {start}-{end}"


def stored_events(db: Db, article_id: str) -> tuple[list[Fact], dict[int, int | None]]:
    """The article's events as facts, and each one's group."""
    rows = db.rows("SELECT * FROM events WHERE article_id = ? ORDER BY id", (article_id,))
    evidence: dict[int, list[Row]] = defaultdict(list)
    for ev in db.rows(
        'SELECT event_id, start, "end", text, is_primary FROM evidence WHERE article_id = ? '
        "ORDER BY event_id, is_primary DESC, id",
        (article_id,),
    ):
        evidence[int(ev["event_id"])].append(ev)
    facts = []
    for row in rows:
        spans = tuple((e["start"], e["end"], e["text"]) for e in evidence[int(row["id"])])
        start, end = spans[0][:2] if spans else (0, 0)
        fields = {**_comparable(row), "evidence": spans}
        key = (row["type"], start, end)
        label = _event_label(row["type"], start, end)
        facts.append(Fact(key, label, fields, id=int(row["id"]), type=row["type"]))
    return facts, {int(r["id"]): r["group_id"] for r in rows}


def _new_events(linker: write.Linker) -> list[tuple[Fact, dict[str, Any]]]:
    out = []
    for i, event in enumerate(linker.extraction.events):
        values = write.event_values(linker, event)
        spans = tuple((e.start, e.end, e.text) for e in event.evidence)
        first = event.evidence[0]
        key = (event.type, first.start, first.end)
        label = _event_label(event.type, first.start, first.end)
        fields = {**_comparable(values), "evidence": spans}
        out.append((Fact(key, label, fields, index=i, type=event.type), values))
    return out


def _set_columns(db: Db, table: str, row_id: int, values: Mapping[str, Any]) -> None:
    names = [k for k in values if k != "article_id"]
    assignments = ", ".join(f'"{k}" = ?' for k in names)
    params = [values[k] for k in names]
    db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*params, row_id])


def replace_events(db: Db, linker: write.Linker) -> list[FactChange]:
    article_id = linker.extraction.article.id
    old, groups = stored_events(db, article_id)
    new = _new_events(linker)
    matched = match_facts(old, [f for f, _ in new])
    changes = changes_of("event", matched)
    for fact in matched.removed:
        db.execute("DELETE FROM evidence WHERE event_id = ?", (fact.id,))
        db.execute("DELETE FROM events WHERE id = ?", (fact.id,))
        _refresh(db, groups[fact.id])
    for stored, fact in matched.changed:
        event = linker.extraction.events[fact.index]
        _set_columns(db, "events", stored.id, {**new[fact.index][1], "group_id": None})
        db.execute("DELETE FROM evidence WHERE event_id = ?", (stored.id,))
        write.save_evidence(db, stored.id, event)
        old_group = groups[stored.id]
        alone = old_group is not None and not db.scalar(
            "SELECT 1 FROM events WHERE group_id = ?", (old_group,)
        )
        write.group_event(db, stored.id, reuse=old_group if alone else None)
        _refresh(db, old_group)
    for fact in matched.added:
        event_id = write.save_event(db, linker, linker.extraction.events[fact.index])
        changes.append(added("event", fact, event_id))
    return changes


def _refresh(db: Db, group_id: int | None) -> None:
    if group_id is not None:
        write.refresh_group(db, group_id)


# --- quotes --------------------------------------------------------------------


def _quote_fact(values: Mapping[str, Any], row_id: int = 0, index: int = -1) -> Fact:
    start, end = values["start"], values["end"]
    label = f"quote at {start}-{end}"
    fields = _comparable(values)
    return Fact((start, end), label, fields, id=row_id, index=index, type="quote")


def replace_quotes(db: Db, linker: write.Linker) -> list[FactChange]:
    article_id = linker.extraction.article.id
    rows = db.rows("SELECT * FROM quotes WHERE article_id = ? ORDER BY id", (article_id,))
    old = [_quote_fact(r, row_id=int(r["id"])) for r in rows]
    values = [write.quote_values(db, linker, q) for q in linker.extraction.quotes]
    matched = match_facts(old, [_quote_fact(v, index=i) for i, v in enumerate(values)])
    changes = changes_of("quote", matched)
    for fact in matched.removed:
        db.execute("DELETE FROM quotes WHERE id = ?", (fact.id,))
    for stored, fact in matched.changed:
        _set_columns(db, "quotes", stored.id, values[fact.index])
    for fact in matched.added:
        quote_id = write._insert(db, "quotes", values[fact.index])
        changes.append(added("quote", fact, quote_id))
    return changes


# --- mentions and entities -------------------------------------------------------


def _mention_facts(rows: Iterable[Row], names: Mapping[int, str]) -> list[Fact]:
    spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for r in rows:
        spans[int(r["entity_id"])].append((r["start"], r["end"], r["text"]))
    return [
        Fact(
            (eid,), names.get(eid, str(eid)), {"mentions": tuple(sorted(s))}, id=eid, type="entity"
        )
        for eid, s in spans.items()
    ]


def _entity_names(db: Db, ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    marks = ", ".join("?" for _ in wanted)
    rows = db.rows(f"SELECT id, name FROM entities WHERE id IN ({marks})", wanted)
    return {int(r["id"]): r["name"] for r in rows}


def _unspell(db: Db, mentions: Iterable[Row]) -> None:
    """Take back the spellings the article's mentions counted (``write._spellings``);
    rows left at zero are tidied by :func:`_tidy_entities`."""
    counts = Counter((int(m["entity_id"]), write.spelling(m["text"])) for m in mentions)
    for (eid, alias), n in counts.items():
        db.execute(
            "UPDATE entity_aliases SET mentions = mentions - ? WHERE entity_id = ? AND alias = ?",
            (n, eid, alias),
        )


def stored_mentions(db: Db, article_id: str) -> list[Row]:
    return db.rows(
        'SELECT id, entity_id, start, "end", text FROM mentions WHERE article_id = ?',
        (article_id,),
    )


def known_entities(db: Db, mentions: Iterable[Row]) -> list[write.KnownEntity]:
    """The entities the article's stored mentions name."""
    ids = sorted({int(m["entity_id"]) for m in mentions})
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    rows = db.rows(f"SELECT id, type, key, name FROM entities WHERE id IN ({marks})", ids)
    return [write.KnownEntity(int(r["id"]), r["type"], r["key"], r["name"]) for r in rows]


def _unlink_names(db: Db, article_id: str, mentioned: set[int]) -> None:
    """Take back the spelling each name of an event's company or a quote's organisation
    counted when it was linked to an organisation the article does not mention
    (``Linker.company`` counts such a name once per article)."""
    rows = db.rows(
        "SELECT company AS name, company_entity_id AS id FROM events WHERE article_id = ? "
        # a quote the article gives no organisation was linked by its speaker's
        "UNION ALL SELECT coalesce(q.org, p.org), q.org_entity_id FROM quotes q "
        "LEFT JOIN entities p ON p.id = q.speaker_entity_id WHERE q.article_id = ? "
        "UNION ALL SELECT speaker, speaker_entity_id FROM quotes "
        "WHERE article_id = ? AND speaker_type = 'company'",
        (article_id,) * 3,
    )
    seen: set[str] = set()
    for row in rows:
        key = company_key(row["name"] or "")
        if row["id"] is None or int(row["id"]) in mentioned or not key or key in seen:
            continue
        seen.add(key)
        db.execute(
            "UPDATE entity_aliases SET mentions = mentions - 1 WHERE entity_id = ? AND alias = ?",
            (row["id"], write.spelling(row["name"])),
        )


def replace_mentions(
    db: Db, linker: write.Linker, old_rows: list[Row]
) -> tuple[list[FactChange], set[int]]:
    """The article's mentions replaced (an entity named again keeps its id); the
    changes, and every entity the old facts referred to."""
    article_id = linker.extraction.article.id
    touched = {int(r["entity_id"]) for r in old_rows} | _referenced(db, article_id)
    _unspell(db, old_rows)
    _unlink_names(db, article_id, {int(r["entity_id"]) for r in old_rows})
    # the old mentions stay while entities are found: a person is matched by when
    # they were seen too
    linker.save_entities()
    for r in old_rows:
        db.execute("DELETE FROM mentions WHERE id = ?", (r["id"],))
    new_rows = db.rows(
        'SELECT entity_id, start, "end", text FROM mentions WHERE article_id = ?', (article_id,)
    )
    names = _entity_names(db, [int(r["entity_id"]) for r in [*old_rows, *new_rows]])
    matched = match_facts(_mention_facts(old_rows, names), _mention_facts(new_rows, names))
    changes = changes_of("entity", matched)
    changes += [added("entity", f, f.id) for f in matched.added]
    return changes, touched


def _referenced(db: Db, article_id: str) -> set[int]:
    rows = db.rows(
        "SELECT company_entity_id AS id FROM events WHERE article_id = ? "
        "UNION SELECT person_entity_id FROM events WHERE article_id = ? "
        "UNION SELECT speaker_entity_id FROM quotes WHERE article_id = ? "
        "UNION SELECT org_entity_id FROM quotes WHERE article_id = ?",
        (article_id,) * 4,
    )
    return {int(r["id"]) for r in rows if r["id"] is not None}


def _in_use(db: Db, entity_id: int) -> bool:
    refs = (("mentions", "entity_id"), *write._ENTITY_REFERENCES)
    return any(
        db.scalar(f"SELECT 1 FROM {table} WHERE {column} = ?", (entity_id,)) is not None
        for table, column in refs
    )


def _tidy_entities(db: Db, entity_ids: Iterable[int]) -> None:
    """Entities the old facts referred to: one nothing refers to any more goes; the
    others drop the spellings no article counts now and are named again."""
    for eid in sorted(entity_ids):
        row = db.one("SELECT type FROM entities WHERE id = ?", (eid,))
        if row is None:
            continue
        if not _in_use(db, eid):
            write._drop_entity(db, eid)
            continue
        kept = db.scalar(
            "SELECT count(*) FROM entity_aliases WHERE entity_id = ? AND mentions > 0", (eid,)
        )
        if kept:  # an entity with no counted spelling left keeps its names as they are
            db.execute("DELETE FROM entity_aliases WHERE entity_id = ? AND mentions <= 0", (eid,))
            write._refresh_entity(db, eid, row["type"], None, None)


# --- one article ------------------------------------------------------------------


def replace_facts(db: Db, extraction: Extraction) -> ArticleChanges:
    """Replace the stored facts of ``extraction.article`` by ``extraction``'s; what changed.

    The caller holds the transaction; the article row itself is kept (its id, text,
    ingest time), only its extractor version is brought up to date.
    """
    article_id = extraction.article.id
    old_mentions = stored_mentions(db, article_id)
    linker = write.Linker(db, extraction, known_entities(db, old_mentions))
    entity_changes, touched = replace_mentions(db, linker, old_mentions)
    forecasters = revisions.article_companies(db, article_id)
    changes = [*replace_events(db, linker), *replace_quotes(db, linker), *entity_changes]
    revisions.relink_companies(db, forecasters | revisions.article_companies(db, article_id))
    _tidy_entities(db, touched)
    for table in ("events", "quotes"):
        db.execute(
            f"UPDATE {table} SET extractor_version = ? WHERE article_id = ?",
            (extraction.extractor_version, article_id),
        )
    db.execute(
        "UPDATE articles SET extractor_version = ? WHERE id = ?",
        (extraction.extractor_version, article_id),
    )
    order = {t: i for i, t in enumerate(FACT_TYPES)}
    changes.sort(key=lambda c: (order[c.type], c.change, c.id))
    return ArticleChanges(article_id, extraction.article.title, tuple(changes))


# --- reading back what to re-extract -----------------------------------------------


def article_ids(
    db: Db,
    *,
    company_ids: Sequence[int] | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[tuple[str, str | None]]:
    """The selected articles, in the order they were stored, with their extractor
    version: those naming one of ``company_ids`` (an event's company or person, a
    quote's speaker or organisation, or a mention) and published within
    ``since``..``until``."""
    where: list[str] = []
    params: list[Any] = []
    if since is not None:
        where.append("a.published >= ?")
        params.append(since)
    if until is not None:
        where.append("a.published <= ?")
        params.append(until)
    if company_ids is not None:
        ids = list(company_ids) or [-1]
        marks = ", ".join("?" for _ in ids)
        where.append(
            "(EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND "
            f"(e.company_entity_id IN ({marks}) OR e.person_entity_id IN ({marks}))) "
            "OR EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id AND "
            f"(q.org_entity_id IN ({marks}) OR q.speaker_entity_id IN ({marks}))) "
            "OR EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id "
            f"AND m.entity_id IN ({marks})))"
        )
        params += ids * 5
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = db.rows(
        f"SELECT a.id, a.extractor_version FROM articles a{clause} ORDER BY a.ingested_at, a.id",
        params,
    )
    return [(r["id"], r["extractor_version"]) for r in rows]


def stored_article(db: Db, article_id: str) -> Article | None:
    """The article as it was ingested (same id, text, title and metadata)."""
    row = db.one(
        "SELECT id, text, title, published, source, url, origin, fingerprint "
        "FROM articles WHERE id = ?",
        (article_id,),
    )
    if row is None:
        return None
    return Article(**{**row, "published": write.as_date(row["published"])})
