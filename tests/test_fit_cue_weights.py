"""How scripts/fit_cue_weights.py labels an amount's candidate cues from gold."""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from newsledger.evaluation.gold import GoldFact
from newsledger.extract.events.cues import NONE_CUE, CueCandidate, CueChoice

_SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
sys.path.insert(0, str(_SCRIPTS))
_SPEC = importlib.util.spec_from_file_location("fit_cue_weights", _SCRIPTS / "fit_cue_weights.py")
assert _SPEC is not None and _SPEC.loader is not None
fit_cue = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fit_cue)


def _kind(value: str) -> CueCandidate:
    hit = SimpleNamespace(rule=SimpleNamespace(value=value))
    return CueCandidate(f"kind@{value}", hit, False)  # type: ignore[arg-type]


def _choice(amount: str | None, *cands: CueCandidate) -> CueChoice:
    pool = (*cands, CueCandidate("trap@price", None, True), CueCandidate(NONE_CUE, None, False))
    return CueChoice("$x", None if amount is None else Decimal(amount), pool, NONE_CUE)


def _item(*facts: tuple[str, float], annotates: Any = None) -> Any:
    gold = tuple(GoldFact("financials", {"kind": k, "amount": a}) for k, a in facts)
    kinds = {} if annotates is None else {"financials": annotates}
    return SimpleNamespace(scored=("financials",), facts=gold, annotates=kinds)


# fmt: off
CASES = [
    pytest.param(_choice("40000000", _kind("net_loss"), _kind("revenue")),
                 _item(("net_loss", 4e7)), [True, False, False, False], id="kind-of-the-amount"),
    pytest.param(_choice("40200000", _kind("net_loss")), _item(("net_loss", 4e7)),
                 [True, False, False], id="within-one-percent"),
    pytest.param(_choice("40000000", _kind("net_profit")), _item(("pretax_profit", 4e7)),
                 [True, False, False], id="net-and-pretax-profit-alike"),
    pytest.param(_choice("40000000", _kind("net_loss")), _item(("revenue", 9e9)),
                 [False, True, True], id="no-gold-amount-trap-and-none-right"),
    pytest.param(_choice("40000000", _kind("revenue")), _item(("net_loss", 4e7)), None,
                 id="right-cue-missing-teaches-nothing"),
    pytest.param(_choice("40000000", _kind("net_loss")), _item(annotates=frozenset({"revenue"})),
                 None, id="partial-annotation-teaches-nothing"),
    pytest.param(_choice(None, _kind("net_loss")), _item(("net_loss", 4e7)), None,
                 id="unread-amount-teaches-nothing"),
]
# fmt: on


@pytest.mark.parametrize(("choice", "item", "expected"), CASES)
def test_label(choice: CueChoice, item: Any, expected: list[bool] | None) -> None:
    right = fit_cue.label(choice, item)
    assert (None if right is None else [bool(x) for x in right]) == expected
