"""Conversion to US dollars with the bundled ECB rates (no network)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from newsledger.normalize.currency import rate_day, to_usd

D = Decimal


@pytest.mark.parametrize(
    ("amount", "currency", "on", "low", "high"),
    [
        # the seed article states ¥75bn as "approx. $926 million" on 12 April 2012
        (D(75000000000), "JPY", date(2012, 4, 12), D(920000000), D(932000000)),
        (D(1000000), "EUR", date(2014, 9, 18), D(1280000), D(1300000)),
        (D(1000000), "gbp", date(2014, 9, 18), D(1620000), D(1650000)),
        # before the data starts (1999): the earliest rate
        (D(100), "EUR", date(1990, 1, 1), D(110), D(125)),
        # a Saturday: the nearest quoted rate
        (D(100), "EUR", date(2014, 9, 13), D(125), D(135)),
    ],
    ids=["jpy-seed", "eur-2014", "gbp-lowercase", "before-data", "weekend"],
)
def test_to_usd_in_range(
    amount: Decimal, currency: str, on: date, low: Decimal, high: Decimal
) -> None:
    usd = to_usd(amount, currency, on)
    assert usd is not None and low <= usd <= high


@pytest.mark.parametrize(
    ("amount", "on"),
    [(D(5), None), (D("2.1E9"), date(2014, 9, 18)), (D("0.5"), date(2001, 1, 1))],
    ids=["latest", "billions", "cents"],
)
def test_usd_is_unchanged(amount: Decimal, on: date | None) -> None:
    assert to_usd(amount, "USD", on) == amount


@pytest.mark.parametrize(
    "currency", ["XYZ", "TWD", ""], ids=["made-up", "not-in-ecb-data", "empty"]
)
def test_unknown_currency_is_none(currency: str) -> None:
    assert to_usd(D(100), currency, date(2014, 1, 1)) is None


def test_rounding_whole_units_from_1000_else_cents() -> None:
    big = to_usd(D(10000000), "EUR", date(2014, 9, 18))
    small = to_usd(D(10), "EUR", date(2014, 9, 18))
    assert big is not None and big == big.to_integral_value()
    assert small is not None and small.as_tuple().exponent == -2


def test_after_the_data_ends_uses_the_last_rate() -> None:
    assert to_usd(D(100), "EUR", date(2100, 1, 1)) == to_usd(D(100), "EUR", None)


def test_an_amount_longer_than_the_decimal_context_converts() -> None:
    # the longest figure (20 digits) in trillions is 32 digits: quantize once refused it
    usd = to_usd(D("9" * 20) * 10**12, "EUR", date(2014, 9, 18))
    assert usd is not None and usd == usd.to_integral_value() and usd > D("1e32")


@pytest.mark.parametrize(
    ("currency", "on", "day", "days_old", "stale"),
    [
        ("JPY", date(2014, 9, 17), date(2014, 9, 17), 0, False),
        ("JPY", date(2014, 9, 13), date(2014, 9, 12), 1, False),  # a Saturday: Friday's
        ("EUR", date(2014, 12, 26), date(2014, 12, 24), 2, False),  # the ECB's holiday
        # Lithuania's litas was last quoted on 31 December 2014, the euro its money since
        ("LTL", date(2015, 6, 30), date(2014, 12, 31), 181, True),
        ("JPY", date(2099, 1, 1), None, None, True),  # after the bundled data ends
        ("JPY", None, None, None, False),  # no article date: the latest rate, nothing to compare
    ],
    ids=["quoted-day", "weekend", "holiday", "no-longer-quoted", "after-the-data", "undated"],
)
def test_rate_day(
    currency: str, on: date | None, day: date | None, days_old: int | None, stale: bool
) -> None:
    found = rate_day(currency, on)
    assert found is not None
    if day is not None:
        assert found.day == day
    if days_old is not None:
        assert found.days_old == days_old
    assert found.stale is stale


@pytest.mark.parametrize("currency", ["USD", "XYZ"], ids=["dollar", "unknown"])
def test_no_rate_day(currency: str) -> None:
    assert rate_day(currency, date(2014, 1, 1)) is None
