"""Leadership: a chief executive (or chair, CFO...) who arrives, goes, is fired or stays.

A change verb ("appointed", "stepped down", "ousted", "will remain") whose
person is a named PERSON (or "he"/"she" pointing at one), in a sentence that
names a title ("chief executive", "CEO", "chairman"). A resignation verb
under a negation ("has no plans of relinquishing his role") means the person
stays. Verbs and titles are in ``rules/leadership.jsonl``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from newsledger.extract.events.companies import org_in
from newsledger.extract.events.context import ArticleContext
from newsledger.extract.events.dates import event_date
from newsledger.extract.events.rules import load_book
from newsledger.extract.events.spans import doc_ents, ent_at
from newsledger.models import Event, LeadershipArgs

_CHANGE_ROLES = ("appoint_verb", "arrive_verb", "resign_verb", "fire_verb", "stay_verb")
# the person is the object of these, the subject of the others
_OBJECT_ROLES = ("appoint_verb", "fire_verb")
_PRONOUNS = ("he", "she")
# "step" and "stand" only mean leaving with "down"; "take" only with "over"
_PARTICLES = {"step": "down", "stand": "down", "take": "over"}


@lru_cache(maxsize=1)  # from rule files read once
def trigger_lemmas() -> frozenset[str]:
    book = load_book("leadership")
    return frozenset().union(*(book.lemmas(r) for r in _CHANGE_ROLES))


@lru_cache(maxsize=1)
def _title_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    values = load_book("leadership").lemma_values("title")
    forms = sorted(values, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in forms) + r")\b", re.IGNORECASE)
    return pattern, values


def titles_in(sent: Span) -> list[tuple[int, str]]:
    """(char offset, canonical title) of every title named in the sentence."""
    pattern, values = _title_pattern()
    return [
        (sent.start_char + m.start(), values[m.group(1).lower()])
        for m in pattern.finditer(sent.text)
    ]


def _person(ctx: ArticleContext, tok: Token) -> str | None:
    for t in tok.subtree:
        if t.ent_type_ == "PERSON":
            ent = ent_at(t)
            if ent is not None:
                return ctx.person_of_ent(ent)
    if tok.lower_ in _PRONOUNS:
        before = [e for e in doc_ents(ctx.doc) if e.label_ == "PERSON" and e.end <= tok.i]
        if before:
            return ctx.person_of_ent(before[-1])
    return None


def _subject(verb: Token) -> Token | None:
    tok = verb
    for _ in range(6):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _negated(verb: Token) -> bool:
    negs = load_book("leadership").lemmas("negation")
    for tok in [verb, *verb.ancestors][:5]:
        if tok.lemma_.lower() in negs:
            return True
        if any(c.lemma_.lower() in negs for c in tok.children if c.dep_ in ("neg", "det", "aux")):
            return True
    return False


def _who(ctx: ArticleContext, verb: Token, role: str) -> str | None:
    if role in _OBJECT_ROLES:
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass", "oprd"):
                found = _person(ctx, child)
                if found:
                    return found
        return None
    subject = _subject(verb)
    return _person(ctx, subject) if subject is not None else None


def _particle_ok(verb: Token) -> bool:
    need = _PARTICLES.get(verb.lemma_.lower())
    return need is None or any(c.lower_ == need for c in verb.children)


def _stays_in_post(verb: Token) -> bool:
    """ "will remain chief executive", "stay on as chairman": a title is the complement."""
    pattern, _ = _title_pattern()
    for child in verb.children:
        if child.dep_ in ("attr", "acomp", "oprd", "xcomp", "prep", "prt", "advmod"):
            span = verb.doc[child.left_edge.i : child.right_edge.i + 1]
            if pattern.search(span.text):
                return True
    return False


def _title_phrase(sent: Span, offset: int, title: str) -> str:
    """A title that names what is headed ("head of") takes its object: "head of the
    investment bank"."""
    if not title.endswith(" of"):
        return title
    head = next((t for t in sent if t.idx == offset), None)
    of = next((c for c in head.children if c.lower_ == "of"), None) if head is not None else None
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if head is None or obj is None:
        return title
    # the named person in apposition ("..., Garth Ritchie,") is not part of the post
    apart = {t.i for c in obj.children if c.dep_ in ("appos", "punct") for t in c.subtree}
    end = max(t.i for t in obj.subtree if t.i not in apart)
    return sent.doc[head.i : end + 1].text


def find_leadership(ctx: ArticleContext, sent: Span) -> list[Event]:
    """Leadership changes (or a leader staying) stated in one sentence unit."""
    titles = titles_in(sent)
    if not titles:
        return []
    book = load_book("leadership")
    roles = {
        lemma: (r.role, str(r.value))
        for role in _CHANGE_ROLES
        for r in book.role(role)
        for lemma in r.lemmas
    }
    out: list[Event] = []
    for tok in sent:
        found = roles.get(tok.lemma_.lower())
        if found is None or tok.pos_ != "VERB" or not _particle_ok(tok):
            continue
        role, change = found
        if role == "stay_verb" and not _stays_in_post(tok):
            continue  # "he remained optimistic" is no statement about a post
        person = _who(ctx, tok, role)
        if person is None:
            continue
        if _negated(tok):
            if role != "resign_verb":
                continue
            change = "stays"
        offset, title = min(titles, key=lambda t: abs(t[0] - tok.idx))
        title = _title_phrase(sent, offset, title)
        company = org_in(ctx, sent) or ctx.context_company()
        if company is None:
            continue  # a head of state or of an agency, not of a company
        args = LeadershipArgs(person=person, role=title, change=change)
        out.append(
            Event(
                "leadership", company, args, (ctx.evidence(sent),), event_date(sent, ctx.published)
            )
        )
    return out
