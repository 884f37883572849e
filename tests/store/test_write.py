"""Event arguments to columns and back: fields without a column live in ``details``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from newsledger.models import EventArgs, FinancialArgs, LayoffArgs
from newsledger.store.write import args_from_row, event_columns


@pytest.mark.parametrize(
    ("type_", "args"),
    [
        pytest.param("layoff", LayoffArgs(jobs=80, unit="Canada", part_of="e1"), id="part-of"),
        pytest.param("financial",
                     FinancialArgs("revenue", Decimal("4e8"), currency="EUR", segment="Cards",
                                   period_end=date(2005, 3, 31), period_months=3),
                     id="segment-and-period-months"),
        pytest.param("financial", FinancialArgs("net_loss", Decimal(5)), id="none-set"),
    ],
)  # fmt: skip
def test_args_round_trip(type_: str, args: EventArgs) -> None:
    row = {"type": type_, **event_columns(args)}
    assert args_from_row(row) == args
