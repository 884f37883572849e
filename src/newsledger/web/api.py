"""The JSON API under ``/api``: thin handlers over ``newsledger.query``.

Every listing takes ``limit``/``offset`` and answers
``{"items": [...], "total": N, "limit": L, "offset": O, "next": URL|null}``;
every error answers the one shape in :mod:`newsledger.web.problems`.
"""

from __future__ import annotations

import re
import secrets
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from newsledger.models import ENTITY_FILTERS
from newsledger.query.records import Page
from newsledger.query.stored import dumps, object_text
from newsledger.web.deps import QueryLike, get_query
from newsledger.web.problems import ApiError

# Tuned for the page sizes a browser or script asks for; a bigger page is a 422,
# not a slow query.
MAX_LIMIT = 200
MAX_OFFSET = 1_000_000
MAX_TEXT = 200
MAX_TIMELINE = 1000  # events per timeline page; the totals always cover them all
# A timeline's events by default, as many as an events page: building and writing an
# event costs ~80 µs, so a page of 1,000 is ~80 ms, over the 20 ms median target
# before any load (bench/RESULTS.md, "Timeline, stored aggregate"); 50 are ~4 ms,
# and ``next`` pages through the rest. The totals cover every event either way.
DEFAULT_TIMELINE = 50

# control characters (NUL first) break PostgreSQL text and mean nothing in a query
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Q = Annotated[QueryLike, Depends(get_query)]
Cursor = Annotated[
    str | None,
    Query(
        pattern=r"^\d{4}-\d{2}-\d{2}_\d{1,18}$",
        description="Start after this event: the 'cursor' of the page before (keyset)",
    ),
]


def clean(value: str | None, param: str) -> str | None:
    """Strip a text parameter; empty means absent; control characters are a 422.

    >>> clean("  Sony ", "company")
    'Sony'
    >>> clean("   ", "company") is None
    True
    """
    if value is None:
        return None
    if _CONTROL.search(value):
        raise ApiError(422, f"parameter {param!r} contains control characters")
    value = value.strip()
    return value or None


class Json(JSONResponse):
    """JSON from records' ``to_dict()`` (already plain values): skips FastAPI's
    re-encoding walk, which costs more than the query on a long timeline."""

    def render(self, content: Any) -> bytes:
        return dumps(content).encode("utf-8")


def next_url(request: Request, page: Page[Any]) -> str | None:
    """This request's URL for the page after ``page``; None on the last page. A page
    with a cursor (the events listing) is followed by cursor, not offset."""
    if not page.has_next:
        return None
    if page.cursor is not None:
        url = request.url.remove_query_params("offset")
        return str(url.include_query_params(after=page.cursor))
    return str(request.url.include_query_params(offset=page.offset + len(page.items)))


def page_body(request: Request, page: Page[Any]) -> Json:
    """A page as JSON, with the URL of the next page when there is one."""
    body = page.to_dict()
    body["next"] = next_url(request, page)
    return Json(body)


router = APIRouter(prefix="/api", default_response_class=Json)


@router.get("/articles", summary="List articles, newest first")
def list_articles(request: Request, q: Q, limit: Limit = 50, offset: Offset = 0) -> Json:
    return page_body(request, q.articles(limit=limit, offset=offset))


@router.get("/articles/{article_id}", summary="One article with its events, quotes, entities")
def get_article(q: Q, article_id: Annotated[str, Path(max_length=64)]) -> Json:
    view = q.article(article_id)
    if view is None:
        raise ApiError(404, f"no article {article_id!r}")
    return Json(view.to_dict())


@router.get("/events", summary="Events, filtered by company, type, date range and text")
def list_events(
    request: Request,
    q: Q,
    company: Text = None,
    type: Text = None,
    since: date | None = None,
    until: date | None = None,
    text: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
    after: Cursor = None,
) -> Json:
    """Pages follow by ``cursor`` (``next`` carries it as ``after``); ``offset`` works too."""
    try:
        page = q.events(
            company=clean(company, "company"),
            type=clean(type, "type"),
            since=since,
            until=until,
            text=clean(text, "text"),
            limit=limit,
            offset=offset,
            after=after,
        )
    except ValueError as err:  # a cursor of the right shape naming no date ("2021-02-30_4")
        raise ApiError(422, str(err)) from err
    return page_body(request, page)


@router.get("/companies/{name:path}/timeline", summary="A company's events in date order, totalled")
def company_timeline(
    request: Request,
    q: Q,
    name: Annotated[str, Path(max_length=MAX_TEXT)],
    limit: Annotated[int, Query(ge=1, le=MAX_TIMELINE)] = DEFAULT_TIMELINE,
    offset: Offset = 0,
    with_subsidiaries: bool = False,
) -> Response:
    """Totals count every event; ``events`` is one page of them (``total``, ``next``).
    ``with_subsidiaries`` rolls up the subsidiaries and brands articles name
    (listed in ``subsidiaries``); each event keeps the company its article named."""
    company = clean(name, "name")
    found = None
    if company:
        found = q.timeline_page(
            company, with_subsidiaries=with_subsidiaries, limit=limit, offset=offset
        )
    if found is None:
        raise ApiError(404, f"no company {name!r}")
    page = Page(found.events, found.total, limit, offset)
    more: dict[str, Any] = {"total": found.total, "limit": limit, "offset": offset}
    more["next"] = next_url(request, page)
    # the totals' figures are JSON already (stored per company): spliced, not re-encoded
    body = object_text([*found.members(), *((k, dumps(v)) for k, v in more.items())])
    return Response(body.encode("utf-8"), media_type=Json.media_type)


@router.get("/quotes", summary="Quotes, by speaker or company")
def list_quotes(
    request: Request,
    q: Q,
    speaker: Text = None,
    company: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Json:
    page = q.quotes(
        speaker=clean(speaker, "speaker"),
        company=clean(company, "company"),
        limit=limit,
        offset=offset,
    )
    return page_body(request, page)


EntityFilter = Annotated[
    str,
    Query(
        pattern=f"^({'|'.join(ENTITY_FILTERS)})$",
        description="One type; 'organisation' for every kind of organisation, 'all' for all",
    ),
]


@router.get("/entities", summary="Companies (or any type of entity) most events first, aliased")
def list_entities(
    request: Request,
    q: Q,
    type: EntityFilter = "company",
    name: Annotated[str | None, Query(alias="q", max_length=MAX_TEXT)] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Json:
    page = q.entities(type=type, q=clean(name, "q"), limit=limit, offset=offset)
    return page_body(request, page)


@router.get("/entities/{entity_id}", summary="One entity")
def get_entity(q: Q, entity_id: Annotated[int, Path(ge=1, le=2**62)]) -> Json:
    entity = q.entity(entity_id)
    if entity is None:
        raise ApiError(404, f"no entity {entity_id}")
    return Json(entity.to_dict())


@router.get("/search", summary="Full-text search over articles, with snippets")
def search(
    request: Request,
    q: Q,
    query: Annotated[str, Query(alias="q", min_length=1, max_length=MAX_TEXT)],
    limit: Limit = 20,
    offset: Offset = 0,
) -> Json:
    words = clean(query, "q")
    if words is None:
        raise ApiError(422, "parameter 'q' is empty")
    return page_body(request, q.search(words, limit=limit, offset=offset))


# --- optional ingestion ------------------------------------------------------


class ArticleIn(BaseModel):
    """An article to ingest (``POST /api/articles``)."""

    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = Field(default=None, max_length=1000)
    published: date | None = None
    source: str | None = Field(default=None, max_length=300)
    url: str | None = Field(default=None, max_length=2000)


def check_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """401 without a bearer token, 403 with a wrong one, 405 when ingestion is off."""
    expected: str | None = request.app.state.token
    if expected is None or request.app.state.readonly:
        raise ApiError(405, "this server is read-only: start it with a token to ingest")
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, "send 'Authorization: Bearer <token>' to ingest")
    given = authorization[len("bearer ") :].strip()
    if not secrets.compare_digest(given.encode(), expected.encode()):
        raise ApiError(403, "wrong token")


@router.post("/articles", status_code=201, summary="Ingest one article (needs the server token)")
def post_article(
    request: Request, article: ArticleIn, _: Annotated[None, Depends(check_token)]
) -> dict[str, Any]:
    # check_token runs as a dependency, before the body is validated: a read-only
    # server answers 405 and a wrong token 403 whatever the body holds
    ingest = request.app.state.ingest
    result: dict[str, Any] = ingest(article.model_dump())
    request.app.state.cache.clear()
    return result
