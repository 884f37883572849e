"""Fit the cue chooser's weights (what an amount of money measures) on the tune folds,
and measure each feature on the check folds.

    .venv/bin/python scripts/fit_cue_weights.py              # fit and report
    .venv/bin/python scripts/fit_cue_weights.py --ablation   # + check-fold ablation table
    .venv/bin/python scripts/fit_cue_weights.py --write      # ship the fitted weights

Ship fitted weights only when the check folds show the gain the tune folds do;
otherwise the hand weights (``cue_weights.hand.json``: the hand rules decide) stay.

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

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
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
    from newsledger.evaluation.gold import load_gold
    from newsledger.extract.events import find_events
    from newsledger.extract.nlp import make_doc
    from newsledger.extract.parse_copy import parse_copy
    from newsledger.ingest.identity import make_article

    gold = load_gold(ROOT / gold_path, root=ROOT, fold=fold)
    nlp = extractor.nlp
    for item in gold.articles:
        made = make_article(item.text, title=item.title, published=item.published)
        article = parse_copy(made).article
        with nlp.select_pipes(disable=["newsledger_events", "newsledger_quotes"]):
            doc = nlp(make_doc(nlp, article))
        trace: list[Any] = []
        find_events(doc, article, doc._.nl_entities or [], cue_trace=trace)
        for choice in trace:
            yield choice, item


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


def collect(extractor: Any, sets: tuple[tuple[str, str | None], ...]) -> list[fitting.Group]:
    from newsledger.extract.events.cues import cue_feature_names

    names = list(cue_feature_names())
    index = {n: i for i, n in enumerate(names)}
    out = []
    for path, fold in sets:
        for choice, item in cue_choices(extractor, path, fold):
            right = label(choice, item)
            if right is None:
                continue
            rows = np.zeros((len(choice.candidates), len(names)))
            for r, cand in enumerate(choice.candidates):
                for name, value in cand.features.items():
                    rows[r, index[name]] = value
            out.append(fitting.Group(rows, right, item.id))
    return out


def hand(names: list[str]) -> np.ndarray:
    from newsledger.extract.events.cues import load_cue_weights

    weights = load_cue_weights(json.loads(HAND.read_text(encoding="utf-8")))
    return np.array([weights.weights.get(n, 0.0) for n in names])


def weights_json(w: np.ndarray, names: list[str], n: int, acc: float, l2: float) -> dict[str, Any]:
    sets = ", ".join(f"{p}:{f}" for p, f in TUNE)
    return {
        "version": f"{date.today().isoformat()}.fit",
        "about": (
            "Fitted by scripts/fit_cue_weights.py (conditional logit, L2 towards the hand "
            f"weights {l2}, chosen by 5-fold cross-validation on tune) on the tune folds: "
            f"{sets}; {n} amounts, chosen right on {acc:.3f} of them. Regenerate, never "
            "hand-edit."
        ),
        "bias": 0.0,
        "weights": {k: round(float(v), 4) for k, v in zip(names, w, strict=True) if abs(v) >= 1e-4},
    }


def score_check(weights: dict[str, Any]) -> dict[str, float]:
    """Financials F1 per check fold with these weights (the eval scorer)."""
    from newsledger.evaluation.gold import load_gold
    from newsledger.evaluation.run import evaluate
    from newsledger.extract.events import cues

    original = cues.default_cue_weights
    loaded = cues.load_cue_weights(weights)
    cues.default_cue_weights = lambda: loaded  # type: ignore[assignment]
    try:
        out: dict[str, float] = {}
        for path, fold in CHECK:
            gold = load_gold(ROOT / path, root=ROOT, fold=fold)
            result = evaluate(gold, fitting._extractor_cached(), with_baselines=False)
            tally = result.system("newsledger").scores.facts.get("financials")
            out[f"{gold.name}:{fold}"] = round((tally.f1 if tally else 0.0) or 0.0, 3)
        return out
    finally:
        cues.default_cue_weights = original  # type: ignore[assignment]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--ablation", action="store_true", help="refit without each feature")
    ap.add_argument("--write", action="store_true", help="ship the fitted weights")
    args = ap.parse_args(argv)
    from newsledger.extract.events.cues import cue_feature_names

    names = list(cue_feature_names())
    centre = hand(names)
    packed = collect(fitting._extractor_cached(), TUNE)
    w, acc, l2 = fitting.fit_best(packed, names, centre)
    before = fitting.accuracy(packed, centre)
    print(
        f"{len(packed)} amounts; chosen right on the tune folds: {acc:.3f} "
        f"(the hand weights: {before:.3f})",
        file=sys.stderr,
    )
    fitted = weights_json(w, names, len(packed), acc, l2)
    fitting.show_and_ship(fitted, WEIGHTS, args.write)
    if args.ablation:
        hand_json = json.loads(HAND.read_text(encoding="utf-8"))
        print("\n| weights | " + " | ".join(f"{p}:{f}" for p, f in CHECK) + " |")
        print("| hand | " + " | ".join(map(str, score_check(hand_json).values())) + " |")
        full = score_check(fitted)
        print("| fitted, all features | " + " | ".join(map(str, full.values())) + " |")
        for i, name in enumerate(names):
            keep = [j for j in range(len(names)) if j != i]
            sub = [names[j] for j in keep]
            groups = [fitting.Group(g.rows[:, keep], g.right, g.article) for g in packed]
            ws = fitting.fit(groups, sub, l2, centre[keep])
            scores = score_check(weights_json(ws, sub, len(packed), 0.0, l2))
            print(f"| fitted without {name} | " + " | ".join(map(str, scores.values())) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
