"""Convert amounts to US dollars with the ECB reference rates bundled in ``currencyconverter``.

No network: the rates ship with the package (daily, from 1999). The converter is
built once per process on first use, not at import time.

>>> to_usd(Decimal("5"), "USD", None)
Decimal('5')

:func:`rate_day` tells which day's rate a conversion used, so a figure shown
"≈ $2.1bn" can carry the rate's date, and a rate much older than the article
(a currency the ECB stopped quoting, an article newer than the bundled data)
shows as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Context, Decimal, getcontext
from functools import cache, lru_cache
from typing import Any

_CENT = Decimal("0.01")
_WHOLE_FROM = Decimal(1000)  # amounts this big are reported to the unit, smaller ones to the cent
# A rate older than the article by more than a week is no longer that day's rate: a
# weekend or a holiday gap is at most four days, a longer one means the data stops.
STALE_RATE_DAYS = 7


@cache
def _converter() -> Any:
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


@cache
def _quoted() -> Any:
    """The converter without gap-filling: its rates are None on days not quoted."""
    from currency_converter import CurrencyConverter

    return CurrencyConverter()


@lru_cache(maxsize=4096)  # a conversion costs milliseconds; articles repeat currency and day
def _rate(code: str, on: date | None) -> Decimal | None:
    converter = _converter()
    if code not in converter.currencies:
        return None
    # One unit's rate, multiplied in Decimal, so large amounts keep their digits.
    return Decimal(repr(converter.convert(1.0, code, "USD", date=on)))


def to_usd(amount: Decimal, currency: str, on: date | None) -> Decimal | None:
    """``amount`` of ``currency`` (ISO 4217) in US dollars at the ECB rate of ``on``.

    ``on=None`` uses the latest rate in the bundled data. A date before the data
    starts (1999) or after it ends, or a day without a rate (weekends, or a
    currency the ECB stopped quoting), falls back to the nearest available rate.
    Returns None for a currency the data does not know. Amounts of 1000 USD or
    more are rounded to whole dollars, smaller ones to cents.

    >>> to_usd(Decimal("75000000000"), "JPY", date(2012, 4, 12))
    Decimal('925919842')
    >>> to_usd(Decimal("1"), "XYZ", None) is None
    True
    """
    code = currency.upper()
    if code == "USD":
        return amount
    rate = _rate(code, on)
    if rate is None:
        return None
    value = amount * rate
    step = Decimal(1) if abs(value) >= _WHOLE_FROM else _CENT
    # quantize refuses a result longer than the context's 28 digits: give it room,
    # as "$99,999,999,999,999,999 trillion" is a figure too (32 digits)
    room = Context(prec=max(getcontext().prec, value.adjusted() + 3))
    return value.quantize(step, context=room)


@dataclass(frozen=True)
class RateDay:
    """The day whose ECB rate converted an amount, and how old it was for the article.

    ``days_old`` is how many days before the article's date the rate was quoted
    (None without an article date); ``stale`` when more than :data:`STALE_RATE_DAYS`.
    """

    day: date
    days_old: int | None

    @property
    def stale(self) -> bool:
        return self.days_old is not None and self.days_old > STALE_RATE_DAYS


@lru_cache(maxsize=4096)
def rate_day(currency: str, on: date | None) -> RateDay | None:
    """The last day on or before ``on`` when the ECB quoted both ``currency`` and the
    dollar: the rate :func:`to_usd` used, or the older end of the two it blended across
    a gap. None for the dollar itself and for a currency the data does not know.

    >>> rate_day("JPY", date(2014, 9, 13))   # a Saturday: Friday's rate
    RateDay(day=datetime.date(2014, 9, 12), days_old=1)
    >>> rate_day("EUR", date(1990, 1, 1)).days_old   # before the data: a later rate
    -3290
    """
    code = currency.upper()
    if code == "USD":
        return None
    converter = _quoted()
    if code not in converter.currencies:
        return None
    first, last = _shared_bounds(converter, code)
    if on is None or on >= last:
        day = last
    elif on <= first:
        day = first
    else:
        day = _last_quoted(converter, code, on, first)
    return RateDay(day, None if on is None else (on - day).days)


def _quoted_codes(converter: Any, code: str) -> tuple[str, ...]:
    """The currencies whose quotes a conversion to dollars needs (the euro, the ECB's
    own currency, has none)."""
    return tuple(c for c in (code, "USD") if c != converter.ref_currency)


def _shared_bounds(converter: Any, code: str) -> tuple[date, date]:
    spans = [converter.bounds[c] for c in _quoted_codes(converter, code)]
    return max(s.first_date for s in spans), min(s.last_date for s in spans)


def _last_quoted(converter: Any, code: str, on: date, first: date) -> date:
    codes = _quoted_codes(converter, code)
    day = on
    while day > first and any(converter._rates[c].get(day) is None for c in codes):
        day = date.fromordinal(day.toordinal() - 1)
    return day
