"""The read side: events, timelines, quotes, entities and search over a store.

>>> with Query.open("ledger.db") as q:                    # doctest: +SKIP
...     q.timeline("Sony").jobs_cut_total
11000
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any, Self

from newsledger.models import ENTITY_FILTERS, ENTITY_TYPES, EVENT_TYPES, ORG_TYPES, jsonable
from newsledger.query.figures import figures, jobs_total, revised_notes, usd_rate_notes
from newsledger.query.records import (
    ArticleRecord,
    ArticleView,
    EntityRecord,
    EventFeed,
    EventRecord,
    EvidenceRecord,
    FailureRecord,
    Ownership,
    Page,
    QuoteRecord,
    SearchHit,
    Stats,
    StoredEvent,
    Timeline,
    TimelinePage,
    Totals,
    field_names,
)
from newsledger.query.stored import CODE, dumps
from newsledger.store import EventCursor, EventFilter, Row, Store, open_store
from newsledger.store.totals import StoredTotals
from newsledger.store.write import UNDATED, args_from_row, as_date

# rows in one page; a caller wanting more pages through with ``offset``
MAX_LIMIT = 1000


def _limits(limit: int, offset: int) -> tuple[int, int]:
    """A page's size and start, checked: a page bigger than MAX_LIMIT is refused, never cut.

    >>> _limits(5000, 0)
    Traceback (most recent call last):
    ...
    ValueError: limit 5000 is above the maximum of 1000 rows a page; page through with offset
    """
    if limit < 0 or offset < 0:
        raise ValueError("limit and offset must not be negative")
    if limit > MAX_LIMIT:
        raise ValueError(
            f"limit {limit} is above the maximum of {MAX_LIMIT} rows a page; "
            "page through with offset"
        )
    return limit, offset


def entity_types(type: str | None) -> tuple[str, ...] | None:
    """The stored types an entity filter stands for; None for every type.

    >>> entity_types("central_bank"), entity_types("all")
    (('central_bank',), None)
    >>> entity_types("organisation")[:3]
    ('company', 'government', 'regulator')
    """
    if type is None or type == "all":
        return None
    if type == "organisation":
        return ORG_TYPES
    if type not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {type!r}: one of {', '.join(ENTITY_FILTERS)}")
    return (type,)


def _as_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def article_record(row: Row) -> ArticleRecord:
    return ArticleRecord(
        id=row["id"],
        title=row["title"],
        published=as_date(row["published"]),
        source=row["source"],
        url=row["url"],
        origin=row["origin"],
        duplicate_of=row["duplicate_of"],
        supersedes=row.get("supersedes"),
    )


def evidence_record(row: Row) -> EvidenceRecord:
    return EvidenceRecord(
        article_id=row["article_id"],
        start=int(row["start"]),
        end=int(row["end"]),
        text=row["text"],
        article_title=row["article_title"],
        published=as_date(row["published"]),
        source=row["source"],
    )


def quote_record(row: Row) -> QuoteRecord:
    return QuoteRecord(
        id=int(row["id"]),
        article_id=row["article_id"],
        # the canonical name across articles ("Kazuo Hirai" for "Kazou Hirai")
        speaker=row.get("speaker_name") or row["speaker"],
        speaker_id=row["speaker_entity_id"],
        speaker_role=row["speaker_role"],
        org=row["org"],
        text=row["text"],
        start=int(row["start"]),
        end=int(row["end"]),
        published=as_date(row["published"]),
        source=row["source"],
        speaker_as_written=row["speaker"],
    )


class Query:
    """Read-only questions over a :class:`~newsledger.store.Store`.

    ``stored_totals=False`` computes every timeline's totals afresh, never reading
    or writing the stored ones (to compare the two, or to time the computation).
    """

    def __init__(self, store: Store, *, stored_totals: bool = True) -> None:
        self.store = store
        self.stored_totals = stored_totals

    @classmethod
    def open(cls, target: str) -> Query:
        """A Query on the store at ``target`` (path or PostgreSQL URL), read-only."""
        return cls(open_store(target, readonly=True))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- events ----------------------------------------------------------------
    def _event_records(self, rows: list[Row]) -> list[EventRecord]:
        evidence: dict[int, list[EvidenceRecord]] = defaultdict(list)
        for ev in self.store.evidence_rows([int(r["id"]) for r in rows]):
            evidence[int(ev["event_id"])].append(evidence_record(ev))
        return [self._event_record(r, evidence[int(r["id"])]) for r in rows]

    @staticmethod
    def _event_record(row: Row, evidence: list[EvidenceRecord]) -> EventRecord:
        fields = jsonable(_args_dict(row))
        fields.update(usd_rate_notes(fields, as_date(row.get("article_published"))))
        fields.update(revised_notes(row))
        # an event its text does not date is dated by its article (stored before
        # extraction did so itself); with neither, its date is unknown
        listed = as_date(row.get("sort_date"))
        when = as_date(row["event_date"]) or (listed if listed != UNDATED else None)
        return EventRecord(
            id=int(row["id"]),
            group_id=row["group_id"],
            type=row["type"],
            company=row["company"],
            company_id=row["company_entity_id"],
            date=when,
            fields=fields,
            evidence=evidence,
            sources=int(row["sources"] or 1),
            conflict=row["group_conflict"] or row["conflict"],
            article_id=row["article_id"],
            date_unknown=when is None,
        )

    def _company_ids(self, company: str | None) -> tuple[int, ...] | None:
        return None if company is None else tuple(self.store.entity_ids_named(company))

    def events(
        self,
        *,
        company: str | None = None,
        type: str | None = None,
        since: date | None = None,
        until: date | None = None,
        text: str | None = None,
        limit: int = 50,
        offset: int = 0,
        with_subsidiaries: bool = False,
        after: str | None = None,
    ) -> Page[EventRecord]:
        """Events in date order, filtered by company (name, alias or key), type, dates,
        text; ``with_subsidiaries`` adds the company's subsidiaries' and brands'.

        A page starts at ``offset``, or, given ``after`` (a page's ``cursor``), right
        after the event that cursor names, whatever was stored since; a deep page
        by cursor costs what the first does (keyset pagination).

        >>> page = q.events(company="Sony", limit=50)               # doctest: +SKIP
        >>> q.events(company="Sony", limit=50, after=page.cursor)   # doctest: +SKIP
        """
        limit, offset = _limits(limit, offset)
        cursor = None if after is None else EventCursor.parse(after)
        ids = self._company_ids(company)
        if ids and with_subsidiaries:
            ids = (*ids, *(i for i, _ in self.subsidiaries(ids[0]) if i not in ids))
        flt = EventFilter(ids, type, since, until, text)
        rows, total = self.store.event_rows(flt, limit, 0 if cursor else offset, cursor)
        if cursor is not None:
            offset = self.store.event_position(flt, cursor) if rows else total
        page = Page(self._event_records(rows), total, limit, offset)
        if not page.has_next:
            return page
        return dataclasses.replace(page, cursor=str(_cursor_of(rows[-1])))

    def _entity_records(self, rows: list[Row]) -> list[EntityRecord]:
        aliases: dict[int, list[str]] = defaultdict(list)
        names = {int(r["id"]): r["name"] for r in rows}
        for a in self.store.alias_rows(list(names)):
            if a["alias"] != names[int(a["entity_id"])]:
                aliases[int(a["entity_id"])].append(a["alias"])
        return [
            EntityRecord(
                id=int(r["id"]),
                type=r["type"],
                name=r["name"],
                aliases=aliases[int(r["id"])],
                role=r["role"],
                org=r["org"],
                article_count=int(r["article_count"]),
                event_count=int(r["event_count"]),
                ticker=r.get("ticker"),
                isin=r.get("isin"),
                listed_as=r.get("listed_as"),
            )
            for r in rows
        ]

    def _organisation(self, name: str) -> EntityRecord | None:
        """The organisation a name, alias or key stands for (the first, if several)."""
        ids = self.store.entity_ids_named(name)
        rows, _ = self.store.entity_rows(ids=ids, type=ORG_TYPES, limit=1)
        return self._entity_records(rows)[0] if rows else None

    def ownership(self, entity_id: int) -> list[Ownership]:
        """The parents and the subsidiaries or brands articles name for an entity."""
        return [
            Ownership(
                parent_id=int(r["parent_entity_id"]),
                parent=r["parent_name"],
                child_id=int(r["child_entity_id"]),
                child=r["child_name"],
                articles=int(r["articles"]),
                article_id=r["article_id"],
                statement=r["text"],
            )
            for r in self.store.relation_rows([entity_id])
        ]

    def subsidiaries(self, entity_id: int) -> list[tuple[int, str]]:
        """Every subsidiary or brand below an entity, children before grandchildren
        (a cycle in what articles said is read once)."""
        found: dict[int, str] = {}
        frontier = [entity_id]
        while frontier:
            rows = self.store.relation_rows(frontier)
            frontier = []
            for r in rows:
                child = int(r["child_entity_id"])
                below = int(r["parent_entity_id"]) in (entity_id, *found)
                if below and child != entity_id and child not in found:
                    found[child] = r["child_name"]
                    frontier.append(child)
        return list(found.items())

    def timeline(self, company: str, *, with_subsidiaries: bool = False) -> Timeline | None:
        """An organisation's events by date (a company's, or a government's, a central
        bank's...); totals count each real-world event once. ``with_subsidiaries``
        adds the events of its subsidiaries and brands (each still under the company
        its article named)."""
        found = self._timeline_filter(company, with_subsidiaries)
        if found is None:
            return None
        entity, flt, below = found
        rows = self._whole(flt)
        events = self._event_records(rows)
        return Timeline(entity, events, jobs_total(_jobs_rows(rows)), figures(events), below)

    def _whole(self, flt: EventFilter) -> list[Row]:
        """Every event of a filter, page by page (a timeline is whole, not a page)."""
        rows, total = self.store.event_rows(flt, MAX_LIMIT, 0)
        while len(rows) < total:
            more, _ = self.store.event_rows(flt, MAX_LIMIT, 0, _cursor_of(rows[-1]))
            if not more:
                break
            rows.extend(more)
        return rows

    def timeline_page(
        self,
        company: str,
        *,
        with_subsidiaries: bool = False,
        limit: int = MAX_LIMIT,
        offset: int = 0,
    ) -> TimelinePage | None:
        """A timeline whose ``events`` are one page (``limit`` from ``offset``) of its
        ``total``; its totals count every event (:meth:`totals`), so a page of a
        company with thousands of events costs the page, not the thousands. None
        when no organisation is named so.

        >>> page = q.timeline_page("Sony", limit=100)     # doctest: +SKIP
        >>> page.total, page.jobs_cut_total                # doctest: +SKIP
        (12, 11000)
        """
        limit, offset = _limits(limit, offset)
        ids = self.store.entity_ids_named(company)
        orgs = self.store.organisation_rows(ids)
        if len(orgs) != 1:  # none, or several: the one with most events (counted) or none
            return self._rolled_up_page(company, with_subsidiaries, limit, offset)
        below = self.subsidiaries(orgs[0]["id"]) if with_subsidiaries else []
        if below:
            return self._rolled_up_page(company, with_subsidiaries, limit, offset)
        entity_id = int(orgs[0]["id"])
        totals = self.totals(entity_id)
        entity = self._entity_records([{**orgs[0], **_counts(totals)}])[0]
        flt = EventFilter(company_ids=(entity_id,))
        return self._page_of(entity, flt, totals, [], limit, offset)

    def _rolled_up_page(
        self, company: str, with_subsidiaries: bool, limit: int, offset: int
    ) -> TimelinePage | None:
        """A timeline page computed whole: a roll-up of subsidiaries, or a name that
        several organisations share (the record counted, to pick the one with most
        events)."""
        found = self._timeline_filter(company, with_subsidiaries)
        if found is None:
            return None
        entity, flt, below = found
        totals = self._fresh_totals(flt, entity)
        return self._page_of(entity, flt, totals, below, limit, offset)

    def _page_of(
        self,
        entity: EntityRecord,
        flt: EventFilter,
        totals: Totals,
        below: list[str],
        limit: int,
        offset: int,
    ) -> TimelinePage:
        rows, total = self.store.event_rows(flt, limit, offset)
        return TimelinePage(entity, self._event_records(rows), totals, below, total)

    def totals(self, entity_id: int) -> Totals:
        """An organisation's timeline totals: the stored ones while they are current
        (their version and code unchanged, ``store/totals.py``); else computed, and
        stored when the store is open for writing."""
        # the version is read before the rows the totals are computed from: a write
        # committing in between leaves what is stored stale, never wrong
        row = self.store.timeline_totals_row(entity_id) if self.stored_totals else None
        if row is not None and _current(row):
            return Totals(
                int(row["jobs_cut_total"]),
                str(row["figures"]),
                int(row["article_count"]),
                int(row["event_count"]),
            )
        totals = self._fresh_totals(EventFilter(company_ids=(entity_id,)), entity_id)
        if row is not None and not self.store.readonly:
            self._save_totals(entity_id, int(row["version"]), totals)
        return totals

    def refresh_totals(self) -> int:
        """Compute and store the timeline totals of every organisation whose stored
        ones are stale (the end of an ingest or re-extraction batch); how many were
        stored. Needs a store open for writing.

        >>> Query(store).refresh_totals()       # doctest: +SKIP
        3
        """
        stored = 0
        for row in self.store.stale_timeline_rows(CODE):
            entity_id = int(row["entity_id"])
            totals = self._fresh_totals(EventFilter(company_ids=(entity_id,)), entity_id)
            stored += self._save_totals(entity_id, int(row["version"]), totals)
        return stored

    def _save_totals(self, entity_id: int, version: int, totals: Totals) -> bool:
        stored = StoredTotals(
            totals.jobs_cut_total, totals.figures_json, totals.article_count, totals.event_count
        )
        return self.store.save_timeline_totals(entity_id, version, CODE, stored)

    def _fresh_totals(self, flt: EventFilter, entity: EntityRecord | int) -> Totals:
        """The totals of every event of ``flt``: jobs once per real-world cut, and the
        KPI figures by the ledger's rules (:mod:`newsledger.query.figures`); with the
        counts of ``entity``'s record (counted here when given its id)."""
        layoffs = self._whole(dataclasses.replace(flt, type="layoff"))
        money = self._event_records(self._whole(dataclasses.replace(flt, type="financial")))
        kpis = dumps([f.to_dict() for f in figures(money)])
        if isinstance(entity, int):
            counted, _ = self.store.entity_rows(ids=[entity], limit=1)
            articles, events = (counted[0]["article_count"], counted[0]["event_count"])
        else:
            articles, events = entity.article_count, entity.event_count
        return Totals(jobs_total(_jobs_rows(layoffs)), kpis, int(articles), int(events))

    def _timeline_filter(
        self, company: str, with_subsidiaries: bool
    ) -> tuple[EntityRecord, EventFilter, list[str]] | None:
        entity = self._organisation(company)
        if entity is None:
            return None
        below = self.subsidiaries(entity.id) if with_subsidiaries else []
        flt = EventFilter(company_ids=(entity.id, *(i for i, _ in below)))
        return entity, flt, [name for _, name in below]

    def latest_events(
        self, *, company: str | None = None, type: str | None = None, limit: int = 50
    ) -> EventFeed | None:
        """The events stored last, newest first, each with its article: what a watcher
        has not seen yet. One organisation's (None when no organisation has that
        name) or every one's; one event type or all.

        >>> feed = q.latest_events(company="Sony", type="layoff", limit=20)  # doctest: +SKIP
        >>> [alert.event.type for alert in feed.events][:1]                  # doctest: +SKIP
        ['layoff']
        """
        limit, _ = _limits(limit, 0)
        if type is not None and type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {type!r}: one of {', '.join(EVENT_TYPES)}")
        entity = None if company is None else self._organisation(company)
        if company is not None and entity is None:
            return None
        ids = None if entity is None else (entity.id,)
        rows = self.store.latest_event_rows(EventFilter(company_ids=ids, type=type), limit)
        stored = [
            StoredEvent(
                event,
                _utc(row["stored_at"]),
                row["article_title"],
                row["article_url"],
                row["article_source"],
            )
            for event, row in zip(self._event_records(rows), rows, strict=True)
        ]
        return EventFeed(entity, type, stored)

    # --- quotes, entities, articles -----------------------------------------------
    def quotes(
        self,
        *,
        speaker: str | None = None,
        company: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[QuoteRecord]:
        limit, offset = _limits(limit, offset)
        speaker_ids = None if speaker is None else self.store.entity_ids_named(speaker)
        company_ids = None if company is None else self.store.entity_ids_named(company)
        rows, total = self.store.quote_rows(
            speaker_ids=speaker_ids, company_ids=company_ids, limit=limit, offset=offset
        )
        return Page([quote_record(r) for r in rows], total, limit, offset)

    def entities(
        self, *, type: str | None = None, q: str | None = None, limit: int = 50, offset: int = 0
    ) -> Page[EntityRecord]:
        """Entities, most events first: one type (``company``, ``central_bank``,
        ``person``...), ``organisation`` for every organisation, None or ``all`` for all."""
        limit, offset = _limits(limit, offset)
        types = entity_types(type)
        rows, total = self.store.entity_rows(type=types, q=q, limit=limit, offset=offset)
        return Page(self._entity_records(rows), total, limit, offset)

    def entity(self, entity_id: int) -> EntityRecord | None:
        rows, _ = self.store.entity_rows(ids=[entity_id], limit=1)
        return self._entity_records(rows)[0] if rows else None

    def search(self, query: str, limit: int = 20, offset: int = 0) -> Page[SearchHit]:
        """Full-text search; any user text is safe (operators are taken as words)."""
        limit, offset = _limits(limit, offset)
        rows, total = self.store.search_rows(query, limit, offset)
        hits = [SearchHit(article_record(r), r["snippet"] or "") for r in rows]
        return Page(hits, total, limit, offset)

    def article(self, article_id: str) -> ArticleView | None:
        row = self.store.article_row(article_id)
        if row is None:
            return None
        events, _ = self.store.event_rows(EventFilter(article_id=article_id), MAX_LIMIT, 0)
        quotes, _ = self.store.quote_rows(article_id=article_id, limit=MAX_LIMIT)
        entities, _ = self.store.entity_rows(article_id=article_id, limit=MAX_LIMIT)
        return ArticleView(
            article=article_record(row),
            text=row["text"],
            events=self._event_records(events),
            quotes=[quote_record(q) for q in quotes],
            entities=self._entity_records(entities),
        )

    def articles(self, limit: int = 50, offset: int = 0) -> Page[ArticleRecord]:
        limit, offset = _limits(limit, offset)
        rows, total = self.store.article_rows(limit, offset)
        return Page([article_record(r) for r in rows], total, limit, offset)

    def failures(self, limit: int = 50, offset: int = 0) -> Page[FailureRecord]:
        limit, offset = _limits(limit, offset)
        rows, total = self.store.failure_rows(limit, offset)
        items = [
            FailureRecord(
                int(r["id"]), r["input"], r["stage"], r["code"], r["reason"], _as_datetime(r["at"])
            )
            for r in rows
        ]
        return Page(items, total, limit, offset)

    def stats(self) -> Stats:
        return Stats(**self.store.counts())


def _utc(value: Any) -> datetime:
    """A stored timestamp as an aware UTC datetime (SQLite keeps ISO text, naive = UTC).

    >>> _utc("2026-11-24T09:30:00+01:00").isoformat()
    '2026-11-24T08:30:00+00:00'
    """
    when = _as_datetime(value)
    if when is None:
        raise ValueError("a stored row has no timestamp")
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _counts(totals: Totals) -> dict[str, int]:
    return {"article_count": totals.article_count, "event_count": totals.event_count}


def _current(row: Row) -> bool:
    """Stored totals computed at the company's current version by this code."""
    return bool(row["built_version"] == row["version"] and row["code"] == CODE)


def _cursor_of(row: Row) -> EventCursor:
    """The place of a listed event's row (its ``sort_date`` as either store gives it)."""
    return EventCursor(as_date(row["sort_date"]) or UNDATED, int(row["id"]))


def _args_dict(row: Row) -> dict[str, Any]:
    # no argument holds a dataclass: a shallow dict is what ``asdict``'s deep copy
    # gave, at a third of its cost on a long timeline
    args = args_from_row(row)
    return {name: getattr(args, name) for name in field_names(type(args))}


def _jobs_rows(rows: list[Row]) -> Iterator[tuple[Any, str, str | None, str | None, int]]:
    """Each event's group (itself when alone), type, status, ``part_of`` and jobs."""
    for row in rows:
        jobs = row["group_jobs"] if row["group_jobs"] is not None else row["jobs"]
        part_of = getattr(args_from_row(row), "part_of", None) if row["type"] == "layoff" else None
        yield _real_event(row, jobs), row["type"], row["status"], part_of, int(jobs or 0)


def _real_event(row: Row, jobs: Any) -> Any:
    """The real-world event a report stands for: its group. Reports with no date at all
    (neither the event's nor the article's) are never grouped, as grouping needs dates;
    the same company's undated reports of the same cut are taken as one event, since
    nothing tells them apart (two undated articles on GM's European 12,000)."""
    undated = row["event_date"] is None and row.get("article_published") is None
    if undated and jobs and row["type"] == "layoff":
        return ("undated", row["company_entity_id"], int(jobs))
    return row["group_id"] if row["group_id"] is not None else ("event", row["id"])
