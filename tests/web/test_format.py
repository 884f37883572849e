"""Display formatters used by the templates."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from newsledger.web.format import figure, money


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(1000, "1,000", id="int"),
        pytest.param(15.0, "15", id="whole-float"),
        pytest.param(6.25, "6.25", id="fraction"),
        pytest.param(Decimal("926000000"), "926,000,000", id="decimal"),
        pytest.param(["gaming", "imaging"], "gaming, imaging", id="list"),
        pytest.param(False, "False", id="bool-is-not-a-number"),
        pytest.param("fiscal year", "fiscal year", id="text"),
    ],
)
def test_figure(value: Any, expected: str) -> None:
    assert figure(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(8_300_000_000, "8.3bn", id="billions"),
        pytest.param(Decimal("75000000000"), "75bn", id="whole-billions"),
        pytest.param(926_000_000, "926m", id="millions"),
        pytest.param(2_500_000_000_000, "2.5tn", id="trillions"),
        pytest.param(-450_000_000, "-450m", id="negative"),
        pytest.param(999_999, "999,999", id="below-a-million"),
        pytest.param(None, "", id="none"),
    ],
)
def test_money(value: Any, expected: str) -> None:
    assert money(value) == expected
