"""Publication dates from feeds, pages and JSON Lines records."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest

from newsledger.ingest.dates import dateline_date, from_struct_time, parse_published

PARSED = {
    "iso date": ("2012-04-12", date(2012, 4, 12)),
    "iso datetime with Z": ("2014-09-17T08:00:00Z", date(2014, 9, 17)),
    "iso datetime with offset": ("2014-09-17T23:30:00+09:00", date(2014, 9, 17)),
    "rfc 2822": ("Thu, 12 Apr 2012 09:30:00 +0900", date(2012, 4, 12)),
    "rfc 2822 GMT": ("Wed, 17 Sep 2014 06:00:00 GMT", date(2014, 9, 17)),
    "day month year": ("12 April 2012", date(2012, 4, 12)),
    "abbreviated month": ("12 Apr 2012", date(2012, 4, 12)),
    "us order": ("April 12, 2012", date(2012, 4, 12)),
    "day first slashes": ("12/04/2012", date(2012, 4, 12)),
    "dotted (dateparser)": ("17.09.2014", date(2014, 9, 17)),
    "abbreviation with dot (dateparser)": ("Sept. 17, 2014", date(2014, 9, 17)),
    "outer spaces": ("  2012-04-12 ", date(2012, 4, 12)),
}


@pytest.mark.parametrize("case", list(PARSED.values()), ids=list(PARSED))
def test_parse_published(case: tuple[str, date]) -> None:
    text, expected = case
    assert parse_published(text) == expected


UNREADABLE = {
    "relative": "yesterday",
    "month only": "April 2012",
    "year only": "2012",
    "empty": "",
    "nonsense": "not a date",
    "implausibly old": "0001-01-01",
}


@pytest.mark.parametrize("text", list(UNREADABLE.values()), ids=list(UNREADABLE))
def test_unreadable_dates_are_none(text: str) -> None:
    assert parse_published(text) is None


def test_dates_and_datetimes_pass_through() -> None:
    assert parse_published(date(2012, 4, 12)) == date(2012, 4, 12)
    assert parse_published(datetime(2012, 4, 12, 9, 30)) == date(2012, 4, 12)
    assert parse_published(None) is None


def test_struct_time() -> None:
    assert from_struct_time(time.strptime("2019-02-12", "%Y-%m-%d")) == date(2019, 2, 12)
    assert from_struct_time(None) is None


def test_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse_published(20120412)  # type: ignore[arg-type]


DATELINES = [
    ("wire us style", "Acme cuts\n\nTOKYO, April 12, 2012 - Acme said", date(2012, 4, 12)),
    ("day first with agency", "LONDON, 3 May 2014 (Reuters) - Shares", date(2014, 5, 3)),
    ("abbreviated month, em dash", "NEW YORK, Sept. 5, 2013 — The bank", date(2013, 9, 5)),
    ("date inside a sentence is no dateline", "Acme said on April 12, 2012 that", None),
    ("no date at all", "Acme cuts jobs\n\nAcme said today", None),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in DATELINES], ids=[c[0] for c in DATELINES]
)
def test_dateline_date(text: str, expected: date | None) -> None:
    assert dateline_date(text) == expected
