"""Comparisons in a results sentence: which amount is the earlier one ("rose to $5m
from $4m", "compared with a loss of $83m") and which dates are the earlier period's
("from €15.0bn in 2022", "a year earlier") (ANNOTATION.md, Comparisons)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsledger.extract.events.amounts import money_spans
from newsledger.extract.events.rules import load_book
from newsledger.extract.events.spans import ents_in

# "rose to $1.13bn from $639m", "compared with £125m a year earlier": the earlier figure
_COMPARISON_PREPS = frozenset({"from", "with", "against", "versus", "vs", "vs.", "than", "by"})


def is_comparison(tok: Token) -> bool:
    """A figure (or result word) given as the earlier or the change: "from $639m",
    "compared with a loss of...", "against a $375m profit", "by 400m euros"."""
    for node in (tok, tok.head):
        head = node.head
        compared = head.head.lemma_.lower() in ("compare", "compared")
        if node.dep_ == "pobj" and head.lower_ in _COMPARISON_PREPS:
            return head.lower_ != "with" or compared
        if node.dep_ == "pobj" and head.lower_ == "to" and compared:
            return True  # "compared to $900m"
    return False


_EARLIER_PREPS = frozenset({"from", "against", "versus", "vs", "vs.", "with"})


def is_earlier(tok: Token) -> bool:
    """A figure (or result word) given as the earlier one of a change: "rose to $5m
    from $4m", "compared with a loss of $83m"; not "revenue from services"."""
    words = load_book("financial_cues").lemmas("comparison_word")
    for node in (tok, tok.head):
        prep = node.head
        over = prep.head
        compared_to = prep.lower_ == "to" and over.lemma_.lower() in ("compare", "compared")
        if node.dep_ != "pobj" or (prep.lower_ not in _EARLIER_PREPS and not compared_to):
            continue
        return over.lemma_.lower() in words or over.lower_ in words
    return False


YEAR_EARLIER = re.compile(
    r"\b(?:(?:a|one) year (?:earlier|ago|before)|the (?:previous|prior) year|the year before"
    r"|(?:the )?same (?:period|quarter|time) (?:of |a )?(?:last|the previous|the prior) year)\b",
    re.IGNORECASE,
)


def with_lead(ent: Span, sent: Span) -> str:
    """A date with the three words before it: "same time" + "last year"."""
    return ent.doc[max(ent.start - 3, sent.start) : ent.end].text


LAST_YEAR = re.compile(r"\blast (?:calendar )?year\b", re.IGNORECASE)


def says_year_earlier(sent: Span) -> bool:
    """The sentence dates its figure a year back ("A year earlier, ...", "in the same
    quarter last year")."""
    return any(e.label_ == "DATE" and YEAR_EARLIER.search(e.text) for e in ents_in(sent))


def compared_in(sent: Span, money: Span) -> bool:
    """Another amount of the sentence is the earlier one ("was $44.7bn, compared to
    $45.9bn a year ago", "compared with a loss of $793m a year ago"): the sentence's
    year-earlier words are that one's."""
    return any(
        m.start != money.start
        and any(is_earlier(t) or is_comparison(t) for t in [m.root, *m.root.ancestors][:4])
        for m in money_spans(sent)
    )


def in_comparison(ent: Span) -> bool:
    """A date inside a comparison ("from 117.7bn kronor in 2003") is the earlier period;
    so is one the parser hangs on the comparison's preposition itself ("slipped to
    €14.2bn last year from €15.0bn in 2022": "in 2022" under "from")."""
    chain = [ent.root, *ent.root.ancestors][:4]
    return any(is_comparison(t) or _compares_money(t) for t in chain)


def _compares_money(tok: Token) -> bool:
    """A comparison preposition whose object is an amount ("from €15.0bn"), or "compared"
    with one ("compared to $4.18bn for the last three months of 2008", "compared with
    $1.13bn in the same period": the date hangs on "compared", beside the amount)."""
    if tok.lemma_.lower() in ("compare", "compared"):
        return any(
            c.dep_ == "prep" and c.lower_ in ("to", "with") and _compares_money_object(c)
            for c in tok.children
        )
    if tok.dep_ != "prep" or tok.lower_ not in _EARLIER_PREPS:
        return False
    return _compares_money_object(tok)


def _compares_money_object(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.ent_type_ == "MONEY" for c in prep.children)
