"""Fit the company chooser's weights on the tune folds, and measure each feature.

    .venv/bin/python scripts/fit_company_weights.py              # fit and report
    .venv/bin/python scripts/fit_company_weights.py --ablation   # + check-fold ablation table
    .venv/bin/python scripts/fit_company_weights.py --hand-ablation  # hand weights, each zeroed
    .venv/bin/python scripts/fit_company_weights.py --write      # ship the fitted weights

Ship fitted weights only when the check folds show the gain the tune folds do
(``newsledger eval ... --fold check`` before and after); otherwise the hand
weights (``company_weights.hand.json``, the cue's relations in a fixed order) stay shipped.

What it learns from: every company choice the extractor makes (``arguments.Choice``:
the candidates of one cue and their features) in the **tune** articles of the gold
sets (Wikinews tune, BBC financials tune, and BBC business, which was tuned on whole).
A candidate is right when it is, by the scorer's company rule, a company of the
article's gold facts of that type. A choice in an article whose gold has no fact of
that type, or where no candidate is a gold company, says nothing about choosing
between companies and is left out (so "none" keeps its hand weight).

The model is a conditional logit (a softmax over each choice's candidates, the
decision being the highest score), fitted by full-batch gradient descent with an L2
penalty: deterministic, no download, no package beyond numpy. The result is written
to ``src/newsledger/extract/rules/company_weights.json`` with its version and what it
was fitted on. ``--ablation`` then refits without each feature in turn and scores the
**check** folds (never read for tuning) with ``newsledger eval``'s scorer.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "src/newsledger/extract/rules/company_weights.json"
# (gold file, fold): what the weights are fitted on; check folds are only scored
TUNE = (
    ("eval/wikinews.gold.jsonl", "tune"),
    ("eval/bbc-financials.gold.jsonl", "tune"),
    ("eval/bbc-business.gold.jsonl", None),
)
CHECK = (("eval/wikinews.gold.jsonl", "check"), ("eval/bbc-financials.gold.jsonl", "check"))
FACT_OF_EVENT = {"layoff": "layoffs", "financial": "financials"}
STEPS = 3000
RATE = 0.5
HAND = ROOT / "src/newsledger/extract/rules/company_weights.hand.json"
# penalties tried by cross-validation on the tune folds (5 folds by article)
L2_GRID = (0.0003, 0.001, 0.003, 0.01, 0.03)


@dataclass(frozen=True)
class Group:
    """One choice: its candidates' feature rows and which of them are right."""

    rows: np.ndarray
    right: np.ndarray  # bool per row
    article: str = ""


def _extractor() -> Any:
    from newsledger.pipeline import Extractor

    return Extractor()


def choices(extractor: Any, gold_path: str, fold: str | None) -> Iterator[tuple[Any, Any]]:
    """(choice, gold article) for every company choice in the set's articles of ``fold``."""
    return traced(extractor, gold_path, fold, "trace", title=False)


def traced(
    extractor: Any, gold_path: str, fold: str | None, trace: str, *, title: bool = True
) -> Iterator[tuple[Any, Any]]:
    """(choice, gold article) for every choice ``find_events`` records in its list
    ``trace`` ("trace", "cue_trace", "merge_trace") over the set's articles of
    ``fold``; with ``title``, each article's headline is part of it."""
    from newsledger.evaluation.gold import load_gold
    from newsledger.extract.events import find_events
    from newsledger.extract.nlp import make_doc
    from newsledger.extract.parse_copy import parse_copy
    from newsledger.ingest.identity import make_article

    gold = load_gold(ROOT / gold_path, root=ROOT, fold=fold)
    nlp = extractor.nlp
    for item in gold.articles:
        made = make_article(
            item.text, title=item.title if title else None, published=item.published
        )
        article = parse_copy(made).article
        with nlp.select_pipes(disable=["newsledger_events", "newsledger_quotes"]):
            doc = nlp(make_doc(nlp, article))
        found: list[Any] = []
        find_events(doc, article, doc._.nl_entities or [], **{trace: found})
        for choice in found:
            yield choice, item


def label(choice: Any, item: Any) -> np.ndarray | None:
    """Which candidates are right, or None when the choice teaches nothing."""
    from newsledger.evaluation.match import company_match

    fact_type = FACT_OF_EVENT.get(choice.event)
    if fact_type is None or fact_type not in item.scored:
        return None
    names = [f.fields.get("company") for f in item.facts if f.type == fact_type]
    names = [n for n in names if n]
    if not names:
        # no fact of the type here: the event may be one the scorer leaves out (no
        # figure, a breakdown, guidance), so the choice says nothing about companies
        return None
    right = np.array(
        [
            c.name is not None and any(company_match(n, c.name) for n in names)
            for c in choice.candidates
        ]
    )
    return right if right.any() else None


def collect(
    extractor: Any, sets: tuple[tuple[str, str | None], ...]
) -> list[tuple[Any, np.ndarray, str]]:
    out = []
    for path, fold in sets:
        for choice, item in choices(extractor, path, fold):
            right = label(choice, item)
            if right is not None:
                out.append((choice, right, item.id))
    return out


def groups(data: list[tuple[Any, np.ndarray, str]], names: list[str]) -> list[Group]:
    index = {n: i for i, n in enumerate(names)}
    out = []
    for choice, right, article in data:
        rows = np.zeros((len(choice.candidates), len(names)))
        for r, cand in enumerate(choice.candidates):
            for name, value in cand.features.items():
                if name in index:
                    rows[r, index[name]] = value
        out.append(Group(rows, right, article))
    return out


def prior(names: list[str]) -> np.ndarray:
    """The hand weights (the rules' votes decide): what the data must argue away from."""
    from newsledger.extract.events.arguments import load_weights

    hand = load_weights(json.loads(HAND.read_text(encoding="utf-8")))
    return np.array([hand.weights.get(n, 0.0) for n in names])


def fit(
    data: list[Group],
    names: list[str],
    l2: float | None = None,
    centre: np.ndarray | None = None,
) -> np.ndarray:
    """Conditional logit by gradient descent: maximise the mean log P(right | choice)
    minus ``l2`` |w - centre|^2 (the penalty pulls towards the hand weights,
    ``centre``, by default the company chooser's, not to 0)."""
    l2 = L2_GRID[2] if l2 is None else l2
    centre = prior(names) if centre is None else centre
    w = centre.copy()
    if not data:
        return w
    rows = np.vstack([g.rows for g in data])
    right = np.concatenate([g.right for g in data]).astype(float)
    sizes = np.array([len(g.rows) for g in data])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    group = np.repeat(np.arange(len(data)), sizes)
    for _ in range(STEPS):
        scores = rows @ w
        top = np.maximum.reduceat(scores, starts)[group]
        e = np.exp(scores - top)
        p = e / np.add.reduceat(e, starts)[group]
        er = e * right
        q = er / np.add.reduceat(er, starts)[group]
        grad = (q - p) @ rows / len(data) - 2 * l2 * (w - centre)
        w += RATE * grad
    return w


def cross_validate(
    data: list[Group], names: list[str], centre: np.ndarray | None = None
) -> dict[float, float]:
    """Choice accuracy of each penalty on held-out fifths of the tune articles."""
    import hashlib

    def part(g: Group) -> int:
        return hashlib.sha1(g.article.encode()).digest()[0] % 5

    out = {}
    for l2 in L2_GRID:
        hits = 0
        for k in range(5):
            train = [g for g in data if part(g) != k]
            test = [g for g in data if part(g) == k]
            w = fit(train, names, l2, centre)
            hits += sum(bool(g.right[int(np.argmax(g.rows @ w))]) for g in test)
        out[l2] = hits / max(1, len(data))
    return out


def fit_best(
    packed: list[Group], names: list[str], centre: np.ndarray | None = None
) -> tuple[np.ndarray, float, float]:
    """Fit with the penalty that cross-validates best: (weights, tune accuracy, L2)."""
    cv = cross_validate(packed, names, centre)
    l2 = max(cv, key=lambda k: (cv[k], k))
    print("cross-validated choice accuracy per L2:", cv, file=sys.stderr)
    w = fit(packed, names, l2, centre)
    return w, accuracy(packed, w), l2


def show_and_ship(fitted: dict[str, Any], path: Path, write: bool) -> None:
    """Print fitted weights; with ``write``, ship them as the weights file ``path``."""
    print(json.dumps(fitted["weights"], indent=1))
    if write:
        path.write_text(json.dumps(fitted, indent=1) + "\n", encoding="utf-8")


def accuracy(data: list[Group], w: np.ndarray) -> float:
    hits = sum(bool(g.right[int(np.argmax(g.rows @ w))]) for g in data)
    return hits / max(1, len(data))


def _sets(sets: tuple[tuple[str, str | None], ...]) -> str:
    return ", ".join(path + (f":{fold}" if fold else "") for path, fold in sets)


def weights_json(w: np.ndarray, names: list[str], n: int, acc: float, l2: float) -> dict[str, Any]:
    return {
        "version": f"{date.today().isoformat()}.fit",
        "about": (
            "Fitted by scripts/fit_company_weights.py (conditional logit, L2 towards the "
            f"hand weights {l2}, chosen by 5-fold cross-validation on tune) on the tune "
            f"folds: {_sets(TUNE)}; "
            f"{n} choices, chosen right on {acc:.3f} of them. Regenerate, never hand-edit."
        ),
        "bias": 0.0,
        "weights": {
            n_: round(float(v), 4) for n_, v in zip(names, w, strict=True) if abs(v) >= 1e-4
        },
    }


def score_check(weights: dict[str, Any]) -> dict[str, dict[str, float]]:
    """F1 per check fold and fact type with these weights (the eval scorer)."""
    from newsledger.evaluation.gold import load_gold
    from newsledger.evaluation.run import evaluate
    from newsledger.extract.events import arguments

    arguments.default_weights.cache_clear()
    original = arguments.default_weights
    loaded = arguments.load_weights(weights)
    arguments.default_weights = lambda: loaded  # type: ignore[assignment]
    try:
        extractor = _extractor_cached()
        out: dict[str, dict[str, float]] = {}
        for path, fold in CHECK:
            gold = load_gold(ROOT / path, root=ROOT, fold=fold)
            result = evaluate(gold, extractor, with_baselines=False)
            facts = result.system("newsledger").scores.facts
            for fact_type, tally in facts.items():
                out.setdefault(gold.name, {})[fact_type] = round(tally.f1 or 0.0, 3)
        return out
    finally:
        arguments.default_weights = original  # type: ignore[assignment]


def hand_ablation(hand: dict[str, Any], score: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    """Print the check-fold scores of the hand weights, then of the hand weights with
    each weighted feature set to 0 in turn (what each feature does in what ships)."""
    print("| hand weights | " + " | ".join(json.dumps(v) for v in score(hand).values()) + " |")
    for name, value in hand["weights"].items():
        if value:
            without = {**hand, "weights": {**hand["weights"], name: 0.0}}
            scores = score(without)
            print(
                f"| without {name} | " + " | ".join(json.dumps(v) for v in scores.values()) + " |",
                flush=True,
            )


_EXTRACTOR: list[Any] = []


def _extractor_cached() -> Any:
    if not _EXTRACTOR:
        _EXTRACTOR.append(_extractor())
    return _EXTRACTOR[0]


@dataclass(frozen=True)
class Chooser:
    """A linear chooser whose weights a script fits: where its weights live, how they
    load, what its choices are called and which fact type its check folds score."""

    script: str  # the fitting script's file name
    what: str  # what one choice is ("amounts", "mentions")
    module: str  # the module that holds the chooser's default weights
    default: str  # its cached function giving the shipped weights
    loader: str  # its function loading weights from JSON
    fact: str  # the fact type scored on the check folds
    tune: tuple[tuple[str, str | None], ...]
    check: tuple[tuple[str, str | None], ...]
    hand: Path
    weights: Path
    trace: str  # the list ``find_events`` records the chooser's choices in
    names: str  # the module's function giving the feature names, in order

    def feature_names(self) -> list[str]:
        return list(getattr(importlib.import_module(self.module), self.names)())

    def collect(
        self,
        extractor: Any,
        sets: tuple[tuple[str, str | None], ...],
        label: Callable[[Any, Any], np.ndarray | None],
    ) -> list[Group]:
        """Every choice in the sets that ``label`` can say the right candidates of."""
        data = [
            (choice, right, item.id)
            for path, fold in sets
            for choice, item in traced(extractor, path, fold, self.trace)
            if (right := label(choice, item)) is not None
        ]
        return groups(data, self.feature_names())

    def load(self, data: dict[str, Any]) -> Any:
        return getattr(importlib.import_module(self.module), self.loader)(data)

    def centre(self, names: list[str]) -> np.ndarray:
        weights = self.load(json.loads(self.hand.read_text(encoding="utf-8")))
        return np.array([weights.weights.get(n, 0.0) for n in names])

    def weights_json(
        self, w: np.ndarray, names: list[str], n: int, acc: float, l2: float
    ) -> dict[str, Any]:
        return {
            "version": f"{date.today().isoformat()}.fit",
            "about": (
                f"Fitted by scripts/{self.script} (conditional logit, L2 towards the hand "
                f"weights {l2}, chosen by 5-fold cross-validation on tune) on the tune "
                f"folds: {_sets(self.tune)}; {n} {self.what}, chosen right on {acc:.3f} of "
                "them. Regenerate, never hand-edit."
            ),
            "bias": 0.0,
            "weights": {
                k: round(float(v), 4) for k, v in zip(names, w, strict=True) if abs(v) >= 1e-4
            },
        }

    def score_check(self, weights: dict[str, Any]) -> dict[str, float]:
        """The fact type's F1 per check fold with these weights (the eval scorer)."""
        from newsledger.evaluation.gold import load_gold
        from newsledger.evaluation.run import evaluate

        module = importlib.import_module(self.module)
        original = getattr(module, self.default)
        loaded = self.load(weights)
        setattr(module, self.default, lambda: loaded)
        try:
            out: dict[str, float] = {}
            for path, fold in self.check:
                gold = load_gold(ROOT / path, root=ROOT, fold=fold)
                result = evaluate(gold, _extractor_cached(), with_baselines=False)
                tally = result.system("newsledger").scores.facts.get(self.fact)
                out[f"{gold.name}:{fold}"] = round((tally.f1 if tally else 0.0) or 0.0, 3)
            return out
        finally:
            setattr(module, self.default, original)


def fit_chooser(
    chooser: Chooser,
    label: Callable[[Any, Any], np.ndarray | None],
    argv: list[str] | None,
    doc: str | None,
) -> int:
    """The command line of a fitting script: fit on tune, report, ship with --write,
    and with --ablation refit without each feature and score the check folds."""
    ap = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--ablation", action="store_true", help="refit without each feature")
    ap.add_argument("--hand-ablation", action="store_true", help="zero each hand weight")
    ap.add_argument("--write", action="store_true", help="ship the fitted weights")
    args = ap.parse_args(argv)
    if args.hand_ablation:
        hand_ablation(json.loads(chooser.hand.read_text(encoding="utf-8")), chooser.score_check)
        return 0
    names = chooser.feature_names()
    centre = chooser.centre(names)
    packed = chooser.collect(_extractor_cached(), chooser.tune, label)
    w, acc, l2 = fit_best(packed, names, centre)
    before = accuracy(packed, centre)
    print(
        f"{len(packed)} {chooser.what}; chosen right on the tune folds: {acc:.3f} "
        f"(the hand weights: {before:.3f})",
        file=sys.stderr,
    )
    fitted = chooser.weights_json(w, names, len(packed), acc, l2)
    show_and_ship(fitted, chooser.weights, args.write)
    if args.ablation:
        hand_json = json.loads(chooser.hand.read_text(encoding="utf-8"))
        print("\n| weights | " + " | ".join(f"{p}:{f}" for p, f in chooser.check) + " |")
        print("| hand | " + " | ".join(map(str, chooser.score_check(hand_json).values())) + " |")
        full = chooser.score_check(fitted)
        print("| fitted, all features | " + " | ".join(map(str, full.values())) + " |")
        for i, name in enumerate(names):
            keep = [j for j in range(len(names)) if j != i]
            sub = [names[j] for j in keep]
            groups = [Group(g.rows[:, keep], g.right, g.article) for g in packed]
            ws = fit(groups, sub, l2, centre[keep])
            scores = chooser.score_check(chooser.weights_json(ws, sub, len(packed), 0.0, l2))
            print(f"| fitted without {name} | " + " | ".join(map(str, scores.values())) + " |")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--ablation", action="store_true", help="refit without each feature; score check folds"
    )
    ap.add_argument(
        "--hand-ablation", action="store_true", help="zero each hand weight; score check folds"
    )
    ap.add_argument(
        "--write", action="store_true", help="ship the fitted weights (company_weights.json)"
    )
    args = ap.parse_args(argv)
    if args.hand_ablation:
        hand_ablation(json.loads(HAND.read_text(encoding="utf-8")), score_check)
        return 0
    from newsledger.extract.events.arguments import feature_names

    names = list(feature_names())
    data = collect(_extractor_cached(), TUNE)
    packed = groups(data, names)
    w, acc, l2 = fit_best(packed, names)
    from newsledger.extract.events.arguments import default_weights

    hand = default_weights()
    before = accuracy(packed, np.array([hand.weights.get(n, 0.0) for n in names]))
    print(
        f"{len(packed)} choices; chosen right on the tune folds: {acc:.3f} "
        f"(the shipped weights {hand.version}: {before:.3f})",
        file=sys.stderr,
    )
    fitted = weights_json(w, names, len(packed), acc, l2)
    show_and_ship(fitted, WEIGHTS, args.write)
    if args.ablation:
        print("\n| removed feature | " + " | ".join(f"{p}:{f}" for p, f in CHECK) + " |")
        full = score_check(fitted)
        print("| (none: all features) | " + " | ".join(json.dumps(v) for v in full.values()) + " |")
        for i, name in enumerate(names):
            mask = [j for j in range(len(names)) if j != i]
            sub = [names[j] for j in mask]
            ws = fit([Group(g.rows[:, mask], g.right) for g in packed], sub, l2)
            scores = score_check(weights_json(ws, sub, len(packed), 0.0, l2))
            print(
                f"| {name} | " + " | ".join(json.dumps(v) for v in scores.values()) + " |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
