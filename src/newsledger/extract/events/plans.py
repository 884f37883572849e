"""Restructuring plans: a named programme, its budget, deadline and scope.

"One Sony will ... spend ¥75 billion on restructuring by the end of the 2012
fiscal year" gives the budget, the deadline and (from the sentence) the name;
"looking to restructure its electronics arm" gives the scope. Mentions of one
company's plan within an article merge into one event.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache

from spacy.tokens import Span, Token

from newsledger.extract.events.amounts import amount_text, money_spans
from newsledger.extract.events.companies import actor_for
from newsledger.extract.events.context import ArticleContext
from newsledger.extract.events.dates import event_date
from newsledger.extract.events.financials import usd_value
from newsledger.extract.events.rules import load_book
from newsledger.extract.events.spans import ents_in
from newsledger.models import Event, RestructuringArgs
from newsledger.normalize.dates import resolve_date
from newsledger.normalize.money import find_stated_conversion, parse_money
from newsledger.normalize.periods import parse_period

_QUOTES = "'\"‘’“”"
_DEADLINE_PREPS = ("by", "until", "before", "through")


@lru_cache(maxsize=1)  # from rule files read once
def trigger_lemmas() -> frozenset[str]:
    return load_book("plans").all_lemmas()


def plan_name(noun: Token) -> str | None:
    """ "the 'One Sony' initiative" -> "One Sony"; a plain "the plan" has none."""
    mods = [
        c
        for c in noun.lefts
        if (c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN") or c.dep_ == "nmod"
    ]
    quoted = [c for c in noun.lefts if c.text in _QUOTES]
    if not mods and not quoted:
        return None
    lefts = [
        t
        for t in noun.doc[noun.left_edge.i : noun.i]
        if t.dep_ not in ("det", "poss") and t.lower_ not in ("its", "their", "his", "her")
    ]
    if len(quoted) >= 2:
        lefts = [t for t in noun.doc[quoted[0].i + 1 : quoted[-1].i]]
    elif not mods:
        return None
    text = " ".join(t.text for t in lefts if t.text not in _QUOTES).strip()
    return text or None


def _named_plan(sent: Span) -> str | None:
    nouns = load_book("plans").lemmas("plan_noun")
    for tok in sent:
        if tok.lemma_.lower() in nouns and tok.pos_ == "NOUN":
            name = plan_name(tok)
            if name:
                return name
    return None


def _scope(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            tokens = [
                t for t in child.subtree if t.dep_ not in ("det", "poss") and t.tag_ != "PRP$"
            ]
            tokens = [t for t in tokens if t.i <= child.i or t.dep_ == "prep"][:8]
            if tokens:
                return " ".join(t.text for t in tokens if not t.is_punct)
    return None


def _deadline(sent: Span, after: int, published: date | None) -> tuple[date | None, str | None]:
    prep = next((t for t in sent if t.lower_ in _DEADLINE_PREPS and t.i >= after), None)
    if prep is None:
        return None, None
    text = sent.doc[prep.i : sent.end].text.strip().rstrip(" .;")
    dates = [e for e in ents_in(sent) if e.label_ == "DATE" and e.start > prep.i]
    for ent in dates:
        if published is not None:
            resolved = resolve_date(ent.text, published)
            if resolved is not None and resolved.precision == "day":
                return resolved.value, text
    for ent in dates:
        period = parse_period(ent.text, published=published)
        if period is not None and period.end is not None:
            return period.end, text
    return None, text if dates else None


def _budget_events(ctx: ArticleContext, sent: Span, money_used: set[int]) -> list[Event]:
    book = load_book("plans")
    lemmas = {t.lemma_.lower() for t in sent}
    if not lemmas & book.lemmas("restructure_word"):
        return []
    spend = book.lemmas("spend_verb")
    out: list[Event] = []
    for money in (m for m in money_spans(sent) if m.start not in money_used):
        verb = next((t for t in [money.root, *money.root.ancestors][:3] if t.pos_ == "VERB"), None)
        if verb is None or verb.lemma_.lower() not in spend:
            continue
        parsed = parse_money(amount_text(money))
        if parsed is None:
            continue
        money_used.add(money.start)
        window = ctx.article.text[money.end_char : money.end_char + 60]
        stated = find_stated_conversion(window)
        for other in money_spans(sent):
            if money.end_char < other.start_char < money.end_char + 30:
                money_used.add(other.start)
        deadline, deadline_text = _deadline(sent, money.end, ctx.published)
        usd = parsed.amount if parsed.currency == "USD" else None
        if usd is None and parsed.currency:
            usd = usd_value(parsed.amount, parsed.currency, ctx.published)
        args = RestructuringArgs(
            name=_named_plan(sent),
            amount=parsed.amount,
            currency=parsed.currency,
            amount_usd=usd,
            amount_usd_stated=stated.amount if stated and stated.currency == "USD" else None,
            deadline=deadline,
            deadline_text=deadline_text,
        )
        company = actor_for(ctx, verb, None, "plan").company
        out.append(
            Event(
                "restructuring_plan",
                company,
                args,
                (ctx.evidence(sent),),
                event_date(sent, ctx.published),
            )
        )
    return out


def _scope_events(ctx: ArticleContext, sent: Span) -> list[Event]:
    verbs = load_book("plans").lemmas("restructure_verb")
    out: list[Event] = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
            continue
        scope = _scope(tok)
        if scope is None:
            continue
        actor = actor_for(ctx, tok, None, "plan")
        args = RestructuringArgs(name=_named_plan(sent), scope=scope)
        out.append(
            Event(
                "restructuring_plan",
                actor.company,
                args,
                (ctx.evidence(sent),),
                event_date(sent, ctx.published),
            )
        )
    return out


def find_plans(ctx: ArticleContext, sent: Span, money_used: set[int]) -> list[Event]:
    """Restructuring plans stated in one sentence unit."""
    return _budget_events(ctx, sent, money_used) + _scope_events(ctx, sent)


def _fold(a: RestructuringArgs, b: RestructuringArgs) -> RestructuringArgs:
    changes = {k: v for k, v in vars(b).items() if v is not None and getattr(a, k) is None}
    return replace(a, **changes)


def merge_plans(events: list[Event]) -> list[Event]:
    """One restructuring_plan per company and article; other events pass through."""
    out: list[Event] = []
    by_company: dict[str | None, int] = {}
    for event in events:
        if event.type != "restructuring_plan":
            out.append(event)
            continue
        at = by_company.get(event.company)
        if at is None:
            by_company[event.company] = len(out)
            out.append(event)
            continue
        first = out[at]
        assert isinstance(first.args, RestructuringArgs) and isinstance(
            event.args, RestructuringArgs
        )
        out[at] = replace(
            first, args=_fold(first.args, event.args), evidence=first.evidence + event.evidence
        )
    return out
