"""Fit the layoff merger's weights (which layoff a mention states) on the tune folds,
and measure each feature on the check folds.

    .venv/bin/python scripts/fit_merge_weights.py              # fit and report
    .venv/bin/python scripts/fit_merge_weights.py --ablation   # + check-fold ablation
    .venv/bin/python scripts/fit_merge_weights.py --write      # ship the fitted weights

Ship fitted weights only when the check folds show the gain the tune folds do;
otherwise the hand weights (``merge_weights.hand.json``) stay.

What it learns from: every mention with a figure that the merger weighs
(``merge.MergeChoice``: a new event and every layoff drafted so far, with their
features) in the tune articles of Wikinews and in BBC business (tuned on whole, so
tune data). A mention's gold fact is the layoff of the article's gold with its
count (within 1%, the scorer's tolerance; or the top of a range) or its
percentage. The right candidates are the drafts holding a mention of the same
gold fact; when none does, a new event. A mention no gold fact has (a figure the
gold leaves out, or a false find) teaches nothing and is left out, as is a
mention that matches two gold facts.

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
WEIGHTS = ROOT / "src/newsledger/extract/rules/merge_weights.json"
HAND = ROOT / "src/newsledger/extract/rules/merge_weights.hand.json"
TUNE = (("eval/wikinews.gold.jsonl", "tune"), ("eval/bbc-business.gold.jsonl", None))
CHECK = (("eval/wikinews.gold.jsonl", "check"),)
TOLERANCE = 0.01  # the scorer's: a count within 1% is the same figure


def _fact_of(m: Any, facts: list[dict[str, Any]]) -> int | None:
    """The index of the one gold layoff with the mention's count or share, else None."""

    def same(a: float | None, b: Any) -> bool:
        return a is not None and b is not None and abs(float(b) - a) <= TOLERANCE * abs(a)

    hits = {
        i
        for i, f in enumerate(facts)
        if same(m.jobs, f.get("jobs"))
        or same(m.jobs_high, f.get("jobs"))
        or same(m.jobs, f.get("jobs_high"))
        or same(m.percent, f.get("percent"))
    }
    return hits.pop() if len(hits) == 1 else None


def label(choice: Any, item: Any) -> np.ndarray | None:
    """Which candidates are right, or None when the mention teaches nothing."""
    if "layoffs" not in item.scored:
        return None
    facts = [f.fields for f in item.facts if f.type == "layoffs"]
    mine = _fact_of(choice.mention, facts)
    if mine is None:
        return None
    holds = [
        c.draft is not None and any(_fact_of(m, facts) == mine for m in c.draft.mentions)
        for c in choice.candidates
    ]
    if not any(holds):
        return np.array([c.draft is None for c in choice.candidates])
    return np.array(holds)


CHOOSER = fitting.Chooser(
    script="fit_merge_weights.py",
    what="mentions",
    module="newsledger.extract.events.merge",
    default="default_merge_weights",
    loader="load_merge_weights",
    fact="layoffs",
    tune=TUNE,
    check=CHECK,
    hand=HAND,
    weights=WEIGHTS,
    trace="merge_trace",
    names="merge_feature_names",
)


def main(argv: list[str] | None = None) -> int:
    return fitting.fit_chooser(CHOOSER, label, argv, __doc__)


if __name__ == "__main__":
    sys.exit(main())
