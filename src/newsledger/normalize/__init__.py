"""Pure normalizers: money, numbers, percentages, dates, fiscal periods, currencies.

Each reads one short phrase and returns a frozen value that keeps the raw text
beside the parsed ``Decimal`` or ``date``, or None for what it cannot read.
:func:`clean_for_parse` prepares a whole article for the parser instead (invisible
characters dropped, an offset map back). Nothing here imports spaCy or reads the clock.

>>> parse_money("¥75 billion").currency
'JPY'
"""

from newsledger.normalize.currency import to_usd
from newsledger.normalize.dates import resolve_date
from newsledger.normalize.money import (
    currency_for_country,
    currency_for_nationality,
    find_stated_conversion,
    parse_money,
)
from newsledger.normalize.numbers import parse_count_range, parse_number, parse_percent
from newsledger.normalize.periods import fiscal_year_end_from_text, parse_period
from newsledger.normalize.text import CleanText, clean_for_parse
from newsledger.normalize.types import CountRange, Money, Percent, Period, ResolvedDate

__all__ = [
    "CleanText",
    "CountRange",
    "Money",
    "Percent",
    "Period",
    "ResolvedDate",
    "clean_for_parse",
    "currency_for_country",
    "currency_for_nationality",
    "find_stated_conversion",
    "fiscal_year_end_from_text",
    "parse_count_range",
    "parse_money",
    "parse_number",
    "parse_percent",
    "parse_period",
    "resolve_date",
    "to_usd",
]
