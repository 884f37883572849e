"""``newsledger watch`` against a real local HTTP server whose feeds change between
rounds: new items come in, an unchanged feed answers 304 and nothing is taken in
again, a changed item becomes a new version linked to the old one, a dead feed
backs off while the others go on, 429 honours Retry-After; and a watcher killed
(-9) mid-round and restarted loses nothing and duplicates nothing.

The in-process rounds run on a clock the test moves, so nothing waits for real
time; the subprocess tests use the real CLI.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import newsledger
from feed_server import FeedSite, Item, Resource, page, rss, serving
from newsledger.config import load_settings
from newsledger.pipeline import Extractor
from newsledger.store import Store, open_store
from newsledger.watcher import RoundSummary, Watcher, WatchOptions
from pg_server import pg_base_url, store_target

__all__ = ["pg_base_url", "store_target"]

T0 = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)
INTERVAL = 60.0  # seconds of the test's clock; no test waits for them

KEELSON = [
    "Keelson Marine said on Monday it would cut 300 jobs at its shipyard in Hull, "
    "about 10% of its workforce, as orders for ferries dried up.",
    "The company said the cuts would be completed by the end of next year.",
]
KEELSON_V2 = [
    "Keelson Marine said on Monday it would cut 450 jobs at its shipyard in Hull, "
    "more than it had first announced, as orders for ferries dried up.",
    "The company said the cuts would be completed by the end of next year.",
]
TIDEWATER = "Tidewater Rope will cut 60 jobs at its mill in Grimsby, a spokeswoman said."
BRINE = [
    "Brine Foods reported a net loss of £12 million for the year to March, "
    "against a profit of £3 million a year earlier.",
    "Chief executive Mara Olsen said the company would close two plants.",
]


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def site() -> Iterator[FeedSite]:
    """A fresh server per test: its request log starts empty."""
    with serving() as s:
        yield s


@pytest.fixture
def other_site() -> Iterator[FeedSite]:
    """A second server: another host (host and port) to the watcher."""
    with serving() as s:
        yield s


def _round(store: Store, extractor: Extractor, clock: Clock, feeds: list[str]) -> RoundSummary:
    """One round by a fresh Watcher: all it knows comes from the store, as after a restart."""
    lines: list[str] = []
    options = WatchOptions(interval=INTERVAL, host_delay=0, max_backoff=600, timeout=5)
    watcher = Watcher(
        store,
        load_settings({}),
        options,
        extractor=extractor,
        echo=lines.append,
        warn=lines.append,
        clock=clock,
    )
    (summary,) = watcher.run(feeds, once=True)
    assert lines[-1] == summary.line()
    return summary


def _db(store: Store) -> Any:
    return store.db  # type: ignore[attr-defined]


def _counts(summary: RoundSummary) -> tuple[int, ...]:
    s = summary
    return (s.polled, s.unchanged, s.waiting, s.failed_feeds, s.new, s.updated)


@pytest.mark.model
def test_rounds_against_changing_feeds(
    site: FeedSite, other_site: FeedSite, store_target: str, extractor: Extractor
) -> None:
    a1 = Item("a-1", site.url("/a/1"), "Keelson Marine to cut 300 jobs", "Keelson cuts jobs.")
    a2 = Item("a-2", site.url("/a/2"), "Tidewater Rope trims staff", TIDEWATER)
    b1 = Item(None, site.url("/b/1"), "Brine Foods swings to a loss", "Brine Foods results.")
    site.put("/a/1", page(a1.title, KEELSON))  # /a/2 has no page: the item's text is used
    site.put("/b/1", page(b1.title, BRINE))
    feed_a = site.put("/a.xml", Resource(rss("Harbour Wire", [a1, a2])))
    feed_b = site.put("/b.xml", Resource(rss("Coast News", [b1])))
    dead = site.put("/dead.xml", Resource(b"oops", status=500, content_type="text/plain"))
    later = Resource(b"later", status=429, headers={"Retry-After": "3600"})
    busy = other_site.put("/busy.xml", later)  # another host: its pause is not site's
    feeds = [feed_a, dead, busy, feed_b]
    clock = Clock()
    with open_store(store_target) as store:
        db = _db(store)
        first = _round(store, extractor, clock, feeds)
        assert _counts(first) == (4, 0, 0, 2, 3, 0)
        texts = {r["url"]: r["text"] for r in db.rows("SELECT url, text FROM articles")}
        assert "Keelson Marine said on Monday it would cut 300 jobs" in texts[a1.link]
        assert texts[a2.link] == TIDEWATER  # the page answered 404
        assert "Mara Olsen" in texts[b1.link]
        assert store.feed_state(dead).failures == 1  # type: ignore[union-attr]
        busy_state = store.feed_state(busy)
        assert busy_state is not None and busy_state.failures == 1
        assert busy_state.next_poll == T0 + timedelta(seconds=3600)  # Retry-After honoured
        assert store.feed_state(feed_a).etag == site.get("/a.xml").etag  # type: ignore[union-attr]

        clock.advance(INTERVAL + 1)  # feeds due again; the dead one is backing off
        second = _round(store, extractor, clock, feeds)
        assert _counts(second) == (2, 2, 2, 0, 0, 0)
        assert [h.status for h in site.hits("/a.xml")] == [200, 304]
        assert site.hits("/a.xml")[-1].if_none_match == site.get("/a.xml").etag  # type: ignore[union-attr]
        assert db.scalar("SELECT count(*) FROM articles") == 3

        # the wire updates a-1 and adds a-3
        a1_v2 = Item("a-1", a1.link, "Keelson Marine to cut 450 jobs", "Keelson cuts more jobs.")
        a3 = Item("a-3", site.url("/a/3"), "Brine Foods closes plants", BRINE[1] + " " + TIDEWATER)
        site.put("/a/1", page(a1_v2.title, KEELSON_V2))
        site.put("/a.xml", Resource(rss("Harbour Wire", [a3, a1_v2, a2]), last_modified="x"))
        old_a1 = db.scalar("SELECT article_id FROM feed_items WHERE item_key = 'a-1'")
        clock.advance(INTERVAL + 1)
        third = _round(store, extractor, clock, feeds)
        assert _counts(third) == (3, 1, 1, 1, 2, 1)
        new_a1 = db.scalar("SELECT article_id FROM feed_items WHERE item_key = 'a-1'")
        assert new_a1 != old_a1
        assert store.article_row(new_a1)["supersedes"] == old_a1  # type: ignore[index]
        assert "450 jobs" in db.scalar("SELECT text FROM articles WHERE id = ?", (new_a1,))
        assert db.scalar("SELECT count(*) FROM articles WHERE id = ?", (old_a1,)) == 1  # kept
        assert store.feed_state(dead).failures == 2  # type: ignore[union-attr]

        clock.advance(INTERVAL + 1)
        fourth = _round(store, extractor, clock, feeds)
        assert _counts(fourth) == (2, 2, 2, 0, 0, 0)
        assert len(site.hits("/dead.xml")) == 2  # while /a.xml was asked 4 times
        assert len(site.hits("/a.xml")) == 4
        assert len(other_site.hits("/busy.xml")) == 1

        # past Retry-After the busy feed is asked again, and now it answers
        other_site.put("/busy.xml", Resource(rss("Busy", [Item("z", None, "Short", TIDEWATER)])))
        clock.now = T0 + timedelta(seconds=3601)
        fifth = _round(store, extractor, clock, feeds)
        assert (fifth.failed_feeds, fifth.new, fifth.known) == (1, 0, 1)  # same text as a-2
        assert store.feed_state(busy).failures == 0  # type: ignore[union-attr]
        assert db.scalar("SELECT count(*) FROM articles") == 5
        assert db.scalar("SELECT count(*) FROM feed_items") == 5


@pytest.mark.model
def test_a_page_host_that_asks_for_a_pause_defers_its_items(
    site: FeedSite, other_site: FeedSite, tmp_path: Path, extractor: Extractor
) -> None:
    pause = {"Retry-After": "120"}
    other_site.put("/p/1", Resource(b"slow down", status=503, headers=pause))
    other_site.put("/p/2", page("Brine Foods swings to a loss", BRINE))
    items = [
        Item("p-1", other_site.url("/p/1"), "Keelson Marine to cut 300 jobs", "Keelson."),
        Item("p-2", other_site.url("/p/2"), "Brine Foods swings to a loss", "Brine."),
    ]
    feed = site.put("/p.xml", Resource(rss("Harbour Wire", items)))
    with open_store(tmp_path / "ledger.db") as store:
        clock = Clock()
        first = _round(store, extractor, clock, [feed])
        assert (first.new, first.deferred, first.failed_items) == (0, 2, 0)
        assert len(other_site.hits("/p/2")) == 0  # its host asked for quiet: not asked
        assert store.feed_state(feed).etag is None  # type: ignore[union-attr]
        assert _db(store).scalar("SELECT count(*) FROM feed_items") == 0
        other_site.put("/p/1", page("Keelson Marine to cut 300 jobs", KEELSON))
        clock.advance(INTERVAL + 1)
        second = _round(store, extractor, clock, [feed])
        assert (second.new, second.deferred) == (2, 0)
        assert [h.if_none_match for h in site.hits("/p.xml")] == [None, None]  # read whole
        assert store.feed_state(feed).etag == site.get("/p.xml").etag  # type: ignore[union-attr]


@pytest.mark.model
def test_a_feed_that_is_not_a_feed_backs_off_and_names_itself(
    site: FeedSite, tmp_path: Path, extractor: Extractor
) -> None:
    url = site.put("/html.xml", page("Not a feed", ["Just a page."]))
    lines: list[str] = []
    with open_store(tmp_path / "ledger.db") as store:
        watcher = Watcher(
            store,
            load_settings({}),
            WatchOptions(interval=INTERVAL, host_delay=0),
            extractor=extractor,
            echo=lines.append,
            warn=lines.append,
            clock=Clock(),
        )
        (summary,) = watcher.run([url], once=True)
        assert (summary.failed_feeds, summary.new) == (1, 0)
        assert lines[0].startswith(f"error: {url}: NL105 is not an RSS or Atom feed")
        assert store.feed_state(url).next_poll == T0 + timedelta(seconds=2 * INTERVAL)  # type: ignore[union-attr]


def test_misuse_is_a_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="interval must be 0 or more"):
        WatchOptions(interval=-1)
    with open_store(tmp_path / "ledger.db") as store:
        watcher = Watcher(store, load_settings({}))
        for feeds in ([], "https://a.example/rss"):
            with pytest.raises(ValueError, match="non-empty sequence"):
                watcher.run(feeds, once=True)


# --- the CLI ------------------------------------------------------------------------


def _cli(*args: str) -> Any:
    from click.testing import CliRunner

    from newsledger.cli import cli

    return CliRunner().invoke(cli, ["watch", *args])


def test_cli_without_any_feed_names_each_bad_input(tmp_path: Path) -> None:
    listed = tmp_path / "feeds.txt"
    listed.write_text("# none yet\nnot a url\n", encoding="utf-8")
    result = _cli(str(listed), str(tmp_path / "missing.opml"), "--db", str(tmp_path / "l.db"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {listed}:2: NL106 is not an http(s) URL: 'not a url' (stage: ingest)",
        f"error: {tmp_path / 'missing.opml'}: NL101 is neither an http(s) URL nor a file"
        " (stage: ingest)",
        "Error: no feed URLs to watch",
    ]


def test_cli_once_unchanged_feed_gets_304_and_a_dead_one_waits(
    site: FeedSite, tmp_path: Path
) -> None:
    quiet = site.put("/quiet.xml", Resource(rss("Quiet Wire", [])))  # no items: no spaCy
    dead = site.put("/gone.xml", Resource(b"oops", status=500, content_type="text/plain"))
    db = ("--db", str(tmp_path / "ledger.db"), "--host-delay", "0")
    first = _cli(quiet, "--once", "--interval", "0", *db)  # due again at once
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines() == [
        "round 1: 1 feeds polled (0 unchanged), 0 waiting, 0 failed; 0 new articles"
        " (0 updated versions), 0 already known, 0 items failed, 0 deferred"
    ]
    failing = _cli(dead, "--once", "--interval", "100", *db)
    assert failing.exit_code == 1  # a feed failed
    assert failing.stderr == (
        f"error: {dead}: NL108 answered HTTP 500 (failure 1; next try in 200s)\n"
    )
    both = _cli(quiet, dead, "--once", "--interval", "0", *db)
    assert both.exit_code == 0, both.output
    assert both.stdout.startswith("round 1: 1 feeds polled (1 unchanged), 1 waiting, 0 failed")
    assert [h.status for h in site.hits("/quiet.xml")] == [200, 304]
    assert len(site.hits("/gone.xml")) == 1


# --- the real CLI in a subprocess -------------------------------------------------

SRC = Path(newsledger.__file__).resolve().parents[1]


def _slow_feed(site: FeedSite, prefix: str, count: int, delay: float = 0.3) -> str:
    """A feed of ``count`` items whose pages each take ``delay`` seconds to come."""
    items = []
    for n in range(count):
        link = site.url(f"/{prefix}/{n}")
        text = [f"Harbour firm number {n} said on Monday it would cut {100 + n} jobs in Hull."]
        resource = page(f"Firm {n} cuts jobs", [*text, f"It is story {n} of {prefix}."])
        resource.delay = delay
        site.put(f"/{prefix}/{n}", resource)
        items.append(Item(f"{prefix}-{n}", link, f"Firm {n} cuts jobs", f"Story {n}."))
    return site.put(f"/{prefix}.xml", Resource(rss("Slow Wire", items)))


def _watch(db: Path, feed: str, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "NEWSLEDGER_DB": str(db)}
    args = ["watch", feed, "--interval", "0.2", "--host-delay", "0", *extra]
    return subprocess.Popen(
        [sys.executable, "-c", "from newsledger.cli import main; main()", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _lines(proc: subprocess.Popen[str]) -> tuple[queue.Queue[str], threading.Thread]:
    """The process's stdout, line by line as it comes; the thread ends with the output."""
    out: queue.Queue[str] = queue.Queue()
    stream = proc.stdout

    def pump() -> None:
        assert stream is not None
        for line in stream:
            out.put(line.rstrip("\n"))

    thread = threading.Thread(target=pump, daemon=True)
    thread.start()
    return out, thread


def _first_article(lines: queue.Queue[str]) -> str:
    while True:
        line = lines.get(timeout=120)
        if line.startswith("new "):
            return line


def _stored(db: Path) -> tuple[int, int, int]:
    with open_store(db) as store:
        d = _db(store)
        return (
            d.scalar("SELECT count(*) FROM articles"),
            d.scalar("SELECT count(DISTINCT url) FROM articles"),
            d.scalar("SELECT count(*) FROM feed_items"),
        )


@pytest.mark.model
def test_kill_9_mid_round_then_restart_loses_and_duplicates_nothing(
    site: FeedSite, tmp_path: Path
) -> None:
    feed = _slow_feed(site, "kill", 6)
    db = tmp_path / "ledger.db"
    proc = _watch(db, feed)
    _first_article(_lines(proc)[0])
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    articles, urls, items = _stored(db)
    assert 1 <= articles < 6  # killed mid-round
    assert articles == urls == items  # each stored article has its item record, once
    again = _watch(db, feed, "--once")
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    taken = [line for line in out.splitlines() if line.startswith("new ")]
    assert len(taken) == 6 - articles
    assert _stored(db) == (6, 6, 6)


@pytest.mark.model
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_after_the_article_in_progress(
    site: FeedSite, tmp_path: Path, stop: signal.Signals
) -> None:
    feed = _slow_feed(site, "term", 6, delay=1.0)
    db = tmp_path / "ledger.db"
    proc = _watch(db, feed)
    lines, pump = _lines(proc)
    site.wait_started("/term/0")  # the first article is in progress: its page is coming
    proc.send_signal(stop)
    assert proc.wait(timeout=120) == 0
    pump.join(timeout=30)
    out = [lines.get() for _ in range(lines.qsize())]
    assert [line.split()[0] for line in out] == ["new", "round"]  # that article, whole
    assert out[-1].endswith("; stopped")
    assert _stored(db) == (1, 1, 1)
    assert site.hits("/term/1") == []
    with open_store(db) as store:  # the interrupted feed is read again in full next time
        assert store.feed_state(feed).etag is None  # type: ignore[union-attr]
