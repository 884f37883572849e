"""The cue chooser's features, one case per example in ``rules/cue_features.json``, and
the shape of its weights files. Every sentence was written for this file."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from newsledger.extract.events.amounts import money_spans
from newsledger.extract.events.cues import (
    NONE_CUE,
    choose_cue,
    cue_feature_names,
    cue_feature_table,
    load_cue_weights,
)
from newsledger.extract.events.financials import cue_pool
from newsledger.extract.events.rules import find_phrases
from newsledger.extract.nlp import make_doc
from newsledger.ingest.identity import make_article

M40 = "$40 million"


def _examples() -> list[Any]:
    return [
        pytest.param(f["id"], ex, id=f"{f['id']}:{ex['cue']}:{ex['value']}")
        for f in cue_feature_table()
        for ex in f["examples"]
    ]


def _pool(extractor: Any, text: str, money_text: str) -> list[Any]:
    article = make_article(text)
    doc = extractor.nlp(make_doc(extractor.nlp, article))
    sent = next(iter(doc.sents))
    money = next(m for m in money_spans(sent) if m.text == money_text)
    hits = find_phrases(sent, "financial_kinds")
    kinds = [h for h in hits if h.rule.role in ("kind", "kind_verb")]
    traps = [h for h in find_phrases(sent, "financial_cues") if h.rule.role == "trap"]
    return cue_pool(money, kinds, traps)


@pytest.mark.model
@pytest.mark.parametrize(("feature", "example"), _examples())
def test_feature_example(extractor: Any, feature: str, example: dict[str, Any]) -> None:
    pool = _pool(extractor, example["text"], example["money"])
    if example["cue"] == "none":
        cand = next(c for c in pool if c.key == NONE_CUE)
    else:
        cand = next(c for c in pool if c.hit is not None and c.hit.span[0].text == example["cue"])
    assert cand.features.get(feature, 0.0) == example["value"], cand.features


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "money", "cue"),
    [
        pytest.param(
            "Lorne Tech posted a net loss of $40 million.", "$40 million", "net", id="result"
        ),
        pytest.param(
            "Lorne Tech sold its stake for $40 million.", "$40 million", None, id="trap-none"
        ),
        pytest.param(
            "Lorne Tech earned $40 million in revenue.", "$40 million", "revenue", id="in"
        ),
    ],
)
def test_shipped_weights_choose(extractor: Any, text: str, money: str, cue: str | None) -> None:
    best = choose_cue(_pool(extractor, text, money))
    chosen = None if best.trap or best.hit is None else best.hit.span[0].text
    assert chosen == cue


def test_every_feature_is_defined_once_and_described() -> None:
    names = cue_feature_names()
    assert len(names) == len(set(names))
    assert all(f["what"] for f in cue_feature_table())


@pytest.mark.parametrize("name", ["cue_weights.json", "cue_weights.hand.json"])
def test_weights_files_name_only_defined_features(name: str) -> None:
    text = resources.files("newsledger.extract").joinpath(f"rules/{name}")
    weights = load_cue_weights(json.loads(text.read_text("utf-8")))
    assert weights.version
    assert set(weights.weights) <= set(cue_feature_names())


def test_hand_weights_keep_the_features_in_order() -> None:
    """Each deciding feature outweighs everything below it: a trap the amount measures,
    a trap as near as the leading result word, nothing in reach, the result word an
    "in" phrase names, the nearest; the grammar features only order the rest."""
    text = resources.files("newsledger.extract").joinpath("rules/cue_weights.hand.json")
    w = load_cue_weights(json.loads(text.read_text("utf-8"))).weights
    grammar = ("near", "before", "between", "hung_on", "subject_link", "part_of_total")
    spread = sum(abs(w.get(k, 0.0)) for k in grammar)
    best_kind = w["in_reach"] + w["in_phrase"] + w["nearest"] + spread
    assert w["as_near"] + w["in_reach"] - spread > best_kind
    assert w["measured"] > w["as_near"]
    assert w["nothing_in_reach"] > w["in_phrase"] + w["nearest"] + spread
    assert w["in_phrase"] - spread > w["nearest"] + spread
    assert w["nearest"] > 2 * spread  # the nearest beats any other cue in reach


def test_weights_for_an_undefined_feature_are_refused() -> None:
    with pytest.raises(ValueError, match="undefined"):
        load_cue_weights({"version": "x", "bias": 0.0, "weights": {"the_word_loss": 1.0}})
