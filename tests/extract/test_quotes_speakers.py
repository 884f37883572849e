"""One table of cases per speaker pattern, on the real pipeline (own sentences)."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.models import Quote

pytestmark = pytest.mark.model

# (id, text, start of the quote, expected speaker; None = no one)
SPEAKERS = [
    ("x_said", '"We will build two plants," Maria Lopez said.', "We will build", "Maria Lopez"),
    ("said_x", '"We will build two plants," said Maria Lopez.', "We will build", "Maria Lopez"),
    (
        "x_said_colon_before",
        'Maria Lopez said: "We will build two plants."',
        "We will build",
        "Maria Lopez",
    ),
    (
        "apposition_with_org",
        '"Prices will rise," Peter Grant, chief executive of Halvorsen Foods, said on Monday.',
        "Prices will rise",
        "Peter Grant",
    ),
    (
        "according_to",
        '"The deal is dead," according to Samuel Okafor.',
        "The deal is dead",
        "Samuel Okafor",
    ),
    (
        "em_dash",
        "“We are not leaving this city” — Helen Marsh, speaking at the plant gate.",
        "We are not leaving",
        "Helen Marsh",
    ),
    (
        "colon_intro_next_paragraph",
        "Brightwell chief Anna Kowalski gave her view in an interview:\n\n"
        "“The market has turned and we must turn with it.”",
        "The market has turned",
        "Anna Kowalski",
    ),
    (
        "stated_intro_next_paragraph",
        "Anna Kowalski stated in an interview that she would stay on.\n\n"
        "“I will see this plan through to the end.”",
        "I will see this plan",
        "Anna Kowalski",
    ),
    (
        "later_paragraph_believes_colon",
        "Anna Kowalski leads the unit. Profits are thin.\n\n"
        "Kowalski believes that the next year will be better:\n\n"
        "“We have cut what we had to cut and now we grow.”",
        "We have cut",
        "Anna Kowalski",
    ),
    (
        "he_said",
        'Tomas Berg runs the mine. "Output doubled this year," he said.',
        "Output doubled",
        "Tomas Berg",
    ),
    (
        "she_added",
        'Lena Fischer leads the bank. "We lend more than ever," she added.',
        "We lend more",
        "Lena Fischer",
    ),
    (
        "same_paragraph_second_part",
        '"The first half was hard," said Lena Fischer. "The second half will be better."',
        "The second half",
        "Lena Fischer",
    ),
    (
        "continuing_paragraph",
        "“We will open ten stores,” said Lena Fischer.\n\n“And we will hire five hundred people.”",
        "And we will hire",
        "Lena Fischer",
    ),
    (
        "partial_with_promises",
        "Tomas Berg promises that the mine “will reopen” next spring.",
        "will reopen",
        "Tomas Berg",
    ),
    (
        "company_statement",
        "For its car business, Velmora will “launch two electric models and close an old line.”",
        "launch two electric",
        "Velmora",
    ),
    (
        "quote_before_told",
        '"Nobody expected this," Rafael Ortiz told reporters.',
        "Nobody expected",
        "Rafael Ortiz",
    ),
    (
        "surname_resolves_to_full_name",
        'Rafael Ortiz chairs the board. "We will appeal," Ortiz said.',
        "We will appeal",
        "Rafael Ortiz",
    ),
    (
        "said_x_a_spokeswoman_for_y",
        '"We have no plans to sell," said Nora Blake, a spokeswoman for Velmora.',
        "We have no plans",
        "Nora Blake",
    ),
    (
        "a_spokesman_for_a_person_is_the_spokesman",
        '"No comment," a spokesman for Peter Grant said.',
        "No comment",
        "a spokesman for Peter Grant",
    ),
    (
        "owner_of_the_title_is_not_the_speaker",
        '"We are ready," Peter Grant\'s campaign manager, Nora Blake, said.',
        "We are ready",
        "Nora Blake",
    ),
    (
        "long_apposition_before_told",
        '"Margins will recover," Nora Blake, managing director and head of retail research '
        "at Halvorsen Capital in Oslo, told me.",
        "Margins will recover",
        "Nora Blake",
    ),
    (
        "as_x_put_it",
        'As Nora Blake put it, "the plant is simply too old."',
        "the plant is simply",
        "Nora Blake",
    ),
    ("x_told_a_broadcaster", '"We will appeal," Rafael Ortiz told CNN.', "We will", "Rafael Ortiz"),
    (
        "in_a_statement_x_said",
        'In a statement, Rafael Ortiz said: "We will appeal the ruling."',
        "We will appeal",
        "Rafael Ortiz",
    ),
    (
        "x_wrote_on_twitter",
        'Rafael Ortiz met Nora Blake on Monday. "We will appeal," Ortiz wrote on Twitter.',
        "We will appeal",
        "Rafael Ortiz",
    ),
    (
        "the_company_said_in_a_statement",
        'Velmora cut 300 jobs. "This was a hard decision," the company said in a statement.',
        "This was a hard",
        "Velmora",
    ),
    (
        "the_department_said",
        '"The review is closed," the department said in a statement.',
        "The review",
        "the department",
    ),
    ("officials_said", '"We were never consulted," officials said.', "We were", "officials"),
    (
        "the_editorial_said",
        '"The plan fails workers," the editorial said.',
        "The plan",
        "the editorial",
    ),
    (
        "she_is_the_speech_verb_subject_paragraphs_before",
        "Nora Blake leads the union. Rafael Ortiz runs the plant. Blake said Ortiz had ignored "
        'the staff.\n\n"He never listened to us," she said.',
        "He never listened",
        "Nora Blake",
    ),
    (
        "he_is_the_speaker_not_the_one_told",
        "Rafael Ortiz spoke to Tomas Berg. Ortiz said Berg had been told. "
        '"We warned him," he said.',
        "We warned him",
        "Rafael Ortiz",
    ),
    (
        "verb_first_then_a_described_speaker",
        '"Nobody told us a thing," tweeted a nurse from the night shift.',
        "Nobody told us",
        "a nurse",
    ),
    (
        "described_speaker_wondered",
        '"Will the plant reopen?" a union official at the gate wondered.',
        "Will the plant",
        "a union official at the gate",
    ),
    ("one_capitalised_word_said", '"Never," Nora Blake said.', "Never", "Nora Blake"),
    (
        # a second partial quote of the sentence is the first one's speaker's
        "second_partial_quote_same_sentence",
        "Nora Blake said there is “only one plan that can win this race,” adding that it "
        "is why Peter Grant “relentlessly attacks us and ignores the others.”",
        "relentlessly attacks",
        "Nora Blake",
    ),
    (
        "second_partial_quote_after_but",
        "Tom Hale says there is a “long road ahead” but he feels confident that the plant "
        "will “beat everyone's expectations.”",
        "beat everyone",
        "Tom Hale",
    ),
    (
        # four verbless words are a quote when a speech verb governs them (ANNOTATION.md:
        # scare quotes are those with no speech act)
        "verbless_words_under_a_speech_verb",
        "Nora Blake says she goes “back to work tomorrow.”",
        "back to work",
        "Nora Blake",
    ),
    (
        "question_to_reader_is_no_speaker",
        "Do you think Velmora can recover?\n\n“We will recover,” said Lena Fischer.",
        "We will recover",
        "Lena Fischer",
    ),
]


def _quote(quotes: tuple[Quote, ...], starts: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(starts)]
    assert found, f"no quote starting {starts!r} in {[q.text for q in quotes]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "starts", "speaker"), [c[1:] for c in SPEAKERS], ids=[c[0] for c in SPEAKERS]
)
def test_speaker(extractor: Any, text: str, starts: str, speaker: str) -> None:
    extraction = extractor.extract_text(text)
    quote = _quote(extraction.quotes, starts)
    assert quote.speaker == speaker
    assert extraction.article.text[quote.start : quote.end] == quote.text
    assert quote.evidence.text == extraction.article.text[quote.evidence.start : quote.evidence.end]


NOT_QUOTES = [
    (
        "scare_quote_term",
        'After booking a "goodwill impairment charge" on Monday, Velmora cut its outlook.',
        "goodwill impairment",
    ),
    (
        "one_word_scare",
        'The unit was sold in a set of "realignments," the firm said.',
        "realignments",
    ),
    ("title_in_marks", 'Velmora sells its "Blue Line" brand of kettles.', "Blue Line"),
    (
        "title_of_a_book_in_apposition",
        'In her memoir, "Steady Hands," Nora Blake looks back on the takeover.',
        "Steady Hands",
    ),
    (
        "title_of_a_show_then_which",
        'Velmora sponsors a quiz, "Bright Minds at Noon," which airs daily.',
        "Bright Minds",
    ),
    ("slogan_after_a_noun", 'The union marched under its slogan, "Fair Pay Now."', "Fair Pay"),
]


@pytest.mark.parametrize(
    ("text", "words"), [c[1:] for c in NOT_QUOTES], ids=[c[0] for c in NOT_QUOTES]
)
def test_not_anyones_quote(extractor: Any, text: str, words: str) -> None:
    quotes = extractor.extract_text(text).quotes
    assert not [q for q in quotes if q.text.startswith(words) and q.speaker]


ROLES = [
    ("title_before", "Velmora CEO Peter Grant opened the plant.", "Peter Grant", "CEO", "Velmora"),
    (
        "possessive_org_title",
        "Velmora's mobile chief Anna Kowalski spoke first.",
        "Anna Kowalski",
        "mobile chief",
        "Velmora",
    ),
    (
        "apposition_after",
        "Peter Grant, chief executive of Velmora, opened the plant.",
        "Peter Grant",
        "chief executive",
        "Velmora",
    ),
    (
        "apposition_no_org",
        "Peter Grant, chief executive, opened it.",
        "Peter Grant",
        "chief executive",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "name", "role", "org"), [c[1:] for c in ROLES], ids=[c[0] for c in ROLES]
)
def test_person_role_and_org(
    extractor: Any, text: str, name: str, role: str, org: str | None
) -> None:
    people = {e.name: e for e in extractor.extract_text(text).entities if e.type == "person"}
    assert name in people, people
    assert (people[name].role, people[name].org) == (role, org)


def test_words_after_called_are_a_label_not_a_whole_quote(extractor: Any) -> None:
    text = 'Nora Blake rejected the offer, which she called "an insult to the staff."'
    quote = _quote(extractor.extract_text(text).quotes, "an insult")
    assert (quote.speaker, quote.direct) == ("Nora Blake", False)


def test_said_x_a_spokeswoman_for_y_gives_role_and_org(extractor: Any) -> None:
    text = '"We have no plans to sell," said Nora Blake, a spokeswoman for Velmora.'
    quote = _quote(extractor.extract_text(text).quotes, "We have no plans")
    assert (quote.speaker, quote.speaker_role, quote.org) == (
        "Nora Blake",
        "spokeswoman",
        "Velmora",
    )


@pytest.mark.parametrize(
    "text",
    ['He said "', '"a" "b" "c', "“\n\n“\n\n”x", 'Ortiz said "yes\n\nand no.'],
    ids=["dangling", "odd_marks", "broken_paragraphs", "unclosed_at_end"],
)
def test_unbalanced_marks_are_skipped(extractor: Any, text: str) -> None:
    extraction = extractor.extract_text(text)
    for quote in extraction.quotes:
        assert text[quote.start : quote.end] == quote.text
