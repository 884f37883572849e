"""Matching and scoring on hand-made contract JSON: tables of cases."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.evaluation.gold import GoldArticle, GoldFact
from newsledger.evaluation.match import (
    Counts,
    company_match,
    field_equal,
    predictions,
    quote_starts,
    score_article,
    speaker_match,
    total,
)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        pytest.param("Sony Corp.", "Sony", True, id="suffix-dropped"),
        pytest.param("Sony", "SONY Corporation", True, id="case-and-suffix"),
        pytest.param("Telegraph Group (Daily and Sunday Telegraph)", "Telegraph", True,
                     id="containment-parenthesised-parts"),
        pytest.param("MG Rover (Longbridge, Midlands)", "MG Rover", True, id="containment-prefix"),
        pytest.param("Marsh & McLennan", "Marsh & McLennan Cos", True,
                     id="containment-longer-pred"),
        pytest.param("Oracle", "Orange", False, id="different-company"),
        pytest.param("Deutsche Bank", "Deutsche Boerse", False, id="shared-first-word-only"),
        pytest.param("Acme", None, False, id="no-predicted-company"),
        pytest.param("The Acme Group", "The", False, id="stopword-alone"),
    ],
)  # fmt: skip
def test_company_match(gold: str, predicted: str | None, expected: bool) -> None:
    assert company_match(gold, predicted) is expected


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        pytest.param("Kazuo Hirai", "Kaz Hirai", True, id="surname"),
        pytest.param("Kazuo Hirai", "Hirai", True, id="surname-alone"),
        pytest.param("Okafor", "Ngozi Okafor", True, id="gold-surname-only"),
        pytest.param("Sony", "Sony Corp", True, id="company-speaker"),
        pytest.param("Kazuo Hirai", "Kunimasa Suzuki", False, id="other-person"),
        pytest.param("Dana Whitlock", None, False, id="no-speaker"),
    ],
)  # fmt: skip
def test_speaker_match(gold: str, predicted: str | None, expected: bool) -> None:
    assert speaker_match(gold, predicted) is expected


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        pytest.param("“We will grow again,” she said", "We will grow", True, id="curly-marks"),
        pytest.param('"We  will\ngrow again"', "we will grow", True, id="spacing-and-case"),
        pytest.param("that costs must fall", "costs must fall", True, id="leading-that"),
        pytest.param("It is hard", "We will grow", False, id="other-quote"),
        pytest.param("We will", "We will grow", False, id="prediction-too-short"),
    ],
)  # fmt: skip
def test_quote_starts(text: str, start: str, expected: bool) -> None:
    assert quote_starts(text, start) is expected


@pytest.mark.parametrize(
    ("name", "gold", "pred", "expected"),
    [
        pytest.param("jobs", 1200, {"jobs": 1200}, True, id="jobs-exact"),
        pytest.param("jobs", 1200, {"jobs": 1199}, False, id="jobs-off-by-one"),
        pytest.param("jobs", 2500, {"jobs": None, "jobs_high": 2500}, True, id="jobs-range-high"),
        pytest.param("jobs", None, {"jobs": 50}, False, id="jobs-not-stated-but-given"),
        pytest.param("jobs", None, {"jobs": None}, True, id="jobs-not-stated"),
        pytest.param("percent", 8, {"percent": 8.0}, True, id="percent-float"),
        pytest.param("percent", 8, {"percent": 8.5}, False, id="percent-differs"),
        pytest.param("amount", 2100000000, {"amount": 2080000000}, True, id="amount-within-1pct"),
        pytest.param("amount", 2100000000, {"amount": 2000000000}, False, id="amount-5pct-off"),
        pytest.param("currency", "USD", {"currency": "usd"}, True, id="currency-case"),
        pytest.param("unit", "mobile division", {"unit": "mobile"}, True, id="unit-loose"),
        pytest.param("unit", "mobile division", {"unit": "games"}, False, id="unit-other"),
        pytest.param("period", "2022", {"period": None}, False, id="period-missing"),
        pytest.param("date", "2005-04", {"date": "2005-04-29"}, True, id="date-same-month"),
        pytest.param("date", "2005-04", {"date": "2005-05-02"}, False, id="date-next-month"),
        pytest.param("date", "2004-04", {"date": "2005-04-29"}, False, id="date-a-year-off"),
        pytest.param("date", "2004", {"date": "2004-11-02"}, True, id="date-year-precision"),
        pytest.param("date", "2004", {"date": "2005-01-02"}, False, id="date-other-year"),
        pytest.param("date", "2005-04", {"date": None}, False, id="date-missing"),
        pytest.param("date", "2005-04", {"date": "April"}, False, id="date-not-a-date"),
    ],
)  # fmt: skip
def test_field_equal(name: str, gold: Any, pred: dict[str, Any], expected: bool) -> None:
    kind = "financials" if name in ("amount", "currency", "period") else "layoffs"
    assert field_equal(kind, name, gold, pred) is expected


def _article(
    *facts: GoldFact, scored: tuple[str, ...] = ("layoffs", "financials", "quotes")
) -> GoldArticle:
    return GoldArticle("a1", "Acme cut 100 jobs.", None, None, facts, scored, "test:1")


def _layoff(company: str | None, jobs: int | None, percent: float | None = None) -> dict[str, Any]:
    return {"type": "layoff", "company": company, "jobs": jobs, "jobs_high": None,
            "percent": percent, "unit": None,
            "evidence": {"text": "Acme cut 100 jobs.", "start": 0, "end": 18}}  # fmt: skip


def _fin(company: str, kind: str, amount: float, currency: str) -> dict[str, Any]:
    return {"type": "financial", "company": company, "kind": kind, "amount": amount,
            "currency": currency, "period": None,
            "evidence": {"text": "x", "start": 0, "end": 1}}  # fmt: skip


ACME_100 = GoldFact("layoffs", {"company": "Acme", "jobs": 100, "percent": None})
ACME_100_OPT = GoldFact("layoffs", {"company": "Acme", "jobs": 40}, optional=True)
ACME_REV = GoldFact(
    "financials", {"company": "Acme", "kind": "revenue", "amount": 5e8, "currency": "EUR"}
)
HALE = GoldFact("quotes", {"speaker": "Marcus Hale", "quote_start": "Print is not back"})


@pytest.mark.parametrize(
    ("gold", "contract", "kind", "expected"),
    [
        pytest.param([ACME_100], {"events": [_layoff("Acme Inc", 100)]}, "layoffs",
                     Counts(1, 0, 0), id="layoff-found"),
        pytest.param([ACME_100], {"events": []}, "layoffs", Counts(0, 0, 1), id="layoff-missed"),
        pytest.param([ACME_100], {"events": [_layoff("Acme", 90)]}, "layoffs",
                     Counts(0, 1, 1), id="wrong-count-is-miss-and-spurious"),
        pytest.param([ACME_100], {"events": [_layoff("Acme", 100), _layoff("Acme", 100)]},
                     "layoffs", Counts(1, 1, 0), id="duplicate-is-spurious"),
        pytest.param([], {"events": [_layoff("Acme", 100)]}, "layoffs", Counts(0, 1, 0),
                     id="empty-gold-counts-precision"),
        pytest.param([ACME_100, ACME_100_OPT],
                     {"events": [_layoff("Acme", 100), _layoff("Acme", 40)]},
                     "layoffs", Counts(1, 0, 0), id="optional-absorbs-match"),
        pytest.param([ACME_100_OPT], {"events": []}, "layoffs", Counts(0, 0, 0),
                     id="optional-never-missed"),
        pytest.param([ACME_100_OPT], {"events": [_layoff("Acme", 7)]}, "layoffs",
                     Counts(0, 1, 0), id="optional-absorbs-only-full-match"),
        pytest.param([ACME_100], {"events": [_layoff(None, 100)]}, "layoffs", Counts(0, 1, 1),
                     id="no-company-no-match"),
        pytest.param([ACME_REV], {"events": [_fin("Acme", "revenue", 5.02e8, "EUR")]},
                     "financials", Counts(1, 0, 0), id="amount-close-enough"),
        pytest.param([ACME_REV], {"events": [_fin("Acme", "revenue", 5e8, "USD")]},
                     "financials", Counts(0, 1, 1), id="wrong-currency"),
        pytest.param([ACME_REV], {"events": [_fin("Acme", "net_profit", 5e8, "EUR")]},
                     "financials", Counts(0, 1, 1), id="wrong-kind"),
        pytest.param([HALE], {"quotes": [{"speaker": "Hale", "text": "“Print is not back,” he",
                                          "start": 0, "end": 5}]},
                     "quotes", Counts(1, 0, 0), id="quote-found"),
        pytest.param([HALE], {"quotes": [{"speaker": "Jones", "text": "Print is not back",
                                          "start": 0, "end": 5}]},
                     "quotes", Counts(0, 1, 1), id="quote-wrong-speaker"),
    ],
)  # fmt: skip
def test_score_article(
    gold: list[GoldFact], contract: dict[str, Any], kind: str, expected: Counts
) -> None:
    score = score_article(_article(*gold), predictions(contract))
    assert score.facts[kind] == expected


def test_unannotated_type_is_not_scored() -> None:
    score = score_article(
        _article(scored=("layoffs",)), predictions({"events": [_fin("A", "revenue", 1, "USD")]})
    )
    assert set(score.facts) == {"layoffs"}
    assert score.facts["layoffs"] == Counts()


def test_field_counts_on_partial_match() -> None:
    gold = GoldFact("layoffs", {"company": "Acme", "jobs": 100, "percent": 5})
    score = score_article(_article(gold), predictions({"events": [_layoff("Acme", 100, 6)]}))
    fields = score.fields["layoffs"]
    assert fields["company"] == Counts(1, 0, 0)
    assert fields["jobs"] == Counts(1, 0, 0)
    assert fields["percent"] == Counts(0, 1, 1)
    assert score.facts["layoffs"] == Counts(0, 1, 1)


def test_date_is_scored_where_the_gold_gives_dates() -> None:
    dated = GoldFact("layoffs", {"company": "Acme", "jobs": 100, "date": "2005-04"})
    right = {**_layoff("Acme", 100), "date": "2005-04-12"}
    wrong = {**_layoff("Acme", 100), "date": "2018-04-12"}
    spurious = {**_layoff("Zenith", 7), "date": "2005-04-12"}
    ok = score_article(_article(dated), predictions({"events": [right, spurious]}))
    assert ok.fields["layoffs"]["date"] == Counts(1, 1, 0)
    off = score_article(_article(dated), predictions({"events": [wrong]}))
    assert off.fields["layoffs"]["date"] == Counts(0, 1, 1)
    assert off.facts["layoffs"] == Counts(1, 0, 0)  # a key field it is not
    undated = score_article(_article(ACME_100), predictions({"events": [right]}))
    assert "date" not in undated.fields["layoffs"]


def test_total_and_ratios() -> None:
    a = score_article(_article(ACME_100), predictions({"events": [_layoff("Acme", 100)]}))
    b = score_article(_article(ACME_100), predictions({"events": []}))
    summed = total([a, b])
    counts = summed.facts["layoffs"]
    assert (counts, summed.articles) == (Counts(1, 0, 1), 2)
    assert (counts.precision, counts.recall) == (1.0, 0.5)
    assert counts.f1 == pytest.approx(2 / 3)
    assert Counts().f1 is None
