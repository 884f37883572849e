"""Saving one article's facts: rows in, canonical entities and event groups linked.

Every function here runs inside the caller's transaction; the decisions about
who is who and which reports are one event come from ``resolve.across``.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from newsledger.models import (
    ARGS_BY_TYPE,
    ORG_TYPES,
    Entity,
    Event,
    EventArgs,
    Extraction,
    Quote,
    jsonable,
)
from newsledger.normalize.aliases import clean_alias
from newsledger.normalize.orgs import org_type_of
from newsledger.normalize.roles import person_role
from newsledger.resolve.across import (
    SAME_EVENT_WINDOW_DAYS,
    EventFacts,
    find_group,
    summarize_group,
)
from newsledger.resolve.names import (
    clean_name,
    full_names_clash,
    is_acronym,
    org_key,
    person_key,
)
from newsledger.resolve.people import PersonFacts, canonical_name, names_similar, person_context
from newsledger.store.dialect import Db, Row
from newsledger.store.people import find_person, org_names

# ``events.sort_date`` of an event with no date and an article with none: listed last
UNDATED = date(9999, 12, 31)
DECIMAL_COLUMNS = ("amount", "amount_high", "amount_usd", "amount_usd_stated")
DATE_COLUMNS = ("period_end", "deadline")
BOOL_COLUMNS = ("outlook", "record")
ARG_COLUMNS = frozenset(
    (
        *DECIMAL_COLUMNS,
        *DATE_COLUMNS,
        *BOOL_COLUMNS,
        # layoff
        *("jobs", "jobs_high", "percent", "unit", "location", "status", "implied_size"),
        *("conflict", "raw"),
        # financial, restructuring, strategy
        *("kind", "subkind", "currency", "period", "name", "deadline_text", "scope"),
        *("area", "market", "move"),
        # leadership, rename, divestiture
        *("person", "role", "change", "old", "new", "asset", "buyer"),
    )
)


# --- event arguments <-> columns ---------------------------------------------


def event_columns(args: EventArgs) -> dict[str, Any]:
    """The typed columns of an event's arguments; anything else goes to ``details``.

    >>> from newsledger.models import StrategyArgs
    >>> event_columns(StrategyArgs(focus=("high-end",), move="focus"))["details"]
    '{"focus": ["high-end"]}'
    """
    cols: dict[str, Any] = {}
    details: dict[str, Any] = {}
    for f in dataclasses.fields(args):
        value = getattr(args, f.name)
        if f.name in DECIMAL_COLUMNS:
            cols[f.name] = value
            cols[f"{f.name}_exact"] = None if value is None else str(value)
        elif f.name in ARG_COLUMNS:
            cols[f.name] = value
        elif value not in (None, ()):
            details[f.name] = jsonable(value)
    cols["details"] = json.dumps(details, sort_keys=True) if details else None
    return cols


def as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _field_value(name: str, row: Row, details: dict[str, Any]) -> Any:
    if name in DECIMAL_COLUMNS:
        exact = row.get(f"{name}_exact")
        return None if exact is None else Decimal(exact)
    if name in DATE_COLUMNS:
        return as_date(row.get(name))
    if name in BOOL_COLUMNS:
        return bool(row.get(name))
    if name in ARG_COLUMNS:
        return row.get(name)
    value = details.get(name)
    return tuple(value) if isinstance(value, list) else value


def args_from_row(row: Row) -> EventArgs:
    """Rebuild an event's arguments from its stored row (the inverse of event_columns)."""
    cls = ARGS_BY_TYPE[row["type"]]
    raw = row.get("details")
    details = json.loads(raw) if isinstance(raw, str) else (raw or {})
    kwargs = {}
    for f in dataclasses.fields(cls):
        value = _field_value(f.name, row, details)
        if value is not None or f.default is None:
            kwargs[f.name] = value
    args: EventArgs = cls(**kwargs)
    return args


# --- inserts -----------------------------------------------------------------


def _insert(db: Db, table: str, values: dict[str, Any], returning: bool = True) -> int:
    names = ", ".join(f'"{k}"' for k in values)
    marks = ", ".join("?" for _ in values)
    sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
    if not returning:
        db.execute(sql, list(values.values()))
        return 0
    return db.insert(sql + " RETURNING id", list(values.values()))


def save_article(
    db: Db, extraction: Extraction, duplicate_of: str | None, bands: list[str]
) -> None:
    a = extraction.article
    values = {
        "id": a.id,
        "title": a.title,
        "published": a.published,
        "source": a.source,
        "url": a.url,
        "origin": a.origin,
        "text": a.text,
        "fingerprint": a.fingerprint,
        "duplicate_of": duplicate_of,
        "ingested_at": datetime.now(UTC),
        "extractor_version": extraction.extractor_version,
    }
    _insert(db, "articles", values, returning=False)
    for band in sorted(set(bands)):
        _insert(db, "article_bands", {"band": band, "article_id": a.id}, returning=False)


def save_failure(db: Db, input: str, stage: str, code: str, reason: str) -> None:
    values = {"input": input, "stage": stage, "code": code, "reason": reason}
    _insert(db, "failures", {**values, "at": datetime.now(UTC)}, returning=False)


# --- entities ----------------------------------------------------------------

_ORG_MARKS = ", ".join("?" for _ in ORG_TYPES)


def spelling(text: str) -> str:
    """A name as the ledger keeps it: page junk, possessive and a leading "the" off;
    empty when nothing of a name is left.

    >>> spelling("| General Motors's"), spelling('the "Social Security')
    ('General Motors', 'Social Security')
    >>> spelling("Ghosn | Nissan |")
    ''
    """
    # clean_name on both sides: each can bare junk the other takes off
    cleaned = clean_alias(clean_name(text))
    return clean_name(cleaned) if cleaned else ""


def _key(kind: str, name: str) -> str:
    if kind in ORG_TYPES:
        return org_key(name)
    if kind == "person":
        return person_key(name)
    return " ".join(clean_name(name).lower().split())


def _find_or_create(
    db: Db,
    kind: str,
    name: str,
    role: str | None,
    org: str | None,
    names: tuple[str, ...],
    published: date | None,
) -> int:
    key = _key(kind, name)
    if kind == "person":
        seen = (published, published) if published else None
        found = find_person(db, PersonFacts((name, *names), role, org_names(db, org), seen))
    elif kind in ORG_TYPES:  # one organisation a key, whatever its type
        keys = [key, *(joining_key(n) or "" for n in names)]
        found = find_organisation(db, keys, (name, *names))
    else:
        found = db.scalar(
            "SELECT id FROM entities WHERE type = ? AND key = ? ORDER BY id", (kind, key)
        )
    if found is not None:
        return int(found)
    values = {"type": kind, "key": key, "name": name, "role": role, "org": org}
    return _insert(db, "entities", values)


def stored_spellings(db: Db, entity_id: int) -> list[str]:
    """An entity's stored spellings, most used first."""
    rows = db.rows(
        "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY mentions DESC, alias",
        (entity_id,),
    )
    return [str(r["alias"]) for r in rows]


def find_organisation(db: Db, keys: list[str], names: tuple[str, ...] = ()) -> int | None:
    """The first organisation keyed by one of ``keys``, or else one with a spelling
    of that key ("EU" finds the European Union some article spelled "EU") whose full
    names do not clash with ``names`` (the World Tourism Organisation's "WTO" is not
    the World Trade Organisation's)."""
    wanted = list(dict.fromkeys(k for k in keys if k))
    for key in wanted:
        found = db.scalar(
            f"SELECT id FROM entities WHERE type IN ({_ORG_MARKS}) AND key = ? ORDER BY id",
            (*ORG_TYPES, key),
        )
        if found is not None:
            return int(found)
    for key in wanted:
        for row in db.rows(
            "SELECT a.entity_id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
            f"WHERE a.key = ? AND e.type IN ({_ORG_MARKS}) ORDER BY a.mentions DESC, e.id",
            (key, *ORG_TYPES),
        ):
            entity_id = int(row["entity_id"])
            if not full_names_clash(names, stored_spellings(db, entity_id), key):
                return entity_id
    return None


def joining_key(alias: str) -> str | None:
    """The key by which a spelling joins organisations: an acronym's ("EU") or a name's
    of two words or more; a lone word ("Commission") may be any commission.

    >>> joining_key("EU"), joining_key("European Union"), joining_key("Commission")
    ('eu', 'european union', None)
    """
    key = org_key(alias)
    return key if key and (is_acronym(clean_name(alias)) or " " in key) else None


def set_alias_keys(db: Db, entity_id: int) -> None:
    """Key an organisation's new spellings (:func:`joining_key`; migration 9 on)."""
    for row in db.rows(
        "SELECT alias FROM entity_aliases WHERE entity_id = ? AND key IS NULL", (entity_id,)
    ):
        db.execute(
            "UPDATE entity_aliases SET key = ? WHERE entity_id = ? AND alias = ?",
            (joining_key(row["alias"]), entity_id, row["alias"]),
        )


def _add_spellings(db: Db, entity_id: int, spellings: Counter[str]) -> None:
    for alias, count in spellings.items():
        db.execute(
            "INSERT INTO entity_aliases (entity_id, alias, mentions) VALUES (?, ?, ?) "
            "ON CONFLICT (entity_id, alias) DO UPDATE "
            "SET mentions = entity_aliases.mentions + excluded.mentions",
            (entity_id, alias, count),
        )


def _refresh_entity(db: Db, entity_id: int, kind: str, role: str | None, org: str | None) -> None:
    """Name the entity by its spellings; an organisation's type follows its names."""
    counts = {
        r["alias"]: int(r["mentions"])
        for r in db.rows(
            "SELECT alias, mentions FROM entity_aliases WHERE entity_id = ?", (entity_id,)
        )
    }
    if kind == "person":
        name = canonical_name(counts)
    else:  # companies: the most used spelling, shortest on ties ("Sony" over "Sony Corp.")
        name = max(counts, key=lambda n: (counts[n], -len(n), n))
    if kind in ORG_TYPES:
        kind = org_type_of([name, *sorted(counts, key=lambda n: (-counts[n], n))])
    db.execute(
        "UPDATE entities SET type = ?, name = ?, role = coalesce(role, ?), "
        "org = coalesce(org, ?) WHERE id = ?",
        (kind, name, role, org, entity_id),
    )


def link_entity(
    db: Db,
    kind: str,
    name: str,
    spellings: Counter[str],
    role: str | None,
    org: str | None,
    published: date | None = None,
    known: int | None = None,
) -> int:
    """The canonical entity for a name, created if new, with its spellings counted;
    ``published`` dates the article that names it (people meet by time too);
    ``known`` is the entity it is already known to be."""
    entity_id = known or _find_or_create(db, kind, name, role, org, tuple(spellings), published)
    _add_spellings(db, entity_id, spellings or Counter({name: 1}))
    _refresh_entity(db, entity_id, kind, role, org)
    if kind in ORG_TYPES:
        set_alias_keys(db, entity_id)
    return entity_id


def _spellings(entity: Entity) -> Counter[str]:
    counts: Counter[str] = Counter(spelling(m.text) for m in entity.mentions)
    for name in (entity.name, *entity.aliases):
        counts[spelling(name)] += 0 if counts[spelling(name)] else 1
    return Counter({k: v for k, v in counts.items() if k})


# --- stored entities brought to today's rules (the migrations call these) ------

# every column that points at an entity, besides mentions and aliases
_ENTITY_REFERENCES = (
    ("events", "company_entity_id"),
    ("events", "person_entity_id"),
    ("event_groups", "company_entity_id"),
    ("quotes", "speaker_entity_id"),
    ("quotes", "org_entity_id"),
)


def _drop_entity(db: Db, entity_id: int) -> None:
    """Forget an entity; the events and quotes that named it stay, unlinked."""
    for table, column in _ENTITY_REFERENCES:
        db.execute(f"UPDATE {table} SET {column} = NULL WHERE {column} = ?", (entity_id,))
    for table, column in (("mentions", "entity_id"), ("entity_aliases", "entity_id")):
        db.execute(f"DELETE FROM {table} WHERE {column} = ?", (entity_id,))
    db.execute("DELETE FROM entities WHERE id = ?", (entity_id,))


def clean_stored_spellings(db: Db) -> None:
    """Clean every stored spelling as a new one is (:func:`spelling`), then rename
    the entities touched; one with no name left ("439.txt |") is dropped."""
    touched: set[int] = set()
    for row in db.rows("SELECT entity_id, alias, mentions FROM entity_aliases"):
        clean = spelling(row["alias"])
        if clean == row["alias"]:
            continue
        eid = int(row["entity_id"])
        touched.add(eid)
        db.execute(
            "DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ?", (eid, row["alias"])
        )
        if clean:
            _add_spellings(db, eid, Counter({clean: int(row["mentions"])}))
    for row in db.rows("SELECT id, type, name FROM entities"):
        eid = int(row["id"])
        if eid not in touched and spelling(row["name"]) == row["name"]:
            continue
        if db.scalar("SELECT 1 FROM entity_aliases WHERE entity_id = ?", (eid,)) is None:
            _drop_entity(db, eid)
        else:
            _refresh_entity(db, eid, row["type"], None, None)


def retype_organisations(db: Db) -> None:
    """Type every stored organisation by its names, as a new one is typed."""
    for row in db.rows(f"SELECT id FROM entities WHERE type IN ({_ORG_MARKS})", ORG_TYPES):
        _refresh_entity(db, int(row["id"]), "company", None, None)


def claim_quotes(db: Db, person_id: int, org_id: int | None) -> None:
    """A person's quotes stored without an organisation go to the one they are now
    known at: an article that names Hirai's company makes his earlier quotes Sony's."""
    if org_id is not None:
        db.execute(
            "UPDATE quotes SET org_entity_id = ? "
            "WHERE speaker_entity_id = ? AND org_entity_id IS NULL",
            (org_id, person_id),
        )


def ledger_role(role: str | None) -> str | None:
    """A role as the ledger writes it ("as new chief executive" is "chief executive");
    a phrase that names no known title is kept as written.

    >>> ledger_role("as new chief executive"), ledger_role("Nobel laureate")
    ('chief executive', 'Nobel laureate')
    """
    read = person_role(role)
    return read.text if read else role


def _kind_of(kind: str, spellings: Counter[str]) -> str:
    """A "person" known only by acronyms ("GM") is an organisation."""
    if kind == "person" and spellings and all(is_acronym(n) for n in spellings):
        return "company"
    return kind


@dataclass(frozen=True)
class KnownEntity:
    """An entity an article named before (its re-extraction keeps the id)."""

    id: int
    type: str
    key: str
    name: str


def _kind_group(kind: str) -> str:
    return "organisation" if kind in ORG_TYPES else kind


class Linker:
    """Maps names as written in one article to canonical entity ids; ``known`` are
    the entities the article named before, kept for the same type and name."""

    def __init__(self, db: Db, extraction: Extraction, known: Sequence[KnownEntity] = ()) -> None:
        self.db = db
        self.extraction = extraction
        self.known = known
        self.companies: dict[str, int] = {}
        self.people: list[tuple[tuple[str, ...], int]] = []

    def _known_id(self, kind: str, name: str) -> int | None:
        """The entity of this type and key the article named before; among several
        (two Bushes), the one of this very name."""
        key = _key(kind, name)
        same = [k for k in self.known if _kind_group(k.type) == _kind_group(kind) and k.key == key]
        if len(same) > 1:
            same = [k for k in same if k.name == name]
        return same[0].id if len(same) == 1 else None

    def save_entities(self) -> None:
        article_id = self.extraction.article.id
        for entity in self.extraction.entities:
            spellings = _spellings(entity)
            name = spelling(entity.name) or max(spellings, key=spellings.__getitem__, default="")
            if not name:  # nothing of a name ("439.txt |"): no entity, its mentions unkept
                continue
            kind, role, org = _kind_of(entity.type, spellings), entity.role, entity.org
            if kind == "person":
                ctx = person_context(entity, self.extraction)
                role, org = ledger_role(ctx.role), ctx.org
            published = self.extraction.article.published
            known = self._known_id(kind, name)
            eid = link_entity(self.db, kind, name, spellings, role, org, published, known)
            if kind in ORG_TYPES:
                self.companies[org_key(entity.name)] = eid
                for alias in entity.aliases:
                    self.companies.setdefault(org_key(alias), eid)
            elif kind == "person":
                self.people.append(((entity.name, *entity.aliases), eid))
            for m in entity.mentions:
                values = {"entity_id": eid, "article_id": article_id, "start": m.start}
                values.update({"end": m.end, "text": m.text})
                values["extractor_version"] = self.extraction.extractor_version
                _insert(self.db, "mentions", values, returning=False)
        for _, eid in self.people:
            org = self.db.scalar("SELECT org FROM entities WHERE id = ?", (eid,))
            claim_quotes(self.db, eid, self.company(org))

    def company(self, name: str | None) -> int | None:
        """The organisation an event or quote names; None for no name or only junk."""
        key = org_key(name or "")
        if not key:
            return None
        if key not in self.companies:
            clean = spelling(name or "")
            if not org_key(clean):
                return None
            self.companies[key] = link_entity(self.db, "company", clean, Counter(), None, None)
        return self.companies[key]

    def person(self, name: str | None) -> int | None:
        if not name:
            return None
        for names, eid in self.people:
            if any(names_similar(name, n) for n in names):
                return eid
        return None


# --- events and groups -------------------------------------------------------


def _facts(row: Row) -> EventFacts:
    exact = row.get("amount_exact")
    return EventFacts(
        id=row["id"],
        article_id=row["article_id"],
        type=row["type"],
        company_id=row["company_entity_id"],
        date=as_date(row["event_date"]),
        group_id=row["group_id"],
        source=row.get("source"),
        jobs=row["jobs"],
        jobs_high=row["jobs_high"],
        percent=row["percent"],
        unit=row["unit"],
        kind=row["kind"],
        amount=None if exact is None else Decimal(exact),
        currency=row["currency"],
        period=row["period"],
        person=row["person"],
        change=row["change"],
        name=row["name"],
        old=row["old"],
        new=row["new"],
        asset=row["asset"],
        move=row["move"],
        market=row["market"],
    )


_EVENT_WITH_SOURCE = (
    "SELECT e.*, a.source AS source FROM events e JOIN articles a ON a.id = e.article_id"
)


def group_event(db: Db, event_id: int, reuse: int | None = None) -> None:
    """Put an event into the group of the same real-world event reported elsewhere,
    or into a new group: the empty group ``reuse`` when given (a re-extracted event
    keeps its group id when it still stands alone)."""
    row = db.one(f"{_EVENT_WITH_SOURCE} WHERE e.id = ?", (event_id,))
    assert row is not None
    new = _facts(row)
    candidates: list[EventFacts] = []
    if new.company_id is not None and new.date is not None:
        lo = date.fromordinal(new.date.toordinal() - SAME_EVENT_WINDOW_DAYS)
        hi = date.fromordinal(new.date.toordinal() + SAME_EVENT_WINDOW_DAYS)
        found = db.rows(
            f"{_EVENT_WITH_SOURCE} WHERE e.company_entity_id = ? AND e.type = ? "
            "AND e.article_id <> ? AND e.event_date >= ? AND e.event_date <= ?",
            (new.company_id, new.type, new.article_id, lo, hi),
        )
        candidates = [_facts(r) for r in found]
    group_id = find_group(new, candidates)
    if group_id is None and reuse is not None:
        group_id = reuse  # the event's company may be another now
        db.execute(
            "UPDATE event_groups SET company_entity_id = ? WHERE id = ?", (new.company_id, reuse)
        )
    elif group_id is None:
        group_id = _insert(
            db, "event_groups", {"type": new.type, "company_entity_id": new.company_id}
        )
    db.execute("UPDATE events SET group_id = ? WHERE id = ?", (group_id, event_id))
    refresh_group(db, group_id)


def refresh_group(db: Db, group_id: int) -> None:
    """Summarise a group from its members again; a group left with none goes."""
    if db.scalar("SELECT 1 FROM events WHERE group_id = ?", (group_id,)) is None:
        db.execute("DELETE FROM event_groups WHERE id = ?", (group_id,))
        return
    members = [
        _facts(r) for r in db.rows(f"{_EVENT_WITH_SOURCE} WHERE e.group_id = ?", (group_id,))
    ]
    s = summarize_group(members)
    db.execute(
        "UPDATE event_groups SET first_date = ?, last_date = ?, jobs = ?, percent = ?, "
        "amount = ?, amount_exact = ?, currency = ?, article_count = ?, conflict = ? WHERE id = ?",
        (
            s.first_date,
            s.last_date,
            s.jobs,
            s.percent,
            s.amount,
            None if s.amount is None else str(s.amount),
            s.currency,
            s.article_count,
            s.conflict,
            group_id,
        ),
    )


def event_values(linker: Linker, event: Event) -> dict[str, Any]:
    """An event's row as stored, its company and person linked to entities."""
    values: dict[str, Any] = {
        "article_id": linker.extraction.article.id,
        "type": event.type,
        "company_entity_id": linker.company(event.company),
        "company": event.company,
        "event_date": event.event_date,
        "sort_date": event.event_date or linker.extraction.article.published or UNDATED,
    }
    values.update(event_columns(event.args))
    values["person_entity_id"] = linker.person(getattr(event.args, "person", None))
    values["extractor_version"] = linker.extraction.extractor_version
    return values


def save_evidence(db: Db, event_id: int, event: Event) -> None:
    for i, ev in enumerate(event.evidence):
        row = {"event_id": event_id, "article_id": ev.article_id, "start": ev.start}
        row.update({"end": ev.end, "text": ev.text, "is_primary": i == 0})
        _insert(db, "evidence", row, returning=False)


def save_event(db: Db, linker: Linker, event: Event) -> int:
    """Insert one event with all its evidence, then join (or open) its event group."""
    event_id = _insert(db, "events", event_values(linker, event))
    save_evidence(db, event_id, event)
    group_event(db, event_id)
    return event_id


def save_quote(db: Db, linker: Linker, quote: Quote) -> int:
    """Insert one quote; a person's quote the article gives no organisation belongs
    to the organisation the ledger knows them at (Hirai's quotes on Sony's page), and
    the speaker's role is written as the ledger writes roles."""
    return _insert(db, "quotes", quote_values(db, linker, quote))


def quote_values(db: Db, linker: Linker, quote: Quote) -> dict[str, Any]:
    """A quote's row as stored (see :func:`save_quote`)."""
    org = quote.org
    if quote.speaker_type == "company":
        speaker_id = linker.company(quote.speaker)
    else:
        speaker_id = linker.person(quote.speaker)
        if org is None and speaker_id is not None:
            org = db.scalar("SELECT org FROM entities WHERE id = ?", (speaker_id,))
    values = {
        "article_id": linker.extraction.article.id,
        "speaker_entity_id": speaker_id,
        "speaker": quote.speaker,
        "speaker_role": ledger_role(quote.speaker_role),
        "speaker_type": quote.speaker_type,
        "org": quote.org,
        "org_entity_id": linker.company(org),
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "sentence_start": quote.evidence.start,
        "sentence_end": quote.evidence.end,
        "direct": quote.direct,
        "extractor_version": linker.extraction.extractor_version,
    }
    return values
