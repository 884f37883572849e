"""A person's role as the ledger keeps it: one spelling, a key to compare by, a kind.

Extraction keeps the words the article used before or after a name ("as new chief
executive", "that President", "Sony's mobile chief"); the ledger shows one spelling
of each role and compares people by what their roles allow. The title words, the
words that are no part of a title and the kinds that exclude each other are data
(``data/roles.json``). Pure: a phrase in, a :class:`Role` out, or None when the
phrase names no role.

>>> person_role("as new chief executive").text
'chief executive'
>>> person_role("CEO").key == person_role("Chief Executive Officer").key
True
>>> roles_exclude(person_role("chief executive"), person_role("analyst"))
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsledger.normalize._data import entries

# words after which a role phrase names the organisation or the field, not the title
# ("director of database markets", "chief economist at Gerrard")
_TAIL_WORDS = frozenset(("of", "at", "for", "to", "with", "in", "on"))
# lower-case words kept before a title ("mobile chief", "airline analyst"); more are
# the extractor's context, not the title
MAX_MODIFIERS = 2
_SPLIT = re.compile(r"\s*(?:\band\b|&|,|/)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Role:
    """A role read from a phrase: how the ledger writes it, what it is compared by."""

    text: str  # "chief executive", "former mobile chief", "chairman and chief executive"
    key: str  # the first title's key: "ceo" for CEO and chief executive alike
    keys: frozenset[str]  # every title's key ("chair" and "ceo" for a chairman and CEO)
    kind: str | None  # executive, analyst, public_office, ...; None when titles say nothing
    former: bool = False


@dataclass(frozen=True)
class _Title:
    form: tuple[str, ...]
    text: str | None  # None: the form as written
    key: str | None  # None: the role's text
    kind: str | None


@dataclass(frozen=True)
class _Rules:
    titles: dict[tuple[str, ...], _Title]
    longest: int
    ranks: dict[tuple[str, ...], str]
    former: frozenset[str]
    fillers: frozenset[str]
    not_modifiers: frozenset[str]
    not_modifier_endings: tuple[str, ...]
    verbs: dict[str, str]
    excludes: frozenset[frozenset[str]]


def _words(text: str) -> tuple[str, ...]:
    text = text.replace("-", " ").replace("’", "'")
    return tuple(w.strip(".'\"()") for w in text.split() if w.strip(".'\"()"))


@cache
def _rules() -> _Rules:
    titles: dict[tuple[str, ...], _Title] = {}
    ranks: dict[tuple[str, ...], str] = {}
    former: set[str] = set()
    fillers: set[str] = set()
    not_modifiers: set[str] = set()
    endings: list[str] = []
    verbs: dict[str, str] = {}
    excludes: set[frozenset[str]] = set()
    for e in entries("roles"):
        kind = e["kind"]
        if kind == "title":
            for form in e["forms"]:
                words = _words(form.lower())
                titles[words] = _Title(words, e.get("text"), e.get("key"), e.get("role_kind"))
        elif kind == "rank":
            ranks.update({_words(k): v for k, v in e["ranks"].items()})
        elif kind == "former":
            former.update(e["forms"])
        elif kind == "filler":
            fillers.update(e["forms"])
        elif kind == "not_modifier":
            not_modifiers.update(e["forms"])
            endings.extend(e["endings"])
        elif kind == "verb":
            verbs.update(e["verbs"])
        elif kind == "excludes":
            excludes.update(frozenset(p) for p in e["pairs"])
    longest = max(len(f) for f in titles)
    return _Rules(
        titles,
        longest,
        ranks,
        frozenset(former),
        frozenset(fillers),
        frozenset(not_modifiers),
        tuple(endings),
        verbs,
        frozenset(excludes),
    )


def _title_at_end(low: tuple[str, ...]) -> tuple[int, _Title] | None:
    rules = _rules()
    for n in range(min(rules.longest, len(low)), 0, -1):
        title = rules.titles.get(low[len(low) - n :])
        if title is not None:
            return len(low) - n, title
    return None


def _find_title(low: tuple[str, ...]) -> tuple[int, _Title] | None:
    """The title that ends the phrase, or ends it before a tail ("director of database
    markets"): its start and entry. A title word before another noun is none ("head
    office", "executive order")."""
    found = _title_at_end(low)
    if found is not None:
        return found
    cut = next((i for i, w in enumerate(low) if i and w in _TAIL_WORDS), None)
    return _title_at_end(low[:cut]) if cut else None


def _rank_before(low: tuple[str, ...], start: int) -> tuple[int, str]:
    """Rank words right before a title ("deputy", "executive vice"): new start, prefix."""
    ranks = _rules().ranks
    prefix = ""
    moved = True
    while moved:
        moved = False
        for n in (2, 1):
            rank = ranks.get(low[max(0, start - n) : start]) if start >= n else None
            if rank is not None:
                prefix, start, moved = rank + prefix, start - n, True
                break
    return start, prefix


def _modifiers(words: tuple[str, ...], low: tuple[str, ...], start: int) -> list[str]:
    """The lower-case words kept before the title ("mobile" in "mobile chief")."""
    rules = _rules()
    kept: list[str] = []
    i = start - 1
    while i >= 0 and len(kept) < MAX_MODIFIERS:
        word = low[i]
        if word in rules.former or word in rules.fillers or not words[i].islower():
            break
        if not word.isalpha() or word in rules.not_modifiers:
            break
        if word.endswith(rules.not_modifier_endings):
            break
        kept.insert(0, word)
        i -= 1
    return kept


def _one_role(phrase: str, exact: bool = False) -> Role | None:
    words = _words(phrase)
    low = tuple(w.lower() for w in words)
    found = _find_title(low)
    if found is None:
        return None
    start, title = found
    written = " ".join(low[start : start + len(title.form)])
    if exact and start + len(title.form) != len(low):
        return None
    start, rank = _rank_before(low, start)
    kept = _modifiers(words, low, start)
    rules = _rules()
    before = low[: start - len(kept)]
    if exact and any(w not in rules.fillers and w not in rules.former for w in before):
        return None
    former = any(w in rules.former for w in before)
    modifiers = " ".join(kept)
    core = rank + (title.text or " ".join(filter(None, (modifiers, written))))
    key = rank + title.key if title.key else core
    return Role(
        text=("former " if former else "") + core,
        key=key,
        keys=frozenset((key,)),
        kind=title.kind,
        former=former,
    )


def person_role(phrase: str | None, *, exact: bool = False) -> Role | None:
    """The role a phrase names; None when it names none.

    Several titles joined by "and" are one role ("chairman and chief executive").
    An extractor's phrase may carry words before the title ("as new chief
    executive"); with ``exact``, every word must be part of the role or a word
    like "the" or "new", as when reading the words between an organisation and
    a name ("Sony's chief executive, Kazuo Hirai").

    >>> person_role("said on Monday that chief executive").text
    'chief executive'
    >>> person_role("said on Monday that chief executive", exact=True) is None
    True

    >>> r = person_role("GM chairman and chief executive")
    >>> r.text, sorted(r.keys)
    ('chairman and chief executive', ['ceo', 'chair'])
    >>> person_role("the company") is None
    True
    """
    if not phrase or not phrase.strip():
        return None
    split = [p for p in _SPLIT.split(phrase) if p.strip()]
    parts = [r for r in (_one_role(p, exact) for p in split) if r]
    if not parts or (exact and len(parts) < len(split)):
        return None
    if len(parts) == 1:
        return parts[0]
    texts = list(dict.fromkeys(p.text for p in parts))
    return Role(
        text=" and ".join(texts),
        key=parts[0].key,
        keys=frozenset(k for p in parts for k in p.keys),
        kind=next((p.kind for p in parts if p.kind), None),
        former=all(p.former for p in parts),
    )


def role_of_verb(verb: str) -> Role | None:
    """The role a verb gives its subject ("who heads Sony" -> head); None for other verbs.

    >>> role_of_verb("chairs").key
    'chair'
    """
    title = _rules().verbs.get(verb.lower())
    return person_role(title) if title else None


def roles_exclude(a: Role | None, b: Role | None) -> bool:
    """Whether one person cannot hold both roles (a chief executive is no analyst);
    an unknown role excludes nothing, and a former role nothing current.

    >>> roles_exclude(person_role("CEO"), person_role("chairman"))
    False
    """
    if a is None or b is None or a.kind is None or b.kind is None or a.kind == b.kind:
        return False
    if a.former or b.former:
        return False
    return frozenset((a.kind, b.kind)) in _rules().excludes


def roles_exclude_text(pair: str) -> bool:
    """:func:`roles_exclude` on "role|role" (what ``roles.json``'s examples read)."""
    a, _, b = pair.partition("|")
    return roles_exclude(person_role(a), person_role(b))


def same_role(a: Role | None, b: Role | None) -> bool:
    """Two known roles that share a title ("CEO" and "chairman and chief executive").

    >>> same_role(person_role("CEO"), person_role("chairman and chief executive"))
    True
    """
    return a is not None and b is not None and bool(a.keys & b.keys)
