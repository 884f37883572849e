"""Atom feeds of newly stored events, so that any feed reader becomes a watchlist.

``GET /feeds/events.atom`` carries every company's events, and
``GET /feeds/company/{name}.atom`` one company's (a name, alias or key, as the
company page takes). ``?type=layoff`` keeps one event type. Entries come newest
stored first, ``FEED_ENTRIES`` of them unless ``limit`` asks for up to
``MAX_LIMIT``: a reader polls and keeps what it has seen, and it needs only what
is new since its last poll.

An entry's id is a tag URI made from the event's stored identity, its article
and its row (``tag:newsledger,2026:event/<article id>/<event id>``), so the same
store served again gives the same ids. Its title is the event as a sentence
(:func:`newsledger.query.format.headline`), its link the article (the outlet's
page when the article came with one, else this server's page at the sentence),
its author the outlet, ``updated`` the time the event was stored and its summary
the evidence. The feed's ``updated`` is its newest entry's (1970-01-01 when it
has none, so that an empty feed does not seem to change).

Errors answer in the API's JSON shape (:mod:`newsledger.web.problems`).
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Annotated, Any
from urllib.parse import quote
from xml.etree.ElementTree import Element, SubElement, tostring

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from newsledger import __version__
from newsledger.models import EVENT_TYPES
from newsledger.query.format import headline
from newsledger.query.records import EventFeed, StoredEvent
from newsledger.web.api import MAX_LIMIT, MAX_TEXT, Q, clean
from newsledger.web.chart import event_href
from newsledger.web.problems import ApiError

ATOM_NS = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"
# the tag URI authority: the project's name and the year it was minted; never
# the serving host, which would change every id when the server moves
TAG = "tag:newsledger,2026:"
FEED_ENTRIES = 50
EMPTY_UPDATED = datetime(1970, 1, 1, tzinfo=UTC)
# characters XML 1.0 cannot carry at all, escaped or not
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

EventType = Annotated[
    str | None,
    Query(
        pattern=f"^({'|'.join(EVENT_TYPES)})$",
        description=f"One of {', '.join(EVENT_TYPES)}; every type when absent",
    ),
]
Entries = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Entries, newest stored first")]

router = APIRouter(prefix="/feeds", tags=["feeds"])
ATOM_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {MEDIA_TYPE: {}}, "description": "An Atom 1.0 feed"}
}


def xml_text(value: object) -> str:
    """Text XML can carry: control characters other than tab and newlines dropped.

    >>> xml_text("Acme\\x00 & Sons\\x1b")
    'Acme & Sons'
    """
    return _NOT_XML.sub("", str(value))


def stamp(when: datetime) -> str:
    """An RFC 3339 time in UTC, as Atom wants it.

    >>> stamp(datetime(2026, 11, 24, 9, 30, 0, 123456, tzinfo=UTC))
    '2026-11-24T09:30:00.123456Z'
    """
    return when.astimezone(UTC).isoformat().replace("+00:00", "Z")


def event_id(stored: StoredEvent) -> str:
    """The entry's id: the event's stored identity as a tag URI.

    >>> from newsledger.query.records import EventRecord
    >>> ev = EventRecord(7, None, "layoff", "Sony", None, None, {}, [], 1, None, "ab12")
    >>> event_id(StoredEvent(ev, EMPTY_UPDATED, None, None, None))
    'tag:newsledger,2026:event/ab12/7'
    """
    return f"{TAG}event/{quote(stored.event.article_id, safe='')}/{stored.event.id}"


def is_web_url(url: str | None) -> bool:
    """Only http(s) links leave the feed; a ``javascript:`` URL stored from a
    hostile feed item must not become a link in someone's reader."""
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def _text(parent: Element, tag: str, value: object, **attrs: str) -> Element:
    node = SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    node.text = xml_text(value)
    return node


def _link(parent: Element, rel: str, href: str, kind: str, title: str | None = None) -> None:
    attrs = {"rel": rel, "href": xml_text(href), "type": kind}
    if title:
        attrs["title"] = xml_text(title)
    SubElement(parent, "link", attrs)


def entry(stored: StoredEvent, base: str) -> Element:
    """One event as an Atom entry; ``base`` is this server's root URL."""
    event = stored.event
    node = Element("entry")
    _text(node, "id", event_id(stored))
    _text(node, "title", headline(event), type="text")
    _text(node, "updated", stamp(stored.stored_at))
    here = base + event_href(event)  # this server's article page, at the sentence
    original = stored.article_url if is_web_url(stored.article_url) else None
    _link(node, "alternate", original or here, "text/html", stored.article_title)
    if original:
        _link(node, "related", here, "text/html", "the sentence, in newsledger")
    if stored.source:
        _text(SubElement(node, "author"), "name", stored.source)
    SubElement(node, "category", term=event.type, label=event.type.replace("_", " "))
    said = [ev.text for ev in event.evidence if ev.article_id == event.article_id]
    _text(node, "summary", " … ".join(said or [ev.text for ev in event.evidence]), type="text")
    return node


def feed_title(feed: EventFeed) -> str:
    what = f"{feed.type.replace('_', ' ')} events" if feed.type else "events"
    whose = feed.company.name if feed.company else "every company"
    return f"{whose}: {what} · newsledger"


def feed_id(feed: EventFeed) -> str:
    """Stable for a store: a company's feed is known by its entity id, not the
    spelling asked for, so ``Acme`` and ``Acme Motors`` are one feed."""
    whose = f"company/{feed.company.id}" if feed.company else "events"
    return f"{TAG}feed/{whose}" + (f"/{feed.type}" if feed.type else "")


def atom(feed: EventFeed, *, self_url: str, page_url: str, base: str) -> tuple[bytes, datetime]:
    """The feed as an Atom 1.0 document, and its ``updated`` time."""
    updated = max((s.stored_at for s in feed.events), default=EMPTY_UPDATED)
    root = Element("feed", {"xmlns": ATOM_NS})
    _text(root, "id", feed_id(feed))
    _text(root, "title", feed_title(feed), type="text")
    _text(root, "updated", stamp(updated))
    _link(root, "self", self_url, MEDIA_TYPE)
    _link(root, "alternate", page_url, "text/html")
    _text(SubElement(root, "author"), "name", "newsledger")
    _text(root, "generator", "newsledger", version=__version__)
    for stored in feed.events:
        root.append(entry(stored, base))
    return tostring(root, encoding="utf-8", xml_declaration=True), updated


def not_modified(request: Request, etag: str, updated: datetime) -> bool:
    """Whether the reader's copy is current (``If-None-Match``, else ``If-Modified-Since``)."""
    tags = request.headers.get("if-none-match")
    if tags is not None:
        return etag in {t.strip() for t in tags.split(",")} or tags.strip() == "*"
    since = request.headers.get("if-modified-since")
    try:
        return since is not None and updated.replace(microsecond=0) <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


def answer(request: Request, feed: EventFeed, path: str, page_path: str) -> Response:
    """The feed at ``path`` (URL-quoted), or 304 when the reader already has it;
    ETag and Last-Modified either way. ``page_path`` is the page it follows."""
    base = str(request.base_url).rstrip("/")
    # request.url holds the decoded path ("Deutsche Bank"): no URI, so built again
    query = f"?{request.url.query}" if request.url.query else ""
    body, updated = atom(
        feed, self_url=f"{base}{path}{query}", page_url=base + page_path, base=base
    )
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Last-Modified": format_datetime(updated, usegmt=True)}
    if not_modified(request, etag, updated):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=f"{MEDIA_TYPE}; charset=utf-8", headers=headers)


@router.get(
    "/events.atom",
    summary="Atom feed: the events stored last, every company's",
    response_class=Response,
    responses=ATOM_RESPONSE,
)
def events_feed(
    request: Request, q: Q, type: EventType = None, limit: Entries = FEED_ENTRIES
) -> Response:
    feed = q.latest_events(type=type, limit=limit)
    if feed is None:  # only a company that is not there gives none
        raise ApiError(500, "the server could not answer this request")
    return answer(request, feed, "/feeds/events.atom", "/")


@router.get(
    "/company/{name:path}.atom",
    summary="Atom feed: one company's events stored last",
    response_class=Response,
    responses=ATOM_RESPONSE,
)
def company_feed(
    request: Request,
    q: Q,
    name: Annotated[str, Path(max_length=MAX_TEXT)],
    type: EventType = None,
    limit: Entries = FEED_ENTRIES,
) -> Response:
    company = clean(name, "name")
    feed = q.latest_events(company=company, type=type, limit=limit) if company else None
    if feed is None or feed.company is None:
        raise ApiError(404, f"no company {name!r}")
    page = f"/company/{quote(feed.company.name, safe='')}" + (f"?type={type}" if type else "")
    return answer(request, feed, f"/feeds/company/{quote(name, safe='')}.atom", page + "#events")
