"""What kind of organisation a name is: a company, or a government body, a regulator,
a central bank, an international body, a union, a news outlet or a university.

The word lists are data (``data/org_types.json``); a name that matches none is a
company. Pure: a string in, a type out, so extraction (choosing an event's company),
resolution and the store can all type organisations the same way.

>>> org_type("US Securities and Exchange Commission")
'regulator'
>>> org_type("Acme Corp")
'company'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from newsledger.models import ORG_TYPES
from newsledger.normalize._data import entries

# a legal form at the end makes a name a company's whatever its other words
# ("Union Pacific Corp", "Post Holdings Inc")
_LEGAL_FORMS = frozenset(
    [
        "inc",
        "inc.",
        "corp",
        "corp.",
        "co",
        "co.",
        "ltd",
        "ltd.",
        "llc",
        "plc",
        "ag",
        "sa",
        "s.a.",
        "nv",
        "n.v.",
        "gmbh",
        "spa",
        "s.p.a.",
        "ab",
        "asa",
        "oyj",
        "holdings",
        "group",
        "bhd",
        "kk",
    ]
)
_WORD = re.compile(r"[\w&.'-]+")


@dataclass(frozen=True)
class _Entry:
    type: str
    names: frozenset[str]
    words: tuple[str, ...]
    last_words: frozenset[str]


@cache
def _entries() -> tuple[_Entry, ...]:
    return tuple(
        _Entry(
            e["type"],
            frozenset(n.lower() for n in e["names"]),
            tuple(w.lower() for w in e["words"]),
            frozenset(w.lower() for w in e["last_words"]),
        )
        for e in entries("org_types")
    )


def _words(name: str) -> list[str]:
    words = _WORD.findall(name.lower())
    return words[1:] if words[:1] == ["the"] else words


def org_type(name: str) -> str:
    """The type of the organisation ``name`` names; ``company`` when no rule says otherwise.

    >>> org_type("the Fed"), org_type("National Union of Journalists"), org_type("Reuters")
    ('central_bank', 'union', 'media')
    """
    words = _words(name)
    if not words:
        return "company"
    if words[-1] in _LEGAL_FORMS:
        return "company"
    whole = " ".join(words)
    padded = f" {whole} "
    for entry in _entries():
        if whole in entry.names or words[-1] in entry.last_words:
            return entry.type
        if any(f" {w} " in padded for w in entry.words):
            return entry.type
    return "company"


def org_type_of(names: Iterable[str]) -> str:
    """The type of an organisation known by several names, its canonical name first.

    The first name that some rule types decides: "ONS" says nothing, but its other
    spelling "Office for National Statistics" does.

    >>> org_type_of(["ONS", "Office for National Statistics"])
    'government'
    >>> org_type_of(["FDA", "Food and Drug Administration"]), org_type_of(["GM", "General Motors"])
    ('regulator', 'company')
    """
    for name in names:
        found = org_type(name)
        if found != "company":
            return found
    return "company"


__all__ = ["ORG_TYPES", "org_type", "org_type_of"]
