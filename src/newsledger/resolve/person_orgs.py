"""A person's organisation and role, read from the words around their name.

Extraction reads a title right before or after a name ("Sony CEO Kaz Hirai",
"Börje Ekholm, chief executive of Ericsson"). What it leaves, this reads from the
article's text and the offsets of its company mentions; no spaCy:

* an organisation and a role before the name: "Sony's chief executive, Kazuo
  Hirai", "GM chairman and chief executive Rick Wagoner", "GM's Rick Wagoner",
  "the chief executive of Sony, Kazuo Hirai";
* after it: "Hirai, who heads Sony", "Herbert Hainer, Adidas CEO",
  "Theresa Gattung, chief executive of Telecom";
* a company title and no organisation ("as new chief executive Kazuo Hirai",
  "Chief executive Tim Cook said", "the carmaker's chief executive Helmut Panke"):
  the company the article is about, when it has one. The company named last
  before the name is no guide ("BMW would seek compensation from Bosch, the
  carmaker's chief executive Helmut Panke said").

The words between a name and its organisation must all belong to the role
(``normalize.roles.person_role`` with ``exact``): "Sony said on Monday that
analyst Ann Lee" gives Ann Lee no organisation. Only what extraction left empty
is filled.

>>> from newsledger.models import Article, Entity, Evidence
>>> text = "Kazuo Hirai, who heads Sony, spoke."
>>> sony = Entity("c", "company", "Sony", mentions=(Evidence("a", 23, 27, "Sony"),))
>>> hirai = Entity("p", "person", "Kazuo Hirai", mentions=(Evidence("a", 0, 11, "Kazuo Hirai"),))
>>> x = read_people(Extraction(Article("a", text), entities=(sony, hirai)))
>>> [(e.role, e.org) for e in x.entities if e.type == "person"]
[('head', 'Sony')]
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsledger.models import Entity, Extraction
from newsledger.normalize.orgs import org_type
from newsledger.normalize.roles import Role, person_role, role_of_verb

# how far apart a name and its organisation may be read, in characters
# ("GM chairman and chief executive Rick Wagoner": 33)
MAX_GAP = 60
# words after an organisation that may be a title ("Peoplesoft's director of ...")
MAX_TITLE_WORDS = 5
# a company named this often, and in this share of the mentions of companies, is what
# the article is about. Below half, a bare "chief executive" was another company's as
# often as not on the dev sets (Euronext's chief in a story about the LSE bid)
MIN_MAIN_MENTIONS = 2
MAIN_SHARE = 0.5
# role kinds whose holder works for a company: a bare "chief executive" is the
# article's company's; a bare "analyst" or "minister" is nobody's we know
COMPANY_KINDS = frozenset(("executive", "spokesperson"))

_POSSESSIVE = re.compile(r"^(?:'s|’s|')")
_APPOSITION = re.compile(r"^\s*,\s+(?:the\s+|its\s+|a\s+|an\s+)?")
_ROLE_THEN_ORG = re.compile(
    r"^\s*,\s+(?P<role>[^,.;:()\"“”]{2,50}?)\s+(?:of|at|for|with|to)\s+(?:the\s+)?$"
)
_WHO_VERB = re.compile(
    r"^\s*,\s+who\s+(?:now\s+|also\s+|currently\s+)?(?P<verb>[\w-]+)\s+(?:the\s+)?$"
)
_WORD = re.compile(r"[^\s,.;:()\"“”]+")
# a sentence or clause ends between the name and the organisation: they are not read together
_BREAK = re.compile(r"[.!?;:]\s|\n|[()\"“”]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    name: str  # the company's name as the article's entity spells it


@dataclass(frozen=True)
class Found:
    role: Role | None
    org: str | None


def _companies(entities: Sequence[Entity]) -> list[Span]:
    spans = [
        Span(m.start, m.end, e.name)
        for e in entities
        if e.type == "company"
        for m in e.mentions
        if m.end > m.start
    ]
    return sorted(spans, key=lambda s: s.start)


def _role_words_after(text: str) -> Role | None:
    """The longest run of leading words that is a role ("CEO, said" -> CEO)."""
    words = _WORD.findall(text[:80].split(",")[0])[:MAX_TITLE_WORDS]
    for n in range(len(words), 0, -1):
        role = person_role(" ".join(words[:n]), exact=True)
        if role is not None:
            return role
    return None


def _role_words_before(text: str) -> Role | None:
    """The longest run of trailing words that is a role ("... the chief executive of")."""
    words = _WORD.findall(text)[-(MAX_TITLE_WORDS + 1) :]
    if not words or words[-1].lower() not in ("of", "at", "for"):
        return None
    words = words[:-1]
    for n in range(len(words), 0, -1):
        role = person_role(" ".join(words[-n:]), exact=True)
        if role is not None:
            return role
    return None


def _before(text: str, start: int, org: Span) -> Found | None:
    """An organisation named before the name, with the words between a role or nothing."""
    gap = text[org.end : start]
    if _BREAK.search(gap):
        return None
    possessive = bool(_POSSESSIVE.match(gap))
    words = _POSSESSIVE.sub("", gap).strip().rstrip(",").strip()
    if not words:
        if possessive:  # "GM's Rick Wagoner"
            return Found(None, org.name)
        if gap.strip() == ",":  # "the chief executive of Sony, Kazuo Hirai"
            role = _role_words_before(text[max(0, org.start - 80) : org.start])
            return Found(role, org.name) if role else None
        return None
    role = person_role(words, exact=True)
    return Found(role, org.name) if role else None


def _after(text: str, end: int, org: Span) -> Found | None:
    """An organisation named after the name: an apposition or a relative clause."""
    gap = text[end : org.start]
    if _BREAK.search(gap):
        return None
    who = _WHO_VERB.match(gap)
    if who:  # "Hirai, who heads Sony"
        role = role_of_verb(who.group("verb"))
        return Found(role, org.name) if role else None
    titled = _ROLE_THEN_ORG.match(gap)
    if titled:  # "Theresa Gattung, chief executive of Telecom"
        role = person_role(titled.group("role"), exact=True)
        return Found(role, org.name) if role else None
    if _APPOSITION.fullmatch(gap):  # "Herbert Hainer, Adidas CEO," / "X, Sony's chief"
        rest = _POSSESSIVE.sub("", text[org.end : org.end + 80]).strip()
        role = _role_words_after(rest)
        return Found(role, org.name) if role else None
    return None


@dataclass(frozen=True)
class _Nearby:
    """The company mentions in order of start, looked up near an offset by bisection:
    a walk over all of them per mention of a person was quadratic on 200 kB (issue 11)."""

    spans: Sequence[Span]
    starts: list[int]
    longest: int

    @classmethod
    def of(cls, spans: Sequence[Span]) -> _Nearby:
        longest = max((s.end - s.start for s in spans), default=0)
        return cls(spans, [s.start for s in spans], longest)

    def last_before(self, start: int) -> Span | None:
        """The last (by start) mention ending at most MAX_GAP before ``start``."""
        lo = bisect_left(self.starts, start - MAX_GAP - self.longest)
        hi = bisect_right(self.starts, start)
        before = [c for c in self.spans[lo:hi] if c.end <= start and start - c.end <= MAX_GAP]
        return before[-1] if before else None

    def first_after(self, end: int) -> Span | None:
        """The first mention starting at most MAX_GAP after ``end``."""
        i = bisect_left(self.starts, end)
        found = self.spans[i] if i < len(self.spans) else None
        return found if found is not None and found.start - end <= MAX_GAP else None


def _near(text: str, start: int, end: int, companies: _Nearby) -> Found | None:
    """What the words right around one mention say."""
    before = companies.last_before(start)
    if before:
        found = _before(text, start, before)
        if found:
            return found
    after = companies.first_after(end)
    return _after(text, end, after) if after else None


def main_company(companies: Sequence[Span]) -> str | None:
    """The company the article is about: named at least twice and in at least half
    of the mentions of companies, or the only one named."""
    counts = Counter(c.name for c in companies if org_type(c.name) == "company")
    ranked = counts.most_common(1)
    if not ranked:
        return None
    name, count = ranked[0]
    if len(counts) == 1:
        return name
    if count < MIN_MAIN_MENTIONS or count < MAIN_SHARE * sum(counts.values()):
        return None
    return name


def _read_person(text: str, person: Entity, companies: _Nearby, main: str | None) -> Entity:
    role = person_role(person.role) if person.role else None
    org = person.org
    found_role: Role | None = None
    mentions = [m for m in person.mentions if m.end > m.start]
    for m in mentions:
        found = _near(text, m.start, m.end, companies)
        if found is None:
            continue
        org = org or found.org
        found_role = found_role or found.role
        if org and (role or found_role):
            break
    role = role or found_role
    if org is None and role is not None and role.kind in COMPANY_KINDS and mentions:
        org = main
    new_role = person.role or (found_role.text if found_role else None)
    if (new_role, org) == (person.role, person.org):
        return person
    return dataclasses.replace(person, role=new_role, org=org)


def read_people(extraction: Extraction) -> Extraction:
    """Fill in each person's organisation and role from the words around them."""
    text = extraction.article.text
    companies = _companies(extraction.entities)
    main = main_company(companies)
    nearby = _Nearby.of(companies)
    entities = tuple(
        _read_person(text, e, nearby, main) if e.type == "person" else e
        for e in extraction.entities
    )
    return dataclasses.replace(extraction, entities=entities)
