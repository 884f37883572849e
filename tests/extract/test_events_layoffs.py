"""Layoffs, sentence by sentence: verbs, figures, shares, status, units, places, merging.

Every sentence here was written for this file. Each case names the fields one
layoff event of the text must have; ``None`` as the whole expectation means no
layoff event at all.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

pytestmark = pytest.mark.model

PUBLISHED = date(2015, 6, 10)  # a Wednesday


def layoffs(extractor: Any, text: str) -> list[dict[str, Any]]:
    events = extractor.extract_text(text, published=PUBLISHED).events
    return [e.contract() for e in events if e.type == "layoff"]


def _same(got: Any, want: Any) -> bool:
    if isinstance(want, float) and isinstance(got, (int, float)):
        return abs(got - want) <= max(0.01, abs(want) * 0.01)
    return bool(got == want)


def check(extractor: Any, text: str, want: dict[str, Any] | None) -> None:
    found = layoffs(extractor, text)
    if want is None:
        assert found == [], f"expected no layoff in {text!r}, got {found}"
        return
    assert any(all(_same(f.get(k), v) for k, v in want.items()) for f in found), (
        f"no layoff with {want} in {text!r}; got {found}"
    )


VERBS = [
    (
        "cut",
        "Marwick Foods will cut 450 jobs at its Leeds bakery.",
        {"company": "Marwick Foods", "jobs": 450},
    ),
    ("cutting", "Marwick Foods is cutting 450 jobs.", {"jobs": 450}),
    (
        "shed",
        "Oxley Bank is to shed 1,100 staff over two years.",
        {"company": "Oxley Bank", "jobs": 1100},
    ),
    ("sheds", "Oxley Bank sheds 800 posts in a cost drive.", {"jobs": 800}),
    (
        "axe",
        "Thornbury Media will axe 60 newsroom jobs.",
        {"company": "Thornbury Media", "jobs": 60},
    ),
    ("axing", "Thornbury Media is axing 60 jobs.", {"jobs": 60}),
    ("slash", "Bellcross Telecom plans to slash 3,000 positions.", {"jobs": 3000}),
    ("eliminate", "Corrin Software will eliminate 250 roles in sales.", {"jobs": 250}),
    (
        "lay-off",
        "Dunford Mining will lay off 700 miners.",
        {"company": "Dunford Mining", "jobs": 700},
    ),
    ("laid-off", "Dunford Mining laid off 700 workers last month.", {"jobs": 700}),
    ("lay-off-passive", "About 700 workers were laid off by Dunford Mining.", {"jobs": 700}),
    ("reduce-headcount", "Galloway Insurance will reduce its headcount by 1,500.", {"jobs": 1500}),
    (
        "reduce-workforce-pct",
        "Galloway Insurance will reduce its workforce by 12%.",
        {"percent": 12.0},
    ),
    ("trim", "Renfrew Steel trimmed 900 jobs from its payroll.", {"jobs": 900}),
    ("scrap", "Ellery Rail will scrap 320 posts.", {"jobs": 320}),
    (
        "passive-cut",
        "Some 1,200 jobs will be cut at Harwood Chemicals.",
        {"company": "Harwood Chemicals", "jobs": 1200},
    ),
    ("passive-lost", "Around 400 jobs will be lost at Harwood Chemicals.", {"jobs": 400}),
    ("go", "At Pembury Motors, 650 jobs will go.", {"company": "Pembury Motors", "jobs": 650}),
    ("to-go", "Pembury Motors said 650 jobs were to go.", {"jobs": 650}),
    (
        "at-risk",
        "As many as 900 jobs are at risk at Ashdown Glass.",
        {"company": "Ashdown Glass", "jobs": 900},
    ),
    (
        "job-cuts-noun",
        "Kelmscott Retail announced 2,000 job cuts on Tuesday.",
        {"company": "Kelmscott Retail", "jobs": 2000},
    ),
    ("job-losses-noun", "Kelmscott Retail warned of 2,000 job losses.", {"jobs": 2000}),
    ("redundancies", "Kelmscott Retail is making 350 redundancies.", {"jobs": 350}),
    ("layoffs-noun", "Kelmscott Retail confirmed 350 layoffs.", {"jobs": 350}),
    ("cuts-of", "Kelmscott Retail announced cuts of 500 jobs.", {"jobs": 500}),
    ("loss-of", "The closure will mean the loss of 260 jobs at Kelmscott Retail.", {"jobs": 260}),
    ("make-redundant", "Brindle Press will make 75 staff redundant.", {"jobs": 75}),
    ("cost-jobs", "The merger could cost 1,300 jobs at Ravensworth Dairies.", {"jobs": 1300}),
    ("sack", "Faversham Haulage sacked 140 drivers after the strike.", {"jobs": 140}),
    (
        "affect-clause",
        "The layoffs at Corrin Software, which will affect 640 staff, start in May.",
        {"jobs": 640},
    ),
    ("cuts-hit", "Corrin Software will cut jobs. The cuts will hit 640 workers.", {"jobs": 640}),
    (
        "put-at-risk",
        "Corrin Software will shut two plants, putting 1,400 jobs at risk.",
        {"jobs": 1400},
    ),
    (
        "share-then-count",
        "Corrin Software is laying off 12% of its staff, or about 1,300 people.",
        {"jobs": 1300, "percent": 12.0},
    ),
    ("reduction-of", "Corrin Software announced a headcount reduction of 10%.", {"percent": 10.0}),
    ("cuts-of-count", "Corrin Software announced job cuts of 1,500 in Europe.", {"jobs": 1500}),
    (
        "closure-affects",
        "Corrin Software said the plant closure would affect 450 staff.",
        {"jobs": 450},
    ),
    ("by-range", "Corrin Software will cut its workforce by between 5% and 7%.", {"percent": 5.0}),
    ("halve-by", "Oakhurst Airlines will reduce its cabin staff by half.", {"raw": "half"}),
]

NUMBERS = [
    # the count of a noun the cut reaches through "affect", "hit", "impact" belongs to
    # the cut a job word named first in the sentence
    (
        "job-cuts-affect-count",
        "Ferrand Glass said the job cuts will affect 450 employees.",
        {"company": "Ferrand Glass", "jobs": 450},
    ),
    (
        "workforce-reduction-impact-count",
        "The workforce reduction will impact 450 employees at Ferrand Glass.",
        {"company": "Ferrand Glass", "jobs": 450},
    ),
    (
        "job-cuts-which-hit-count",
        "Ferrand Glass said the job cuts, which will hit 600 workers, were painful.",
        {"jobs": 600},
    ),
    (
        "affected-by-the-layoffs",
        "About 600 Ferrand Glass employees will be affected by the layoffs.",
        {"company": "Ferrand Glass", "jobs": 600},
    ),
    (
        "hit-by-the-job-cuts",
        "Some 450 workers at Ferrand Glass will be hit by the job cuts.",
        {"jobs": 450},
    ),
    (
        "affected-by-the-closure",
        "About 300 staff will be affected by the closure of the Leeds plant, Ferrand Glass said.",
        {"jobs": 300},
    ),
    (
        "affected-by-pay-cuts",
        "About 600 staff at Ferrand Glass will be affected by the pay cuts.",
        None,
    ),
    ("pay-cuts-affect", "The pay cuts will affect 600 staff at Ferrand Glass.", None),
    (
        "job-cuts-affect-stores-no-count",
        "Ferrand Glass said the job cuts will affect its 450 stores.",
        {"jobs": None},
    ),
    ("comma", "Tarland Group will cut 12,500 jobs.", {"jobs": 12500}),
    ("space", "Tarland Group will cut 8 500 jobs.", {"jobs": 8500}),
    ("plain", "Tarland Group will cut 85 jobs.", {"jobs": 85}),
    ("spelled", "Tarland Group will cut two thousand jobs.", {"jobs": 2000}),
    ("spelled-small", "Tarland Group will cut forty jobs.", {"jobs": 40}),
    ("million", "Tarland Group will cut 1.2 million jobs.", {"jobs": 1200000}),
    ("range-hyphen", "Tarland Group will cut 1,000-1,200 jobs.", {"jobs": 1000, "jobs_high": 1200}),
    ("range-words", "Tarland Group will cut between 300 and 400 jobs.", {"jobs": 300}),
    ("up-to", "Tarland Group will cut up to 2,500 jobs.", {"jobs": 2500}),
    ("more-than", "Tarland Group will cut more than 600 jobs.", {"jobs": 600}),
    ("about", "Tarland Group will cut about 5,000 jobs.", {"jobs": 5000}),
    ("around", "Tarland Group will cut around 5,000 jobs.", {"jobs": 5000}),
    ("nearly", "Tarland Group will cut nearly 700 jobs.", {"jobs": 700}),
    ("some", "Tarland Group will cut some 700 jobs.", {"jobs": 700}),
    ("as-many-as", "Tarland Group could cut as many as 3,000 jobs.", {"jobs": 3000}),
    ("dot-european", "Tarland Group will cut 2.500 jobs in Germany.", {"jobs": 2500}),
    ("by-count", "Tarland Group will trim its workforce by 1,150.", {"jobs": 1150}),
    ("n-of-its-staff", "Tarland Group will cut 400 of its 5,000 staff.", {"jobs": 400}),
    (
        "no-figure-subject",
        "Tarland Group has slashed jobs to save money.",
        {"company": "Tarland Group", "jobs": None},
    ),
    ("employees-count", "Tarland Group will lay off 8,500 employees.", {"jobs": 8500}),
]

PERCENTS = [
    ("percent-word", "Hexley Foods will cut 15 percent of its workforce.", {"percent": 15.0}),
    ("percent-sign", "Hexley Foods will cut 6% of its workforce.", {"percent": 6.0}),
    ("per-cent", "Hexley Foods will cut 8 per cent of its staff.", {"percent": 8.0}),
    ("one-in-ten", "Hexley Foods will cut one in ten posts.", {"percent": None}),
    ("a-fifth", "Hexley Foods will cut about a fifth of its staff.", {"percent": None}),
    ("a-quarter", "Hexley Foods will shed a quarter of its workforce.", {"percent": None}),
    ("nearly-half", "Hexley Foods will shed nearly half of its workers.", {"percent": None}),
    ("a-third-by", "Hexley Foods will reduce its workforce by a third.", {"raw": "a third"}),
    (
        "share-or-count",
        "Hexley Foods said 10% or 1,400 of its full-time staff will be cut.",
        {"jobs": 1400, "percent": 10.0},
    ),
    (
        "count-or-share",
        "Hexley Foods will cut 1,400 jobs, or 10% of its staff.",
        {"jobs": 1400, "percent": 10.0},
    ),
    (
        "count-and-share",
        "Hexley Foods will cut 1,000 jobs, or 10% of its workforce.",
        {"jobs": 1000, "percent": 10.0, "implied_size": 10000},
    ),
    (
        "dash-share",
        "Hexley Foods is cutting 3,000 jobs - one fifth of its total.",
        {"jobs": 3000, "percent": None},
    ),
    (
        "which-amounts",
        "Hexley Foods will cut 600 jobs, which amounts to 12 percent of its staff.",
        {"jobs": 600, "percent": 12.0, "implied_size": 5000},
    ),
    (
        "share-of-staff-count",
        "The cuts will affect 9% of the 40,000 staff at Hexley Foods.",
        {"percent": 9.0, "jobs": None},
    ),
]

STATUS = [
    ("announced", "Wyvern Bank announced that it is cutting 900 jobs.", {"status": "announced"}),
    ("planned-will", "Wyvern Bank will cut 900 jobs next year.", {"status": "planned"}),
    ("planned-plans", "Wyvern Bank plans to cut 900 jobs.", {"status": "planned"}),
    ("completed-has", "Wyvern Bank has already cut 900 jobs since 2012.", {"status": "completed"}),
    ("completed-past", "Wyvern Bank cut 900 jobs last year.", {"status": "completed"}),
    ("rumored-could", "Wyvern Bank could cut up to 900 jobs.", {"status": "rumored"}),
    ("rumored-reportedly", "Wyvern Bank will reportedly cut 900 jobs.", {"status": "rumored"}),
    (
        "rumored-report",
        "Wyvern Bank may cut 900 jobs, a newspaper reported.",
        {"status": "rumored"},
    ),
    ("denied", "Wyvern Bank denied reports that it would cut 900 jobs.", {"status": "denied"}),
    ("denied-no-plans", "Wyvern Bank said it had no plans to cut 900 jobs.", {"status": "denied"}),
    (
        "denied-not",
        "Wyvern Bank will not cut 900 jobs, its chief executive said.",
        {"status": "denied"},
    ),
    ("no-jobs-lost", "Wyvern Bank promised that no jobs would be lost.", None),
    # a coordinated verb with no subject or auxiliary of its own takes the first one's;
    # "lay" there is read by the tagger as a past tense of "lie"
    (
        "coordinated-plans-lay-off",
        "Pellmore Retail plans to close 30 stores and lay off 1,100 workers.",
        {"company": "Pellmore Retail", "jobs": 1100, "status": "planned"},
    ),
    (
        "coordinated-set-to-lay-off",
        "Pellmore Retail is set to close 300 stores and lay off around 6,700 employees.",
        {"jobs": 6700, "status": "planned"},
    ),
    (
        "coordinated-will-cut",
        "Brisby Mills will shut its Leeds site and cut 250 jobs.",
        {"jobs": 250, "status": "planned"},
    ),
    (
        "coordinated-past",
        "Brisby Mills closed two plants and laid off 900 workers last year.",
        {"jobs": 900, "status": "completed"},
    ),
    # a date deep inside a modifier dates what the modifier names, not the cut
    (
        "date-of-the-plan's-loss",
        "Wyvern Bank will cut 900 jobs under a plan to recover from a loss it made last year.",
        {"jobs": 900, "status": "planned"},
    ),
    (
        "date-after-a-loss",
        "Wyvern Bank will cut 900 jobs as part of a plan to relieve it after a loss last year.",
        {"jobs": 900, "status": "planned"},
    ),
    (
        "date-in-march-last-year",
        "Wyvern Bank cut 900 jobs in March last year.",
        {"status": "completed"},
    ),
    ("date-two-years-ago", "Wyvern Bank cut 900 jobs two years ago.", {"status": "completed"}),
    (
        "coordinated-not-laid-off",
        "Brisby Mills closed 30 stores but did not lay off any of its 900 workers.",
        None,
    ),
]

UNITS_PLACES = [
    (
        "unit-from",
        "Calder Group will cut 300 jobs from its packaging division.",
        {"unit": "packaging division"},
    ),
    (
        "unit-at",
        "Calder Group will cut 300 jobs at its chemicals unit.",
        {"unit": "chemicals unit"},
    ),
    (
        "unit-subject",
        "Calder Group's brokerage arm will shed 120 staff.",
        {"company": "Calder Group", "unit": "brokerage arm"},
    ),
    (
        "unit-in",
        "Calder Group will cut 300 jobs in its retail business.",
        {"unit": "retail business"},
    ),
    ("no-unit", "Calder Group will cut 300 jobs.", {"unit": None}),
    ("location-in", "Calder Group will cut 300 jobs in Scotland.", {"location": "Scotland"}),
    ("location-at", "Calder Group will cut 300 jobs at its plant in Ohio.", {"jobs": 300}),
    ("location-across", "Calder Group will cut 300 jobs across Europe.", {"location": "Europe"}),
    (
        "mobile-division-share",
        "Calder Group will cut 500 jobs from its mobile division,"
        " 20 percent of the unit's workforce.",
        {"unit": "mobile division", "percent": 20.0, "implied_size": 2500},
    ),
    ("headline-style", "Calder Group to axe 300 jobs in Wales", {"jobs": 300, "location": "Wales"}),
]

COMPANIES = [
    (
        "the-company",
        "Ardley Motors reported weak sales. The company will cut 500 jobs.",
        {"company": "Ardley Motors", "jobs": 500},
    ),
    (
        "it",
        "Ardley Motors reported weak sales. It will cut 500 jobs.",
        {"company": "Ardley Motors"},
    ),
    (
        "the-carmaker",
        "Ardley Motors reported weak sales, and the carmaker will cut 500 jobs.",
        {"company": "Ardley Motors"},
    ),
    (
        "media-source",
        "Ardley Motors will cut 500 jobs, the Financial Times reported.",
        {"company": "Ardley Motors"},
    ),
    (
        "possessive-noun",
        "Ardley Motors' job cuts will affect 500 people.",
        {"company": "Ardley Motors"},
    ),
    (
        "cuts-at",
        "The 500 job cuts at Ardley Motors were confirmed on Monday.",
        {"company": "Ardley Motors", "jobs": 500},
    ),
    (
        "union-says",
        "The Metalworkers Union said Ardley Motors would cut 500 jobs.",
        {"company": "Ardley Motors"},
    ),
    (
        "two-companies",
        "Ardley Motors will cut 500 jobs, while Benham Cars will shed 200.",
        {"company": "Ardley Motors", "jobs": 500},
    ),
    ("sector-only", "The steel industry lost 20,000 jobs last year.", None),
    ("generic-firms", "Manufacturing firms cut 15,000 jobs in the third quarter.", None),
]


@pytest.mark.parametrize(("text", "want"), [pytest.param(t, w, id=i) for i, t, w in VERBS])
def test_layoff_verbs(extractor: Any, text: str, want: dict[str, Any] | None) -> None:
    check(extractor, text, want)


@pytest.mark.parametrize(("text", "want"), [pytest.param(t, w, id=i) for i, t, w in NUMBERS])
def test_layoff_numbers(extractor: Any, text: str, want: dict[str, Any] | None) -> None:
    check(extractor, text, want)


@pytest.mark.parametrize(("text", "want"), [pytest.param(t, w, id=i) for i, t, w in PERCENTS])
def test_layoff_percents(extractor: Any, text: str, want: dict[str, Any] | None) -> None:
    check(extractor, text, want)


@pytest.mark.parametrize(("text", "want"), [pytest.param(t, w, id=i) for i, t, w in STATUS])
def test_layoff_status(extractor: Any, text: str, want: dict[str, Any] | None) -> None:
    check(extractor, text, want)


@pytest.mark.parametrize(("text", "want"), [pytest.param(t, w, id=i) for i, t, w in UNITS_PLACES])
def test_layoff_units_and_places(extractor: Any, text: str, want: dict[str, Any] | None) -> None:
    check(extractor, text, want)


@pytest.mark.parametrize(("text", "want"), [pytest.param(t, w, id=i) for i, t, w in COMPANIES])
def test_layoff_companies(extractor: Any, text: str, want: dict[str, Any] | None) -> None:
    check(extractor, text, want)


CONFLICT = (
    "Selby Foods employs 30,000 people. Selby Foods will cut 4,000 jobs, or 8% of its workforce."
)

MERGING = [
    (
        "count-then-share",
        "Selby Foods will shed 4,000 jobs. The cuts amount to 8% of its workforce.",
        1,
        {"jobs": 4000, "percent": 8.0, "implied_size": 50000},
    ),
    (
        "share-in-later-sentence",
        "Selby Foods will cut 4,000 jobs."
        " In addition to cutting 8% of the workforce, it will close two plants.",
        1,
        {"jobs": 4000, "percent": 8.0},
    ),
    (
        "anaphor-adds-evidence",
        "Selby Foods will cut 4,000 jobs. The job losses were confirmed by its chairman on Monday.",
        1,
        {"jobs": 4000},
    ),
    (
        "headline-and-body",
        "Selby Foods to cut 4,000 jobs\n\nSelby Foods said on Tuesday it would cut 4,000 jobs.",
        1,
        {"jobs": 4000},
    ),
    (
        "two-companies-two-events",
        "Selby Foods will cut 4,000 jobs. Rival Gansey Dairies will cut 900 jobs.",
        2,
        {"company": "Gansey Dairies", "jobs": 900},
    ),
    (
        "breakdown-is-one-event",
        "Selby Foods will cut 4,000 jobs. Selby Foods said 1,500 of the cuts"
        " would fall in its dairy arm and 2,500 elsewhere.",
        1,
        {"jobs": 4000},
    ),
    (
        "conflict-noted",
        CONFLICT,
        1,
        {"jobs": 4000, "percent": 8.0, "implied_size": 50000},
    ),
]


@pytest.mark.parametrize(
    ("text", "count", "want"), [pytest.param(t, n, w, id=i) for i, t, n, w in MERGING]
)
def test_layoff_merging(extractor: Any, text: str, count: int, want: dict[str, Any]) -> None:
    found = layoffs(extractor, text)
    assert len(found) == count, found
    check(extractor, text, want)


def test_conflict_is_noted_not_chosen(extractor: Any) -> None:
    (event,) = layoffs(extractor, CONFLICT)
    assert event["implied_size"] == 50000
    assert "30,000" in (event["conflict"] or "")


def test_evidence_is_the_stating_sentence(extractor: Any) -> None:
    text = "Selby Foods had a hard year. Selby Foods will cut 4,000 jobs."
    result = extractor.extract_text(text, published=PUBLISHED)
    (event,) = [e for e in result.events if e.type == "layoff"]
    ev = event.evidence[0]
    assert text[ev.start : ev.end] == ev.text == "Selby Foods will cut 4,000 jobs."


@pytest.mark.parametrize(
    ("text", "when"),
    [
        pytest.param(
            "Selby Foods said yesterday it would cut 400 jobs.", date(2015, 6, 9), id="yesterday"
        ),
        pytest.param(
            "Selby Foods said on Monday it would cut 400 jobs.", date(2015, 6, 8), id="on-monday"
        ),
        # a deadline is no date of the event: it is dated by the article
        pytest.param(
            "Selby Foods will cut 400 jobs by 2018.", PUBLISHED, id="deadline-is-not-a-date"
        ),
    ],
)
def test_layoff_dates(extractor: Any, text: str, when: date | None) -> None:
    (event,) = [
        e for e in extractor.extract_text(text, published=PUBLISHED).events if e.type == "layoff"
    ]
    assert event.event_date == when
