"""Fit the figure chooser's weights (a layoff mention's count and share) on the tune
folds, and measure each feature on the check folds.

    .venv/bin/python scripts/fit_figure_weights.py                  # fit and report
    .venv/bin/python scripts/fit_figure_weights.py --ablation       # + check-fold ablation
    .venv/bin/python scripts/fit_figure_weights.py --hand-ablation  # hand weights, each zeroed
    .venv/bin/python scripts/fit_figure_weights.py --write          # ship the fitted weights

Ship fitted weights only when the check folds show the gain the tune folds do;
otherwise the hand weights (``figure_weights.hand.json``) stay.

What it learns from: every slot (count or share) of every layoff mention the finder
reads (``figures.FigureChoice``: the values the mention's relations read, and
"none") in the tune articles of Wikinews and in BBC business (tuned on whole, so
tune data). A value is right when the article's gold has a layoff with that count
(within 1%, the scorer's tolerance; either end of a range) or that percentage. A
slot none of whose values is in the gold (a mention the gold does not have, or a
figure it leaves out) teaches nothing and is left out.

The model and its fitting are those of ``scripts/fit_company_weights.py``
(conditional logit, L2 towards the hand weights chosen by 5-fold cross-validation
on tune, deterministic, numpy only).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_company_weights as fitting  # the shared fitting code beside this file

ROOT = fitting.ROOT
WEIGHTS = ROOT / "src/newsledger/extract/rules/figure_weights.json"
HAND = ROOT / "src/newsledger/extract/rules/figure_weights.hand.json"
TUNE = (("eval/wikinews.gold.jsonl", "tune"), ("eval/bbc-business.gold.jsonl", None))
CHECK = (("eval/wikinews.gold.jsonl", "check"),)
TOLERANCE = 0.01  # the scorer's: a figure within 1% is the same figure


def _same(value: float | None, gold: Any) -> bool:
    return (
        value is not None
        and gold is not None
        and abs(float(gold) - value) <= TOLERANCE * abs(value)
    )


def _values(cand: Any, slot: str) -> list[float | None]:
    f = cand.figures
    if f is None:
        return []
    return [f.jobs, f.jobs_high] if slot == "jobs" else [f.percent]


def label(choice: Any, item: Any) -> np.ndarray | None:
    """Which candidates are right, or None when the slot teaches nothing."""
    if "layoffs" not in item.scored:
        return None
    facts = [f.fields for f in item.facts if f.type == "layoffs"]
    keys = ("jobs", "jobs_high") if choice.slot == "jobs" else ("percent",)
    right = np.array(
        [
            any(_same(v, f.get(k)) for v in _values(c, choice.slot) for f in facts for k in keys)
            for c in choice.candidates
        ]
    )
    return right if right.any() else None


CHOOSER = fitting.Chooser(
    script="fit_figure_weights.py",
    what="figure slots",
    module="newsledger.extract.events.figures",
    default="default_figure_weights",
    loader="load_figure_weights",
    fact="layoffs",
    tune=TUNE,
    check=CHECK,
    hand=HAND,
    weights=WEIGHTS,
    trace="figure_trace",
    names="figure_feature_names",
)


def main(argv: list[str] | None = None) -> int:
    return fitting.fit_chooser(CHOOSER, label, argv, __doc__)


if __name__ == "__main__":
    sys.exit(main())
