"""Who a pronoun or a bare surname in a quote's frame stands for.

The quote finder (:mod:`quotes`) reads the words around each quotation; when they
name the speaker only as ``he``/``she``/``it``, this module looks back for the
person or company meant, using the article's entities and the parse:

* ``he``/``she``: the subject of the nearest sentence before that names a person
  of a fitting gender; inside one sentence the subject of a speech verb comes
  first ("Earnest said Obama was not targeting Trump." -> Earnest), then the
  subject of the main clause, then the subject nearest the pronoun. A sentence
  whose subject is itself a fitting pronoun hands on to that pronoun's person.
* gender: "Mr"/"Ms" before a name, or the next he/she/his/her in the name's
  sentence (a name in subject position counts double: "Clinton said she ...").
* ``it``/``the company``: the company last named.

A surname the tagger called an organisation once ("Sanders did apologize") is the
person of that surname when the article names exactly one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from itertools import takewhile

from spacy.tokens import Doc, Span, Token

from newsledger.extract.lexicons import speech_forms
from newsledger.extract.quote_marks import QuoteSpan
from newsledger.models import Article, Entity

SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
# how far back (characters) a pronoun looks for a person named as a subject
PRONOUN_REACH = 600
# a pronoun subject before the quote hands on to its own antecedent this many times
PRONOUN_CHAIN = 3


@dataclass(frozen=True)
class Context:
    """One article's Doc, quotations and entity mentions, indexed for look-ups."""

    doc: Doc
    article: Article
    quotes: list[QuoteSpan]
    starts: list[int]  # open_mark offsets of quotes, for bisect
    by_offset: dict[int, Entity]  # mention start -> entity
    mention_starts: list[int]
    mention_entities: list[Entity]
    parsed: bool  # False for a Doc without a dependency parse: read neighbours instead
    text: str  # doc.text, once: spaCy rebuilds the string on every access
    genders: dict[str, str | None] = field(default_factory=dict)  # entity id -> "m"/"f"
    surnames: dict[str, Entity | None] = field(default_factory=dict)  # lower surname -> person


def make_context(
    doc: Doc, article: Article, entities: list[Entity], quotes: list[QuoteSpan], text: str
) -> Context:
    pairs = sorted((m.start, e) for e in entities for m in e.mentions)
    surnames: dict[str, Entity | None] = {}
    for entity in entities:
        if entity.type == "person" and " " in entity.name:
            last = entity.name.split()[-1].lower()
            # two people of one surname: the bare surname is no one's for certain
            surnames[last] = entity if surnames.get(last, entity) is entity else None
    return Context(
        doc=doc,
        article=article,
        quotes=quotes,
        starts=[q.open_mark for q in quotes],
        by_offset={s: e for s, e in pairs},
        mention_starts=[s for s, _ in pairs],
        mention_entities=[e for _, e in pairs],
        parsed=doc.has_annotation("DEP"),
        text=text,
        surnames=surnames,
    )


def in_quote(ctx: Context, offset: int) -> bool:
    return quote_at(ctx, offset) is not None


def quote_at(ctx: Context, offset: int) -> QuoteSpan | None:
    """The quotation (marks included) that an offset falls in, if any."""
    i = bisect_right(ctx.starts, offset) - 1
    return ctx.quotes[i] if i >= 0 and offset < ctx.quotes[i].close_mark else None


def entity_at(ctx: Context, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``start:end``; a lone surname tagged as
    an organisation is the person of that surname."""
    i = bisect_right(ctx.mention_starts, end) - 1
    while i >= 0 and ctx.mention_starts[i] >= start - 40:
        entity = ctx.mention_entities[i]
        for m in entity.mentions:
            if m.start < end and start < m.end:
                return as_person(ctx, entity)
        i -= 1
    return None


def as_person(ctx: Context, entity: Entity) -> Entity:
    if entity.type == "company" and " " not in entity.name:
        return ctx.surnames.get(entity.name.lower()) or entity
    return entity


def last_entity(ctx: Context, before: int, kind: str) -> Entity | None:
    """The entity of ``kind`` last named before an offset, outside quotations first."""
    i = bisect_right(ctx.mention_starts, before) - 1
    fallback = None
    while i >= 0:
        entity = ctx.mention_entities[i]
        if entity.type == kind:
            if not in_quote(ctx, ctx.mention_starts[i]):
                return entity
            fallback = fallback or entity
        i -= 1
    return fallback


def last_person(ctx: Context, before: int, gender: str | None) -> Entity | None:
    """The person last named before an offset whose gender (when known) fits."""
    i = bisect_right(ctx.mention_starts, before) - 1
    while i >= 0:
        entity, start = as_person(ctx, ctx.mention_entities[i]), ctx.mention_starts[i]
        i -= 1
        person = entity.type == "person" and not in_quote(ctx, start)
        if person and gender_fits(ctx, entity, gender):
            return entity
    return last_entity(ctx, before, "person")


# --- a pronoun's antecedent: the subject of a sentence before ----------------


def antecedent(ctx: Context, pronoun: Token, gender: str | None) -> Entity | None:
    """The person a he/she subject stands for, or None when no sentence in reach names one."""
    return _antecedent(ctx, pronoun, gender, PRONOUN_CHAIN)


def _antecedent(ctx: Context, pronoun: Token, gender: str | None, chain: int) -> Entity | None:
    before = pronoun.idx
    sent: Span | None = pronoun.sent
    while sent is not None and sent.end_char > before - PRONOUN_REACH:
        ranked = sorted((_rank(t), t) for t in sent if t.idx < before and t.dep_ in SUBJECT_DEPS)
        for _, subject in ranked:
            found = _subject_person(ctx, subject, gender, chain)
            if found is not None:
                return found
        sent = _previous_sentence(sent)
    return None


def _rank(subject: Token) -> tuple[int, int]:
    """Subjects of the sentence's own speech verb first ("Ortiz said Berg had been told"
    -> Ortiz), then of a reported one, then of the main clause, then nearest last."""
    verb = subject.head
    speaks = verb.lower_ in speech_forms() and subject.dep_ == "nsubj"
    reported = verb.dep_ in ("ccomp", "xcomp", "relcl", "acl", "pcomp")
    if speaks:
        return (1 if reported else 0, -subject.i)
    return (2 if verb.dep_ == "ROOT" else 3, -subject.i)


def _previous_sentence(sent: Span) -> Span | None:
    i = sent.start - 1
    while i >= 0 and sent.doc[i].is_space:
        i -= 1
    return sent.doc[i].sent if i >= 0 else None


def _subject_person(ctx: Context, subject: Token, gender: str | None, chain: int) -> Entity | None:
    if in_quote(ctx, subject.idx):
        return None
    low = subject.lower_
    if low in ("he", "she"):
        if chain > 0 and _gender_of_word(low) == gender:
            return _antecedent(ctx, subject, gender, chain - 1)
        return None
    tokens = [subject, *(t for t in subject.children if t.dep_ in ("compound", "appos", "flat"))]
    for token in [*tokens, *set_off_names(subject)]:
        entity = entity_at(ctx, token.idx, token.idx + len(token))
        if entity is not None and entity.type == "person":
            return entity if gender_fits(ctx, entity, gender) else None
    return None


def set_off_names(head: Token) -> list[Token]:
    """Names set off by commas inside a noun phrase: the role's holder, wherever the
    parser hung them ("The co-founder of Instagram, Kevin Systrom, said": "Systrom" is
    in apposition to "Instagram" in the parse, to "co-founder" in the sentence)."""
    doc = head.doc
    return [
        t
        for t in head.subtree
        if t.dep_ == "appos"
        and t.ent_type_ == "PERSON"
        and t.left_edge.i > 0
        and doc[t.left_edge.i - 1].text == ","
        and not any(a.dep_ == "poss" for a in takewhile(lambda a: a.i != head.i, t.ancestors))
    ]


# a relative clause hangs on to a noun at most this many links below its person
RELATIVE_REACH = 4


def relative_antecedent(relative: Token) -> Token:
    """The noun a relative pronoun stands for: "who" is a person even when the parser
    hangs the clause on the last noun ("Jo Park, a professor at Corvell University, who")."""
    noun = relative.head.head
    if relative.lower_ != "who":
        return noun
    found = noun
    for _ in range(RELATIVE_REACH):
        if found.ent_type_ == "PERSON" or found.head.i == found.i:
            break
        found = found.head
    return found if found.ent_type_ == "PERSON" else noun


# --- grammatical gender of people, from the text around their names ---------

_MALE = frozenset(("he", "him", "his", "himself", "mr"))
_FEMALE = frozenset(("she", "her", "hers", "herself", "mrs", "ms", "miss"))
_TITLE_BEFORE = re.compile(r"\b(mr|mrs|ms|miss)\.?\s*$", re.IGNORECASE)
_GENDERED = re.compile(r"\b(he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.!?][\"”’']?\s|\n")
# after a name, the next he/she in its sentence, within this many characters and
# before another person is named, is taken to refer to it
GENDER_REACH = 200


def _gender_of_word(word: str) -> str | None:
    low = word.lower()
    return "m" if low in _MALE else ("f" if low in _FEMALE else None)


def gender_of_pronoun(word: str) -> str | None:
    return _gender_of_word(word)


def gender_fits(ctx: Context, entity: Entity, gender: str | None) -> bool:
    if gender is None:
        return True
    known = _gender(ctx, entity)
    return known is None or known == gender


def _gender(ctx: Context, entity: Entity) -> str | None:
    """ "m"/"f" when the article's titles (Mr/Ms) and later pronouns agree on it."""
    if entity.id in ctx.genders:
        return ctx.genders[entity.id]
    text, votes = ctx.text, Counter[str]()
    for mention in entity.mentions:
        if in_quote(ctx, mention.start):
            continue
        title = _TITLE_BEFORE.search(text, max(0, mention.start - 6), mention.start)
        if title:
            votes[_gender_of_word(title.group(1)) or ""] += 3
            continue
        reach = _next_person(ctx, entity, mention.end)
        end = _SENTENCE_STOP.search(text, mention.end, reach)
        reach = end.start() if end else reach
        for pronoun in _GENDERED.finditer(text, mention.end, reach):
            if not in_quote(ctx, pronoun.start()):
                weight = 2 if _is_subject_at(ctx, mention.start) else 1
                votes[_gender_of_word(pronoun.group(1)) or ""] += weight
                break
    ranked = [(n, g) for g, n in votes.most_common() if g]
    found = ranked[0][1] if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]) else None
    ctx.genders[entity.id] = found
    return found


def _is_subject_at(ctx: Context, offset: int) -> bool:
    """Whether the name at ``offset`` is a clause's subject (its pronouns are likelier its own)."""
    if not ctx.parsed:
        return False
    span = ctx.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None:
        return False
    head = span[0]
    while head.dep_ in ("compound", "flat") and head.head is not head:
        head = head.head
    return head.dep_ in SUBJECT_DEPS


def _next_person(ctx: Context, entity: Entity, after: int) -> int:
    """Where the next other person is named after an offset (at most GENDER_REACH on)."""
    limit = min(len(ctx.text), after + GENDER_REACH)
    i = bisect_right(ctx.mention_starts, after)
    while i < len(ctx.mention_starts) and ctx.mention_starts[i] < limit:
        other = ctx.mention_entities[i]
        if other.type == "person" and other.id != entity.id:
            return ctx.mention_starts[i]
        i += 1
    return limit
