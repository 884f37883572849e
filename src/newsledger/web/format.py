"""Small display formatters for the templates: figures, money, field values.

>>> figure(6200000000), money(8_300_000_000), money(926_000_000), money(12_500)
('6,200,000,000', '8.3bn', '926m', '12,500')
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any


def figure(value: Any) -> str:
    """A number with thousands separators (and at most two decimals); else as text.

    >>> figure(1000), figure(15.0), figure(0.125), figure("One Sony"), figure(True)
    ('1,000', '15', '0.12', 'One Sony', 'True')
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    if value == int(value):
        return f"{int(value):,}"
    return f"{float(value):,.2f}".rstrip("0")


def money(value: Any) -> str:
    """A large amount in short form: ``8.3bn``, ``926m``; smaller ones in full.

    >>> money(Decimal("-2100000000")), money(1_000_000_000), money(None)
    ('-2.1bn', '1bn', '')
    """
    if value is None:
        return ""
    amount = float(value)
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(amount) >= scale:
            return f"{amount / scale:,.1f}".removesuffix(".0") + suffix
    return figure(value)
