"""Companies, people, places and products named in an article (first pass).

Groups spaCy's named-entity spans by a normalized key so that "Sony",
"Sony Corp." and "Sony's" are one company and "Hirai" joins "Kaz Hirai".
A person's role and organisation come from the title before the name ("Sony CEO
Kaz Hirai", "Sony's mobile chief Kunimasa Suzuki") or an apposition after it
("Börje Ekholm, chief executive of Ericsson,"); the title words are data in
``rules/titles.jsonl``. A name spaCy tags as an organisation is a product when
most of its mentions carry a product cue (``rules/product_cues.jsonl``: "its
BRAVIA range", "the upcoming Xperia Z3").
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsledger.extract.events.rules import load_book
from newsledger.extract.events.spans import entity_of
from newsledger.extract.lexicons import cited_sources, looks_like_product, title_at_end
from newsledger.models import Article, Entity, EntityType, Evidence
from newsledger.normalize.money import currency_for_nationality
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
    roles: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    product_cues: int = 0
    company_cues: int = 0  # mentions of a "person" described as a company ("brewer Carlsberg")


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
    """Group the Doc's named entities into one Entity per thing named.

    >>> # "Sony CEO Kaz Hirai said ..." -> Entity(type="person", name="Kaz Hirai",
    >>> #     role="CEO", org="Sony"), Entity(type="company", name="Sony")
    """
    groups: dict[tuple[str, str], _Group] = {}
    text = doc.text  # once: spaCy rebuilds the string on every access
    for span in doc.ents:
        kind = LABEL_TYPES.get(span.label_)
        if kind == "company":
            span = _without_descriptor(span)
        name = clean_name(span.text)
        if kind is None or len(name) < 2:
            continue
        key = _key(kind, name)
        group = groups.setdefault((kind, key), _Group(kind, key))
        group.names.append(name)
        group.mentions.append(_evidence(article, span))
        if kind == "person":
            _add_role(group, span)
            group.company_cues += _described_as_company(span)
        elif kind == "company" and _product_cued(text, span, name):
            group.product_cues += 1
    _add_cited_sources(doc, text, article, groups)
    _merge_surnames(groups)
    _retype_described(groups)
    entities = [_entity(kind, key, group) for (kind, key), group in groups.items()]
    return sorted(entities, key=lambda e: e.mentions[0].start if e.mentions else 0)


def is_nationality(name: str) -> bool:
    """Nationality words joined by hyphens ("Franco-Belgian", "Anglo-Dutch", "German-US"):
    they describe a company and never name one (the combining forms are
    ``rules/companies.jsonl``, the nationalities ``normalize/data/countries.json``).

    >>> is_nationality("Franco-Belgian"), is_nationality("Anglo American")
    (True, False)
    """
    parts = name.split("-")
    forms = load_book("companies").lemmas("nationality_part")
    return len(parts) > 1 and all(
        p.lower() in forms or currency_for_nationality(p) is not None for p in parts
    )


def nationalities_as_norp(ents: Sequence[Span]) -> tuple[Span, ...]:
    """The tagger's organisations that are nationality words only relabelled as
    nationalities (NORP), what they are; the name they describe, after a company noun
    ("Franco-Belgian bank Dexia to cut 900 jobs"), is the organisation."""
    out: list[Span] = []
    for ent in ents:
        words = ent[1:] if ent[0].lower_ == "the" else ent  # "The Franco-Belgian bank"
        if ent.label_ != "ORG" or not len(words) or not is_nationality(words.text):
            out.append(ent)
            continue
        out.append(Span(ent.doc, words.start, words.end, label="NORP"))
        named = _name_described(ent)
        if named is not None and not any(e.start < named.end and named.start < e.end for e in ents):
            out.append(named)
    return tuple(out)


def _name_described(ent: Span) -> Span | None:
    """The capitalised name after ``ent`` and one company noun: "[Franco-Belgian] bank
    Dexia" -> "Dexia"."""
    doc, after = ent.doc, ent.end
    nouns = load_book("companies").lemmas("company_noun")
    if after + 1 >= len(doc) or doc[after].lemma_.lower() not in nouns or not doc[after].is_lower:
        return None
    end = after + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
        end += 1
    return Span(doc, after + 1, end, label="ORG") if end > after + 1 else None


def _without_descriptor(span: Span) -> Span:
    """ "Carmaker Brightwell Motors is to ...": a sentence-initial company noun
    (``rules/companies.jsonl``) before a capitalised name describes it, and is no
    part of it ("Bank of America" keeps its "Bank": "of" is not capitalised)."""
    if len(span) < 2 or not span[0].is_sent_start or not span[1].is_title:
        return span
    nouns = load_book("companies").lemmas("company_noun")
    return span[1:] if span[0].lower_ in nouns else span


def _described_as_company(span: Span) -> bool:
    """ "Danish brewer Carlsberg", "Carlsberg, the world's fifth-largest brewer": the
    tagger said person, the text says company (words in ``rules/companies.jsonl``)."""
    nouns = load_book("companies").lemmas("company_noun")
    root = span.root
    return any(
        c.is_lower
        and c.lemma_ in nouns
        and ((c.dep_ == "compound" and c.i < span.start) or c.dep_ == "appos")
        for c in root.children
    )


def _retype_described(groups: dict[tuple[str, str], _Group]) -> None:
    """A "person" the article describes as a company, and never gives a title, is one."""
    for kind, key in [k for k, g in groups.items() if k[0] == "person" and g.company_cues]:
        source = groups[(kind, key)]
        if source.roles:
            continue
        del groups[(kind, key)]
        ckey = company_key(_best_name("company", source.names))
        target = groups.setdefault(("company", ckey), _Group("company", ckey))
        target.names.extend(source.names)
        target.mentions.extend(source.mentions)


def _add_cited_sources(
    doc: Doc, text: str, article: Article, groups: dict[tuple[str, str], _Group]
) -> None:
    """Outlets cited as sources ("according to The Daily Ledger", "[via Ledgerline]") are
    companies, even where the NER saw nothing; a name it did tag keeps its tag."""
    for start, end in cited_sources(text):
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or any(e.label_ in LABEL_TYPES for e in span.ents):
            continue
        if any(t.ent_type_ in LABEL_TYPES for t in span):
            continue  # partly tagged: the NER's view of the name stands
        name = clean_name(span.text)
        key = _key("company", name)
        if len(name) < 2 or not key:
            continue
        group = groups.setdefault(("company", key), _Group("company", key))
        group.names.append(name)
        group.mentions.append(_evidence(article, span))


def _entity(kind: str, key: str, group: _Group) -> Entity:
    etype: EntityType = group.type
    if etype == "company" and group.product_cues * 2 > len(group.mentions):
        etype = "product"
    name = _best_name(group.type, group.names)
    return Entity(
        id=entity_id(etype, key),
        type=etype,
        name=name,
        aliases=tuple(sorted({n for n in group.names if n != name})),
        role=_most_common(group.roles),
        org=_most_common(group.orgs),
        mentions=tuple(sorted(group.mentions, key=lambda e: e.start)),
    )


def _most_common(values: list[str]) -> str | None:
    return Counter(values).most_common(1)[0][0] if values else None


def _product_cued(text: str, span: Span, name: str) -> bool:
    before = text[max(0, span.start_char - 40) : span.start_char]
    after = text[span.end_char : span.end_char + 40]
    return looks_like_product(name, before, after)


# --- roles and organisations of people ----------------------------------

# how far a title may sit from the name, in tokens ("Sony's mobile chief X")
TITLE_WINDOW = 7
# lower-case words that may qualify a title ("mobile chief", "former minister")
MAX_TITLE_MODIFIERS = 2
_STOP_BEFORE_TITLE = frozenset(("DET", "PRON", "ADP", "CCONJ", "PUNCT", "NUM", "AUX", "VERB"))


def _add_role(group: _Group, span: Span) -> None:
    found = _title_before(span) or _title_after(span)
    if found is None:
        return
    role, org = found
    group.roles.append(role)
    if org:
        group.orgs.append(org)


def _title_before(span: Span) -> tuple[str, str | None] | None:
    """ "Sony's mobile chief Kunimasa Suzuki" -> ("mobile chief", "Sony")."""
    doc = span.doc
    left = doc[max(0, span.start - TITLE_WINDOW) : span.start]
    tokens = [t for t in left]
    n = title_at_end([t.text for t in tokens])
    if n == 0:
        return None
    start = len(tokens) - n
    for _ in range(MAX_TITLE_MODIFIERS):
        prev = tokens[start - 1] if start > 0 else None
        if (
            prev is None
            or not prev.is_lower
            or not prev.is_alpha
            or prev.pos_ in _STOP_BEFORE_TITLE
        ):
            break
        start -= 1
    role = doc[tokens[start].i : span.start].text
    return role, _org_ending_at(doc, tokens[start].i)


def _org_ending_at(doc: Doc, index: int) -> str | None:
    """The organisation named right before token ``index`` ("Sony" or "Sony's")."""
    i = index - 1
    if i >= 0 and doc[i].lower_ in ("'s", "’s", "'"):
        i -= 1
    ent = entity_of(doc[i]) if i >= 0 and doc[i].ent_type_ == "ORG" else None
    return clean_name(ent.text) if ent is not None else None


def _title_after(span: Span) -> tuple[str, str | None] | None:
    """ "Börje Ekholm, chief executive of Ericsson," -> ("chief executive", "Ericsson")."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != ",":
        return None
    window = []
    for token in doc[span.end + 1 : span.end + 1 + TITLE_WINDOW + 3]:
        if token.is_punct and token.text not in ("'s", "’s", "-"):
            break
        window.append(token)
    for k in range(len(window), 0, -1):
        n = title_at_end([t.text for t in window[:k]])
        if n:
            first = window[k - n]
            start = first.i
            while (
                start > span.end + 1
                and doc[start - 1].is_lower
                and doc[start - 1].pos_ in ("ADJ", "NOUN")
            ):
                start -= 1
            org = _org_ending_at(doc, start) or _org_in(doc, window[k:])
            return doc[start : window[k - 1].i + 1].text, org
    return None


def _org_in(doc: Doc, tokens: list[Token]) -> str | None:
    """An organisation after "of"/"at" in an apposition ("chief executive of Ericsson")."""
    if not tokens or tokens[0].lower_ not in ("of", "at", "for"):
        return None
    for token in tokens[1:]:
        ent = entity_of(token) if token.ent_type_ == "ORG" else None
        if ent is not None:
            return clean_name(ent.text)
    return None


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
