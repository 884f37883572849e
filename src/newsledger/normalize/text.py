"""A copy of an article's text that the parser can read, and the way back to the original.

Zero-width characters, bidi controls and soft hyphens are invisible but cut
words apart or glue them on ("Acme Corp\\u200b" is not the company "Acme Corp";
"work\\u00adforce" is no word the model knows); no-break spaces and fullwidth
digits hide numbers. :func:`clean_for_parse` drops or replaces them as listed in
``data/cleaning.json`` and keeps an offset map, so a span found in the cleaned
copy can be pointed back at the text as stored. It never applies NFKC to the
whole text: "profit¹" must not read as "profit1", and "½" stays.

>>> clean = clean_for_parse("Acme\\u200b cut 1\\u00a0200 jobs")
>>> clean.text
'Acme cut 1 200 jobs'
>>> clean.span(0, 4), clean.span(9, 19)
((0, 4), (10, 20))
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsledger.normalize._data import entries

_DIGIT = "[0-9\uff10-\uff19]"  # context for the number marks: ASCII or fullwidth digits
# checked after the character is matched (".", fixed width), so the regex scans for
# the character itself and not for every digit in the text
_CONTEXTS = {
    "between_digits": f"(?<={_DIGIT}.)(?={_DIGIT})",
    "after_digit": f"(?<={_DIGIT}.)",
}


@dataclass(frozen=True)
class CleanText:
    """The text the parser reads, and a map from its offsets back to ``original``.

    Replacements keep one character for one, so only dropped characters move
    offsets: ``runs_at`` holds the cleaned offsets where a run of dropped
    characters sat, ``dropped`` how many were dropped up to and including that run.

    >>> clean_for_parse("Acme cut jobs").changed
    False
    """

    text: str
    original: str = field(repr=False)
    runs_at: tuple[int, ...] = ()
    dropped: tuple[int, ...] = ()

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def start(self, offset: int) -> int:
        """The original offset of the character at cleaned ``offset``.

        Dropped characters just before it are left out: a span starts at a visible character.
        """
        runs = bisect_right(self.runs_at, offset)
        return offset + self.dropped[runs - 1] if runs else offset

    def end(self, offset: int) -> int:
        """The original offset just after the character before cleaned ``offset``.

        Dropped characters just after a span are left out; those inside it stay inside.
        """
        runs = bisect_left(self.runs_at, offset)
        return offset + self.dropped[runs - 1] if runs else offset

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A cleaned ``[start, end)`` as original offsets; an empty span stays empty.

        >>> clean_for_parse("work\\u00adforce").span(0, 9)
        (0, 10)
        """
        first = self.start(start)
        return first, max(first, self.end(end))


@dataclass(frozen=True)
class _Rules:
    candidates: re.Pattern[str]  # any character some rule may change: the fast check
    changes: re.Pattern[str]  # one character to change (in its context, if it has one)
    replacement: dict[str, str]  # what it becomes; "" drops it
    drops: re.Pattern[str]  # a run of characters to drop


def _code_points(spec: str) -> list[str]:
    """``"U+00A0"`` or ``"U+202A..U+202E"`` as the characters it names."""
    first, _, last = spec.partition("..")
    low = int(first.removeprefix("U+"), 16)
    high = int(last.removeprefix("U+"), 16) if last else low
    if high < low:
        raise ValueError(f"cleaning.json: empty range {spec!r}")
    return [chr(c) for c in range(low, high + 1)]


def _replacements(entry: dict[str, Any]) -> dict[str, str]:
    chars = [ch for spec in entry["chars"] for ch in _code_points(spec)]
    to: str = entry["to"]
    if len(to) > 1 and len(to) != len(chars):
        raise ValueError(f"cleaning.json: {entry['id']!r} maps {len(chars)} chars to {to!r}")
    return {ch: to[i] if len(to) > 1 else to for i, ch in enumerate(chars)}


def _char_class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(ch) for ch in chars) + "]"


@cache
def _rules() -> _Rules:
    replacement: dict[str, str] = {}
    anywhere: list[str] = []
    patterns: list[str] = []
    for entry in entries("cleaning"):
        found = _replacements(entry)
        replacement.update(found)
        if "context" not in entry:
            anywhere.extend(found)
        elif entry["context"] in _CONTEXTS and "" not in found.values():
            patterns.append(_char_class(found) + _CONTEXTS[entry["context"]])
        else:  # a dropped character in context would need a context-aware offset map
            raise ValueError(f"cleaning.json: {entry['id']!r} has a bad context or drops")
    return _Rules(
        candidates=re.compile(_char_class(replacement)),
        changes=re.compile("|".join([*patterns, _char_class(anywhere)])),
        replacement=replacement,
        drops=re.compile(_char_class(ch for ch, to in replacement.items() if not to) + "+"),
    )


def _offset_map(text: str, drops: re.Pattern[str]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where runs of dropped characters sit in the cleaned text, and the running count."""
    runs_at: list[int] = []
    dropped: list[int] = []
    total = 0
    for run in drops.finditer(text):
        runs_at.append(run.start() - total)
        total += run.end() - run.start()
        dropped.append(total)
    return tuple(runs_at), tuple(dropped)


def clean_for_parse(text: str) -> CleanText:
    """``text`` with invisible characters dropped and look-alike spaces and digits made plain.

    Text with nothing to clean (the usual case) costs one regex search (none for
    ASCII) and is returned as it is.

    >>> clean_for_parse("about 8\\uff05 of its work\\u00adforce").text
    'about 8% of its workforce'
    >>> clean_for_parse("profit¹ and ½").text
    'profit¹ and ½'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    rules = _rules()
    if text.isascii() or rules.candidates.search(text) is None:
        return CleanText(blank_stock_codes(text), text)
    cleaned = rules.changes.sub(lambda m: rules.replacement[m.group()], text)
    runs_at, dropped = _offset_map(text, rules.drops)
    return CleanText(blank_stock_codes(cleaned), text, runs_at, dropped)


def visible_text(text: str) -> str:
    """``text`` as a reader sees it: invisible characters dropped, look-alike spaces and
    digits made plain (what :func:`clean_for_parse` does, without the parser's extras).

    >>> visible_text("re\u00adbuild the busi\u200bness")
    'rebuild the business'
    """
    rules = _rules()
    if text.isascii() or rules.candidates.search(text) is None:
        return text
    return rules.changes.sub(lambda m: rules.replacement[m.group()], text)


def blank_stock_codes(text: str) -> str:
    """``text`` with each bracketed stock code ("(NASDAQ: ACME)") turned into as many
    spaces (``data/stock_codes.json``): same length, so no offset moves.

    >>> blank_stock_codes("Acme (NYSE: AC) fell")
    'Acme            fell'
    """
    if "(" not in text:
        return text
    return _stock_code().sub(lambda m: " " * len(m.group()), text)


@cache
def _stock_code() -> re.Pattern[str]:
    names = sorted(
        {x for e in entries("stock_codes") for x in e["exchanges"]}, key=len, reverse=True
    )
    exchange = "(?:" + "|".join(re.escape(n) for n in names) + ")"
    part = rf"{exchange}\s*:\s*[A-Z0-9][A-Z0-9.\-]{{0,11}}"
    return re.compile(rf"\(\s*{part}(?:\s*[;,]\s*{part})*\s*\)")


# --- page lines: navigation, teasers and time stamps (data/page_lines.json) ----------

_LINE_MARKS = "|>›»•·:*-–—#=_~<‹«"


@dataclass(frozen=True)
class _PageRules:
    lines: dict[str, str]  # whole line -> kind
    prefixes: tuple[tuple[str, str], ...]  # (prefix, kind)
    stamps: tuple[str, ...]
    stamp_words: int
    separators: re.Pattern[str]
    part_words: int


@cache
def _page_rules() -> _PageRules:
    found = entries("page_lines")
    lines = {line: e["kind"] for e in found for line in e.get("lines", [])}
    prefixes = tuple((p, e["kind"]) for e in found for p in e.get("prefixes", []))
    stamp = next(e for e in found if "stamps" in e)
    trail = next(e for e in found if "separators" in e)
    separators = re.compile("|".join(re.escape(s) for s in trail["separators"]))
    return _PageRules(
        lines,
        prefixes,
        tuple(stamp["stamps"]),
        int(stamp["max_words"]),
        separators,
        int(trail["max_part_words"]),
    )


def _is_trail(line: str, rules: _PageRules) -> bool:
    """A breadcrumb or menu: "Home > Business > Markets", "Home » Companies"."""
    parts = [p.strip(_LINE_MARKS + " ") for p in rules.separators.split(line)]
    parts = [p for p in parts if p]
    if len(parts) < 2 or any(re.search(r"\d", p) for p in parts):
        return False
    if any(len(p.split()) > rules.part_words for p in parts):
        return False
    # two parts only when one is a known page word: "Acme / Globex" is no menu
    return len(parts) >= 3 or any(p in rules.lines for p in parts)


def page_line(line: str) -> str | None:
    """The kind of page furniture ``line`` is ("navigation", "teaser", "timestamp"), or
    None for article text. Rules in ``data/page_lines.json``.

    >>> page_line("Share this article"), page_line("Related: Globex cut 200 jobs in 2018")
    ('navigation', 'teaser')
    >>> page_line("Acme said on Tuesday it would cut 500 jobs.") is None
    True
    """
    rules = _page_rules()
    norm = " ".join(line.split()).lower()
    bare = norm.strip(_LINE_MARKS + " ")
    if not bare:
        return None
    if bare in rules.lines:
        return rules.lines[bare]
    lead = norm.lstrip(_LINE_MARKS.replace(":", "") + " ")
    for prefix, kind in rules.prefixes:
        if lead.startswith(prefix) and len(lead) > len(prefix):
            return kind
    words = bare.split()
    for stamp in rules.stamps:
        if (
            (bare.startswith(stamp + " ") or bare.startswith(stamp + ":"))
            and len(words) <= rules.stamp_words
            and re.search(r"\d", bare)
        ):
            return "timestamp"
    return "navigation" if _is_trail(norm, rules) else None
