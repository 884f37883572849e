"""Reporting periods and fiscal year ends."""

from __future__ import annotations

from datetime import date

import pytest

from newsledger.normalize.periods import fiscal_year_end_from_text, parse_period

PUB = date(2014, 9, 18)
MARCH = (3, 31)

# (text, fiscal_year_end, label, start, end, fiscal)
PERIODS_DEV = [
    ("fiscal 2012", None, "FY2012", None, None, True),
    ("fiscal year 2012", None, "FY2012", None, None, True),
    ("FY2012", None, "FY2012", None, None, True),
    ("FY12", None, "FY2012", None, None, True),
    ("FY 2012", MARCH, "FY2012", "2012-04-01", "2013-03-31", True),
    ("fiscal 2012", MARCH, "FY2012", "2012-04-01", "2013-03-31", True),
    ("fiscal 2012", (6, 30), "FY2012", "2011-07-01", "2012-06-30", True),
    ("fiscal 2012", (12, 31), "FY2012", "2012-01-01", "2012-12-31", True),
    (
        "the 2012 fiscal year, which concludes on March 31, 2013",
        None,
        "FY2012",
        "2012-04-01",
        "2013-03-31",
        True,
    ),
    ("the fiscal year ending March 31, 2013", None, "FY2012", "2012-04-01", "2013-03-31", True),
    ("the annual year", None, "fiscal year", None, None, True),
    ("the full year", None, "fiscal year", None, None, True),
    ("this fiscal year", None, "fiscal year", None, None, True),
    ("the year", None, "fiscal year", None, None, True),
    ("this fiscal year", MARCH, "FY2014", "2014-04-01", "2015-03-31", True),
    ("for 2011", None, "2011", "2011-01-01", "2011-12-31", False),
    ("last year", None, "2013", "2013-01-01", "2013-12-31", False),
    (
        "the financial year that ended in March 2012",
        None,
        "FY2011",
        "2011-04-01",
        "2012-03-31",
        True,
    ),
    (
        "the year which ends in March 2013",
        None,
        "12M to 2013-03-31",
        "2012-04-01",
        "2013-03-31",
        True,
    ),
    ("for last year", MARCH, "FY2013", "2013-04-01", "2014-03-31", True),
    ("the past fiscal year", (1, 31), "FY2014", "2013-02-01", "2014-01-31", True),
    ("the quarter", None, "Q2 2014", "2014-04-01", "2014-06-30", False),
    ("in the latest quarter", MARCH, "Q1 FY2014", "2014-04-01", "2014-06-30", True),
    ("quarterly", (6, 30), "Q4 FY2014", "2014-04-01", "2014-06-30", True),
    ("Q3", None, "Q3 2014", "2014-07-01", "2014-09-30", False),
    ("the third quarter", None, "Q3 2014", "2014-07-01", "2014-09-30", False),
    ("third-quarter", None, "Q3 2014", "2014-07-01", "2014-09-30", False),
    ("Q4 2013", None, "Q4 2013", "2013-10-01", "2013-12-31", False),
    ("Q4", MARCH, "Q4 FY2013", "2014-01-01", "2014-03-31", True),
    ("the first quarter", (6, 30), "Q1 FY2015", "2014-07-01", "2014-09-30", True),
    ("first half", None, "H1 2014", "2014-01-01", "2014-06-30", False),
    ("H1", None, "H1 2014", "2014-01-01", "2014-06-30", False),
    ("H2", None, "H2 2014", "2014-07-01", "2014-12-31", False),  # begun by publication
    ("the 2012-13 financial year", None, "FY2012/13", None, None, True),
    ("the first half", MARCH, "H1 FY2014", "2014-04-01", "2014-09-30", True),
    ("the six months to September", None, "6M to 2014-09-30", "2014-04-01", "2014-09-30", True),
    ("the year to March", None, "12M to 2014-03-31", "2013-04-01", "2014-03-31", True),
    ("FY2012/13", MARCH, "FY2012", "2012-04-01", "2013-03-31", True),
    ("FY2012/13", None, "FY2012/13", None, None, True),
    ("the fourth quarter of fiscal 2012", None, "Q4 FY2012", None, None, True),
    ("the first half of this year", None, "H1 2014", "2014-01-01", "2014-06-30", False),
    ("first half of this year", MARCH, "H1 FY2014", "2014-04-01", "2014-09-30", True),
    ("the fourth quarter of last year", None, "Q4 2013", "2013-10-01", "2013-12-31", False),
    ("the first nine months of 2013", None, "9M to 2013-09-30", "2013-01-01", "2013-09-30", False),
    ("last three months of last year", None, "3M to 2013-12-31", "2013-10-01", "2013-12-31", False),
    ("the final six months of 2012", None, "6M to 2012-12-31", "2012-07-01", "2012-12-31", False),
    ("the quarter up to 26 June", None, "3M to 2014-06-26", "2014-03-27", "2014-06-26", True),
    ("the half-year ended 30 June", None, "6M to 2014-06-30", "2014-01-01", "2014-06-30", True),
]

PERIODS_NONE = [
    "",
    "the first half of the match",
    "the last three months of talks",
    "the second quarter of the century",
    "fiscal policy",
    "the current quarter",  # the quarter in progress: no result has it yet
    "Q5",
    "H3",
    "six months",
    "the year to come",
    "1066",
]

PERIODS_BUGS_CAUGHT = [
    # a span "to the end of June 2013" is not a fiscal year with a stated end
    ("the nine months to the end of June 2013", "9M to 2013-06-30"),
    # "by the end of" in front of a fiscal year is stripped, the stated end kept
    ("by the end of the 2012 fiscal year, which concludes on March 31, 2013", "FY2012"),
]

PERIODS_XFAIL = [
    ("the quarter", "Q3 2014"),  # "the quarter" needs the article's context
]


@pytest.mark.parametrize(
    ("text", "fye", "label", "start", "end", "fiscal"),
    PERIODS_DEV,
    ids=[f"{c[0]}|{c[1]}" for c in PERIODS_DEV],
)
def test_parse_period_dev(
    text: str,
    fye: tuple[int, int] | None,
    label: str,
    start: str | None,
    end: str | None,
    fiscal: bool,
) -> None:
    period = parse_period(text, published=PUB, fiscal_year_end=fye)
    assert period is not None
    got_start = period.start.isoformat() if period.start else None
    got_end = period.end.isoformat() if period.end else None
    assert (period.label, got_start, got_end, period.fiscal, period.raw) == (
        label,
        start,
        end,
        fiscal,
        text,
    )


@pytest.mark.parametrize("text", PERIODS_NONE, ids=[t or "<empty>" for t in PERIODS_NONE])
def test_parse_period_refuses(text: str) -> None:
    assert parse_period(text, published=PUB) is None


@pytest.mark.parametrize(
    ("text", "label"), PERIODS_BUGS_CAUGHT, ids=[t for t, _ in PERIODS_BUGS_CAUGHT]
)
def test_parse_period_bugs_caught(text: str, label: str) -> None:
    period = parse_period(text, published=PUB)
    assert period is not None and period.label == label


@pytest.mark.parametrize(
    ("text", "label"),
    [pytest.param(t, v, marks=pytest.mark.xfail(strict=True), id=t) for t, v in PERIODS_XFAIL],
)
def test_parse_period_known_gaps(text: str, label: str) -> None:
    period = parse_period(text, published=PUB)
    assert period is not None and period.label == label


def test_relative_year_without_publication_keeps_only_a_label() -> None:
    period = parse_period("the full year", published=None, fiscal_year_end=MARCH)
    assert period is not None and (period.label, period.start, period.end) == (
        "fiscal year",
        None,
        None,
    )


def test_bad_fiscal_year_end_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_period("fiscal 2012", published=PUB, fiscal_year_end=(2, 30))


def test_seed_convention_matches_the_stated_end() -> None:
    """Sony's own words fix the convention: fiscal 2012 concludes on March 31, 2013."""
    stated = parse_period(
        "the 2012 fiscal year, which concludes on March 31, 2013", published=date(2012, 4, 12)
    )
    assumed = parse_period("fiscal 2012", published=date(2012, 4, 12), fiscal_year_end=MARCH)
    assert stated is not None and assumed is not None
    assert (stated.start, stated.end) == (assumed.start, assumed.end)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("for the fiscal year ending March 31", (3, 31)),
        ("in the year to end-March", (3, 31)),
        ("the 2012 fiscal year, which concludes on March 31, 2013", (3, 31)),
        ("its financial year ended 30 June", (6, 30)),
        ("the fiscal year that ends in September", (9, 30)),
        ("FY ending Dec 31", (12, 31)),
        ("the year ending February", (2, 28)),
        ("a year to remember", None),
        ("the year ended badly", None),
        ("the year ending March 45", None),
        ("", None),
    ],
)
def test_fiscal_year_end_from_text(text: str, want: tuple[int, int] | None) -> None:
    assert fiscal_year_end_from_text(text) == want


# Periods the calendar cannot hold are none (issue 11: these crashed extraction)
BEYOND_THE_CALENDAR = [
    pytest.param("the first half of 0000", id="year-0"),
    pytest.param("Q1 0000", id="quarter-of-year-0"),
    pytest.param("the year ended March 31, 0000", id="year-end-in-year-0"),
    pytest.param("Q4 9999", id="quarter-ending-in-10000"),
    pytest.param("fourth quarter of 9999", id="fourth-quarter-of-9999"),
    pytest.param("H2 9999", id="half-ending-in-10000"),
    pytest.param("the year to December 31, 9999", id="year-to-the-last-day"),
]


@pytest.mark.parametrize("text", BEYOND_THE_CALENDAR)
def test_parse_period_beyond_the_calendar(text: str) -> None:
    assert parse_period(text, published=date(2020, 5, 5)) is None
