"""Long texts parsed in pieces (issue 11): cut between tokens, joined to the same text,
and, for ordinary news, the same facts at the same offsets as the text parsed whole."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from fuzz_texts import FAMILIES, make_text
from newsledger.extract import pieces
from newsledger.extract.pieces import LONG_TEXT_CHARS, cut_points, join, split_doc
from newsledger.ingest.identity import make_article
from newsledger.models import Extraction

PARA = "Acme cut jobs. It said so.\n\n"  # 28 characters
SENT = "Acme cut jobs. It said so. "  # 27
WORDS = "Acme cut many jobs "  # 19
CUTS = [
    pytest.param("Short text.", 40, (), id="short-text-no-cut"),
    pytest.param(PARA * 3, 40, (28, 56), id="paragraph-break"),
    pytest.param(PARA * 3, 60, (56,), id="the-last-paragraph-break-in-reach"),
    pytest.param(SENT * 4, 40, (27, 54, 81), id="sentence-end-when-no-paragraph"),
    pytest.param(SENT + PARA + SENT, 60, (55,), id="paragraph-before-a-later-sentence-end"),
    pytest.param('He said "no." ' * 3, 20, (14, 28), id="sentence-end-after-a-closing-mark"),
    pytest.param(WORDS * 3, 30, (28,), id="the-last-space-when-no-sentence-end"),
    pytest.param("a \n\n  b " * 5, 16, (14, 30), id="cut-after-all-whitespace"),
    pytest.param("x" * 50 + " y" * 3, 20, (51,), id="no-space-in-reach-then-the-next-one"),
    pytest.param("x" * 50, 20, (), id="no-space-at-all-no-cut"),
    # a cut only starts a sentence in a long text: an abbreviation's full stop will do
    pytest.param("e.g. Acme. " * 4, 20, (16, 33), id="after-an-abbreviation"),
]


@pytest.mark.parametrize(("text", "piece_chars", "cuts"), CUTS)
def test_cut_points(text: str, piece_chars: int, cuts: tuple[int, ...]) -> None:
    assert cut_points(text, piece_chars) == cuts
    for cut in cuts:  # between a space and a word: no word is cut
        assert text[cut - 1].isspace() and not text[cut].isspace()


@pytest.mark.model
@pytest.mark.parametrize("family", FAMILIES)
def test_pieces_join_to_the_whole_text_and_tokens(nlp: Any, family: str) -> None:
    text = make_text(family, seed=3, size=120_000)
    doc = nlp.make_doc(text)
    split = split_doc(doc)
    assert len(split) > 1 or not cut_points(text)
    start = 0
    for before, piece in pairwise(split):
        start += len(before.text)  # each piece starts a word, after whitespace
        assert text[start - 1].isspace() and not piece[0].is_space
    joined = join(split)
    assert joined.text == text
    assert [(t.idx, t.text, t.whitespace_, t.norm_) for t in joined] == [
        (t.idx, t.text, t.whitespace_, t.norm_) for t in doc
    ]


@pytest.mark.model
def test_ordinary_article_is_one_doc(nlp: Any, repo_root: Path) -> None:
    text = (repo_root / "examples/articles/sony-2012-restructuring.txt").read_text()
    doc = nlp.make_doc(text * 20)  # 34k characters: the longest article of the dev sets
    assert len(doc.text) < LONG_TEXT_CHARS and split_doc(doc) == [doc]


def _facts(extraction: Extraction) -> tuple[list[Any], ...]:
    """Every fact with where it points in the text as given."""
    events = sorted(
        (e.type, repr(e.args), tuple((v.start, v.end, v.text) for v in e.evidence))
        for e in extraction.events
    )
    quotes = sorted((q.start, q.end, q.text, q.speaker or "") for q in extraction.quotes)
    mentions = sorted(
        (e.name, e.type, m.start, m.end, m.text) for e in extraction.entities for m in e.mentions
    )
    return events, quotes, mentions


REPEATED = [
    pytest.param("", None, id="plain"),
    # cleaned for parsing (offsets mapped back) and a title parsed before the text
    pytest.param("\u200b", "Sony to cut 10,000 jobs", id="invisible-characters-and-a-title"),
]


@pytest.mark.model
@pytest.mark.parametrize(("invisible", "title"), REPEATED)
def test_a_repeated_article_in_pieces_has_the_facts_of_the_whole(
    extractor: Any, repo_root: Path, monkeypatch: pytest.MonkeyPatch, invisible: str, title: str
) -> None:
    article = (repo_root / "examples/articles/sony-2012-restructuring.txt").read_text().strip()
    article = article.replace(" jobs", f" {invisible}jobs")
    text = "\n\n".join([article] * 36)  # about 61k characters: seven pieces
    assert len(cut_points(text)) >= 5
    long = make_article(text, title=title, published=date(2012, 4, 12))
    in_pieces = extractor.extract(long)
    monkeypatch.setattr(pieces, "LONG_TEXT_CHARS", len(text) * 2)
    whole = extractor.extract(long)
    assert in_pieces.events and in_pieces.quotes and in_pieces.entities
    assert _facts(in_pieces) == _facts(whole)
    for _kind, _args, evidence in _facts(in_pieces)[0]:
        for start, end, words in evidence:  # the headline's evidence is (0, 0, its words)
            assert text[start:end] == words or (start, end, words) == (0, 0, title)
