"""A company's timeline as chart series: jobs cut, and money lost or charged.

Pure functions from query records to plain JSON values; the page embeds the
result in a ``<script type="application/json">`` block that ``static/app.js``
hands to Chart.js. Each point carries the link to the sentence that states it.

>>> evidence_key(7, 0)
'e7-0'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import quote

from newsledger.query.figures import figures
from newsledger.query.format import period_phrase
from newsledger.query.records import EventRecord, Timeline

# financial kinds that are money lost or charged against profit (what the chart
# shows); profits and revenue are left to the table
LOSS_KINDS: tuple[str, ...] = (
    "net_loss",
    "pretax_loss",
    "operating_loss",
    "impairment",
    "restructuring_charge",
    "writedown",
)


@dataclass(frozen=True)
class Point:
    x: str  # ISO date
    y: float
    label: str
    href: str


def evidence_key(event_id: int, n: int) -> str:
    """The anchor of an event's n-th evidence on its article page (``#ev-e7-0``)."""
    return f"e{event_id}-{n}"


def event_href(event: EventRecord, n: int = 0) -> str:
    """Link to the article page, scrolled to the sentence stating the event."""
    ev = event.evidence[n] if event.evidence else None
    article = ev.article_id if ev else event.article_id
    return f"/article/{quote(article, safe='')}#ev-{evidence_key(event.id, n)}"


def event_day(event: EventRecord) -> date | None:
    """When it happened or was announced; else the article's publication date."""
    if event.date:
        return event.date
    return next((e.published for e in event.evidence if e.published), None)


def usd(fields: dict[str, Any]) -> Decimal | None:
    """The amount in US dollars: as the article states it, else converted at the ECB
    rate, else the amount itself when in dollars.

    >>> usd({"amount_usd": 2e9, "amount_usd_stated": 2.1e9}), usd({"amount_usd": 2.1e9})
    (Decimal('2100000000.0'), Decimal('2100000000.0'))
    >>> usd({"amount": 5, "currency": "USD"}), usd({"amount": 5})
    (Decimal('5'), None)
    """
    raw = fields.get("amount_usd_stated")
    if raw is None:
        raw = fields.get("amount_usd")
    if raw is None and fields.get("currency") == "USD":
        raw = fields.get("amount")
    if raw is None:
        return None
    try:
        return Decimal(str(raw))
    except InvalidOperation:
        return None


def jobs_point(event: EventRecord) -> Point | None:
    """A layoff's bar; none for a breakdown of a larger cut (``part_of``), which is
    inside that cut's bar already."""
    day, jobs = event_day(event), event.fields.get("jobs")
    if event.type != "layoff" or day is None or not isinstance(jobs, int):
        return None
    if event.fields.get("part_of"):
        return None
    unit = event.fields.get("unit")
    label = f"{jobs:,} jobs" + (f" ({unit})" if unit else "")
    return Point(day.isoformat(), float(jobs), label, event_href(event))


def money_kind(event: EventRecord) -> str | None:
    """What the money is, when it is money lost or charged; else None."""
    if event.type == "restructuring_plan":
        return "restructuring spend"
    kind = event.fields.get("kind")
    if event.type == "financial" and kind in LOSS_KINDS:
        return str(kind).replace("_", " ")
    return None


def money_point(event: EventRecord, period_end: date | None = None) -> Point | None:
    """A dot for money lost or charged, at the end of its period when it has one (a
    prior year's loss sits in that year, not on the day an article recalls it)."""
    day, kind = period_end or event_day(event), money_kind(event)
    amount = usd(event.fields)
    if day is None or kind is None or amount is None:
        return None
    millions = float(abs(amount) / Decimal(1_000_000))
    label = f"{kind}: ${millions:,.1f}m{period_phrase(event.fields)}"
    return Point(day.isoformat(), millions, label, event_href(event))


def _unplaced(event: EventRecord, period_end: date | None) -> bool:
    """A figure of a named period that was not resolved ("a year earlier", "the fiscal
    year"): its date is that period's, not its article's, so it has no place on the axis
    (it stays among the figures)."""
    return period_end is None and bool(event.fields.get("period"))


def chart_data(timeline: Timeline) -> dict[str, list[dict[str, Any]]]:
    """Both series, in date order, ready for JSON.

    Events reported by several articles (same ``group_id``) appear once, as the
    first report, so the chart counts real-world events, not articles. Financial
    dots are the timeline's KPIs (:func:`newsledger.query.figures.figures`): one per
    kind and period, the latest reported, and never a forecast.
    """
    seen: set[int] = set()
    jobs: list[Point] = []
    money: list[Point] = []
    for event in timeline.events:
        if event.group_id is not None:
            if event.group_id in seen:
                continue
            seen.add(event.group_id)
        if (p := jobs_point(event)) is not None:
            jobs.append(p)
        if event.type == "restructuring_plan" and (p := money_point(event)) is not None:
            money.append(p)
    for fig in figures(timeline.events):
        if fig.outlook or _unplaced(fig.event, fig.period_end):
            continue
        if (p := money_point(fig.event, fig.period_end)) is not None:
            money.append(p)
    return {
        "jobs": [asdict(p) for p in sorted(jobs, key=lambda p: p.x)],
        "money": [asdict(p) for p in sorted(money, key=lambda p: p.x)],
    }
