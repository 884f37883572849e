"""One JSON error shape for the whole HTTP API, and an HTML page for the site.

Every API error is::

    {"error": {"status": 404, "code": "not_found", "message": "no article 'x'",
               "details": [...]}}

``details`` lists the offending parameters for a 422. Errors under ``/api``
and ``/feeds`` (read by programs) answer in JSON; everywhere else they render
the site's error page.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsledger.errors import InputError, NewsledgerError

log = logging.getLogger("newsledger.web")

CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_parameter",
    500: "internal_error",
}


# where errors answer in JSON: the API, and the feeds that readers and scripts poll
JSON_PATHS = ("/api", "/feeds")
# listings without an offset: a feed carries its newest entries only
UNPAGED_PATHS = ("/feeds",)

# what HTTP asks to accompany these statuses
HEADERS_BY_STATUS: dict[int, dict[str, str]] = {
    401: {"WWW-Authenticate": "Bearer"},
    405: {"Allow": "GET, HEAD"},
}


@dataclass(frozen=True)
class Problem:
    """An error as the API reports it."""

    status: int
    message: str
    details: tuple[dict[str, Any], ...] = field(default=())
    code: str | None = None

    def body(self) -> dict[str, Any]:
        """The JSON body.

        >>> Problem(404, "no such thing").body()["error"]["code"]
        'not_found'
        """
        return {
            "error": {
                "status": self.status,
                "code": self.code or CODES.get(self.status, "error"),
                "message": self.message,
                "details": list(self.details),
            }
        }


class ApiError(Exception):
    """Raised by handlers to answer with a :class:`Problem`."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.problem = Problem(status, message, code=code)


def _details(err: RequestValidationError) -> tuple[dict[str, Any], ...]:
    out = []
    for e in err.errors():
        loc = [str(p) for p in e.get("loc", ())]
        # the offending value is echoed back as a string only: it may be anything
        out.append({"param": ".".join(loc[1:]) or ".".join(loc), "reason": str(e.get("msg", ""))})
    return tuple(out)


def _bound(err: RequestValidationError) -> str:
    """The bounds a request broke, in words: "limit must be at most 200"."""
    said = []
    for e in err.errors():
        ctx = e.get("ctx") or {}
        param = str(e.get("loc", ("", ""))[-1])
        if e.get("type") == "less_than_equal":
            said.append(f"{param} must be at most {ctx.get('le')}")
        elif e.get("type") == "greater_than_equal":
            said.append(f"{param} must be at least {ctx.get('ge')}")
    return "; ".join(said)


def validation_problem(err: RequestValidationError, *, paged: bool = True) -> Problem:
    """A 422 whose message names any bound broken: a listing is never cut to its
    maximum page silently, the request is refused and says the maximum (and, for
    a ``paged`` listing, how to page).

    The message stays one line; ``details`` lists every offending parameter.
    """
    bound = _bound(err)
    message = f"invalid request parameters: {bound}" if bound else "invalid request parameters"
    if paged and "limit must be at most" in bound:
        message += " (page through with offset: each page gives its 'next' URL)"
    return Problem(422, message, _details(err))


def problem_for(exc: Exception, *, paged: bool = True) -> Problem:
    """Map any exception raised while serving to the Problem that answers it
    (``paged``: whether the request was for a listing that pages with ``offset``)."""
    if isinstance(exc, ApiError):
        return exc.problem
    if isinstance(exc, RequestValidationError):
        return validation_problem(exc, paged=paged)
    if isinstance(exc, StarletteHTTPException):
        return Problem(exc.status_code, str(exc.detail))
    if isinstance(exc, InputError):
        return Problem(422, exc.reason, code=exc.code)
    if isinstance(exc, NewsledgerError):
        log.error("store or pipeline error: %s", exc)
        return Problem(500, "the server could not answer this request", code=exc.code)
    log.exception("unexpected error", exc_info=exc)
    return Problem(500, "the server could not answer this request")


def install(app: FastAPI, templates: Jinja2Templates) -> None:
    """Register the handlers: JSON under ``/api`` and ``/feeds``, the HTML error page elsewhere."""

    async def handle(request: Request, exc: Exception) -> Response:
        problem = problem_for(exc, paged=not request.url.path.startswith(UNPAGED_PATHS))
        headers = HEADERS_BY_STATUS.get(problem.status)
        if request.url.path.startswith(JSON_PATHS):
            return JSONResponse(problem.body(), status_code=problem.status, headers=headers)
        page: HTMLResponse = templates.TemplateResponse(
            request, "error.html", {"problem": problem}, status_code=problem.status
        )
        return page

    handler: Callable[[Request, Exception], Awaitable[Response]] = handle
    for exc_type in (ApiError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(exc_type, handler)
