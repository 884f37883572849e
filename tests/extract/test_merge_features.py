"""The layoff merger's features, one case per example in ``rules/merge_features.json``,
its shipped weights on whole invented articles, and the shape of its weights files.
Every text was written for this file."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Any

import pytest

from newsledger.extract.events import find_events
from newsledger.extract.events.merge import (
    NEW_EVENT,
    MergeChoice,
    load_merge_weights,
    merge_feature_names,
    merge_feature_table,
)
from newsledger.extract.nlp import make_doc
from newsledger.extract.parse_copy import parse_copy
from newsledger.ingest.identity import make_article
from newsledger.models import Event


def _examples() -> list[Any]:
    return [
        pytest.param(f["id"], ex, id=f"{f['id']}:{ex['mention']}:{ex['candidate']}")
        for f in merge_feature_table()
        for ex in f["examples"]
    ]


def _run(extractor: Any, text: str) -> tuple[list[MergeChoice], list[Event]]:
    title, _, body = text.partition("\n\n") if "\n\n" in text else ("", "", text)
    made = make_article(body, title=title or None, published=date(2024, 3, 4))
    article = parse_copy(made).article
    nlp = extractor.nlp
    with nlp.select_pipes(disable=["newsledger_events", "newsledger_quotes"]):
        doc = nlp(make_doc(nlp, article))
    trace: list[MergeChoice] = []
    events = find_events(doc, article, doc._.nl_entities or [], merge_trace=trace)
    return trace, [e for e in events if e.type == "layoff"]


@pytest.mark.model
@pytest.mark.parametrize(("feature", "example"), _examples())
def test_feature_example(extractor: Any, feature: str, example: dict[str, Any]) -> None:
    trace, _ = _run(extractor, example["text"])
    choice = [c for c in trace if c.mention.raw == example["mention"]][-1]  # the later one
    if example["candidate"] == "new":
        cand = next(c for c in choice.candidates if c.key == NEW_EVENT)
    else:
        cand = next(
            c
            for c in choice.candidates
            if c.draft is not None and c.draft.first.raw == example["candidate"]
        )
    assert cand.features.get(feature, 0.0) == example["value"], cand.features


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cuts"),
    [
        pytest.param(
            "Lorne Tech to cut 1,000 jobs\n\nLorne Tech will cut 1,020 jobs, about 8% of its"
            " staff, it said on Monday. Some 300 of the jobs will go in Ohio. Lorne said the"
            " job cuts were needed.",
            [("Lorne Tech", 1020, 8.0)],
            id="headline-count-percent-breakdown-evidence",
        ),
        pytest.param(
            "Lorne Tech will cut 400 jobs. Brack Foods said it would cut 90 jobs.",
            [("Brack Foods", 90, None), ("Lorne Tech", 400, None)],
            id="two-companies",
        ),
        pytest.param(
            "Lorne Tech said it would cut 2,500 jobs by June. A year earlier it cut 1,200 jobs.",
            [("Lorne Tech", 1200, None), ("Lorne Tech", 2500, None)],
            id="earlier-round-own-event",
        ),
        pytest.param(
            "Lorne Tech will cut 10% of its workforce. The 10% cut was expected, analysts said.",
            [("Lorne Tech", None, 10.0)],
            id="same-share-once",
        ),
    ],
)
def test_shipped_weights_merge(
    extractor: Any, text: str, cuts: list[tuple[str, int | None, float | None]]
) -> None:
    _, events = _run(extractor, text)
    got = sorted((e.company or "", e.args.jobs, e.args.percent) for e in events)  # type: ignore[union-attr]
    assert got == sorted(cuts)


def test_every_feature_is_defined_once_and_described() -> None:
    names = merge_feature_names()
    assert len(names) == len(set(names))
    for f in merge_feature_table():
        assert f["what"] and f["examples"], f["id"]


@pytest.mark.parametrize("name", ["merge_weights.json", "merge_weights.hand.json"])
def test_weights_files_load_and_weigh_only_defined_features(name: str) -> None:
    text = resources.files("newsledger.extract").joinpath(f"rules/{name}").read_text("utf-8")
    weights = load_merge_weights(json.loads(text))
    assert weights.version and set(weights.weights) <= set(merge_feature_names())


def test_a_weight_for_an_undefined_feature_is_an_error() -> None:
    with pytest.raises(ValueError, match="undefined"):
        load_merge_weights({"version": "x", "bias": 0, "weights": {"headline_word": 1.0}})
