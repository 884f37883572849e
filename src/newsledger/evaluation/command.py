"""What ``newsledger eval`` does, as one function the thin CLI calls.

>>> opts = EvalOptions(gate="check")
>>> opts.baseline
PosixPath('eval/baseline.json')
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from newsledger.errors import EvalError
from newsledger.evaluation import gate as gates
from newsledger.evaluation.gold import load_gold
from newsledger.evaluation.report import format_set, set_json
from newsledger.evaluation.run import ExtractorLike, SetResult, evaluate

GateAction = Literal["none", "check", "update"]


@dataclass(frozen=True)
class EvalOptions:
    as_json: bool = False
    details: bool = False
    baselines: bool = True
    gate: GateAction = "none"
    allow_regression: bool = False
    baseline: Path = Path("eval/baseline.json")
    limit: int | None = None
    root: Path | None = None
    fold: str | None = None  # score only the articles of this fold ("tune" or "check")


@dataclass(frozen=True)
class EvalOutcome:
    text: str
    exit_code: int
    results: tuple[SetResult, ...]


def run_eval(
    paths: Sequence[Path],
    make_extractor: Callable[[], ExtractorLike],
    options: EvalOptions,
    progress: Callable[[str], None] = lambda _: None,
) -> EvalOutcome:
    """Load every gold file first (so a bad one fails fast), then score each set."""
    if options.allow_regression and options.gate != "update":
        raise EvalError("--allow-regression only goes with --update-baseline")
    sets = [load_gold(p, root=options.root, limit=options.limit, fold=options.fold) for p in paths]
    extractor = make_extractor()
    results = []
    for gold in sets:
        progress(f"scoring {gold.name} ({len(gold.articles)} articles)")
        results.append(evaluate(gold, extractor, with_baselines=options.baselines))
    gate_lines, gate_json, code = _gate(results, options)
    if options.as_json:
        payload: dict[str, Any] = {
            "sets": [set_json(r, details=options.details) for r in results],
            "gate": gate_json,
        }
        text = json.dumps(payload, indent=2, ensure_ascii=False)
    else:
        text = "\n\n".join([*(format_set(r, details=options.details) for r in results)])
        if gate_lines:
            text += "\n\n" + "\n".join(gate_lines)
    return EvalOutcome(text, code, tuple(results))


def _gate(
    results: Sequence[SetResult], options: EvalOptions
) -> tuple[list[str], dict[str, Any] | None, int]:
    if options.gate == "none":
        return [], None, 0
    baseline = gates.load_baseline(options.baseline)
    measured = gates.figures(results)
    if options.gate == "check":
        findings = gates.check(baseline, measured)
        failed = [f for f in findings if not f.ok]
        lines = [f"gate ({options.baseline}, margin {baseline.margin}):"]
        lines += [f"  {f.line()}" for f in findings] or ["  no floors pinned for these sets"]
        lines.append(f"gate {'FAILED' if failed else 'passed'}")
        data = {"passed": not failed, "findings": [f.__dict__ for f in findings]}
        return lines, data, 1 if failed else 0
    change = gates.update(baseline, measured, allow_regression=options.allow_regression)
    gates.save_baseline(options.baseline, change.baseline)
    lines = [f"baseline {options.baseline} updated:"]
    lines += [f"  {c}" for c in change.changes] or ["  no floor changed"]
    for finding in change.refused:
        lines.append(f"  kept {finding.line()} (lower it with --allow-regression)")
    data = {"changes": list(change.changes), "refused": [f.__dict__ for f in change.refused]}
    return lines, data, 1 if change.refused else 0
