"""Where a sentence states an amount of money.

spaCy's MONEY entities, widened to take in a currency sign the tagger left
out ("$" before "9bn"), plus sign-and-figure runs the tagger missed or
swallowed into another entity ("Tarrant Corp £250m"). Whether a span is
money at all is for ``normalize.money.parse_money`` to say.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsledger.extract.events.spans import ents_in, memo, sent_of
from newsledger.normalize.money import parse_money

_SIGN = re.compile(
    r"^(?:[A-Z]{0,3}[$€£¥₹]|Rs\.?|CHF|US\$|C\$|A\$|AUS\$|HK\$|S\$|NZ\$|R\$|SFr\.?"
    # ISO codes written before the figure ("SEK 4.5bn", "DKK 3.4bn")
    r"|USD|EUR|GBP|JPY|CNY|RMB|INR|KRW|SEK|NOK|DKK|ZAR|RUB|BRL|MXN|PLN|TRY|AUD|CAD|HKD|SGD|NZD)$"
)
_FIGURE = re.compile(r"^\d[\d,.]*(?:bn|m|mn|b|k|tn|trn)?$", re.IGNORECASE)
# words after a figure that may make it money; parse_money has the final say
_CURRENCY_WORDS = frozenset(
    [
        "won",
        "yen",
        "yuan",
        "renminbi",
        "rmb",
        "euro",
        "euros",
        "dollars",
        "dollar",
        "pounds",
        "pound",
        "sterling",
        "rupees",
        "crowns",
        "kronor",
        "kroner",
        "krona",
        "krone",
        "francs",
        "reais",
        "rand",
        "roubles",
        "rubles",
        "pesos",
        "peso",
        "zlotys",
        "zloty",
        "ringgit",
        "baht",
        "lira",
        "liras",
        "rupiah",
    ]
)
_GLUED = re.compile(
    r"^(?:(?:[A-Z]{1,3}[$¥]|[$€£¥₹])\d[\d,.]*(?:bn|m|mn|b|k|tn)?|R\d[\d,.]*(?:bn|m|tn))$",
    re.IGNORECASE,
)
_SCALES = frozenset(
    [
        "thousand",
        "million",
        "billion",
        "trillion",
        "bn",
        "m",
        "mn",
        "b",
        "crore",
        "crores",
        "lakh",
        "lakhs",
        "tn",
    ]
)


def _is_sign(tok: Token) -> bool:
    return bool(_SIGN.match(tok.text))


def _widen(span: Span) -> Span:
    doc = span.doc
    start = span.start
    first = sent_of(span[0]).start
    while start > first and _is_sign(doc[start - 1]):
        start -= 1
    end = span.end
    # the tagger may cut a range after its second sign: "$10bn to $" + "10.5bn"
    if _is_sign(doc[end - 1]) and end < len(doc) and _FIGURE.match(doc[end].text):
        end += 1
        while end < len(doc) and doc[end].lower_.rstrip(".") in _SCALES:
            end += 1
    return doc[start:end]


# leading words the tagger may take into a MONEY entity ("a record £5bn profit")
_MAX_TRIM = 3


def _trim(span: Span) -> Span:
    """The span without leading words that stop it reading as money."""
    for cut in range(min(_MAX_TRIM, len(span) - 1) + 1):
        if parse_money(amount_text(span[cut:])) is not None:
            return span[cut:]
    return span


def _scan(sent: Span) -> list[Span]:
    """Sign + figure (+ scale word) runs: "£250m", "$ 2.1 billion", "Rs 500 crore"."""
    out: list[Span] = []
    doc = sent.doc
    for tok in sent:
        if _GLUED.match(tok.text):
            nxt = tok  # "HK$327" "m": sign and figure in one token
        elif _is_sign(tok) and tok.i + 1 < sent.end:
            nxt = doc[tok.i + 1]
            if nxt.text == "." and tok.i + 2 < sent.end:  # "Rs. 450 crore" split as "Rs" "."
                nxt = doc[tok.i + 2]
            if not (_FIGURE.match(nxt.text) or nxt.like_num):
                continue
        else:
            continue
        end = nxt.i + 1
        while end < sent.end and (
            doc[end].lower_.rstrip(".") in _SCALES
            or (doc[end].like_num and doc[end].text[0].isalpha())
        ):
            end += 1
        out.append(doc[tok.i : end])
    return out


def _scan_suffixed(sent: Span) -> list[Span]:
    """Figure (+ scale word) + currency word runs: "1.5 trillion won", "75 billion yen"."""
    out: list[Span] = []
    doc = sent.doc
    for tok in sent:
        figure = tok.like_num or bool(_FIGURE.match(tok.text))
        if not figure or (tok.i > sent.start and doc[tok.i - 1].like_num):
            continue
        end = tok.i + 1
        while end < sent.end and doc[end].lower_ in _SCALES:
            end += 1
        # "3.4 billion Swedish crowns", "50m Hong Kong dollars": a country before the unit
        for gap in range(3):
            at = end + gap
            if at >= sent.end or (gap and not doc[at - 1].text[:1].isupper()):
                break
            if doc[at].lower_ in _CURRENCY_WORDS:
                out.append(doc[tok.i : at + 1])
                break
    return out


def money_spans(sent: Span) -> list[Span]:
    """Amounts of money in ``sent``, in order, none overlapping."""
    table = memo(sent, "money")
    key = ("money", sent.start, sent.end)
    cached = table.get(key)
    if isinstance(cached, tuple):
        return list(cached)
    found = [_trim(_widen(e)) for e in ents_in(sent) if e.label_ == "MONEY"] + _scan(sent)
    found += _scan_suffixed(sent)
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[Span] = []
    for span in found:
        if out and span.start < out[-1].end:
            continue
        if parse_money(amount_text(span)) is not None or any(_is_sign(t) for t in span):
            out.append(span)
    table[key] = tuple(out)
    return out


def amount_text(span: Span) -> str:
    """The span's text without a sentence-final stop glued to it ("£250m." -> "£250m")."""
    return span.text.rstrip(".") if span.text.endswith((".", "m.", "bn.")) else span.text
