"""Resolution inside one article: pure tables, no model."""

from __future__ import annotations

from datetime import date

import pytest

from newsledger.models import Article, Entity, Evidence, Extraction, Quote
from newsledger.resolve.names import spells_initials
from newsledger.resolve.within import merge_acronyms, resolve_article

ART = Article("a1", "x" * 500)


def _person(name: str, at: int, role: str | None = None, org: str | None = None) -> Entity:
    mention = Evidence("a1", at, at + len(name), name)
    return Entity(f"p{at}", "person", name, role=role, org=org, mentions=(mention,))


MERGES = [
    ("prefix_first_name", [_person("Kaz Hirai", 0, "CEO", "Sony"), _person("Kazuo Hirai", 50)], 1),
    ("typo_first_name", [_person("Kazuo Hirai", 0), _person("Kazou Hirai", 50)], 1),
    ("surname_alone", [_person("Lena Fischer", 0), _person("Fischer", 50)], 1),
    (
        "three_spellings",
        [_person("Kaz Hirai", 0), _person("Kazou Hirai", 20), _person("Hirai", 60)],
        1,
    ),
    (
        "two_suzukis_two_companies",
        [
            _person("Osamu Suzuki", 0, org="Suzuki Motor"),
            _person("Kunimasa Suzuki", 40, org="Sony"),
        ],
        2,
    ),
    ("different_first_names", [_person("Tim Berg", 0), _person("Tom Berg", 40)], 2),
    (
        "same_name_clashing_orgs",
        [_person("Ann Lee", 0, org="Acme"), _person("Ann Lee", 40, org="Zenta")],
        2,
    ),
    (
        "ambiguous_surname_stays_apart",
        [_person("Tim Berg", 0), _person("Tom Berg", 40), _person("Berg", 80)],
        3,
    ),
]


@pytest.mark.parametrize(("people", "count"), [c[1:] for c in MERGES], ids=[c[0] for c in MERGES])
def test_people_merge(people: list[Entity], count: int) -> None:
    resolved = resolve_article(Extraction(ART, entities=tuple(people)))
    persons = [e for e in resolved.entities if e.type == "person"]
    assert len(persons) == count
    spellings = {n for p in persons for n in (p.name, *p.aliases)}
    assert spellings == {p.name for p in people}
    assert sum(len(p.mentions) for p in persons) == len(people)


def test_merged_person_keeps_role_and_org_and_quotes_follow() -> None:
    sony = Entity("c1", "company", "Sony", mentions=(Evidence("a1", 0, 4, "Sony"),))
    people = (_person("Kaz Hirai", 10, "CEO", "Sony"), _person("Hirai", 90))
    ev = Evidence("a1", 100, 120, "x" * 20)
    quotes = (Quote("We will change.", 100, 115, "Hirai", ev, speaker_type="person"),)
    resolved = resolve_article(Extraction(ART, entities=(sony, *people), quotes=quotes))
    quote = resolved.quotes[0]
    assert (quote.speaker, quote.speaker_role, quote.org) == ("Kaz Hirai", "CEO", "Sony")


def test_company_speaker_takes_the_entity_spelling() -> None:
    sony = Entity("c1", "company", "Sony", aliases=("Sony Corp.",))
    ev = Evidence("a1", 0, 10, "x" * 10)
    quote = Quote("launch it", 0, 9, "Sony Corporation", ev, speaker_type="company")
    resolved = resolve_article(Extraction(ART, entities=(sony,), quotes=(quote,)))
    assert resolved.quotes[0].speaker == "Sony"


DATING = [
    ("undated event takes the article date", None, date(2024, 5, 6), date(2024, 5, 6)),
    ("a stated date is kept", date(2024, 4, 30), date(2024, 5, 6), date(2024, 4, 30)),
    ("an undated article leaves it undated", None, None, None),
]


@pytest.mark.parametrize(
    ("own", "published", "expected"), [c[1:] for c in DATING], ids=[c[0] for c in DATING]
)
def test_events_are_dated_by_the_article(
    own: date | None, published: date | None, expected: date | None
) -> None:
    from newsledger.models import Event, Evidence, LayoffArgs
    from newsledger.resolve.within import date_events

    event = Event("layoff", "Acme", LayoffArgs(jobs=5), (Evidence("a", 0, 1, "x"),), own)
    assert date_events([event], published)[0].event_date == expected


def _company(cid: str, name: str, start: int) -> Entity:
    return Entity(cid, "company", name, mentions=(Evidence("a", start, start + 2, name),))


@pytest.mark.parametrize(
    ("names", "merged"),
    [
        pytest.param(["British Airways", "BA"], [("British Airways", ("BA",))], id="initials"),
        pytest.param(
            ["Royal Bank of Scotland plc", "RBS"],
            [("Royal Bank of Scotland plc", ("RBS",))],
            id="lowercase-word-and-suffix-skipped",
        ),
        pytest.param(
            ["British Airways", "Bristol Aero", "BA"],
            [("British Airways", ()), ("Bristol Aero", ()), ("BA", ())],
            id="two-fit-none-chosen",
        ),
        pytest.param(["Boeing", "BA"], [("Boeing", ()), ("BA", ())], id="no-fit"),
    ],
)
def test_acronyms_fold_into_the_company_they_spell(
    names: list[str], merged: list[tuple[str, tuple[str, ...]]]
) -> None:
    entities = tuple(_company(str(n), name, n * 10) for n, name in enumerate(names))
    out = resolve_article(Extraction(Article("a", "x" * 100), entities=entities))
    assert [(e.name, e.aliases) for e in out.entities] == merged


def test_events_and_company_speakers_take_the_spelled_out_name() -> None:
    from newsledger.models import Event, LayoffArgs

    ev = Event("layoff", "BA", LayoffArgs(jobs=600), (Evidence("a", 0, 5, "BA ..."),))
    quote = Quote("We regret it", 20, 32, "BA", Evidence("a", 20, 32, "x"), speaker_type="company")
    out = resolve_article(
        Extraction(
            Article("a", "x" * 100),
            entities=(_company("1", "British Airways", 40), _company("2", "BA", 0)),
            events=(ev,),
            quotes=(quote,),
        )
    )
    assert out.events[0].company == "British Airways"
    assert out.quotes[0].speaker == "British Airways"


@pytest.mark.parametrize(
    ("name", "acronym", "spells"),
    [
        pytest.param("Hewlett-Packard Co", "HP", True, id="hyphenated-with-suffix"),
        pytest.param("Rolls-Royce Holdings", "RR", True, id="hyphenated-holdings"),
        pytest.param("International Steel Group", "ISG", True, id="suffix-kept"),
        pytest.param("British Airways", "BA", True, id="plain"),
        pytest.param("Hewlett-Packard Co", "HPC", True, id="suffix-letter-too"),
        pytest.param("Hewlett-Packard Co", "HC", False, id="not-skipping-a-part"),
    ],
)
def test_acronym_spells_initials(name: str, acronym: str, spells: bool) -> None:
    assert spells_initials(acronym, name) is spells


def test_hyphenated_name_takes_its_acronym() -> None:
    full, short = Entity("1", "company", "Hewlett-Packard Co"), Entity("2", "company", "HP")
    merged, spelled = merge_acronyms([full, short])
    assert [(e.name, e.aliases) for e in merged] == [("Hewlett-Packard Co", ("HP",))]
    assert spelled == {"HP": "Hewlett-Packard Co"}
