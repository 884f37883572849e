"""The small typed values the normalizers return.

Each keeps the raw text it was read from beside the parsed value, so a reader
can always check a number against what the article said.

>>> Percent(value=Decimal("15"), raw="15 percent", kind="percent").value
Decimal('15')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

Qualifier = Literal["up_to", "more_than", "about", "at_least", "nearly"]
QUALIFIERS: tuple[str, ...] = ("up_to", "more_than", "about", "at_least", "nearly")

DatePrecision = Literal["day", "week", "month", "year"]


@dataclass(frozen=True)
class Money:
    """An amount of money as written: ``amount`` (low end of a range), ``currency`` as ISO 4217.

    ``currency`` is None when the text names a currency we cannot pin down
    (``kr`` without a hint). ``approximate`` is True for "about $5m", "approx. $926m";
    ``qualifier`` keeps the exact reading ("up_to", "more_than", ...).
    """

    amount: Decimal
    raw: str
    currency: str | None = None
    amount_high: Decimal | None = None
    approximate: bool = False
    qualifier: Qualifier | None = None


@dataclass(frozen=True)
class CountRange:
    """A count of things, possibly a range or qualified ("up to 2,500")."""

    low: Decimal
    high: Decimal | None
    raw: str
    qualifier: Qualifier | None = None


@dataclass(frozen=True)
class Percent:
    """A share in percent: "15 percent" -> 15, "one in ten" -> 10 (``kind`` "fraction")."""

    value: Decimal
    raw: str
    kind: Literal["percent", "fraction"] = "percent"
    qualifier: Qualifier | None = None


@dataclass(frozen=True)
class ResolvedDate:
    """A date phrase resolved against a publication date; ``precision`` says how much is known."""

    value: date
    precision: DatePrecision
    raw: str


@dataclass(frozen=True)
class Period:
    """A reporting period: "FY2012", "Q3 2014", "H1 2013", "2011", or "fiscal year" when unknown."""

    label: str
    raw: str
    start: date | None = None
    end: date | None = None
    fiscal: bool = False
