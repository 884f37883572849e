"""Convert amounts to US dollars with the ECB reference rates bundled in ``currencyconverter``.

No network: the rates ship with the package (daily, from 1999). The converter is
built once per process on first use, not at import time.

>>> to_usd(Decimal("5"), "USD", None)
Decimal('5')
"""

from __future__ import annotations

from datetime import date
from decimal import Context, Decimal, getcontext
from functools import cache, lru_cache
from typing import Any

_CENT = Decimal("0.01")
_WHOLE_FROM = Decimal(1000)  # amounts this big are reported to the unit, smaller ones to the cent


@cache
def _converter() -> Any:
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


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
