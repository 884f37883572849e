"""Companies, people, places and products named in an article (first pass).

Groups spaCy's named-entity spans by a normalized key so that "Sony",
"Sony Corp." and "Sony's" are one company and "Hirai" joins "Kaz Hirai".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from newsledger.models import Article, Entity, EntityType, Evidence
from newsledger.resolve.names import clean_name, company_key, strip_company_suffix

LABEL_TYPES: dict[str, EntityType] = {
    "ORG": "company",
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "PRODUCT": "product",
}


def entity_id(kind: str, key: str) -> str:
    return hashlib.sha1(f"{kind}:{key}".encode()).hexdigest()[:12]


@dataclass
class _Group:
    type: EntityType
    key: str
    names: list[str] = field(default_factory=list)
    mentions: list[Evidence] = field(default_factory=list)


def _evidence(article: Article, span: Span) -> Evidence:
    return Evidence(article.id, span.start_char, span.end_char, span.text)


def _key(kind: EntityType, name: str) -> str:
    return company_key(name) if kind == "company" else name.lower()


def _best_name(kind: EntityType, names: list[str]) -> str:
    # the longest spelling is usually the fullest ("Kazuo Hirai" over "Hirai")
    if kind == "company":
        return min(names, key=lambda n: (len(strip_company_suffix(n)), -names.count(n)))
    return max(names, key=lambda n: (len(n.split()), names.count(n), len(n)))


def find_entities(doc: Doc, article: Article) -> list[Entity]:
    """Group the Doc's named entities into one Entity per thing named."""
    groups: dict[tuple[str, str], _Group] = {}
    for span in doc.ents:
        kind = LABEL_TYPES.get(span.label_)
        name = clean_name(span.text)
        if kind is None or len(name) < 2:
            continue
        key = _key(kind, name)
        group = groups.setdefault((kind, key), _Group(kind, key))
        group.names.append(name)
        group.mentions.append(_evidence(article, span))
    _merge_surnames(groups)
    entities = []
    for (kind, key), group in groups.items():
        name = _best_name(group.type, group.names)
        aliases = tuple(sorted({n for n in group.names if n != name}))
        entities.append(
            Entity(
                id=entity_id(kind, key),
                type=group.type,
                name=name,
                aliases=aliases,
                mentions=tuple(sorted(group.mentions, key=lambda e: e.start)),
            )
        )
    return sorted(entities, key=lambda e: e.mentions[0].start if e.mentions else 0)


def _merge_surnames(groups: dict[tuple[str, str], _Group]) -> None:
    """Fold a one-word person ("Hirai") into the one full name ending in it."""
    people = [k for k in groups if k[0] == "person"]
    for single in [k for k in people if " " not in k[1]]:
        fuller = [k for k in people if k != single and k[1].split()[-1] == single[1]]
        if len(fuller) == 1:
            target = groups[fuller[0]]
            source = groups.pop(single)
            target.names.extend(source.names)
            target.mentions.extend(source.mentions)
