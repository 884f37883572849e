"""The KPI rules on hand-built events (no store): which figure stands for each kind
and period, and what the sentence says about its dollars and its revision."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from newsledger.query.figures import figures, jobs_total
from newsledger.query.format import sentence_of
from newsledger.query.records import EventRecord, EvidenceRecord

FY14 = {"period_end": "2014-03-31", "period_months": 12}
FY15 = {"period_end": "2015-03-31", "period_months": 12}


def fin(
    id: int,
    published: date,
    group: int | None = None,
    article: str | None = None,
    start: int = 0,
    **fields: Any,
) -> EventRecord:
    """A financial figure of Kappa's, stated at ``start`` in ``article`` (its own by default)."""
    art = article or f"a{id}"
    ev = EvidenceRecord(art, start, start + 9, "sentence", None, published, "Wire")
    fields.setdefault("kind", "net_loss")
    fields.setdefault("currency", "JPY")
    return EventRecord(id, group, "financial", "Kappa", 1, None, fields, [ev], 1, None, art)


A, B, C = date(2014, 5, 1), date(2014, 9, 1), date(2014, 11, 1)

CASES = [
    pytest.param(
        [fin(1, A, amount=120e9, **FY14), fin(2, B, amount=128e9, **FY14)],
        [(2, 1)],
        id="latest-report-of-a-period",
    ),
    pytest.param(
        [fin(1, A, amount=120e9, **FY14), fin(2, B, amount=80e9, **FY15)],
        [(1, 0), (2, 0)],
        id="periods-apart",
    ),
    pytest.param(
        [fin(1, A, amount=120e9, **FY14), fin(2, B, amount=230e9, outlook=True, **FY14)],
        [(1, 0), (2, 0)],
        id="forecast-apart-from-result",
    ),
    pytest.param(
        [fin(1, A, amount=1e9, **FY14), fin(2, B, amount=3e9, kind="revenue", **FY14)],
        [(1, 0), (2, 0)],
        id="kinds-apart",
    ),
    pytest.param(
        [fin(1, A, amount=1e9, **FY14), fin(2, B, amount=3e8, segment="mobile", **FY14)],
        [(1, 0), (2, 0)],
        id="segment-apart-from-company",
    ),
    pytest.param(
        [fin(1, A, amount=1e9, **FY14), fin(2, B, amount=8e6, currency="USD", **FY14)],
        [(2, 1)],
        id="other-currency-replaces-never-adds",
    ),
    pytest.param(
        [fin(1, A, amount=1e9), fin(2, B, amount=2e9)],
        [(1, 0), (2, 0)],
        id="unknown-periods-stand-alone",
    ),
    pytest.param(
        [fin(1, A, group=5, amount=1e9), fin(2, B, group=5, amount=1e9)],
        [(2, 1)],
        id="one-event-told-twice",
    ),
    pytest.param([fin(1, A, amount=None, kind="net_loss")], [], id="no-figure-no-kpi"),
    pytest.param(
        # "lost $4.8bn in the fourth quarter ... and $8.6bn for the year", both read as Q4:
        # the first stated is the headline, the other is shown beside it
        [
            fin(2, A, article="x", start=40, amount=8.6e9, **FY14),
            fin(1, A, article="x", start=10, amount=4.8e9, **FY14),
        ],
        [(1, 1)],
        id="one-article-first-stated",
    ),
]


@pytest.mark.parametrize(("events", "expected"), CASES)
def test_figures(events: list[EventRecord], expected: list[tuple[int, int]]) -> None:
    found = sorted((f.event.id, f.older_reports) for f in figures(events))
    assert found == expected


JOBS = [
    pytest.param([(1, "layoff", None, None, 1000)], 1000, id="one-cut"),
    pytest.param(
        [(1, "layoff", None, None, 1000), (1, "layoff", None, None, 900)], 1000, id="one-event"
    ),
    pytest.param(
        [(1, "layoff", None, None, 1000), (2, "layoff", None, "the 1,000", 80)],
        1000,
        id="breakdown-not-added",
    ),
    pytest.param(
        [(1, "layoff", None, None, 1000), (2, "layoff", None, None, 80)], 1080, id="two-events"
    ),
    pytest.param([(1, "layoff", "denied", None, 1000)], 0, id="denied"),
    pytest.param([(1, "financial", None, None, 0)], 0, id="not-a-layoff"),
]


@pytest.mark.parametrize(("rows", "total"), JOBS)
def test_jobs_total(rows: list[tuple[Any, str, str | None, str | None, int]], total: int) -> None:
    assert jobs_total(rows) == total


SENTENCES = [
    pytest.param(
        {
            "amount": 230e9,
            "amount_usd": 2.1e9,
            "usd_rate_date": "2014-09-17",
            "usd_rate_days_old": 0,
            "usd_rate_stale": False,
        },
        "Net loss ¥230bn (≈ $2.1bn at the ECB rate of 17 Sep 2014)",
        id="converted-with-rate-date",
    ),
    pytest.param(
        {
            "amount": 230e9,
            "amount_usd": 2e9,
            "amount_usd_stated": 2.1e9,
            "usd_rate_date": "2014-09-17",
        },
        "Net loss ¥230bn ($2.1bn)",
        id="stated-conversion-wins",
    ),
    pytest.param(
        {
            "amount": 1e9,
            "currency": "LTL",
            "amount_usd": 3.2e8,
            "usd_rate_date": "2014-12-31",
            "usd_rate_days_old": 181,
            "usd_rate_stale": True,
        },
        "Net loss LTL 1bn (≈ $320m at the ECB rate of 31 Dec 2014, 181 days before the article)",
        id="stale-rate-flagged",
    ),
    pytest.param(
        {
            "amount": 230e9,
            "outlook": True,
            **FY15,
            "revised_from": {"amount": 50e9, "currency": "JPY"},
        },
        "Net loss forecast ¥230bn for the year to March 2015, revised from ¥50bn",
        id="revision",
    ),
    pytest.param(
        {"amount": 128e9, **FY14},
        "Net loss ¥128bn for the year to March 2014",
        id="prior-period-in-its-own-period",
    ),
]


@pytest.mark.parametrize(("fields", "expected"), SENTENCES)
def test_figure_sentences(fields: dict[str, Any], expected: str) -> None:
    assert sentence_of("financial", {"kind": "net_loss", "currency": "JPY", **fields}) == expected


def test_other_figures_of_the_same_article_stand_beside_the_kpi() -> None:
    first = fin(1, A, article="x", start=10, amount=4.8e9, **FY14)
    later = fin(2, A, article="x", start=40, amount=8.6e9, **FY14)
    elsewhere = fin(3, date(2014, 1, 1), amount=4.7e9, **FY14)  # an older article's report
    (fig,) = figures([later, elsewhere, first])
    assert fig.event is first and fig.same_article == [later] and fig.older_reports == 2


def test_an_earlier_forecast_retold_is_in_the_chain_not_beside_it() -> None:
    fy = {**FY15, "outlook": True}
    july = fin(1, date(2014, 7, 31), amount=50e9, **fy)
    retold = fin(2, date(2014, 9, 17), article="sep", start=90, amount=50e9, **fy)
    raised = fin(3, date(2014, 9, 17), article="sep", start=10, amount=230e9, revises=1, **fy)
    (fig,) = figures([july, retold, raised])
    assert fig.event is raised and fig.revised == [july] and fig.same_article == []
