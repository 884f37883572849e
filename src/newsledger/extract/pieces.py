"""Long texts parsed in pieces: the spaCy model is superlinear in one long Doc.

A text longer than :data:`LONG_TEXT_CHARS` is tokenized whole, cut at token
boundaries into pieces of about :data:`PIECE_CHARS` (at a paragraph break, else after
a sentence end, else at any space), the base pipeline (tagger, parser, NER...) runs
over the pieces, and ``Doc.from_docs`` joins them again. The joined Doc has the
tokens, text and character offsets of the whole, so newsledger's components, which
run on it, see one article. Ordinary articles stay one Doc: nothing changes for them.

>>> text = "Acme cut jobs.\\n\\nIt said so. " * 3
>>> cut_points(text, piece_chars=40)
(28, 56)
>>> [text[c - 2 : c + 4] for c in cut_points(text, piece_chars=40)]
['. Acme', '. Acme']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice, pairwise
from typing import TypeVar, cast

import numpy
from spacy.attrs import IDX, NORM
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

# Texts up to this length are parsed as one Doc. The longest article of the dev sets
# is 34k characters; a dense 50k (18k tokens of marks and symbols) parses whole in
# about 2 s on this machine, so a text just under the threshold stays far below 10 s.
LONG_TEXT_CHARS = 50_000
# The length pieces are cut to. CPU seconds of the model on 200 kB (random bytes,
# quotation marks, HTML): 8.3, 7.8, 6.7 whole; 6.3, 6.4, 5.7 in pieces of 20k; 6.0,
# 6.2, 5.3 of 10k; 5.8, 5.9, 5.5 of 5k (bench/RESULTS.md, "Issue 11: long texts in
# pieces"). Past 10k smaller pieces gain little and cut more often.
PIECE_CHARS = 10_000

# where a piece may end, best first; each cut falls after the match, before a non-space
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*(?=\S)")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+(?=\S)")
_SPACE = re.compile(r"\s+(?=\S)")
_BREAKS = (_PARAGRAPH_BREAK, _SENTENCE_END, _SPACE)

T = TypeVar("T")


def cut_points(text: str, piece_chars: int = PIECE_CHARS) -> tuple[int, ...]:
    """Where to cut ``text`` into pieces of at most about ``piece_chars`` characters.

    Each cut is an offset just past whitespace and at a non-space character, so it
    falls between two tokens. Within the second half of each piece's span the last
    paragraph break is taken, else the last sentence end, else the last space; a
    span with no space at all is cut at the next space after it.
    """
    cuts: list[int] = []
    start = 0
    while len(text) - start > piece_chars:
        cut = _last_break(text, start + piece_chars // 2, start + piece_chars)
        if cut is None:
            after = _SPACE.search(text, start + piece_chars)
            if after is None:
                break
            cut = after.end()
        cuts.append(cut)
        start = cut
    return tuple(cuts)


def _last_break(text: str, low: int, high: int) -> int | None:
    """The last cut in ``text[low:high]`` of the best kind there is, if any."""
    for pattern in _BREAKS:
        # one character more, for the lookahead at ``high``
        ends = [m.end() for m in pattern.finditer(text, low, min(high + 1, len(text)))]
        ends = [end for end in ends if end <= high]
        if ends:
            return ends[-1]
    return None


def split_doc(doc: Doc, piece_chars: int = PIECE_CHARS) -> list[Doc]:
    """The tokenized ``doc`` as pieces (itself alone when it is not long); no token is cut."""
    if len(doc.text) <= LONG_TEXT_CHARS:
        return [doc]
    starts = doc.to_array([IDX]).reshape(-1)
    # a cut is at a token's first character; were it not, it moves to the next token
    bounds = numpy.searchsorted(starts, cut_points(doc.text, piece_chars), side="left")
    edges = [0, *sorted({int(b) for b in bounds if 0 < b < len(doc)}), len(doc)]
    # the tokens as the tokenizer made them: words, spaces and the NORM an exception
    # gives ("n't" is "not"), the one attribute a tokenizer sets that words do not carry
    words = [t.text for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    norms = cast("Ints2d", doc.to_array([NORM]))
    split = []
    for a, b in pairwise(edges):
        piece = Doc(doc.vocab, words=words[a:b], spaces=spaces[a:b])
        split.append(piece.from_array([NORM], norms[a:b]))
    return split


def join(pieces: list[Doc]) -> Doc:
    """The parsed pieces as one Doc, character for character the text they were cut from."""
    if len(pieces) == 1:
        return pieces[0]
    joined = Doc.from_docs(pieces, ensure_whitespace=False)
    assert joined is not None  # from_docs returns None only for no pieces
    return joined


def pipe(
    nlp: Language,
    items: Iterable[tuple[Doc, T]],
    components: Iterable[str],
    batch_size: int,
) -> Iterator[tuple[Doc, T]]:
    """``nlp.pipe(items, as_tuples=True)``, with long Docs parsed in pieces.

    The pipeline but ``components`` runs over the pieces of a batch of Docs; the
    pieces are joined, given the Doc's extension values (``doc._``), and then
    ``components`` (newsledger's, which read a whole article) run on each Doc in turn.
    """
    names = set(components)
    own = [(name, proc) for name, proc in nlp.pipeline if name in names]
    stream = iter(items)
    while batch := list(islice(stream, batch_size)):
        pieces = [split_doc(doc) for doc, _ in batch]
        flat = [piece for doc_pieces in pieces for piece in doc_pieces]
        parsed = iter(nlp.pipe(flat, batch_size=batch_size, disable=list(names)))
        for (doc, context), doc_pieces in zip(batch, pieces, strict=True):
            whole = join([next(parsed) for _ in doc_pieces])
            if whole is not doc:
                whole.user_data.update(doc.user_data)
            for _name, proc in own:
                whole = proc(whole)
            yield whole, context
