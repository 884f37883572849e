"""The server-rendered pages: home, search, company, article, person, API docs.

Handlers gather records from ``newsledger.query`` and hand them to Jinja2
templates (autoescaped). The only HTML built in Python is the highlighted
article text (:mod:`newsledger.web.highlight`) and search snippets, both from
escaped pieces.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from newsledger.query.format import headline
from newsledger.query.records import ArticleView, EventRecord
from newsledger.web.api import MAX_TEXT, clean
from newsledger.web.chart import chart_data, evidence_key
from newsledger.web.deps import QueryLike, get_query
from newsledger.web.highlight import Span, highlight
from newsledger.web.problems import ApiError

Q = Annotated[QueryLike, Depends(get_query)]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
PAGE_SIZE = 25
# the home page lists one kind of organisation at a time, companies unless asked
ORG_LISTS: dict[str, str] = {
    "company": "Companies",
    "government": "Governments",
    "regulator": "Regulators",
    "central_bank": "Central banks",
    "intl_body": "International bodies",
    "union": "Unions",
    "media": "Media",
    "university": "Universities",
    "organisation": "All organisations",
}
OrgList = Annotated[str, Query(pattern=f"^({'|'.join(ORG_LISTS)})$")]

router = APIRouter(include_in_schema=False)


def templates(request: Request) -> Jinja2Templates:
    tpl: Jinja2Templates = request.app.state.templates
    return tpl


def render(request: Request, name: str, context: dict[str, Any]) -> HTMLResponse:
    page: HTMLResponse = templates(request).TemplateResponse(request, name, context)
    return page


def snippet_html(snippet: str) -> Markup:
    """A search snippet, escaped, with its ``[match]`` markers as ``<mark>``.

    >>> str(snippet_html("Sony to [cut] <jobs>"))
    'Sony to <mark>cut</mark> &lt;jobs&gt;'
    """
    text = str(escape(snippet))
    return Markup(text.replace("[", "<mark>").replace("]", "</mark>"))


def parse_day(value: str | None) -> date | None:
    """A date from a form field; anything unreadable is no constraint.

    >>> parse_day("2014-09-18"), parse_day("yesterday"), parse_day(None)
    (datetime.date(2014, 9, 18), None, None)
    """
    try:
        return date.fromisoformat(value.strip()) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class EventFilters:
    """The filters of a company page's events table, as read from its form."""

    type: str | None
    since: date | None
    until: date | None
    text: str | None


@dataclass(frozen=True)
class Fact:
    """One fact listed beside an article: its anchor, kind, summary, evidence keys."""

    key: str
    kind: str
    summary: str
    evidence_keys: tuple[str, ...]


def summarize(event: EventRecord) -> str:
    """A short line for an event: its company and the event as a sentence.

    >>> from newsledger.query.records import EventRecord
    >>> summarize(EventRecord(1, None, "layoff", "Sony", None, None, {"jobs": 1000}, [], 1, None))
    'Sony: Cuts 1,000 jobs'
    """
    return headline(event)


def article_facts(view: ArticleView) -> tuple[list[Span], list[Fact]]:
    """The spans to highlight and the facts to list for one article."""
    spans: list[Span] = []
    facts: list[Fact] = []
    for event in view.events:
        keys = []
        for n, ev in enumerate(event.evidence):
            if ev.article_id != view.article.id:
                continue
            key = evidence_key(event.id, n)
            keys.append(key)
            spans.append(Span(key, ev.start, ev.end, event.type, fact=f"e{event.id}"))
        facts.append(Fact(f"e{event.id}", event.type, summarize(event), tuple(keys)))
    for quote in view.quotes:
        key = f"q{quote.id}"
        spans.append(Span(key, quote.start, quote.end, "quote", fact=key))
        who = quote.speaker or "unattributed"
        facts.append(Fact(key, "quote", f"{who}: “{quote.text}”", (key,)))
    return spans, facts


@router.get("/", response_class=HTMLResponse)
def home(request: Request, q: Q, type: OrgList = "company") -> HTMLResponse:
    """Companies (or another kind of organisation), most events first; latest articles."""
    context = {
        "companies": q.entities(type=type, limit=30, offset=0),
        "articles": q.articles(limit=10, offset=0),
        "lists": ORG_LISTS,
        "listed": type,
    }
    return render(request, "index.html", context)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Q, words: Annotated[Text, Query(alias="q")] = None) -> Any:
    term = clean(words, "q")
    context: dict[str, Any] = {"term": term or "", "companies": None, "people": None, "hits": None}
    if term:
        context["companies"] = q.entities(type="organisation", q=term, limit=20, offset=0)
        context["people"] = q.entities(type="person", q=term, limit=20, offset=0)
        hits = q.search(term, limit=20, offset=0)
        context["hits"] = [(h, snippet_html(h.snippet)) for h in hits.items]
        context["hit_total"] = hits.total
    return render(request, "search.html", context)


@router.get("/company/{name:path}", response_class=HTMLResponse)
def company_page(
    request: Request,
    q: Q,
    name: Annotated[str, Path(max_length=MAX_TEXT)],
    type: Text = None,
    since: Text = None,
    until: Text = None,
    text: Text = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    with_subsidiaries: bool = False,
) -> HTMLResponse:
    company = clean(name, "name")
    timeline = q.timeline(company, with_subsidiaries=with_subsidiaries) if company else None
    if timeline is None or company is None:
        raise ApiError(404, f"no company {name!r}")
    filters = EventFilters(
        clean(type, "type"), parse_day(since), parse_day(until), clean(text, "text")
    )
    events = q.events(
        company=company,
        type=filters.type,
        since=filters.since,
        until=filters.until,
        text=filters.text,
        limit=PAGE_SIZE,
        offset=offset,
        with_subsidiaries=with_subsidiaries,
    )
    quotes = q.quotes(company=company, limit=50, offset=0)
    owners = q.ownership(timeline.company.id)
    people = {qt.speaker_id: qt.speaker for qt in quotes.items if qt.speaker_id and qt.speaker}
    context = {
        "timeline": timeline,
        "chart": chart_data(timeline),
        "events": events,
        "filters": filters,
        "quotes": quotes,
        "people": sorted(people.items(), key=lambda p: p[1]),
        "types": sorted({e.type for e in timeline.events}),
        "parents": [o for o in owners if o.child_id == timeline.company.id],
        "children": [o for o in owners if o.parent_id == timeline.company.id],
        "rolled_up": with_subsidiaries,
    }
    return render(request, "company.html", context)


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, q: Q, article_id: Annotated[str, Path(max_length=64)]
) -> HTMLResponse:
    view = q.article(article_id)
    if view is None:
        raise ApiError(404, f"no article {article_id!r}")
    spans, facts = article_facts(view)
    context = {"view": view, "body": highlight(view.text, spans), "facts": facts}
    return render(request, "article.html", context)


@router.get("/person/{entity_id}", response_class=HTMLResponse)
def person_page(
    request: Request, q: Q, entity_id: Annotated[int, Path(ge=1, le=2**62)]
) -> HTMLResponse:
    person = q.entity(entity_id)
    if person is None:
        raise ApiError(404, f"no person {entity_id}")
    quotes = q.quotes(speaker=person.name, limit=100, offset=0)
    return render(request, "person.html", {"person": person, "quotes": quotes})


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The OpenAPI description rendered as a page (no CDN, no inline script)."""
    spec = request.app.openapi()
    return render(request, "docs.html", {"spec": spec})
