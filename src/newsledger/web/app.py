"""The FastAPI application: JSON API under ``/api``, pages everywhere else.

>>> app = create_app(":memory:")                       # doctest: +SKIP
>>> import uvicorn; uvicorn.run(app, port=8000)       # doctest: +SKIP

Read-only unless started with a token: then ``POST /api/articles`` ingests an
article through ``newsledger.pipeline`` when the request carries that token.
"""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from newsledger import __version__
from newsledger.query import Query
from newsledger.query.format import amount, figure, money, month, sentence, stated_amount
from newsledger.web import api, feeds, pages, problems
from newsledger.web.cache import MAX_ENTRIES, AnswerCache, ResponseCache
from newsledger.web.chart import event_href
from newsledger.web.deps import QueryLike
from newsledger.web.security import SecurityHeaders

HERE = Path(__file__).parent
Ingest = Callable[[dict[str, Any]], dict[str, Any]]


def pathpart(value: object) -> str:
    """Quote a value for one URL path segment (a ``/`` in a name stays inside it).

    >>> pathpart("AT&T / Bell")
    'AT%26T%20%2F%20Bell'
    """
    return urllib.parse.quote(str(value), safe="")


def schema_type(schema: dict[str, Any] | None) -> str:
    """A parameter's type from its OpenAPI schema, for the docs page."""
    if not schema:
        return ""
    if "anyOf" in schema:
        return " or ".join(schema_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    kind = str(schema.get("type", ""))
    return f"{kind} ({schema['format']})" if "format" in schema else kind


def schema_bounds(schema: dict[str, Any] | None) -> str:
    """Limits of a parameter (``1..200``, default), for the docs page."""
    if not schema:
        return ""
    parts = []
    if "minimum" in schema or "maximum" in schema:
        parts.append(f"{schema.get('minimum', '')}..{schema.get('maximum', '')}")
    if "maxLength" in schema:
        parts.append(f"at most {schema['maxLength']} characters")
    if schema.get("default") is not None:
        parts.append(f"default {schema['default']}")
    return (" " + "; ".join(parts)) if parts else ""


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescapes .html
    templates.env.filters["pathpart"] = pathpart
    templates.env.filters["schema_type"] = schema_type
    templates.env.filters["schema_bounds"] = schema_bounds
    templates.env.filters["figure"] = figure
    templates.env.filters["money"] = money
    templates.env.filters["sentence"] = sentence
    templates.env.filters["priced"] = lambda value, currency: amount(value, currency)
    templates.env.filters["stated_amount"] = stated_amount
    templates.env.filters["month"] = month
    templates.env.globals["href"] = event_href
    return templates


def build_app(
    query: QueryLike,
    *,
    token: str | None = None,
    readonly: bool = True,
    ingest: Ingest | None = None,
    cache: bool = True,
) -> FastAPI:
    """The app over an open query object; ``ingest`` handles authorised POSTs.

    ``cache`` keeps recent API answers until the store changes (see ``web.cache``).
    """
    if token is not None and not token.strip():
        raise ValueError("the ingestion token must not be empty")
    app = FastAPI(
        title="newsledger",
        version=__version__,
        description="What companies did and said, each fact linked to its sentence.",
        docs_url=None,  # the CDN-backed Swagger UI is replaced by our own page
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    templates = make_templates()
    app.state.query = query
    app.state.templates = templates
    app.state.token = token
    app.state.readonly = readonly or ingest is None
    app.state.ingest = ingest
    problems.install(app, templates)
    app.include_router(api.router)
    app.include_router(feeds.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    answers = AnswerCache(lambda: query.articles(limit=1).total, MAX_ENTRIES if cache else 0)
    app.state.cache = answers
    if cache:
        app.add_middleware(ResponseCache, store=answers)
    app.add_middleware(SecurityHeaders)  # outermost: cached answers get the headers too
    return app


def pipeline_ingest(db: str) -> Ingest:
    """Ingest one posted article into ``db`` through ``newsledger.pipeline``.

    One at a time (a lock): extraction is CPU-bound and the store takes one writer.
    """
    lock = threading.Lock()

    def ingest(article: dict[str, Any]) -> dict[str, Any]:
        from newsledger.pipeline import ingest_text  # the write side, only when ingestion is on

        with lock:
            summary = ingest_text(
                db,
                article["text"],
                title=article.get("title"),
                published=article.get("published"),
                source=article.get("source"),
                url=article.get("url"),
            )
        failure = summary.failures[0] if summary.failures else None
        if failure is not None:
            raise problems.ApiError(422, failure.reason, code=failure.code)
        ids = summary.new_ids
        return {
            "id": ids[0] if ids else None,
            "new": summary.new,
            "known": summary.known,
            "events": summary.events,
            "quotes": summary.quotes,
            "entities": summary.entities,
        }

    return ingest


def create_app(
    db: str, *, token: str | None = None, readonly: bool = True, cache: bool = True
) -> FastAPI:
    """The web app over the store at ``db`` (a SQLite path or a PostgreSQL URL).

    ``readonly`` (the default) serves reads only; ingestion needs both
    ``readonly=False`` and a ``token``. ``cache=False`` answers every request afresh.
    """
    query = Query.open(db)
    ingest = pipeline_ingest(db) if token is not None and not readonly else None
    return build_app(query, token=token, readonly=readonly, ingest=ingest, cache=cache)
