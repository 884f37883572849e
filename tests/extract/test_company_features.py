"""The company chooser's features, one case per example in ``rules/company_features.json``,
and the shape of its weights file. Every sentence was written for this file."""

from __future__ import annotations

import itertools
import json
from importlib import resources
from typing import Any

import pytest

from newsledger.extract.events.arguments import (
    NONE,
    Weights,
    candidates,
    feature_names,
    feature_table,
    load_weights,
)
from newsledger.extract.events.companies import readings
from newsledger.extract.events.context import build_context
from newsledger.extract.nlp import make_doc
from newsledger.ingest.identity import make_article
from newsledger.resolve.names import company_key


def _examples() -> list[Any]:
    return [
        pytest.param(f["id"], ex, id=f"{f['id']}:{ex['candidate']}:{ex['value']}")
        for f in feature_table()
        for ex in f["examples"]
    ]


@pytest.mark.model
@pytest.mark.parametrize(("feature", "example"), _examples())
def test_feature_example(extractor: Any, feature: str, example: dict[str, Any]) -> None:
    article = make_article(example["text"])
    doc = extractor.nlp(make_doc(extractor.nlp, article))
    ctx = build_context(doc, article, doc._.nl_entities or [])
    trigger = next(t for t in doc if t.text == example["cue"])
    pool = {c.key: c for c in candidates(ctx, trigger, None, readings(ctx, trigger))}
    named = example["candidate"]
    key = NONE if named == NONE else company_key(named) or named.lower()
    cand = pool.get(key)
    value = cand.features.get(feature, 0.0) if cand is not None else 0.0
    assert value == example["value"], (key, cand, sorted(pool))


def test_every_feature_is_defined_once_and_described() -> None:
    names = feature_names()
    assert len(names) == len(set(names))
    assert all(f["what"] for f in feature_table())


def test_shipped_weights_name_only_defined_features() -> None:
    text = resources.files("newsledger.extract").joinpath("rules/company_weights.json")
    data = json.loads(text.read_text("utf-8"))
    weights = load_weights(data)
    assert weights.version
    assert set(weights.weights) <= set(feature_names())


@pytest.mark.parametrize(
    ("weights", "features", "score"),
    [
        pytest.param({"subject": 2.0}, {"subject": 1.0, "near": 0.5}, 1.5, id="undefined-weight-0"),
        pytest.param({"none": -1.0}, {"none": 1.0}, -1.5, id="none-candidate"),
        pytest.param({}, {}, -0.5, id="bias-only"),
    ],
)
def test_linear_score(weights: dict[str, float], features: dict[str, float], score: float) -> None:
    assert Weights("t", -0.5, weights).score(features) == score


def test_weights_for_an_undefined_feature_are_refused() -> None:
    with pytest.raises(ValueError, match="undefined"):
        load_weights({"version": "x", "bias": 0.0, "weights": {"the_word_acme": 1.0}})


def test_none_is_a_candidate_key() -> None:
    assert NONE.startswith("<")


@pytest.mark.parametrize(
    ("name", "is_name"),
    [
        pytest.param("Acme Corp", True, id="name"),
        pytest.param("3M", True, id="digit"),
        pytest.param("eBay", True, id="inner-capital"),
        pytest.param("bankruptcy", False, id="lowercase-word"),
        pytest.param("Q3", False, id="quarter-code"),
        pytest.param("FY2024", False, id="fiscal-year-code"),
    ],
)
def test_what_can_be_a_company_name(name: str, is_name: bool) -> None:
    from newsledger.extract.events.arguments import _is_name

    assert _is_name(name) is is_name


RELATIONS = (
    "attached_to_cue",
    "subject_names",
    "reporter_names",
    "nearest_before",
    "first_after",
    "subject_untagged",
    "main_company",
)


def test_hand_weights_keep_the_relations_in_order() -> None:
    """Each relation of the cue outweighs all weaker ones and every grammar feature
    together; a subject by reference weighs as one by name."""
    text = resources.files("newsledger.extract").joinpath("rules/company_weights.hand.json")
    w = load_weights(json.loads(text.read_text("utf-8"))).weights
    relations = set(RELATIONS) | {"subject_refers", "subject_rules_out", "unit_attached"}
    relations |= {"nothing_read", "none"}  # on the none candidate only
    grammar = sum(v for k, v in w.items() if v > 0 and k not in relations)
    for stronger, weaker in itertools.pairwise(RELATIONS):
        below = RELATIONS[RELATIONS.index(weaker) :]
        assert w[stronger] > sum(w[k] for k in below) + grammar, (stronger, weaker)
    assert w["subject_refers"] == w["subject_names"] == w["subject_rules_out"]
    assert w["subject_names"] > w["unit_attached"] > w["reporter_names"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "company"),
    [
        pytest.param("Acme Corp will cut 300 jobs.", "cut", "Acme Corp", id="subject"),
        pytest.param(
            "Norvik Systems said job cuts at Acme Corp will total 300.",
            "cuts",
            "Acme Corp",
            id="attached-beats-reporter",
        ),
        pytest.param("Banks will cut 300 jobs.", "cut", None, id="ruled-out"),
        pytest.param(
            "Brisk Logistics plans to cut about 800 jobs, Reuters reported on Wednesday.",
            "cut",
            "Brisk Logistics",
            id="not-the-agency",
        ),
    ],
)
def test_shipped_weights_choose(extractor: Any, text: str, cue: str, company: str | None) -> None:
    from newsledger.extract.events.arguments import choose

    article = make_article(text)
    doc = extractor.nlp(make_doc(extractor.nlp, article))
    ctx = build_context(doc, article, doc._.nl_entities or [])
    trigger = next(t for t in doc if t.text == cue)
    assert choose(ctx, trigger, None, readings(ctx, trigger), "layoff") == company
