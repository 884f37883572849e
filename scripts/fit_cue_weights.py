"""Fit the cue chooser's weights (what an amount of money measures) on the tune folds,
and measure each feature on the check folds.

    .venv/bin/python scripts/fit_cue_weights.py              # fit and report
    .venv/bin/python scripts/fit_cue_weights.py --ablation   # + check-fold ablation table
    .venv/bin/python scripts/fit_cue_weights.py --hand-ablation  # shipped hand weights, each zeroed
    .venv/bin/python scripts/fit_cue_weights.py --write      # ship the fitted weights

Ship fitted weights only when the check folds show the gain the tune folds do;
otherwise the hand weights (``cue_weights.hand.json``: the features decide in a fixed order) stay.

What it learns from: every amount the financial finder weighs (``cues.CueChoice``:
the candidate cues of one amount and their features) in the **tune** articles of
Wikinews and BBC financials. A result cue is right when the article's gold has a
fact of that kind (family; net and pre-tax profit alike) with this amount (within
1%, the scorer's tolerance); when no gold fact has the amount, the traps and
"none" are right. An amount in an article whose gold covers only some kinds
(``annotates``), or whose right cue is not among the candidates, teaches nothing
and is left out.

The model and its fitting are those of ``scripts/fit_company_weights.py``
(conditional logit, L2 towards the hand weights chosen by 5-fold cross-validation
on tune, deterministic, numpy only).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fit_company_weights as fitting  # the shared fitting code beside this file

ROOT = fitting.ROOT
WEIGHTS = ROOT / "src/newsledger/extract/rules/cue_weights.json"
HAND = ROOT / "src/newsledger/extract/rules/cue_weights.hand.json"
TUNE = (("eval/wikinews.gold.jsonl", "tune"), ("eval/bbc-financials.gold.jsonl", "tune"))
CHECK = (("eval/wikinews.gold.jsonl", "check"), ("eval/bbc-financials.gold.jsonl", "check"))
TOLERANCE = Decimal("0.01")  # the scorer's: an amount within 1% is the same figure
_PROFIT = frozenset({"net_profit", "pretax_profit"})


def cue_choices(extractor: Any, gold_path: str, fold: str | None) -> Iterator[tuple[Any, Any]]:
    """(cue choice, gold article) for every amount weighed in the set's ``fold``."""
    return fitting.traced(extractor, gold_path, fold, "cue_trace")


def _same_kind(candidate: str | None, gold: str | None) -> bool:
    from newsledger.evaluation.scope import kind_family

    if candidate is None or gold is None:
        return False
    if candidate in _PROFIT and gold in _PROFIT:
        return True
    return kind_family(candidate) == kind_family(gold)


def label(choice: Any, item: Any) -> np.ndarray | None:
    """Which candidates are right, or None when the amount teaches nothing."""
    if "financials" not in item.scored or choice.amount is None:
        return None
    facts = [f for f in item.facts if f.type == "financials" and f.fields.get("amount")]
    same = [
        f
        for f in facts
        if abs(Decimal(str(f.fields["amount"])) - choice.amount)
        <= TOLERANCE * abs(Decimal(str(f.fields["amount"])))
    ]
    if same:
        kinds = choice.kinds()
        right = np.array([any(_same_kind(k, f.fields.get("kind")) for f in same) for k in kinds])
        return right if right.any() else None
    if item.annotates.get("financials") is not None:
        return None  # only some kinds annotated: an amount with no gold may be another's
    return np.array([c.trap or c.hit is None for c in choice.candidates])


CHOOSER = fitting.Chooser(
    script="fit_cue_weights.py",
    what="amounts",
    module="newsledger.extract.events.cues",
    default="default_cue_weights",
    loader="load_cue_weights",
    fact="financials",
    tune=TUNE,
    check=CHECK,
    hand=HAND,
    weights=WEIGHTS,
    trace="cue_trace",
    names="cue_feature_names",
)


def main(argv: list[str] | None = None) -> int:
    return fitting.fit_chooser(CHOOSER, label, argv, __doc__)


if __name__ == "__main__":
    sys.exit(main())
