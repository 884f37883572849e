"""Renames and divestitures.

Renames are read by the regular expressions of ``rules/corporate.jsonl``
("Sony Entertainment Network (previously the PlayStation Network)",
"X, formerly known as Y", "X was renamed Y"). A divestiture is a selling verb
or noun whose object is a business ("its shipping unit", "a 20% stake") or a
named company, with the buyer from "to <company>"; selling goods is not one.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from newsledger.extract.events.companies import actor_for, org_in
from newsledger.extract.events.context import ArticleContext
from newsledger.extract.events.dates import event_date
from newsledger.extract.events.rules import load_book
from newsledger.extract.events.spans import ent_at
from newsledger.extract.events.strategy import phrase_text
from newsledger.models import DivestitureArgs, Event, RenameArgs
from newsledger.resolve.names import clean_name


@lru_cache(maxsize=1)  # from rule files read once
def trigger_lemmas() -> frozenset[str]:
    book = load_book("corporate")
    return (
        book.lemmas("sell_verb")
        | book.lemmas("sale_noun")
        | frozenset({"rename", "renamed", "formerly", "previously", "rebrand", "name"})
    )


def _clean(name: str) -> str:
    name = clean_name(name.strip())
    return name.removeprefix("The ").strip()


def find_renames(ctx: ArticleContext, sent: Span) -> list[Event]:
    out: list[Event] = []
    for rule in load_book("corporate").role("rename"):
        assert rule.pattern is not None
        for match in rule.pattern.finditer(sent.text):
            old, new = _clean(match.group("old")), _clean(match.group("new"))
            if old and new and old.lower() != new.lower():
                company = ctx.company_before(sent[0])
                if company in (old, new):
                    company = ctx.main_company if ctx.main_company not in (old, new) else None
                out.append(
                    Event(
                        "rename",
                        company,
                        RenameArgs(old=old, new=new),
                        (ctx.evidence(sent),),
                        event_date(sent, ctx.published),
                    )
                )
    return out


def _asset(ctx: ArticleContext, obj: Token) -> str | None:
    book = load_book("corporate")
    if (obj.lemma_.lower() in book.lemmas("asset_noun") and obj.tag_ != "NNS") or (
        any(c.dep_ == "poss" for c in obj.children)
        and obj.lemma_.lower() in book.lemmas("asset_noun")
    ):
        return phrase_text(obj)
    named = org_in(ctx, [obj])
    return named


def _buyer(ctx: ArticleContext, head: Token) -> str | None:
    for prep in (c for c in head.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            name = org_in(ctx, list(pobj.subtree))
            if name:
                return name
            if pobj.pos_ == "PROPN":
                return phrase_text(pobj)
    return None


def ent_text(tok: Token) -> str | None:
    ent = ent_at(tok)
    return ent.text if ent is not None else None


def find_divestitures(ctx: ArticleContext, sent: Span) -> list[Event]:
    book = load_book("corporate")
    verbs, nouns = book.lemmas("sell_verb"), book.lemmas("sale_noun")
    out: list[Event] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in verbs:
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            objs += [
                p
                for prep in tok.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children
                if p.dep_ == "pobj"
            ]
        elif tok.pos_ == "NOUN" and lemma in nouns and tok.lower_ != "sales":  # sales = revenue
            objs = [
                p
                for prep in tok.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for p in prep.children
                if p.dep_ == "pobj"
            ]
        else:
            continue
        asset = next((a for a in (_asset(ctx, o) for o in objs) if a), None)
        if asset is None:
            continue
        buyer = _buyer(ctx, tok) or next((b for b in (_buyer(ctx, o) for o in objs) if b), None)
        company = actor_for(ctx, tok).company
        if company is not None and company == buyer:
            sellers = [t for t in sent if not (t.ent_type_ and buyer in (ent_text(t) or ""))]
            company = org_in(ctx, sellers) or ctx.context_company()
        if company is None or company == asset:
            continue
        args = DivestitureArgs(asset=asset, buyer=buyer)
        out.append(
            Event(
                "divestiture", company, args, (ctx.evidence(sent),), event_date(sent, ctx.published)
            )
        )
    return out


def find_corporate(ctx: ArticleContext, sent: Span) -> list[Event]:
    """Renames and divestitures stated in one sentence unit."""
    return find_renames(ctx, sent) + find_divestitures(ctx, sent)
