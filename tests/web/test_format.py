"""Display formatters used by the templates and the alert feeds."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from newsledger.query.records import EventRecord
from newsledger.web.format import figure, money, sentence


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(1000, "1,000", id="int"),
        pytest.param(15.0, "15", id="whole-float"),
        pytest.param(6.25, "6.25", id="fraction"),
        pytest.param(Decimal("926000000"), "926,000,000", id="decimal"),
        pytest.param(["gaming", "imaging"], "gaming, imaging", id="list"),
        pytest.param(False, "False", id="bool-is-not-a-number"),
        pytest.param("fiscal year", "fiscal year", id="text"),
    ],
)
def test_figure(value: Any, expected: str) -> None:
    assert figure(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(8_300_000_000, "8.3bn", id="billions"),
        pytest.param(Decimal("75000000000"), "75bn", id="whole-billions"),
        pytest.param(926_000_000, "926m", id="millions"),
        pytest.param(2_500_000_000_000, "2.5tn", id="trillions"),
        pytest.param(-450_000_000, "-450m", id="negative"),
        pytest.param(999_999, "999,999", id="below-a-million"),
        pytest.param(None, "", id="none"),
    ],
)
def test_money(value: Any, expected: str) -> None:
    assert money(value) == expected


def _event(type_: str, company: str | None = "Acme", **fields: Any) -> EventRecord:
    return EventRecord(1, None, type_, company, None, None, fields, [], 1, None, "a1")


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        pytest.param(
            _event("layoff", jobs=1200, unit="Ohio plant"),
            "Acme will cut 1,200 jobs in its Ohio plant",
            id="layoff-announced",
        ),
        pytest.param(
            _event("layoff", jobs=300, location="Texas", status="planned"),
            "Acme plans to cut 300 jobs in Texas",
            id="layoff-planned",
        ),
        pytest.param(
            _event("layoff", jobs=1000, percent=15.0, status="completed"),
            "Acme has cut 1,000 jobs (15%)",
            id="layoff-share",
        ),
        pytest.param(
            _event("layoff", jobs=1100, jobs_high=1600, status="rumored"),
            "Acme is said to be cutting 1,100 to 1,600 jobs",
            id="layoff-range-rumored",
        ),
        pytest.param(
            _event("layoff", percent=6.0, status="denied"),
            "Acme denies it will cut 6% of its jobs",
            id="layoff-share-only-denied",
        ),
        pytest.param(_event("layoff"), "Acme will cut jobs", id="layoff-no-figure"),
        pytest.param(
            _event("financial", kind="net_loss", amount=450_000_000, currency="USD"),
            "Acme reports a net loss of USD 450m",
            id="loss",
        ),
        pytest.param(
            _event(
                "financial",
                kind="net_loss",
                amount=230_000_000_000,
                currency="JPY",
                outlook=True,
                period_end="2015-03-31",
                period_months=12,
            ),
            "Acme expects a net loss of JPY 230bn for the year to 2015-03-31",
            id="forecast-for-a-year",
        ),
        pytest.param(
            _event("financial", kind="revenue", amount=46_330_000_000, currency="USD", record=True),
            "Acme reports record revenue of USD 46.3bn",
            id="record-revenue",
        ),
        pytest.param(
            _event("financial", kind="operating_loss", record=True, period="Q3"),
            "Acme reports a record operating loss (Q3)",
            id="record-no-amount",
        ),
        pytest.param(
            _event(
                "restructuring_plan",
                name="One Acme",
                amount=7_400_000_000,
                currency="EUR",
                deadline="2022-12-31",
            ),
            "Acme announces its “One Acme” restructuring plan costing EUR 7.4bn,"
            " to be done by 2022-12-31",
            id="plan",
        ),
        pytest.param(
            _event("strategy", move="focus", focus=["gaming", "imaging", "phones"]),
            "Acme will focus on gaming, imaging and phones",
            id="focus",
        ),
        pytest.param(
            _event("strategy", move="expand", market="Brazil"),
            "Acme will expand in Brazil",
            id="expand",
        ),
        pytest.param(_event("strategy"), "Acme announces a new strategy", id="strategy-bare"),
        pytest.param(
            _event("leadership", person="Dana Reyes", role="CEO", change="appointed"),
            "Acme appoints Dana Reyes as CEO",
            id="appointed",
        ),
        pytest.param(
            _event("leadership", person="Ivo Brandt", role="CFO", change="resigned"),
            "Ivo Brandt resigns as CFO at Acme",
            id="resigned",
        ),
        pytest.param(
            _event("leadership", role="chairman", change="resigned"),
            "Acme's chairman resigns",
            id="resigned-unnamed",
        ),
        pytest.param(
            _event("leadership", role="chief executive", change="appointed"),
            "Acme appoints a new chief executive",
            id="appointed-unnamed",
        ),
        pytest.param(
            _event("leadership", person="Kazuo Hirai", role="CEO"),
            "Kazuo Hirai stays on as CEO at Acme",
            id="stays",
        ),
        pytest.param(_event("rename", old="Acme", new="Apex"), "Acme is renamed Apex", id="rename"),
        pytest.param(
            _event("divestiture", asset="its PC business", buyer="JIP"),
            "Acme sells its PC business to JIP",
            id="divestiture",
        ),
        pytest.param(
            _event("layoff", company=None, jobs=50), "A company will cut 50 jobs", id="no-company"
        ),
    ],
)
def test_sentence(event: EventRecord, expected: str) -> None:
    assert sentence(event) == expected
