"""What ANNOTATION.md leaves out of the scoring, and how the period and kinds compare.

Each row is one article: gold facts, the contract's events, the expected counts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from newsledger.evaluation.gold import GoldArticle, GoldFact
from newsledger.evaluation.match import (
    Counts,
    GoldPeriod,
    field_equal,
    gold_values,
    predictions,
    score_article,
)

FIVE_KINDS = frozenset({"net_profit", "net_loss", "revenue", "impairment", "restructuring_charge"})


def _article(*facts: GoldFact, annotates: frozenset[str] | None = None) -> GoldArticle:
    kinds = {} if annotates is None else {"financials": annotates}
    scored = ("layoffs", "financials")
    return GoldArticle("a1", "Acme text.", None, None, facts, scored, "test:1", None, kinds)


def _fin(kind: str, amount: float = 5e8, **extra: Any) -> dict[str, Any]:
    return {"type": "financial", "company": "Acme", "kind": kind, "amount": amount,
            "currency": "USD", "period": None, "outlook": False,
            "evidence": {"text": "x", "start": 0, "end": 1}, **extra}  # fmt: skip


def _lay(jobs: int, **extra: Any) -> dict[str, Any]:
    return {"type": "layoff", "company": "Acme", "jobs": jobs, "jobs_high": None,
            "percent": None, "unit": None, "status": "announced",
            "evidence": {"text": "x", "start": 0, "end": 1}, **extra}  # fmt: skip


def _gold_fin(kind: str, amount: float = 5e8, unscored: str | None = None) -> GoldFact:
    fields = {"company": "Acme", "kind": kind, "amount": amount, "currency": "USD"}
    return GoldFact("financials", fields, unscored=unscored)


def _gold_lay(jobs: int, unscored: str | None = None) -> GoldFact:
    return GoldFact("layoffs", {"company": "Acme", "jobs": jobs}, unscored=unscored)


# fmt: off
CASES = [
    # writedown is the impairment family
    pytest.param([_gold_fin("impairment")], [_fin("writedown")], None, Counts(1, 0, 0),
                 id="family-writedown-finds-impairment"),
    pytest.param([_gold_fin("writedown")], [_fin("impairment")], None, Counts(1, 0, 0),
                 id="family-impairment-finds-writedown"),
    pytest.param([_gold_fin("impairment")], [_fin("restructuring_charge")], None,
                 Counts(0, 1, 1), id="family-charge-is-not-impairment"),
    # guidance of results is not scored; expected charges are
    pytest.param([], [_fin("net_profit", outlook=True)], None, Counts(0, 0, 0),
                 id="outlook-profit-dropped"),
    pytest.param([], [_fin("revenue", outlook=True), _fin("operating_loss", outlook=True)],
                 None, Counts(0, 0, 0), id="outlook-revenue-and-operating-dropped"),
    pytest.param([_gold_fin("net_loss")], [_fin("net_loss", outlook=True)], None,
                 Counts(0, 0, 1), id="outlook-prediction-credits-nothing"),
    pytest.param([], [_fin("restructuring_charge", outlook=True)], None, Counts(0, 1, 0),
                 id="outlook-charge-still-scored-spurious"),
    pytest.param([_gold_fin("impairment")], [_fin("writedown", outlook=True)], None,
                 Counts(1, 0, 0), id="outlook-writedown-still-scored-found"),
    pytest.param([_gold_fin("net_loss", unscored="outlook")], [_fin("net_loss")], None,
                 Counts(0, 0, 0), id="gold-outlook-absorbs-match"),
    pytest.param([_gold_fin("net_loss", unscored="outlook")], [], None, Counts(0, 0, 0),
                 id="gold-outlook-never-missed"),
    pytest.param([_gold_fin("net_loss", unscored="outlook")], [_fin("net_loss", 1e6)], None,
                 Counts(0, 1, 0), id="gold-outlook-absorbs-only-full-match"),
    # kinds the record does not annotate
    pytest.param([], [_fin("operating_profit"), _fin("pretax_profit")], FIVE_KINDS,
                 Counts(0, 0, 0), id="annotates-drops-other-predictions"),
    pytest.param([_gold_fin("operating_profit")], [], FIVE_KINDS, Counts(0, 0, 0),
                 id="annotates-ignores-other-gold"),
    pytest.param([], [_fin("operating_profit")], None, Counts(0, 1, 0),
                 id="no-annotates-scores-every-kind"),
    pytest.param([_gold_fin("impairment")], [_fin("writedown")], frozenset({"impairment"}),
                 Counts(1, 0, 0), id="annotates-impairment-takes-writedown"),
    pytest.param([], [_fin("revenue")], FIVE_KINDS, Counts(0, 1, 0),
                 id="annotates-keeps-listed-kinds"),
    # segments are not scored, either side
    pytest.param([], [_fin("revenue", segment="Cards")], None, Counts(0, 0, 0),
                 id="segment-prediction-dropped"),
    pytest.param([_gold_fin("revenue")], [_fin("revenue", segment="Cards")], None,
                 Counts(0, 0, 1), id="segment-prediction-credits-nothing"),
    pytest.param([_gold_fin("revenue", unscored="segment")], [_fin("revenue")], None,
                 Counts(0, 0, 0), id="gold-segment-absorbs-match"),
    pytest.param([_gold_fin("revenue", unscored="segment")], [], None, Counts(0, 0, 0),
                 id="gold-segment-never-missed"),
]
LAYOFF_CASES = [
    pytest.param([_gold_lay(2400)], [_lay(2400), _lay(80, part_of="e1")], Counts(1, 0, 0),
                 id="part-of-prediction-dropped"),
    pytest.param([_gold_lay(80)], [_lay(80, part_of="the 2,400 cut")], Counts(0, 0, 1),
                 id="part-of-prediction-credits-nothing"),
    pytest.param([_gold_lay(2400), _gold_lay(80, unscored="part_of")], [_lay(2400), _lay(80)],
                 Counts(1, 0, 0), id="gold-part-of-absorbs-match"),
    pytest.param([_gold_lay(2400), _gold_lay(80, unscored="part_of")], [_lay(2400)],
                 Counts(1, 0, 0), id="gold-part-of-never-missed"),
    pytest.param([_gold_lay(500)], [_lay(500, status="denied")], Counts(0, 0, 1),
                 id="denied-still-dropped"),
    pytest.param([], [{**_lay(0), "jobs": None, "raw": None}], Counts(0, 0, 0),
                 id="no-figure-prediction-not-scored"),
    pytest.param([], [{**_lay(0), "jobs": None, "raw": "a third"}], Counts(0, 1, 0),
                 id="ratio-prediction-scored"),
    pytest.param([_gold_lay(300)], [_lay(300, raw="300")], Counts(1, 0, 0),
                 id="count-prediction-scored"),
]
# fmt: on


@pytest.mark.parametrize(("gold", "events", "annotates", "expected"), CASES)
def test_financials_scope(
    gold: list[GoldFact],
    events: list[dict[str, Any]],
    annotates: frozenset[str] | None,
    expected: Counts,
) -> None:
    score = score_article(_article(*gold, annotates=annotates), predictions({"events": events}))
    assert score.facts["financials"] == expected


@pytest.mark.parametrize(("gold", "events", "expected"), LAYOFF_CASES)
def test_layoff_breakdowns(
    gold: list[GoldFact], events: list[dict[str, Any]], expected: Counts
) -> None:
    score = score_article(_article(*gold), predictions({"events": events}))
    assert score.facts["layoffs"] == expected


MARCH_05 = date(2005, 3, 31)


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        pytest.param(GoldPeriod(MARCH_05, 3), {"period_end": "2005-03-31", "period_months": 3},
                     True, id="same-end-same-length"),
        pytest.param(GoldPeriod(MARCH_05, 3), {"period_end": "2005-03-30", "period_months": 3},
                     True, id="same-month-other-day"),
        pytest.param(GoldPeriod(MARCH_05, 3), {"period_end": "2005-04-01", "period_months": 3},
                     False, id="next-month"),
        pytest.param(GoldPeriod(MARCH_05, 3), {"period_end": "2004-03-31", "period_months": 3},
                     False, id="year-earlier"),
        pytest.param(GoldPeriod(MARCH_05, 12), {"period_end": "2005-03-31", "period_months": 3},
                     False, id="quarter-is-not-year"),
        pytest.param(GoldPeriod(MARCH_05, 12), {"period_end": "2005-03-31"}, False,
                     id="length-not-given"),
        pytest.param(GoldPeriod(MARCH_05, None), {"period_end": "2005-03-31", "period_months": 9},
                     True, id="length-not-stated-by-gold"),
        pytest.param(GoldPeriod(MARCH_05, 3), {"period": "Q1 2005", "period_end": None}, False,
                     id="words-alone-do-not-match-a-date"),
        pytest.param(GoldPeriod(None, 6), {"period_end": "2004-09-30", "period_months": 6}, True,
                     id="length-only"),
        pytest.param("first quarter", {"period": "first quarter 2005"}, True,
                     id="no-end-falls-back-to-words"),
        pytest.param("2004", {"period": "2005"}, False, id="words-differ"),
    ],
)  # fmt: skip
def test_period_field(gold: Any, pred: dict[str, Any], expected: bool) -> None:
    assert field_equal("financials", "period", gold, pred) is expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param({"period": "Q1", "period_end": MARCH_05, "period_months": 3},
                     GoldPeriod(MARCH_05, 3), id="end-wins-over-words"),
        pytest.param({"period": "the year", "period_end": None}, "the year",
                     id="end-not-stated-words-used"),
        pytest.param({"period_end": None, "period_months": None}, None,
                     id="nothing-stated-must-be-empty"),
        pytest.param({"period": None}, None, id="words-null"),
    ],
)  # fmt: skip
def test_gold_period_value(fields: dict[str, Any], expected: Any) -> None:
    fact = GoldFact("financials", {"company": "Acme", "kind": "revenue", **fields})
    assert gold_values(fact)["period"] == expected


def test_period_field_counts_use_end_date() -> None:
    fields = {"company": "Acme", "kind": "revenue", "amount": 5e8, "currency": "USD",
              "period_end": MARCH_05, "period_months": 3}  # fmt: skip
    gold = GoldFact("financials", fields)
    right = _fin("revenue", period="Q1 2005", period_end="2005-03-30", period_months=3)
    wrong = _fin("revenue", period="2004", period_end="2004-12-31", period_months=12)
    for event, counts in ((right, Counts(1, 0, 0)), (wrong, Counts(0, 1, 1))):
        score = score_article(_article(gold), predictions({"events": [event]}))
        assert score.facts["financials"] == Counts(1, 0, 0)  # the period is no key field
        assert score.fields["financials"]["period"] == counts


def _quote(text: str, speaker: str | None = "Ann Lee") -> dict[str, Any]:
    return {"text": text, "speaker": speaker, "start": 0}


def _gold_quote(start: str) -> GoldFact:
    return GoldFact("quotes", {"quote_start": start, "speaker": "Ann Lee"})


def _quote_article(*facts: GoldFact) -> GoldArticle:
    return GoldArticle("a1", "Acme text.", None, None, facts, ("quotes",), "test:1", None, {})


# fmt: off
QUOTE_CASES = [
    pytest.param([], [_quote("stunned")], Counts(0, 0, 0), id="one-word-fragment-not-scored"),
    pytest.param([], [_quote("\u201ca remarkable result,\u201d")], Counts(0, 0, 0),
                 id="three-words-with-marks-not-scored"),
    pytest.param([], [_quote("a reset", speaker=None)], Counts(0, 1, 0),
                 id="scare-quote-without-speaker-spurious"),
    pytest.param([], [_quote("we will not sell")], Counts(0, 1, 0),
                 id="four-words-scored"),
    pytest.param([_gold_quote("We will win this")], [_quote("We will win this fight.")],
                 Counts(1, 0, 0), id="long-quote-found"),
]
# fmt: on


@pytest.mark.parametrize(("gold", "quotes", "expected"), QUOTE_CASES)
def test_short_fragments(
    gold: list[GoldFact], quotes: list[dict[str, Any]], expected: Counts
) -> None:
    score = score_article(_quote_article(*gold), predictions({"quotes": quotes}))
    assert score.facts["quotes"] == expected
