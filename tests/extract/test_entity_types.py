"""Entity types the text corrects: a name the tagger called a person that the article
describes as a company is a company (sentences written for this file)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        pytest.param(
            "Danish brewer Tollund saw profits fall. Tollund is more optimistic than rivals.",
            "Tollund",
            "company",
            id="description-before",
        ),
        pytest.param(
            "Tollund, the world's fifth-largest brewer, saw profits fall.",
            "Tollund",
            "company",
            id="apposition",
        ),
        pytest.param(
            "Chief executive Maria Tollund said profits fell.",
            "Maria Tollund",
            "person",
            id="a-titled-person-stays",
        ),
    ],
)
def test_described_names_take_the_described_type(
    extractor: Any, text: str, name: str, kind: str
) -> None:
    entities = extractor.extract_text(text).entities
    assert any(e.name == name and e.type == kind for e in entities), [
        (e.name, e.type) for e in entities
    ]
