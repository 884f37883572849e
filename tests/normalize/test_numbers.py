"""Numbers, counts and percentages: case tables grouped by where they came from."""

from __future__ import annotations

from decimal import Decimal

import pytest

from newsledger.normalize.numbers import (
    MAX_FIGURE_DIGITS,
    parse_count_range,
    parse_number,
    parse_percent,
)

D = Decimal

NUMBER_DEV = [
    ("10,000", D(10000)),
    ("8 500", D(8500)),
    ("8\u00a0500", D(8500)),
    ("8\u2009500", D(8500)),
    ("1.200", D(1200)),
    ("1.200.000", D(1200000)),
    ("1.5", D("1.5")),
    ("2.5m", D(2500000)),
    ("1.2bn", D(1200000000)),
    ("eight", D(8)),
    ("twenty-five", D(25)),
    ("two million", D(2000000)),
    ("1.5 million", D(1500000)),
    ("a thousand", D(1000)),
    ("hundreds", None),
    ("a dozen", D(12)),
    ("one hundred and twenty", D(120)),
    ("12,345.67", D("12345.67")),
    ("0.75", D("0.75")),
    ("seventy thousand", D(70000)),
    ("nine hundred and ninety-nine", D(999)),
    ("", None),
    ("several", None),
    ("dozens", None),
    ("1,5", None),
    ("12,34", None),
]

NUMBER_BUGS_CAUGHT = [
    # a scale word makes the dot decimal: this is 1.2bn, not 1,200bn
    ("1.200 billion", D(1200000000)),
    # scale abbreviations must not swallow units
    ("5 kilos", None),
    ("2.5 miles", None),
    # number words in the wrong order are not a number
    ("twenty twenty", None),
    ("thousand million two", None),
]

NUMBER_XFAIL = [
    ("half a million", D(500000)),  # fractions of a scale word are not read yet
    ("1,5 million", D(1500000)),  # European decimal comma with a scale word
]


@pytest.mark.parametrize(("text", "want"), NUMBER_DEV, ids=[t or "<empty>" for t, _ in NUMBER_DEV])
def test_parse_number_dev(text: str, want: Decimal | None) -> None:
    assert parse_number(text) == want


@pytest.mark.parametrize(
    ("text", "want"), NUMBER_BUGS_CAUGHT, ids=[t for t, _ in NUMBER_BUGS_CAUGHT]
)
def test_parse_number_bugs_caught(text: str, want: Decimal | None) -> None:
    assert parse_number(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [pytest.param(t, w, marks=pytest.mark.xfail(strict=True), id=t) for t, w in NUMBER_XFAIL],
)
def test_parse_number_known_gaps(text: str, want: Decimal | None) -> None:
    assert parse_number(text) == want


COUNT_DEV = [
    ("1,000-1,200", D(1000), D(1200), None),
    ("1,000 to 1,200", D(1000), D(1200), None),
    ("1,000–1,200", D(1000), D(1200), None),
    ("between 500 and 700", D(500), D(700), None),
    ("from 300 to 400", D(300), D(400), None),
    ("up to 2,500", D(2500), None, "up_to"),
    ("more than 1,000", D(1000), None, "more_than"),
    ("about 5,000", D(5000), None, "about"),
    ("some 2,000", D(2000), None, "about"),
    ("as many as 300", D(300), None, "up_to"),
    ("nearly 3,000", D(3000), None, "nearly"),
    ("around 12,800", D(12800), None, "about"),
    ("at least 40", D(40), None, "at_least"),
    ("1-2 million", D(1000000), D(2000000), None),
    ("up to 1,000-1,500", D(1000), D(1500), "up_to"),
    ("twenty-five", D(25), None, None),
    ("10,000", D(10000), None, None),
]

COUNT_NONE = ["", "some", "several hundred", "700-500", "jobs", "between friends and family"]


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"), COUNT_DEV, ids=[c[0] for c in COUNT_DEV]
)
def test_parse_count_range_dev(
    text: str, low: Decimal, high: Decimal | None, qualifier: str | None
) -> None:
    found = parse_count_range(text)
    assert found is not None
    assert (found.low, found.high, found.qualifier, found.raw) == (low, high, qualifier, text)


@pytest.mark.parametrize("text", COUNT_NONE, ids=[t or "<empty>" for t in COUNT_NONE])
def test_parse_count_range_refuses(text: str) -> None:
    assert parse_count_range(text) is None


PERCENT_DEV = [
    ("15 percent", D(15), "percent", None),
    ("6%", D(6), "percent", None),
    ("6 %", D(6), "percent", None),
    ("8 per cent", D(8), "percent", None),
    ("eight percent", D(8), "percent", None),
    ("15 pc", D(15), "percent", None),
    ("12.5%", D("12.5"), "percent", None),
    ("one in ten", D(10), "fraction", None),
    ("a fifth", D(20), "fraction", None),
    ("about a third", D("33.33"), "fraction", "about"),
    ("nearly half", D(50), "fraction", "nearly"),
    ("two-thirds", D("66.67"), "fraction", None),
    ("a quarter", D(25), "fraction", None),
    ("3 out of 4", D(75), "fraction", None),
    ("roughly one in five", D(20), "fraction", "about"),
    ("more than 20%", D(20), "percent", "more_than"),
    ("10 to 15 percent", D(10), "percent", None),  # a range: its stated low end
    ("15-18%", D(15), "percent", None),
]

PERCENT_NONE = ["15 percentage points", "percent", "15", "the third", "first half", "ten in one"]

PERCENT_XFAIL = [
    ("one-in-ten", D(10)),  # hyphenated ratios are not read yet
]


@pytest.mark.parametrize(
    ("text", "value", "kind", "qualifier"), PERCENT_DEV, ids=[c[0] for c in PERCENT_DEV]
)
def test_parse_percent_dev(text: str, value: Decimal, kind: str, qualifier: str | None) -> None:
    found = parse_percent(text)
    assert found is not None
    assert (found.value, found.kind, found.qualifier, found.raw) == (value, kind, qualifier, text)


@pytest.mark.parametrize("text", PERCENT_NONE, ids=PERCENT_NONE)
def test_parse_percent_refuses(text: str) -> None:
    assert parse_percent(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [pytest.param(t, v, marks=pytest.mark.xfail(strict=True), id=t) for t, v in PERCENT_XFAIL],
)
def test_parse_percent_known_gaps(text: str, value: Decimal) -> None:
    found = parse_percent(text)
    assert found is not None and found.value == value


# A run of digits too long to be a figure is no figure (issue 11: 5,000 digits crashed
# extraction at Python's int-string limit); MAX_FIGURE_DIGITS is 20.
RUN = "9" * 5_000
GROUPED = ",".join(["999"] * 1_700)
TOO_LONG = [
    pytest.param(RUN, id="5000-digits"),
    pytest.param("9" * (MAX_FIGURE_DIGITS + 1), id="21-digits"),
    pytest.param("1." + RUN, id="1.<5000-digits>"),
    pytest.param("1." + "9" * MAX_FIGURE_DIGITS, id="21-digits-with-decimals"),
    pytest.param(GROUPED, id="5100-digits-commas"),
    pytest.param(GROUPED.replace(",", " "), id="5100-digits-spaced"),
    pytest.param(GROUPED.replace(",", "."), id="5100-digits-euro-dots"),
    pytest.param(RUN + " million", id="5000-digits-million"),
    pytest.param("٩" * 5_000, id="5000-arabic-indic-digits"),
]

LONGEST = [
    pytest.param("9" * MAX_FIGURE_DIGITS, D("9" * 20), id="20-digits"),
    pytest.param("99,999,999,999,999,999,999", D("9" * 20), id="20-digits-commas"),
    pytest.param("9" * 20 + " trillion", D("9" * 20) * 10**12, id="20-digits-trillion"),
]


@pytest.mark.parametrize("text", TOO_LONG)
def test_parse_number_too_long(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(("text", "want"), LONGEST)
def test_parse_number_longest_figure(text: str, want: Decimal) -> None:
    assert parse_number(text) == want


@pytest.mark.parametrize("text", TOO_LONG)
def test_parse_count_range_too_long(text: str) -> None:
    assert parse_count_range(text) is None
    assert parse_count_range(f"up to {text}") is None
    assert parse_count_range(f"between 5 and {text}") is None
    assert parse_count_range(f"{text}-{text}") is None


@pytest.mark.parametrize("text", TOO_LONG)
def test_parse_percent_too_long(text: str) -> None:
    assert parse_percent(f"{text}%") is None
    assert parse_percent(f"{text} percent") is None
    assert parse_percent(f"1 in {text}") is None
    assert parse_percent(f"5-{text}%") is None
