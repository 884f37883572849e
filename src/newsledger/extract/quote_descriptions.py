"""Speakers named only by a description, resolved to the person or company meant.

ANNOTATION.md: a description is never left as the speaker. The quote finder
(:mod:`quotes`) hands over the head noun of a speaker phrase; this module says who
it stands for, from the article's entities:

* a role ("the chief executive", "the commissioner", "its finance chief"): the
  person named earlier whose title (``rules/titles.jsonl``) is the same role;
* a company noun ("the bank", "the automaker", "the lender"; ``company_noun`` in
  ``rules/companies.jsonl``) with "the"/"this"/"its": the company last named, news
  outlets and unions, agencies and the like left out;
* an unsigned source (``rules/statement_sources.jsonl``): a spokesperson of a
  company ("a company spokesman", "a spokeswoman for the lender") or a statement
  ("the statement", "its website", "the filing") is the company; with nothing
  said of whose ("a spokeswoman said") it is the article's main company, when the
  article has one.

A spokesperson of a person ("a spokesman for Peter Grant") and a description with
nothing in the article to stand for stay as they are.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import cache

from spacy.tokens import Token

from newsledger.extract.events.rules import load_book
from newsledger.extract.lexicons import (
    load_rules,
    speech_forms,
    statement_source,
    title_at_end,
    words,
)
from newsledger.extract.quote_refs import Context, as_person, in_quote
from newsledger.models import Entity
from newsledger.resolve.names import company_key

_DEFINITE = frozenset(("the", "this", "that"))
_CLAUSES = frozenset(("acl", "relcl", "ccomp", "advcl"))
_OWN = frozenset(("its", "their"))
# a company named this often is what an unsigned "a spokeswoman said" speaks for
MAIN_COMPANY_MIN_MENTIONS = 2


def described_entity(ctx: Context, token: Token) -> Entity | None:
    """The person or company that a description headed by ``token`` refers to.

    >>> # "Corvell Bank set aside more. “…,” the lender said." -> Entity("Corvell Bank")
    """
    if token.ent_type_ or token.pos_ != "NOUN" or in_quote(ctx, token.idx):
        return None
    phrase = [t for t in token.lefts if t.dep_ in ("amod", "compound", "nmod")] + [token]
    determiner = _determiner(token)
    kind = statement_source([t.text for t in phrase])
    if kind == "outlet":
        return None  # "the newspaper wrote": an outlet, never another company
    if kind is not None:
        return _statement_company(ctx, token, determiner, kind)
    if determiner is None:
        return None  # "a senior minister said": unnamed, not resolved
    n = title_at_end([t.text for t in phrase])
    if n:
        return _role_holder(ctx, token.idx, [t.lower_ for t in phrase[-n:]])
    if token.tag_ in ("NN", "NNP") and token.lemma_.lower() in _company_nouns():
        return last_company(ctx, token.idx)
    return None


# how far back (characters) "the union" looks for the body it names
NOUN_NAME_REACH = 1500
# a name after its kind ("the labour union IMPACT", "club Manchester City")
_NAME_AFTER = r"\b{noun} ((?:[A-Z][\w&.-]*)(?: [A-Z][\w&.-]*)*)"


def named_by_noun(ctx: Context, token: Token) -> str | None:
    """The body a definite description names: the last name before it, outside quotes,
    that the description's noun ends ("the ministry" -> "Economy Ministry") or comes
    right before ("the union" -> IMPACT in "the labour union IMPACT").

    >>> # "The labour union IMPACT will meet. … The union remarked that “…”" -> "IMPACT"
    """
    if token.ent_type_ or token.tag_ != "NN" or _determiner(token) not in _DEFINITE:
        return None
    noun, before = token.lower_, token.idx
    window = max(0, before - NOUN_NAME_REACH)
    found: tuple[int, str] | None = None
    for m in re.finditer(_NAME_AFTER.format(noun=re.escape(noun)), ctx.text[window:before]):
        name_at = window + m.start(1)
        if not in_quote(ctx, name_at) and _may_be_body(ctx, name_at):
            found = (window + m.start(), m.group(1))
    i = bisect_right(ctx.mention_starts, before) - 1
    while i >= 0 and ctx.mention_starts[i] > (found[0] if found else window):
        entity, start = ctx.mention_entities[i], ctx.mention_starts[i]
        i -= 1
        if (
            entity.type != "person"
            and not in_quote(ctx, start)
            and words(entity.name)[-1:] == [noun]
        ):
            return entity.name
    return found[1] if found else None


# what the tagger calls a name after "the ad", "the columnist": a day, a person
_NOT_BODIES = frozenset(("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "GPE", "NORP"))


def _may_be_body(ctx: Context, offset: int) -> bool:
    span = ctx.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and span[0].ent_type_ not in _NOT_BODIES


def _determiner(token: Token) -> str | None:
    for child in token.lefts:
        if child.lower_ in _DEFINITE or child.lower_ in _OWN:
            return child.lower_
        if child.dep_ == "poss" and child.lemma_.lower() in _company_nouns():
            return "its"  # "the company's statement"
    return None


def _company_nouns() -> frozenset[str]:
    return load_book("companies").lemmas("company_noun")


def _statement_company(
    ctx: Context, token: Token, determiner: str | None, kind: str
) -> Entity | None:
    """A spokesperson or a statement: whose it is, else the article's company; "the
    statement" points back at the company the paragraph is about."""
    # its own words: not the clause it introduces ("an announcement that “…”")
    clauses = {t.i for c in token.children if c.dep_ in _CLAUSES for t in c.subtree}
    related = [
        t
        for t in token.subtree
        if t is not token and t.i not in clauses and not in_quote(ctx, t.idx)
    ]
    if any(t.ent_type_ or t.pos_ == "PROPN" for t in related):
        return None  # "a spokesman for Peter Grant", "SWT's statement": its owner is named
    nouns = _company_nouns()
    if determiner in _OWN or any(t.lemma_.lower() in nouns for t in related):
        return last_company(ctx, token.idx)  # "its website", "a company spokesman"
    # "a spokeswoman said": the company the paragraph (or the one before) is about
    near = last_company(ctx, token.idx, _paragraphs_back(ctx, token.idx))
    if kind == "statement" and determiner in _DEFINITE:
        # "the statement said", "the filing showed": of the company that just spoke
        since = _paragraphs_back(ctx, token.idx)
        return _last_speaker_company(ctx, token.idx, since) or near
    return near if near is not None and near == main_company(ctx) else None


def _paragraphs_back(ctx: Context, offset: int, count: int = 2) -> int:
    """Where the paragraph ``count - 1`` paragraphs before the one at ``offset`` starts."""
    start = offset
    for _ in range(count):
        start = ctx.text.rfind("\n", 0, max(0, start - 1))
        while start > 0 and ctx.text[start - 1] == "\n":
            start -= 1
        if start < 0:
            return 0
    return start


# --- a role's holder ----------------------------------------------------------


def _role_holder(ctx: Context, before: int, title: list[str]) -> Entity | None:
    """The person last named before an offset whose title is the same role."""
    i = bisect_right(ctx.mention_starts, before) - 1
    while i >= 0:
        entity, start = as_person(ctx, ctx.mention_entities[i]), ctx.mention_starts[i]
        i -= 1
        held = words(entity.role) if entity.type == "person" and entity.role else []
        if held and not in_quote(ctx, start) and same_role(held, title):
            return entity
    return None


def _synonyms() -> frozenset[str]:
    # every form of the "ceo" rule names one role ("CEO" = "chief executive officer")
    return frozenset(f for r in load_rules("titles") if r.id == "ceo" for f in r.forms)


def same_role(held: list[str], described: list[str]) -> bool:
    """Whether a held title and a description name one role: the same last word, or
    two forms of the chief executive.

    >>> same_role(["ceo"], ["chief", "executive"]), same_role(["cfo"], ["chief"])
    (True, False)
    """
    if not held or not described:
        return False
    ceo = _synonyms()
    for n in range(1, len(held) + 1):
        if " ".join(held[-n:]) in ceo and " ".join(described) in ceo:
            return True
    if " ".join(described) in ceo:
        return False
    last, word = held[-1], described[-1]
    # an abbreviated title is the word it shortens ("Gov." Jo Park = "the governor")
    return last == word or (f"{last}." in _abbreviations() and word.startswith(last))


def _abbreviations() -> frozenset[str]:
    return frozenset(f for r in load_rules("titles") for f in r.forms if f.endswith("."))


# --- which company ------------------------------------------------------------


def is_outlet(name: str) -> bool:
    """A news outlet's name ("CNN", "The Daily Telegraph", "AFP"), by the media words."""
    book = load_book("companies")
    return bool(set(words(name)) & book.lemmas("media_word")) or (
        company_key(name) in book.lemmas("media_name")
    )


def is_outlet_or_body(entity: Entity) -> bool:
    """A news outlet ("Financial Times", "Reuters") or a union, agency, ministry: never
    the company an unsigned statement or "the company" stands for."""
    book = load_book("companies")
    named = set(words(entity.name))
    return (
        bool(named & book.lemmas("media_word"))
        or company_key(entity.name) in book.lemmas("media_name")
        or bool(named & book.lemmas("non_company_name"))
    )


def _candidate(ctx: Context, entity: Entity, start: int) -> bool:
    """A company a description may stand for: named outside quotations, neither an
    outlet nor a body, nor a person's surname the tagger took for a company."""
    return (
        entity.type == "company"
        and as_person(ctx, entity).type == "company"
        and not in_quote(ctx, start)
        and not is_outlet_or_body(entity)
    )


def _times_named(ctx: Context, entity: Entity) -> int:
    """Mentions, or the name's occurrences in the text, short form included: a headline
    the tagger did not read ("Corvane denies reports") still names "Corvane Software"."""
    name = entity.name.split()
    if len(name) > 1 and name[-1].lower() in load_book("companies").lemmas("company_suffix"):
        name = name[:-1]
    found = len(re.findall(rf"\b{re.escape(' '.join(name))}\b", ctx.text))
    return max(found, len(entity.mentions))


def last_company(ctx: Context, before: int, since: int = 0) -> Entity | None:
    """The company last named before an offset (and after ``since``) that the article
    names at least twice or names alone (one named once beside others, in passing, is
    not what "the company" goes on about)."""
    i = bisect_right(ctx.mention_starts, before) - 1
    while i >= 0 and ctx.mention_starts[i] >= since:
        entity, start = ctx.mention_entities[i], ctx.mention_starts[i]
        i -= 1
        if _candidate(ctx, entity, start):
            named_often = _times_named(ctx, entity) >= MAIN_COMPANY_MIN_MENTIONS
            return entity if named_often or _only_company(ctx, entity) else None
    return None


def _last_speaker_company(ctx: Context, before: int, since: int) -> Entity | None:
    """The company last named, between two offsets, as the subject of a verb outside
    quotations ("Orbis Media said revenue fell", "Halden Bank disclosed the charge")."""
    i = bisect_right(ctx.mention_starts, before) - 1
    while i >= 0 and ctx.mention_starts[i] >= since:
        entity, start = ctx.mention_entities[i], ctx.mention_starts[i]
        i -= 1
        span = ctx.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or not _candidate(ctx, entity, start):
            continue
        root = span[0]
        while root.dep_ == "compound" and root.head.i != root.i:
            root = root.head
        if root.dep_ == "nsubj" and root.head.lower_ in _telling_verbs():
            return entity
    return None


@cache  # built once: asked for each mention looked at
def _telling_verbs() -> frozenset[str]:
    # speech verbs, and the verbs a company makes a statement or filing with
    return speech_forms() | frozenset(
        ("disclosed", "discloses", "reported", "reports", "issued", "issues", "released")
    )


def _only_company(ctx: Context, entity: Entity) -> bool:
    """No other company is named in the article ("Velmora cut 300 jobs. … the company")."""
    return all(
        e.id == entity.id or not _candidate(ctx, e, start)
        for start, e in zip(ctx.mention_starts, ctx.mention_entities, strict=True)
    )


def main_company(ctx: Context) -> Entity | None:
    """The company the article is about: named most often (at least twice), first on a tie."""
    by_id: dict[str, Entity] = {}
    for start, entity in zip(ctx.mention_starts, ctx.mention_entities, strict=True):
        if _candidate(ctx, entity, start):
            by_id.setdefault(entity.id, entity)
    counts = Counter({key: _times_named(ctx, entity) for key, entity in by_id.items()})
    ranked = counts.most_common(1)
    if not ranked or ranked[0][1] < MAIN_COMPANY_MIN_MENTIONS:
        return None
    return by_id[ranked[0][0]]
