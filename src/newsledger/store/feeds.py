"""Watched feeds' state and the items taken in from them (migration 7).

Every function here runs inside the caller's transaction. Timestamps come back as
``datetime`` in UTC whichever the database (SQLite keeps ISO text).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from newsledger.models import FeedState, SeenItem
from newsledger.store.dialect import Db

_STATE_COLUMNS = (
    "etag",
    "last_modified",
    "last_polled",
    "last_new",
    "failures",
    "next_poll",
    "last_error",
)


def as_datetime(value: Any) -> datetime | None:
    """A stored timestamp as an aware UTC datetime.

    >>> as_datetime("2026-12-01T05:00:00+00:00")
    datetime.datetime(2026, 12, 1, 5, 0, tzinfo=datetime.timezone.utc)
    """
    if value is None:
        return None
    stamp = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)


def feed_state(db: Db, url: str) -> FeedState | None:
    row = db.one(f"SELECT {', '.join(_STATE_COLUMNS)} FROM feeds WHERE url = ?", (url,))
    if row is None:
        return None
    return FeedState(
        url=url,
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_polled=as_datetime(row["last_polled"]),
        last_new=as_datetime(row["last_new"]),
        failures=int(row["failures"]),
        next_poll=as_datetime(row["next_poll"]),
        last_error=row["last_error"],
    )


def save_feed_state(db: Db, state: FeedState) -> None:
    """Insert or replace the feed's row."""
    values = [getattr(state, name) for name in _STATE_COLUMNS]
    names = ", ".join(_STATE_COLUMNS)
    updates = ", ".join(f"{name} = excluded.{name}" for name in _STATE_COLUMNS)
    db.execute(
        f"INSERT INTO feeds (url, {names}) VALUES (?, {', '.join('?' for _ in values)}) "
        f"ON CONFLICT (url) DO UPDATE SET {updates}",
        [state.url, *values],
    )


def seen_item(db: Db, feed_url: str, key: str) -> SeenItem | None:
    row = db.one(
        "SELECT content_hash, article_id FROM feed_items WHERE feed_url = ? AND item_key = ?",
        (feed_url, key),
    )
    if row is None:
        return None
    return SeenItem(feed_url, key, row["content_hash"], row["article_id"])


def save_seen_item(db: Db, item: SeenItem) -> None:
    """Record (or update) the item; its feed gets a row first if it has none yet."""
    db.execute("INSERT INTO feeds (url) VALUES (?) ON CONFLICT (url) DO NOTHING", (item.feed_url,))
    db.execute(
        "INSERT INTO feed_items (feed_url, item_key, content_hash, article_id, seen_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed_url, item_key) DO UPDATE SET "
        "content_hash = excluded.content_hash, article_id = excluded.article_id, "
        "seen_at = excluded.seen_at",
        (item.feed_url, item.key, item.content_hash, item.article_id, datetime.now(UTC)),
    )


def link_version(db: Db, article_id: str, supersedes: str) -> None:
    """Mark ``article_id`` as the newer version of ``supersedes`` (which stays)."""
    db.execute("UPDATE articles SET supersedes = ? WHERE id = ?", (supersedes, article_id))
