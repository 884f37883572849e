"""What the read side hands to the CLI and the web layer: frozen, typed, JSON-ready.

Every record has ``to_dict()`` that returns plain JSON values (dates as ISO
strings, Decimals as numbers). Nothing here holds HTML: a snippet marks the
match with ``[`` and ``]`` and the web layer escapes it.

>>> rec = ArticleRecord("a1", "Sony cuts jobs", date(2014, 9, 18), "WSJ", None, None, None)
>>> rec.to_dict()["published"]
'2014-09-18'
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from newsledger.models import jsonable
from newsledger.query.format import sentence
from newsledger.query.stored import dumps

T = TypeVar("T")


# a memo, not state: a class's fields never change
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names, read once per class (``dataclasses.fields`` builds
    a tuple each call: a tenth of a 1,000-event timeline's time)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _to_dict(record: Any) -> dict[str, Any]:
    """Shallow-walk a dataclass, calling ``to_dict`` on nested records."""
    return {name: _plain(getattr(record, name)) for name in field_names(type(record))}


# values that are JSON as they are: most of a record's, so looked at first
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    if type(value) in _SCALARS:
        return value
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return jsonable(value)


@dataclass(frozen=True)
class ArticleRecord:
    id: str
    title: str | None
    published: date | None
    source: str | None
    url: str | None
    origin: str | None
    duplicate_of: str | None
    supersedes: str | None = None  # the earlier version of a feed item (newsledger watch)

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True)
class EvidenceRecord:
    """One sentence stating a fact, with the article it comes from."""

    article_id: str
    start: int
    end: int
    text: str
    article_title: str | None
    published: date | None
    source: str | None

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True)
class EventRecord:
    """One stored event (one article's report of it).

    ``fields`` are the contract fields of the event type (``jobs``, ``percent``,
    ``kind``, ``amount`` ...). ``group_id`` joins reports of the same real-world
    event across articles; ``sources`` counts the articles in that group and
    ``conflict`` names disagreeing figures, when there are any. Its ``to_dict()``
    adds ``summary``, the event as a sentence (:func:`newsledger.query.format.sentence`).
    """

    id: int
    group_id: int | None
    type: str
    company: str | None
    company_id: int | None
    date: date | None
    fields: dict[str, Any]
    evidence: list[EvidenceRecord]
    sources: int
    conflict: str | None
    article_id: str = ""
    # neither the text nor the article gives a date: shown apart, never placed at a guess
    date_unknown: bool = False

    def to_dict(self) -> dict[str, Any]:
        # ``fields`` are JSON-ready already (``jsonable`` made them): copied, not walked
        # again, which was a third of a 1,000-event timeline's time
        out = {name: _plain(getattr(self, name)) for name in _EVENT_SCALARS}
        out.update(fields=dict(self.fields), evidence=[e.to_dict() for e in self.evidence])
        out.update({name: _plain(getattr(self, name)) for name in _EVENT_REST})
        out["summary"] = sentence(self)
        return out


# EventRecord's fields around ``fields`` and ``evidence``, in the order they are written
_EVENT_SCALARS = field_names(EventRecord)[: field_names(EventRecord).index("fields")]
_EVENT_REST = field_names(EventRecord)[field_names(EventRecord).index("evidence") + 1 :]


@dataclass(frozen=True)
class StoredEvent:
    """An event with when it was stored and the article that reports it: one alert.

    ``stored_at`` is when its article was stored (an event is stored with it), in UTC.
    """

    event: EventRecord
    stored_at: datetime
    article_title: str | None
    article_url: str | None
    source: str | None

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True)
class EventFeed:
    """The events stored last, newest first: one organisation's (``company``) or
    every one's (``company`` None), of one ``type`` or of all."""

    company: EntityRecord | None
    type: str | None
    events: list[StoredEvent]

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True)
class QuoteRecord:
    id: int
    article_id: str
    speaker: str | None
    speaker_id: int | None
    speaker_role: str | None
    org: str | None
    text: str
    start: int
    end: int
    published: date | None
    source: str | None
    speaker_as_written: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True)
class EntityRecord:
    """A canonical entity: one company or person across every article."""

    id: int
    type: str
    name: str
    aliases: list[str]
    role: str | None
    org: str | None
    article_count: int
    event_count: int
    ticker: str | None = None
    isin: str | None = None
    listed_as: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True)
class Ownership:
    """One company named as another's parent (its subsidiary or brand the child), in
    ``articles`` articles; ``statement`` is the words of one of them."""

    parent_id: int
    parent: str
    child_id: int
    child: str
    articles: int
    article_id: str
    statement: str

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True)
class SearchHit:
    """An article matching a search; ``snippet`` marks matches as ``[word]``."""

    article: ArticleRecord
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True)
class FailureRecord:
    id: int
    input: str
    stage: str
    code: str
    reason: str
    at: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a listing: ``items`` plus the ``total`` across all pages."""

    items: list[T]
    total: int
    limit: int
    offset: int
    # the events listing's keyset cursor to the page after this one (None on the
    # last page, and for listings that page by offset only)
    cursor: str | None = None

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.items) < self.total

    def to_dict(self) -> dict[str, Any]:
        out = _to_dict(self)
        if self.cursor is None:
            del out["cursor"]
        return out


@dataclass(frozen=True)
class Figure:
    """One KPI: the latest reported figure of a ``kind`` for one period.

    Figures are never added together: another period, kind, currency or a
    forecast is another Figure. ``event`` is the report shown (its sentence and
    evidence); ``revised`` the forecasts it revised, oldest first (empty for a
    result); ``older_reports`` how many earlier reports of this figure it replaces;
    ``same_article`` the other figures its article gives for that kind and period
    (the first stated is shown: the headline, not "down from ..." after it).
    """

    kind: str
    outlook: bool
    period_end: date | None
    period_months: int | None
    segment: str | None
    event: EventRecord
    revised: list[EventRecord] = field(default_factory=list)
    older_reports: int = 0
    # other figures its own article gives for the same kind and period
    same_article: list[EventRecord] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True)
class Timeline:
    """A company's events in date order, with KPIs that add up.

    ``jobs_cut_total`` counts each real-world layoff once, never a breakdown of a
    larger cut; ``figures`` are the money KPIs, one per kind and period
    (:mod:`newsledger.query.figures`).
    """

    company: EntityRecord
    events: list[EventRecord]
    jobs_cut_total: int
    figures: list[Figure] = field(default_factory=list)
    # the subsidiaries and brands rolled up into it (``with_subsidiaries``); each
    # event still names the company its article named
    subsidiaries: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True)
class Totals:
    """A timeline's totals over all its events: ``jobs_cut_total`` and ``figures`` as
    :meth:`Timeline.to_dict` gives them (JSON text, :func:`~newsledger.query.stored.dumps`
    of the figures' dicts), and its company's ``article_count`` and ``event_count``.
    The same whether stored per company (``store/totals.py``) or just computed."""

    jobs_cut_total: int
    figures_json: str
    article_count: int
    event_count: int


@dataclass(frozen=True)
class TimelinePage:
    """A timeline whose ``events`` are one page of ``total``, with the whole
    timeline's :class:`Totals`; its JSON is :class:`Timeline`'s, key for key."""

    company: EntityRecord
    events: list[EventRecord]
    totals: Totals
    subsidiaries: list[str]
    total: int

    @property
    def jobs_cut_total(self) -> int:
        return self.totals.jobs_cut_total

    def members(self) -> list[tuple[str, str]]:
        """The members of :meth:`Timeline.to_dict` as JSON text, in its order; the
        figures spliced in as they were written, not parsed and written again."""
        return [
            ("company", dumps(self.company.to_dict())),
            ("events", dumps([e.to_dict() for e in self.events])),
            ("jobs_cut_total", dumps(self.totals.jobs_cut_total)),
            ("figures", self.totals.figures_json),
            ("subsidiaries", dumps(self.subsidiaries)),
        ]


@dataclass(frozen=True)
class ArticleView:
    """One article with everything found in it."""

    article: ArticleRecord
    text: str
    events: list[EventRecord]
    quotes: list[QuoteRecord]
    entities: list[EntityRecord]

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True)
class Stats:
    """Counts of what the store holds."""

    articles: int
    duplicates: int
    events: int
    event_groups: int
    quotes: int
    entities: int
    failures: int
    events_by_type: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)
