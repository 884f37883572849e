"""Facts as sentences: the one formatter behind the CLI table, the web pages, the feeds
and the API's ``summary``. Tables of cases, one per way an event can read."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from newsledger.query.format import amount, figure, headline, money, sentence
from newsledger.query.records import EventRecord


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
        pytest.param(925_930_000, "926m", id="hundreds-of-millions-rounded"),
        pytest.param(6_430_000_000, "6.4bn", id="one-decimal-below-a-hundred"),
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
    ("args", "expected"),
    [
        pytest.param((450e6, "USD"), "$450m", id="dollars-need-no-conversion"),
        pytest.param((520e9, "JPY", 6.4e9), "¥520bn (≈ $6.4bn)", id="ecb-rate-approximate"),
        pytest.param((7.4e9, "EUR", 8.3e9, 8e9), "€7.4bn ($8bn)", id="stated-dollars-exact"),
        pytest.param((3e6, "GBP", None, 3.9e6), "£3m ($3.9m)", id="stated-without-ecb"),
        pytest.param((5e9, "CNY", 7e8), "CNY 5bn (≈ $700m)", id="code-without-symbol"),
        pytest.param((1.1e9, "USD", None, None, 1.6e9), "$1.1bn to $1.6bn", id="range"),
        pytest.param((2e9, None), "2bn", id="no-currency"),
        pytest.param((None, "USD", 5.0), "", id="no-amount"),
    ],
)
def test_amount(args: tuple[Any, ...], expected: str) -> None:
    assert amount(*args) == expected


SONY_FORECAST = {
    "kind": "net_loss",
    "amount": 230_000_000_000,
    "currency": "JPY",
    "amount_usd": 2_100_000_000,
    "outlook": True,
    "period_end": "2015-03-31",
    "period_months": 12,
}


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        # layoffs: the figure, its share and where, then its status
        pytest.param(
            _event("layoff", jobs=1000, percent=15.0, unit="mobile division", status="planned"),
            "Cuts 1,000 jobs (15% of the mobile division), planned",
            id="layoff-share-of-unit-planned",
        ),
        pytest.param(
            _event("layoff", jobs=1200, unit="Ohio plant"),
            "Cuts 1,200 jobs in the Ohio plant",
            id="layoff-unit-announced",
        ),
        pytest.param(
            _event("layoff", jobs=300, location="Texas", status="planned"),
            "Cuts 300 jobs in Texas, planned",
            id="layoff-location",
        ),
        pytest.param(
            _event("layoff", jobs=10000, percent=6.0, status="completed"),
            "Cuts 10,000 jobs (6%), done",
            id="layoff-share-completed",
        ),
        pytest.param(
            _event("layoff", jobs=1100, jobs_high=1600, status="rumored"),
            "Cuts 1,100 to 1,600 jobs, reported, not confirmed",
            id="layoff-range-rumored",
        ),
        pytest.param(
            _event("layoff", percent=6.0, status="denied"),
            "Cuts 6% of the jobs, denied by the company",
            id="layoff-share-only-denied",
        ),
        pytest.param(
            _event("layoff", jobs=80, location="Canada", part_of="e1"),
            "Cuts 80 jobs in Canada, part of a larger cut",
            id="layoff-breakdown",
        ),
        pytest.param(
            _event("layoff", jobs=10000, location="worldwide"),
            "Cuts 10,000 jobs worldwide",
            id="layoff-everywhere",
        ),
        pytest.param(_event("layoff"), "Cuts jobs", id="layoff-no-figure"),
        # results and forecasts: kind, amount with its dollars, period, record
        pytest.param(
            _event(
                "financial",
                kind="net_loss",
                amount=520_000_000_000,
                currency="JPY",
                amount_usd=6_400_000_000,
                period_end="2012-03-31",
                period_months=12,
                record=True,
            ),
            "Net loss ¥520bn (≈ $6.4bn) for the year to March 2012, a record",
            id="loss-converted-record",
        ),
        pytest.param(
            _event("financial", **SONY_FORECAST),
            "Net loss forecast ¥230bn (≈ $2.1bn) for the year to March 2015",
            id="forecast-for-a-year",
        ),
        pytest.param(
            _event(
                "financial",
                kind="net_profit",
                amount=75_000_000_000,
                currency="JPY",
                amount_usd=940_000_000,
                amount_usd_stated=926_000_000,
                period_end="2013-06-30",
                period_months=3,
            ),
            "Net profit ¥75bn ($926m) for the quarter to June 2013",
            id="stated-dollars-quarter",
        ),
        pytest.param(
            _event("financial", kind="net_loss", amount=450_000_000, currency="USD"),
            "Net loss $450m",
            id="loss-in-dollars",
        ),
        pytest.param(
            _event("financial", kind="revenue", amount=46_330_000_000, currency="USD", record=True),
            "Revenue $46.3bn, a record",
            id="record-revenue",
        ),
        pytest.param(
            _event(
                "financial", kind="net_profit", amount=6e9, currency="USD", period="a year earlier"
            ),
            "Net profit $6bn, a year earlier",
            id="prior-period-words",
        ),
        pytest.param(
            _event("financial", kind="pretax_profit", amount=2e9, currency="EUR", period="FY2005"),
            "Pretax profit €2bn for FY2005",
            id="period-label",
        ),
        pytest.param(
            _event("financial", kind="revenue", amount=1e9, currency="USD", period="third quarter"),
            "Revenue $1bn for the third quarter",
            id="period-named",
        ),
        pytest.param(
            _event("financial", kind="operating_loss", segment="games division", period="Q3"),
            "Operating loss in the games division for Q3",
            id="segment-no-amount",
        ),
        pytest.param(
            _event("financial", kind="restructuring_charge", amount=3e8, currency="GBP"),
            "Restructuring charge £300m",
            id="restructuring-charge",
        ),
        pytest.param(
            _event("financial", kind="impairment", amount=1.2e9, currency="USD", outlook=True),
            "Impairment charge forecast $1.2bn",
            id="impairment-forecast",
        ),
        pytest.param(_event("financial", kind="gross_margin"), "Gross margin", id="unknown-kind"),
        # restructuring plans, strategy, leadership, renames, sales
        pytest.param(
            _event(
                "restructuring_plan",
                name="One Acme",
                amount=7_400_000_000,
                currency="EUR",
                amount_usd=8_310_200_000,
                deadline="2022-12-31",
            ),
            "Restructuring plan “One Acme” costing €7.4bn (≈ $8.3bn), to be done by December 2022",
            id="plan",
        ),
        pytest.param(_event("restructuring_plan"), "Restructuring plan", id="plan-bare"),
        pytest.param(
            _event("strategy", move="focus", focus=["gaming", "imaging", "phones"]),
            "Focuses on gaming, imaging and phones",
            id="focus",
        ),
        pytest.param(
            _event("strategy", move="expand", market="Brazil"), "Expands in Brazil", id="expand"
        ),
        pytest.param(
            _event("strategy", move="turn_around", name="One Sony"),
            "Plans a turnaround, “One Sony”",
            id="turnaround-named",
        ),
        pytest.param(_event("strategy"), "New strategy", id="strategy-bare"),
        pytest.param(
            _event("leadership", person="Dana Reyes", role="chief executive", change="appointed"),
            "Appoints Dana Reyes as chief executive",
            id="appointed",
        ),
        pytest.param(
            _event("leadership", person="Ivo Brandt", role="CFO", change="fired"),
            "Dismisses Ivo Brandt as CFO",
            id="fired",
        ),
        pytest.param(
            _event("leadership", person="Ivo Brandt", role="CFO", change="resigned"),
            "Ivo Brandt resigns as CFO",
            id="resigned",
        ),
        pytest.param(
            _event("leadership", role="chairman", change="resigned"),
            "Chairman resigns",
            id="resigned-unnamed",
        ),
        pytest.param(
            _event("leadership", role="chief executive", change="appointed"),
            "Appoints a new chief executive",
            id="appointed-unnamed",
        ),
        pytest.param(
            _event("leadership", person="Kazuo Hirai", role="chief executive"),
            "Kazuo Hirai stays on as chief executive",
            id="stays",
        ),
        pytest.param(
            _event("rename", old="Acme", new="Apex"), "Renamed from Acme to Apex", id="rename"
        ),
        pytest.param(
            _event("divestiture", asset="its PC business", buyer="JIP"),
            "Sells its PC business to JIP",
            id="divestiture",
        ),
        pytest.param(_event("merger"), "Merger", id="unknown-type"),
    ],
)
def test_sentence(event: EventRecord, expected: str) -> None:
    assert sentence(event) == expected


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        pytest.param(
            _event("financial", **SONY_FORECAST),
            "Acme: Net loss forecast ¥230bn (≈ $2.1bn) for the year to March 2015",
            id="named",
        ),
        pytest.param(
            _event("layoff", company=None, jobs=50), "A company: Cuts 50 jobs", id="no-company"
        ),
    ],
)
def test_headline(event: EventRecord, expected: str) -> None:
    assert headline(event) == expected


def test_summary_is_added_to_the_structured_fields() -> None:
    row = _event("financial", **SONY_FORECAST).to_dict()
    assert row["summary"] == "Net loss forecast ¥230bn (≈ $2.1bn) for the year to March 2015"
    assert row["fields"]["amount"] == 230_000_000_000
    assert row["fields"]["outlook"] is True
