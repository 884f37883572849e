"""The one storage interface, and ``open_store`` that picks SQLite or PostgreSQL.

>>> with open_store(":memory:") as store:                # doctest: +SKIP
...     store.save_extraction(extraction)
True

The write side takes :class:`~newsledger.models.Extraction` and
:class:`~newsledger.models.Failure`; the read side returns plain rows
(``dict[str, Any]``) that ``newsledger.query`` turns into records, so all SQL
stays inside ``store/``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, Self

from newsledger.models import (
    Article,
    ArticleChanges,
    Extraction,
    Failure,
    FeedState,
    SeenItem,
)
from newsledger.store.totals import StoredTotals

Row = dict[str, Any]


@dataclass(frozen=True)
class EventFilter:
    """Which events to list; ``None`` means no constraint."""

    company_ids: tuple[int, ...] | None = None
    type: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None
    article_id: str | None = None


@dataclass(frozen=True)
class EventCursor:
    """An event's place in the events listing (keyset pagination): the page after
    it starts with the next event by ``sort_date``, then id."""

    sort_date: date
    id: int

    def __str__(self) -> str:
        """The cursor as the API writes it.

        >>> str(EventCursor(date(2014, 9, 18), 412))
        '2014-09-18_412'
        """
        return f"{self.sort_date.isoformat()}_{self.id}"

    @classmethod
    def parse(cls, text: str) -> EventCursor:
        """Read a cursor written by ``str``; ValueError names a malformed one.

        >>> EventCursor.parse("2014-09-18_412")
        EventCursor(sort_date=datetime.date(2014, 9, 18), id=412)
        """
        day, _, number = text.partition("_")
        try:
            return cls(date.fromisoformat(day), int(number))
        except ValueError:
            raise ValueError(f"cursor {text!r} is not one this API gave (date_id)") from None


class Store(Protocol):
    """What the pipeline, the CLI and the query side need from a database."""

    # --- lifecycle -----------------------------------------------------------
    def close(self) -> None: ...
    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
    def schema_version(self) -> int: ...

    # --- write side ----------------------------------------------------------
    def has_article(self, article_id: str) -> bool: ...
    def near_duplicate_of(self, article: Article, threshold: float) -> str | None: ...
    def save_extraction(self, extraction: Extraction, *, duplicate_of: str | None = None) -> bool:
        """Store one article and its facts in one transaction; False if already stored."""
        ...

    def save_failure(self, failure: Failure) -> None: ...
    def save_timeline_totals(
        self, entity_id: int, version: int, code: str, stored: StoredTotals
    ) -> bool:
        """Store a company's timeline totals computed at ``version``; False if stale."""
        ...

    @property
    def readonly(self) -> bool: ...

    # --- watched feeds (newsledger watch) ---------------------------------------
    def feed_state(self, url: str) -> FeedState | None: ...
    def save_feed_state(self, state: FeedState) -> None: ...
    def seen_item(self, feed_url: str, key: str) -> SeenItem | None: ...
    def save_seen_item(
        self,
        item: SeenItem,
        extraction: Extraction | None = None,
        *,
        duplicate_of: str | None = None,
        supersedes: str | None = None,
    ) -> bool:
        """Record a feed item and store its article in one transaction; False if known."""

    # --- re-extraction ---------------------------------------------------------
    def reextract_candidates(
        self,
        *,
        company_ids: Sequence[int] | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[tuple[str, str | None]]:
        """Selected article ids in stored order, each with its facts' extractor version."""
        ...

    def stored_article(self, article_id: str) -> Article | None: ...
    def replace_extraction(self, extraction: Extraction) -> ArticleChanges:
        """Replace a stored article's facts in one transaction; what changed."""
        ...

    # --- read side (rows for newsledger.query) --------------------------------
    def article_row(self, article_id: str) -> Row | None: ...
    def article_rows(self, limit: int, offset: int) -> tuple[list[Row], int]: ...
    def event_rows(
        self, flt: EventFilter, limit: int, offset: int, after: EventCursor | None = None
    ) -> tuple[list[Row], int]: ...
    def event_position(self, flt: EventFilter, after: EventCursor) -> int:
        """The events of the listing up to and including the cursor's place."""
        ...

    def latest_event_rows(self, flt: EventFilter, limit: int) -> list[Row]: ...
    def evidence_rows(self, event_ids: list[int]) -> list[Row]: ...
    def entity_ids_named(self, name: str) -> list[int]: ...
    def entity_rows(
        self,
        *,
        type: str | Sequence[str] | None = None,
        q: str | None = None,
        ids: list[int] | None = None,
        article_id: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[Row], int]: ...
    def alias_rows(self, entity_ids: list[int]) -> list[Row]: ...
    def relation_rows(self, entity_ids: list[int]) -> list[Row]:
        """Parents and subsidiaries (or brands) the articles name, either way."""
        ...

    def quote_rows(
        self,
        *,
        speaker_ids: list[int] | None = None,
        company_ids: list[int] | None = None,
        article_id: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[Row], int]: ...
    def search_rows(self, query: str, limit: int, offset: int) -> tuple[list[Row], int]: ...
    def failure_rows(self, limit: int, offset: int) -> tuple[list[Row], int]: ...
    def counts(self) -> Row: ...
    def organisation_rows(self, entity_ids: list[int]) -> list[Row]:
        """The organisations among ``entity_ids``, without their counts, by id."""
        ...

    def timeline_totals_row(self, entity_id: int) -> Row | None:
        """A company's stored timeline totals with their versions (store/totals.py)."""
        ...

    def stale_timeline_rows(self, code: str) -> list[Row]:
        """Companies with events whose stored totals are not current for ``code``."""
        ...


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def open_store(target: str | Path, *, readonly: bool = False) -> Store:
    """Open (and migrate, unless ``readonly``) the store at ``target``.

    A ``postgresql://`` or ``postgres://`` URL opens PostgreSQL; anything else is
    a SQLite file path (parent folders are created; ``:memory:`` works too).
    Raises ``SchemaError`` when the database is newer than this code and
    ``StoreError`` when it cannot be opened.
    """
    from newsledger.store.sql import SqlStore

    target = str(target)
    if is_postgres_url(target):
        return SqlStore.postgres(target, readonly=readonly)
    return SqlStore.sqlite(target, readonly=readonly)
