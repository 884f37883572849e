"""A spelling of a name as the ledger keeps it: without the page's furniture around it.

Text taken from web pages carries table rules and navigation trails into entity
mentions ("| General Motors", "Deutsche Boerse -", "Ghosn | Nissan |"). What is
stripped and what is no name at all is data (``data/name_junk.json``). Pure: a
string in, the clean spelling out, or None when nothing of a name is left.

>>> clean_alias("| General Motors")
'General Motors'
>>> clean_alias("Ghosn | Nissan |") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsledger.normalize._data import entries
from newsledger.normalize.text import clean_for_parse


@dataclass(frozen=True)
class _Rules:
    strip: str
    separators: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]


@cache
def _rules() -> _Rules:
    strip = ""
    separators: list[str] = []
    patterns: list[re.Pattern[str]] = []
    for entry in entries("name_junk"):
        kind = entry.get("kind")
        if kind == "strip":
            strip += entry["chars"]
        elif kind == "separator":
            separators.extend(entry["separators"])
        elif kind == "pattern":
            patterns.extend(re.compile(p) for p in entry["patterns"])
        else:
            raise ValueError(f"name_junk.json: {entry['id']!r} has an unknown kind {kind!r}")
    return _Rules(strip, tuple(separators), tuple(patterns))


def clean_alias(text: str) -> str | None:
    """``text`` without invisible characters, runs of space and junk at its ends;
    None when what is left is no name (two names run together, a figure, a URL).

    >>> clean_alias("Deutsche Boerse -"), clean_alias("$81.8bn")
    ('Deutsche Boerse', None)
    """
    rules = _rules()
    name = " ".join(clean_for_parse(text).text.split())
    name = name.strip(rules.strip + " ")
    if not name or any(s in name for s in rules.separators):
        return None
    if any(p.search(name) for p in rules.patterns):
        return None
    return name


__all__ = ["clean_alias"]
