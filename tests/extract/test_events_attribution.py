"""Whose financial result: untagged names, parents, relative clauses, subsidiaries,
and judged figures that are no result. Every sentence was written for this file."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

pytestmark = pytest.mark.model

PUBLISHED = date(2015, 6, 10)


def _companies(extractor: Any, text: str) -> list[str | None]:
    events = extractor.extract_text(text, published=PUBLISHED).events
    return [e.company for e in events if e.type == "financial"]


CASES = [
    pytest.param(
        "Corra Holdings is selling its Pellow Life arm. "
        "Pellow had sales of $5.2bn in 2004 and made a profit of $901m.",
        ["Pellow", "Pellow"],
        id="untagged-subject-capitalised-elsewhere",
    ),
    pytest.param(
        "Halvorsen Airways' parent AVR reported a loss of $387m for the fourth quarter.",
        ["AVR"],
        id="parent-named-after-possessor",
    ),
    pytest.param(
        "Its parent, Brekke Holdings, reported a loss of $387m.",
        ["Brekke Holdings"],
        id="parent-in-apposition",
    ),
    pytest.param(
        "Halvorsen Airways' parent company Brekke Holdings reported a net loss of $387m.",
        ["Brekke Holdings"],
        id="parent-company-named",
    ),
    pytest.param(
        "Brekke Group, which makes Halvorsen Crisps, said pre-tax profits for 2004 rose 56% "
        "to 1.16bn euros.",
        ["Brekke Group"],
        id="relative-clause-brand-is-not-actor",
    ),
    pytest.param(
        "Kessel Finance, Brekke's lending arm, made a net profit of $2.9bn last year.",
        ["Kessel Finance"],
        id="subsidiary-as-subject",
    ),
    pytest.param(
        "Corra Holdings rose. Shareholders had losses of $5bn.",
        [],
        id="people-subject-is-no-company",
    ),
    pytest.param(
        '"Profits of about £420m would be a relief," said a broker at Vell & Co.',
        [],
        id="judged-figure-is-no-result",
    ),
    pytest.param(
        "Revenue of $2bn could be within reach for Lorne Tech.",
        [],
        id="conditional-could-be-is-no-result",
    ),
    pytest.param(
        "Lorne Tech said profits would be around £420m this year.",
        ["Lorne Tech"],
        id="stated-outlook-stays",
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_result_company(extractor: Any, text: str, want: list[str]) -> None:
    assert _companies(extractor, text) == want


UNITS = [
    pytest.param(
        "Holdwell Motors said that it would axe 10,000 jobs at its European division, Velta.",
        ("Holdwell Motors", "Velta"),
        id="apposed-division-name",
    ),
    pytest.param(
        "Halden AG will cut 900 jobs at its car division, Velta.",
        ("Halden AG", "Velta"),
        id="subject-owns-the-division",
    ),
    pytest.param(
        "Halden AG will cut 900 jobs at its Velta unit.",
        ("Halden AG", None),
        id="compounded-unit-name",
    ),
]


@pytest.mark.parametrize(("text", "want"), UNITS)
def test_a_named_unit_of_the_subject_is_where_not_who(
    extractor: Any, text: str, want: tuple[str, str | None]
) -> None:
    """ANNOTATION.md: the company is the employer the text names as the actor; a division
    it names beside "its ... division" is where the cut falls."""
    events = [e for e in extractor.extract_text(text, published=PUBLISHED).events]
    layoffs = [e for e in events if e.type == "layoff"]
    assert [e.company for e in layoffs] == [want[0]], layoffs
    if want[1] is not None:
        assert layoffs[0].args.unit == want[1], layoffs
