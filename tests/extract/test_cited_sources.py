"""Outlets cited as sources become companies, on hand-made Docs (no model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from newsledger.extract.entities import find_entities
from newsledger.models import Article


@pytest.fixture(scope="module")
def vocab() -> Vocab:
    return spacy.blank("en").vocab


def _doc(vocab: Vocab, words: list[str], ents: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    spaces = [i + 1 < len(words) and words[i + 1] not in ".,:]" for i in range(len(words))]
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


CASES = [
    ("according_to_untagged", "Sales fell , according to The Daily Ledger .", (), ["Daily Ledger"]),
    ("via_in_brackets", "[ via The Daily Ledger ]", (), ["Daily Ledger"]),
    ("source_label", "Source : Morning Courier", (), ["Morning Courier"]),
    (
        "told_the",
        "Rafael Ortiz told the Morning Courier .",
        ((0, 2, "PERSON"),),
        ["Morning Courier"],
    ),
    ("told_a_person", "Rafael Ortiz told Lena Fischer .", ((0, 2, "PERSON"),), []),
    ("ner_said_person", "according to The Daily Ledger .", ((3, 5, "PERSON"),), []),
    ("ner_said_org", "according to The Daily Ledger .", ((3, 5, "ORG"),), ["Daily Ledger"]),
    ("no_cue", "The Daily Ledger sold well .", (), []),
]


@pytest.mark.parametrize(
    ("text", "ents", "companies"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_cited_source_is_a_company(
    vocab: Vocab, text: str, ents: tuple[tuple[int, int, str], ...], companies: list[str]
) -> None:
    doc = _doc(vocab, text.split(), ents)
    found = find_entities(doc, Article(id="t", text=doc.text))
    assert [e.name for e in found if e.type == "company"] == companies
    for entity in found:
        for mention in entity.mentions:
            assert doc.text[mention.start : mention.end] == mention.text
