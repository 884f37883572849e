"""Timeline -> chart series: which events become points, and where they link."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from newsledger.query.records import EntityRecord, EventRecord, EvidenceRecord, Timeline
from newsledger.web.chart import chart_data, event_href, usd

ACME = EntityRecord(1, "company", "Acme", [], None, None, 2, 4)
FY = {"period_end": "2014-03-31", "period_months": 12}


def event(
    id: int, type: str, fields: dict[str, Any], day: date | None = None, group: int | None = None
) -> EventRecord:
    ev = EvidenceRecord("art1", 10 * id, 10 * id + 9, "sentence", None, date(2020, 1, id), None)
    return EventRecord(id, group, type, "Acme", 1, day, fields, [ev], 1, None, "art1")


CASES = [
    pytest.param(event(1, "layoff", {"jobs": 500}, date(2020, 3, 1)), 1, 0, id="layoff-with-jobs"),
    pytest.param(event(2, "layoff", {"percent": 5.0}), 0, 0, id="layoff-without-count-not-drawn"),
    pytest.param(
        event(3, "financial", {"kind": "net_loss", "amount_usd": 2.1e9}), 0, 1, id="net-loss"
    ),
    pytest.param(
        event(4, "financial", {"kind": "impairment", "amount": 5e6, "currency": "USD"}),
        0,
        1,
        id="impairment-in-dollars",
    ),
    pytest.param(
        event(5, "financial", {"kind": "revenue", "amount_usd": 9e9}), 0, 0, id="revenue-not-a-loss"
    ),
    pytest.param(
        event(6, "financial", {"kind": "net_loss", "amount": 1e9, "currency": "JPY"}),
        0,
        0,
        id="unconverted-yen-not-drawn",
    ),
    pytest.param(
        event(
            7,
            "restructuring_plan",
            {"amount": 7.5e10, "currency": "JPY", "amount_usd_stated": 9.26e8},
        ),
        0,
        1,
        id="restructuring-spend-as-stated-in-dollars",
    ),
    pytest.param(event(8, "strategy", {"move": "expand"}), 0, 0, id="strategy-not-drawn"),
]


@pytest.mark.parametrize(("ev", "jobs", "money"), CASES)
def test_which_events_are_points(ev: EventRecord, jobs: int, money: int) -> None:
    data = chart_data(Timeline(ACME, [ev], 0))
    assert (len(data["jobs"]), len(data["money"])) == (jobs, money)


def test_points_link_to_the_sentence_and_fall_back_to_publication_date() -> None:
    data = chart_data(Timeline(ACME, [event(2, "layoff", {"jobs": 40, "unit": "plant"})], 40))
    (point,) = data["jobs"]
    assert point == {
        "x": "2020-01-02",
        "y": 40.0,
        "label": "40 jobs (plant)",
        "href": "/article/art1#ev-e2-0",
    }


def test_one_point_per_event_group_in_date_order() -> None:
    events = [
        event(1, "layoff", {"jobs": 900}, date(2021, 5, 1), group=7),
        event(2, "layoff", {"jobs": 1000}, date(2021, 5, 2), group=7),
        event(3, "layoff", {"jobs": 30}, date(2019, 1, 1), group=8),
    ]
    data = chart_data(Timeline(ACME, events, 930))
    assert [p["y"] for p in data["jobs"]] == [30.0, 900.0]


def test_money_in_millions() -> None:
    data = chart_data(
        Timeline(ACME, [event(3, "financial", {"kind": "net_loss", "amount_usd": -2.1e9})], 0)
    )
    assert data["money"][0]["y"] == pytest.approx(2100.0)
    assert data["money"][0]["label"] == "net loss: $2,100.0m"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param({"amount_usd": "nonsense"}, None, id="unreadable"),
        pytest.param({"amount": 3, "currency": "EUR"}, None, id="not-dollars"),
        pytest.param({"amount_usd": 1, "amount": 99, "currency": "USD"}, 1, id="converted-first"),
    ],
)
def test_usd(fields: dict[str, Any], expected: int | None) -> None:
    assert usd(fields) == expected


def test_event_href_without_evidence_uses_article_id() -> None:
    bare = EventRecord(9, None, "layoff", "Acme", 1, None, {}, [], 1, None, "art9")
    assert event_href(bare) == "/article/art9#ev-e9-0"


ADD_UP = [
    pytest.param(
        [event(1, "financial", {"kind": "net_loss", "amount_usd": 1e9, "outlook": True})],
        [],
        id="a-forecast-is-no-result",
    ),
    pytest.param(
        [
            event(
                1,
                "financial",
                {"kind": "net_loss", "amount_usd": 1e9, "period_end": "2013-03-31"},
                date(2014, 9, 17),
            )
        ],
        [("2013-03-31", 1000.0)],
        id="prior-period-at-its-own-period-end",
    ),
    pytest.param(
        [
            event(1, "financial", {"kind": "net_loss", "amount_usd": 1e9, **FY}),
            event(2, "financial", {"kind": "net_loss", "amount_usd": 2e9, **FY}),
        ],
        [("2014-03-31", 2000.0)],
        id="latest-report-of-a-period-only",
    ),
    pytest.param(
        [
            event(
                1, "financial", {"kind": "net_loss", "amount_usd": 1e9, "period": "a year earlier"}
            )
        ],
        [],
        id="unresolved-earlier-period-not-at-the-article-date",
    ),
    pytest.param(
        [event(1, "financial", {"kind": "net_loss", "amount_usd": 1e9, "amount_usd_stated": 2e9})],
        [("2020-01-01", 2000.0)],
        id="stated-dollars-first",
    ),
]


@pytest.mark.parametrize(("events", "points"), ADD_UP)
def test_money_points_add_up(events: list[EventRecord], points: list[tuple[str, float]]) -> None:
    data = chart_data(Timeline(ACME, events, 0))
    assert [(p["x"], p["y"]) for p in data["money"]] == points


def test_a_breakdown_is_no_bar_of_its_own() -> None:
    total = event(1, "layoff", {"jobs": 1000}, date(2020, 3, 1))
    part = event(2, "layoff", {"jobs": 80, "part_of": "the 1,000"}, date(2020, 3, 1))
    assert [p["y"] for p in chart_data(Timeline(ACME, [total, part], 1000))["jobs"]] == [1000.0]
