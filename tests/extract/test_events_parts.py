"""Layoff figures said in parts: a count on "by", a share restating a count, a
breakdown of a cut already stated, a date phrase of another verb.

Every sentence here was written for this file. Each case names the fields that
the article's layoff events must have, in order; a breakdown is never a second
layoff (a timeline would add it to the cut it is part of).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

pytestmark = pytest.mark.model

PUBLISHED = date(2015, 6, 10)  # a Wednesday


def layoffs(extractor: Any, text: str) -> list[dict[str, Any]]:
    events = extractor.extract_text(text, published=PUBLISHED).events
    return [e.contract() for e in events if e.type == "layoff"]


CASES = [
    pytest.param(
        "Corvell Bank said on Monday it would reduce its workforce by about 4,000 jobs by 2018.",
        [{"jobs": 4000, "date": "2015-06-08"}],
        id="by-count-then-by-year",
    ),
    pytest.param(
        "Tamsin Textiles will cut its staff by 600 posts by the end of 2016.",
        [{"jobs": 600}],
        id="by-count-then-by-deadline",
    ),
    pytest.param(
        "Pellow Foods said it would shed about 3,000 jobs, or roughly 9 per cent of its "
        "workforce, by the end of its next fiscal year.",
        [{"jobs": 3000, "percent": 9.0}],
        id="count-or-per-cent-of-workforce",
    ),
    pytest.param(
        "Oxley Bank will cut 1,200 jobs, or about 5% of its staff.",
        [{"jobs": 1200, "percent": 5.0}],
        id="count-or-percent-sign",
    ),
    pytest.param(
        "Marwick Foods will axe up to 8,000 jobs over the next year. About 5,000 of the "
        "positions will go at the dairy unit Marwick bought from Lenham in March. The "
        "reductions amount to roughly 10 per cent of a workforce of about 80,000 people.",
        [{"jobs": 8000, "percent": 10.0, "unit": None, "date": None}],
        id="breakdown-joins-the-cut",
    ),
    pytest.param(
        "Dunford Mining is to cut 2,000 jobs. Some 1,500 of the jobs will go in Wales.",
        [{"jobs": 2000}],
        id="breakdown-of-the-jobs",
    ),
    pytest.param(
        "About 900 of the positions will go at Ellery Rail's freight arm.",
        [{"jobs": 900}],
        id="breakdown-with-nothing-before-is-the-cut",
    ),
    pytest.param(
        "Quarry Mills will lay off 400 of its staff.",
        [{"jobs": 400}],
        id="count-of-its-staff-is-no-breakdown",
    ),
    pytest.param(
        "Harwood Motors is in talks with a rival. According to the Gazette, 2,000 jobs - out of "
        "a total workforce of 5,000 - could be lost if the deal goes ahead.",
        [{"jobs": 2000}],
        id="count-before-dashed-out-of-aside",
    ),
    pytest.param(
        "Harwood Motors is in talks with a rival. Nearly half the workforce at Harwood Motors "
        "could be under threat. According to the Gazette, 2,000 jobs - out of a total "
        "workforce of 4,500 - could be lost.",
        [{"jobs": 2000, "percent": None}],
        id="share-then-count-one-layoff",
    ),
    pytest.param(
        "Hollins Retail, which opened its Leeds store on Monday, will cut 300 jobs.",
        [{"jobs": 300, "date": None}],
        id="date-of-a-relative-clause-is-not-the-cut's",
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_layoff_parts(extractor: Any, text: str, want: list[dict[str, Any]]) -> None:
    found = layoffs(extractor, text)
    assert len(found) == len(want), f"{text!r}: {found}"
    for got, expected in zip(found, want, strict=True):
        for key, value in expected.items():
            # an event without a date of its own is dated by the article
            value = PUBLISHED.isoformat() if key == "date" and value is None else value
            assert got.get(key) == value, f"{key}: {got}"


def test_breakdown_is_kept_in_evidence_and_raw(extractor: Any) -> None:
    text = "Dunford Mining is to cut 2,000 jobs. Some 1,500 of the jobs will go at its coal unit."
    (event,) = [
        e for e in extractor.extract_text(text, published=PUBLISHED).events if e.type == "layoff"
    ]
    assert len(event.evidence) == 2
    assert "breakdown: " in (event.contract().get("raw") or "")
