"""Pieces of the event finders that need no parse, or only the tokenizer."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from newsledger.extract.events.context import MAX_SENTENCE_TOKENS, paragraph_starts
from newsledger.extract.events.figures import MAX_HEADCOUNT, read_count
from newsledger.extract.events.merge import implied_size, same_company
from newsledger.extract.events.rules import EVENT_RULE_FILES, load_book


@pytest.mark.parametrize(
    ("jobs", "percent", "size"),
    [
        pytest.param(10000, 6.0, 166667, id="sony-2012"),
        pytest.param(1000, 15.0, 6667, id="sony-2014-unit"),
        pytest.param(90, 17.0, 529, id="rounds-half-up"),
        pytest.param(None, 6.0, None, id="no-count"),
        pytest.param(500, None, None, id="no-share"),
        pytest.param(500, 0.0, None, id="zero-share"),
        # more than anyone employs (issue 11: an overflow of the store's INTEGER)
        pytest.param(12, 0.0000001, None, id="workforce-past-the-largest-head-count"),
    ],
)
def test_implied_size(jobs: int | None, percent: float | None, size: int | None) -> None:
    assert implied_size(jobs, percent) == size


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param("SBC", "SBC Communications", True, id="short-and-long"),
        pytest.param("Sony", "Sony", True, id="equal"),
        pytest.param("SBC", "AT&T", False, id="different"),
        pytest.param("Deutsche Bank", "Deutsche Boerse", False, id="shared-first-word"),
        pytest.param(None, "Sony", False, id="none-and-name"),
        pytest.param(None, None, True, id="none-and-none"),
    ],
)
def test_same_company(a: str | None, b: str | None, same: bool) -> None:
    assert same_company(a, b) is same


def test_every_event_rule_file_is_shipped() -> None:
    for name in EVENT_RULE_FILES:
        assert load_book(name).rules, name


@pytest.mark.model
def test_paragraph_starts_split_a_headline_from_the_body(nlp: Any) -> None:
    doc = paragraph_starts(
        nlp.make_doc("Acme to cut 500 jobs\n\nAcme said on Monday it would cut jobs.")
    )
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Acme", "Acme"]


@pytest.mark.parametrize(
    ("text", "jobs"),
    [
        pytest.param("2,000,000,000", MAX_HEADCOUNT, id="the-largest-head-count"),
        pytest.param("2,000,000,001", None, id="past-the-largest"),
        pytest.param("9999999999999999999", None, id="19-digits-past-sqlite-integer"),
        pytest.param("1-3 billion", None, id="range-ending-past-it"),
        pytest.param("99999999999999999999 trillion", None, id="20-digits-in-trillions"),
    ],
)
def test_read_count_bounds(text: str, jobs: int | None) -> None:
    found = read_count(text)
    assert (found.jobs if found is not None else None) == jobs


@pytest.mark.model
def test_a_run_on_sentence_is_cut_for_length(nlp: Any) -> None:
    doc = paragraph_starts(nlp.make_doc("Acme cut jobs, " * 200))  # 800 tokens, no stop
    starts = [t.i for t in doc if t.is_sent_start]
    assert starts == [0, MAX_SENTENCE_TOKENS, 2 * MAX_SENTENCE_TOKENS, 3 * MAX_SENTENCE_TOKENS]


@pytest.mark.model
def test_no_cache_is_left_on_the_doc(extractor: Any) -> None:
    result = extractor.extract_text("Acme will cut 500 jobs.", published=date(2015, 6, 10))
    assert result.events
    doc = extractor.nlp("Acme will cut 500 jobs.")
    assert not any(str(k).startswith("newsledger.events") for k in doc.user_data)
