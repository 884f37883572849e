"""The bundled sample articles in examples/articles ingest cleanly, with their metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsledger.ingest import read_inputs, similarity
from newsledger.models import Article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    items = list(read_inputs([str(EXAMPLES)]))
    assert all(isinstance(i, Article) for i in items), items
    return [i for i in items if isinstance(i, Article)]


EXPECTED = {
    # title -> (published, source); the plain-text file carries no metadata of its own
    "Apple's holiday quarter brings record profit": (date(2012, 1, 24), "Newsledger Sample Desk"),
    "Hewlett-Packard to shed 27,000 jobs": (date(2012, 5, 23), "Newsledger Sample Desk"),
    "Microsoft to axe up to 18,000 jobs, most from Nokia unit": (
        date(2014, 7, 17),
        "Newsledger Sample Desk",
    ),
    "Deutsche Bank to cut 18,000 jobs in sweeping overhaul": (
        date(2019, 7, 7),
        "Newsledger Sample Desk",
    ),
    # the plain-text one is dated by its dateline
    'Sony to cut 10,000 jobs as Hirai unveils "One Sony" plan': (date(2012, 4, 12), None),
    "Sony to cut 1,000 mobile jobs and deepens loss forecast": (
        date(2014, 9, 17),
        "Newsledger Sample Desk",
    ),
}


def test_every_example_is_read_with_its_metadata(articles: list[Article]) -> None:
    assert {a.title: (a.published, a.source) for a in articles} == EXPECTED


def test_examples_are_news_length_and_distinct(articles: list[Article]) -> None:
    for article in articles:
        assert 150 <= len(article.text.split()) <= 350, article.title
    fingerprints = [a.fingerprint or "" for a in articles]
    for i, a in enumerate(fingerprints):
        for b in fingerprints[i + 1 :]:
            assert similarity(a, b) < 0.2
