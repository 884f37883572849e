"""How scripts/fit_figure_weights.py labels a layoff mention's figure candidates from gold."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from newsledger.evaluation.gold import GoldFact
from newsledger.extract.events.figures import FigureCandidate, FigureChoice, Figures

_SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
sys.path.insert(0, str(_SCRIPTS))
_SPEC = importlib.util.spec_from_file_location(
    "fit_figure_weights", _SCRIPTS / "fit_figure_weights.py"
)
assert _SPEC is not None and _SPEC.loader is not None
fit_figure = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fit_figure)


def _choice(slot: str, *values: Figures) -> FigureChoice:
    pool = (
        *(FigureCandidate(slot, v, {"count_on_noun": 1.0}) for v in values),
        FigureCandidate(slot, None, {"none": 1.0}),
    )
    return FigureChoice(slot, pool, 0)


def _item(*facts: dict[str, Any], scored: tuple[str, ...] = ("layoffs",)) -> Any:
    gold = tuple(GoldFact("layoffs", f) for f in facts)
    return SimpleNamespace(scored=scored, facts=gold)


# fmt: off
CASES = [
    pytest.param(_choice("jobs", Figures(jobs=55000), Figures(jobs=2500)),
                 _item({"jobs": 2500}), [False, True, False], id="the-cut-not-the-workforce"),
    pytest.param(_choice("jobs", Figures(jobs=1005)), _item({"jobs": 1000}), [True, False],
                 id="within-1%"),
    pytest.param(_choice("jobs", Figures(jobs=300, jobs_high=400)), _item({"jobs": 400}),
                 [True, False], id="either-end-of-a-range"),
    pytest.param(_choice("percent", Figures(percent=6.0)), _item({"jobs": 900, "percent": 6}),
                 [True, False], id="share"),
    pytest.param(_choice("jobs", Figures(jobs=300)), _item({"jobs": 1000}), None,
                 id="figure-gold-lacks-teaches-nothing"),
    pytest.param(_choice("jobs", Figures(jobs=300)), _item({"jobs": 300}, scored=()), None,
                 id="set-without-layoffs-teaches-nothing"),
]
# fmt: on


@pytest.mark.parametrize(("choice", "item", "right"), CASES)
def test_label(choice: FigureChoice, item: Any, right: list[bool] | None) -> None:
    got = fit_figure.label(choice, item)
    if right is None:
        assert got is None
    else:
        assert got is not None and list(np.asarray(got)) == right
