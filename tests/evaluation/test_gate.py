"""The accuracy gate: floors in eval/baseline.json hold on every set in eval/.

The model tests run newsledger over every set (bbc-business is 510 short
articles, polnear a capped fold of 60): about half a minute on 2 cores.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsledger.errors import EvalError
from newsledger.evaluation.gate import (
    Baseline,
    check,
    figures,
    load_baseline,
    save_baseline,
    update,
)
from newsledger.evaluation.gold import GoldSet, load_gold
from newsledger.evaluation.run import NEWSLEDGER, SetResult, evaluate
from newsledger.models import Article, Extraction

BASE = Baseline(margin=0.02, floors={"team": {"layoffs": 0.8, "quotes": 0.5}})


@pytest.mark.parametrize(
    ("measured", "failing"),
    [
        pytest.param({"team": {"layoffs": 0.8, "quotes": 0.5}}, [], id="at-floor"),
        pytest.param({"team": {"layoffs": 0.785, "quotes": 0.9}}, [], id="within-margin"),
        pytest.param({"team": {"layoffs": 0.7, "quotes": 0.9}}, ["layoffs"], id="below-margin"),
        pytest.param({"team": {"layoffs": None, "quotes": 0.9}}, ["layoffs"], id="no-figure-fails"),
        pytest.param({"other": {"layoffs": 0.0}}, [], id="unpinned-set-passes"),
    ],
)  # fmt: skip
def test_check(measured: dict[str, dict[str, float | None]], failing: list[str]) -> None:
    assert [f.type for f in check(BASE, measured) if not f.ok] == failing


@pytest.mark.parametrize(
    ("measured", "allow", "floors", "refused"),
    [
        pytest.param({"team": {"layoffs": 0.9}}, False, {"layoffs": 0.9, "quotes": 0.5}, 0,
                     id="raise"),
        pytest.param({"team": {"layoffs": 0.79}}, False, {"layoffs": 0.8, "quotes": 0.5}, 0,
                     id="noise-drop-kept-silently"),
        pytest.param({"team": {"layoffs": 0.6}}, False, {"layoffs": 0.8, "quotes": 0.5}, 1,
                     id="regression-refused"),
        pytest.param({"team": {"layoffs": 0.6}}, True, {"layoffs": 0.6, "quotes": 0.5}, 0,
                     id="regression-allowed"),
        pytest.param({"team": {"financials": 0.4567}}, False,
                     {"layoffs": 0.8, "quotes": 0.5, "financials": 0.456}, 0,
                     id="new-type-pinned-rounded-down"),
    ],
)  # fmt: skip
def test_update(
    measured: dict[str, dict[str, float | None]],
    allow: bool,
    floors: dict[str, float],
    refused: int,
) -> None:
    result = update(BASE, measured, allow_regression=allow)
    assert dict(result.baseline.floors["team"]) == floors
    assert len(result.refused) == refused


@pytest.mark.parametrize("name", ["wire", "wire:tune"])
def test_unpinned_sets_get_no_floor(name: str) -> None:
    base = dataclasses.replace(BASE, unpinned=("wire",))
    result = update(base, {name: {"layoffs": 1.0}, "bbc": {"layoffs": 0.9}})
    assert set(result.baseline.floors) == {"team", "bbc"}
    assert result.baseline.unpinned == ("wire",)


def test_baseline_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    assert load_baseline(path) == Baseline()
    save_baseline(path, BASE)
    assert load_baseline(path) == BASE
    with_unpinned = dataclasses.replace(BASE, unpinned=("team", "wire"))
    save_baseline(path, with_unpinned)
    assert load_baseline(path) == with_unpinned
    path.write_text('{"floors": {"team": {"layoffs": "high"}}}')
    with pytest.raises(EvalError, match="malformed baseline"):
        load_baseline(path)


# --- on the real sets, with the real pipeline ---------------------------------


def _sets(repo_root: Path) -> list[Path]:
    return sorted((repo_root / "eval").glob("*.gold.jsonl"))


@pytest.fixture(scope="module")
def results(repo_root: Path, extractor: Any) -> dict[str, SetResult]:
    out = {}
    for path in _sets(repo_root):
        try:
            gold = load_gold(path)
        except EvalError as err:  # a set pointing at ../shared when it is absent
            pytest.skip(f"cannot load {path.name}: {err}")
        out[gold.name] = evaluate(gold, extractor, with_baselines=False)
    return out


@pytest.mark.model
def test_every_set_is_scored(repo_root: Path, results: dict[str, SetResult]) -> None:
    assert {"team", "seeds", "bbc-business", "polnear"} <= set(results)
    for result in results.values():
        ours = result.system(NEWSLEDGER)
        assert ours.scores.facts, result.name
        assert ours.articles_per_second is not None


@pytest.mark.model
def test_figures_hold_their_floors(repo_root: Path, results: dict[str, SetResult]) -> None:
    baseline = load_baseline(repo_root / "eval" / "baseline.json")
    assert baseline.floors, "eval/baseline.json pins no floors"
    failed = [f.line() for f in check(baseline, figures(results.values())) if not f.ok]
    assert not failed, "accuracy fell below its floor:\n" + "\n".join(failed)


class _Broken:
    """The real extractor with a deliberately broken rule: it drops layoffs and quotes."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        for extraction in self.inner.extract_many(articles):
            events = tuple(e for e in extraction.events if e.type != "layoff")
            yield dataclasses.replace(extraction, events=events, quotes=())


@pytest.mark.model
def test_broken_rule_fails_the_gate(
    repo_root: Path, extractor: Any, results: dict[str, SetResult]
) -> None:
    team: GoldSet = load_gold(repo_root / "eval" / "team.gold.jsonl")
    pinned = update(Baseline(), figures([results["team"]])).baseline
    expected = {k for k, floor in pinned.floors["team"].items()
                if floor > pinned.margin and k in ("layoffs", "quotes")}  # fmt: skip
    assert expected, "the team set should score something on layoffs or quotes"
    broken = evaluate(team, _Broken(extractor), with_baselines=False)
    failing = {f.type for f in check(pinned, figures([broken])) if not f.ok}
    assert failing == expected
