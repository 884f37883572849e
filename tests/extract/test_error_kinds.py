"""Issue 9's error kinds, one table of short articles per kind, scored as the eval scores.

Every article here was written for this file (the companies are invented). A row
gives the fact type it tests and the facts ANNOTATION.md asks for, in the gold
shape; the real product extracts the article and ``evaluation.match`` compares,
so a row passes when every expected fact is found and nothing spurious of that
type is predicted. ``gold=()`` is a trap: nothing of that type. ``wrong`` names
companies (or speakers) no fact of the type may carry; with ``gold=None`` a row
checks only those. ``strict`` rows want the company's own name, not a longer
name that merely contains it ("Chipmaker Acme"), which the matcher would accept.

Rows failing on today's code are ``xfail(strict=True)``, so a fix shows up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from newsledger.evaluation.gold import GoldArticle, GoldFact
from newsledger.evaluation.match import (
    Predicted,
    company_match,
    field_equal,
    predictions,
    score_article,
    speaker_match,
)
from newsledger.resolve.names import company_key

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 5, 15)  # a Wednesday


@dataclass(frozen=True)
class Case:
    text: str
    facts: str  # "layoffs", "financials" or "quotes"
    gold: tuple[Mapping[str, Any], ...] | None
    wrong: tuple[str, ...] = ()
    strict: bool = False


def row(
    case_id: str,
    text: str,
    facts: str,
    gold: Sequence[Mapping[str, Any]] | None,
    *,
    wrong: Sequence[str] = (),
    strict: bool = False,
    fails: str | None = None,
) -> Any:
    """One table row, id "k<kind>-..."; ``fails`` says why it fails today (a strict xfail)."""
    case = Case(text, facts, None if gold is None else tuple(gold), tuple(wrong), strict)
    marks = []
    if fails:
        kind = case_id.split("-", 1)[0].removeprefix("k")
        marks.append(pytest.mark.xfail(strict=True, reason=f"issue 9 kind {kind}: {fails}"))
    return pytest.param(case, id=case_id, marks=marks)


def cut(company: str, jobs: int | None, percent: float | None = None) -> dict[str, Any]:
    return {"company": company, "jobs": jobs, "percent": percent}


def money(company: str, kind: str, amount: float, currency: str, **more: Any) -> dict[str, Any]:
    return {"company": company, "kind": kind, "amount": amount, "currency": currency, **more}


def said(speaker: str, quote_start: str) -> dict[str, Any]:
    return {"speaker": speaker, "quote_start": quote_start}


L, F, Q = "layoffs", "financials", "quotes"

# --- 1. a count and a percentage of one cut are one event -------------------------

KIND_1 = [
    row(
        "k1-or-about-count",
        "Norvik Systems to trim staff\n\nNorvik Systems said on Tuesday it would cut 12% of its "
        "workforce, or about 1,800 employees, as demand for its routers slows.",
        L,
        [cut("Norvik Systems", 1800, 12)],
    ),
    row(
        "k1-count-about-percent",
        "Halden AG cuts jobs\n\nHalden AG will lay off 2,400 workers, about 9% of staff, "
        "the insurer said on Monday.",
        L,
        [cut("Halden AG", 2400, 9)],
    ),
    row(
        "k1-count-parenthesised-percent",
        "Acme to close Ohio plant\n\nAcme will eliminate 700 jobs (11% of its workforce) "
        "when it closes its Ohio plant next year.",
        L,
        [cut("Acme", 700, 11)],
    ),
    row(
        "k1-headline-count-body-percent",
        "Marlow Freight to cut 1,500 jobs\n\nMarlow Freight said on Monday it would reduce "
        "its workforce by 6% as parcel volumes keep falling. The cuts will be made by the "
        "end of the year.",
        L,
        [cut("Marlow Freight", 1500, 6)],
    ),
    row(
        "k1-headline-percent-body-count",
        "Marlow Freight to cut 6% of staff\n\nMarlow Freight said on Monday that about 1,500 "
        "jobs would go as parcel volumes keep falling.",
        L,
        [cut("Marlow Freight", 1500, 6)],
    ),
    row(
        "k1-percent-then-count-next-sentence",
        "Corvell Bank to shrink\n\nCorvell Bank will cut 15% of its staff over two years. "
        "The reduction amounts to roughly 3,000 positions, the lender said.",
        L,
        [cut("Corvell Bank", 3000, 15)],
    ),
    row(
        "k1-some-people-or-percent-of-headcount",
        "Velstrom Motors cuts office jobs\n\nVelstrom Motors is shedding some 450 people, or 5% "
        "of its global headcount, in its second round of savings this year.",
        L,
        [cut("Velstrom Motors", 450, 5)],
    ),
    row(
        "k1-the-job-losses-account-for-percent",
        "Brisk Logistics to cut 900 jobs\n\nBrisk Logistics said on Monday it plans to cut 900 "
        "jobs. The job losses will account for about 7% of its work force and affect drivers "
        "and depot staff.",
        L,
        [cut("Brisk Logistics", 900, 7)],
    ),
    row(
        "k1-the-job-cuts-represent-percent",
        "Corvell Bank cuts\n\nCorvell Bank will eliminate 2,000 positions over two years. "
        "The job cuts represent roughly 4 percent of its employees.",
        L,
        [cut("Corvell Bank", 2000, 4)],
    ),
    row(
        "k1-restated-count-which-make-up-percent",
        "Velstrom Motors to cut 6,000 jobs\n\nVelstrom Motors will cut 6,000 jobs and close "
        "three plants. To get there, 6,000 jobs which make up 15 percent of Velstrom's European "
        "workforce will be cut by 2027.",
        L,
        [cut("Velstrom Motors", 6000, 15)],
    ),
    row(
        "k1-trap-share-of-other-workforce",
        "Acme cuts 500 jobs\n\nAcme will cut 500 jobs at its Leeds plant. The plant's job "
        "losses follow a decade in which manufacturing fell to 8% of the city's workforce.",
        L,
        [cut("Acme", 500)],
    ),
]

# --- 2. the company: the employer as named, not a descriptor, person, place, source -

KIND_2 = [
    row(
        "k2-stock-code-bracket-is-no-company",
        "Tarrow results\n\nTarrow plc (LSE: TRW) will cut 300 jobs at its Leeds mill, it said "
        "on Monday.",
        L,
        [cut("Tarrow plc", 300)],
        wrong=["LSE"],
    ),
    row(
        "k2-stock-code-bracket-results",
        "Quarterly results\n\nBrightwell Inc. (NASDAQ: BRWL) today reported a net loss of "
        "$14 million for the second quarter.",
        F,
        [money("Brightwell Inc.", "net_loss", 14e6, "USD")],
        wrong=["NASDAQ", "Quarterly"],
    ),
    row(
        "k2-compared-company-is-not-the-actor",
        "Corvell Stores to shrink\n\nCorvell Stores filed for bankruptcy protection on Monday. "
        "Second largest in its field, behind Brightwell, the company said it would close 155 "
        "stores, leaving an estimated 8,000 employees jobless.",
        L,
        [cut("Corvell Stores", 8000)],
        wrong=["Brightwell"],
    ),
    row(
        "k2-unlike-a-rival",
        "Halden Bank cuts\n\nHalden Bank reported a loss. Unlike Corvell Bank, the lender said "
        "it would cut 900 jobs this year.",
        L,
        [cut("Halden Bank", 900)],
        wrong=["Corvell Bank"],
    ),
    row(
        "k2-descriptor-chipmaker",
        "Chipmaker Acme Corp to cut 900 jobs\n\nChipmaker Acme Corp will cut 900 jobs, "
        "it said on Thursday.",
        L,
        [cut("Acme", 900)],
        strict=True,
    ),
    row(
        "k2-descriptor-german-insurer",
        "Insurer trims staff\n\nGerman insurer Halden AG is cutting 1,200 jobs in its "
        "claims business.",
        L,
        [cut("Halden AG", 1200)],
        strict=True,
    ),
    row(
        "k2-parent-named-as-actor",
        "Holdco cuts jobs\n\nWidgetco parent Holdco is cutting 600 jobs across its factories, "
        "it said on Friday.",
        L,
        [cut("Holdco", 600)],
        wrong=["Widgetco"],
        strict=True,
    ),
    row(
        "k2-unit-named-as-actor",
        "Widgetco cuts jobs\n\nWidgetco, a unit of Holdco, will cut 600 jobs at its Leeds "
        "plant, it said on Friday.",
        L,
        [cut("Widgetco", 600)],
        wrong=["Holdco"],
        strict=True,
    ),
    row(
        "k2-unit-possessive-actor",
        "Widgetco cuts jobs\n\nHoldco's Widgetco unit will cut 600 jobs at its Leeds plant.",
        L,
        [cut("Widgetco", 600)],
        wrong=["Holdco"],
        strict=True,
    ),
    row(
        "k2-named-unit-after-parent-descriptor",
        "Velstrom cuts in Poland\n\nVelstrom Motors' Polish unit Velstrom Polska will cut 700 "
        "jobs.",
        L,
        [cut("Velstrom Polska", 700)],
        strict=True,
    ),
    row(
        "k2-first-word-kept",
        "Brisk Logistics lays off\n\nBrisk Logistics will lay off 2,500 workers this year.",
        L,
        [cut("Brisk Logistics", 2500)],
        strict=True,
    ),
    row(
        "k2-name-not-cut-to-last-word",
        "Norvik Systems cuts\n\nNorvik Systems will cut 300 jobs in the first quarter.",
        L,
        [cut("Norvik Systems", 300)],
        strict=True,
    ),
    row(
        "k2-headline-descriptor-not-a-company",
        "Insurer cuts jobs\n\nFRANKFURT (Wire) - Halden will cut 900 jobs in Germany, the "
        "insurer said on Tuesday.",
        L,
        [cut("Halden", 900)],
        wrong=["Insurer", "Frankfurt", "Wire"],
    ),
    row(
        "k2-not-the-person",
        "Norvik Systems to cut jobs\n\nNorvik Systems chief executive Lars Berg announced "
        "300 job cuts on Monday.",
        L,
        [cut("Norvik Systems", 300)],
        wrong=["Lars Berg"],
    ),
    row(
        "k2-not-the-dateline-city",
        "Norvik Systems to cut 500 jobs\n\nOSLO (Wire) - Norvik Systems will cut 500 jobs, "
        "the network equipment maker said on Tuesday.",
        L,
        [cut("Norvik Systems", 500)],
        wrong=["Oslo", "Wire"],
    ),
    row(
        "k2-not-the-headquarters-town",
        "Job cuts in Trondheim\n\nTrondheim-based Norvik Systems will cut 500 jobs, the "
        "company said on Tuesday.",
        L,
        [cut("Norvik Systems", 500)],
        wrong=["Trondheim"],
        strict=True,
    ),
    row(
        "k2-not-the-data-provider",
        "Halden AG profit\n\nHalden AG posted a net profit of €120 million for the first "
        "quarter, above the €105 million analysts had expected, according to Refinitiv data.",
        F,
        [money("Halden AG", "net_profit", 120e6, "EUR")],
        wrong=["Refinitiv"],
    ),
    row(
        "k2-not-the-regulator",
        "Acme files job cuts\n\nAcme will cut 350 jobs at its Denver site, according to a "
        "notice filed with the Colorado Department of Labor on Tuesday.",
        L,
        [cut("Acme", 350)],
        wrong=["Colorado Department of Labor"],
    ),
    row(
        "k2-not-the-news-agency",
        "Brisk Logistics to cut jobs\n\nBrisk Logistics plans to cut about 800 jobs, Reuters "
        "reported on Wednesday, citing two people familiar with the matter.",
        L,
        [cut("Brisk Logistics", 800)],
        wrong=["Reuters"],
    ),
    row(
        "k2-not-advertisement",
        "Acme to cut 250 jobs\n\nAdvertisement\n\nAcme will cut 250 jobs at its Ohio plant, "
        "the company said on Friday.",
        L,
        [cut("Acme", 250)],
        wrong=["Advertisement"],
    ),
    row(
        "k2-not-share-this-article",
        "Halden AG to cut jobs\n\nShare this article\n\nHalden AG will lay off 400 workers in "
        "Bremen, the insurer said.",
        L,
        [cut("Halden AG", 400)],
        wrong=["Share this article"],
    ),
    row(
        "k2-not-related",
        "Corvell Bank cuts branch staff\n\nCorvell Bank will cut 320 branch jobs.\n\nRelated\n\n"
        "Lenders close more branches as customers move online",
        L,
        [cut("Corvell Bank", 320)],
        wrong=["Related"],
    ),
    # a name the tagger calls a place is a company in every mention once one mention
    # describes it as one (Wikinews: a US retailer; BBC: a brewer)
    row(
        "k2-described-once-company-everywhere",
        "US retailer Harbor City files for bankruptcy\n\nOn Monday, United States electronics "
        "retailer Harbor City announced that it would file for bankruptcy protection.\n\n"
        "Meanwhile, Harbor City reported a loss of $239 million in September.",
        F,
        [money("Harbor City", "net_loss", 239e6, "USD")],
    ),
    row(
        "k2-described-by-apposition-earlier",
        "Hotel group results\n\nAnalysts had expected better from the hotel operator Harbor "
        "Springs.\n\nIn the first half, Harbor Springs reported a net loss of $64 million.",
        F,
        [money("Harbor Springs", "net_loss", 64e6, "USD")],
    ),
]

# --- 3. earlier rounds with a figure are events of their own ----------------------

KIND_3 = [
    row(
        "k3-after-cutting-in-march",
        "Norvik Systems cuts more jobs\n\nNorvik Systems will cut another 1,200 jobs, after "
        "cutting 3,500 jobs in March.",
        L,
        [cut("Norvik Systems", 1200), cut("Norvik Systems", 3500)],
    ),
    row(
        "k3-plan-already-cost",
        "Halden AG deepens cuts\n\nHalden AG's restructuring will eliminate a further 800 "
        "positions. The plan has already cost 1,700 jobs since 2022.",
        L,
        [cut("Halden AG", 800), cut("Halden AG", 1700)],
    ),
    row(
        "k3-a-year-earlier-it-cut",
        "Acme lays off 2,000\n\nAcme will lay off 2,000 workers, it said on Tuesday. A year "
        "earlier it cut 5,000.",
        L,
        [cut("Acme", 2000), cut("Acme", 5000)],
    ),
    row(
        "k3-bare-number-after-a-cut-of-workers",
        "Corvell Bank trims staff\n\nCorvell Bank will shed 800 staff this year. In 2022 it "
        "shed 1,200.",
        L,
        [cut("Corvell Bank", 800), cut("Corvell Bank", 1200)],
    ),
    row(
        "k3-trap-bare-number-without-jobs-before",
        "Acme cuts prices\n\nAcme cut 5,000 from the list price of its largest machine.",
        L,
        (),
    ),
    row(
        "k3-follows-layoffs-in-january",
        "Velstrom Motors to cut 600 more jobs\n\nVelstrom Motors will cut 600 jobs at its "
        "Graz plant. The cuts follow 900 layoffs the carmaker announced in January.",
        L,
        [cut("Velstrom Motors", 600), cut("Velstrom Motors", 900)],
    ),
]

KIND_3 += [
    row(
        "k3-which-laid-off-last-autumn",
        "Acme cuts again\n\nAcme, which laid off 2,300 people last autumn, will cut a further "
        "900 jobs.",
        L,
        [cut("Acme", 900), cut("Acme", 2300)],
    ),
    row(
        "k3-shed-two-years-ago",
        "Halden AG cuts\n\nHalden AG will cut 800 jobs. It shed 1,200 staff two years ago.",
        L,
        [cut("Halden AG", 800), cut("Halden AG", 1200)],
    ),
]

# --- 4. examples in a list are no events; no "denied" from an unrelated word --------

KIND_4 = [
    row(
        "k4-trap-such-as-list",
        "Tech layoffs spread\n\nTechnology companies such as Acme, Norvik Systems and Halden "
        "AG have laid off thousands of workers this year.",
        L,
        None,
        wrong=["Acme", "Norvik Systems", "Halden AG"],
    ),
    row(
        "k4-trap-including-list",
        "Banks keep cutting\n\nLenders including Corvell Bank and Brisk Finance have cut more "
        "than 20,000 jobs since 2020, union figures show.",
        L,
        None,
        wrong=["Corvell Bank", "Brisk Finance"],
    ),
    row(
        "k4-trap-like-list-beside-real-cut",
        "Norvik Systems to cut 400 jobs\n\nNorvik Systems will cut 400 jobs, joining rivals "
        "like Acme and Halden AG, which have laid off thousands of staff since last year.",
        L,
        [cut("Norvik Systems", 400)],
        wrong=["Acme", "Halden AG"],
    ),
    row(
        "k4-denied-other-story-next-sentence",
        "Acme to cut 600 jobs\n\nAcme will cut 600 jobs at its Ohio plant. The company denied "
        "that its chief executive would step down.",
        L,
        [cut("Acme", 600)],
    ),
    row(
        "k4-denied-sale-in-same-sentence",
        "Norvik Systems cuts jobs\n\nNorvik Systems, which denied a report last month that it "
        "was up for sale, said it would cut 750 jobs.",
        L,
        [cut("Norvik Systems", 750)],
    ),
    row(
        "k4-rejected-bid-before-cut",
        "Halden AG to lay off 1,100\n\nHalden AG rejected a takeover offer from Corvell Bank on "
        "Thursday and said it would lay off 1,100 workers to stand alone.",
        L,
        [cut("Halden AG", 1100)],
        wrong=["Corvell Bank"],
    ),
]

# --- 5. charges with their amount -----------------------------------------------

KIND_5 = [
    row(
        "k5-severance-range",
        "Acme to cut 300 jobs\n\nAcme expects to book $25 million to $30 million in severance "
        "costs, mostly in the third quarter.",
        F,
        [money("Acme", "restructuring_charge", 25e6, "USD")],
    ),
    row(
        "k5-at-least",
        "Norvik Systems restructures\n\nNorvik Systems said the job cuts would result in "
        "charges of at least $300 million.",
        F,
        [money("Norvik Systems", "restructuring_charge", 300e6, "USD")],
    ),
    row(
        "k5-charge-in-q3-tied-to-cuts",
        "Halden AG takes charge\n\nHalden AG will take a $900M charge in Q3 tied to job cuts.",
        F,
        [money("Halden AG", "restructuring_charge", 900e6, "USD")],
    ),
    row(
        "k5-restructuring-charges-of",
        "Velstrom Motors books charges\n\nVelstrom Motors will record restructuring charges of "
        "about €120 million in the fourth quarter.",
        F,
        [money("Velstrom Motors", "restructuring_charge", 120e6, "EUR")],
    ),
    row(
        "k5-one-time-costs",
        "Brisk Logistics closes depots\n\nBrisk Logistics expects one-time costs of £45m "
        "related to the depot closures.",
        F,
        [money("Brisk Logistics", "restructuring_charge", 45e6, "GBP")],
    ),
    row(
        "k5-amount-before-cue",
        "Corvell Bank cuts jobs\n\nCorvell Bank will set aside $80 million for severance "
        "payments to the 1,000 staff it is letting go.",
        F,
        [money("Corvell Bank", "restructuring_charge", 80e6, "USD")],
        fails="'set aside $80 million for severance' is not read",
    ),
]

# --- 6. results phrased other ways ------------------------------------------------

KIND_6 = [
    row(
        "k6-posted-net-loss",
        "Acme loses money\n\nAcme posted a net loss of $310 million for the third quarter.",
        F,
        [money("Acme", "net_loss", 310e6, "USD")],
    ),
    row(
        "k6-booked-loss-yen-with-conversion",
        "Kasuga Electric in the red\n\nKasuga Electric booked a loss of ¥45.2 billion "
        "($290 million) for the year to March.",
        F,
        [money("Kasuga Electric", "net_loss", 45.2e9, "JPY")],
    ),
    row(
        "k6-swung-to-loss",
        "Halden AG swings to loss\n\nHalden AG swung to a loss of €75 million in the second "
        "quarter.",
        F,
        [money("Halden AG", "net_loss", 75e6, "EUR")],
    ),
    row(
        "k6-francs-or-about-dollars",
        "Halden AG profit\n\nHalden AG made a net profit of 1.2 billion Swiss francs, or about "
        "$1.3 billion, last year.",
        F,
        [money("Halden AG", "net_profit", 1.2e9, "CHF")],
    ),
    row(
        "k6-figure-in-headline-only",
        "Norvik Systems profit jumps to NOK 2.1 billion\n\nNorvik Systems said on Thursday "
        "that strong demand for its routers lifted quarterly earnings.",
        F,
        [money("Norvik Systems", "net_profit", 2.1e9, "NOK")],
    ),
    row(
        "k6-revenue-rose-percent-to",
        "Brisk Logistics sales up\n\nBrisk Logistics' revenue rose 8% to $5.6 billion in the "
        "first quarter.",
        F,
        [money("Brisk Logistics", "revenue", 5.6e9, "USD")],
    ),
    row(
        "k6-lost-amount",
        "Velstrom Motors loses $140m\n\nVelstrom Motors lost $140 million in the quarter as "
        "sales of its electric vans slumped.",
        F,
        [money("Velstrom Motors", "net_loss", 140e6, "USD")],
    ),
]

KIND_6 += [
    row(
        "k6-made-after-tax",
        "Halden AG results\n\nHalden AG made €1.4 billion after tax in the quarter.",
        F,
        [money("Halden AG", "net_profit", 1.4e9, "EUR")],
    ),
    row(
        "k7-trap-shares-closed-in-the-red",
        "Acme shares slide\n\nAcme shares closed in the red at $35 on Monday.",
        F,
        (),
    ),
    row(
        "k6-ended-year-in-the-red",
        "Acme results\n\nAcme ended the year $220 million in the red.",
        F,
        [money("Acme", "net_loss", 220e6, "USD")],
    ),
    row(
        "k6-net-loss-widened-yen-with-conversion",
        "Kasuga Electric results\n\nKasuga Electric's net loss widened to 61.3 billion yen "
        "($410 million) in the year to March.",
        F,
        [money("Kasuga Electric", "net_loss", 61.3e9, "JPY")],
    ),
    row(
        "k6-slipped-into-the-red-losing",
        "Halden AG slips into the red\n\nHalden AG slipped into the red in the second quarter, "
        "losing €75 million.",
        F,
        [money("Halden AG", "net_loss", 75e6, "EUR")],
    ),
]

# --- 7. figures that are no result of the company ---------------------------------

KIND_7 = [
    # "rose $A to $B": $A is the rise, $B the total
    row(
        "k7-change-before-the-total",
        "Velstrom Motors results\n\nVelstrom Motors said turnover rose $7.2bn to $170.8bn in 2023.",
        F,
        [money("Velstrom Motors", "revenue", 170.8e9, "USD")],
    ),
    # a division's figure is a segment figure, never the company's total (not scored)
    row(
        "k7-segment-division-subject",
        "Halden AG results\n\nHalden AG's chemicals division posted an operating loss of "
        "\u20ac40 million in the second quarter.",
        F,
        (),
    ),
    row(
        "k7-segment-at-its-unit",
        "Acme results\n\nAcme reported a profit of $40 million at its cloud business for the "
        "quarter.",
        F,
        (),
    ),
    row(
        "k7-segment-in-regional-operations",
        "Kestrel Motors results\n\nKestrel Motors made a $1.6 billion loss last year in its "
        "North American operations.",
        F,
        (),
    ),
    row(
        "k7-trap-share-price-loss-of-a-percentage",
        "Acme shares slide\n\nTech giant Acme was down nearly $5 to close at $35.18, a loss "
        "of nearly 12 percent.",
        F,
        (),
    ),
    row(
        "k7-trap-loss-of-percent-in-share-price",
        "Corvell Bank slides\n\nCorvell Bank posted a loss of 9% in its share price on Monday, "
        "closing at $18.",
        F,
        (),
    ),
    row(
        "k7-loss-with-its-amount-and-a-percentage-beside",
        "Halden AG results\n\nHalden AG made a net loss of €120 million, 12 percent more than "
        "a year earlier.",
        F,
        [money("Halden AG", "net_loss", 120e6, "EUR")],
    ),
    row(
        "k7-trap-amount-of-savings",
        "Marlow Freight plan\n\nMarlow Freight laid out its plan: revenues to double in Asia, "
        "and £400m of annual savings from offshoring.",
        F,
        (),
    ),
    row(
        "k7-trap-cuts-will-save",
        "Corvell Bank results\n\nCorvell Bank's revenue rose to $2 billion in 2023, and the "
        "job cuts will save $300 million a year.",
        F,
        [money("Corvell Bank", "revenue", 2e9, "USD")],
    ),
    row(
        "k7-trap-gross-profit-and-ebitda",
        "Brisco results\n\nBrisco Inc. reported revenue of $124.5 million for the quarter. "
        "Gross profit was $71.2 million, and adjusted EBITDA was $18.9 million.",
        F,
        [money("Brisco Inc.", "revenue", 124.5e6, "USD")],
    ),
    row(
        "k7-trap-lost-since-a-year",
        "Brisco Air in trouble\n\nBrisco Air has lost $3 billion since 2001 and is $4 billion "
        "in debt.",
        F,
        (),
    ),
    row(
        "k7-trap-since-launching",
        "Acme console\n\nSince launching its console in 2011, the Acme games unit has run up "
        "a $2 billion loss.",
        F,
        (),
    ),
    row(
        "k7-trap-since-its-founding",
        "Corvell Labs raises cash\n\nCorvell Labs has lost $300 million since its founding.",
        F,
        (),
    ),
    row(
        "k7-highest-since-a-year-is-a-result",
        "Halden AG results\n\nHalden AG's net profit rose to €5 billion in 2023, its highest "
        "since 2001.",
        F,
        [money("Halden AG", "net_profit", 5e9, "EUR")],
    ),
    row(
        "k7-trap-market-value",
        "Acme shares slump\n\nAcme's shares fell 30% on Tuesday, wiping $12 billion off its "
        "market value.",
        F,
        (),
    ),
    row(
        "k7-trap-accumulated-losses",
        "Norvik Systems seeks funds\n\nNorvik Systems has accumulated losses of $2.4 billion "
        "since it was founded in 2009.",
        F,
        (),
    ),
    row(
        "k7-trap-research-spend",
        "Halden AG invests\n\nHalden AG spent €1.1 billion on research and development last year.",
        F,
        (),
    ),
    row(
        "k7-trap-capex",
        "Acme plans new plants\n\nAcme plans capital expenditure of $800 million in 2025.",
        F,
        (),
    ),
    row(
        "k7-trap-sales-of-closing-stores",
        "Brisk Retail shuts 40 stores\n\nBrisk Retail will close 40 stores. The shops being "
        "closed had combined sales of £210 million last year.",
        F,
        (),
    ),
    row(
        "k7-trap-purchase-price",
        "Acme sells unit\n\nAcme bought Norvik Systems for $1.9 billion in 2021 and is now "
        "looking for a buyer.",
        F,
        (),
    ),
    row(
        "k7-trap-per-share",
        "Halden AG earnings\n\nHalden AG earned €2.15 per share in the quarter.",
        F,
        (),
    ),
    row(
        "k7-trap-share-price-move",
        "Corvell Bank shares jump\n\nCorvell Bank shares rose $3.40 to $61.20 in New York.",
        F,
        (),
    ),
    row(
        "k7-trap-increase-in-revenue",
        "Acme grows\n\nAcme reported a $3 billion increase in revenue from its cloud business.",
        F,
        (),
    ),
    row(
        "k7-trap-product-named-as-company",
        "Velo bikes sell well\n\nHalden AG's Velo e-bike brand had revenue of €300 million "
        "last year.",
        F,
        None,
        wrong=["Velo"],
    ),
]

# --- 8. year-earlier comparisons: each figure of its own period ----------------------

KIND_8 = [
    row(
        "k8-fell-to-from-a-year-earlier",
        "Acme revenue falls\n\nAcme's revenue fell to $4.1 billion in the first quarter from "
        "$4.6 billion a year earlier.",
        F,
        [
            money("Acme", "revenue", 4.1e9, "USD"),
            money("Acme", "revenue", 4.6e9, "USD", optional=True),
        ],
    ),
    row(
        "k8-compared-with-same-period",
        "Norvik Systems profit up\n\nNorvik Systems posted a net profit of NOK 820 million in "
        "the second quarter, compared with NOK 640 million in the same period last year.",
        F,
        [
            money("Norvik Systems", "net_profit", 820e6, "NOK"),
            money("Norvik Systems", "net_profit", 640e6, "NOK", optional=True),
        ],
    ),
    row(
        "k8-up-from-in-year",
        "Halden AG sales\n\nHalden AG's sales rose to €9.8 billion in 2024, up from €9.1 "
        "billion in 2023.",
        F,
        [
            money("Halden AG", "revenue", 9.8e9, "EUR", period="2024"),
            money("Halden AG", "revenue", 9.1e9, "EUR", optional=True),
        ],
    ),
    row(
        "k8-versus-a-year-ago",
        "Brisk Logistics loss widens\n\nBrisk Logistics lost $56 million in the quarter, "
        "versus a loss of $12 million a year ago.",
        F,
        [
            money("Brisk Logistics", "net_loss", 56e6, "USD"),
            money("Brisk Logistics", "net_loss", 12e6, "USD", optional=True),
        ],
    ),
]

KIND_8 += [
    # the tagger splits "the financial year" from "March 2012": the clause states the end
    row(
        "k8-year-that-ended-in-a-month",
        "Kasuga Electric results\n\nKasuga Electric reported a net loss of about 52 billion "
        "yen for the financial year that ended in March 2024.",
        F,
        [
            money(
                "Kasuga Electric",
                "net_loss",
                52e9,
                "JPY",
                period_end=date(2024, 3, 31),
                period_months=12,
            )
        ],
    ),
    row(
        "k8-compared-with-a-loss-a-year-ago",
        "Acme results\n\nIn the fourth quarter Acme reported net income of $104 million, "
        "compared with a loss of $793 million a year ago.",
        F,
        [
            money("Acme", "net_profit", 104e6, "USD"),
            money("Acme", "net_loss", 793e6, "USD", optional=True),
        ],
    ),
    row(
        "k8-compared-to-last-year",
        "Corvell Bank results\n\nCorvell Bank reported net income of $1.1 billion, compared to "
        "$900 million last year.",
        F,
        [
            money("Corvell Bank", "net_profit", 1.1e9, "USD"),
            money("Corvell Bank", "net_profit", 900e6, "USD", optional=True),
        ],
        fails="the year-earlier figure is a second result with no period",
    ),
    row(
        "k8-a-year-earlier-next-sentence",
        "Acme profit falls\n\nAcme's profit fell to $4.1 billion in the quarter. A year "
        "earlier, it had earned $4.6 billion.",
        F,
        [
            money("Acme", "net_profit", 4.1e9, "USD"),
            money("Acme", "net_profit", 4.6e9, "USD", optional=True),
        ],
    ),
    row(
        "k8-last-year-from-year-before",
        "Velstrom Motors results\n\nVelstrom Motors' revenue slipped to €14.2 billion last year "
        "from €15.0 billion in 2022.",
        F,
        [
            money("Velstrom Motors", "revenue", 14.2e9, "EUR", period="2023"),
            money("Velstrom Motors", "revenue", 15.0e9, "EUR", optional=True),
        ],
    ),
]

# --- 9. who said it -------------------------------------------------------------------

KIND_9 = [
    row(
        "k9-company-said-in-statement",
        "Norvik Systems to close plants\n\nNorvik Systems will close two plants. “We remain "
        "committed to our customers,” the company said in a statement.",
        Q,
        [said("Norvik Systems", "We remain committed")],
    ),
    row(
        "k9-spokeswoman-said",
        "Halden AG talks\n\nHalden AG is in talks with unions about the cuts. “The talks are "
        "continuing and constructive,” a spokeswoman said.",
        Q,
        [said("Halden AG", "The talks are continuing")],
    ),
    row(
        "k9-the-bank-said",
        "Corvell Bank results\n\nCorvell Bank set aside more money for bad loans. “Our capital "
        "position remains strong,” the bank said.",
        Q,
        [said("Corvell Bank", "Our capital position")],
    ),
    row(
        "k9-the-automaker-said",
        "Velstrom Motors recall\n\nVelstrom Motors is recalling 40,000 vans. “No injuries have "
        "been reported,” the automaker said.",
        Q,
        [said("Velstrom Motors", "No injuries have been reported")],
    ),
    row(
        "k9-company-spokesman-said",
        "Acme to close plant\n\nAcme will close its Ohio plant. “This was a difficult "
        "decision,” a company spokesman said.",
        Q,
        [said("Acme", "This was a difficult decision")],
    ),
    row(
        "k9-the-statement-said",
        "Acme to close plant\n\nAcme will close its Ohio plant. “This was a difficult "
        "decision,” the statement said.",
        Q,
        [said("Acme", "This was a difficult decision")],
    ),
    row(
        "k9-the-lender-said-in-statement",
        "Corvell Bank provisions\n\nCorvell Bank set aside more money for bad loans. “Our "
        "capital position remains strong,” the lender said in a statement.",
        Q,
        [said("Corvell Bank", "Our capital position")],
    ),
    row(
        "k9-company-told-the-newspaper",
        "Norvik Systems cuts\n\nNorvik Systems will cut jobs, the Financial Times reported. "
        "“We are reviewing our cost base,” the company told the newspaper.",
        Q,
        [said("Norvik Systems", "We are reviewing our cost base")],
        wrong=["Financial Times"],
    ),
    row(
        "k9-person-told-reuters",
        "Norvik Systems outlook\n\n“We expect a difficult year,” Lars Berg, chief executive of "
        "Norvik Systems, told Reuters.",
        Q,
        [said("Lars Berg", "We expect a difficult year")],
        wrong=["Reuters"],
    ),
    row(
        "k9-company-told-bloomberg",
        "Acme weighs options\n\nAcme is reviewing its European business. “Nothing has been "
        "decided,” the company told Bloomberg News.",
        Q,
        [said("Acme", "Nothing has been decided")],
        wrong=["Bloomberg"],
    ),
    row(
        "k9-according-to-outlet-not-speaker",
        "Brisk Logistics chief speaks\n\nBrisk Logistics chief executive Maria Sandoval said "
        "the company would not cut prices, according to Bloomberg. “Our customers pay for "
        "reliability,” she said.",
        Q,
        [said("Maria Sandoval", "Our customers pay for reliability")],
        wrong=["Bloomberg"],
    ),
    row(
        "k9-pronoun-not-passing-mention",
        "Norvik Systems cuts\n\nChief executive Lars Berg, who replaced Peter Holm in 2021, said "
        "the cuts were needed. “This is not a decision we take lightly,” he said.",
        Q,
        [said("Lars Berg", "This is not a decision")],
        wrong=["Peter Holm"],
    ),
    row(
        "k9-pronoun-fits-gender",
        "Acme union talks\n\nMaria Sandoval, Acme's finance chief, met union leader Tom Reyes "
        "on Monday. “We found common ground on pensions,” she said afterwards.",
        Q,
        [said("Maria Sandoval", "We found common ground")],
        wrong=["Tom Reyes"],
    ),
    row(
        "k9-trap-scare-quote-code-name",
        "Halden AG plan\n\nHalden AG's “Project Aurora” will be completed next year.",
        Q,
        (),
    ),
    row(
        "k9-trap-scare-quote-verb",
        "Norvik Systems hiring\n\nNorvik Systems is “pausing” hiring in Europe until the "
        "market recovers.",
        Q,
        (),
    ),
    row(
        "k9-trap-scare-quote-noun",
        "Acme reset\n\nAcme's new chief executive began a “strategic reset” of the group in "
        "January.",
        Q,
        (),
    ),
]

# --- 10. invisible characters inside words and numbers ---------------------------------

KIND_10 = [
    row(
        "k10-zero-width-space-in-name",
        "Acme to cut jobs\n\nAcme\u200b Corp will cut 400 jobs at its Ohio plant.",
        L,
        [cut("Acme", 400)],
        strict=True,
    ),
    row(
        "k10-soft-hyphen-in-workforce",
        "Halden AG cuts staff\n\nHalden AG will cut 8% of its work\u00adforce, or about 1,100 "
        "jobs, it said on Monday.",
        L,
        [cut("Halden AG", 1100, 8)],
    ),
    row(
        "k10-zero-width-space-in-number",
        "Norvik Systems cuts jobs\n\nNorvik Systems will cut 1,\u200b200 jobs in Norway.",
        L,
        [cut("Norvik Systems", 1200)],
    ),
    row(
        "k10-bidi-mark-before-number",
        "Corvell Bank lays off\n\nCorvell Bank will lay off \u200e2,500 workers this year.",
        L,
        [cut("Corvell Bank", 2500)],
    ),
    row(
        "k10-zero-width-space-before-percent",
        "Halden AG cuts staff\n\nHalden AG will cut 8\u200b% of its workforce, it said on Monday.",
        L,
        [cut("Halden AG", None, 8)],
    ),
    row(
        "k10-soft-hyphen-in-quote",
        "Acme outlook\n\n“We will re\u00adbuild the business,” Maria Sandoval said.",
        Q,
        [said("Maria Sandoval", "We will rebuild the business")],
    ),
    row(
        "k10-soft-hyphen-in-revenue",
        "Velstrom Motors sales\n\nVelstrom Motors reported re\u00advenue of $2.4 billion for "
        "the quarter.",
        F,
        [money("Velstrom Motors", "revenue", 2.4e9, "USD")],
    ),
    row(
        "k10-zero-width-joiner-in-loss",
        "Acme loss\n\nAcme posted a net\u200d loss of $310 million for the third quarter.",
        F,
        [money("Acme", "net_loss", 310e6, "USD")],
    ),
    row(
        "k10-zero-width-space-in-speaker",
        "Norvik Systems outlook\n\n“We will rebuild the business,” said Lars\u200b Berg, chief "
        "executive of Norvik Systems.",
        Q,
        [said("Lars Berg", "We will rebuild")],
    ),
]

CASES = [
    *KIND_1,
    *KIND_2,
    *KIND_3,
    *KIND_4,
    *KIND_5,
    *KIND_6,
    *KIND_7,
    *KIND_8,
    *KIND_9,
    *KIND_10,
]


# --- the check: score as the eval does, then the rules the matcher cannot see ----------


def _name(facts: str, pred: Predicted) -> Any:
    return pred.fields.get("speaker" if facts == Q else "company")


def _show(preds: Sequence[Predicted]) -> str:
    keys = ("company", "jobs", "percent", "status", "kind", "amount", "currency", "period")
    shown = []
    for p in preds:
        fields = {k: p.fields.get(k) for k in keys if p.fields.get(k) is not None}
        if p.type == Q:
            fields = {"speaker": p.fields.get("speaker"), "text": p.fields.get("text")}
        shown.append(str(fields))
    return "\n  ".join(shown) or "(none)"


def _score(case: Case, preds: Sequence[Predicted]) -> list[str]:
    assert case.gold is not None
    facts = tuple(
        GoldFact(
            type=case.facts,
            fields={k: v for k, v in g.items() if k != "optional"},
            optional=bool(g.get("optional")),
        )
        for g in case.gold
    )
    article = GoldArticle(
        id="case",
        text=case.text,
        published=PUBLISHED,
        source=None,
        facts=facts,
        scored=(case.facts,),
        where="test_error_kinds",
    )
    score = score_article(article, preds)
    problems = [f"missed {dict(g.fields)}" for g in score.missed]
    problems += [f"spurious {_show([p])}" for p in score.spurious]
    if case.facts == F and score.fields[F]["period"].fn:
        problems.append(f"a stated period is wrong: {[dict(f.fields) for f in facts]}")
    return problems


def _wrong_names(case: Case, preds: Sequence[Predicted]) -> list[str]:
    same = speaker_match if case.facts == Q else company_match
    return [
        f"{_name(case.facts, p)!r} is {bad!r}"
        for bad in case.wrong
        for p in preds
        if same(bad, _name(case.facts, p))
    ]


def _loose_names(case: Case, preds: Sequence[Predicted]) -> list[str]:
    """The matcher lets "Chipmaker Acme" stand for "Acme"; a strict row does not."""
    if not case.strict or not case.gold:
        return []
    keys = {company_key(g["company"]) for g in case.gold}
    return [
        f"company {_name(case.facts, p)!r} is not {sorted(keys)}"
        for p in preds
        if company_key(_name(case.facts, p) or "") not in keys
    ]


def _two_results_of_one_period(case: Case, preds: Sequence[Predicted]) -> list[str]:
    """Different amounts of one company's kind need periods of their own (ANNOTATION.md)."""
    if case.facts != F:
        return []
    problems = []
    for i, a in enumerate(preds):
        for b in preds[i + 1 :]:
            same_fact = company_match(a.fields.get("company"), b.fields.get("company")) and (
                a.fields.get("kind") == b.fields.get("kind")
            )
            if not same_fact or field_equal(F, "amount", a.fields.get("amount"), b.fields):
                continue
            pa, pb = a.fields.get("period"), b.fields.get("period")
            if not pa or not pb or pa == pb:
                problems.append(f"two results of period {pa!r}/{pb!r}: {_show([a, b])}")
    return problems


@pytest.mark.parametrize("case", CASES)
def test_error_kind(extractor: Any, case: Case) -> None:
    contract = extractor.extract_text(case.text, published=PUBLISHED).contract()
    preds = [p for p in predictions(contract) if p.type == case.facts]
    problems = [] if case.gold is None else _score(case, preds)
    problems += _wrong_names(case, preds) + _loose_names(case, preds)
    problems += _two_results_of_one_period(case, preds)
    assert not problems, "\n".join([*problems, f"predicted {case.facts}:\n  {_show(preds)}"])
