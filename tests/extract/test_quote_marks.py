"""Quotation marks scanned into quote spans: pure, no model."""

from __future__ import annotations

import pytest

from newsledger.extract.quote_marks import scan_quotes

CASES = [
    ("straight", 'She said "the plant will close." Then she left.', ["the plant will close."]),
    ("curly", "She said “the plant will close.” Then she left.", ["the plant will close."]),
    ("two_in_a_row", '"First part," he said. "Second part."', ["First part,", "Second part."]),
    (
        "several_sentences",
        "“We cut costs. We sold the unit. We are done,” she said.",
        ["We cut costs. We sold the unit. We are done,"],
    ),
    (
        "continues_into_next_paragraph",
        "“Sales fell in May.\n\n“They rose in June,” he said.",
        ["Sales fell in May.\n\n“They rose in June,"],
    ),
    ("partial_inside_sentence", 'Lund promises the firm "will grow" soon.', ["will grow"]),
    ("unclosed_then_nothing", 'An "unfinished thought and no end.\n\nNext paragraph.', []),
    ("stray_closing_mark", "Nothing opened here” at all.", []),
    ("empty_marks", 'He typed "" twice.', []),
    (
        "nested_straight",
        'It will "use its "Zeta Cloud" service for growth" soon.',
        ['use its "Zeta Cloud" service for growth'],
    ),
    ("nyt_double_apostrophes", "He said ``we will win.'' Then he left.", ["we will win."]),
    (
        "unclosed_before_new_sentence",
        "They called it “odd. “We will sue,” said Ode.",
        ["We will sue,"],
    ),
    ("apostrophes_are_not_marks", "Sony's chief isn't here.", []),
    ("punctuation_only", 'He wrote "?!" on it.', []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_scan_quotes(text: str, expected: list[str]) -> None:
    spans = scan_quotes(text)
    assert [s.text for s in spans] == expected
    for span in spans:
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "text",
    ['"', '" "', "“““", "”a“b”c“", 'a "b" "c', '\n\n"\n\n"x', "''"],
    ids=["one", "two_spaced", "three_open", "jumbled", "odd_count", "blank_paras", "nyt_alone"],
)
def test_unbalanced_marks_never_raise(text: str) -> None:
    for span in scan_quotes(text):
        assert 0 <= span.start <= span.end <= len(text)
