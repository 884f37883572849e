"""The pure parts of the feed watcher: feed lists, item identity, when to poll next."""

from __future__ import annotations

import doctest
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsledger.ingest import watch
from newsledger.ingest.feeds import FeedEntry
from newsledger.ingest.watch import (
    HostPacer,
    after_failure,
    after_success,
    backoff_seconds,
    conditional_headers,
    content_hash,
    feed_list,
    is_due,
    item_key,
    retry_after_seconds,
)
from newsledger.models import FeedState

NOW = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)
A = "https://a.example/rss"
B = "http://b.example:8080/feed.xml"


def test_docstring_examples() -> None:
    assert doctest.testmod(watch).failed == 0


# --- feed lists ---------------------------------------------------------------------

OPML = f"""<?xml version="1.0"?>
<opml version="2.0"><head><title>subs</title></head><body>
  <outline text="Business"><outline text="A" type="rss" xmlUrl="{A}"/>
    <outline text="nested"><outline text="B" xmlUrl=" {B} "/></outline></outline>
  <outline text="no feed here"/>
</body></opml>"""

LIST_CASES = {
    "urls as arguments, once each": ({}, [A, B, A], [A, B], []),
    "a file, one URL a line": (
        {"feeds.txt": f"# business\n{A}\n\n  {B}  \n"},
        ["feeds.txt"],
        [A, B],
        [],
    ),
    "a bad line is named by file and line; the rest go on": (
        {"feeds.txt": f"{A}\nftp://c.example/rss\n{B}\n"},
        ["feeds.txt"],
        [A, B],
        ["feeds.txt:2: NL106"],
    ),
    "an OPML file, nested outlines too": ({"subs.opml": OPML}, ["subs.opml"], [A, B], []),
    "OPML that is not XML": (
        {"subs.opml": "<opml><body><outline xmlUrl='x'>"},
        ["subs.opml", A],
        [A],
        ["subs.opml: NL106"],
    ),
    "neither URL nor file": ({}, ["nowhere.txt", B], [B], ["nowhere.txt: NL101"]),
    "a NUL in an argument": (
        {},
        ["http://a\x00.example/", B],
        [B],
        ["'http://a\\x00.example/': NL106"],
    ),
    "undecodable argv bytes": ({}, ["feeds\udcff.txt"], [], ["'feeds\\udcff.txt': NL106"]),
    "a binary file": ({"feeds.bin": "\x00\x01\x02" * 100}, ["feeds.bin"], [], ["feeds.bin: NL103"]),
}


@pytest.mark.parametrize(
    ("files", "sources", "urls", "errors"), LIST_CASES.values(), ids=LIST_CASES.keys()
)
def test_feed_list(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str],
    sources: list[str],
    urls: list[str],
    errors: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = feed_list(sources)
    assert list(found.urls) == urls
    assert [f"{f.input}: {f.code}" for f in found.failures] == errors


# --- item identity -------------------------------------------------------------------


def _entry(guid: str | None = "g1", link: str | None = A + "/1", **changes: str) -> FeedEntry:
    entry = FeedEntry(1, guid, link, "Acme cuts jobs", "Acme cut 500 jobs.", None, "Wire")
    return replace(entry, **changes)


@pytest.mark.parametrize(
    ("entry", "key"),
    [
        (_entry(), "g1"),
        (_entry(guid=None), A + "/1"),
        (_entry(guid=None, link=None), "content:" + content_hash(_entry(guid=None, link=None))),
    ],
    ids=["guid first", "else link", "else content"],
)
def test_item_key(entry: FeedEntry, key: str) -> None:
    assert item_key(entry) == key


def test_content_hash_changes_with_what_the_item_says_only() -> None:
    base = content_hash(_entry())
    assert content_hash(_entry(guid="other")) == base  # the key is not content
    assert content_hash(_entry(text="Acme cut 700 jobs.")) != base
    assert content_hash(_entry(title="Acme cuts more jobs")) != base
    assert content_hash(_entry(link=A + "/2")) != base


# --- when to poll -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("failures", "seconds"),
    [(1, 120.0), (2, 240.0), (3, 480.0), (4, 600.0), (40, 600.0)],
    ids=["first", "second", "third", "capped", "long dead"],
)
def test_backoff_doubles_up_to_the_cap(failures: int, seconds: float) -> None:
    assert backoff_seconds(failures, 60, 600) == seconds


def test_backoff_never_shorter_than_the_interval() -> None:
    assert backoff_seconds(1, 60, 10) == 60.0


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 0 ", 0.0),
        ("Tue, 01 Dec 2026 05:02:00 GMT", 120.0),
        ("Tue, 01 Dec 2026 04:00:00 GMT", 0.0),
        ("99999999", 86_400.0),
        ("soon", None),
        ("-5", None),
        ("", None),
        (None, None),
    ],
    ids=[
        "seconds",
        "zero",
        "http date",
        "date past",
        "capped at a day",
        "words",
        "negative",
        "empty",
        "absent",
    ],
)
def test_retry_after(header: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(header, NOW) == seconds


def test_success_keeps_validators_a_304_leaves_out_and_clears_failures() -> None:
    failing = FeedState(A, etag='"v1"', last_modified="Mon", failures=3, last_error="HTTP 500")
    state = after_success(failing, {}, now=NOW, interval=60, new=0)
    assert (state.etag, state.last_modified) == ('"v1"', "Mon")
    assert (state.failures, state.last_error, state.last_new) == (0, None, None)
    assert state.next_poll == NOW + timedelta(seconds=60)
    fresh = after_success(state, {"etag": '"v2"'}, now=NOW, interval=60, new=2)
    assert (fresh.etag, fresh.last_modified, fresh.last_new) == ('"v2"', "Mon", NOW)


@pytest.mark.parametrize(
    ("retry_after", "wait"),
    [(None, 120.0), (30.0, 120.0), (3600.0, 3600.0)],
    ids=["backoff", "shorter Retry-After", "longer Retry-After"],
)
def test_failure_waits_the_longer_of_backoff_and_retry_after(
    retry_after: float | None, wait: float
) -> None:
    state = after_failure(
        FeedState(A, etag='"v1"'),
        "HTTP 429",
        now=NOW,
        interval=60,
        max_backoff=600,
        retry_after=retry_after,
    )
    assert state.next_poll == NOW + timedelta(seconds=wait)
    assert (state.failures, state.last_error, state.etag) == (1, "HTTP 429", '"v1"')


@pytest.mark.parametrize(
    ("state", "due"),
    [
        (None, True),
        (FeedState(A), True),
        (FeedState(A, next_poll=NOW), True),
        (FeedState(A, next_poll=NOW + timedelta(seconds=1)), False),
    ],
    ids=["never seen", "never polled", "due now", "not yet"],
)
def test_is_due(state: FeedState | None, due: bool) -> None:
    assert is_due(state, NOW) is due


def test_conditional_headers() -> None:
    assert conditional_headers(None) == {}
    assert conditional_headers(FeedState(A, etag='"v"', last_modified="Mon")) == {
        "If-None-Match": '"v"',
        "If-Modified-Since": "Mon",
    }


def test_host_pacer_spaces_requests_per_host() -> None:
    pacer = HostPacer(1.0)
    pacer.sent(A, now=100.0)
    assert pacer.wait(A + "/page", now=100.25) == 0.75  # same host, other path
    assert pacer.wait(B, now=100.25) == 0.0
    assert pacer.wait("https://A.example/x", now=101.5) == 0.0
