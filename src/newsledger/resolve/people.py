"""Who is who across articles: pure decisions the store applies to people.

The store looks up the people a newcomer may be (the same surname, or a surname a
letter away at the same organisation) and asks :func:`match_person` which one, if
any, the newcomer is. The decision is a table (:data:`LINK_RULES`) over three
relations between the two:

* names: the same full name; a short or fuller form of it ("Kaz"/"Kazuo", a middle
  initial); a spelling variant ("Kazou"/"Kazuo", "Waggoner"/"Wagoner"); a surname
  alone; or different;
* organisations: the same (by any spelling or an acronym of one), related (one
  name's words begin the other's: "Fed" and "US Federal Reserve", "Cairn" and
  "Cairn Energy"), different, or unknown on either side;
* roles (``normalize/roles.py``): the same title, roles one person cannot hold at
  once (a chief executive is no analyst), or neither;
* time: the same, unless both are dated and over :data:`SAME_TIME_DAYS` apart.

The same full name is one person unless something contradicts it: a different
organisation at the same time, or roles one person cannot hold. A shorter or
misspelled name needs the same organisation (or the same title). The store keeps
one organisation a person, the first it read, so "a different organisation" is
different from that one; undated articles (the BBC set) count as the same time, so
there a person who moved stays two entries rather than two namesakes becoming one.

>>> hirai = PersonCandidate(7, ("Kazuo Hirai",), "chief executive", ("Sony",))
>>> match_person(PersonFacts(("Kazou Hirai",), "CEO", ("Sony Corp",)), [hirai])
7
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from rapidfuzz.distance import OSA

from newsledger.models import Entity, Extraction
from newsledger.normalize.nicknames import formal_first_name
from newsledger.normalize.roles import person_role, roles_exclude, same_role
from newsledger.resolve.names import company_key, person_parts, spells_initials

# First names that differ by a typo ("Kazou"/"Kazuo") but only when long enough
# that a one-letter change does not turn one real name into another ("Tim"/"Tom").
MIN_FUZZY_FIRST_NAME = 5
MAX_FIRST_NAME_EDITS = 2
# Surnames a letter apart ("Waggoner"/"Wagoner") are one only this long: "Lee"/"Lea"
# and "Chan"/"Chen" are different families.
MIN_FUZZY_SURNAME = 6
MAX_SURNAME_EDITS = 1

# a one-word "organisation" that is only a generic word is none
GENERIC_ORG_WORDS = frozenset(
    ("group", "bank", "company", "firm", "corp", "corporation", "holdings", "inc", "plc", "ltd")
)
# roles whose "organisation", as read, says nothing of who holds them: an extractor
# reads a minister's portfolio or country as one ("Transport Commissioner Jacques
# Barrot", "Finance Minister ..."), so two of them never contradict
ORGLESS_KINDS = frozenset(("public_office",))

NameRelation = Literal["same", "shorter", "variant", "surname", "different"]
OrgRelation = Literal["same", "related", "different", "unknown"]
RoleRelation = Literal["same", "exclusive", "other"]
TimeRelation = Literal["same", "apart"]

# "a different organisation at the same time": two spans of news about a person
# closer than this are the same time. A year covers a report and its follow-ups; a
# chief executive seen at eBay in 2005 and at HP in 2012 moved (Meg Whitman), as
# did Louis Gallois from Airbus (2007) to its parent EADS (2008)
SAME_TIME_DAYS = 365


# --- names -------------------------------------------------------------------


def first_names_agree(a: str, b: str) -> bool:
    """ "Kaz"/"Kazuo" (prefix), "Kazou"/"Kazuo" (typo) and "Jim"/"James" (a familiar
    form, ``normalize/data/nicknames.json``) agree; "Tim"/"Tom" do not."""
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    if (formal_first_name(a) or a) == (formal_first_name(b) or b):
        return True
    if min(len(a), len(b)) < MIN_FUZZY_FIRST_NAME:
        return False
    return OSA.distance(a, b) <= MAX_FIRST_NAME_EDITS


def names_similar(a: str, b: str) -> bool:
    """Same surname, and first names agree when both are given.

    >>> names_similar("Kaz Hirai", "Kazuo Hirai"), names_similar("Hirai", "Kazou Hirai")
    (True, True)
    >>> names_similar("Osamu Suzuki", "Toshihiro Suzuki")
    False
    """
    pa, pb = person_parts(a), person_parts(b)
    if not pa or not pb or pa[-1] != pb[-1]:
        return False
    if len(pa) == 1 or len(pb) == 1 or _ends_with(pa, pb):
        return True
    return first_names_agree(pa[0], pb[0])


def _ends_with(pa: list[str], pb: list[str]) -> bool:
    """One full name ends the other: a two-word surname ("Baez Silva" of "Carlos Baez
    Silva", "De Vido" of "Julio De Vido") or a first initial dropped ("Lee Scott")."""
    short, long = sorted((pa, pb), key=len)
    return 1 < len(short) < len(long) and long[-len(short) :] == short


def surnames_close(a: str, b: str) -> bool:
    """The same surname, or one a letter away when both are long enough.

    >>> surnames_close("waggoner", "wagoner"), surnames_close("chan", "chen")
    (True, False)
    """
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_FUZZY_SURNAME:
        return False
    return OSA.distance(a, b) <= MAX_SURNAME_EDITS


def name_relation(a: str, b: str) -> NameRelation:
    """How two spellings of a name relate.

    >>> name_relation("Rick Wagoner", "Mr. Rick Wagoner"), name_relation("Kaz Hirai", "Kazuo Hirai")
    ('same', 'shorter')
    >>> name_relation("Kazou Hirai", "Kazuo Hirai"), name_relation("Rick Waggoner", "Rick Wagoner")
    ('variant', 'variant')
    >>> name_relation("Hirai", "Kazuo Hirai"), name_relation("Tim Cook", "Tom Cook")
    ('surname', 'different')
    """
    pa, pb = person_parts(a), person_parts(b)
    if not pa or not pb or not surnames_close(pa[-1], pb[-1]):
        return "different"
    if len(pa) == 1 or len(pb) == 1:
        return "surname" if pa[-1] == pb[-1] else "different"
    if not first_names_agree(pa[0], pb[0]) and not (pa[-1] == pb[-1] and _ends_with(pa, pb)):
        return "different"
    if pa[-1] != pb[-1]:
        return "variant" if pa[0] == pb[0] else "different"
    if pa == pb:
        return "same"
    if pa[0] == pb[0] or pa[0].startswith(pb[0]) or pb[0].startswith(pa[0]) or _ends_with(pa, pb):
        return "shorter"  # a short first name, a middle name ("George W Bush"), a surname
    return "variant"


_NAME_ORDER: tuple[NameRelation, ...] = ("same", "shorter", "variant", "surname", "different")


def _full_names(names: Sequence[str]) -> list[str]:
    return [n for n in names if len(person_parts(n)) > 1]


def best_name_relation(names_a: Sequence[str], names_b: Sequence[str]) -> NameRelation:
    """The closest relation between any spelling of one and any spelling of the other.

    Full names are compared when both have one: "Ann Wagoner" is not Rick Wagoner
    because he is also written "Wagoner".

    >>> best_name_relation(["Ann Wagoner"], ["Rick Wagoner", "Wagoner"])
    'different'
    """
    full_a, full_b = _full_names(names_a), _full_names(names_b)
    if full_a and full_b:
        names_a, names_b = full_a, full_b
    found = {name_relation(a, b) for a in names_a for b in names_b}
    return next(r for r in _NAME_ORDER if r in found or r == "different")


# --- organisations and roles -------------------------------------------------


def _acronym_of(short: str, name: str) -> bool:
    """ "GM" of General Motors, "BoE" of Bank of England, "MMC" of Marsh & McLennan
    Companies: an acronym with two capitals or more spelling the name's initials."""
    if " " in short or not 2 <= len(short) <= 5 or sum(c.isupper() for c in short) < 2:
        return False
    words = [w for w in re.split(r"[\s\-]+", name) if w[:1].isalpha()]
    return spells_initials(short, name) or short.lower() == "".join(w[0].lower() for w in words)


def _contains(a: str, b: str) -> bool:
    """Every word of the shorter name begins a word of the longer ("Cairn" / "Cairn
    Energy", "Fed" / "US Federal Reserve")."""
    wa, wb = company_key(a).split(), company_key(b).split()
    short, long = sorted((wa, wb), key=len)
    return bool(short) and all(
        any(x == w or (len(w) >= 3 and x.startswith(w)) for x in long) for w in short
    )


def _acronym_word(a: str, b: str) -> bool:
    """A word of one name is an acronym of the other ("RBS Financial Markets")."""
    return any(_acronym_of(w, b) for w in a.split()) or any(_acronym_of(w, a) for w in b.split())


def _org_pair(a: str, b: str) -> OrgRelation:
    ka, kb = company_key(a), company_key(b)
    if ka == kb or _acronym_of(a, b) or _acronym_of(b, a):
        return "same"
    return "related" if _contains(a, b) or _acronym_word(a, b) else "different"


def _org_name(name: str) -> bool:
    """Whether a spelling can name an organisation: "Group" or "Bank" alone is what
    an extractor keeps of "Menatep Group's" or "the Bank's", not a name."""
    key = company_key(name)
    return bool(key) and key not in GENERIC_ORG_WORDS


def org_relation(a: Sequence[str], b: Sequence[str]) -> OrgRelation:
    """Two organisations, each by all its known spellings; empty is unknown.

    "Related" names share their words ("Sony" and "Sony Ericsson", "Fed" and "US
    Federal Reserve"): not shown to be one, not shown to be two.

    >>> org_relation(["GM"], ["General Motors"]), org_relation(["Sony"], ["Panasonic"])
    ('same', 'different')
    >>> org_relation(["Cairn"], ["Cairn Energy"]), org_relation([], ["Sony"])
    ('related', 'unknown')
    """
    a = [n for n in a if _org_name(n)]
    b = [n for n in b if _org_name(n)]
    if not a or not b:
        return "unknown"
    found = {_org_pair(x, y) for x in a for y in b}
    order: tuple[OrgRelation, ...] = ("same", "related", "different")
    return next(r for r in order if r in found)


Seen = tuple[date, date]  # the first and last publication dates a person is named on


def time_relation(a: Seen | None, b: Seen | None) -> TimeRelation:
    """Two spans of news "at the same time" unless both are dated and more than
    :data:`SAME_TIME_DAYS` apart; an undated article may be from any time.

    >>> time_relation((date(2007, 2, 28), date(2007, 2, 28)), (date(2008, 2, 29),) * 2)
    'apart'
    >>> time_relation(None, (date(2008, 2, 29),) * 2)
    'same'
    """
    if a is None or b is None:
        return "same"
    gap = max(a[0], b[0]) - min(a[1], b[1])
    return "apart" if gap.days > SAME_TIME_DAYS else "same"


def role_relation(a: str | None, b: str | None) -> RoleRelation:
    """ "CEO" and "chief executive" are the same; a chief executive and an analyst exclude.

    >>> role_relation("as new chief executive", "CEO"), role_relation("CEO", "analyst")
    ('same', 'exclusive')
    """
    ra, rb = person_role(a), person_role(b)
    if same_role(ra, rb):
        return "same"
    return "exclusive" if roles_exclude(ra, rb) else "other"


# --- the decision --------------------------------------------------------------


@dataclass(frozen=True)
class LinkRule:
    """One row of the decision table: when it applies, and whether the two are one."""

    id: str
    names: frozenset[NameRelation]
    orgs: frozenset[OrgRelation]
    roles: frozenset[RoleRelation]
    link: bool
    why: str
    times: frozenset[TimeRelation] = frozenset(("same", "apart"))


_ANY_NAME: frozenset[NameRelation] = frozenset(_NAME_ORDER)
_ANY_ORG: frozenset[OrgRelation] = frozenset(("same", "related", "different", "unknown"))
_ANY_ROLE: frozenset[RoleRelation] = frozenset(("same", "exclusive", "other"))

# First row that applies decides; no row: two people.
LINK_RULES: tuple[LinkRule, ...] = (
    LinkRule(
        "other_org", _ANY_NAME, frozenset({"different"}), _ANY_ROLE, False,
        "a different organisation at the same time: two people (two Suzukis)",
        times=frozenset({"same"}),
    ),
    LinkRule(
        "roles_exclude", _ANY_NAME, _ANY_ORG, frozenset({"exclusive"}), False,
        "roles one person cannot hold at once (a chief executive is no analyst)",
    ),
    LinkRule(
        "same_full_name", frozenset({"same"}), frozenset({"same", "related", "unknown"}),
        _ANY_ROLE, True,
        "the same full name and nothing against it",
    ),
    LinkRule(
        "same_full_name_moved", frozenset({"same"}), frozenset({"different"}), _ANY_ROLE, True,
        "the same full name at another organisation over a year apart: a move",
        times=frozenset({"apart"}),
    ),
    LinkRule(
        "shorter_same_org", frozenset({"shorter"}), frozenset({"same"}), _ANY_ROLE, True,
        "a short first name at the same organisation (Kaz Hirai, Sony)",
    ),
    LinkRule(
        "shorter_same_role", frozenset({"shorter"}), frozenset({"unknown"}),
        frozenset({"same"}), True,
        "a short first name with the same title, organisation unknown",
    ),
    LinkRule(
        "variant_same_org", frozenset({"variant"}), frozenset({"same"}), _ANY_ROLE, True,
        "a spelling variant at the same organisation (Waggoner/Wagoner at GM)",
    ),
    LinkRule(
        "variant_same_role", frozenset({"variant"}), frozenset({"unknown"}),
        frozenset({"same"}), True,
        "a first name misspelled, the same title, organisation unknown (Elliot/Eliot Spitzer)",
    ),
    LinkRule(
        "surname_same_org", frozenset({"surname"}), frozenset({"same"}), _ANY_ROLE, True,
        "a surname alone at the same organisation",
    ),
)  # fmt: skip


@dataclass(frozen=True)
class PersonFacts:
    """A person as one article gives them: every spelling, role, organisation's names."""

    names: tuple[str, ...]
    role: str | None = None
    org_names: tuple[str, ...] = ()
    seen: Seen | None = None  # the article's date (twice); None when undated


@dataclass(frozen=True)
class PersonCandidate:
    """A stored person the newcomer may be."""

    id: int
    names: tuple[str, ...]  # canonical name first, then every alias
    role: str | None
    org_names: tuple[str, ...]  # the organisation's spellings; empty when unknown
    mentions: int = 0  # how often the ledger has named them
    seen: Seen | None = None  # first and last dated article; None when none is dated


@dataclass(frozen=True)
class LinkDecision:
    link: bool
    rule: str | None  # the row that decided; None when none applied
    names: NameRelation
    orgs: OrgRelation
    roles: RoleRelation
    times: TimeRelation


def decide_link(new: PersonFacts, cand: PersonCandidate) -> LinkDecision:
    """Whether ``new`` is ``cand``, and which row of :data:`LINK_RULES` says so."""
    names = best_name_relation(new.names, cand.names)
    orgs = org_relation(new.org_names, cand.org_names)
    roles = role_relation(new.role, cand.role)
    if orgs == "different" and _orgless(new.role, cand.role):
        orgs = "unknown"
    times = time_relation(new.seen, cand.seen)
    for rule in LINK_RULES:
        fits = (names in rule.names, orgs in rule.orgs, roles in rule.roles, times in rule.times)
        if all(fits):
            return LinkDecision(rule.link, rule.id, names, orgs, roles, times)
    return LinkDecision(False, None, names, orgs, roles, times)


def _orgless(*roles: str | None) -> bool:
    return any((r := person_role(role)) is not None and r.kind in ORGLESS_KINDS for role in roles)


def _strength(d: LinkDecision) -> tuple[int, int, int]:
    return (
        _NAME_ORDER.index("different") - _NAME_ORDER.index(d.names),
        int(d.orgs == "same"),
        int(d.roles == "same"),
    )


def match_person(new: PersonFacts, candidates: Sequence[PersonCandidate]) -> int | None:
    """The id of the stored person ``new`` is, or None for a new person.

    Of several that fit, the one with the closest name, then the same organisation,
    then the same role. Two that fit equally well (one full name at two
    organisations, the newcomer's unknown) are most likely one person split by an
    organisation misread: the newcomer joins the one named most often.
    """
    fits = [(_strength(d), c) for d, c in ((decide_link(new, c), c) for c in candidates) if d.link]
    if not fits:
        return None
    return max(fits, key=lambda f: (f[0], f[1].mentions, -f[1].id))[1].id


def canonical_name(spellings: Mapping[str, int]) -> str:
    """The fullest spelling: most words; a first name over its short form ("Kazuo"
    over "Kaz"); then the most used ("Wagoner" three times over "Waggoner" once).

    >>> canonical_name({"Hirai": 5, "Kaz Hirai": 3, "Kazuo Hirai": 2})
    'Kazuo Hirai'
    >>> canonical_name({"Rick Waggoner": 1, "Rick Wagoner": 3})
    'Rick Wagoner'
    """
    if not spellings:
        raise ValueError("canonical_name needs at least one spelling")
    most = max(len(person_parts(n) or n.split()) for n in spellings)
    full = [n for n in spellings if len(person_parts(n) or n.split()) == most]
    fuller = [n for n in full if not any(_shortens(n, m) for m in full)]
    return max(fuller or full, key=lambda n: (spellings[n], len(n), n))


def _shortens(short: str, full: str) -> bool:
    """ "Kaz Hirai" shortens "Kazuo Hirai": a strict prefix of its first name."""
    ps, pf = person_parts(short), person_parts(full)
    return (
        len(ps) > 1
        and len(pf) > 1
        and ps[1:] == pf[1:]
        and ps[0] != pf[0]
        and pf[0].startswith(ps[0])
    )


# --- what one article says of a person ------------------------------------------


@dataclass(frozen=True)
class PersonContext:
    role: str | None
    org: str | None


def person_context(entity: Entity, extraction: Extraction) -> PersonContext:
    """Role and organisation of a person, from the entity or the facts about them.

    Quotes ("said Kazuo Hirai, Sony's chief executive") and leadership events
    often carry what the entity itself lacks.
    """
    names = {entity.name, *entity.aliases}
    role, org = entity.role, entity.org
    for quote in extraction.quotes:
        if quote.speaker and any(names_similar(quote.speaker, n) for n in names):
            role, org = role or quote.speaker_role, org or quote.org
    for event in extraction.events:
        person = getattr(event.args, "person", None)
        if person and any(names_similar(person, n) for n in names):
            role = role or getattr(event.args, "role", None)
            org = org or event.company
    return PersonContext(role, org)
