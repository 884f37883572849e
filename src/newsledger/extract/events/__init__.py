"""Typed business events from a parsed article.

``find_events`` is what the ``newsledger_events`` spaCy component calls. It
looks at each sentence once: a sentence with no trigger lemma and no
money, percent or number entity is skipped before any rule runs. The
finders (``layoffs``, ``financials``, ``plans``, ``strategy``,
``leadership``, ``corporate``) each read their rules from
``extract/rules/*.jsonl``.

>>> from newsledger.pipeline import Extractor          # doctest: +SKIP
>>> ev = Extractor().extract_text("Acme will cut 500 jobs.").events[0]  # doctest: +SKIP
>>> (ev.type, ev.company, ev.args.jobs)                 # doctest: +SKIP
('layoff', 'Acme', 500)
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from newsledger.extract.events.context import ArticleContext, build_context
from newsledger.extract.events.layoffs import (
    LayoffMention,
    elliptical_mentions,
    find_mentions,
    lexicon,
    trigger_lemmas,
)
from newsledger.extract.events.merge import layoff_events
from newsledger.extract.events.spans import ents_in, release
from newsledger.models import Article, Entity, Event

_FIGURE_LABELS = frozenset({"MONEY", "PERCENT", "CARDINAL"})


@lru_cache(maxsize=1)
def _prefilter_lemmas() -> frozenset[str]:
    from newsledger.extract.events import corporate, financials, leadership, plans, strategy

    return (
        trigger_lemmas()
        | financials.trigger_lemmas()
        | plans.trigger_lemmas()
        | strategy.trigger_lemmas()
        | leadership.trigger_lemmas()
        | corporate.trigger_lemmas()
    )


def _worth_a_look(sent: Span, words: set[str], lemmas: frozenset[str]) -> bool:
    """The cheap prefilter: a trigger word, or a money, percent or number entity."""
    if words & lemmas:
        return True
    return any(ent.label_ in _FIGURE_LABELS for ent in ents_in(sent))


def find_events(
    doc: Doc,
    article: Article,
    entities: list[Entity],
    trace: list[Any] | None = None,
    cue_trace: list[Any] | None = None,
    merge_trace: list[Any] | None = None,
    figure_trace: list[Any] | None = None,
) -> list[Event]:
    """Every event the article states, in order of first evidence. ``trace``, when
    given, collects every company choice (``arguments.Choice``), ``cue_trace`` every
    choice of what an amount measures (``cues.CueChoice``), ``merge_trace`` every
    choice of the layoff a mention states (``merge.MergeChoice``), ``figure_trace``
    every choice of a mention's count or share (``figures.FigureChoice``), for fitting
    weights."""
    try:
        return _find(doc, article, entities, trace, cue_trace, merge_trace, figure_trace)
    finally:
        release(doc)


def _find(
    doc: Doc,
    article: Article,
    entities: list[Entity],
    trace: list[Any] | None,
    cue_trace: list[Any] | None,
    merge_trace: list[Any] | None = None,
    figure_trace: list[Any] | None = None,
) -> list[Event]:
    from newsledger.extract.events import (
        corporate,
        financials,
        leadership,
        plans,
        results,
        strategy,
    )

    ctx = build_context(doc, article, entities)
    ctx.trace = trace
    ctx.cue_trace = cue_trace
    ctx.merge_trace = merge_trace
    ctx.figure_trace = figure_trace
    lemmas = _prefilter_lemmas()
    lex = lexicon()
    mentions: list[LayoffMention] = []
    events: list[Event] = []
    money_used: set[int] = set()
    fin = financials.FinancialState(ctx)
    for sent in ctx.units:
        words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        if not _worth_a_look(sent, words, lemmas):
            continue
        # each finder runs only where one of its own trigger words is
        if words & trigger_lemmas():
            mentions.extend(find_mentions(ctx, sent, lex))
        elif words & lex.verbs_of_cuts:  # "A year earlier it cut 5,000.": no job word
            mentions.extend(elliptical_mentions(ctx, sent, lex))
        if words & plans.trigger_lemmas():
            events.extend(plans.find_plans(ctx, sent, money_used))
        if words & financials.trigger_lemmas():
            events.extend(fin.find(sent, money_used))
        if words & strategy.trigger_lemmas():
            events.extend(strategy.find_strategy(ctx, sent))
        if words & leadership.trigger_lemmas():
            events.extend(leadership.find_leadership(ctx, sent))
        if words & corporate.trigger_lemmas() or "(" in words:
            events.extend(corporate.find_corporate(ctx, sent))
    events.extend(fin.leftovers())
    events.extend(layoff_events(ctx, mentions, stated_workforce_of(ctx)))
    events = plans.merge_plans(events)
    events = results.merge_results(events)
    events = results.fold_headline(events, ctx.headline.end_char if ctx.headline else None)
    events = [_spelled_out(ctx, e) for e in events]
    return sorted(_dedupe(events), key=lambda e: e.evidence[0].start)


def _spelled_out(ctx: ArticleContext, event: Event) -> Event:
    full = ctx.full_name(event.company)
    return event if full == event.company else dataclasses.replace(event, company=full)


def stated_workforce_of(ctx: ArticleContext) -> int | None:
    from newsledger.extract.events.layoffs import stated_workforce

    return stated_workforce(ctx)


def _dedupe(events: list[Event]) -> list[Event]:
    seen: set[str] = set()
    out: list[Event] = []
    for event in events:
        key = repr((event.type, event.company, event.args))
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out


__all__ = ["find_events"]
