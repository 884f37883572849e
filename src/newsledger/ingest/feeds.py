"""RSS and Atom feeds -> one ``Article`` per item, via ``feedparser``.

An item's full content (``content:encoded``, Atom ``content``) is preferred to
its summary; markup is flattened to paragraphs. The item's ``<source>``, else
the feed's title, is the source; the item's link is its URL. An item with no
text is one failure naming ``feed#item N``; the other items go on.

>>> looks_like_feed('<?xml version="1.0"?><rss version="2.0"><channel>')
True
>>> looks_like_feed("<html><body>hello</body></html>")
False
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from newsledger.errors import MalformedRecord, NoTextError
from newsledger.ingest.dates import from_struct_time, parse_published
from newsledger.ingest.html import fragment_text
from newsledger.ingest.identity import make_article
from newsledger.ingest.text import Defaults, clean_text
from newsledger.models import Article, Failure

_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_SNIFF_CHARS = 2048  # the root element comes after at most a prologue and a few comments
# feedparser turns a numeric character reference into chr(n) unchecked (";" optional):
# one past U+10FFFF, a surrogate ("&#xD800;") or thousands of digits long crashed the
# ingest, and "&#0;" made a NUL. The HTML standard reads each of these as U+FFFD; so do
# we, before parsing.
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
_REPLACEMENT_REF = "&#xFFFD;"


def looks_like_feed(text: str) -> bool:
    """An RSS, Atom or RDF root element near the start of the text."""
    return _FEED_ROOT.search(text[:_SNIFF_CHARS]) is not None


def _safe_char_refs(text: str) -> str:
    """Character references to no character made U+FFFD: "&#xD800;" -> "&#xFFFD;"."""

    def repair(ref: re.Match[str]) -> str:
        hex_digits, digits = ref.group(1), ref.group(2)
        number = (hex_digits or digits).lstrip("0") or "0"
        if len(number) > 7:  # past U+10FFFF however written, and too long to convert
            return _REPLACEMENT_REF
        code = int(number, 16) if hex_digits else int(number)
        nothing = code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF
        return _REPLACEMENT_REF if nothing else ref.group(0)

    return _CHAR_REF.sub(repair, text)


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or ():
        text = fragment_text(content.get("value") or "")
        if text:
            return text
    return fragment_text(entry.get("summary") or entry.get("description") or "")


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if entry.get(key):
            return from_struct_time(entry[key])
    for key in ("published", "updated", "created"):
        if entry.get(key):
            return parse_published(entry[key])
    return None


def _str_or_none(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


@dataclass(frozen=True)
class FeedEntry:
    """One feed item as read: its guid and link (what ``newsledger watch`` knows it
    by), title, cleaned text (``""`` when it has none), date and outlet."""

    number: int  # 1-based position in the feed, for messages
    guid: str | None
    link: str | None
    title: str | None
    text: str
    published: date | None
    source: str | None


def _entry(number: int, entry: Any, source: str | None, defaults: Defaults) -> FeedEntry:
    item_source = entry.get("source") or {}  # RSS <source>: the outlet a wire item came from
    return FeedEntry(
        number=number,
        guid=_str_or_none(entry.get("id")),
        link=_str_or_none(entry.get("link")),
        title=_str_or_none(entry.get("title")),
        text=clean_text(_entry_text(entry)),
        published=_entry_date(entry) or defaults.published,
        source=_str_or_none(item_source.get("title")) or source,
    )


def entry_article(entry: FeedEntry, origin: str) -> Article:
    """The item's own text as an Article, its link as the URL (the text must not be empty)."""
    return make_article(
        entry.text,
        title=entry.title,
        published=entry.published,
        source=entry.source,
        url=entry.link,
        origin=origin,
    )


def read_feed(text: str, origin: str, defaults: Defaults) -> tuple[FeedEntry, ...]:
    """The items of an RSS/Atom feed, in feed order; NoTextError when the text is no
    feed at all (a feed with no items is an empty tuple).

    >>> rss = '<rss version="2.0"><channel><title>Wire</title><item><guid>g1</guid>'
    >>> rss += '<link>https://w.example/a</link><description>Acme cut jobs.</description>'
    >>> [(e.guid, e.link, e.text, e.source) for e in read_feed(rss + '</item></channel></rss>',
    ...     "feed.xml", Defaults())]
    [('g1', 'https://w.example/a', 'Acme cut jobs.', 'Wire')]
    """
    import feedparser  # imported here: only feed inputs pay for it

    parsed = feedparser.parse(
        _safe_char_refs(text), sanitize_html=False, resolve_relative_uris=False
    )
    if not parsed.entries and not parsed.get("version"):
        raise NoTextError("is not an RSS or Atom feed", origin)
    source = _str_or_none(parsed.feed.get("title")) or defaults.source
    return tuple(
        _entry(number, entry, source, defaults)
        for number, entry in enumerate(parsed.entries, start=1)
    )


def feed_articles(text: str, origin: str, defaults: Defaults) -> Iterator[Article | Failure]:
    """Each item of an RSS/Atom feed as an Article, or a Failure for an item without text."""
    try:
        entries = read_feed(text, origin, defaults)
    except NoTextError:
        entries = ()
    if not entries:
        err = NoTextError("is not a feed with items", origin)
        yield Failure(origin, err.stage, err.code, err.reason)
        return
    for entry in entries:
        where = f"{origin}#item {entry.number}"
        if not entry.text:
            bad = MalformedRecord("feed item has no content or summary text", where)
            yield Failure(where, bad.stage, bad.code, bad.reason)
            continue
        yield entry_article(entry, where)
