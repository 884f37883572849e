"""How handlers reach the read side: one ``newsledger.query.Query`` per app."""

from __future__ import annotations

from fastapi import Request

from newsledger.query import Query

QueryLike = Query  # the handlers' view of the read side


def get_query(request: Request) -> Query:
    query: Query = request.app.state.query
    return query
