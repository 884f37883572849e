"""Find quoted stretches of text by scanning quotation marks (pure, no spaCy).

One regex pass finds every double quotation mark; each mark is read as opening
or closing from its glyph (curly marks) or from the characters around it
(straight marks). Marks pair up inside a paragraph; an opening mark left open
at a paragraph's end continues the quote when the next paragraph opens with a
mark (the news convention) or closes it after words of its own (``"A.¶B."``),
and is otherwise skipped, never raised.
:func:`is_title` tells a title in marks ("Tough Choices") from an utterance.

>>> [q.text for q in scan_quotes('He said "we will win," and left.')]
['we will win,']
>>> spans = scan_quotes('"One.\\n\\n"Two," she said.')
>>> [(s.text, s.paragraphs) for s in spans]
[('One.\\n\\n"Two,', 2)]
>>> scan_quotes('An "unclosed mark and nothing else.')
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

# '' and `` are the NYT archive's (LaTeX-style) double marks.
_MARK = re.compile(r"''|``|[\"“”„«»]")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_OPENING_GLYPHS = frozenset(("“", "„", "«", "``"))
_CLOSING_GLYPHS = frozenset(("”", "»"))
_BEFORE_OPENING = " \t\n([{—–-/:;"
_AFTER_CLOSING = " \t\n.,;:!?)]}—–-…"


@dataclass(frozen=True)
class QuoteSpan:
    """The words between an opening and its closing mark.

    ``start``/``end`` delimit the words (marks excluded, whitespace trimmed);
    ``open_mark``/``close_mark`` are the offsets of the marks themselves
    (``close_mark`` is the end offset of the closing mark).
    """

    start: int
    end: int
    text: str
    open_mark: int
    close_mark: int
    paragraphs: int = 1


@dataclass(frozen=True)
class _Mark:
    pos: int
    end: int
    opening: bool | None  # None: the context cannot tell; pairing decides


def _orientation(text: str, pos: int, end: int, glyph: str) -> bool | None:
    """True for an opening mark, False for a closing one, None when context cannot tell."""
    if glyph in _OPENING_GLYPHS:
        return True
    if glyph in _CLOSING_GLYPHS:
        return False
    before = text[pos - 1] if pos > 0 else " "
    after = text[end] if end < len(text) else " "
    opens = before in _BEFORE_OPENING and not after.isspace()
    closes = not before.isspace() and after in _AFTER_CLOSING
    if opens == closes:
        return None
    return opens


def _marks(text: str, start: int, end: int) -> list[_Mark]:
    return [
        _Mark(m.start(), m.end(), _orientation(text, m.start(), m.end(), m.group()))
        for m in _MARK.finditer(text, start, end)
    ]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph, leading whitespace skipped."""
    bounds, last = [], 0
    for m in _PARAGRAPH.finditer(text):
        bounds.append((last, m.start()))
        last = m.end()
    bounds.append((last, len(text)))
    out = []
    for s, e in bounds:
        chunk = text[s:e]
        if chunk.strip():
            out.append((s + len(chunk) - len(chunk.lstrip()), e))
    return out


def _make(text: str, opened: _Mark, close: _Mark, paras: int) -> QuoteSpan | None:
    start, end = opened.end, close.pos
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    return QuoteSpan(start, end, text[start:end], opened.pos, close.end, paras)


def _after_sentence(text: str, pos: int) -> bool:
    """Whether a mark follows the end of a sentence (". “"): a new quote, never a nested one."""
    before = text[max(0, pos - 3) : pos].rstrip()
    return len(before) < pos - max(0, pos - 3) and before[-1:] in (".", "!", "?", ":")


# a paragraph this short before its closing mark, with a name in it (two capitalised
# words running), is a signature ("Bill Clinton.”", "Former chairman Ada Moss.”")
SIGNATURE_MAX_WORDS = 8


def _closes_carried(text: str, p_start: int, first: _Mark) -> bool:
    """A paragraph whose first mark closes, after words of its own: the quotation left
    open in the paragraph before runs on without a new opening mark (``"A.¶B."``)."""
    if first.opening is not False:
        return False
    words = text[p_start : first.pos].split()
    named = any(
        a[:1].isupper() and b[:1].isupper() and a[-1:].isalpha() for a, b in pairwise(words)
    )
    return not (named and len(words) <= SIGNATURE_MAX_WORDS)


def scan_quotes(text: str) -> list[QuoteSpan]:
    """Every top-level quotation in ``text``, in order; nested quotes stay inside."""
    found: list[QuoteSpan] = []
    carried: _Mark | None = None  # an open quote running on from the paragraph before
    paras = 1
    for p_start, p_end in _paragraphs(text):
        marks = _marks(text, p_start, p_end)
        stack: list[_Mark] = []
        if carried is not None and marks and marks[0].pos == p_start:
            stack, marks, paras = [carried], marks[1:], paras + 1
        elif carried is not None and marks and _closes_carried(text, p_start, marks[0]):
            stack, paras = [carried], paras + 1
        else:
            paras = 1  # an unclosed quote not picked up again is skipped here
        for mark in marks:
            opening = mark.opening if mark.opening is not None else not stack
            if opening and stack and _after_sentence(text, mark.pos):
                stack = []  # the earlier mark was never closed: skip it, start afresh
            if opening:
                stack.append(mark)
            elif stack:  # a stray closing mark (empty stack) is skipped
                outer = stack[0]
                stack.pop()
                if not stack:
                    quote = _make(text, outer, mark, paras)
                    if quote is not None:
                        found.append(quote)
                    paras = 1
        carried = stack[0] if stack else None
    return found


# a title in marks is at most this many words ("Who's Who in the CIA")
TITLE_MAX_WORDS = 7
# words that stay lower-case inside a title ("Tales From the Crypt", "A Time for Truth")
_MINOR_WORDS = frozenset(
    ("a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "at", "by", "with", "from")
)
_WORDS = re.compile(r"[^\W\d_][\w'’.-]*")


def is_title(text: str) -> bool:
    """Capitalised words only, short, no exclamation or question: the name of a work,
    a show or a slogan ("Tough Choices", "The Overthrow Show"), not an utterance."""
    found = _WORDS.findall(text)
    if not found or len(found) > TITLE_MAX_WORDS or text.rstrip(" ,.”’'\"")[-1:] in "?!":
        return False
    return found[0][0].isupper() and all(w[0].isupper() or w in _MINOR_WORDS for w in found)
