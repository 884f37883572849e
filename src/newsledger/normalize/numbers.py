"""Numbers, counts and percentages as written in news text.

Every function reads one short phrase (a spaCy CARDINAL/PERCENT/QUANTITY span,
say) and returns a value that keeps the raw text, or None when the phrase is not
clearly a number. Scale words, number words, qualifiers and fractions are data
(``data/scales.json``, ``number_words.json``, ``qualifiers.json``, ``percent.json``).

>>> parse_number("2.5m")
Decimal('2500000')
>>> parse_count_range("between 500 and 700")
CountRange(low=Decimal('500'), high=Decimal('700'), raw='between 500 and 700', qualifier=None)
>>> parse_percent("about a third").value
Decimal('33.33')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import cast

from newsledger.normalize._data import alternation, entries
from newsledger.normalize.types import CountRange, Percent, Qualifier

# Thousands separators seen in the wild: space, no-break space, thin spaces.
_GROUP_SPACE = "[ \u00a0\u2009\u202f]"
_ENGLISH_COMMAS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_SPACED = re.compile(rf"\d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+(?:\.\d+)?")
_EURO_DOTS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_PLAIN = re.compile(r"\d+(?:\.\d+)?|\.\d+")
_CENT = Decimal("0.01")
_HUNDRED = Decimal(100)
# The longest run of digits a figure can have. The largest sums news writes out in
# full, a national budget in rupiah or rials, run to 16-19 digits; a longer run is an
# identifier, digits of pi or junk. Past 28 digits Decimal would round it, and past
# 4,300 int() refuses to print it (Python's limit: a crash), so none is read.
MAX_FIGURE_DIGITS = 20


@dataclass(frozen=True)
class Scaled:
    """A number split into its written figure and its scale: "2.5m" -> 2.5 x 1,000,000."""

    base: Decimal
    multiplier: Decimal

    @property
    def value(self) -> Decimal:
        return tidy(self.base * self.multiplier)


def tidy(value: Decimal) -> Decimal:
    """Drop exponent noise: 2.5E+6 -> 2500000, 12.50 -> 12.5.

    >>> tidy(Decimal("2.5E+6"))
    Decimal('2500000')
    """
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


@cache
def _scales() -> dict[str, Decimal]:
    return {
        form.lower(): Decimal(entry["multiplier"])
        for entry in entries("scales")
        for form in entry["forms"]
    }


@cache
def _numeric_re() -> re.Pattern[str]:
    scale = alternation(_scales())
    return re.compile(
        rf"(?P<num>\d[\d,.{_GROUP_SPACE[1:-1]}]*\d|\d|\.\d+)(?:\s*-?\s*(?P<scale>{scale})\.?)?",
        re.IGNORECASE,
    )


@cache
def _words() -> dict[str, tuple[str, int]]:
    """Number word -> (role, value); roles: digit, teen, tens, hundred, scale, dozen, article."""
    table: dict[str, tuple[str, int]] = {}
    for entry in entries("number_words"):
        for word, value in entry["values"].items():
            role = entry["role"]
            if role == "unit":
                role = "digit" if value < 10 else "teen" if value < 20 else "tens"
            table[word] = (role, int(value))
    return table


# Which role may follow which: "twenty five", "one hundred and five", "a dozen".
_MAY_FOLLOW: dict[str, frozenset[str]] = {
    "digit": frozenset({"start", "tens", "hundred", "scale"}),
    "teen": frozenset({"start", "hundred", "scale"}),
    "tens": frozenset({"start", "hundred", "scale"}),
    "hundred": frozenset({"digit", "teen", "article"}),
    "scale": frozenset({"digit", "teen", "tens", "hundred", "article"}),
    "dozen": frozenset({"digit", "article"}),
    "article": frozenset({"start"}),
}


def _read_digits(num: str, scaled: bool) -> Decimal | None:
    """Read a digit string, deciding what its commas, dots and spaces mean; None if unsure."""
    if sum(ch.isdigit() for ch in num) > MAX_FIGURE_DIGITS:
        return None
    try:
        if _ENGLISH_COMMAS.fullmatch(num):
            return Decimal(num.replace(",", ""))
        if _SPACED.fullmatch(num):
            return Decimal(re.sub(_GROUP_SPACE, "", num))
        # "1.200" and "1.200.000" are European thousands, but "1.200 billion" is 1.2bn.
        if _EURO_DOTS.fullmatch(num) and not (scaled and num.count(".") == 1 and "," not in num):
            return Decimal(num.replace(".", "").replace(",", "."))
        if _PLAIN.fullmatch(num):
            return Decimal(num)
    except InvalidOperation:
        return None
    return None


def _read_words(text: str) -> Scaled | None:
    tokens = [t for t in re.split(r"[\s\-]+", text.lower()) if t and t != "and"]
    words = _words()
    total, group, prev, last_scale = 0, 0, "start", 0
    for tok in tokens:
        role, value = words.get(tok, ("", 0))
        if not role or prev == "dozen" or prev not in _MAY_FOLLOW[role]:
            return None
        if role in ("digit", "teen", "tens"):
            group += value
        elif role in ("hundred", "dozen"):
            group *= value
        elif role == "scale":
            if last_scale and value >= last_scale:
                return None
            total, group, last_scale = total + group * value, 0, value
        else:  # article: "a thousand", "a dozen"
            group = 1
        prev = role
    if prev in ("start", "article"):
        return None
    if prev == "scale":
        return Scaled(Decimal(total) / Decimal(last_scale), Decimal(last_scale))
    return Scaled(Decimal(total + group), Decimal(1))


def parse_scaled(text: str) -> Scaled | None:
    """Read a number and keep its scale apart (used to share a scale across a range).

    >>> parse_scaled("1.5 million")
    Scaled(base=Decimal('1.5'), multiplier=Decimal('1000000'))
    """
    text = text.strip().rstrip(",;:").strip()
    if not text:
        return None
    match = _numeric_re().fullmatch(text)
    if match:
        scale = match.group("scale")
        base = _read_digits(match.group("num"), scaled=scale is not None)
        if base is None:
            return None
        return Scaled(base, _scales()[scale.lower()] if scale else Decimal(1))
    if text[0].isdigit():
        return None
    return _read_words(text)


def parse_number(text: str) -> Decimal | None:
    """Read one number: digits with separators, a scale word, or English number words.

    "hundreds" and "dozens" are not numbers (None); "1.200" is European thousands.

    >>> parse_number("one hundred and twenty"), parse_number("1.200.000"), parse_number("hundreds")
    (Decimal('120'), Decimal('1200000'), None)
    """
    scaled = parse_scaled(text)
    return scaled.value if scaled else None


@cache
def _qualifier_re() -> re.Pattern[str]:
    forms = [form for entry in entries("qualifiers") for form in entry["forms"]]
    return re.compile(rf"(?P<q>{alternation(forms)})(?![a-z])\s*(?P<rest>.+)", re.IGNORECASE)


@cache
def _qualifier_of() -> dict[str, Qualifier]:
    return {
        re.sub(r"\s+", " ", form.lower()): cast(Qualifier, entry["qualifier"])
        for entry in entries("qualifiers")
        for form in entry["forms"]
    }


def split_qualifier(text: str) -> tuple[Qualifier | None, str]:
    """Split a leading qualifier off: "up to 2,500" -> ("up_to", "2,500").

    >>> split_qualifier("some 2,000")
    ('about', '2,000')
    """
    match = _qualifier_re().fullmatch(text.strip())
    if not match:
        return None, text.strip()
    key = re.sub(r"\s+", " ", match.group("q").lower())
    return _qualifier_of()[key], match.group("rest")


_BETWEEN = re.compile(r"(?:between|from)\s+(?P<a>.+?)\s+(?:and|to|-|–|—)\s+(?P<b>.+)", re.I)
_DASH_OR_TO = re.compile(r"(?P<a>.+?)(?:\s*[-–—]\s*|\s+to\s+)(?P<b>.+)", re.I)


def range_splits(text: str) -> Iterator[tuple[str, str]]:
    """Candidate (low, high) halves of a range phrase, most explicit first."""
    for pattern in (_BETWEEN, _DASH_OR_TO):
        match = pattern.fullmatch(text)
        if match:
            yield match.group("a"), match.group("b")


def share_scale(low: Scaled, high: Scaled) -> Scaled:
    """Give the low end the high end's scale when it has none: "$1-2 billion" -> 1bn.

    >>> share_scale(Scaled(Decimal(1), Decimal(1)), Scaled(Decimal(2), Decimal(10**9))).value
    Decimal('1000000000')
    """
    if low.multiplier == 1 and high.multiplier > 1 and low.base * high.multiplier <= high.value:
        return Scaled(low.base, high.multiplier)
    return low


def parse_count_range(text: str) -> CountRange | None:
    """Read a count or a range of counts, with its qualifier.

    A single qualified figure goes in ``low`` ("up to 2,500" -> low 2500, up_to).

    >>> parse_count_range("1,000-1,200")
    CountRange(low=Decimal('1000'), high=Decimal('1200'), raw='1,000-1,200', qualifier=None)
    >>> parse_count_range("up to 2,500").qualifier
    'up_to'
    """
    raw = text.strip()
    qualifier, rest = split_qualifier(raw)
    single = parse_number(rest)
    if single is not None:
        return CountRange(low=single, high=None, raw=raw, qualifier=qualifier)
    for a, b in range_splits(rest):
        low, high = parse_scaled(a), parse_scaled(b)
        if low is None or high is None:
            continue
        low = share_scale(low, high)
        if low.value < high.value:
            return CountRange(low=low.value, high=high.value, raw=raw, qualifier=qualifier)
    return None


@cache
def _percent_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    by_kind: dict[str, list[str]] = {"unit": [], "fraction": [], "ratio": []}
    for entry in entries("percent"):
        by_kind[entry["kind"]].extend(entry["forms"])
    unit = re.compile(rf"(?P<num>.+?)\s*(?:{alternation(by_kind['unit'])})", re.I)
    fraction = re.compile(
        rf"(?:(?P<num>[a-z]+|\d+)[\s\-]+)?(?P<den>{alternation(by_kind['fraction'])})", re.I
    )
    ratio = re.compile(rf"(?P<num>.+?)\s+(?:{alternation(by_kind['ratio'])})\s+(?P<den>.+)", re.I)
    return unit, fraction, ratio


@cache
def _denominators() -> dict[str, int]:
    return {
        form.lower(): int(entry["denominator"])
        for entry in entries("percent")
        if entry["kind"] == "fraction"
        for form in entry["forms"]
    }


def _share(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    if numerator <= 0 or denominator <= 0 or numerator > denominator:
        return None
    return tidy((numerator / denominator * _HUNDRED).quantize(_CENT))


def _fraction_value(rest: str) -> Decimal | None:
    _unit, fraction, ratio = _percent_res()
    match = fraction.fullmatch(rest)
    if match:
        num_text = match.group("num")
        numerator = (
            parse_number(num_text if num_text not in ("a", "an") else "one") if num_text else 1
        )
        if numerator is None or (num_text is None and match.group("den").lower() != "half"):
            return None
        return _share(Decimal(numerator), Decimal(_denominators()[match.group("den").lower()]))
    match = ratio.fullmatch(rest)
    if match:
        numerator, denominator = parse_number(match.group("num")), parse_number(match.group("den"))
        if numerator is not None and denominator is not None and numerator < denominator:
            return _share(numerator, denominator)
    return None


_PERCENT_RANGE = re.compile(
    r"(?P<low>\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(?P<high>\d+(?:\.\d+)?)"
    r"(?P<unit>\s*(?:%|per\s?cent|percent))",
    re.IGNORECASE,
)


def parse_percent(text: str) -> Percent | None:
    """Read a share: "15 percent", "6%", "one in ten" (10), "about a third" (33.33).

    "percentage points" are a change, not a share: None.

    >>> parse_percent("15 pc")
    Percent(value=Decimal('15'), raw='15 pc', kind='percent', qualifier=None)
    >>> parse_percent("one in ten").value, parse_percent("one in ten").kind
    (Decimal('10'), 'fraction')
    """
    raw = text.strip()
    qualifier, rest = split_qualifier(raw)
    unit, _fraction, _ratio = _percent_res()
    ranged = _PERCENT_RANGE.fullmatch(rest)
    if ranged:  # "15-18%", "20 to 25 percent": the stated low end, as for counts
        if parse_number(ranged.group("high")) is None:
            return None  # "5-<a thousand digits>%" is no range of shares
        rest = ranged.group("low") + ranged.group("unit")
    match = unit.fullmatch(rest)
    if match:
        value = parse_number(match.group("num"))
        if value is None:
            return None
        return Percent(value=value, raw=raw, kind="percent", qualifier=qualifier)
    share = _fraction_value(rest)
    if share is None:
        return None
    return Percent(value=share, raw=raw, kind="fraction", qualifier=qualifier)
