"""Dating what the text does not date: the article's day, an earlier figure further back."""

from __future__ import annotations

from datetime import date

import pytest

from newsledger.models import Event, Evidence, FinancialArgs, LayoffArgs
from newsledger.resolve.dating import date_events, months_earlier

EV = (Evidence("a", 0, 1, "x"),)
PUBLISHED = date(2007, 10, 12)


def _fin(period_end: date | None, period: str | None = None, *, outlook: bool = False) -> Event:
    args = FinancialArgs("net_profit", period=period, period_end=period_end, outlook=outlook)
    return Event("financial", "Kordia", args, EV)


@pytest.mark.parametrize(
    ("event", "latest", "months"),
    [
        pytest.param(_fin(date(2006, 6, 30)), date(2007, 6, 30), 12, id="year-before"),
        pytest.param(_fin(date(2005, 6, 30)), date(2007, 6, 30), 24, id="two-years-before"),
        pytest.param(_fin(date(2007, 3, 31)), date(2007, 6, 30), 0, id="quarter-beside-half"),
        pytest.param(_fin(date(2007, 6, 30)), date(2007, 6, 30), 0, id="current-figure"),
        pytest.param(_fin(None, "a year earlier"), None, 12, id="year-earlier-without-period"),
        pytest.param(_fin(None, "the quarter"), None, 0, id="no-period-no-shift"),
        pytest.param(_fin(date(2006, 6, 30), outlook=True), date(2007, 6, 30), 0,
                     id="guidance-is-not-an-earlier-figure"),
        pytest.param(Event("layoff", "Kordia", LayoffArgs(jobs=5), EV), date(2007, 6, 30), 0,
                     id="layoff-never-shifts"),
    ],
)  # fmt: skip
def test_months_earlier(event: Event, latest: date | None, months: int) -> None:
    assert months_earlier(event, {"kordia": latest} if latest else {}) == months


def test_earlier_figure_is_dated_back_and_a_stated_date_kept() -> None:
    current, earlier = _fin(date(2007, 6, 30)), _fin(date(2006, 6, 30))
    stated = Event("layoff", "Kordia", LayoffArgs(jobs=5), EV, date(2007, 9, 3))
    dated = date_events([current, earlier, stated], PUBLISHED)
    assert [e.event_date for e in dated] == [PUBLISHED, date(2006, 10, 12), date(2007, 9, 3)]


def test_undated_article_leaves_events_undated() -> None:
    assert date_events([_fin(date(2006, 6, 30))], None)[0].event_date is None
