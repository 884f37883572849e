"""Money as written in news text: "¥75 billion", "US$ 5 million", "between £3m and £4m".

Symbols, codes and currency words live in ``data/currencies.json``; which
currency a country or nationality implies in ``data/countries.json``. Ambiguous
symbols ($, ¥, kr, Rs, "dollars") take their default unless ``currency_hint``
names one of the currencies they can stand for; ``kr`` has no default.

>>> parse_money("¥75 billion")
Money(amount=Decimal('75000000000'), raw='¥75 billion', currency='JPY', amount_high=None, approximate=False, qualifier=None)
>>> parse_money("¥75 billion", currency_hint="CNY").currency
'CNY'
>>> find_stated_conversion("¥75 billion (approx. $926 million)").amount
Decimal('926000000')
"""  # noqa: E501  (the doctest output is one line)

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsledger.normalize._data import alternation, entries
from newsledger.normalize.numbers import (
    Scaled,
    parse_scaled,
    range_splits,
    share_scale,
    split_qualifier,
)
from newsledger.normalize.types import Money

_APPROXIMATE = frozenset({"about", "nearly"})


@dataclass(frozen=True)
class _Currency:
    """What one written form means: its default ISO code and what a hint may make it."""

    iso: str | None
    hints: frozenset[str]

    def resolve(self, hint: str | None) -> str | None:
        if hint is not None and hint.upper() in self.hints:
            return hint.upper()
        return self.iso


@dataclass(frozen=True)
class _Forms:
    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    meaning: dict[str, _Currency]  # key: the form as matched, lower-cased unless case-sensitive


def _key(form: str, case_sensitive: bool) -> str:
    form = re.sub(r"\s+", " ", form)
    return form if case_sensitive else form.lower()


def _pattern(form: str, case_sensitive: bool, tight: bool) -> str:
    pattern = alternation([form])
    if tight:  # "R2.5bn" is rand, "R 300" and "R&D" are not
        pattern += r"(?=\d)"
    return pattern if case_sensitive else f"(?i:{pattern})"


@cache
def _forms() -> _Forms:
    prefix: list[tuple[str, str]] = []
    suffix: list[tuple[str, str]] = []
    meaning: dict[str, _Currency] = {}
    for entry in entries("currencies"):
        cs, position = bool(entry["case_sensitive"]), entry["position"]
        for form in entry["forms"]:
            iso = form.upper() if entry["iso"] == "CODE" else entry["iso"]
            meaning[_key(form, cs)] = _Currency(iso, frozenset(entry["hints"]))
            if position in ("prefix", "either", "prefix_tight"):
                prefix.append((form, _pattern(form, cs, position == "prefix_tight")))
            if position in ("suffix", "either"):
                suffix.append((form, _pattern(form, cs, tight=False)))

    def ordered(pairs: list[tuple[str, str]]) -> str:
        return "|".join(p for _f, p in sorted(pairs, key=lambda fp: (-len(fp[0]), fp[0])))

    return _Forms(
        prefix=re.compile(rf"(?P<cur>{ordered(prefix)})\s*(?P<rest>.*)"),
        suffix=re.compile(rf"(?P<rest>.*?)(?<![A-Za-z])\s*(?P<cur>{ordered(suffix)})"),
        meaning=meaning,
    )


def _meaning(form: str) -> _Currency:
    meaning = _forms().meaning
    key = re.sub(r"\s+", " ", form)
    return meaning.get(key) or meaning[key.lower()]


def _piece(text: str) -> tuple[Scaled, _Currency | None] | None:
    """One amount with an optional currency on either side: "$1.5bn", "2 billion euros", "2"."""
    forms = _forms()
    currency: _Currency | None = None
    match = forms.prefix.fullmatch(text)
    if match:
        currency, text = _meaning(match.group("cur")), match.group("rest")
    match = forms.suffix.fullmatch(text)
    if match:
        after = _meaning(match.group("cur"))
        if currency is not None and after.iso != currency.iso:
            return None
        currency, text = after, match.group("rest")
    scaled = parse_scaled(text)
    return (scaled, currency) if scaled is not None else None


def _amounts(text: str) -> tuple[Scaled, Scaled | None, _Currency] | None:
    single = _piece(text)
    if single is not None:
        return (single[0], None, single[1]) if single[1] is not None else None
    for a, b in range_splits(text):
        low, high = _piece(a), _piece(b)
        if low is None or high is None:
            continue
        currency = low[1] or high[1]
        if currency is None or (low[1] and high[1] and low[1].iso != high[1].iso):
            continue
        low_value = share_scale(low[0], high[0])
        if low_value.value < high[0].value:
            return low_value, high[0], currency
    return None


def parse_money(text: str, *, currency_hint: str | None = None) -> Money | None:
    """Read an amount of money, a range of amounts, or None if ``text`` is not money.

    A bare number is not money (None); a currency word without a number is not either.
    ``currency_hint`` (ISO 4217) only settles symbols that can mean it: "$" may become
    CAD, "¥" CNY, "kr" SEK/NOK/DKK; it never overrides "€" or "C$".

    >>> m = parse_money("between £3m and £4m")
    >>> (m.amount, m.amount_high, m.currency)
    (Decimal('3000000'), Decimal('4000000'), 'GBP')
    >>> parse_money("kr 500m").currency is None
    True
    """
    raw = text.strip()
    qualifier, rest = split_qualifier(raw)
    found = _amounts(rest.rstrip(".,;:") if not rest.endswith(("Rs.", "kr.")) else rest)
    if found is None:
        return None
    low, high, currency = found
    return Money(
        amount=low.value,
        raw=raw,
        currency=currency.resolve(currency_hint),
        amount_high=high.value if high is not None else None,
        approximate=qualifier in _APPROXIMATE,
        qualifier=qualifier,
    )


_PARENS = re.compile(r"\(([^()]{1,80})\)")
_PIECE_SPLIT = re.compile(r"\s*(?:;|/|,\s+(?=\D)|\bor\b)\s*")
# ", or roughly $6.4 billion," right after an amount: the wire-style stated conversion
_APPOSED = re.compile(
    r"^\s*,\s*or\s+(?:about\s+|roughly\s+|around\s+|some\s+|nearly\s+|almost\s+|"
    r"approximately\s+|approx\.\s*)?([^,;()]{1,40}?)\s*(?:[,;)]|\.(?!\d)|$)",
    re.I,
)
_LEAD = re.compile(r"(?:or|equal to|equivalent to|worth|converted to|i\.e\.,?)\s+", re.I)


@cache
def _ends_with_amount() -> re.Pattern[str]:
    words = [f for e in entries("currencies") for f in e["forms"]]
    words += [f for e in entries("scales") for f in e["forms"]]
    return re.compile(rf"(?:\d|(?<![A-Za-z])(?:{alternation(words)}))\.?\s*$", re.I)


def find_stated_conversion(text: str) -> Money | None:
    """The converted amount an article states in brackets right after an amount.

    Prefers the US dollar figure when the brackets hold several ("(£12m; $22m)").

    >>> find_stated_conversion("profits of £12m (£12m; $22m)").currency
    'USD'
    >>> find_stated_conversion("(roughly €1.2bn)").amount
    Decimal('1200000000')

    Wire style, with the text starting right after the first amount:

    >>> find_stated_conversion(", or roughly $6.4 billion, for the year").amount
    Decimal('6400000000')
    """
    apposed = _APPOSED.match(text)
    if apposed and (money := parse_money(apposed.group(1))) is not None and money.currency:
        return money
    for match in _PARENS.finditer(text):
        before = text[: match.start()]
        if before.strip() and not _ends_with_amount().search(before):
            continue
        moneys = [
            money
            for piece in _PIECE_SPLIT.split(match.group(1).strip())
            if piece and (money := parse_money(_LEAD.sub("", piece, count=1))) is not None
        ]
        if moneys:
            return next((m for m in moneys if m.currency == "USD"), moneys[0])
    return None


@cache
def _places() -> tuple[dict[str, str], dict[str, str]]:
    countries: dict[str, str] = {}
    nationalities: dict[str, str] = {}
    for entry in entries("countries"):
        countries.update({name.lower(): entry["id"] for name in entry["countries"]})
        nationalities.update({adj.lower(): entry["id"] for adj in entry["nationalities"]})
    return countries, nationalities


def _place_key(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().lower())


def currency_for_country(country: str) -> str | None:
    """The ISO currency of a country name, or None.

    >>> currency_for_country("Japan"), currency_for_country("Atlantis")
    ('JPY', None)
    """
    key = _place_key(country)
    countries = _places()[0]
    return countries.get(key) or countries.get(key.removeprefix("the "))


def currency_for_nationality(adj: str) -> str | None:
    """The ISO currency a nationality adjective implies ("Japanese" -> JPY), or None.

    >>> currency_for_nationality("Swedish")
    'SEK'
    """
    return _places()[1].get(_place_key(adj))
