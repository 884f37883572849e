"""The public contract carries the arguments the annotation rules need."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from newsledger.models import Event, EventArgs, Evidence, FinancialArgs, LayoffArgs

EVIDENCE = (Evidence("a1", 0, 4, "Acme"),)


@pytest.mark.parametrize(
    ("type_", "args", "expected"),
    [
        pytest.param("layoff", LayoffArgs(jobs=80, part_of="Acme cut of 2,400"),
                     {"jobs": 80, "part_of": "Acme cut of 2,400"}, id="layoff-breakdown"),
        pytest.param("layoff", LayoffArgs(jobs=2400), {"part_of": None}, id="layoff-total"),
        pytest.param("financial",
                     FinancialArgs("revenue", Decimal("4e8"), currency="EUR", segment="Cards",
                                   period="Q1 2005", period_end=date(2005, 3, 31),
                                   period_months=3),
                     {"segment": "Cards", "period_end": "2005-03-31", "period_months": 3},
                     id="financial-segment-and-period"),
        pytest.param("financial", FinancialArgs("net_profit"),
                     {"segment": None, "period_months": None}, id="financial-company-total"),
    ],
)  # fmt: skip
def test_contract_carries_scope_fields(
    type_: str, args: EventArgs, expected: dict[str, object]
) -> None:
    contract = Event(type_, "Acme", args, EVIDENCE, None).contract()  # type: ignore[arg-type]
    assert {k: contract[k] for k in expected} == expected
