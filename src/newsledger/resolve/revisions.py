"""Forecast revisions: which earlier forecast a newer one replaces. Pure decisions.

A company's forecasts of one kind for one period (the same ``period_end`` and
length, the same segment) form a chain in the order they were made (the event's
date, "In July it had forecast ...", else the article's): Sony's net loss
forecast for the year to March 2015 was ¥50bn in July 2014 and ¥230bn in
September, both told by one September article. Each forecast whose figure
differs from the one before it *revises* that one; a forecast that repeats the
figure before it (another outlet, a later mention) revises what that one
revised, so it reads the same way.

Periods are compared by their resolved end and length, never by their label: a
forecast without a resolved period joins no chain.

>>> from datetime import date
>>> from decimal import Decimal as D
>>> july = Forecast(1, date(2014, 7, 31), "net_loss", date(2015, 3, 31), 12, None, D(50e9), "JPY")
>>> sept = Forecast(2, date(2014, 9, 17), "net_loss", date(2015, 3, 31), 12, None, D(230e9), "JPY")
>>> revision_links([july, sept])
{1: None, 2: 1}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import pairwise

from newsledger.resolve.across import amounts_agree

# When two reports state a forecast in different currencies (¥230bn in Tokyo, "$2.1bn"
# in New York), their dollar values are compared: rates moved between the two days,
# so they agree within 5%.
CROSS_CURRENCY_TOLERANCE = Decimal("0.05")


@dataclass(frozen=True)
class Forecast:
    """The parts of a stored forecast that place it in a revision chain."""

    id: int
    stated: date | None  # when it was made, else published; None sorts first (least known)
    kind: str
    period_end: date | None
    period_months: int | None
    segment: str | None
    amount: Decimal | None
    currency: str | None
    amount_usd: Decimal | None = None
    position: int = 0  # where in its article it is stated, for two in one article


def chain_key(f: Forecast) -> tuple[str, date, int | None, str] | None:
    """What a forecast must share with another to revise it; None when its period is unknown.

    >>> chain_key(Forecast(1, None, "revenue", None, None, None, None, None)) is None
    True
    """
    if f.period_end is None or f.amount is None:
        return None
    return (f.kind, f.period_end, f.period_months, (f.segment or "").lower())


def same_figure(a: Forecast, b: Forecast) -> bool:
    """Two reports of one forecast figure: equal within 1% in one currency, or within
    5% in dollars across currencies; figures that cannot be compared are different."""
    if a.currency == b.currency:
        return amounts_agree(a.amount, b.amount)
    if a.amount_usd is None or b.amount_usd is None:
        return False
    return abs(a.amount_usd - b.amount_usd) <= CROSS_CURRENCY_TOLERANCE * max(
        abs(a.amount_usd), abs(b.amount_usd)
    )


def _order(f: Forecast) -> tuple[date, int, int]:
    return (f.stated or date.min, f.position, f.id)


def revision_links(forecasts: Iterable[Forecast]) -> dict[int, int | None]:
    """Each forecast's id to the id of the forecast it revises (None: the first of its
    chain, or a forecast in no chain)."""
    links: dict[int, int | None] = {}
    chains: dict[tuple[str, date, int | None, str], list[Forecast]] = defaultdict(list)
    for f in forecasts:
        key = chain_key(f)
        links[f.id] = None
        if key is not None:
            chains[key].append(f)
    for chain in chains.values():
        chain.sort(key=_order)
        for before, f in pairwise(chain):
            links[f.id] = links[before.id] if same_figure(before, f) else before.id
    return links
