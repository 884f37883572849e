"""Restructuring plans, strategy, leadership, renames and divestitures, sentence by sentence.

All sentences written for this file.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

pytestmark = pytest.mark.model

PUBLISHED = date(2015, 6, 10)


def _same(got: Any, want: Any) -> bool:
    if (
        isinstance(want, (int, float))
        and not isinstance(want, bool)
        and isinstance(got, (int, float))
    ):
        return abs(got - want) <= abs(want) * 0.01
    return bool(got == want)


def check(extractor: Any, kind: str, text: str, want: dict[str, Any]) -> None:
    found = [
        e.contract()
        for e in extractor.extract_text(text, published=PUBLISHED).events
        if e.type == kind
    ]
    assert any(all(_same(f.get(k), v) for k, v in want.items()) for f in found), (
        f"no {kind} with {want} in {text!r}; got {found}"
    )


CASES = [
    # restructuring plans
    (
        "plan-budget-deadline",
        "restructuring_plan",
        "Under its 'Renew' plan, Halvorsen Group will spend $400m on restructuring"
        " by the end of 2016.",
        {"name": "Renew", "amount": 4e8, "currency": "USD", "deadline": "2016-12-31"},
    ),
    (
        "plan-scope",
        "restructuring_plan",
        "Halvorsen Group said it would restructure its shipping arm.",
        {"company": "Halvorsen Group", "scope": "shipping arm"},
    ),
    (
        "plan-overhaul-scope",
        "restructuring_plan",
        "Halvorsen Group will overhaul its European operations.",
        {"scope": "European operations"},
    ),
    (
        "plan-cost",
        "restructuring_plan",
        "The overhaul will cost Halvorsen Group £250m.",
        {"amount": 2.5e8, "currency": "GBP"},
    ),
    (
        "plan-stated-usd",
        "restructuring_plan",
        "Kimura Denki will spend ¥50 billion (about $420 million) on restructuring.",
        {"currency": "JPY", "amount_usd_stated": 4.2e8},
    ),
    (
        "plan-exact-deadline",
        "restructuring_plan",
        "Halvorsen Group will spend $90m on restructuring by March 31, 2017.",
        {"deadline": "2017-03-31"},
    ),
    # strategy
    (
        "focus-list",
        "strategy",
        "Pellam Electronics will focus on three areas: cameras, sensors and audio.",
        {"focus": ["cameras", "sensors", "audio"], "move": "focus"},
    ),
    (
        "focus-area",
        "strategy",
        "Pellam Electronics will focus its phone efforts on the premium segment.",
        {"focus": ["premium segment"], "area": "phone", "move": "focus"},
    ),
    (
        "focus-markets",
        "strategy",
        "Pellam Electronics will focus on emerging markets such as Brazil and Turkey.",
        {"market": "Turkey", "move": "focus"},
    ),
    (
        "concentrate",
        "strategy",
        "Pellam Electronics will concentrate on business software.",
        {"focus": ["business software"]},
    ),
    (
        "expand-us",
        "strategy",
        "Pellam Electronics plans to expand in the US.",
        {"market": "United States", "move": "expand"},
    ),
    (
        "grow-market-share",
        "strategy",
        "Pellam Electronics wants to grow its UK market share.",
        {"market": "United Kingdom", "move": "expand"},
    ),
    (
        "enter",
        "strategy",
        "Pellam Electronics will enter Indonesia next year.",
        {"market": "Indonesia", "move": "enter"},
    ),
    (
        "exit",
        "strategy",
        "Pellam Electronics will exit Russia by December.",
        {"market": "Russia", "move": "exit"},
    ),
    (
        "withdraw-from",
        "strategy",
        "Pellam Electronics will withdraw from Argentina.",
        {"market": "Argentina", "move": "exit"},
    ),
    (
        "turn-around",
        "strategy",
        "Pellam Electronics hopes to turn around its printer business.",
        {"focus": ["printer"], "move": "turn_around"},
    ),
    # leadership
    (
        "appointed-as",
        "leadership",
        "Brockley Bank has appointed Hanna Berg as chief executive.",
        {"person": "Hanna Berg", "role": "CEO", "change": "appointed"},
    ),
    (
        "named-ceo",
        "leadership",
        "Brockley Bank named Hanna Berg its new CEO on Monday.",
        {"person": "Hanna Berg", "change": "appointed"},
    ),
    (
        "succeed",
        "leadership",
        "Omar Haddad will succeed Hanna Berg as chairman of Brockley Bank.",
        {"person": "Omar Haddad", "change": "appointed"},
    ),
    (
        "resigned",
        "leadership",
        "Brockley Bank chief executive Hanna Berg resigned on Friday.",
        {"person": "Hanna Berg", "role": "CEO", "change": "resigned"},
    ),
    (
        "step-down",
        "leadership",
        "Brockley Bank chairman Omar Haddad will step down next year.",
        {"person": "Omar Haddad", "role": "chairman", "change": "resigned"},
    ),
    (
        "ousted",
        "leadership",
        "Brockley Bank ousted its chief executive Hanna Berg.",
        {"person": "Hanna Berg", "change": "fired"},
    ),
    (
        "stays-no-plans",
        "leadership",
        "Brockley Bank CEO Hanna Berg said she has no plans to step down.",
        {"person": "Hanna Berg", "change": "stays"},
    ),
    (
        "stays-relinquish",
        "leadership",
        "Brockley Bank CEO Hanna Berg said she had no plans of relinquishing her role.",
        {"change": "stays"},
    ),
    (
        "remain",
        "leadership",
        "Hanna Berg will remain chief executive of Brockley Bank.",
        {"person": "Hanna Berg", "change": "stays"},
    ),
    (
        "cfo-quit",
        "leadership",
        "Brockley Bank's finance director Ravi Menon quit.",
        {"person": "Ravi Menon", "role": "CFO", "change": "resigned"},
    ),
    # renames
    (
        "previously",
        "rename",
        "Games now run on the Orbis Play Network (previously the Orbis Online Service).",
        {"old": "Orbis Online Service", "new": "Orbis Play Network"},
    ),
    (
        "formerly",
        "rename",
        "Members will use Vantage Rewards (formerly Vantage Points).",
        {"old": "Vantage Points", "new": "Vantage Rewards"},
    ),
    (
        "formerly-known-as",
        "rename",
        "Halden Energy, formerly known as Brightwater Gas, posted higher sales.",
        {"old": "Brightwater Gas", "new": "Halden Energy"},
    ),
    (
        "renamed",
        "rename",
        "Kelso Mutual will be renamed Arden Bank next year.",
        {"old": "Kelso Mutual", "new": "Arden Bank"},
    ),
    (
        "changed-name",
        "rename",
        "The group changed its name from Pexton Mills to Pexton in 2009.",
        {"old": "Pexton Mills", "new": "Pexton"},
    ),
    # divestitures
    (
        "sell-unit-to",
        "divestiture",
        "Orrin Group agreed to sell its shipping unit to Marten Capital.",
        {"asset": "shipping unit", "buyer": "Marten Capital"},
    ),
    (
        "sale-of",
        "divestiture",
        "Orrin Group confirmed the sale of its shipping unit to Marten Capital.",
        {"asset": "shipping unit"},
    ),
    (
        "sell-stake",
        "divestiture",
        "Orrin Group will sell its 20% stake in a Polish bank.",
        {"company": "Orrin Group"},
    ),
    (
        "divest",
        "divestiture",
        "Orrin Group will divest its chemicals division.",
        {"asset": "chemicals division"},
    ),
    (
        "spin-off",
        "divestiture",
        "Orrin Group plans to spin off its software business.",
        {"asset": "software business"},
    ),
    (
        "sold-plant",
        "divestiture",
        "Orrin Group sold its Welsh steel plant to Tata Steel.",
        {"buyer": "Tata Steel"},
    ),
]


@pytest.mark.parametrize(
    ("kind", "text", "want"), [pytest.param(k, t, w, id=i) for i, k, t, w in CASES]
)
def test_corporate_events(extractor: Any, kind: str, text: str, want: dict[str, Any]) -> None:
    check(extractor, kind, text, want)
