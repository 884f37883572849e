"""Date phrases resolved against a publication date."""

from __future__ import annotations

from datetime import date

import pytest

from newsledger.normalize.dates import resolve_date

PUB = date(2014, 9, 18)  # a Thursday
PUB_SEED = date(2012, 4, 12)  # also a Thursday

# (text, published, value, precision)
DATES_DEV = [
    ("yesterday", PUB, "2014-09-17", "day"),
    ("today", PUB, "2014-09-18", "day"),
    ("tomorrow", PUB, "2014-09-19", "day"),
    ("on Monday", PUB, "2014-09-15", "day"),
    ("Monday", PUB, "2014-09-15", "day"),
    ("next Monday", PUB, "2014-09-22", "day"),
    ("on Thursday", PUB, "2014-09-18", "day"),
    ("last week", PUB, "2014-09-08", "week"),
    ("earlier this week", PUB_SEED, "2012-04-09", "week"),
    ("this week", PUB, "2014-09-15", "week"),
    ("last month", PUB, "2014-08-01", "month"),
    ("earlier this month", PUB, "2014-09-01", "month"),
    ("in December", PUB, "2013-12-01", "month"),
    ("in December", date(2014, 12, 20), "2014-12-01", "month"),
    ("next December", PUB, "2014-12-01", "month"),
    ("December 2013", PUB, "2013-12-01", "month"),
    ("March 31, 2013", PUB, "2013-03-31", "day"),
    ("31 March 2013", PUB, "2013-03-31", "day"),
    ("2013-03-31", PUB, "2013-03-31", "day"),
    ("last year", PUB, "2013-01-01", "year"),
    ("in 2011", PUB, "2011-01-01", "year"),
    ("Jan. 5", date(2014, 1, 10), "2014-01-05", "day"),
    ("Dec. 30", date(2014, 1, 10), "2013-12-30", "day"),
    ("mid-December", PUB, "2013-12-01", "month"),
    ("a week ago", PUB, "2014-09-11", "day"),
    ("on September 3rd", PUB, "2014-09-03", "day"),
    ("the 5th of June", PUB, "2014-06-05", "day"),
    ("yesterday.", PUB, "2014-09-17", "day"),
    ("Last  Week", PUB, "2014-09-08", "week"),
    ("last autumn", PUB, "2013-09-01", "month"),
    ("last spring", PUB, "2014-03-01", "month"),
    ("this spring", PUB, "2014-03-01", "month"),
    ("in the winter", PUB, "2013-12-01", "month"),
    ("next summer", PUB, "2015-06-01", "month"),
    ("the autumn of 2009", PUB, "2009-09-01", "month"),
]

DATES_NONE = [
    "",
    "soon",
    "recently",
    "the board",
    "may",
    "march",
    "Sun Microsystems",
    "1066",
    "Feb 30",
]

DATES_BUGS_CAUGHT = [
    # "a week ago": "a" is one, not an unreadable number
    ("a week ago", "2014-09-11"),
    # a lower-case "may" is the verb
    ("may", None),
    # but a capitalized May standing alone is the month
    ("May", "2014-05-01"),
]

DATES_XFAIL = [
    ("the week before last", "2014-09-01"),  # not in the relative table yet
    ("end of next month", "2014-10-31"),  # month ends resolve to the 1st, by design for now
]


@pytest.mark.parametrize(
    ("text", "published", "value", "precision"),
    DATES_DEV,
    ids=[f"{c[0]}@{c[1]}" for c in DATES_DEV],
)
def test_resolve_date_dev(text: str, published: date, value: str, precision: str) -> None:
    found = resolve_date(text, published)
    assert found is not None
    assert (found.value.isoformat(), found.precision, found.raw) == (value, precision, text.strip())


@pytest.mark.parametrize("text", DATES_NONE, ids=[t or "<empty>" for t in DATES_NONE])
def test_resolve_date_refuses(text: str) -> None:
    assert resolve_date(text, PUB) is None


@pytest.mark.parametrize(
    ("text", "value"), DATES_BUGS_CAUGHT, ids=[t for t, _ in DATES_BUGS_CAUGHT]
)
def test_resolve_date_bugs_caught(text: str, value: str | None) -> None:
    found = resolve_date(text, PUB)
    assert (found.value.isoformat() if found else None) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [pytest.param(t, v, marks=pytest.mark.xfail(strict=True), id=t) for t, v in DATES_XFAIL],
)
def test_resolve_date_known_gaps(text: str, value: str) -> None:
    found = resolve_date(text, PUB)
    assert found is not None and found.value.isoformat() == value


def test_dateparser_fallback_reads_other_absolute_forms() -> None:
    found = resolve_date("3 Sep 2012 at 10am", PUB)
    assert found is not None and found.value == date(2012, 9, 3)


def test_published_is_required_to_be_a_date() -> None:
    with pytest.raises(TypeError):
        resolve_date("yesterday", None)  # type: ignore[arg-type]


# Counts and years the calendar cannot hold are no date (issue 11: these crashed)
BEYOND_THE_CALENDAR = [
    pytest.param("2021 years ago", id="before-year-1"),
    pytest.param("99999999 days ago", id="99999999-days-ago"),
    pytest.param(f"{'9' * 20} weeks ago", id="20-digit-weeks-ago"),
    pytest.param(f"{'9' * 5_000} years ago", id="5000-digit-years-ago"),
    pytest.param("January 0000", id="year-0"),
    pytest.param("0000-01-01", id="iso-year-0"),
]


@pytest.mark.parametrize("text", BEYOND_THE_CALENDAR)
def test_resolve_date_beyond_the_calendar(text: str) -> None:
    assert resolve_date(text, PUB) is None
