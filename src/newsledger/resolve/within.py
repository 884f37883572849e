"""Resolution inside one article: one entity for every spelling, speakers by canonical name.

Pure: reads an :class:`Extraction`, returns a new one; no spaCy.

* People whose names agree (same surname; first names equal, a prefix of one
  another, or one typo apart: "Kaz Hirai", "Kazou Hirai", "Hirai") become one
  person, unless both carry organisations that differ (two Suzukis at two
  companies stay two). A surname alone joins a full name only when exactly one
  full name fits.
* A person's role and organisation are the ones most often given; the
  organisation is spelled as the article's company entity is. What extraction
  left empty is read from the words around the name (``person_orgs.py``).
* An acronym that spells the initials of exactly one company named in the article
  ("BA" beside "British Airways") is an alias of it: one entity, and events and
  company speakers given under the acronym take the full name.
* Each quote's speaker becomes the canonical name of its entity, with the
  person's role and organisation filled in.

>>> from newsledger.models import Article, Entity
>>> a = Entity("1", "person", "Kaz Hirai", role="CEO", org="Sony")
>>> b = Entity("2", "person", "Hirai")
>>> x = resolve_article(Extraction(Article("x", "..."), entities=(a, b)))
>>> [(e.name, e.aliases) for e in x.entities]
[('Kaz Hirai', ('Hirai',))]
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

from newsledger.models import Entity, Event, Extraction, Quote
from newsledger.resolve.dating import date_events
from newsledger.resolve.names import (
    company_key,
    is_acronym,
    person_key,
    person_parts,
    spells_initials,
)
from newsledger.resolve.people import names_similar
from newsledger.resolve.person_orgs import read_people


def resolve_article(extraction: Extraction) -> Extraction:
    """Merge the article's spellings of one person and point quotes at the result."""
    companies, spelled = merge_acronyms([e for e in extraction.entities if e.type == "company"])
    companies, described = fold_descriptors(companies)
    spelled.update(described)
    companies, run_on = fold_run_ons(companies, headline_end(extraction.article.text))
    spelled.update(run_on)
    org_names = {company_key(c.name): c.name for c in companies}
    for acronym, full in spelled.items():
        org_names[company_key(acronym)] = full
    people = _merge_people([e for e in extraction.entities if e.type == "person"], org_names)
    others = [e for e in extraction.entities if e.type not in ("person", "company")]
    entities = sorted([*companies, *others, *people], key=_first_offset)
    entities = list(read_people(dataclasses.replace(extraction, entities=tuple(entities))).entities)
    lookup = _lookup(entities)
    quotes = tuple(_resolve_quote(q, lookup, org_names) for q in extraction.quotes)
    events = _spell_out(extraction.events, spelled)
    events = tuple(_as_named(e, [c.name for c in companies]) for e in events)
    events = date_events(events, extraction.article.published)
    return dataclasses.replace(extraction, entities=tuple(entities), quotes=quotes, events=events)


def merge_acronyms(companies: list[Entity]) -> tuple[list[Entity], dict[str, str]]:
    """Fold each acronym company into the one company whose initials it spells.

    Returns the companies and a map from each folded acronym to the full name.

    >>> ba, full = Entity("1", "company", "BA"), Entity("2", "company", "British Airways")
    >>> merged, spelled = merge_acronyms([ba, full])
    >>> [(e.name, e.aliases) for e in merged], spelled
    ([('British Airways', ('BA',))], {'BA': 'British Airways'})
    """
    spelled: dict[str, str] = {}
    folded: dict[str, list[Entity]] = {}
    for short in (c for c in companies if is_acronym(c.name)):
        fits = [c for c in companies if c is not short and spells_initials(short.name, c.name)]
        if len(fits) == 1 and not is_acronym(fits[0].name):
            spelled[short.name] = fits[0].name
            folded.setdefault(fits[0].id, []).append(short)
    return _absorb(companies, spelled, folded), spelled


# endings of a nationality or region word before a name ("Icelandic", "Brazilian",
# "Japanese", "Danish", "Saudi", "European"): it describes the company, is no part of it
_DEMONYM_ENDINGS = ("ic", "ian", "ean", "ese", "ish", "i", "an")


def fold_descriptors(companies: list[Entity]) -> tuple[list[Entity], dict[str, str]]:
    """Fold "Icelandic Kaupthing Bank" into "Kaupthing Bank" when the article names
    that company on its own too; a headline's tagger often keeps the descriptor.

    >>> a = Entity("1", "company", "Icelandic Halden Bank")
    >>> merged, spelled = fold_descriptors([a, Entity("2", "company", "Halden Bank")])
    >>> [(e.name, e.aliases) for e in merged], spelled
    ([('Halden Bank', ('Icelandic Halden Bank',))], {'Icelandic Halden Bank': 'Halden Bank'})
    >>> len(fold_descriptors([Entity("1", "company", "British Airways"),
    ...                       Entity("2", "company", "Airways")])[0])
    2
    >>> len(fold_descriptors([Entity("1", "company", "Brightwell Motors"),
    ...                       Entity("2", "company", "Motors")])[0])
    2
    """
    by_name = {c.name: c for c in companies}
    spelled: dict[str, str] = {}
    folded: dict[str, list[Entity]] = {}
    for company in companies:
        first, _, rest = company.name.partition(" ")
        target = by_name.get(rest)
        if target is None or target is company or not first.lower().endswith(_DEMONYM_ENDINGS):
            continue
        # a one-word rest ("Airways" beside "British Airways") must stand on its own twice
        if not first[:1].isupper() or (" " not in rest and len(target.mentions) < 2):
            continue
        spelled[company.name] = target.name
        folded.setdefault(target.id, []).append(company)
    return _absorb(companies, spelled, folded), spelled


# words a tagger may run on after a name in a title-case headline ("Brightwell Reports
# Fourth Quarter Results", "Halden to Cut 500 Jobs"): at least this many
RUN_ON_WORDS = 2


def headline_end(text: str) -> int:
    """Where a headline ends: a first line with a blank line after it; 0 when none."""
    end = text.find("\n\n")
    return end if 0 < end <= HEADLINE_MAX_CHARS and "\n" not in text[:end] else 0


HEADLINE_MAX_CHARS = 300


def fold_run_ons(
    companies: list[Entity], headline_ends: int
) -> tuple[list[Entity], dict[str, str]]:
    """Fold a title-case headline's run-on "Brightwell Reports Fourth Quarter Results"
    into "Brightwell Inc." named in the body: a name found only in the headline (before
    ``headline_ends``) whose first words are the other's own words (without its legal
    form), with two or more words run on after them.

    >>> from newsledger.models import Evidence
    >>> a = Entity("1", "company", "Brightwell Reports Fourth Quarter Results",
    ...            mentions=(Evidence("x", 0, 41, "Brightwell Reports Fourth Quarter Results"),))
    >>> merged, spelled = fold_run_ons([a, Entity("2", "company", "Brightwell Inc.")], 41)
    >>> spelled
    {'Brightwell Reports Fourth Quarter Results': 'Brightwell Inc.'}
    >>> fold_run_ons([a, Entity("2", "company", "Brightwell Inc.")], 0)[1]
    {}
    """
    keys = {c.name: company_key(c.name).split() for c in companies}
    spelled: dict[str, str] = {}
    folded: dict[str, list[Entity]] = {}
    for company in companies:
        if not company.mentions or any(m.start >= headline_ends for m in company.mentions):
            continue  # named in the body too: a name of its own
        words = keys[company.name]  # without the legal form: "Ford Motor Company" runs on 1
        fits = [
            c
            for c in companies
            if c is not company
            and keys[c.name]
            and len(words) - len(keys[c.name]) >= RUN_ON_WORDS
            and words[: len(keys[c.name])] == keys[c.name]
        ]
        if len(fits) == 1 and fits[0].name not in spelled:
            spelled[company.name] = fits[0].name
            folded.setdefault(fits[0].id, []).append(company)
    return _absorb(companies, spelled, folded), spelled


def _absorb(
    companies: list[Entity], spelled: dict[str, str], folded: dict[str, list[Entity]]
) -> list[Entity]:
    """The companies with each folded one's names and mentions moved into its target."""
    out: list[Entity] = []
    for company in companies:
        if company.name in spelled:
            continue
        extra = folded.get(company.id, [])
        if extra:
            names = {*company.aliases, *(n for e in extra for n in _names(e))}
            mentions = [*company.mentions, *(m for e in extra for m in e.mentions)]
            company = dataclasses.replace(
                company,
                aliases=tuple(sorted(names - {company.name})),
                mentions=tuple(sorted(mentions, key=lambda m: m.start)),
            )
        out.append(company)
    return out


def _spell_out(events: Iterable[Event], spelled: dict[str, str]) -> tuple[Event, ...]:
    return tuple(
        dataclasses.replace(e, company=spelled[e.company]) if e.company in spelled else e
        for e in events
    )


def company_named(written: str, names: Iterable[str]) -> str | None:
    """The article's company that an event's company words end with after one more
    word, if one does: a one-word descriptor before the name is not part of it.

    >>> company_named("Carmaker Brightwell Motors", ["Brightwell Motors", "Motors"])
    'Brightwell Motors'
    >>> company_named("Brightwell Motors", ["Brightwell Motors"]) is None
    True
    >>> company_named("Daily and Sunday Courier", ["Courier"]) is None
    True
    """
    words = written.split()
    fits = [n for n in names if len(n.split()) == len(words) - 1 and words[1:] == n.split()]
    return max(fits, key=len) if fits else None


def _as_named(event: Event, names: list[str]) -> Event:
    if event.company is None or event.company in names:
        return event
    named = company_named(event.company, names)
    return dataclasses.replace(event, company=named) if named else event


def _first_offset(entity: Entity) -> int:
    return entity.mentions[0].start if entity.mentions else 0


def _names(entity: Entity) -> tuple[str, ...]:
    return (entity.name, *entity.aliases)


def _orgs_clash(a: Iterable[Entity], b: Entity) -> bool:
    keys = {company_key(e.org) for e in a if e.org}
    return bool(keys) and b.org is not None and company_key(b.org) not in keys


def _fits(cluster: list[Entity], person: Entity) -> bool:
    return not _orgs_clash(cluster, person) and any(
        names_similar(n, m) for n in _names(person) for e in cluster for m in _names(e)
    )


def _merge_people(people: list[Entity], org_names: dict[str, str]) -> list[Entity]:
    """Cluster spellings of one person: full names first, then lone surnames."""
    full = [p for p in people if len(person_parts(p.name)) > 1]
    single = [p for p in people if len(person_parts(p.name)) <= 1]
    clusters: list[list[Entity]] = []
    # surname -> the clusters holding it, in order: names_similar needs the same surname,
    # so only these can fit (every cluster against every name took 2 s on 200 kB)
    by_surname: dict[str, list[int]] = {}

    def homes(person: Entity) -> list[int]:
        near = {i for key in _surnames(person) for i in by_surname.get(key, ())}
        return [i for i in sorted(near) if _fits(clusters[i], person)]

    def join(person: Entity, found: list[int]) -> None:
        if found:
            clusters[found[0]].append(person)
        else:
            clusters.append([person])
        for key in _surnames(person):
            by_surname.setdefault(key, []).append(found[0] if found else len(clusters) - 1)

    for person in sorted(full, key=_first_offset):
        join(person, homes(person)[:1])
    for person in single:
        found = homes(person)
        join(person, found if len(found) == 1 else [])
    return [_combine(c, org_names) for c in clusters]


def _surnames(person: Entity) -> set[str]:
    return {person_key(name) for name in _names(person)} - {""}


def _combine(cluster: list[Entity], org_names: dict[str, str]) -> Entity:
    """One person from several spellings: the fullest, most-mentioned name leads."""
    spellings: Counter[str] = Counter()
    for e in cluster:
        spellings[e.name] += max(1, len(e.mentions))
        for alias in e.aliases:
            spellings[alias] += 1
    name = max(spellings, key=lambda n: (len(person_parts(n)), spellings[n], len(n)))
    roles = Counter(e.role for e in cluster for _ in range(max(1, len(e.mentions))) if e.role)
    orgs = Counter(e.org for e in cluster for _ in range(max(1, len(e.mentions))) if e.org)
    org = orgs.most_common(1)[0][0] if orgs else None
    if org is not None:
        org = org_names.get(company_key(org), org)
    first = min(cluster, key=_first_offset)
    return dataclasses.replace(
        first,
        name=name,
        aliases=tuple(sorted(n for n in spellings if n != name)),
        role=roles.most_common(1)[0][0] if roles else None,
        org=org,
        mentions=tuple(sorted((m for e in cluster for m in e.mentions), key=lambda m: m.start)),
    )


def _lookup(entities: list[Entity]) -> dict[tuple[str, str], Entity]:
    """(type, lower-case spelling) -> entity, for people and companies."""
    out: dict[tuple[str, str], Entity] = {}
    for entity in entities:
        kind = "company" if entity.type == "company" else entity.type
        for name in _names(entity):
            key = company_key(name) if kind == "company" else name.lower()
            out.setdefault((kind, key), entity)
    return out


def _resolve_quote(
    quote: Quote, lookup: dict[tuple[str, str], Entity], org_names: dict[str, str]
) -> Quote:
    if quote.speaker is None:
        return quote
    if quote.speaker_type == "company":
        entity = lookup.get(("company", company_key(quote.speaker)))
        return dataclasses.replace(quote, speaker=entity.name) if entity else quote
    entity = lookup.get(("person", quote.speaker.lower()))
    if entity is None:
        return quote
    org = quote.org or entity.org
    return dataclasses.replace(
        quote,
        speaker=entity.name,
        speaker_type="person",
        speaker_role=quote.speaker_role or entity.role,
        org=org_names.get(company_key(org), org) if org else None,
    )
