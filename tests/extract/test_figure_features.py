"""The figure chooser's relations, one case per example in ``rules/figure_features.json``,
and the shape of its weights. Every sentence was written for this file."""

from __future__ import annotations

import itertools
import json
from importlib import resources
from typing import Any

import pytest

from newsledger.extract.events.figures import (
    FigureCandidate,
    Figures,
    choose_figure,
    figure_feature_names,
    figure_feature_table,
    figure_readings,
    load_figure_weights,
)
from newsledger.extract.events.layoffs import lexicon
from newsledger.extract.nlp import make_doc
from newsledger.ingest.identity import make_article


def _examples() -> list[Any]:
    return [
        pytest.param(f["id"], ex, id=f"{f['id']}:{ex['value']}")
        for f in figure_feature_table()
        for ex in f["examples"]
    ]


@pytest.mark.model
@pytest.mark.parametrize(("feature", "example"), _examples())
def test_feature_example(extractor: Any, feature: str, example: dict[str, Any]) -> None:
    article = make_article(example["text"])
    doc = extractor.nlp(make_doc(extractor.nlp, article))
    anchor = next(t for t in doc if t.text == example["anchor"])
    cue = next(t for t in doc if t.text == example["cue"])
    lex = lexicon()
    found = figure_readings(anchor, cue, lex.job_nouns | lex.counted_nouns)
    raws = [r.figures.raw for r in found if r.feature == feature]
    if example["value"] is None:
        assert not raws, found
    else:
        assert example["value"] in raws, found


def test_every_feature_is_defined_once_with_its_slot() -> None:
    names = figure_feature_names()
    assert len(names) == len(set(names))
    assert all(f["what"] and f["slot"] in ("jobs", "percent", "") for f in figure_feature_table())


def _weights() -> dict[str, float]:
    text = resources.files("newsledger.extract").joinpath("rules/figure_weights.json")
    return load_figure_weights(json.loads(text.read_text("utf-8"))).weights


@pytest.mark.parametrize("slot", ["jobs", "percent"])
def test_hand_weights_keep_each_slots_relations_in_order(slot: str) -> None:
    """Per slot each relation outweighs all weaker ones together, so a value two weak
    relations read never beats one a stronger relation reads."""
    w = _weights()
    order = [f["id"] for f in figure_feature_table() if f["slot"] == slot]
    assert set(order) <= set(w)
    for stronger, weaker in itertools.pairwise(order):
        below = order[order.index(weaker) :]
        assert w[stronger] > sum(w[k] for k in below), (stronger, weaker)
    assert all(w[k] > w["none"] for k in order)


def test_weights_for_an_undefined_feature_are_refused() -> None:
    with pytest.raises(ValueError, match="undefined"):
        load_figure_weights({"version": "x", "bias": 0.0, "weights": {"the_word_jobs": 1.0}})


@pytest.mark.parametrize(
    ("pool", "chosen"),
    [
        pytest.param(
            [({"count_by": 1.0}, 10), ({"count_on_noun": 1.0}, 20), ({"none": 1.0}, None)],
            20,
            id="stronger-relation",
        ),
        pytest.param(
            [({"count_on_cue": 1.0}, 10), ({"count_of_cue": 1.0, "count_by": 1.0}, 20)],
            10,
            id="two-weak-relations-lose",
        ),
        pytest.param([({"none": 1.0}, None)], None, id="nothing-read"),
    ],
)
def test_choice(pool: list[tuple[dict[str, float], int | None]], chosen: int | None) -> None:
    weights = load_figure_weights(
        json.loads(
            resources.files("newsledger.extract")
            .joinpath("rules/figure_weights.json")
            .read_text("utf-8")
        )
    )
    cands = [
        FigureCandidate("jobs", Figures(jobs=n) if n is not None else None, feats)
        for feats, n in pool
    ]
    best = choose_figure(cands, weights)
    assert (best.figures.jobs if best.figures else None) == chosen
