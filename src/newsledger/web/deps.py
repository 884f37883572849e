"""What the handlers need from the read side, and how they get it per request.

``QueryLike`` is the slice of ``newsledger.query.Query`` the web layer calls;
the app keeps one on ``app.state.query``.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from fastapi import Request

from newsledger.query.records import (
    ArticleRecord,
    ArticleView,
    EntityRecord,
    EventRecord,
    Page,
    QuoteRecord,
    SearchHit,
    Timeline,
)


class QueryLike(Protocol):
    def articles(self, limit: int = ..., offset: int = ...) -> Page[ArticleRecord]: ...
    def article(self, article_id: str) -> ArticleView | None: ...
    def events(
        self,
        *,
        company: str | None = ...,
        type: str | None = ...,
        since: date | None = ...,
        until: date | None = ...,
        text: str | None = ...,
        limit: int = ...,
        offset: int = ...,
    ) -> Page[EventRecord]: ...
    def timeline(self, company: str) -> Timeline | None: ...
    def quotes(
        self,
        *,
        speaker: str | None = ...,
        company: str | None = ...,
        limit: int = ...,
        offset: int = ...,
    ) -> Page[QuoteRecord]: ...
    def entities(
        self,
        *,
        type: str | None = ...,
        q: str | None = ...,
        limit: int = ...,
        offset: int = ...,
    ) -> Page[EntityRecord]: ...
    def entity(self, entity_id: int) -> EntityRecord | None: ...
    def search(self, query: str, limit: int = ..., offset: int = ...) -> Page[SearchHit]: ...


def get_query(request: Request) -> QueryLike:
    query: QueryLike = request.app.state.query
    return query
