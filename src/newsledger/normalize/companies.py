"""One company under its many names, and who owns whom, as the text says it.

Three rule files, each entry with examples (``data/legal_forms.json``,
``data/company_variants.json``, ``data/company_relations.json``). Pure: strings in,
strings or small frozen values out; the store keys and links companies with them.

>>> strip_legal_form("Bayer Aktiengesellschaft"), strip_legal_form("Bayer")
('Bayer', None)
>>> variant_base("Ford Motor Company"), variant_base("General Motors")
('Ford', None)
>>> text = "Google parent Alphabet"
>>> relation_between(text, (0, 6), (14, 22))
Relation(parent='Alphabet', child='Google', rule='parent_word')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsledger.normalize._data import alternation, entries
from newsledger.normalize.money import currency_for_country, currency_for_nationality

# "Alphabet's Google": the words between two names that say ownership are short; a
# longer gap is a sentence about two companies, not a name and its owner.
MAX_RELATION_GAP = 60
_AFTER_WORD = re.compile(r"^[\s,]*([\w-]+)")


@cache
def _legal_form_pattern() -> re.Pattern[str]:
    forms = [form for entry in entries("legal_forms") for form in entry["forms"]]
    # each form after a space (a comma may stand before it), its closing dot optional,
    # as many as end the name ("Acme Holdings Co. Ltd")
    return re.compile(rf"(?:,?\s+(?:{alternation(forms)})\.?)+$", re.IGNORECASE)


def strip_legal_form(name: str) -> str | None:
    """``name`` without the legal forms that end it; None when it ends in none.

    >>> strip_legal_form("Henkel AG & Co. KGaA"), strip_legal_form("Sony Corp.")
    ('Henkel', 'Sony')
    """
    base = _legal_form_pattern().sub("", name).strip(" ,")
    return base if base and base != name.strip() else None


def without_legal_form(name: str) -> str:
    """``name`` without its legal forms, or as it is when it has none.

    >>> without_legal_form("Dexia SA"), without_legal_form("Dexia")
    ('Dexia', 'Dexia')
    """
    return strip_legal_form(name) or name


@dataclass(frozen=True)
class _Variants:
    descriptors: re.Pattern[str]
    not_alone: frozenset[str]
    own: frozenset[str]


@cache
def _variants() -> _Variants:
    words: list[str] = []
    not_alone: set[str] = set()
    own: set[str] = set()
    for entry in entries("company_variants"):
        if entry["kind"] == "descriptor":
            words.extend(entry["words"])
        elif entry["kind"] == "not_alone":
            not_alone.update(w.lower() for w in entry["words"])
        elif entry["kind"] == "own_company":
            own.update(n.lower() for n in entry["names"])
        else:
            raise ValueError(f"company_variants.json: {entry['id']!r} has an unknown kind")
    pattern = re.compile(rf"^(.+?)\s+(?:{alternation(words)})$", re.IGNORECASE)
    return _Variants(pattern, frozenset(not_alone), frozenset(own))


def _stands_alone(name: str) -> bool:
    lowered = name.lower()
    if lowered in _variants().not_alone:
        return False
    return currency_for_country(name) is None and currency_for_nationality(name) is None


def variant_base(name: str) -> str | None:
    """The company's own name when ``name`` is it plus a word of its trade ("Ford
    Motor", "Starbucks Coffee"); None when no such word ends it or what is left
    cannot stand alone ("General Motors", "Japan Airlines").

    >>> variant_base("Toyota Motor Corp"), variant_base("Starbucks")
    ('Toyota', None)
    """
    whole = without_legal_form(name).strip()
    found = _variants().descriptors.match(whole)
    if found is None or whole.lower() in _variants().own:
        return None
    base = found.group(1).strip(" ,")
    return base if _stands_alone(base) else None


# --- who owns whom -----------------------------------------------------------------


@dataclass(frozen=True)
class Relation:
    """One company named as the owner of another, and the rule that read it."""

    parent: str
    child: str
    rule: str


@dataclass(frozen=True)
class _RelationRule:
    id: str
    parent_first: bool
    between: re.Pattern[str]
    not_after: frozenset[str]


@cache
def _relation_rules() -> tuple[_RelationRule, ...]:
    rules = []
    for entry in entries("company_relations"):
        if entry["order"] not in ("parent_first", "child_first"):
            raise ValueError(f"company_relations.json: {entry['id']!r} has an unknown order")
        rules.append(
            _RelationRule(
                entry["id"],
                entry["order"] == "parent_first",
                re.compile(entry["between"], re.IGNORECASE),
                frozenset(w.lower() for w in entry["not_after"]),
            )
        )
    return tuple(rules)


def relation_between(text: str, first: tuple[int, int], second: tuple[int, int]) -> Relation | None:
    """The ownership the words between two names state, the names being
    ``text[first[0]:first[1]]`` and then ``text[second[0]:second[1]]``; None for none.

    >>> text = "Alphabet's Google said"
    >>> relation_between(text, (0, 8), (11, 17)).parent
    'Alphabet'
    """
    gap = text[first[1] : second[0]]
    if first[1] > second[0] or len(gap) > MAX_RELATION_GAP or "\n" in gap:
        return None
    after = _AFTER_WORD.match(text[second[1] :])
    next_word = after.group(1).lower() if after else ""
    a, b = text[first[0] : first[1]], text[second[0] : second[1]]
    for rule in _relation_rules():
        if rule.between.fullmatch(gap) and next_word not in rule.not_after:
            parent, child = (a, b) if rule.parent_first else (b, a)
            return Relation(parent, child, rule.id)
    return None


__all__ = [
    "MAX_RELATION_GAP",
    "Relation",
    "relation_between",
    "strip_legal_form",
    "variant_base",
    "without_legal_form",
]
