"""Which company is the actor of an event, and which unit or place it concerns.

:func:`readings` lists every grammatical relation of a cue that names an actor,
strongest first: a company attached to the cue ("job cuts at Acme", "Acme's
losses"), the clause's subject ("Acme will cut...", "the company will cut...",
"its bank unit will cut..."), a unit attached to the cue, the subject of a
reporting clause above, the company named nearest before the cue in its
sentence or first after it, an untagged capitalised subject. A subject that is
a noun but no company ("manufacturers", "the sector") rules a company out. For
layoffs, results and plans the relations are features of the company chooser
(``arguments.py``); for the other event types the strongest relation decides,
and failing all the article's main company.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import cast

from spacy.tokens import Doc, Span, Token

from newsledger.extract.events.context import ArticleContext, is_company_name
from newsledger.extract.events.rules import load_book
from newsledger.extract.events.spans import ent_at, ents_in, memo
from newsledger.resolve.names import clean_name

_CLIMB = {"xcomp", "conj", "pcomp", "advcl", "ccomp", "acl", "relcl", "prep", "pobj", "dobj"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_NAME_DEPS = frozenset({"compound", "poss", "nmod", "appos"})
ATTACH_PREPS = frozenset({"at", "by", "from", "of", "for", "in", "within"})


@dataclass(frozen=True)
class Actor:
    """``how``: "subject" (the clause's subject names it), "attached" ("cuts at Acme"),
    "sentence" (named elsewhere in the sentence) or "context" (the article's main company)."""

    company: str | None
    explicit: bool  # named or pointed at by the text, not guessed from the article
    unit: str | None = None
    how: str = "subject"
    # pointed at by "it" or "the company", resolved to the company last named: a name
    # the text gives for the same cut elsewhere (its headline) is surer
    referred: bool = False


def _company_nouns() -> frozenset[str]:
    return load_book("companies").lemmas("company_noun")


def unit_nouns() -> frozenset[str]:
    return load_book("companies").lemmas("unit_noun")


def org_in(ctx: ArticleContext, tokens: Iterable[Token]) -> str | None:
    """The first company named by an ORG entity among ``tokens``."""
    for tok in tokens:
        if tok.ent_type_:
            ent = _ent_of(tok)
            if ent is not None:
                name = ctx.company_of_ent(ent)
                if name:
                    return _shared_head_name(ent) or name
    return None


def _shared_head_name(ent: Span) -> str | None:
    """ "The Daily and Sunday Telegraph newspapers": a one-word name whose head word it
    shares with the name coordinated after it; None when the next name stands alone
    ("Ford and General Motors workers", where the tagger marks "General Motors")."""
    doc = ent.doc
    if len(ent) != 1 or ent.root.dep_ not in ("nmod", "compound", "amod"):
        return None
    if ent.end + 2 >= len(doc) or doc[ent.end].lower_ != "and":
        return None
    conj = doc[ent.end + 1]
    if conj.head != ent.root or conj.dep_ != "conj" or conj.ent_type_ == "ORG":
        return None
    end = conj.i + 1
    while end < min(len(doc), conj.i + 3) and doc[end].is_title and doc[end].pos_ == "PROPN":
        end += 1
    return doc[ent.start : end].text if end > conj.i + 1 else None


def _ent_of(tok: Token) -> Span | None:
    return ent_at(tok)


def subject_of(trigger: Token, max_steps: int = 5) -> Token | None:
    """The subject of the clause a trigger sits in, climbing through chains and relatives."""
    tok = trigger
    for _ in range(max_steps):
        for child in tok.children:
            if child.dep_ in _SUBJECTS:
                if child.lower_ in ("which", "that", "who") and tok.dep_ == "relcl":
                    return tok.head
                return child
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head
        if tok.dep_ not in _CLIMB or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def unit_name(tok: Token) -> str | None:
    """ "the mobile division" -> "mobile division"; a bare "the unit" names nothing."""
    if tok.lemma_.lower() not in unit_nouns():
        return None
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ != "ORG"]
    if not mods:
        return None
    start = min(m.left_edge.i for m in mods)
    return tok.doc[start : tok.i + 1].text


def find_unit(trigger: Token, anchor: Token | None = None) -> str | None:
    """A division or unit the trigger's clause names ("from its mobile division")."""
    candidates: list[Token] = []
    for head in (trigger, anchor):
        if head is None:
            continue
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "at", "in", "within", "across"):
                candidates.extend(c for c in child.children if c.dep_ == "pobj")
            if child.dep_ in ("poss", "compound"):
                candidates.append(child)
    for cand in candidates:
        name = unit_name(cand)
        if name:
            return name
    return None


_NAME_LABELS = frozenset({"", "ORG", "PRODUCT", "FAC", "PERSON", "NORP"})


def _name_span(noun: Token) -> str | None:
    """A proper noun with the capitalised words before it: "Velstrom Polska"."""
    parts = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    start = min([p.i for p in parts] + [noun.i])
    return clean_name(noun.doc[start : noun.i + 1].text)


def _described_as_part(noun: Token) -> bool:
    """A name with an aside saying what part of a group it is: "Widgetco, a unit of
    Holdco," or "Widgetco, Holdco's German subsidiary,"."""
    return any(c.dep_ == "appos" and c.lemma_.lower() in unit_nouns() for c in noun.children)


def resolve_noun(ctx: ArticleContext, noun: Token, trigger: Token) -> Actor | None:
    """What company a subject noun phrase names, if any; None when undecided."""
    if noun.lemma_.lower() in load_book("companies").lemmas("people_noun"):
        return Actor(None, True)  # "Acme shareholders lost $45m": the people, not the company
    described = [c for c in noun.lefts if c.is_lower and c.lemma_ in _company_nouns()]
    if noun.pos_ == "PROPN" and described:
        # "Automotive supplier Kessler Antriebstechnik": the name after the description,
        # not a word of the description the tagger called an organisation
        start = max(c.i for c in described) + 1
        return Actor(clean_name(noun.doc[start : noun.i + 1].text), True)
    if noun.pos_ != "PROPN":
        # "American Airlines' parent AMR", "its bank unit, Barclays Capital,": the name
        # set beside a common noun is the company it means, not the owner it names
        for appos in (c for c in noun.children if c.dep_ == "appos"):
            named = org_in(ctx, own_words(appos))
            if named:
                return Actor(named, True, unit_name(noun))
        # "Holdco's Widgetco unit will cut", "its Polish unit Velstrom Polska will cut":
        # the unit's own name, not its owner's
        if noun.lemma_.lower() in unit_nouns():
            named = org_in(ctx, [c for c in noun.lefts if c.dep_ == "compound"])
            for appos in (c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
                named = named or _name_span(appos)
            if named:
                return Actor(named, True)
    elif _described_as_part(noun):
        # "Widgetco, a unit of Holdco, will cut": the name, not the owner its aside names
        return Actor(_name_span(noun), True)
    # "Halvorsen Airways' parent AVR", "Ford's Jaguar": a tagged name beats its possessor
    near = [g for c in noun.children for g in (c, *c.children)]
    owned = noun.pos_ == "PROPN" and any(t.dep_ == "poss" for t in near)
    named = org_in(ctx, [noun]) if owned else None
    named = named or org_in(ctx, own_words(noun))
    if named:
        return Actor(named, True, unit_name(noun))
    ent = _ent_of(noun) if noun.ent_type_ else None
    if ent is not None and ent.label_ == "ORG" and not is_company_name(ent):
        return Actor(None, True)  # a union or an agency is not the one cutting
    lemma = noun.lemma_.lower()
    has_digit = any(ch.isdigit() for ch in noun.text)
    if noun.pos_ == "PROPN" and not has_digit and noun.ent_type_ in _NAME_LABELS:
        suffixes = load_book("companies").lemmas("company_suffix")
        # "Carlsberg, the world's fifth-largest brewer, ...": described as a company
        described_after = any(
            c.dep_ == "appos" and c.lemma_.lower() in _company_nouns() for c in noun.children
        )
        mistagged = noun.ent_type_ in ("PERSON", "NORP") and noun.lower_ not in suffixes
        if mistagged and not described_after:
            return None
        # a name the tagger did not recognise as a company ("Ferris Print will cut...")
        parts = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        start = min([p.i for p in parts] + [noun.i])
        return Actor(clean_name(noun.doc[start : noun.i + 1].text), True)
    if noun.pos_ == "PRON" or lemma in ("it", "they", "we", "which", "that"):
        if lemma in ("it", "they", "we", "which", "that", "its"):
            return Actor(ctx.company_referred(trigger), True, referred=True)
        return None
    if lemma in _company_nouns():
        named_after = _name_after(noun)
        if named_after:
            return Actor(named_after, True)
        if noun.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "poss" for c in noun.children):
            return Actor(None, True)  # "banks", "manufacturers": many companies, none named
        return Actor(ctx.company_referred(trigger), True, referred=True)
    if lemma in unit_nouns():
        return Actor(ctx.company_referred(trigger), True, unit_name(noun))
    if lemma in load_book("layoffs").lemmas("job_noun") | load_book("layoffs").lemmas(
        "counted_noun"
    ):
        return None  # "20,000 workers lost their jobs": whose, the context must say
    if lemma in load_book("companies").lemmas("non_company") or noun.lower_ in load_book(
        "companies"
    ).lemmas("non_company"):
        return Actor(None, True)
    return None


def own_words(noun: Token) -> list[Token]:
    """A noun phrase's words without its relative clauses: "Inbev, which makes Stella
    Artois," names Inbev; the brand it makes is no part of the name."""
    skipped: set[int] = set()
    for child in noun.children:
        if child.dep_ in ("relcl", "acl"):
            skipped.update(t.i for t in child.subtree)
    return [t for t in noun.subtree if t.i not in skipped]


_NOT_NAMES = frozenset({"PERSON", "GPE", "LOC", "DATE", "TIME", "NORP", "MONEY", "PERCENT"})
_MONTHS = frozenset(m.lower() for m in calendar.month_name[1:])


def untagged_name(noun: Token) -> str | None:
    """ "Travelers had sales of $5.2bn": a capitalised subject the tagger left untagged is a
    company's name when it is no person, place, month or word of the rule books, and, first
    in its sentence, the article also writes it capitalised mid-sentence ("its Travelers
    Life & Annuity arm")."""
    if not noun.text[:1].isupper() or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if noun.ent_type_ in _NOT_NAMES or noun.lower_ in _MONTHS:
        return None
    known = _rule_book_words()
    if noun.lemma_.lower() in known or noun.lower_ in known:
        return None
    if noun.is_sent_start and noun.text not in _mid_sentence_capitals(noun.doc):
        return None
    parts = [c for c in noun.lefts if c.dep_ == "compound" and c.text[:1].isupper()]
    start = min([p.i for p in parts] + [noun.i])
    return clean_name(noun.doc[start : noun.i + 1].text) or None


@cache
def _rule_book_words() -> frozenset[str]:
    """The words of the rule books, which no untagged name is."""
    book = load_book("companies")
    return (
        book.lemmas("people_noun")
        | book.lemmas("non_company")
        | _company_nouns()
        | unit_nouns()
        | load_book("financial_cues").all_lemmas()
        | load_book("financial_kinds").all_lemmas()
    )


def _mid_sentence_capitals(doc: Doc) -> frozenset[str]:
    """The capitalised words the document writes somewhere other than a sentence start
    (once per document: asked for every cue of a run-on text)."""
    table = memo(doc[0:0], "capitals")
    key = ("capitals", 0, 0)
    if key not in table:
        table[key] = frozenset(t.text for t in doc if t.text[:1].isupper() and not t.is_sent_start)
    return cast("frozenset[str]", table[key])


_NAMED_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "FAC", "WORK_OF_ART"})


def _name_after(noun: Token) -> str | None:
    """ "food-delivery startup Nimbly is laying off...": a description whose name follows
    it (whatever label the tagger gave the name, or its part of speech)."""
    doc = noun.doc
    if noun.tag_ not in ("NN", "NNP") or noun.i + 1 >= len(doc):
        return None
    after = doc[noun.i + 1]
    if not after.is_title or after.is_stop:
        return None
    if not after.ent_type_:  # a name the tagger missed: the run of capitalised words
        end = after.i
        while end < min(len(doc), after.i + 4) and doc[end].is_title and not doc[end].ent_type_:
            end += 1
        return clean_name(doc[after.i : end].text) or None
    ent = _ent_of(after) if after.ent_type_ in _NAMED_LABELS else None
    if ent is None or ent.start != after.i:
        return None
    return clean_name(ent.text) or None


def attached_org(ctx: ArticleContext, tok: Token) -> str | None:
    """A company attached to a noun: "Acme's cuts", "Acme job cuts", "cuts at Acme"."""
    for child in tok.children:
        if child.dep_ in ("poss", "compound", "nmod"):
            name = org_in(ctx, list(child.subtree))
            if name:
                return name
            if child.dep_ == "poss" and child.pos_ == "PROPN" and not child.ent_type_:
                # "Veltrano's revenue": a name the tagger left untagged
                parts = [c for c in child.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
                start = min([p.i for p in parts] + [child.i])
                return clean_name(child.doc[start : child.i + 1].text)
        if child.dep_ == "prep" and child.lower_ in ATTACH_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    # the object itself or its name words ("at the Acme factory"), not
                    # anything deeper ("at meetings of the G7 Group")
                    near = [pobj, *(c for c in pobj.children if c.dep_ in _NAME_DEPS)]
                    name = org_in(
                        ctx, [t for n in near for t in n.subtree if n.i != pobj.i] + [pobj]
                    )
                    if name:
                        return name
    return None


@dataclass(frozen=True)
class Reading:
    """What one grammatical relation of the cue says its actor is: ``company`` (None:
    no company, "banks will cut...") and the relation, named as the company chooser's
    feature (``rules/company_features.json``)."""

    feature: str
    company: str | None
    unit: str | None = None
    referred: bool = False  # "it", "the company": resolved to the company last named


def readings(ctx: ArticleContext, trigger: Token, anchor: Token | None = None) -> list[Reading]:
    """Every relation of the cue that names (or rules out) an actor, strongest first:
    a company attached to the cue ("cuts at Acme", "Acme's losses"); the clause's
    subject, by name or by a pronoun or description that refers back; a unit attached
    to the cue ("at its European division, Opel"); the subject of a reporting clause
    above ("Acme said profit fell"); the company named nearest before the cue in its
    sentence, the first one after it; an untagged capitalised subject."""
    out: list[Reading] = []
    unit: str | None = None
    for tok in (anchor, trigger):
        if tok is not None:
            name = attached_org(ctx, tok)
            if name and _names_unit(ctx, tok, name):
                unit = unit or name  # "at its European division, Opel": where, not who
            elif name:
                out.append(Reading("attached_to_cue", name))
    subject = subject_of(trigger)
    if subject is not None and _same(subject, anchor) and trigger.dep_ in _CLIMB:
        # "the airline confirmed that 2,500 jobs would go": the reporting clause's subject
        subject = subject_of(trigger.head)
    if subject is not None and not _same(subject, anchor):
        found = resolve_noun(ctx, subject, trigger)
        if found is not None and found.company:
            feature = "subject_refers" if found.referred else "subject_names"
            out.append(Reading(feature, found.company, unit or found.unit, found.referred))
        elif found is not None and found.explicit:
            # a company ruled out: "banks", "shareholders", a union, "the government"
            out.append(Reading("subject_rules_out", None, found.unit))
    if unit:
        out.append(Reading("unit_attached", unit))
    if subject is None and trigger.dep_ in _SUBJECTS and trigger.head.dep_ in _CLIMB:
        # "Unilever said annual profit fell...": the subject of the reporting clause
        reporter = subject_of(trigger.head.head)
        found = resolve_noun(ctx, reporter, trigger) if reporter is not None else None
        if found is not None and found.company:
            out.append(Reading("reporter_names", found.company, found.unit, found.referred))
    sent = ctx.unit_of(trigger)
    # "Second largest, behind Best Buy, the company ...": a company named to compare
    # with is nobody's actor
    before = org_in(ctx, _named(reversed(sent[: trigger.i - sent.start])))
    if before:
        out.append(Reading("nearest_before", before))
    after = org_in(ctx, _named(sent[trigger.i - sent.start :]))
    if after:
        out.append(Reading("first_after", after))
    untagged = (
        untagged_name(subject) if subject is not None and not _same(subject, anchor) else None
    )
    if untagged:
        out.append(Reading("subject_untagged", untagged))
    return out


def _named(tokens: Iterable[Token]) -> Iterator[Token]:
    """The tokens of a named entity, in order, but for names set up to compare with
    (checked only on entity tokens: a run-on sentence has thousands of others)."""
    return (t for t in tokens if t.ent_type_ and not compared(t))


def actor_for(
    ctx: ArticleContext, trigger: Token, anchor: Token | None = None, event: str | None = None
) -> Actor:
    """The company doing what ``trigger`` says. For an ``event`` type ("layoff",
    "financial", "plan") ``arguments.choose`` scores every candidate, the relations of
    :func:`readings` among their features; otherwise the strongest relation decides."""
    found = readings(ctx, trigger, anchor)
    first = _strongest(ctx, found)
    if event is None:
        return first
    from newsledger.extract.events.arguments import choose

    name = choose(ctx, trigger, anchor, found, event)
    if name == first.company:
        return first
    return Actor(name, True, first.unit, how="scored")


_HOW = {
    "attached_to_cue": "attached",
    "unit_attached": "attached",
    "nearest_before": "sentence",
    "first_after": "sentence",
}


_CARRIES_UNIT = frozenset({"subject_names", "subject_refers", "reporter_names"})


def _strongest(ctx: ArticleContext, found: list[Reading]) -> Actor:
    """The strongest relation's actor, else the article's main company."""
    if not found:
        return Actor(ctx.context_company(), False, how="context")
    top = found[0]
    unit = top.unit if top.feature in _CARRIES_UNIT else None
    return Actor(top.company, True, unit, _HOW.get(top.feature, "subject"), top.referred)


def _same(a: Token | None, b: Token | None) -> bool:
    """The same token (spaCy makes a new Token object on every access: ``is`` never holds)."""
    return a is not None and b is not None and a.i == b.i


def _names_unit(ctx: ArticleContext, tok: Token, name: str) -> bool:
    """The name attached to the cue is set beside a unit noun its owner's pronoun holds
    ("at its European division, Opel", "at its Opel unit"): a unit, not the actor."""
    units = unit_nouns()
    for ent in ents_in(ctx.unit_of(tok)):
        if ctx.company_of_ent(ent) != name and clean_name(ent.text) != name:
            continue
        root = ent.root
        unit_noun = root.head if root.dep_ in ("appos", "compound") else None
        if unit_noun is not None and unit_noun.lemma_.lower() in units:
            return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in unit_noun.children)
    return False


# prepositions that set a name beside the actor to compare, not as the actor
COMPARED_PREPS = frozenset({"behind", "than", "like", "unlike", "versus", "against", "including"})


def compared(tok: Token) -> bool:
    """The token sits in a "behind X", "than X", "unlike X" phrase.

    >>> # "Second largest, behind Best Buy, the company ..." -> True for "Best Buy"
    """
    node = tok
    while node.head.i != node.i:
        if node.dep_ == "pobj" and node.head.lower_ in COMPARED_PREPS:
            return True
        node = node.head
    return False


_LIST_OPENERS = (("such", "as"), ("including",), ("like",))
_ASIDE_OPENERS = frozenset({"the", "a", "an", "its", "which", "who"})


def listed_companies(trigger: Token) -> list[str]:
    """The companies a plural subject lists: "companies such as Adam Opel - the German
    arm of General Motors - and retailer KarstadtQuelle have slashed jobs" -> both names.

    Asides between dashes or commas that open with a determiner are skipped; each
    listed item gives its last run of capitalised words (its name, not a description).
    """
    subject = subject_of(trigger)
    if subject is None or subject.tag_ != "NNS" or subject.lemma_ not in _company_nouns():
        return []
    doc = subject.doc
    start = subject.i + 1
    for opener in _LIST_OPENERS:
        words = tuple(t.lower_ for t in doc[start : start + len(opener)])
        if words == opener:
            start += len(opener)
            break
    else:
        return []
    end = min([trigger.i, *(c.i for c in trigger.lefts if c.dep_ in ("aux", "auxpass"))])
    return _list_items(doc[start:end])


def _list_items(span: Span) -> list[str]:
    items: list[list[Token]] = [[]]
    aside = False
    for tok in span:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else tok
        if tok.text in ("-", "–", "—", ","):
            if aside:
                aside = False
                if tok.text == ",":
                    items.append([])
                continue
            if nxt.lower_ in _ASIDE_OPENERS:
                aside = True
                continue
            items.append([])
        elif not aside and tok.lower_ in ("and", "or"):
            items.append([])
        elif not aside:
            items[-1].append(tok)
    names = [_trailing_name(item) for item in items]
    return [n for n in names if n]


def _trailing_name(tokens: list[Token]) -> str | None:
    run: list[Token] = []
    for tok in reversed(tokens):
        if not tok.text[:1].isupper():
            break
        run.insert(0, tok)
    return clean_name(" ".join(t.text for t in run)) if run else None
