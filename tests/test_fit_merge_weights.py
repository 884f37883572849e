"""How scripts/fit_merge_weights.py labels a layoff mention's candidates from gold."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from newsledger.evaluation.gold import GoldFact
from newsledger.extract.events.merge import NEW_EVENT, MergeCandidate, MergeChoice

_SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
sys.path.insert(0, str(_SCRIPTS))
_SPEC = importlib.util.spec_from_file_location(
    "fit_merge_weights", _SCRIPTS / "fit_merge_weights.py"
)
assert _SPEC is not None and _SPEC.loader is not None
fit_merge = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fit_merge)


def _m(jobs: int | None = None, percent: float | None = None) -> Any:
    return SimpleNamespace(jobs=jobs, jobs_high=None, percent=percent)


def _draft(*mentions: Any) -> MergeCandidate:
    draft = SimpleNamespace(mentions=list(mentions))
    return MergeCandidate("draft", draft)  # type: ignore[arg-type]


def _choice(mention: Any, *drafts: MergeCandidate) -> MergeChoice:
    pool = (MergeCandidate(NEW_EVENT, None), *drafts)
    return MergeChoice(mention, pool, NEW_EVENT)


def _item(*facts: dict[str, Any]) -> Any:
    gold = tuple(GoldFact("layoffs", f) for f in facts)
    return SimpleNamespace(scored=("layoffs",), facts=gold)


# fmt: off
CASES = [
    pytest.param(_choice(_m(percent=8.0), _draft(_m(1000))),
                 _item({"jobs": 1000, "percent": 8}), [False, True], id="share-joins-its-count"),
    pytest.param(_choice(_m(1200), _draft(_m(2500))),
                 _item({"jobs": 2500}, {"jobs": 1200}), [True, False], id="other-fact-is-new"),
    pytest.param(_choice(_m(1005), _draft(_m(1000)), _draft(_m(90))),
                 _item({"jobs": 1000}, {"jobs": 90}), [False, True, False], id="within-1%"),
    pytest.param(_choice(_m(300), _draft(_m(1000))), _item({"jobs": 1000}), None,
                 id="figure-gold-lacks-teaches-nothing"),
    pytest.param(_choice(_m(), _draft(_m(1000))), _item({"jobs": 1000}), None,
                 id="no-figure-teaches-nothing"),
    pytest.param(_choice(_m(500), _draft(_m(1000))), _item({"jobs": 500}, {"jobs": 500}), None,
                 id="two-gold-facts-teach-nothing"),
]
# fmt: on


@pytest.mark.parametrize(("choice", "item", "right"), CASES)
def test_label(choice: MergeChoice, item: Any, right: list[bool] | None) -> None:
    got = fit_merge.label(choice, item)
    if right is None:
        assert got is None
    else:
        assert got is not None and list(np.asarray(got)) == right
