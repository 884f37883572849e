"""Why an amount, or a result word, is no result of the company (ANNOTATION.md,
"Not results"): analysts' estimates, targets, combined or merged figures, running
totals since a year, amounts added or changed, judgements, trap words (price, value,
savings), per-share figures and stated conversions."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsledger.extract.events.amounts import money_spans
from newsledger.extract.events.rules import PhraseHit, load_book
from newsledger.extract.events.spans import doc_text, sent_of
from newsledger.normalize.money import parse_money


def analysts_say(chain: list[Token]) -> bool:
    """ "Analysts expect...", "according to analysts' forecasts...": not the company's figure.

    Only the subject's own words count (its head, compounds, conjuncts, possessor, an
    "of" object), so "the firm, a market leader in chips, had a loss" stays a result.
    """
    analysts = load_book("financial_cues").lemmas("analyst")
    for tok in chain:
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent") and _names_analysts(child, analysts):
                return True
            if child.lower_ == "according" and any(
                _names_analysts(t, analysts) for t in child.subtree if t.dep_ == "pobj"
            ):
                return True
    return False


def _names_analysts(head: Token, analysts: frozenset[str]) -> bool:
    own = [head, *(c for c in head.children if c.dep_ in ("compound", "conj", "poss", "pobj"))]
    own += [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(t.lemma_.lower() in analysts for t in own)


# "£5m lower than expected", "$2bn more": the amount is a change, not the result
_CHANGE_TAGS = frozenset({"JJR", "RBR"})


def is_change(money: Span) -> bool:
    """ "rose $2bn" (an amount of change on its verb), "a $3 billion increase in revenue"
    (an amount modifying a change noun): the change, not the total."""
    root = money.root
    if root.dep_ == "npadvmod" and root.head.tag_ in _CHANGE_TAGS:
        return True
    if root.dep_ in ("npadvmod", "dobj") and _moves_to_an_amount(root.head):
        return True  # "turnover rose $7.2bn to $170.8bn": the rise, not the turnover
    changes = load_book("financial_cues").lemmas("change_noun")
    return root.dep_ in ("nummod", "compound", "amod") and root.head.lemma_.lower() in changes


def _moves_to_an_amount(verb: Token) -> bool:
    """A verb of change ("rose", "fell") with "to" and an amount: the total it reached."""
    if verb.lemma_.lower() not in load_book("financial_cues").lemmas("comparison_word"):
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "to"
        and any(o.dep_ == "pobj" and o.ent_type_ == "MONEY" for o in prep.children)
        for prep in verb.children
    )


def aimed_at(words: set[str], chain: list[Token]) -> bool:
    """ "aiming for sales of 8.5 trillion yen", "a target of $2bn", "its goal is revenue
    of $10bn": a goal, not a result."""
    cues = load_book("financial_cues")
    subjects = {c.lemma_.lower() for t in chain for c in t.children if c.dep_ == "nsubj"}
    return bool((words | subjects) & cues.lemmas("aim"))


def combined(words: set[str], chain: list[Token]) -> bool:
    """ "A combination of A and B would have sales of $32bn": a merger's sum, not a result."""
    own: set[str] = set()
    for tok in chain:
        for subject in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
            own.add(subject.lemma_.lower())
            own.update(c.lemma_.lower() for c in subject.children if c.dep_ in ("amod", "compound"))
    cues = load_book("financial_cues")
    # "accumulated losses ... in their 20-year history": a running total, not a result
    return bool((words | own) & (cues.lemmas("combined") | cues.lemmas("cumulative"))) or (
        since_then(chain)
    )


def since_then(chain: list[Token]) -> bool:
    """ "have lost $10bn since 2001", "Since launching the console in 2001, the project
    has cost $4bn", "since its founding": a total run up over years, not a period's
    result. A causal "since" ("since demand slowed") and a month of this year ("since
    January") name no such span."""
    for tok in chain:
        for child in tok.children:
            clause = child.dep_ == "advcl" and any(
                m.lower_ == "since" for m in child.children if m.dep_ in ("mark", "prep")
            )
            since = (child.lower_ == "since" and child.dep_ == "prep") or clause
            if since and _spans_years(list(child.subtree)):
                return True
    return False


_YEAR = re.compile(r"^(?:19|20)\d\d$")


_BEGINNINGS = frozenset({"founding", "foundation", "inception", "launch", "creation", "start"})


def _spans_years(words: list[Token]) -> bool:
    return any(
        (t.ent_type_ == "DATE" and _YEAR.match(t.text)) or t.lemma_.lower() in _BEGINNINGS
        for t in words
    )


def added(money: Span) -> bool:
    """ "to add $500m to revenue", "knock £30m off profit": a contribution, not a result."""
    root = money.root
    changes = load_book("financial_cues").lemmas("change_verb")
    return root.dep_ == "dobj" and root.head.lemma_.lower() in changes


def judged(money: Span, kind_tok: Token) -> bool:
    """ "Profits of around £420m would be well within the comfort zone": a figure put as
    the subject of a conditional "be" and judged, not stated (the amount is the subject's)."""
    head = kind_tok.head
    if kind_tok.dep_ != "nsubj" or head.lemma_.lower() != "be":
        return False
    modals = load_book("financial_cues").lemmas("hypothetical")
    if not any(c.dep_ == "aux" and c.lower_ in modals for c in head.children):
        return False
    return kind_tok in (money.root, *money.root.ancestors)


def subject_is_trap(hit: PhraseHit) -> bool:
    """ "Shares in Bombardier lost 65 cents", "shares closed in the red": a result verb
    (or the verb a result phrase hangs on) whose subject is a market thing."""
    traps = load_book("financial_cues").lemmas("verb_subject_trap")
    root = hit.span.root
    verb = root.head if root.pos_ == "ADP" else root
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in traps for c in verb.children
    )


def object_is_trap(hit: PhraseHit) -> bool:
    """ "expects to lose 9,000 jobs ... in a $1bn restructuring plan": a result verb whose
    object is no amount (jobs, customers, market share) says nothing about money."""
    if hit.rule.role != "kind_verb":
        return False
    traps = load_book("financial_cues").lemmas("verb_object_trap")
    return any(c.dep_ == "dobj" and c.lemma_.lower() in traps for c in hit.span.root.children)


def is_trap(hit: PhraseHit) -> bool:
    """A trap hit; a ``noun_only`` trap ("forecasts of $500m") is none as an active verb
    ("Harlan forecast revenue of $10bn" is the company's own outlook), but a passive one
    with nobody named ("profit had been forecast at $4bn") is the market's estimate."""
    if hit.rule.role != "trap":
        return False
    root = hit.span.root
    if hit.rule.value != "noun_only" or root.pos_ != "VERB":
        return True
    return any(c.dep_ == "auxpass" for c in root.children)


def of_trap(hit: PhraseHit, traps: list[PhraseHit]) -> bool:
    """ "Sales of stakes raised 1.17bn euros": the result word names a deal, not a result."""
    root = hit.span.root
    return any(
        t.span.root.dep_ == "pobj"
        and t.span.root.head.lower_ == "of"
        and t.span.root.head.head.i == root.i
        for t in traps
    )


def measures(money: Span, traps: list[PhraseHit]) -> bool:
    """ "£400m of annual savings", "$2bn of debt": the amount's own "of" names what it
    measures, and that is no result, however near a result word is."""
    return any(
        t.span.root.dep_ == "pobj"
        and t.span.root.head.lower_ == "of"
        and t.span.root.head.head.i == money.root.i
        for t in traps
    )


def of_a_percentage(hit: PhraseHit) -> bool:
    """ "closed at $35.18, a loss of 12 percent", "a gain of 4%": the result word's
    own amount is a percentage, a change; it takes no money from elsewhere."""
    root = hit.span.root
    for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.ent_type_ == "PERCENT" or obj.lower_ in ("%", "percent", "cent"):
                return True
    return False


def per_share_kind(hit: PhraseHit) -> bool:
    """ "earnings per share would be lower, at $4-$5": a per-share figure, not a result."""
    after = hit.span.doc[hit.span.end : hit.span.end + 2].text.lower()
    return after in ("per share", "a share")


def per_share(money: Span) -> bool:
    """ "$1.05 a share", "85 cents per share": earnings per share, not a result's amount."""
    after = money.doc[money.end : money.end + 3].text.lower()
    return after.startswith(("a share", "per share", "a diluted share", "per diluted share"))


_APPOSED_BEFORE = re.compile(
    r",\s*or\s+(?:about|roughly|around|some|nearly|almost|approximately|approx\.)?\s*$", re.I
)


def is_stated_conversion(money: Span) -> bool:
    """ "$926 million" in "¥75 billion (approx. $926 million)" or in "520 billion yen,
    or roughly $6.4 billion," restates another amount."""
    before = doc_text(money.doc)[max(0, money.start_char - 30) : money.start_char]
    if _APPOSED_BEFORE.search(before):
        earlier = [
            m
            for m in money_spans(sent_of(money.root))
            if money.start_char - 30 < m.end_char <= money.start_char
        ]
        mine = parse_money(money.text)
        theirs = parse_money(earlier[-1].text) if earlier else None
        return bool(mine and theirs and mine.currency and mine.currency != theirs.currency)
    return (
        "(" in before
        and ")" not in before.split("(")[-1]
        and any(
            m.end_char <= money.start_char and m.end_char > money.start_char - 30
            for m in money_spans(sent_of(money.root))
        )
    )
