"""Earlier rounds of cuts are events of their own, dated at their own time and done
(ANNOTATION.md: "Earlier rounds stated with a figure are events too, each dated at its
own time"). Invented articles, published 2024-05-15."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 5, 15)

# (id, text, expected (jobs, event date, status) per layoff)
ROWS = [
    (
        "relative-clause-last-autumn",
        "Acme cuts again\n\nAcme, which laid off 2,300 people last autumn, will cut a further "
        "900 jobs.",
        [(900, "2024-05-15", "planned"), (2300, "2023-09-01", "completed")],
    ),
    (
        "after-cutting-in-march",
        "Brisco Air cuts\n\nBrisco Air will cut 900 jobs, after cutting 3,500 jobs in March.",
        [(900, "2024-05-15", "planned"), (3500, "2024-03-01", "completed")],
    ),
    (
        "had-already-cut",
        "Halden AG cuts\n\nHalden AG will lay off 2,000 workers. It had already cut 500 jobs "
        "two months ago.",
        [(500, "2024-03-01", "completed"), (2000, "2024-05-15", "planned")],
    ),
    (
        "a-year-earlier-bare-count-particle-verb",
        "Marlow Freight cuts\n\nMarlow Freight will lay off 500 workers. A year earlier it "
        "laid off 400.",
        [(400, "2023-01-01", "completed"), (500, "2024-05-15", "planned")],
    ),
    (
        "in-a-year-done",
        "Marlow Freight cuts\n\nMarlow Freight will lay off 500 workers. In 2019 it cut 400 jobs.",
        [(400, "2019-01-01", "completed"), (500, "2024-05-15", "planned")],
    ),
    (
        "another-bare-count-same-sentence",
        "Marlow Freight cuts\n\nMarlow Freight will furlough 2,000 workers and lay off "
        "another 500.",
        [(500, "2024-05-15", "planned")],
    ),
    (
        "deadline-is-no-date",
        "Marlow Freight cuts\n\nMarlow Freight will lay off 500 workers by June.",
        [(500, "2024-05-15", "planned")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(*r[1:], id=r[0]) for r in ROWS])
def test_earlier_round_has_its_own_date_and_is_done(
    extractor: Any, text: str, expected: list[tuple[int, str, str]]
) -> None:
    x = extractor.extract_text(text, published=PUBLISHED)
    found = sorted(
        (e.args.jobs, str(e.event_date), e.args.status) for e in x.events if e.type == "layoff"
    )
    assert found == sorted(expected)
