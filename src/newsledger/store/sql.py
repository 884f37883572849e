"""The store itself: one class over SQLite or PostgreSQL (see ``dialect.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from types import TracebackType
from typing import Self

from newsledger.errors import SchemaError, StoreError
from newsledger.ingest.identity import band_keys, similarity
from newsledger.models import Article, ArticleChanges, Extraction, Failure, FeedState, SeenItem
from newsledger.resolve.names import org_key
from newsledger.store import feeds, identity, read, replace, revisions, totals, write
from newsledger.store.base import EventCursor, EventFilter
from newsledger.store.dialect import Db, Row, connect_postgres, connect_sqlite
from newsledger.store.schema import LATEST, check_not_newer, current_version, migrate
from newsledger.store.totals import StoredTotals


class SqlStore:
    """A :class:`~newsledger.store.base.Store` on a SQL database."""

    def __init__(self, db: Db, where: str, *, readonly: bool) -> None:
        self.db = db
        self.where = where
        self.readonly = readonly
        try:
            if readonly:
                if check_not_newer(db, where) < LATEST:
                    raise SchemaError(
                        "database schema is older than this newsledger; "
                        "open it once for writing to migrate",
                        input=where,
                    )
            else:
                migrate(db, where)
        except BaseException:
            db.close()
            raise

    @classmethod
    def sqlite(cls, path: str, *, readonly: bool = False) -> SqlStore:
        return cls(connect_sqlite(path, readonly=readonly), path, readonly=readonly)

    @classmethod
    def postgres(cls, url: str, *, readonly: bool = False) -> SqlStore:
        return cls(connect_postgres(url, readonly=readonly), _redact(url), readonly=readonly)

    @property
    def dialect(self) -> str:
        return self.db.dialect.name

    # --- lifecycle -----------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def schema_version(self) -> int:
        return current_version(self.db)

    # --- write side ----------------------------------------------------------
    def _writable(self) -> None:
        if self.readonly:
            raise StoreError("the store was opened read-only", input=self.where)

    def has_article(self, article_id: str) -> bool:
        return self.db.scalar("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def near_duplicate_of(self, article: Article, threshold: float) -> str | None:
        """The stored article ``article`` nearly repeats (its original if that was one too)."""
        if article.fingerprint is None:
            return None
        keys = sorted(set(band_keys(article.fingerprint)))
        if not keys:
            return None
        marks = ", ".join("?" for _ in keys)
        rows = self.db.rows(
            "SELECT DISTINCT a.id, a.fingerprint, a.duplicate_of FROM article_bands b "
            f"JOIN articles a ON a.id = b.article_id WHERE b.band IN ({marks}) AND a.id <> ?",
            [*keys, article.id],
        )
        scored = [
            (similarity(article.fingerprint, r["fingerprint"]), r["id"], r)
            for r in rows
            if r["fingerprint"]
        ]
        scored = [s for s in scored if s[0] >= threshold]
        if not scored:
            return None
        best = max(scored, key=lambda s: (s[0], s[1]))[2]
        return str(best["duplicate_of"] or best["id"])

    def save_extraction(self, extraction: Extraction, *, duplicate_of: str | None = None) -> bool:
        """Store an article and everything found in it, all or nothing.

        Returns False, changing nothing, when the article is already stored.
        """
        self._writable()
        fp = extraction.article.fingerprint
        bands = band_keys(fp) if fp else []
        with self.db.transaction():
            if self.has_article(extraction.article.id):
                return False
            write.save_article(self.db, extraction, duplicate_of, bands)
            linker = write.Linker(self.db, extraction)
            linker.save_entities()
            for event in extraction.events:
                write.save_event(self.db, linker, event)
            for quote in extraction.quotes:
                write.save_quote(self.db, linker, quote)
            identity.settle_companies(self.db, extraction.article.id, linker.companies.values())
            revisions.relink_companies(
                self.db, revisions.article_companies(self.db, extraction.article.id)
            )
        return True

    def reextract_candidates(
        self,
        *,
        company_ids: Sequence[int] | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> list[tuple[str, str | None]]:
        return replace.article_ids(self.db, company_ids=company_ids, since=since, until=until)

    def stored_article(self, article_id: str) -> Article | None:
        return replace.stored_article(self.db, article_id)

    def replace_extraction(self, extraction: Extraction) -> ArticleChanges:
        """Replace a stored article's facts by a new extraction's, in one transaction."""
        self._writable()
        with self.db.transaction():
            if not self.has_article(extraction.article.id):
                raise StoreError("no such article to re-extract", input=extraction.article.id)
            return replace.replace_facts(self.db, extraction)

    def save_failure(self, failure: Failure) -> None:
        self._writable()
        with self.db.transaction():
            write.save_failure(self.db, failure.input, failure.stage, failure.code, failure.reason)

    def save_timeline_totals(
        self, entity_id: int, version: int, code: str, stored: StoredTotals
    ) -> bool:
        """Store a company's timeline totals computed from its rows at ``version``;
        False, storing nothing, when a write has moved the version on since."""
        self._writable()
        with self.db.transaction():
            return totals.save_totals(self.db, entity_id, version, code, stored)

    # --- watched feeds ---------------------------------------------------------
    def feed_state(self, url: str) -> FeedState | None:
        return feeds.feed_state(self.db, url)

    def save_feed_state(self, state: FeedState) -> None:
        self._writable()
        with self.db.transaction():
            feeds.save_feed_state(self.db, state)

    def seen_item(self, feed_url: str, key: str) -> SeenItem | None:
        return feeds.seen_item(self.db, feed_url, key)

    def save_seen_item(
        self,
        item: SeenItem,
        extraction: Extraction | None = None,
        *,
        duplicate_of: str | None = None,
        supersedes: str | None = None,
    ) -> bool:
        """Record a feed item and store the article made of it, in one transaction:
        a crash leaves both or neither. ``supersedes`` links a new version to the
        article it replaces. False when the article was already stored."""
        self._writable()
        with self.db.transaction():
            saved = False
            if extraction is not None:
                saved = self.save_extraction(extraction, duplicate_of=duplicate_of)
                if saved and supersedes is not None:  # saved: a new id, not the old one
                    feeds.link_version(self.db, extraction.article.id, supersedes)
            feeds.save_seen_item(self.db, item)
        return saved

    # --- read side -----------------------------------------------------------
    def article_row(self, article_id: str) -> Row | None:
        return read.article_row(self.db, article_id)

    def article_rows(self, limit: int, offset: int) -> tuple[list[Row], int]:
        return read.article_rows(self.db, limit, offset)

    def event_rows(
        self, flt: EventFilter, limit: int, offset: int, after: EventCursor | None = None
    ) -> tuple[list[Row], int]:
        return read.event_rows(self.db, flt, limit, offset, after)

    def event_position(self, flt: EventFilter, after: EventCursor) -> int:
        return read.event_position(self.db, flt, after)

    def latest_event_rows(self, flt: EventFilter, limit: int) -> list[Row]:
        return read.latest_event_rows(self.db, flt, limit)

    def evidence_rows(self, event_ids: list[int]) -> list[Row]:
        return read.evidence_rows(self.db, event_ids)

    def entity_ids_named(self, name: str) -> list[int]:
        return read.entity_ids_named(self.db, name.strip(), org_key(name))

    def entity_rows(
        self,
        *,
        type: str | Sequence[str] | None = None,
        q: str | None = None,
        ids: list[int] | None = None,
        article_id: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[Row], int]:
        return read.entity_rows(
            self.db, type=type, q=q, ids=ids, article_id=article_id, limit=limit, offset=offset
        )

    def alias_rows(self, entity_ids: list[int]) -> list[Row]:
        return read.alias_rows(self.db, entity_ids)

    def relation_rows(self, entity_ids: list[int]) -> list[Row]:
        return read.relation_rows(self.db, entity_ids)

    def quote_rows(
        self,
        *,
        speaker_ids: list[int] | None = None,
        company_ids: list[int] | None = None,
        article_id: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[list[Row], int]:
        return read.quote_rows(
            self.db,
            speaker_ids=speaker_ids,
            company_ids=company_ids,
            article_id=article_id,
            limit=limit,
            offset=offset,
        )

    def search_rows(self, query: str, limit: int, offset: int) -> tuple[list[Row], int]:
        return read.search_rows(self.db, query, limit, offset)

    def failure_rows(self, limit: int, offset: int) -> tuple[list[Row], int]:
        return read.failure_rows(self.db, limit, offset)

    def counts(self) -> Row:
        return read.counts(self.db)

    def organisation_rows(self, entity_ids: list[int]) -> list[Row]:
        return read.organisation_rows(self.db, entity_ids)

    def timeline_totals_row(self, entity_id: int) -> Row | None:
        return totals.totals_row(self.db, entity_id)

    def stale_timeline_rows(self, code: str) -> list[Row]:
        return totals.stale_rows(self.db, code)


def _redact(url: str) -> str:
    """A URL safe to print in an error: the password replaced."""
    head, sep, tail = url.partition("@")
    if not sep or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, userinfo = head.partition("//")
    user = userinfo.split(":", 1)[0]
    return f"{scheme}//{user}:***@{tail}"
