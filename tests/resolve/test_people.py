"""People across articles (resolve/people.py): the decision table, as tables of cases."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

import pytest

from newsledger.resolve.people import (
    LINK_RULES,
    PersonCandidate,
    PersonFacts,
    best_name_relation,
    canonical_name,
    decide_link,
    match_person,
    name_relation,
    names_similar,
    org_relation,
    role_relation,
)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param("Kaz Hirai", "Kazuo Hirai", True, id="short-first-name"),
        pytest.param("Kazou Hirai", "Kazuo Hirai", True, id="typo-first-name"),
        pytest.param("Hirai", "Kazuo Hirai", True, id="surname-only"),
        pytest.param("Mr. Hirai", "Kazuo Hirai", True, id="honorific"),
        pytest.param("Tim Cook", "Tom Cook", False, id="short-names-one-letter-apart"),
        pytest.param("Osamu Suzuki", "Toshihiro Suzuki", False, id="different-first-names"),
        pytest.param("Kazuo Hirai", "Kazuo Hiraki", False, id="different-surname"),
        pytest.param("", "Kazuo Hirai", False, id="empty"),
        pytest.param("De Vido", "Julio De Vido", True, id="two-word-surname"),
    ],
)
def test_names_similar(a: str, b: str, same: bool) -> None:
    assert names_similar(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        pytest.param("Rick Wagoner", "Rick Wagoner", "same", id="same"),
        pytest.param("Mr Rick Wagoner", "Rick Wagoner", "same", id="honorific"),
        pytest.param("Kaz Hirai", "Kazuo Hirai", "shorter", id="short-first-name"),
        pytest.param("George Bush", "George W Bush", "shorter", id="middle-initial"),
        pytest.param("Kazou Hirai", "Kazuo Hirai", "variant", id="typo-first-name"),
        pytest.param("Rick Waggoner", "Rick Wagoner", "variant", id="surname-one-letter"),
        pytest.param("Jim Skinner", "James Skinner", "variant", id="familiar-first-name"),
        pytest.param("Bernie Ebbers", "Bernard Ebbers", "variant", id="familiar-not-a-prefix"),
        pytest.param("Hirai", "Kazuo Hirai", "surname", id="surname-alone"),
        pytest.param("Ann Lee", "Ann Lea", "different", id="short-surnames-a-letter-apart"),
        pytest.param("Rick Waggoner", "Ricky Wagoner", "different", id="two-changes"),
        pytest.param("Osamu Suzuki", "Toshihiro Suzuki", "different", id="other-first-name"),
        pytest.param("Waggoner", "Rick Wagoner", "different", id="variant-surname-alone"),
        pytest.param("Baez Silva", "Carlos Baez Silva", "shorter", id="two-word-surname"),
        pytest.param("Lee Scott", "H. Lee Scott", "shorter", id="first-initial-dropped"),
        pytest.param("William Ford Jr.", "William Ford", "same", id="generational-suffix"),
    ],
)
def test_name_relation(a: str, b: str, relation: str) -> None:
    assert name_relation(a, b) == relation
    assert name_relation(b, a) == relation


def test_a_surname_alias_does_not_make_namesakes_one() -> None:
    assert best_name_relation(["Ann Wagoner"], ["Rick Wagoner", "Wagoner"]) == "different"
    assert best_name_relation(["Wagoner"], ["Rick Wagoner", "Wagoner"]) == "surname"


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        pytest.param(["Sony Corp."], ["Sony"], "same", id="legal-form"),
        pytest.param(["GM"], ["General Motors"], "same", id="acronym"),
        pytest.param(["General Motors"], ["GM", "General Motors Corp"], "same", id="any-spelling"),
        pytest.param(["BoE"], ["Bank of England"], "same", id="acronym-with-of"),
        pytest.param(["MMC"], ["Marsh & McLennan Companies"], "same", id="acronym-with-ampersand"),
        pytest.param(["Sony"], ["Sony Ericsson"], "related", id="shares-a-word"),
        pytest.param(["Fed"], ["US Federal Reserve"], "related", id="abbreviation"),
        pytest.param(["Cairn"], ["Cairn Energy"], "related", id="short-name"),
        pytest.param(["Bosch"], ["BMW"], "different", id="acronym-of-nothing"),
        pytest.param(
            ["RBS Financial Markets"], ["Royal Bank of Scotland"], "related", id="acronym-word"
        ),
        pytest.param(["Group"], ["Yukos"], "unknown", id="generic-word-is-no-name"),
        pytest.param(["Suzuki Motor"], ["Sony"], "different", id="two-companies"),
        pytest.param([], ["Sony"], "unknown", id="unknown"),
        pytest.param(["| "], ["Sony"], "unknown", id="junk-is-unknown"),
    ],
)
def test_org_relation(a: list[str], b: list[str], relation: str) -> None:
    assert org_relation(a, b) == relation


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        pytest.param("as new chief executive", "CEO", "same", id="normalised"),
        pytest.param("chairman and chief executive", "chief executive", "same", id="one-of-two"),
        pytest.param("chief executive", "analyst", "exclusive", id="ceo-is-no-analyst"),
        pytest.param("finance minister", "chief executive", "exclusive", id="minister-is-no-ceo"),
        pytest.param("former chief executive", "analyst", "other", id="former-excludes-nothing"),
        pytest.param("chief executive", "chairman", "other", id="ceo-may-chair"),
        pytest.param(None, "chief executive", "other", id="unknown"),
        pytest.param("representative", "chief executive", "other", id="unread-role"),
    ],
)
def test_role_relation(a: str | None, b: str | None, relation: str) -> None:
    assert role_relation(a, b) == relation


def cand(id: int, *names: str, role: str | None = None, org: str | None = None) -> PersonCandidate:
    return PersonCandidate(id, names, role, (org,) if org else ())


def new(name: str, role: str | None = None, org: str | None = None) -> PersonFacts:
    return PersonFacts((name,), role, (org,) if org else ())


HIRAI = cand(1, "Kazuo Hirai", "Kaz Hirai", "Hirai", role="chief executive", org="Sony")
HIRAI_CEO = cand(7, "Kazuo Hirai", role="chief executive")
WAGONER = cand(2, "Rick Wagoner", role="chief executive", org="General Motors")
SUZUKI_MOTOR = cand(3, "Osamu Suzuki", role="chairman", org="Suzuki Motor Corp.")
BROWN = cand(4, "Gordon Brown", role="finance minister")
SMITH_ACME = cand(5, "John Smith", org="Acme")
SMITH_ZENTA = cand(6, "John Smith", org="Zenta")
SMITH_ZENTA_NAMED = PersonCandidate(6, ("John Smith",), None, ("Zenta",), 9)
BARROT = cand(10, "Jacques Barrot", role="commissioner", org="European Commission")
SPITZER = cand(11, "Eliot Spitzer", role="attorney general")
GREENSPAN = cand(8, "Alan Greenspan", org="US Federal Reserve")
GALLOIS = cand(12, "Louis Gallois", role="chief executive", org="Airbus")


def dated(person: Any, year: int) -> Any:
    """The person as seen in one article at the end of February ``year`` (Gallois was
    Airbus's chief executive on 28 February 2007, EADS's on 29 February 2008)."""
    day = date(year, 3, 1) - timedelta(days=1)
    return dataclasses.replace(person, seen=(day, day))


# (id, newcomer, the stored people, who the newcomer is, the rule that decides)
LINKS = [
    ("same-full-name-no-context", new("Rick Wagoner"), [WAGONER], 2, "same_full_name"),
    ("minister-portfolio-is-no-org", new("Jacques Barrot", "Commissioner", "Transport"),
     [BARROT], 10, "same_full_name"),
    ("same-full-name-org-spelled-out", new("Rick Wagoner", org="GM"), [WAGONER], 2, None),
    ("same-name-same-role", new("Gordon Brown", "chancellor"), [BROWN], 4, "same_full_name"),
    ("new-chief-executive", new("Kazuo Hirai", "as new chief executive"), [HIRAI], 1, None),
    ("typo-first-name-same-org", new("Kazou Hirai", org="Sony Corp"), [HIRAI], 1, None),
    ("typo-first-name-no-org", new("Kazou Hirai"), [HIRAI], None, None),
    ("short-first-name-same-role", new("Kaz Hirai", "CEO"), [HIRAI_CEO], 7, "shorter_same_role"),
    ("short-first-name-other-role", new("Kaz Hirai", "chairman"), [HIRAI_CEO], None, None),
    ("short-first-name-no-context", new("Kaz Hirai"), [HIRAI], 1, None),  # an alias: same
    ("first-name-variant-same-role", new("Elliot Spitzer", "attorney general"), [SPITZER], 11,
     "variant_same_role"),
    ("first-name-variant-other-role", new("Elliot Spitzer", "analyst"), [SPITZER], None, None),
    ("surname-variant-same-org", new("Rick Waggoner", org="GM"), [WAGONER], 2, None),
    ("familiar-first-name-same-org", new("Jim Skinner", org="McDonald's"),
     [cand(13, "James Skinner", role="chief executive", org="McDonald's")], 13, "variant_same_org"),
    ("familiar-first-name-no-context", new("Jim Skinner"),
     [cand(13, "James Skinner", role="chief executive", org="McDonald's")], None, None),
    ("surname-variant-no-org", new("Rick Waggoner"), [WAGONER], None, None),
    ("surname-variant-other-org", new("Rick Waggoner", org="Fiat"), [WAGONER], None, "other_org"),
    ("surname-alone-same-org", new("Hirai", org="Sony"), [HIRAI], 1, "surname_same_org"),
    ("surname-alone-no-org", new("Hirai"), [cand(9, "Kazuo Hirai", org="Sony")], None, None),
    ("same-name-other-org", new("Kazuo Hirai", org="Panasonic"), [HIRAI], None, "other_org"),
    ("same-name-excluded-role", new("Kazuo Hirai", "analyst"), [HIRAI], None, "roles_exclude"),
    ("namesake-elsewhere", new("Osamu Suzuki", "director", "Canon"), [SUZUKI_MOTOR], None, None),
    ("namesake-same-company", new("Osamu Suzuki", org="Suzuki Motor"), [SUZUKI_MOTOR], 3, None),
    ("relative-same-company", new("Toshihiro Suzuki", org="Suzuki Motor"), [SUZUKI_MOTOR], None,
     None),
    ("two-namesakes-one-org-known", new("John Smith", org="Zenta"), [SMITH_ACME, SMITH_ZENTA], 6,
     None),
    ("two-namesakes-no-org-first", new("John Smith"), [SMITH_ACME, SMITH_ZENTA], 5, None),
    ("two-namesakes-no-org-most-named", new("John Smith"), [SMITH_ACME, SMITH_ZENTA_NAMED], 6,
     None),
    ("same-name-related-org", new("Alan Greenspan", org="Fed"), [GREENSPAN], 8, "same_full_name"),
    ("variant-related-org", new("Alan Greenspun", org="Fed"), [GREENSPAN], None, None),
    ("same-name-moved-years-apart", dated(new("Louis Gallois", org="EADS"), 2008),
     [dated(GALLOIS, 2007)], 12, "same_full_name_moved"),
    ("same-name-other-org-same-year", dated(new("Louis Gallois", org="EADS"), 2007),
     [dated(GALLOIS, 2007)], None, "other_org"),
    ("same-name-other-org-undated", new("Louis Gallois", org="EADS"), [dated(GALLOIS, 2007)],
     None, "other_org"),
    ("variant-other-org-years-apart", dated(new("Louis Galois", org="EADS"), 2008),
     [dated(GALLOIS, 2007)], None, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("newcomer", "stored", "expected", "rule"),
    [pytest.param(*c[1:], id=c[0]) for c in LINKS],
)
def test_match_person(
    newcomer: PersonFacts, stored: list[PersonCandidate], expected: int | None, rule: str | None
) -> None:
    assert match_person(newcomer, stored) == expected
    if rule is not None:
        assert decide_link(newcomer, stored[0]).rule == rule


def test_every_rule_decides_some_case() -> None:
    used = {decide_link(c[1], s).rule for c in LINKS for s in c[2]}
    assert {r.id for r in LINK_RULES} <= used


@pytest.mark.parametrize(
    ("spellings", "expected"),
    [
        pytest.param({"Hirai": 9, "Kaz Hirai": 4, "Kazuo Hirai": 1}, "Kazuo Hirai", id="fullest"),
        pytest.param({"Kazou Hirai": 1, "Kazuo Hirai": 3}, "Kazuo Hirai", id="typo-loses-on-count"),
        pytest.param({"Rick Waggoner": 1, "Rick Wagoner": 3}, "Rick Wagoner", id="longer-typo"),
        pytest.param({"Hirai": 2}, "Hirai", id="only-spelling"),
    ],
)
def test_canonical_name(spellings: dict[str, int], expected: str) -> None:
    assert canonical_name(spellings) == expected
