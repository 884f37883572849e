"""Article text with each fact's evidence highlighted, built safely from offsets.

The text is cut at every span boundary; each piece is HTML-escaped on its own
and, where evidence covers it, wrapped in a ``<mark>`` that links to its fact.
Raw article text is never inserted into markup, so a ``<script>`` in an article
comes out as ``&lt;script&gt;``.

Overlapping spans render as consecutive marks: a piece covered by several facts
links to the innermost one (the span that started last) and names them all in
``data-facts``; the first piece of each span carries its ``id="ev-…"`` anchor,
on the mark itself or, for a span sharing its start with an inner one, on an
empty ``<span class="anchor">`` inside that mark (styled via ``mark:has(:target)``).

>>> html = str(highlight("Sony <b> cut jobs.", [Span("e1", 5, 8, "layoff")]))
>>> html.removeprefix('Sony <a class="ev" href="#fact-e1" data-facts="e1">')
'<mark id="ev-e1" class="layoff">&lt;b&gt;</mark></a> cut jobs.'
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """A piece of evidence to highlight: ``text[start:end]`` states fact ``key``."""

    key: str  # anchor-safe id: letters, digits, "-" and "_"
    start: int
    end: int
    kind: str = "fact"  # CSS class: the event type or "quote"
    fact: str | None = None  # the fact it links to (``#fact-…``); defaults to ``key``

    @property
    def target(self) -> str:
        return self.fact or self.key


@dataclass(frozen=True)
class Piece:
    """A run of text between two span boundaries and the spans that cover it."""

    start: int
    end: int
    covering: tuple[Span, ...]


def clip(spans: list[Span], length: int) -> list[Span]:
    """Drop empty or inverted spans and clamp the rest to ``[0, length]``.

    >>> kept = clip([Span("a", -3, 4), Span("b", 5, 5), Span("c", 8, 99)], 10)
    >>> [(s.key, s.start, s.end) for s in kept]
    [('a', 0, 4), ('c', 8, 10)]
    """
    out = []
    for s in spans:
        start, end = max(0, s.start), min(length, s.end)
        if start < end:
            out.append(Span(s.key, start, end, s.kind, s.fact))
    return out


def pieces(length: int, spans: list[Span]) -> list[Piece]:
    """Cut ``[0, length)`` at every span boundary; innermost covering span last.

    >>> cut = pieces(6, [Span("a", 0, 4), Span("b", 2, 6)])
    >>> [(p.start, p.end, [s.key for s in p.covering]) for p in cut]
    [(0, 2, ['a']), (2, 4, ['a', 'b']), (4, 6, ['b'])]
    """
    spans = clip(spans, length)
    cuts = sorted({0, length, *(s.start for s in spans), *(s.end for s in spans)})
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.key))
    out = []
    for start, end in pairwise(cuts):
        covering = tuple(s for s in ordered if s.start <= start and end <= s.end)
        out.append(Piece(start, end, covering))
    return out


def _render_piece(text: str, piece: Piece) -> str:
    body = str(escape(text[piece.start : piece.end]))
    if not piece.covering:
        return body
    inner = piece.covering[-1]
    # every span gets its anchor on its first piece: the mark's own id for the
    # innermost span, an empty marker inside the mark for others starting here
    # (two facts stated by the same sentence share one mark)
    starting = [s for s in piece.covering if s.start == piece.start]
    extra = "".join(
        f'<span id="ev-{escape(s.key)}" class="anchor"></span>' for s in starting if s is not inner
    )
    anchor = f' id="ev-{escape(inner.key)}"' if inner.start == piece.start else ""
    keys = " ".join(s.key for s in piece.covering)
    classes = escape(inner.kind) + (" overlap" if len(piece.covering) > 1 else "")
    return (
        f'<a class="ev" href="#fact-{escape(inner.target)}" data-facts="{escape(keys)}">'
        f'<mark{anchor} class="{classes}">{extra}{body}</mark></a>'
    )


def highlight(text: str, spans: list[Span]) -> Markup:
    """The article text as safe HTML with every span marked and linked."""
    return Markup("".join(_render_piece(text, p) for p in pieces(len(text), spans)))
