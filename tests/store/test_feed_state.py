"""Watched feeds in the store (migration 7), on SQLite and PostgreSQL: feed state
comes back as it went in, an item and its article are stored together or not at
all, and a new version is linked to the article it replaces."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from newsledger.errors import StoreError
from newsledger.ingest.identity import make_article
from newsledger.models import Extraction, FeedState, SeenItem
from newsledger.store import Store, open_store

FEED = "https://wire.example/rss"
NOW = datetime(2026, 12, 1, 5, 0, 30, 250000, tzinfo=UTC)


def _db(store: Store) -> Any:
    return store.db  # type: ignore[attr-defined]


def _extraction(text: str) -> Extraction:
    return Extraction(make_article(text, title="Acme", url="https://wire.example/acme"))


def test_feed_state_round_trip_and_overwrite(store: Store) -> None:
    assert store.feed_state(FEED) is None
    state = FeedState(
        FEED,
        etag='"abc"',
        last_modified="Tue, 01 Dec 2026 05:00:00 GMT",
        last_polled=NOW,
        last_new=NOW - timedelta(hours=1),
        failures=2,
        next_poll=NOW + timedelta(seconds=240),
        last_error="https://wire.example/rss: NL108 answered HTTP 500",
    )
    store.save_feed_state(state)
    assert store.feed_state(FEED) == state
    later = FeedState(FEED, etag='"def"', last_polled=NOW + timedelta(minutes=15))
    store.save_feed_state(later)
    assert store.feed_state(FEED) == later
    assert _db(store).scalar("SELECT count(*) FROM feeds") == 1


def test_item_and_article_are_stored_together(store: Store) -> None:
    first = _extraction("Acme Corp said on Monday it would cut 1,200 jobs.")
    item = SeenItem(FEED, "guid-1", "hash-1", first.article.id)
    assert store.seen_item(FEED, "guid-1") is None
    assert store.save_seen_item(item, first) is True
    assert store.seen_item(FEED, "guid-1") == item
    assert store.has_article(first.article.id)
    assert store.feed_state(FEED) == FeedState(FEED)  # the feed got its row, no state yet
    # the same article again (another feed, or a restart) is recorded, not stored twice
    again = SeenItem("https://other.example/rss", "x", "hash-1", first.article.id)
    assert store.save_seen_item(again, first) is False
    assert _db(store).scalar("SELECT count(*) FROM articles") == 1
    assert store.seen_item(again.feed_url, "x") == again


def test_a_new_version_supersedes_the_old_which_stays(store: Store) -> None:
    old = _extraction("Acme Corp said on Monday it would cut 1,200 jobs.")
    new = _extraction("Acme Corp said on Monday it would cut 1,500 jobs, more than planned.")
    store.save_seen_item(SeenItem(FEED, "guid-1", "hash-1", old.article.id), old)
    item = SeenItem(FEED, "guid-1", "hash-2", new.article.id)
    assert store.save_seen_item(item, new, supersedes=old.article.id) is True
    assert store.seen_item(FEED, "guid-1") == item
    rows = _db(store).rows("SELECT id, supersedes FROM articles ORDER BY supersedes NULLS FIRST")
    assert [(r["id"], r["supersedes"]) for r in rows] == [
        (old.article.id, None),
        (new.article.id, old.article.id),
    ]


def test_a_failed_item_record_leaves_no_article(store: Store) -> None:
    extraction = _extraction("Acme Corp said on Monday it would cut 1,200 jobs.")
    dangling = SeenItem(FEED, "guid-1", "hash-1", "no-such-article")  # breaks a foreign key
    with pytest.raises(StoreError):
        store.save_seen_item(dangling, extraction)
    assert not store.has_article(extraction.article.id)
    assert store.seen_item(FEED, "guid-1") is None
    assert store.feed_state(FEED) is None


def test_migration_7_adds_feed_state_to_an_older_store(store_target: str) -> None:
    kept = _extraction("Acme Corp said on Monday it would cut 1,200 jobs.")
    with open_store(store_target) as store:
        store.save_extraction(kept)
        db = _db(store)
        # the store as a newsledger without migration 7 left it (one with the later
        # migrations of another branch, too: 7 comes in whatever else was applied)
        for statement in (
            "DROP TABLE feed_items",
            "DROP TABLE feeds",
            "DROP INDEX articles_supersedes",
            "ALTER TABLE articles DROP COLUMN supersedes",
            "DELETE FROM schema_migrations WHERE version = 7",
        ):
            db.execute(statement)
    with open_store(store_target) as store:  # opening for writing migrates
        assert store.has_article(kept.article.id)
        assert _db(store).scalar("SELECT supersedes FROM articles") is None
        store.save_feed_state(FeedState(FEED, etag='"v"'))
        assert store.feed_state(FEED) == FeedState(FEED, etag='"v"')
