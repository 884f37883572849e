"""``newsledger watch``: keep a store current from feeds, round after round.

Each round polls the feeds that are due, with a conditional GET (the ETag and
Last-Modified the store kept) and at least ``host_delay`` seconds between two
requests to one host. A new or changed item's linked page is fetched and
extracted (trafilatura), else the item's own text is used; the article, its
facts and the item's record are stored in one transaction, so a crash or a kill
leaves each article whole or absent. A feed's validators and next due time are
stored only after its items, so a restart reads an interrupted feed again and
skips what it already has. A feed that fails (network, HTTP error, not a feed)
backs off exponentially; 429 and 503 honour ``Retry-After``. A host that asks
for a pause (429/503, on a feed or a page) gets no request until it is over: its
items wait (they are neither stored nor marked seen) and their feed is read in
full at its next poll, so they are taken in then.

Stopping: :class:`Watcher` checks its ``stop`` event between articles and
between feeds, and sleeps on it between rounds; the CLI sets it on SIGINT and
SIGTERM.

>>> from newsledger import load_settings, open_store            # doctest: +SKIP
>>> with open_store("ledger.db") as store:                       # doctest: +SKIP
...     watcher = Watcher(store, load_settings(), WatchOptions(interval=600))
...     (summary,) = watcher.run(["https://example.com/business.rss"], once=True)
>>> summary.new                                                  # doctest: +SKIP
12
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from newsledger.config import Settings
from newsledger.errors import FetchError, InputError, NoTextError
from newsledger.ingest.feeds import FeedEntry, entry_article, read_feed
from newsledger.ingest.html import html_article
from newsledger.ingest.text import Defaults, decode_bytes
from newsledger.ingest.watch import (
    BUSY_STATUSES,
    NOT_MODIFIED,
    HostPacer,
    after_failure,
    after_success,
    conditional_headers,
    content_hash,
    is_due,
    item_key,
    retry_after_seconds,
)
from newsledger.ingest.web import Reply, http_client, http_get, is_url
from newsledger.models import Article, Extraction, Failure, FeedState, SeenItem
from newsledger.pipeline import Extractor, refresh_totals
from newsledger.store import Store

if TYPE_CHECKING:
    import httpx

_OK = 200


@dataclass(frozen=True)
class WatchOptions:
    """How often and how politely to poll; seconds throughout."""

    interval: float = 900.0  # a news feed changes a few times an hour
    host_delay: float = 1.0  # one request a second to a host is the usual crawler courtesy
    max_backoff: float = 21_600.0  # a dead feed is still tried every six hours
    timeout: float = 20.0

    def __post_init__(self) -> None:
        for name in ("interval", "host_delay", "max_backoff", "timeout"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be 0 or more, got {getattr(self, name)}")


@dataclass
class RoundSummary:
    """What one round did. Mutable: the round fills it in as it goes."""

    number: int = 0
    polled: int = 0
    unchanged: int = 0
    new: int = 0
    updated: int = 0
    known: int = 0
    failed_feeds: int = 0
    failed_items: int = 0
    deferred: int = 0  # items whose page's host asked for a pause: taken in next time
    waiting: int = 0  # feeds not due yet (their interval or backoff)
    stopped: bool = False

    def line(self) -> str:
        """One line for the round, e.g. ``round 2: 3 feeds polled (1 unchanged) ...``."""
        stopped = "; stopped" if self.stopped else ""
        return (
            f"round {self.number}: {self.polled} feeds polled ({self.unchanged} unchanged),"
            f" {self.waiting} waiting, {self.failed_feeds} failed;"
            f" {self.new} new articles ({self.updated} updated versions),"
            f" {self.known} already known, {self.failed_items} items failed,"
            f" {self.deferred} deferred{stopped}"
        )


def _now() -> datetime:
    return datetime.now(UTC)


class Watcher:
    """Polls feeds into a store. One instance per process; not thread-safe.

    ``echo`` gets one line per new article and one per round; ``warn`` one line
    per error (naming the feed or item). The spaCy pipeline is loaded on the
    first article that needs it, so a round of unchanged feeds loads nothing.
    """

    def __init__(
        self,
        store: Store,
        settings: Settings,
        options: WatchOptions | None = None,
        *,
        extractor: Extractor | None = None,
        stop: threading.Event | None = None,
        echo: Callable[[str], None] = print,
        warn: Callable[[str], None] = print,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.store = store
        self.settings = settings
        self.options = options or WatchOptions()
        self.stop = stop or threading.Event()
        self.echo = echo
        self.warn = warn
        self.clock = clock  # wall time, UTC: due times are stored and outlive the process
        self._extractor = extractor
        self._pacer = HostPacer(self.options.host_delay)
        self._rounds = 0

    # --- the loop ------------------------------------------------------------
    def run(self, feeds: Sequence[str], *, once: bool = False) -> list[RoundSummary]:
        """Rounds until ``stop`` is set (or one round with ``once``); their summaries."""
        if isinstance(feeds, str) or not feeds:
            raise ValueError("feeds must be a non-empty sequence of feed URLs")
        summaries: list[RoundSummary] = []
        with http_client(self.options.timeout) as client:
            while not self.stop.is_set():
                summaries.append(self.round(feeds, client))
                if once:
                    break
                self.stop.wait(self._pause(feeds))
        return summaries

    def _pause(self, feeds: Sequence[str]) -> float:
        """Seconds until the next feed is due and its host not in a pause, at most
        one interval."""
        now = self.clock()
        waits = [self.options.interval]
        for url in feeds:
            state = self.store.feed_state(url)
            due = 0.0
            if state is not None and state.next_poll is not None:
                due = (state.next_poll - now).total_seconds()
            waits.append(max(due, self._pacer.pause_left(url, now=time.monotonic())))
        return max(0.0, min(waits))

    def round(self, feeds: Sequence[str], client: httpx.Client) -> RoundSummary:
        """Poll every due feed once; prints and returns the round's summary."""
        self._rounds += 1
        summary = RoundSummary(number=self._rounds)
        for url in feeds:
            if self.stop.is_set():
                summary.stopped = True
                break
            state = self.store.feed_state(url)
            if not is_due(state, self.clock()) or self._held(url):
                summary.waiting += 1
                continue
            self._poll(client, state or FeedState(url), summary)
        refresh_totals(self.store)  # the end of a batch: the round's companies' totals
        summary.stopped = summary.stopped or self.stop.is_set()
        self.echo(summary.line())
        return summary

    # --- one feed --------------------------------------------------------------
    def _poll(self, client: httpx.Client, state: FeedState, summary: RoundSummary) -> None:
        summary.polled += 1
        try:
            reply = self._get(client, state.url, conditional_headers(state))
        except InputError as err:
            self._failed(state, str(err), summary)
            return
        if reply is None:  # stopped while waiting for the host
            return
        if reply.status == NOT_MODIFIED:
            summary.unchanged += 1
            self._succeeded(state, reply, new=0)
            return
        if reply.status != _OK:
            retry = self._hold(state.url, reply) if reply.status in BUSY_STATUSES else None
            error = f"{state.url}: {FetchError.code} answered HTTP {reply.status}"
            self._failed(state, error, summary, retry_after=retry)
            return
        try:
            entries = read_feed(decode_bytes(reply.data, state.url), state.url, Defaults())
        except InputError as err:
            self._failed(state, str(err), summary)
            return
        deferred = summary.deferred
        new = self._take_items(client, state.url, entries, summary)
        if not self.stop.is_set():  # an interrupted feed is read again on restart
            self._succeeded(state, reply, new=new, complete=summary.deferred == deferred)

    def _succeeded(
        self, state: FeedState, reply: Reply, *, new: int, complete: bool = True
    ) -> None:
        interval = self.options.interval
        later = after_success(state, reply.headers, now=self.clock(), interval=interval, new=new)
        if not complete:  # no validators: the next poll reads the feed whole, deferred items too
            later = replace(later, etag=None, last_modified=None)
        self._save_state(later)

    def _held(self, url: str) -> bool:
        return self._pacer.held(url, now=time.monotonic())

    def _hold(self, url: str, reply: Reply) -> float | None:
        """Pause ``url``'s host as its 429/503 asked (else for one interval); the
        Retry-After in seconds, if it gave one."""
        retry = retry_after_seconds(reply.headers.get("retry-after"), self.clock())
        pause = self.options.interval if retry is None else retry
        self._pacer.hold(url, pause, now=time.monotonic())
        return retry

    def _failed(
        self,
        state: FeedState,
        error: str,
        summary: RoundSummary,
        *,
        retry_after: float | None = None,
    ) -> None:
        summary.failed_feeds += 1
        now = self.clock()
        later = after_failure(
            state,
            error,
            now=now,
            interval=self.options.interval,
            max_backoff=self.options.max_backoff,
            retry_after=retry_after,
        )
        assert later.next_poll is not None  # after_failure always sets it
        wait = (later.next_poll - now).total_seconds()
        self.warn(f"error: {error} (failure {later.failures}; next try in {wait:.0f}s)")
        self._save_state(later)

    def _save_state(self, state: FeedState) -> None:
        self.store.save_feed_state(state)

    def _get(self, client: httpx.Client, url: str, headers: dict[str, str]) -> Reply | None:
        """GET after the host's delay; None when stopped while waiting."""
        wait = self._pacer.wait(url, now=time.monotonic())
        if wait > 0 and self.stop.wait(wait):
            return None
        try:
            return http_get(client, url, max_bytes=self.settings.max_bytes, headers=headers)
        finally:
            self._pacer.sent(url, now=time.monotonic())

    # --- items -----------------------------------------------------------------
    def _take_items(
        self,
        client: httpx.Client,
        feed_url: str,
        entries: Sequence[FeedEntry],
        summary: RoundSummary,
    ) -> int:
        """Store each new or changed item; the number stored."""
        stored = 0
        for entry in entries:
            if self.stop.is_set():
                break
            key, digest = item_key(entry), content_hash(entry)
            seen = self.store.seen_item(feed_url, key)
            if seen is not None and seen.content_hash == digest:
                continue
            item = SeenItem(feed_url, key, digest, None)
            previous = seen.article_id if seen is not None else None
            stored += self._take_item(client, entry, item, previous, summary)
        return stored

    def _take_item(
        self,
        client: httpx.Client,
        entry: FeedEntry,
        item: SeenItem,
        previous: str | None,
        summary: RoundSummary,
    ) -> int:
        where = f"{item.feed_url}#item {entry.number}"
        try:
            made = self._article(client, entry, where)
        except _Busy:
            summary.deferred += 1
            return 0
        if made is None:
            return 0
        article, note = made
        if isinstance(article, Failure):
            return self._item_failed(article, summary)
        item = replace(item, article_id=article.id)
        if self.store.has_article(article.id):  # same text as a stored article
            self.store.save_seen_item(item)
            summary.known += 1
            return 0
        result = self.extractor.extract_safely([article])[0]
        if isinstance(result, Failure):
            return self._item_failed(result, summary)
        duplicate_of = self.store.near_duplicate_of(article, self.settings.near_duplicate_threshold)
        saved = self.store.save_seen_item(
            item, result, duplicate_of=duplicate_of, supersedes=previous
        )
        if not saved:
            summary.known += 1
            return 0
        summary.new += 1
        summary.updated += previous is not None
        self.echo(_article_line(result, previous, note))
        return 1

    def _item_failed(self, failure: Failure, summary: RoundSummary) -> int:
        summary.failed_items += 1
        self.store.save_failure(failure)
        self.warn(f"error: {failure.line()}")
        return 0

    def _article(
        self, client: httpx.Client, entry: FeedEntry, where: str
    ) -> tuple[Article | Failure, str] | None:
        """The item's linked page as an article, else its own text (with a note why);
        None when stopped while waiting for the page's host; _Busy when that host
        asked for a pause."""
        defaults = Defaults(entry.published, entry.source)
        note = "no link"
        if entry.link and is_url(entry.link):
            if self._held(entry.link):
                raise _Busy
            try:
                reply = self._get(client, entry.link, {})
                if reply is None:
                    return None
                if reply.status in BUSY_STATUSES:
                    self._hold(entry.link, reply)
                    self.warn(
                        f"{where}: {entry.link} answered HTTP {reply.status};"
                        " its host's items wait for a later round"
                    )
                    raise _Busy
                if reply.status != _OK:
                    raise FetchError(f"answered HTTP {reply.status}", entry.link)
                page = decode_bytes(reply.data, entry.link)
                article = html_article(page, entry.link, defaults, url=reply.url)
                return _with_entry(article, entry), "page"
            except InputError as err:
                note = f"item text, page {err.code}"
        if not entry.text:
            bad = NoTextError("has no text, and its page could not be had", where)
            return Failure(where, bad.stage, bad.code, f"{bad.reason} ({note})"), note
        return entry_article(entry, where), note

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = Extractor(self.settings)
        return self._extractor


class _Busy(Exception):
    """The page's host asked for a pause: the item waits for a later round."""


def _with_entry(article: Article, entry: FeedEntry) -> Article:
    """The page's article with the feed's word on title, date and outlet where the
    page had none (the feed's date wins: pages often carry only their update time)."""
    return replace(
        article,
        title=article.title or entry.title,
        published=entry.published or article.published,
        source=article.source or entry.source,
    )


def _article_line(result: Extraction, previous: str | None, note: str) -> str:
    """``new 3c47a88a82b8b8aa  Acme cuts jobs  [The Wire]  2 events, 1 quotes (page)``."""
    article = result.article
    kind = f"updated {article.id} (supersedes {previous})" if previous else f"new {article.id}"
    facts = f"{len(result.events)} events, {len(result.quotes)} quotes"
    title = article.title or article.text[:60]
    return f"{kind}  {title}  [{article.source or '-'}]  {facts} ({note})"
