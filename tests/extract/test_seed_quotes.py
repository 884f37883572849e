"""The seed articles: every expected quote with its speaker, people, organisations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsledger.models import Extraction
from newsledger.resolve.names import company_key

pytestmark = pytest.mark.model

SEED_NAMES = ("000_fc51bfa3bb68f302.txt", "002_0310374b4fdc305a.txt")
PRODUCTS = ("Xperia Z3", "BRAVIA", "PlayStation")
ALLOWED_SPEAKERS = ("Hirai", "Suzuki", "Sony")


@pytest.fixture(scope="module")
def expected(seeds_dir: Path) -> dict[str, Any]:
    return json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def extractions(extractor: Any, seeds_dir: Path) -> dict[str, Extraction]:
    return {
        n: extractor.extract_text((seeds_dir / n).read_text(encoding="utf-8")) for n in SEED_NAMES
    }


def _surname(name: str) -> str:
    return name.split()[-1]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_expected_quote_has_its_speaker(
    name: str, expected: dict[str, Any], extractions: dict[str, Extraction]
) -> None:
    quotes = extractions[name].quotes
    for want in expected["articles"][name]["quotes"]:
        found = [q for q in quotes if q.text.startswith(want["starts"])]
        assert found, want
        assert found[0].speaker is not None
        assert _surname(found[0].speaker) == _surname(want["speaker"])


@pytest.mark.parametrize("name", SEED_NAMES)
def test_no_quote_by_anyone_else(name: str, extractions: dict[str, Extraction]) -> None:
    for quote in extractions[name].quotes:
        if quote.speaker is not None:
            assert _surname(quote.speaker) in ALLOWED_SPEAKERS, quote


@pytest.mark.parametrize("name", SEED_NAMES)
def test_only_the_expected_quotes_have_speakers(
    name: str, expected: dict[str, Any], extractions: dict[str, Extraction]
) -> None:
    # seed 002's "aggressively leverage …" (after "It will") and "in which it excels."
    # (the writer's relative clause) are nobody's
    starts = [w["starts"] for w in expected["articles"][name]["quotes"]]
    spoken = [q.text for q in extractions[name].quotes if q.speaker is not None]
    assert [t for t in spoken if not any(t.startswith(s) for s in starts)] == []


def test_company_statement_is_said_by_sony(extractions: dict[str, Extraction]) -> None:
    quotes = extractions[SEED_NAMES[1]].quotes
    statement = next(q for q in quotes if q.text.startswith("launch new mobile products"))
    assert (statement.speaker, statement.speaker_type) == ("Sony", "company")


def test_scare_quote_is_nobodys(extractions: dict[str, Extraction]) -> None:
    assert not [q for q in extractions[SEED_NAMES[0]].quotes if "goodwill" in q.text]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_people_with_aliases_and_roles(
    name: str, expected: dict[str, Any], extractions: dict[str, Extraction]
) -> None:
    people = [e for e in extractions[name].entities if e.type == "person"]
    for want in expected["articles"][name]["people"]:
        same = [p for p in people if _surname(p.name) == _surname(want["name"])]
        assert len(same) == 1, same  # one person for every spelling
        person = same[0]
        spellings = {person.name, *person.aliases}
        # the article's own spellings of the expected aliases are all there
        text = extractions[name].article.text
        assert {a for a in want["aliases"] if a in text} <= spellings
        assert person.role == want["role"]
        assert person.org == want["org"]


ORGANISATIONS = [
    *[pytest.param(SEED_NAMES[0], o, id=o) for o in ("Sony", "Xiaomi", "T-Mobile", "Sprint")],
    pytest.param(SEED_NAMES[0], "The Wall Street Journal", id="wsj"),
    *[pytest.param(SEED_NAMES[1], o, id=o) for o in ("Sony", "Samsung", "LG")],
    # the model tags no entity in "[via The Next Web]": the source-cue rule finds it
    pytest.param(SEED_NAMES[1], "The Next Web", id="next_web"),
]


@pytest.mark.parametrize(("name", "org"), ORGANISATIONS)
def test_organisations(name: str, org: str, extractions: dict[str, Extraction]) -> None:
    companies = {company_key(e.name) for e in extractions[name].entities if e.type == "company"}
    assert company_key(org) in companies


@pytest.mark.parametrize("name", SEED_NAMES)
def test_products_are_not_companies(name: str, extractions: dict[str, Extraction]) -> None:
    companies = {company_key(e.name) for e in extractions[name].entities if e.type == "company"}
    assert not companies & {company_key(p) for p in PRODUCTS}


def test_quote_offsets_and_evidence(extractions: dict[str, Extraction]) -> None:
    for extraction in extractions.values():
        text = extraction.article.text
        for quote in extraction.quotes:
            assert text[quote.start : quote.end] == quote.text
            assert quote.evidence.start <= quote.start and quote.end <= quote.evidence.end
            assert quote.evidence.article_id == extraction.article.id
