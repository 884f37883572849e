"""When each event of an article happened or was announced, where its text gives no date.

ANNOTATION.md, Dates: every event is dated when it happened or was announced,
resolved against the article's publication date. The extractors date an event
by a date phrase of its own sentence ("on Tuesday", "in October"); what is left:

* an event the text does not date was announced on (or just before) the
  publication day, so it takes the article's date;
* an earlier figure given beside a current one ("down from $57m a year earlier",
  "the 2006 result was $9.8m") was announced as long before the article as its
  period lies before the latest period the article states for that company: a
  year-earlier quarter a year back, never on the article's day;
* an article without a date leaves its undated events undated: they are shown
  apart ("date unknown"), never placed at some guessed day.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date

from newsledger.models import Event, FinancialArgs
from newsledger.normalize.periods import add_months
from newsledger.resolve.names import company_key

# a period this many months or more before the latest one is an earlier year's figure,
# not the same year's figure restated (a quarter beside its half-year is 3 months off)
EARLIER_FIGURE_MONTHS = 11
# the label the financial extractor gives a figure "a year earlier" without a period
_YEAR_EARLIER_LABEL = "a year earlier"


def _months_between(later: date, earlier: date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def _latest_periods(events: Iterable[Event]) -> dict[str, date]:
    """The latest period end the article states per company (guidance left out)."""
    latest: dict[str, date] = {}
    for event in events:
        args = event.args
        if not isinstance(args, FinancialArgs) or args.outlook or args.period_end is None:
            continue
        key = company_key(event.company or "")
        if key not in latest or args.period_end > latest[key]:
            latest[key] = args.period_end
    return latest


def months_earlier(event: Event, latest: dict[str, date]) -> int:
    """How many months before the current figures an earlier figure was announced.

    >>> from newsledger.models import Evidence
    >>> ev = Evidence("a", 0, 1, "x")
    >>> old = Event("financial", "Kordia", FinancialArgs("net_profit", period_end=date(2006, 6, 30)), (ev,))
    >>> months_earlier(old, {"kordia": date(2007, 6, 30)})
    12
    >>> months_earlier(old, {"kordia": date(2006, 12, 31)})
    0
    """  # noqa: E501 - a doctest line
    args = event.args
    if not isinstance(args, FinancialArgs) or args.outlook:
        return 0
    if args.period_end is None:
        return 12 if (args.period or "").startswith(_YEAR_EARLIER_LABEL) else 0
    current = latest.get(company_key(event.company or ""))
    gap = _months_between(current, args.period_end) if current else 0
    return gap if gap >= EARLIER_FIGURE_MONTHS else 0


def date_events(events: Iterable[Event], published: date | None) -> tuple[Event, ...]:
    """Events whose text gives no date of their own are dated by the article.

    News reports what was announced on (or just before) its publication day, so a
    timeline places such an event at the article's date rather than nowhere; an
    earlier figure goes back as far as its period lies before the current one.

    >>> from newsledger.models import Evidence, LayoffArgs
    >>> ev = Event("layoff", "Acme", LayoffArgs(jobs=5), (Evidence("a", 0, 1, "x"),))
    >>> date_events([ev], date(2024, 5, 6))[0].event_date
    datetime.date(2024, 5, 6)
    """
    events = tuple(events)
    if published is None:
        return events
    latest = _latest_periods(events)
    return tuple(
        e
        if e.event_date is not None
        else dataclasses.replace(e, event_date=add_months(published, -months_earlier(e, latest)))
        for e in events
    )


__all__ = ["EARLIER_FIGURE_MONTHS", "date_events", "months_earlier"]
