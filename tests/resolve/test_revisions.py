"""Forecast revision chains, decided without a store: a table of cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from newsledger.resolve.revisions import Forecast, revision_links

D = Decimal
MAR15 = date(2015, 3, 31)


def fc(
    id: int,
    stated: date | None,
    amount: str | None,
    currency: str = "JPY",
    *,
    kind: str = "net_loss",
    end: date | None = MAR15,
    months: int | None = 12,
    segment: str | None = None,
    usd: str | None = None,
    position: int = 0,
) -> Forecast:
    value = None if amount is None else D(amount)
    dollars = None if usd is None else D(usd)
    return Forecast(id, stated, kind, end, months, segment, value, currency, dollars, position)


JUL, SEP, OCT = date(2014, 7, 1), date(2014, 9, 17), date(2014, 10, 20)

CASES = [
    pytest.param([fc(1, JUL, "5E10"), fc(2, SEP, "2.3E11")], {1: None, 2: 1}, id="raised"),
    pytest.param(
        [fc(2, SEP, "2.3E11"), fc(1, JUL, "5E10")], {1: None, 2: 1}, id="stored-out-of-order"
    ),
    pytest.param(
        [fc(1, JUL, "5E10"), fc(2, SEP, "2.3E11"), fc(3, OCT, "2.3E11")],
        {1: None, 2: 1, 3: 1},
        id="repeat-reads-as-the-revision-it-repeats",
    ),
    pytest.param(
        [fc(1, JUL, "5E10"), fc(2, JUL, "5.02E10")], {1: None, 2: None}, id="within-1pct-same"
    ),
    pytest.param(
        [fc(1, JUL, "5E10"), fc(2, SEP, "2.3E11", end=date(2016, 3, 31))],
        {1: None, 2: None},
        id="other-period-no-chain",
    ),
    pytest.param(
        [fc(1, JUL, "5E10", months=12), fc(2, SEP, "2.3E11", months=6)],
        {1: None, 2: None},
        id="other-length-no-chain",
    ),
    pytest.param(
        [fc(1, JUL, "5E10"), fc(2, SEP, "2.3E11", kind="operating_loss")],
        {1: None, 2: None},
        id="other-kind-no-chain",
    ),
    pytest.param(
        [fc(1, JUL, "5E10"), fc(2, SEP, "2.3E11", segment="mobile")],
        {1: None, 2: None},
        id="segment-is-not-the-company",
    ),
    pytest.param(
        [fc(1, JUL, "5E10", end=None), fc(2, SEP, "2.3E11", end=None)],
        {1: None, 2: None},
        id="unknown-period-no-chain",
    ),
    pytest.param(
        [fc(1, SEP, "2.3E11", usd="2.1E9"), fc(2, OCT, "2.1E9", "USD", usd="2.1E9")],
        {1: None, 2: None},
        id="same-figure-in-dollars",
    ),
    pytest.param(
        [fc(1, SEP, "2.3E11", usd="2.1E9"), fc(2, OCT, "3E9", "USD", usd="3E9")],
        {1: None, 2: 1},
        id="other-figure-in-dollars",
    ),
    pytest.param(
        [fc(2, SEP, "2.3E11", position=10), fc(1, SEP, "5E10", position=90)],
        {2: None, 1: 2},
        id="one-article-text-order",
    ),
    pytest.param([fc(1, JUL, None)], {1: None}, id="no-amount"),
]


@pytest.mark.parametrize(("forecasts", "links"), CASES)
def test_revision_links(forecasts: list[Forecast], links: dict[int, int | None]) -> None:
    assert revision_links(forecasts) == links
