"""The pure parts of ``newsledger watch``: which feeds, which items, when to poll.

* :func:`feed_list` reads the feeds to watch from URLs, files of one URL a line
  and OPML files;
* :func:`item_key` and :func:`content_hash` say which item a feed entry is and
  whether it changed;
* :func:`after_success` and :func:`after_failure` turn a poll's outcome into the
  feed's next state: the next due time, with exponential backoff on errors and a
  server's ``Retry-After`` honoured;
* :class:`HostPacer` keeps a delay between two requests to the same host.

The I/O loop that uses them is ``newsledger.watcher``.

>>> from datetime import UTC, datetime
>>> now = datetime(2026, 12, 1, tzinfo=UTC)
>>> state = after_failure(FeedState("https://w.example/rss"), "HTTP 500", now=now,
...                       interval=60, max_backoff=3600)
>>> state.failures, (state.next_poll - now).total_seconds()
(1, 120.0)
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from newsledger.errors import InputError, MalformedRecord, MissingInput
from newsledger.ingest.feeds import FeedEntry
from newsledger.ingest.text import decode_bytes, unstorable
from newsledger.ingest.web import is_url
from newsledger.models import Failure, FeedState

# A server may ask for any pause; past a day it is more likely a misconfiguration
# than a plan, and a day is the longest a watcher should go without looking.
MAX_RETRY_AFTER = 86_400.0
# Statuses that say "not now" rather than "broken": Retry-After applies to them.
BUSY_STATUSES = frozenset((429, 503))
NOT_MODIFIED = 304
# Backoff starts from the interval, but from at least a second: with --interval 0
# (poll as fast as the host delay allows) a failing feed must still wait.
MIN_BACKOFF_BASE = 1.0


# --- which feeds ---------------------------------------------------------------


@dataclass(frozen=True)
class FeedList:
    """The feed URLs to watch, in the order given, once each; and what could not be read."""

    urls: tuple[str, ...]
    failures: tuple[Failure, ...] = ()


def _failure(err: InputError) -> Failure:
    return Failure(err.input or "?", err.stage, err.code, err.reason)


def opml_urls(text: str, origin: str) -> list[str]:
    """The ``xmlUrl`` of every outline of an OPML document, nested ones included.

    >>> opml_urls('<opml><body><outline text="News"><outline xmlUrl="https://a.example/rss"'
    ...           '/></outline></body></opml>', "subs.opml")
    ['https://a.example/rss']
    """
    import lxml.etree  # lxml ships no type hints

    try:
        root = lxml.etree.fromstring(text.encode("utf-8"), parser=lxml.etree.XMLParser())
    except lxml.etree.XMLSyntaxError as err:
        raise MalformedRecord(f"is not valid OPML ({err})", origin) from err
    found = (node.get("xmlUrl") or node.get("xmlurl") for node in root.iter("outline"))
    return [url.strip() for url in found if url and url.strip()]


def _list_lines(text: str, origin: str) -> tuple[list[str], list[Failure]]:
    urls: list[str] = []
    failures: list[Failure] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if is_url(line):
            urls.append(line)
        else:
            bad = MalformedRecord(f"is not an http(s) URL: {line[:80]!r}", f"{origin}:{number}")
            failures.append(_failure(bad))
    return urls, failures


def _read_source(source: str) -> tuple[list[str], list[Failure]]:
    reason = unstorable(source)  # a NUL (Python API) or undecodable bytes (argv)
    if reason is not None:
        return [], [_failure(MalformedRecord(f"is no URL or path: it {reason}", ascii(source)))]
    if is_url(source):
        return [source], []
    path = Path(source)
    try:
        if not path.is_file():
            raise MissingInput("is neither an http(s) URL nor a file", source)
        text = decode_bytes(path.read_bytes(), source)
        if "<opml" in text[:2048].lower():
            return opml_urls(text, source), []
        return _list_lines(text, source)
    except OSError as err:
        return [], [_failure(InputError(f"cannot be read ({err.strerror or err})", source))]
    except InputError as err:
        return [], [_failure(err)]


def feed_list(sources: Sequence[str]) -> FeedList:
    """Feed URLs from arguments: a URL is itself, a file is an OPML subscription list
    or one URL a line (blank lines and ``#`` comments skipped).

    >>> feed_list(["https://a.example/rss", "https://a.example/rss", "nowhere.txt"]).urls
    ('https://a.example/rss',)
    """
    urls: dict[str, None] = {}  # ordered, once each
    failures: list[Failure] = []
    for source in sources:
        found, bad = _read_source(source)
        urls.update(dict.fromkeys(found))
        failures.extend(bad)
    return FeedList(tuple(urls), tuple(failures))


# --- which item ------------------------------------------------------------------


def content_hash(entry: FeedEntry) -> str:
    """What an item says (title, text, link), hashed: a change means a new version."""
    content = json.dumps([entry.title, entry.text, entry.link], ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:32]


def item_key(entry: FeedEntry) -> str:
    """How an item is known from one poll to the next: its guid, else its link, else
    (an item with neither) its content.

    >>> from newsledger.ingest.feeds import FeedEntry
    >>> item_key(FeedEntry(1, None, "https://w.example/a", "A", "Text.", None, None))
    'https://w.example/a'
    """
    return entry.guid or entry.link or f"content:{content_hash(entry)}"


# --- when to poll ----------------------------------------------------------------


def is_due(state: FeedState | None, now: datetime) -> bool:
    """Never polled, or its next poll time has come."""
    return state is None or state.next_poll is None or state.next_poll <= now


def backoff_seconds(failures: int, interval: float, max_backoff: float) -> float:
    """The wait after ``failures`` consecutive failures: the interval (at least
    :data:`MIN_BACKOFF_BASE`) doubled each time, at most ``max_backoff`` (but never
    less than the interval).

    >>> [backoff_seconds(n, 10, 60) for n in (1, 2, 3, 4)], backoff_seconds(2, 0, 60)
    ([20.0, 40.0, 60.0, 60.0], 4.0)
    """
    base = max(float(interval), MIN_BACKOFF_BASE)
    doubled = base * 2.0 ** min(failures, 32)  # 2**32 intervals is forever already
    return max(float(interval), min(doubled, float(max_backoff)))


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """A ``Retry-After`` header (seconds, or an HTTP date) as seconds from ``now``;
    ``None`` when absent or unreadable, at most :data:`MAX_RETRY_AFTER`.

    >>> now = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)
    >>> retry_after_seconds("120", now), retry_after_seconds("Tue, 01 Dec 2026 05:01:00 GMT", now)
    (120.0, 60.0)
    >>> retry_after_seconds("soon", now) is None
    True
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        seconds = float(text)
    else:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        when = when.replace(tzinfo=UTC) if when.tzinfo is None else when
        seconds = (when - now).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def after_success(
    state: FeedState, headers: Mapping[str, str], *, now: datetime, interval: float, new: int
) -> FeedState:
    """The state after a 200 or 304: validators kept (a 304 may omit them), failures
    cleared, due again after ``interval`` seconds."""
    return replace(
        state,
        etag=headers.get("etag") or state.etag,
        last_modified=headers.get("last-modified") or state.last_modified,
        last_polled=now,
        last_new=now if new else state.last_new,
        failures=0,
        next_poll=now + timedelta(seconds=interval),
        last_error=None,
    )


def after_failure(
    state: FeedState,
    error: str,
    *,
    now: datetime,
    interval: float,
    max_backoff: float,
    retry_after: float | None = None,
) -> FeedState:
    """The state after a failed poll: one more failure, due again after the backoff,
    or later if the server asked for a longer pause (``Retry-After``)."""
    failures = state.failures + 1
    wait = max(backoff_seconds(failures, interval, max_backoff), retry_after or 0.0)
    return replace(
        state,
        last_polled=now,
        failures=failures,
        next_poll=now + timedelta(seconds=wait),
        last_error=error,
    )


def conditional_headers(state: FeedState | None) -> dict[str, str]:
    """``If-None-Match`` / ``If-Modified-Since`` from the validators last seen.

    >>> conditional_headers(FeedState("u", etag='"v1"'))
    {'If-None-Match': '"v1"'}
    """
    headers: dict[str, str] = {}
    if state is not None and state.etag:
        headers["If-None-Match"] = state.etag
    if state is not None and state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


def host_of(url: str) -> str:
    """The host (and port) a request goes to, which the per-host delay is kept for.

    >>> host_of("https://News.example:8443/rss?x=1")
    'news.example:8443'
    """
    return urlsplit(url).netloc.lower()


@dataclass
class HostPacer:
    """At least ``delay`` seconds between two requests to one host, and no request
    to a host that asked for a pause (429/503) until the pause is over.

    Times are whatever monotonic clock the caller reads; nothing here sleeps.

    >>> pacer = HostPacer(2.0)
    >>> pacer.wait("http://a.example/1", now=10.0), pacer.sent("http://a.example/1", now=10.0)
    (0.0, None)
    >>> pacer.wait("http://a.example/2", now=11.5), pacer.wait("http://b.example/", now=11.5)
    (0.5, 0.0)
    >>> pacer.hold("http://b.example/feed", 60, now=11.5)
    >>> pacer.pause_left("http://b.example/page", now=70.0)
    1.5
    >>> pacer.held("http://b.example/page", now=70.0), pacer.held("http://b.example/", now=72.0)
    (True, False)
    """

    delay: float
    _last: dict[str, float] = field(default_factory=dict)
    _held: dict[str, float] = field(default_factory=dict)

    def hold(self, url: str, seconds: float, *, now: float) -> None:
        """``url``'s host asked for ``seconds`` of quiet."""
        host = host_of(url)
        self._held[host] = max(self._held.get(host, now), now + seconds)

    def pause_left(self, url: str, *, now: float) -> float:
        """Seconds left of the pause ``url``'s host asked for (0 when none)."""
        return max(0.0, self._held.get(host_of(url), now) - now)

    def held(self, url: str, *, now: float) -> bool:
        """Whether ``url``'s host is still in a pause it asked for."""
        return self.pause_left(url, now=now) > 0

    def wait(self, url: str, *, now: float) -> float:
        """Seconds to wait before a request to ``url``'s host may go."""
        last = self._last.get(host_of(url))
        return 0.0 if last is None else max(0.0, last + self.delay - now)

    def sent(self, url: str, *, now: float) -> None:
        """Note that a request to ``url``'s host went at ``now``."""
        self._last[host_of(url)] = now
