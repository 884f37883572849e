"""Accuracy per dev set and fold, and pooled over the check folds with bootstrap intervals.

Runs the machinery of ``newsledger eval`` (``load_gold`` with its ``fold``,
``evaluate`` without baselines, the matcher's per-article counts) over every
dev set in ``eval/``:

| set | folds | role |
|---|---|---|
| wikinews | tune, check | rules read on tune; check only scored |
| bbc-financials | tune, check | as wikinews |
| bbc-business | whole | rules were tuned on the whole set: reported, no check |
| polnear | whole | the set is PolNeAR's score fold (``bench/polnear.py``): a check |
| seeds | whole | two articles, the project's own examples |

For each set x fold x fact type (layoffs, financials, quotes) it prints TP, FP,
FN, P, R, F1 at the fact level, as ``newsledger eval`` counts them. Then, per
fact type, the check folds pooled (TP, FP and FN summed over the check folds
that annotate that type) with a 95% percentile bootstrap interval: each
resample draws, within each check fold, as many articles as the fold holds,
with replacement, and sums their counts (1000 resamples, fixed seed). The
targets of issue 9 are printed beside the pooled figures.

Deterministic: fixed set order, fixed seed, no timings in the output.

    .venv/bin/python bench/folds.py [--commit LABEL] [--json] [--root DIR]
                                    [--eval-dir eval] [--resamples 1000] [--seed N]
    .venv/bin/python bench/folds.py --from-json saved.json   # the markdown of a saved --json
    .venv/bin/python bench/folds.py --compare a.json b.json  # saved runs side by side

Gold ``path``s resolve against ``--root`` (default: the gold file's repository
root, as ``newsledger eval``). To score an older commit, run this file from a
worktree of it with ``PYTHONPATH=<worktree>/src`` and ``--root /work/main`` (the
worktree has no ``../shared`` beside it).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsledger.evaluation.gold import load_gold
from newsledger.evaluation.run import NEWSLEDGER, evaluate

KINDS = ("layoffs", "financials", "quotes")
# (set, fold or None for the whole set, role)
SETS: tuple[tuple[str, str | None, str], ...] = (
    ("wikinews", "tune", "tune"),
    ("wikinews", "check", "check"),
    ("bbc-financials", "tune", "tune"),
    ("bbc-financials", "check", "check"),
    ("bbc-business", None, "whole (tuned on)"),
    ("polnear", None, "check (PolNeAR score fold)"),
    ("seeds", None, "whole"),
)
TARGETS = {"layoffs": 0.85, "financials": 0.80, "quotes": 0.85}  # issue 9, check folds pooled
SEED = 20261201
RESAMPLES = 1000

Tally = tuple[int, int, int]  # tp, fp, fn


@dataclass(frozen=True)
class Part:
    """One set x fold: per fact type, the per-article (tp, fp, fn) of the articles scoring it."""

    name: str
    fold: str | None
    role: str
    per_article: tuple[dict[str, Tally], ...]

    @property
    def label(self) -> str:
        return f"{self.name}:{self.fold}" if self.fold else self.name

    @property
    def is_check(self) -> bool:
        return self.role.startswith("check")

    def kinds(self) -> list[str]:
        return [k for k in KINDS if any(k in a for a in self.per_article)]

    def articles(self, kind: str) -> int:
        return sum(1 for a in self.per_article if kind in a)

    def tally(self, kind: str) -> Tally:
        return _sum(a[kind] for a in self.per_article if kind in a)


def _sum(tallies: Any) -> Tally:
    tp = fp = fn = 0
    for a, b, c in tallies:
        tp, fp, fn = tp + a, fp + b, fn + c
    return tp, fp, fn


def prf(t: Tally) -> tuple[float | None, float | None, float | None]:
    tp, fp, fn = t
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else None
    return p, r, f


def score_part(
    name: str, fold: str | None, role: str, eval_dir: Path, root: Path | None, extractor: Any
) -> Part:
    gold = load_gold(eval_dir / f"{name}.gold.jsonl", root=root, fold=fold)
    result = evaluate(gold, extractor, with_baselines=False).system(NEWSLEDGER)
    rows = []
    for art in result.articles:
        rows.append(
            {k: (c.tp, c.fp, c.fn) for k, c in art.facts.items() if k in art.article.scored}
        )
    return Part(name, fold, role, tuple(rows))


def _quantile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between order statistics (numpy's default)."""
    s = sorted(values)
    pos = q * (len(s) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def pooled(parts: Sequence[Part], resamples: int, seed: int) -> dict[str, dict[str, Any]]:
    checks = [p for p in parts if p.is_check]
    rng = random.Random(seed)
    samples: dict[str, dict[str, list[float]]] = {k: {"p": [], "r": [], "f1": []} for k in KINDS}
    undefined = dict.fromkeys(KINDS, 0)
    for _ in range(resamples):
        drawn = [
            [p.per_article[rng.randrange(len(p.per_article))] for _ in p.per_article]
            for p in checks
        ]
        for kind in KINDS:
            t = _sum(a[kind] for arts in drawn for a in arts if kind in a)
            for key, value in zip(("p", "r", "f1"), prf(t), strict=True):
                if value is None:
                    undefined[kind] += key == "f1"
                else:
                    samples[kind][key].append(value)
    out: dict[str, dict[str, Any]] = {}
    for kind in KINDS:
        sources = [p for p in checks if kind in p.kinds()]
        if not sources:
            continue
        t = _sum(p.tally(kind) for p in sources)
        p_, r_, f_ = prf(t)
        ci = {
            key: ([round(_quantile(v, 0.025), 3), round(_quantile(v, 0.975), 3)] if v else None)
            for key, v in samples[kind].items()
        }
        out[kind] = {
            "sources": [p.label for p in sources],
            "articles": sum(p.articles(kind) for p in sources),
            "tp": t[0],
            "fp": t[1],
            "fn": t[2],
            "precision": _r(p_),
            "recall": _r(r_),
            "f1": _r(f_),
            "ci95": ci,
            "resamples_f1_undefined": undefined[kind],
            "target_f1": TARGETS[kind],
        }
    return out


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def to_json(
    parts: Sequence[Part], pool: dict[str, Any], commit: str | None, resamples: int, seed: int
) -> dict[str, Any]:
    rows = []
    for part in parts:
        for kind in part.kinds():
            t = part.tally(kind)
            p, r, f = prf(t)
            rows.append(
                {
                    "set": part.name,
                    "fold": part.fold or "whole",
                    "role": part.role,
                    "type": kind,
                    "articles": part.articles(kind),
                    "tp": t[0],
                    "fp": t[1],
                    "fn": t[2],
                    "precision": _r(p),
                    "recall": _r(r),
                    "f1": _r(f),
                }
            )
    return {
        "commit": commit,
        "resamples": resamples,
        "seed": seed,
        "rows": rows,
        "pooled_check": pool,
    }


def to_markdown(data: dict[str, Any]) -> str:
    lines = [
        f"### Folds: commit {data['commit'] or '(unlabelled)'}",
        "",
        "| set | fold | role | type | articles | TP | FP | FN | P | R | F1 |",
        "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in data["rows"]:
        lines.append(
            f"| {r['set']} | {r['fold']} | {r['role']} | {r['type']} | {r['articles']} "
            f"| {r['tp']} | {r['fp']} | {r['fn']} | {_f(r['precision'])} "
            f"| {_f(r['recall'])} | {_f(r['f1'])} |"
        )
    lines += [
        "",
        f"Check folds pooled (95% bootstrap interval: articles resampled within each "
        f"check fold, {data['resamples']} resamples, seed {data['seed']}):",
        "",
        "| type | check folds | articles | TP | FP | FN | P | R | F1 | F1 95% CI | target F1 |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    for kind, v in data["pooled_check"].items():
        ci = v["ci95"]["f1"]
        ci_s = f"[{ci[0]:.3f}, {ci[1]:.3f}]" if ci else "-"
        lines.append(
            f"| {kind} | {', '.join(v['sources'])} | {v['articles']} | {v['tp']} "
            f"| {v['fp']} | {v['fn']} | {_f(v['precision'])} | {_f(v['recall'])} "
            f"| **{_f(v['f1'])}** | {ci_s} | >= {v['target_f1']:.2f} |"
        )
    return "\n".join(lines)


def compare(runs: Sequence[dict[str, Any]]) -> str:
    """Side-by-side markdown of saved --json outputs: F1 (TP/FP/FN) per row, pooled with CI."""
    heads = [r["commit"] or f"run {i + 1}" for i, r in enumerate(runs)]
    keys: list[tuple[str, str, str]] = []
    cells: list[dict[tuple[str, str, str], dict[str, Any]]] = []
    for run in runs:
        cells.append({(r["set"], r["fold"], r["type"]): r for r in run["rows"]})
        keys += [k for k in cells[-1] if k not in keys]
    lines = [
        "| set | fold | type | " + " | ".join(f"{h}: F1 (TP/FP/FN)" for h in heads) + " |",
        "|---|---|---|" + "---:|" * len(heads),
    ]
    for key in keys:
        row = []
        for c in cells:
            r = c.get(key)
            row.append("n/a" if r is None else f"{_f(r['f1'])} ({r['tp']}/{r['fp']}/{r['fn']})")
        lines.append(f"| {key[0]} | {key[1]} | {key[2]} | " + " | ".join(row) + " |")
    lines += [
        "",
        "| check folds pooled | "
        + " | ".join(f"{h}: P / R / F1 [95% CI]" for h in heads)
        + " | target F1 |",
        "|---|" + "---|" * len(heads) + "---:|",
    ]
    for kind in KINDS:
        row = []
        for run in runs:
            v = run["pooled_check"].get(kind)
            if v is None:
                row.append("n/a")
                continue
            ci = v["ci95"]["f1"]
            ci_s = f"[{ci[0]:.3f}, {ci[1]:.3f}]" if ci else "-"
            row.append(f"{_f(v['precision'])} / {_f(v['recall'])} / **{_f(v['f1'])}** {ci_s}")
        lines.append(f"| {kind} | " + " | ".join(row) + f" | >= {TARGETS[kind]:.2f} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--commit", default=None, help="a label printed in the header")
    ap.add_argument("--json", action="store_true", help="print JSON instead of markdown")
    ap.add_argument("--root", type=Path, default=None, help="resolve gold paths against DIR")
    ap.add_argument("--eval-dir", type=Path, default=Path("eval"), help="where the gold files are")
    ap.add_argument("--resamples", type=int, default=RESAMPLES)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument(
        "--from-json",
        type=Path,
        default=None,
        help="print the markdown of a saved --json output (no scoring)",
    )
    ap.add_argument(
        "--compare",
        type=Path,
        nargs="+",
        default=None,
        metavar="JSON",
        help="print saved --json outputs side by side (no scoring)",
    )
    args = ap.parse_args(argv)
    if args.compare:
        print(compare([json.loads(p.read_text(encoding="utf-8")) for p in args.compare]))
        return 0
    if args.from_json is not None:
        print(to_markdown(json.loads(args.from_json.read_text(encoding="utf-8"))))
        return 0

    from newsledger.pipeline import Extractor

    extractor = Extractor()
    parts = []
    for name, fold, role in SETS:
        print(f"scoring {name}{':' + fold if fold else ''}", file=sys.stderr, flush=True)
        parts.append(score_part(name, fold, role, args.eval_dir, args.root, extractor))
    pool = pooled(parts, args.resamples, args.seed)
    data = to_json(parts, pool, args.commit, args.resamples, args.seed)
    print(json.dumps(data, indent=2) if args.json else to_markdown(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
