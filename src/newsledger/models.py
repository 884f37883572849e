"""The typed values that flow between newsledger's stages.

An :class:`Article` goes in; an :class:`Extraction` (entities, events, quotes,
each carrying :class:`Evidence` back to the sentence that states it) comes out.
Everything here is a frozen dataclass and imports nothing of spaCy, so the
store, the query side and the web layer can use it without loading a model.

>>> ev = Evidence(article_id="a1", start=0, end=5, text="Hello")
>>> ev.end - ev.start
5
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal, get_args

# Extraction calls every organisation a company; the store types it from its names
# (``normalize.orgs``): a company, or a government body, a regulator, a central bank...
OrgType = Literal[
    "company",
    "government",
    "regulator",
    "central_bank",
    "intl_body",
    "union",
    "media",
    "university",
]
EntityType = Literal[OrgType, "person", "place", "product"]
ORG_TYPES: tuple[str, ...] = get_args(OrgType)
ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)
# what a listing of entities filters by: one type, every organisation, or all of them
ENTITY_FILTERS: tuple[str, ...] = (*ENTITY_TYPES, "organisation", "all")

EventType = Literal[
    "layoff", "financial", "restructuring_plan", "strategy", "leadership", "rename", "divestiture"
]
EVENT_TYPES: tuple[str, ...] = (
    "layoff",
    "financial",
    "restructuring_plan",
    "strategy",
    "leadership",
    "rename",
    "divestiture",
)

LAYOFF_STATUSES: tuple[str, ...] = ("announced", "planned", "completed", "rumored", "denied")
FINANCIAL_KINDS: tuple[str, ...] = (
    "net_loss",
    "net_profit",
    "pretax_profit",
    "pretax_loss",
    "operating_loss",
    "operating_profit",
    "revenue",
    "impairment",
    "restructuring_charge",
    "writedown",
)
STRATEGY_MOVES: tuple[str, ...] = ("expand", "enter", "exit", "focus", "turn_around")
LEADERSHIP_CHANGES: tuple[str, ...] = ("appointed", "resigned", "fired", "stays")


@dataclass(frozen=True)
class Article:
    """One news article, as ingested.

    ``id`` is derived from the normalized text (see ``ingest.identity``), so the
    same article ingested twice has the same id.
    """

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # the path, URL or "<stdin>" it was read from
    fingerprint: str | None = None  # near-duplicate signature (hex), see ingest.identity

    def contract(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
        }


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: character offsets into the article text.

    ``start``/``end`` delimit the sentence (or sentences) that state the fact;
    ``text`` is exactly ``article.text[start:end]``. A fact stated in a title that the
    text does not repeat has evidence ``start == end == 0`` with the title's words as
    ``text`` (``extract/parse_copy.py``).
    """

    article_id: str
    start: int
    end: int
    text: str

    def contract(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Entity:
    """An organisation, person, place or product named in an article."""

    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    org: str | None = None
    mentions: tuple[Evidence, ...] = ()

    def contract(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "role": self.role,
            "org": self.org,
        }


# --- event arguments: one dataclass per event type -------------------------


@dataclass(frozen=True)
class LayoffArgs:
    jobs: int | None = None
    jobs_high: int | None = None
    percent: float | None = None
    unit: str | None = None
    location: str | None = None
    status: str = "announced"
    implied_size: int | None = None
    conflict: str | None = None
    raw: str | None = None  # the figure as written ("one in ten posts")
    # a breakdown ("about 80 of them in Canada") names the total cut it belongs to:
    # that event's id or a readable reference; never counted as extra jobs
    part_of: str | None = None


@dataclass(frozen=True)
class FinancialArgs:
    kind: str
    amount: Decimal | None = None
    amount_high: Decimal | None = None
    currency: str | None = None
    amount_usd: Decimal | None = None
    amount_usd_stated: Decimal | None = None
    period: str | None = None
    period_end: date | None = None
    period_months: int | None = None  # the period's length: 3 a quarter, 12 a year
    outlook: bool = False
    record: bool = False
    subkind: str | None = None  # "goodwill", "asset"...
    raw: str | None = None
    segment: str | None = None  # the division whose figure this is, not the company total


@dataclass(frozen=True)
class RestructuringArgs:
    name: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    amount_usd: Decimal | None = None
    amount_usd_stated: Decimal | None = None
    deadline: date | None = None
    deadline_text: str | None = None
    scope: str | None = None


@dataclass(frozen=True)
class StrategyArgs:
    focus: tuple[str, ...] = ()
    area: str | None = None
    market: str | None = None
    move: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class LeadershipArgs:
    person: str | None = None
    role: str | None = None
    change: str = "stays"


@dataclass(frozen=True)
class RenameArgs:
    old: str
    new: str


@dataclass(frozen=True)
class DivestitureArgs:
    asset: str | None = None
    buyer: str | None = None


EventArgs = (
    LayoffArgs
    | FinancialArgs
    | RestructuringArgs
    | StrategyArgs
    | LeadershipArgs
    | RenameArgs
    | DivestitureArgs
)

ARGS_BY_TYPE: dict[str, type] = {
    "layoff": LayoffArgs,
    "financial": FinancialArgs,
    "restructuring_plan": RestructuringArgs,
    "strategy": StrategyArgs,
    "leadership": LeadershipArgs,
    "rename": RenameArgs,
    "divestiture": DivestitureArgs,
}


def jsonable(value: Any) -> Any:
    """Turn dates, Decimals and tuples into JSON-ready values.

    >>> jsonable({"a": Decimal("1.50"), "d": date(2012, 4, 12), "t": ("x",)})
    {'a': 1.5, 'd': '2012-04-12', 't': ['x']}
    """
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


@dataclass(frozen=True)
class Event:
    """A typed event: who did what, with its arguments and its evidence.

    ``evidence`` lists every sentence that states the event (a layoff whose
    count and percentage are in two sentences has two); the first is the main one.
    ``event_date`` is when it happened or was announced, resolved against the
    article's publication date.
    """

    type: EventType
    company: str | None
    args: EventArgs
    evidence: tuple[Evidence, ...]
    event_date: date | None = None

    def __post_init__(self) -> None:
        expected = ARGS_BY_TYPE.get(self.type)
        if expected is None or not isinstance(self.args, expected):
            raise TypeError(f"event type {self.type!r} needs {expected}, got {type(self.args)}")
        if not self.evidence:
            raise ValueError("an event needs at least one piece of evidence")

    def contract(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "company": self.company}
        out.update(jsonable(dataclasses.asdict(self.args)))
        out["date"] = self.event_date.isoformat() if self.event_date else None
        out["evidence"] = self.evidence[0].contract()
        out["all_evidence"] = [e.contract() for e in self.evidence]
        return out


@dataclass(frozen=True)
class Quote:
    """Words attributed to a speaker (a person or, for statements, a company)."""

    text: str
    start: int
    end: int
    speaker: str | None
    evidence: Evidence
    speaker_role: str | None = None
    org: str | None = None
    speaker_type: Literal["person", "company"] | None = None
    direct: bool = True

    def contract(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "speaker_role": self.speaker_role,
            "org": self.org,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Extraction:
    """Everything found in one article, and which extractor found it
    (``extract.version``; None when not known, as for facts built by hand)."""

    article: Article
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    extractor_version: str | None = None

    def contract(self) -> dict[str, Any]:
        """The public JSON contract of ``newsledger extract``."""
        return {
            "article": self.article.contract(),
            "entities": [e.contract() for e in self.entities],
            "events": [e.contract() for e in self.events],
            "quotes": [q.contract() for q in self.quotes],
        }

    @property
    def fact_count(self) -> int:
        return len(self.events) + len(self.quotes)


@dataclass(frozen=True)
class Failure:
    """An input that could not be ingested: which one, at what stage, and why."""

    input: str
    stage: str
    code: str
    reason: str

    def line(self) -> str:
        return f"{self.input}: {self.code} {self.reason} (stage: {self.stage})"


@dataclass
class IngestSummary:
    """What one ``ingest`` run did. Mutable: the runner fills it in as it goes."""

    new: int = 0
    known: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0
    quotes: int = 0
    entities: int = 0
    failures: list[Failure] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    # names of an ``ingest --dates`` sidecar that matched no article read (a typo?)
    dates_unmatched: list[str] = field(default_factory=list)
    # stored articles whose facts an older extractor made (``newsledger reextract``)
    outdated: int = 0


@dataclass(frozen=True)
class FeedState:
    """What the store keeps of one watched feed between polls (``newsledger watch``):
    its HTTP validators, when it was last polled and last brought something new,
    its consecutive failures and when it is next due."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled: datetime | None = None
    last_new: datetime | None = None
    failures: int = 0
    next_poll: datetime | None = None
    last_error: str | None = None


@dataclass(frozen=True)
class SeenItem:
    """A feed item the store has taken in: known by ``key`` (its guid, else its link)
    within its feed, with a hash of the content it had and the article it became
    (``None`` while none could be made of it)."""

    feed_url: str
    key: str
    content_hash: str
    article_id: str | None


# --- re-extraction: what changed in the stored facts -------------------------

FactKind = Literal["event", "quote", "entity"]
ChangeKind = Literal["added", "removed", "changed"]
CHANGE_KINDS: tuple[str, ...] = get_args(ChangeKind)


# what a re-extraction's report counts by: each event type, quotes, mentioned entities
FACT_TYPES: tuple[str, ...] = (*EVENT_TYPES, "quote", "entity")


@dataclass(frozen=True)
class FactChange:
    """One stored fact a re-extraction added, removed or changed.

    A fact's identity is its type and where it is stated: an event's type and main
    evidence span, a quote's span, an entity the article mentions. ``changed`` is
    the same identity with other fields (``fields`` names them); ``id`` is the
    stored row, which a changed or unchanged fact keeps. ``type`` is the event's
    type, or ``quote`` or ``entity`` (:data:`FACT_TYPES`).
    """

    kind: FactKind
    type: str
    change: ChangeKind
    id: int
    label: str  # readable identity: "layoff at 120-180", "quote at 40-88", "Sony"
    fields: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "type": self.type,
            "change": self.change,
            "id": self.id,
            "label": self.label,
            "fields": list(self.fields),
        }


def count_changes(changes: Iterable[FactChange]) -> dict[str, dict[str, int]]:
    """Counts per fact type and change, every type and change present.

    >>> count_changes([FactChange("event", "layoff", "added", 1, "layoff at 0-9")])["layoff"]
    {'added': 1, 'removed': 0, 'changed': 0}
    """
    counts = {kind: dict.fromkeys(CHANGE_KINDS, 0) for kind in FACT_TYPES}
    for c in changes:
        counts[c.type][c.change] += 1
    return counts


@dataclass(frozen=True)
class ArticleChanges:
    """One article re-extracted: its facts replaced, and what that changed."""

    article_id: str
    title: str | None
    changes: tuple[FactChange, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "title": self.title,
            "counts": count_changes(self.changes),
            "changes": [c.to_dict() for c in self.changes],
        }


@dataclass
class ReextractSummary:
    """What one ``reextract`` run did. Mutable: the runner fills it in as it goes."""

    version: str
    selected: int = 0  # articles the selection names
    current: int = 0  # of them, already extracted by this version: skipped
    done: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    articles: list[ArticleChanges] = field(default_factory=list)

    def totals(self) -> dict[str, dict[str, int]]:
        return count_changes(c for a in self.articles for c in a.changes)

    def to_dict(self, *, details: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "version": self.version,
            "selected": self.selected,
            "current": self.current,
            "done": self.done,
            "failed": self.failed,
            "totals": self.totals(),
            "failures": [f.line() for f in self.failures],
        }
        if details:
            out["articles"] = [a.to_dict() for a in self.articles if a.changes]
        return out
