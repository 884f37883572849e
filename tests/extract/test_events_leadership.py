"""Leadership changes, sentence by sentence: who, which post, what change.

Every sentence here was written for this file. ``None`` as the expectation
means no leadership event at all.

A past succession stated as background in a relative clause ("X, who succeeded
Y in February, said...") is no new event: the article reports it as known, its
news is elsewhere, and a timeline would list an old change as if it were new.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

pytestmark = pytest.mark.model

PUBLISHED = date(2015, 6, 10)


def leadership(extractor: Any, text: str) -> list[dict[str, Any]]:
    events = extractor.extract_text(text, published=PUBLISHED).events
    return [e.contract() for e in events if e.type == "leadership"]


CASES = [
    pytest.param(
        "Corvell Bank unveiled a new structure. The head of the investment bank, Piet Haas, "
        "will leave the bank by mutual agreement.",
        {"person": "Piet Haas", "role": "head of the investment bank", "change": "resigned"},
        id="head-of-unit-will-leave",
    ),
    pytest.param(
        "Corvell Bank said the head of its retail arm, Lena Ortiz, will leave at the end of June.",
        {"person": "Lena Ortiz", "role": "head of its retail arm", "change": "resigned"},
        id="head-of-its-arm",
    ),
    pytest.param(
        "Corvell Bank chief executive Ada Kwan steps down in June.",
        {"person": "Ada Kwan", "role": "CEO", "change": "resigned"},
        id="steps-down",
    ),
    pytest.param(
        "Ada Kwan stepped down as chief executive of Corvell Bank on Friday.",
        {"person": "Ada Kwan", "role": "CEO", "change": "resigned", "company": "Corvell Bank"},
        id="stepped-down-as",
    ),
    pytest.param(
        "Corvell Bank chief executive Ada Kwan was ousted by the board.",
        {"person": "Ada Kwan", "change": "fired"},
        id="was-ousted",
    ),
    pytest.param(
        "Corvell Bank chairman Piet Haas was fired on Tuesday.",
        {"person": "Piet Haas", "role": "chairman", "change": "fired"},
        id="was-fired",
    ),
    pytest.param(
        "Corvell Bank named Tomas Brenner as chief executive.",
        {"person": "Tomas Brenner", "role": "CEO", "change": "appointed"},
        id="named-as",
    ),
    pytest.param(
        "Corvell Bank appointed Tomas Brenner CEO.",
        {"person": "Tomas Brenner", "role": "CEO", "change": "appointed"},
        id="appointed-x-ceo",
    ),
    pytest.param(
        "Tomas Brenner will succeed Ada Kwan as chief executive of Corvell Bank.",
        {"person": "Tomas Brenner", "role": "CEO", "change": "appointed"},
        id="will-succeed",
    ),
    pytest.param(
        "Corvell Bank chief executive Tomas Brenner, who succeeded Ada Kwan in February, "
        "set out the plan.",
        None,
        id="past-succession-is-background",
    ),
    pytest.param(
        "Corvell Bank chief executive Ada Kwan has no plans to step down.",
        {"person": "Ada Kwan", "role": "CEO", "change": "stays"},
        id="no-plans-to-step-down-stays",
    ),
    pytest.param(
        "The head of the drivers' union, Piet Haas, will leave in June.",
        None,
        id="head-of-a-union-is-no-company-post",
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_leadership(extractor: Any, text: str, want: dict[str, Any] | None) -> None:
    found = leadership(extractor, text)
    if want is None:
        assert found == [], f"expected no leadership event in {text!r}, got {found}"
        return
    assert any(all(f.get(k) == v for k, v in want.items()) for f in found), (
        f"no leadership event with {want} in {text!r}; got {found}"
    )
