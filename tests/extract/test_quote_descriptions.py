"""Speakers named by a description resolve to the person or company meant (ANNOTATION.md:
Quotes). One table per pattern, invented sentences, real pipeline; traps at the end."""

from __future__ import annotations

from typing import Any

import pytest

from quote_tables import speaker_of

pytestmark = pytest.mark.model

# (id, text, start of the quote, expected speaker)
COMPANY_NOUNS = [
    (
        "the_lender_said",
        "Corvell Bank results\n\nCorvell Bank set aside more for bad loans. "
        "“Our capital is strong,” the lender said.",
        "Our capital",
        "Corvell Bank",
    ),
    (
        "the_carrier_said_in_a_statement",
        "Skyfair Airways cuts routes\n\nSkyfair Airways will drop six routes. “Demand has "
        "not recovered,” the carrier said in a statement.",
        "Demand has",
        "Skyfair Airways",
    ),
    (
        "said_the_automaker",
        "Velstrom Motors recall\n\nVelstrom Motors is recalling vans. “No one was hurt,” "
        "said the automaker.",
        "No one was",
        "Velstrom Motors",
    ),
    (
        "the_company_told_the_newspaper",
        "Norvik Systems cuts\n\nNorvik Systems will cut jobs, the Financial Times reported. "
        "“We are reviewing costs,” the company told the newspaper.",
        "We are reviewing",
        "Norvik Systems",
    ),
]

STATEMENTS = [
    (
        "a_spokeswoman_said",
        "Halden AG talks\n\nHalden AG is in talks with unions. “The talks are going well,” "
        "a spokeswoman said.",
        "The talks",
        "Halden AG",
    ),
    (
        "a_company_spokesman_said",
        "Brisk Logistics depot\n\nBrisk Logistics will close a depot. “It was a hard "
        "choice,” a company spokesman said.",
        "It was a hard",
        "Brisk Logistics",
    ),
    (
        "a_spokesman_for_the_lender",
        "Corvell Bank fine\n\nCorvell Bank was fined on Monday. “We accept the ruling,” a "
        "spokesman for the lender said.",
        "We accept",
        "Corvell Bank",
    ),
    (
        "the_statement_said",
        "Acme to close plant\n\nAcme will close its Ohio plant. “This was a difficult "
        "decision,” the statement said.",
        "This was a difficult",
        "Acme",
    ),
    (
        "the_statement_said_of_a_company_named_once_beside_another",
        "Results\n\nOrbis Media said revenue fell after Brightwell Labs cut prices. "
        "“We remain confident in our strategy,” the statement said.",
        "We remain confident",
        "Orbis Media",
    ),
    (
        "the_filing_showed",
        "Halden Bank charge\n\nHalden Bank disclosed the charge in March. "
        "“Losses may rise further,” the filing said.",
        "Losses may rise",
        "Halden Bank",
    ),
    (
        "an_announcement_reported_by_an_outlet",
        "Tamsin Airways warns\n\nTamsin Airways is the former state airline. Its shares fell "
        "8% after an announcement that “further weakness is hurting our outlook”, according "
        "to The Daily Telegraph. Tamsin Airways did not comment further.",
        "further weakness is",
        "Tamsin Airways",
    ),
    (
        "according_to_its_website",
        "Ardent Rail grows\n\nArdent Rail has added “twelve new routes across the north,” "
        "according to its website.",
        "twelve new routes",
        "Ardent Rail",
    ),
    (
        "the_filing_said",
        "Tarrow Mining losses\n\nTarrow Mining lost money again. “Output fell sharply in "
        "the quarter,” the filing said.",
        "Output fell",
        "Tarrow Mining",
    ),
]

ROLES = [
    (
        "the_chief_executive_said",
        "Norvik Systems outlook\n\nNorvik Systems chief executive Lars Berg met investors. "
        "Finance chief Ada Moss spoke too. “We expect a hard year,” the chief executive said.",
        "We expect",
        "Lars Berg",
    ),
    (
        "the_ceo_said_of_a_chief_executive",
        "Halden AG\n\nLena Fischer, chief executive of Halden AG, met unions. “The talks were "
        "useful,” the CEO said.",
        "The talks",
        "Lena Fischer",
    ),
    (
        "the_chairman_added",
        "Brisk Logistics\n\nChairman Tomas Berg opened the meeting. “We will pay a dividend,” "
        "the chairman added.",
        "We will pay",
        "Tomas Berg",
    ),
    (
        "the_governor_of_an_abbreviated_title",
        "Port plan\n\nGov. Nora Blake visited the port on Monday. “The port will grow,” the "
        "governor said.",
        "The port",
        "Nora Blake",
    ),
]

OUTLETS = [
    (
        "reported_x_as_saying",
        'The Daily Ledger reported Acme director Dana Park as saying "we will sell the '
        'plant by the end of the year."',
        "we will sell",
        "Dana Park",
    ),
    (
        "quoted_x_as_saying",
        'The paper quoted Corvell Bank chairman Peter Grant as saying "the bank has enough '
        'capital for the year ahead."',
        "the bank has",
        "Peter Grant",
    ),
    (
        "cited_x_as_saying",
        'The agency cited Halden AG finance chief Ada Moss as saying "costs will fall '
        'again next year."',
        "costs will fall",
        "Ada Moss",
    ),
]

# descriptions with nothing in the article to stand for stay as they are
TRAPS = [
    (
        "spokesman_for_a_person_stays",
        "Peter Grant runs Acme. Acme is busy. “No comment,” a spokesman for Peter Grant said.",
        "No comment",
        "a spokesman for Peter Grant",
    ),
    (
        "the_newspaper_is_no_company",
        "Acme will close a plant. Acme says demand fell. “The plan fails workers,” the "
        "newspaper wrote.",
        "The plan fails",
        "the newspaper",
    ),
    (
        "company_named_once_in_passing",
        "Ports are busy this year, even for Acme. “Trade is booming,” a spokeswoman said.",
        "Trade is booming",
        "a spokeswoman",
    ),
    (
        "the_bank_is_not_the_outlet",
        "Markets fell, Reuters reported. Reuters said more. “Rates will rise,” the bank said.",
        "Rates will rise",
        "the bank",
    ),
    (
        "the_chief_executive_is_not_the_finance_chief",
        "Acme\n\nAcme finance chief Ada Moss met investors. “We expect a hard year,” the "
        "chief executive said.",
        "We expect",
        "the chief executive",
    ),
]

# "the union", "the ministry": the body named with that noun, in its name or right
# before it; a day or a person after the noun is no body
BODIES = [
    (
        "the_union_after_union_name",
        "Skyfair Airways\n\nThe labour union ACTA, which represents cabin crew, will meet "
        "the airline. The union also remarked that time to “find a solution is extremely "
        "limited.”",
        "find a solution",
        "ACTA",
    ),
    (
        "the_ministry_in_name",
        "Gas supplies\n\nThe Economy Ministry approved the plan on Monday. “Supplies will "
        "be secure through the winter,” the ministry said.",
        "Supplies will",
        "Economy Ministry",
    ),
    (
        "the_foundation_in_name",
        "Golf courses\n\nThe National Turf Foundation counts courses every year. “More "
        "will close for the next few years,” the foundation said.",
        "More will close",
        "National Turf Foundation",
    ),
    (
        "the_club_before_name",
        "Football\n\nShares in club Norbury United rose. “We are delighted with the result "
        "this season,” the club said.",
        "We are delighted",
        "Norbury United",
    ),
    # traps: a noun before a day names no body; a body never named stays described
    (
        "the_ad_before_a_day",
        "Campaign\n\nThe campaign ran the ad Monday in three states. “Jo Park is the "
        "candidate you can trust,” the ad said.",
        "Jo Park is",
        "the ad",
    ),
    (
        "the_committee_never_named",
        "Budget vote\n\nLawmakers met on Friday. “The numbers do not add up,” the committee said.",
        "The numbers",
        "the committee",
    ),
]

CASES = COMPANY_NOUNS + STATEMENTS + ROLES + OUTLETS + BODIES + TRAPS


@pytest.mark.parametrize(
    ("text", "starts", "speaker"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_described_speaker(extractor: Any, text: str, starts: str, speaker: str) -> None:
    assert speaker_of(extractor, text, starts) == speaker
