"""Layoff phrasings of other outlets than the BBC: US wires, financial dailies, tech
blogs, Indian, Japanese, German and Australian business press, and their traps.

Every sentence here was written for this file (invented companies). Each case names
the fields that one layoff event of the text must have; ``None`` means no layoff
event at all. Grouped like ``eval/wire.gold.jsonl``, which holds whole articles.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

pytestmark = pytest.mark.model

PUBLISHED = date(2015, 6, 10)


def layoffs(extractor: Any, text: str) -> list[dict[str, Any]]:
    events = extractor.extract_text(text, published=PUBLISHED).events
    return [e.contract() for e in events if e.type == "layoff"]


def check(extractor: Any, text: str, want: dict[str, Any] | None) -> None:
    """No layoff when ``want`` is None, else one layoff with every field of ``want``."""
    found = layoffs(extractor, text)
    if want is None:
        assert found == [], f"expected no layoff in {text!r}, got {found}"
        return
    assert any(all(f.get(k) == v for k, v in want.items()) for f in found), (
        f"no layoff with {want} in {text!r}; got {found}"
    )


PHRASINGS = [
    (
        "lay-off-workers",
        "Quarrington Freight said Monday it will lay off 1,150 workers.",
        {"company": "Quarrington Freight", "jobs": 1150},
    ),
    (
        "eliminate-share-or-count",
        "Tevora Cloud will eliminate about 7% of its global workforce, or roughly 3,100 positions.",
        {"company": "Tevora Cloud", "jobs": 3100, "percent": 7.0},
    ),
    (
        "shed-roles",
        "Amberley Bank will shed 1,900 roles in its markets unit.",
        {"company": "Amberley Bank", "jobs": 1900, "unit": "markets unit"},
    ),
    (
        "count-or-percent",
        "Selwyn Therapeutics will cut 640 jobs, or 5 percent of staff.",
        {"jobs": 640, "percent": 5.0},
    ),
    (
        "per-cent-of-spaced-staff",
        "Mulga Resources will axe 12 per cent of its 18 000 staff.",
        {"company": "Mulga Resources", "percent": 12.0, "jobs": None},
    ),
    (
        "european-separator",
        "Brenner Maschinenbau will cut 1.800 jobs in Austria.",
        {"company": "Brenner Maschinenbau", "jobs": 1800, "location": "Austria"},
    ),
    (
        "headcount-by-a-fifth-over-years",
        "Calder Assurance plans to reduce headcount by a fifth over four years.",
        {"company": "Calder Assurance", "percent": None, "jobs": None},
    ),
    ("trim-by-percent", "Okabe Instruments will trim its workforce by 4%.", {"percent": 4.0}),
    (
        "completed-in-month",
        "Larkspur Games laid off 85 employees in February.",
        {"company": "Larkspur Games", "jobs": 85, "status": "completed"},
    ),
    (
        "range-up-to",
        "Tabor Ceramics plans to cut up to 700-900 jobs this year.",
        {"jobs": 700, "jobs_high": 900},
    ),
    (
        "at-risk",
        "Up to 420 jobs are at risk at Corella Dairy's factory in Bendigo.",
        {"company": "Corella Dairy", "jobs": 420},
    ),
    (
        "one-in-ten-posts",
        "Penhallow Telecom will cut one in ten posts at its retail arm.",
        {"company": "Penhallow Telecom", "percent": None, "jobs": None},
    ),
    (
        "layoffs-affecting",
        "Dunmore Motors announced layoffs affecting 2,200 workers.",
        {"company": "Dunmore Motors", "jobs": 2200},
    ),
    (
        "let-go-lakh-employer",
        "Vayu Systems, which employs over 1.5 lakh people, will let go about 1,600 staff.",
        {"company": "Vayu Systems", "jobs": 1600},
    ),
    (
        "plant-in-state",
        "Harlow Paper will close its mill in Vermont, eliminating 260 jobs.",
        {"company": "Harlow Paper", "jobs": 260},
    ),
    (
        "dutch-unit",
        "Vossberg AG said its Dutch unit would cut 380 jobs.",
        {"company": "Vossberg AG", "jobs": 380, "unit": "Dutch unit"},
    ),
    (
        "startup-name-after-description",
        "Payments startup Zentara is laying off 15% of its staff, about 90 people.",
        {"company": "Zentara", "jobs": 90, "percent": 15.0},
    ),
    (
        "supplier-name-after-description",
        "Automotive supplier Weidner Antriebe will cut 900 jobs in Germany.",
        {"company": "Weidner Antriebe"},
    ),
]

TRAPS = [
    ("hiring", "Bexley Stores plans to hire 4,000 seasonal workers.", None),
    ("fares", "Kestrel Air cut fares by 12% on domestic routes.", None),
    ("production", "Ishida Motor will cut production by 20,000 vehicles at its plant.", None),
    ("furlough", "Carden Aerospace will furlough 1,500 workers for two weeks.", None),
    ("savings-target", "Pellam Group aims to cut costs by $300 million.", None),
    ("share-move", "Shares of Rowan Bank shed 4% on Monday.", None),
    ("forecast", "Bramwell Foods cut its full-year profit forecast.", None),
    (
        "retirements",
        "Solberg Power said 500 employees would retire and it had no plans to cut jobs.",
        None,
    ),
    ("union-demand", "The union demanded that Kruger Stahl make no job cuts at its works.", None),
]


@pytest.mark.parametrize(("text", "want"), [pytest.param(t, w, id=i) for i, t, w in PHRASINGS])
def test_outlet_phrasings(extractor: Any, text: str, want: dict[str, Any]) -> None:
    check(extractor, text, want)


@pytest.mark.parametrize(("text", "want"), [pytest.param(t, w, id=i) for i, t, w in TRAPS])
def test_outlet_traps(extractor: Any, text: str, want: None) -> None:
    check(extractor, text, want)


def test_denied_report_is_denied(extractor: Any) -> None:
    found = layoffs(extractor, "Tessaly denied a report that it planned to cut 2,000 jobs.")
    assert [f["status"] for f in found] in ([], ["denied"])


LISTS = [
    (
        "such-as-with-aside",
        "Carmakers such as Arvo Motors - the British arm of Lindqvist Group - and "
        "retailer Pellow Stores have slashed jobs.",
        [],
    ),
    (
        "including-three",
        "Banks including Corbin Bank, Halden Bank and Ruskin Bank have cut jobs this year.",
        [],
    ),
    ("one-subject", "Arvo Motors and its suppliers have cut 300 jobs.", ["Arvo Motors"]),
]


@pytest.mark.parametrize(("text", "companies"), [pytest.param(t, c, id=i) for i, t, c in LISTS])
def test_listed_companies_each_cut(extractor: Any, text: str, companies: list[str]) -> None:
    """ANNOTATION.md: a list of examples ("companies such as X, Y and Z have laid off
    thousands") is never an event of X, Y or Z; a plain subject still is."""
    assert sorted(f["company"] for f in layoffs(extractor, text)) == sorted(companies)


NAMES = [
    pytest.param(
        "The Daily and Sunday Courier newspapers are axing 40 jobs.",
        "Daily and Sunday Courier",
        id="shared-head",
    ),
    pytest.param(
        "The Evening and Sunday Courier newspapers are axing 40 jobs.",
        "Evening and Sunday Courier",
        id="shared-head-first-word-a-time",
        marks=pytest.mark.xfail(strict=True, reason="'Evening' tagged TIME, only 'Courier' ORG"),
    ),
    pytest.param("Ford and General Motors workers will lose 900 jobs.", "Ford", id="two-names"),
]


@pytest.mark.parametrize(
    ("text", "company"),
    NAMES,
)
def test_coordinated_names(extractor: Any, text: str, company: str) -> None:
    assert [f["company"] for f in layoffs(extractor, text)] == [company]
