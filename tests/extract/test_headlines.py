"""Headlines given apart from the text (JSON Lines, HTML, feeds) are read as the
first paragraph: their figures join the body's event they round, a figure only the
headline states is kept, and evidence in them has no offsets into the text.

Invented articles, one row per pattern, with traps.
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model

# (id, title, text, expected layoffs as (company, jobs, jobs_high, percent))
LAYOFF_ROWS = [
    (
        "count-in-headline-percent-in-body",
        "Brisco Logistics to cut 900 jobs",
        "Brisco Logistics said on Monday it would reduce its workforce by 7% as parcel volumes "
        "fall.",
        [("Brisco Logistics", 900, None, 7.0)],
    ),
    (
        "headline-top-of-body-range",
        "Corvell Bank to cut up to 3,000 jobs",
        "Corvell Bank said it would cut 2,000 to 3,000 jobs, about 9% of its employees.",
        [("Corvell Bank", 2000, 3000, 9.0)],
    ),
    (
        "headline-rounds-body-count",
        "Velstrom Motors to lay off over a thousand workers",
        "Velstrom Motors will lay off 1,040 machinists at its two Ohio plants.",
        [("Velstrom Motors", 1040, None, None)],
    ),
    (
        "headline-names-body-total-of-parts",
        "Halden AG to cut 8,600 jobs",
        "Halden AG said it will reduce payrolls by 8,600 jobs. It will cut 3,000 staff directly "
        "and shed 5,600 by selling units.",
        [("Halden AG", 8600, None, None)],
    ),
    (
        "named-headline-beats-it-after-a-dateline",
        'Halden AG to cut 900 jobs as Doe unveils "One Halden" plan',
        "FRANKFURT, May 2, 2024 - Halden AG said on Thursday it would cut about 900 jobs, "
        "roughly 6% of its workforce, as new chief executive Jane Doe set out her first plan.",
        [("Halden AG", 900, None, 6.0)],
    ),
    (
        "trap-other-count-is-not-rounded",
        "Acme to cut 500 jobs",
        "Acme will cut 500 jobs at its Leeds plant. Rival Brightwell cut 2,000 jobs last year.",
        [("Acme", 500, None, None), ("Brightwell", 2000, None, None)],
    ),
]


def _layoffs(extraction: Any) -> list[tuple[Any, ...]]:
    return sorted(
        (e.company, e.args.jobs, e.args.jobs_high, e.args.percent)
        for e in extraction.events
        if e.type == "layoff" and (e.args.jobs is not None or e.args.percent is not None)
    )


@pytest.mark.parametrize(
    ("title", "text", "expected"), [pytest.param(*r[1:], id=r[0]) for r in LAYOFF_ROWS]
)
def test_headline_figures_join_the_body_event(
    extractor: Any, title: str, text: str, expected: list[tuple[Any, ...]]
) -> None:
    assert _layoffs(extractor.extract_text(text, title=title)) == sorted(expected)


def test_headline_evidence_has_no_offsets_and_comes_after_the_body(extractor: Any) -> None:
    text = "Brisco Logistics said on Monday it would reduce its workforce by 7%."
    x = extractor.extract_text(text, title="Brisco Logistics to cut 900 jobs")
    (event,) = [e for e in x.events if e.type == "layoff"]
    first, *rest = event.evidence
    assert text[first.start : first.end] == first.text  # the body's sentence leads
    assert [(e.start, e.end, e.text) for e in rest] == [(0, 0, "Brisco Logistics to cut 900 jobs")]
    assert all(x.article.text[q.start : q.end] == q.text for q in x.quotes)


def test_a_quoted_headline_is_no_quote(extractor: Any) -> None:
    x = extractor.extract_text("Acme said so on Monday.", title='"We will grow," says Acme')
    assert x.quotes == ()


def test_a_title_the_text_begins_with_is_read_once(extractor: Any) -> None:
    text = "Acme to cut 900 jobs\n\nAcme will cut 900 jobs, it said."
    x = extractor.extract_text(text, title="Acme to cut 900 jobs")
    (event,) = [e for e in x.events if e.type == "layoff"]
    assert all(text[e.start : e.end] == e.text for e in event.evidence)


@pytest.mark.parametrize(
    ("title", "text", "amounts"),
    [
        pytest.param(
            "Halden AG profit climbs to $1.2bn",
            "Halden AG said its net profit rose 8% to $1.21 billion in the second quarter.",
            [1_210_000_000],
            id="headline-rounds-body-profit",
        ),
        pytest.param(
            "Acme profit climbs to $1.2bn",
            "Acme said its net profit rose to $1.6 billion in the quarter.",
            [1_200_000_000, 1_600_000_000],
            id="trap-different-amount-kept",
        ),
    ],
)
def test_headline_result_joins_the_body_result_it_rounds(
    extractor: Any, title: str, text: str, amounts: list[int]
) -> None:
    x = extractor.extract_text(text, title=title)
    found = sorted(int(e.args.amount) for e in x.events if e.type == "financial")
    assert found == amounts


def test_the_headline_subject_is_the_main_company(extractor: Any) -> None:
    # the cut names no employer: the article's main company takes it, and the
    # headline's subject is that, although the body names the buyer more often
    title = "Icelandic Halden Bank earnings soar 40%"
    text = (
        "Halden Bank said its net earnings were ISK 13,673 million in the quarter. "
        "Its purchase of Brightwell & Co is a milestone, and Brightwell & Co brings some "
        "600 professionals. The net earnings after taxes were ISK 13,673 million."
    )
    x = extractor.extract_text(text, title=title)
    assert {e.company for e in x.events if e.type == "financial"} == {"Halden Bank"}


def test_a_title_case_headline_run_on_is_the_body_company(extractor: Any) -> None:
    # the tagger runs a press release's headline into one name; the body names the company
    text = (
        "Brisco Inc. today announced results for its fourth quarter ended December 31, 2023. "
        "Revenue was $124.5 million."
    )
    x = extractor.extract_text(text, title="Brisco Reports Fourth Quarter Results")
    assert {e.company for e in x.events if e.type == "financial"} == {"Brisco Inc"}
