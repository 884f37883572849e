"""Nationality words the tagger takes for a company ("Franco-Belgian bank Dexia"): a
descriptor, never the company (issue 9's error kind "a descriptor kept in the name").
Sentences written for this file, modelled on Wikinews (Dexia) and BBC (Unilever,
DaimlerChrysler) ones."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.extract.entities import is_nationality

# nationality words joined by hyphens, then traps: names that look alike
DESCRIPTORS = ["Franco-Belgian", "Anglo-Dutch", "German-US", "Sino-Japanese"]
NAMES = ["Anglo American", "Coca-Cola", "German", "Rolls-Royce"]


@pytest.mark.parametrize("name", DESCRIPTORS + NAMES)
def test_nationality_words(name: str) -> None:
    assert is_nationality(name) is (name in DESCRIPTORS)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "company"),
    [
        pytest.param(
            "Franco-Belgian bank Dexia to restructure, lose 900 jobs\n\n"
            "The Franco-Belgian bank Dexia has announced it will cut 3% of its staff "
            "after posting a loss of €3 billion.",
            "Dexia",
            id="headline-and-body",
        ),
        pytest.param(
            "Franco-Belgian bank Dexia to cut 900 jobs after €3 billion loss",
            "Dexia",
            id="headline",
        ),
        pytest.param(
            "Anglo-Dutch group Velmora made a net loss of €40m, and will cut 300 jobs.",
            "Velmora",
            id="anglo-dutch",
        ),
    ],
)
def test_descriptor_is_no_company(extractor: Any, text: str, company: str) -> None:
    found = extractor.extract_text(text)
    names = {e.name for e in found.entities if e.type == "company"}
    assert not any(is_nationality(n) for n in names), names
    assert {e.company for e in found.events} == {company}
