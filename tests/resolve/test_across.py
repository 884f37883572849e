"""Cross-article resolution decisions, as tables of cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from newsledger.resolve.across import (
    EventFacts,
    find_group,
    group_conflict,
    same_event,
    summarize_group,
)
from newsledger.resolve.names import company_key, person_key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param("Sony Corp.", "Sony", True, id="suffix"),
        pytest.param("SONY Corporation", "Sony's", True, id="case-possessive"),
        pytest.param("The Coca-Cola Company", "Coca-Cola", True, id="the-and-company"),
        pytest.param("Sony", "Sony Ericsson", False, id="different-company"),
    ],
)
def test_company_key(a: str, b: str, same: bool) -> None:
    assert (company_key(a) == company_key(b)) is same


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Kazuo Hirai", "hirai", id="person-key"),
        pytest.param("Dr. Angela Merkel's", "merkel", id="person-key-honorific"),
    ],
)
def test_person_key(text: str, expected: str) -> None:
    assert person_key(text) == expected


def layoff(id: int, article: str, when: date, jobs: int | None = None, **kw: object) -> EventFacts:
    return EventFacts(id, article, "layoff", 7, when, group_id=id, jobs=jobs, **kw)  # type: ignore[arg-type]


APRIL_2012 = date(2012, 4, 12)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param(
            layoff(1, "a", APRIL_2012, 10000),
            layoff(2, "b", date(2012, 4, 14), 10000),
            True,
            id="same-figure-two-days",
        ),
        pytest.param(
            layoff(1, "a", APRIL_2012, 10000),
            layoff(2, "b", date(2012, 4, 20), 9500),
            True,
            id="within-10-percent",
        ),
        pytest.param(
            layoff(1, "a", APRIL_2012, 10000),
            layoff(2, "b", date(2012, 4, 13), 5000),
            False,
            id="figures-apart",
        ),
        pytest.param(
            layoff(1, "a", APRIL_2012, 2400),
            layoff(2, "b", date(2012, 4, 13), 2900),
            True,
            id="days-apart-figures-differ-a-fifth-conflict",
        ),
        pytest.param(
            layoff(1, "a", APRIL_2012, 2400),
            layoff(2, "b", date(2012, 4, 25), 2900),
            False,
            id="weeks-apart-figures-differ-a-fifth",
        ),
        pytest.param(
            layoff(1, "a", APRIL_2012, 10000),
            layoff(2, "b", date(2014, 9, 17), 1000),
            False,
            id="sony-2012-vs-2014",
        ),
        pytest.param(
            layoff(1, "a", APRIL_2012, 10000),
            layoff(2, "b", date(2012, 6, 1), 10000),
            False,
            id="two-months-apart",
        ),
        pytest.param(
            layoff(1, "a", date(2006, 1, 23), 30000),
            layoff(2, "b", date(2006, 1, 1), 25000, jobs_high=30000),
            True,
            id="range-holds-the-figure-weeks-apart",
        ),
        pytest.param(
            layoff(1, "a", APRIL_2012, 4000, jobs_high=5000),
            layoff(2, "b", date(2012, 4, 30), 5000, jobs_high=6000),
            True,
            id="ranges-overlap",
        ),
        pytest.param(
            layoff(1, "a", APRIL_2012, 2000, jobs_high=3000),
            layoff(2, "b", date(2012, 4, 30), 3500),
            False,
            id="range-below-the-figure",
        ),
        pytest.param(
            layoff(1, "a", APRIL_2012, 25000, jobs_high=30000),
            layoff(2, "b", date(2012, 6, 1), 30000),
            False,
            id="range-holds-the-figure-months-apart",
        ),
        pytest.param(
            layoff(1, "a", APRIL_2012, None, percent=15.0),
            layoff(2, "b", APRIL_2012, 1000, percent=15.0),
            True,
            id="same-percent",
        ),
        pytest.param(
            layoff(1, "a", APRIL_2012, 1000, unit="mobile division"),
            layoff(2, "b", APRIL_2012, 1000, unit="TV business"),
            False,
            id="other-unit",
        ),
        pytest.param(
            layoff(1, "a", APRIL_2012, 1000),
            layoff(2, "a", APRIL_2012, 1000),
            False,
            id="same-article",
        ),
        pytest.param(
            layoff(1, "a", APRIL_2012, 1000),
            EventFacts(2, "b", "layoff", 8, APRIL_2012, jobs=1000),
            False,
            id="other-company",
        ),
        pytest.param(
            layoff(1, "a", APRIL_2012, 1000),
            EventFacts(2, "b", "layoff", None, APRIL_2012, jobs=1000),
            False,
            id="unknown-company",
        ),
    ],
)
def test_same_layoff(a: EventFacts, b: EventFacts, same: bool) -> None:
    assert same_event(a, b) is same
    assert same_event(b, a) is same


def loss(id: int, article: str, amount: str, **kw: object) -> EventFacts:
    return EventFacts(
        id,
        article,
        "financial",
        7,
        APRIL_2012,
        group_id=id,
        kind="net_loss",
        amount=Decimal(amount),
        **{"currency": "USD", **kw},  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param(loss(1, "a", "2.10e9"), loss(2, "b", "2.11e9"), True, id="within-1-percent"),
        pytest.param(loss(1, "a", "2.1e9"), loss(2, "b", "2.3e9"), False, id="beyond-1-percent"),
        pytest.param(
            loss(1, "a", "2.1e9", period="fiscal year"),
            loss(2, "b", "2.1e9", period="second quarter"),
            False,
            id="other-period",
        ),
        pytest.param(
            loss(1, "a", "2.1e9"), loss(2, "b", "2.1e9", currency="JPY"), False, id="other-currency"
        ),
    ],
)
def test_same_financial(a: EventFacts, b: EventFacts, same: bool) -> None:
    assert same_event(a, b) is same


def test_find_group_picks_the_closest_matching_report() -> None:
    new = layoff(9, "z", date(2012, 4, 20), 10000)
    candidates = [
        layoff(1, "a", date(2012, 4, 1), 10000),
        layoff(2, "b", date(2012, 4, 19), 10000),
        layoff(3, "c", date(2012, 4, 20), 400),
    ]
    assert find_group(new, candidates) == 2
    assert find_group(new, []) is None


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        pytest.param(
            [
                layoff(1, "a", APRIL_2012, 10000, source="Reuters"),
                layoff(2, "b", APRIL_2012, 10000, source="BBC"),
            ],
            None,
            id="agree",
        ),
        pytest.param(
            [
                layoff(1, "a", APRIL_2012, 10000, source="Reuters"),
                layoff(2, "b", date(2012, 4, 13), 9500, source="BBC"),
            ],
            "jobs: 10,000 (Reuters, 2012-04-12) vs 9,500 (BBC, 2012-04-13)",
            id="jobs-differ",
        ),
        pytest.param(
            [
                layoff(1, "a", APRIL_2012, None, percent=10.0),
                layoff(2, "b", APRIL_2012, None, percent=12.0),
            ],
            "percent: 10.0 (a, 2012-04-12) vs 12.0 (b, 2012-04-12)",
            id="percent-differ-no-source",
        ),
    ],
)
def test_group_conflict(members: list[EventFacts], expected: str | None) -> None:
    assert group_conflict(members) == expected


def test_group_summary_takes_the_most_reported_figure() -> None:
    members = [
        layoff(1, "a", date(2012, 4, 12), 9500),
        layoff(2, "b", date(2012, 4, 13), 10000),
        layoff(3, "c", date(2012, 4, 14), 10000),
    ]
    s = summarize_group(members)
    assert (s.jobs, s.first_date, s.last_date, s.article_count) == (
        10000,
        date(2012, 4, 12),
        date(2012, 4, 14),
        3,
    )
    assert s.conflict is not None and "9,500" in s.conflict


@pytest.mark.parametrize(
    ("members", "jobs"),
    [
        pytest.param(
            [layoff(1, "a", date(2006, 1, 1), 25000, jobs_high=30000),
             layoff(2, "b", date(2006, 1, 23), 30000)],
            30000,
            id="ford-range-then-figure-in-it",
        ),
        pytest.param(
            [layoff(1, "a", APRIL_2012, 4000, jobs_high=5000),
             layoff(2, "b", date(2012, 4, 13), 4500)],
            4500,
            id="figure-inside-range",
        ),
        pytest.param(
            [layoff(1, "a", APRIL_2012, 4000, jobs_high=5000),
             layoff(2, "b", date(2012, 4, 13), 5000, jobs_high=6000)],
            5000,
            id="ranges-share-their-edge",
        ),
        pytest.param(
            [layoff(1, "a", APRIL_2012, 9500), layoff(2, "b", date(2012, 4, 13), 10000)],
            9500,
            id="trap-no-range-tie-earliest",
        ),
    ],
)  # fmt: skip
def test_group_jobs_is_the_figure_most_reports_allow(members: list[EventFacts], jobs: int) -> None:
    assert summarize_group(members).jobs == jobs
