"""Fast look-ups of entities by sentence and token, cached on the Doc while events run.

``Doc.ents`` and ``Span.ents`` build new span objects on every access; the
finders ask for them thousands of times per article. The cache lives in
``doc.user_data`` under one key and is removed by :func:`release` when
``find_events`` is done, so nothing unpicklable is left on the Doc.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

_KEY = "newsledger.events.spans"


@dataclass
class _Cache:
    ents: tuple[Span, ...]
    starts: list[int]
    by_token: dict[int, Span]
    sents: tuple[Span, ...]
    sent_of: list[int]
    text: str
    memo: dict[tuple[str, int, int], object] = field(default_factory=dict)


def _cache(doc: Doc) -> _Cache:
    found = doc.user_data.get(_KEY)
    if isinstance(found, _Cache):
        return found
    ents = tuple(doc.ents)
    by_token = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    sents = tuple(doc.sents)
    sent_of = [0] * len(doc)
    for n, sent in enumerate(sents):
        sent_of[sent.start : sent.end] = [n] * (sent.end - sent.start)
    cache = _Cache(ents, [e.start for e in ents], by_token, sents, sent_of, doc.text)
    doc.user_data[_KEY] = cache
    return cache


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    return _cache(doc).ents


def doc_sents(doc: Doc) -> tuple[Span, ...]:
    return _cache(doc).sents


def doc_text(doc: Doc) -> str:
    """``doc.text`` (which joins every token anew on each access), once."""
    return _cache(doc).text


def sent_of(tok: Token) -> Span:
    """The parser's sentence of ``tok`` (``Token.sent`` rebuilds every sentence)."""
    cache = _cache(tok.doc)
    return cache.sents[cache.sent_of[tok.i]]


def same_sentence(a: Token, b: Token) -> bool:
    cache = _cache(a.doc)
    return cache.sent_of[a.i] == cache.sent_of[b.i]


def ents_in(span: Span) -> list[Span]:
    """The entities that start inside ``span``."""
    cache = _cache(span.doc)
    lo = bisect_left(cache.starts, span.start)
    hi = bisect_left(cache.starts, span.end)
    return list(cache.ents[lo:hi])


def ent_at(tok: Token) -> Span | None:
    """The entity ``tok`` belongs to, if any."""
    return _cache(tok.doc).by_token.get(tok.i)


def entity_of(tok: Token) -> Span | None:
    """The entity ``tok`` belongs to, read from the IOB tags around it: for use outside
    the events' cache, where scanning ``doc.ents`` per token was quadratic."""
    if tok.ent_iob_ not in ("B", "I"):
        return None
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while doc[start].ent_iob_ == "I" and start > 0 and doc[start - 1].ent_iob_ in ("B", "I"):
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type)


def memo(span: Span, name: str) -> dict[tuple[str, int, int], object]:
    """A per-Doc memo table for values computed from a span (see ``amounts``)."""
    return _cache(span.doc).memo


def release(doc: Doc) -> None:
    """Drop the cache from the Doc."""
    doc.user_data.pop(_KEY, None)
