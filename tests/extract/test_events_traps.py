"""Sentences that must yield no event of a given type: the traps of business news.

Hiring, price and production cuts, furloughs, savings targets, share moves,
market values, deal prices, capital spending, analyst estimates, forecast cuts
and denials. All written for this file.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

pytestmark = pytest.mark.model

PUBLISHED = date(2015, 6, 10)

NO_LAYOFF = [
    ("hiring", "Lindow Tech will hire 2,000 engineers next year."),
    ("creating-jobs", "Lindow Tech's new plant will create 1,500 jobs."),
    ("adding-staff", "Lindow Tech added 300 staff in the quarter."),
    ("price-cut", "Lindow Tech will cut prices by 10% to win customers."),
    ("price-cuts-noun", "Lindow Tech announced price cuts of up to 30%."),
    ("production-cut", "Lindow Tech will cut production by 20,000 units."),
    ("output-cut", "Lindow Tech will slash output at its Texas plant by a third."),
    ("furlough", "Lindow Tech will furlough 800 workers for two weeks."),
    ("savings-target", "Lindow Tech aims to cut costs by $500m a year."),
    ("cut-forecast", "Lindow Tech cut its profit forecast for the year."),
    ("cut-dividend", "Lindow Tech cut its dividend by half."),
    ("cut-rates", "The central bank cut interest rates by a quarter point."),
    ("pay-cuts", "Lindow Tech is negotiating pay cuts with its staff."),
    ("hours-cut", "Lindow Tech will cut working hours for 600 staff."),
    ("shares-shed", "Lindow Tech shares shed 4% in early trading."),
    ("job-fair", "Lindow Tech will host a job fair for 500 students."),
    ("staff-cut-costs", "Lindow Tech staff cut costs by sharing offices."),
    ("no-jobs-lost", "Lindow Tech said no jobs would be lost in the merger."),
    ("without-cutting", "Lindow Tech saved $1bn without cutting jobs."),
    ("sector-figure", "The textile sector lost 40,000 jobs last year."),
    ("economy-figure", "The economy shed 95,000 jobs in March, official figures showed."),
    ("moved-not-cut", "Lindow Tech will move 300 jobs from Paris to Dublin."),
    ("wages-of-workers", "The real answer is to cut the wages of unskilled workers."),
    ("jobless-rate", "The jobless rate fell to 5.2% in May."),
    ("workers-strike", "About 3,000 Lindow Tech workers went on strike on Monday."),
    ("role-change", "Lindow Tech's chairman will give up his role as chief executive."),
]

NO_FINANCIAL = [
    ("share-price", "Lindow Tech shares rose 5% to $42.50."),
    ("market-value", "Lindow Tech has a market value of $30bn."),
    ("deal-price", "Lindow Tech agreed a $2.4bn deal to buy Norcott Labs."),
    ("bid", "Lindow Tech made a $2.4bn bid for Norcott Labs."),
    ("takeover-value", "The takeover values Norcott Labs at $2.4bn."),
    ("capex", "Lindow Tech plans capital spending of $3bn next year."),
    ("invest", "Lindow Tech will invest $3bn in new factories."),
    ("savings", "Lindow Tech wants savings of $500m from its sales teams."),
    ("cost-cut-target", "Lindow Tech aims to cut costs by $500m."),
    ("analysts-expect", "Analysts expect Lindow Tech to post a net profit of $700m."),
    ("analysts-forecast", "Analysts had forecast a loss of $200m for Lindow Tech."),
    ("beat-estimates", "Lindow Tech beat estimates of $900m in revenue."),
    ("fine", "Lindow Tech paid a fine of $90m to regulators."),
    ("dividend", "Lindow Tech will pay a dividend of $1.2bn."),
    ("debt", "Lindow Tech has debts of $4bn."),
    ("loan", "Lindow Tech took out a loan of $800m."),
    ("pay-package", "The chief executive's pay package was worth $25m."),
    ("percent-only", "Lindow Tech's profit rose 6% last year."),
    ("price-of-product", "Lindow Tech will sell its new phone for $799."),
    ("bonus", "Lindow Tech staff shared a bonus pool of $300m."),
    ("per-share", "Lindow Tech reported adjusted earnings of $1.05 a share."),
    ("buyback", "Lindow Tech's board approved a share buyback of up to $5bn."),
    ("shareholders-lost", "Lindow Tech shareholders lost $2bn when the shares fell."),
    ("trade-deficit", "The country's trade deficit widened to $60bn in March."),
    ("market-sales", "Chinese wine sales rose 25% to 61bn yuan, the ministry said."),
    # met in real business news (eval/bbc-financials, tuning fold); sentences our own
    ("aim-for-sales", "Kaito Motors is aiming for sales of 8.5 trillion yen by 2008."),
    ("goal-is-revenue", "Lindow Tech's goal is revenue of $10bn by 2010."),
    ("target-of", "Lindow Tech set a target of $2bn in operating profit for 2009."),
    ("change-amount", "Lindow Tech said annual profit would be £5m lower than expected."),
    (
        "according-to-analysts",
        "According to analysts' forecasts, Lindow Tech will report profits of £9bn next week.",
    ),
    (
        "earnings-per-share-range",
        "Lindow Tech said next year's earnings per share would be lower, at between $4.0-$5.0.",
    ),
    (
        "merger-sum",
        "A combination of Lindow Tech and Norcott Labs would have annual sales of $32bn.",
    ),
    ("merged-company", "The merged company would have revenues of $12bn."),
    ("adds-to-revenue", "Lindow Tech expects the new plant to add $500m to revenue by 2008."),
    ("boss-earned", "Lindow Tech's chief executive earned $12m last year."),
    ("passive-forecast", "Lindow Tech's profit had been forecast to be 4.1bn rupees."),
    ("hopes-to-double", "Lindow Tech hopes to double its sales to $9bn by 2010."),
    ("shares-lost", "Shares in Lindow Tech lost 65 cents to 1.90 Canadian dollars."),
    (
        "sales-of-stakes",
        "Sales of stakes in firms including Norcott Labs raised 1.2bn euros for Lindow Tech.",
    ),
    (
        "fee-and-royalties",
        "Lindow Tech will receive a fee of £6m from Norcott Labs, out of a possible £21m,"
        " plus royalties on product sales.",
    ),
]

NO_OTHER = [
    ("strategy-question", "strategy", "Will Lindow Tech exit the Brazilian market?"),
    (
        "strategy-asked-if",
        "strategy",
        "Asked if Lindow Tech would exit Brazil, the chairman declined to comment.",
    ),
    (
        "strategy-inability",
        "strategy",
        "Lindow Tech blamed its inability to enter India for weak sales.",
    ),
    (
        "strategy-turn-company",
        "strategy",
        "Analysts think the new boss can turn the company around.",
    ),
    ("leadership-no-title", "leadership", "Maria Olsen left the meeting early."),
    (
        "leadership-step-into",
        "leadership",
        "The chief executive Maria Olsen stepped into the lift.",
    ),
    ("divest-goods", "divestiture", "Lindow Tech sold 3 million phones in Europe."),
    ("divest-shares-market", "divestiture", "Investors sold shares after the warning."),
    ("rename-parenthesis", "rename", "Lindow Tech (see chart) reported higher sales."),
    ("plan-no-restructuring", "restructuring_plan", "Lindow Tech will spend $300m on new stores."),
]


def _types(extractor: Any, text: str) -> list[str]:
    return [e.type for e in extractor.extract_text(text, published=PUBLISHED).events]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NO_LAYOFF])
def test_no_layoff(extractor: Any, text: str) -> None:
    found = [
        e.contract()
        for e in extractor.extract_text(text, published=PUBLISHED).events
        if e.type == "layoff" and e.args.status != "denied"
    ]
    assert found == []


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NO_FINANCIAL])
def test_no_financial(extractor: Any, text: str) -> None:
    assert "financial" not in _types(extractor, text)


@pytest.mark.parametrize(("kind", "text"), [pytest.param(k, t, id=i) for i, k, t in NO_OTHER])
def test_no_other_event(extractor: Any, kind: str, text: str) -> None:
    assert kind not in _types(extractor, text)
