"""The accuracy gate: F1 floors per set and fact type, pinned in ``eval/baseline.json``.

A figure passes when it is at least its floor minus the noise margin. Floors
only go up on their own (``update``); lowering one takes ``allow_regression``.
Sets listed as ``unpinned`` (the invented team and wire sets, which are table
tests in ``tests/evaluation/test_invented_sets.py``) never get a floor.

>>> base = Baseline(margin=0.02, floors={"team": {"layoffs": 0.8}})
>>> [f.ok for f in check(base, {"team": {"layoffs": 0.79}})]
[True]
>>> [f.ok for f in check(base, {"team": {"layoffs": 0.7}})]
[False]
>>> update(base, {"team": {"layoffs": 0.9}}).baseline.floors["team"]["layoffs"]
0.9
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from newsledger.errors import EvalError
from newsledger.evaluation.run import NEWSLEDGER, SetResult

# F1 moves by a point or so when an unrelated rule shifts one borderline fact;
# a drop bigger than this is a regression, not noise
DEFAULT_MARGIN = 0.02
ABOUT = (
    "F1 floors of newsledger per evaluation set and fact type. A figure fails the gate "
    "below floor - margin. Raise with `newsledger eval eval/*.gold.jsonl --update-baseline`; "
    "lowering a floor needs --allow-regression. Sets in 'unpinned' are table tests, never pinned."
)

Figures = Mapping[str, Mapping[str, float | None]]


@dataclass(frozen=True)
class Baseline:
    margin: float = DEFAULT_MARGIN
    floors: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    unpinned: tuple[str, ...] = ()  # sets scored for the report only: no floor is pinned


@dataclass(frozen=True)
class Finding:
    set: str
    type: str
    floor: float
    measured: float | None
    ok: bool

    def line(self) -> str:
        got = "no figure" if self.measured is None else f"{self.measured:.3f}"
        verdict = "ok" if self.ok else "BELOW FLOOR"
        return f"{self.set}/{self.type}: F1 {got}, floor {self.floor:.3f} {verdict}"


@dataclass(frozen=True)
class Update:
    baseline: Baseline
    changes: tuple[str, ...]
    refused: tuple[Finding, ...]  # drops kept at the old floor (no allow_regression)


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; a missing file is an empty baseline."""
    if not path.exists():
        return Baseline()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        floors = {
            str(s): {str(k): float(v) for k, v in kinds.items()}
            for s, kinds in data.get("floors", {}).items()
        }
        unpinned = tuple(str(name) for name in data.get("unpinned", []))
        return Baseline(float(data.get("margin", DEFAULT_MARGIN)), floors, unpinned)
    except (ValueError, TypeError, AttributeError) as err:
        raise EvalError(f"malformed baseline file: {err}", input=str(path)) from err


def save_baseline(path: Path, baseline: Baseline) -> None:
    floors = {s: dict(sorted(k.items())) for s, k in sorted(baseline.floors.items())}
    data = {"about": ABOUT, "margin": baseline.margin, "floors": floors}
    if baseline.unpinned:
        data["unpinned"] = sorted(baseline.unpinned)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def figures(results: Iterable[SetResult]) -> dict[str, dict[str, float | None]]:
    """newsledger's F1 per set and fact type."""
    return {
        r.name: {k: c.f1 for k, c in r.system(NEWSLEDGER).scores.facts.items()} for r in results
    }


def check(baseline: Baseline, measured: Figures) -> list[Finding]:
    """One finding per pinned floor of the sets measured; unpinned figures pass."""
    out = []
    for name, kinds in measured.items():
        for kind, floor in baseline.floors.get(name, {}).items():
            value = kinds.get(kind)
            ok = value is not None and value >= floor - baseline.margin - 1e-9
            out.append(Finding(name, kind, floor, value, ok))
    return out


def _pin(value: float) -> float:
    return math.floor(value * 1000) / 1000  # round down: a floor must not exceed the figure


def update(baseline: Baseline, measured: Figures, *, allow_regression: bool = False) -> Update:
    """Raise floors to the measured figures; lower them only with ``allow_regression``."""
    floors = {s: dict(k) for s, k in baseline.floors.items()}
    changes: list[str] = []
    refused: list[Finding] = []
    for name, kinds in measured.items():
        if name.split(":")[0] in baseline.unpinned:
            continue  # "team:tune" is the team set too
        for kind, value in kinds.items():
            if value is None:
                continue
            new, old = _pin(value), floors.get(name, {}).get(kind)
            if old is not None and new < old and not allow_regression:
                if value < old - baseline.margin - 1e-9:
                    refused.append(Finding(name, kind, old, value, False))
                continue
            if old is None or new != old:
                floors.setdefault(name, {})[kind] = new
                was = "unpinned" if old is None else f"{old:.3f}"
                changes.append(f"{name}/{kind}: {was} -> {new:.3f}")
    result = Baseline(baseline.margin, floors, baseline.unpinned)
    return Update(result, tuple(changes), tuple(refused))
