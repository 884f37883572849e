"""The figures of a layoff mention: how many jobs, what share of the workforce.

A count is the number on the job noun ("up to 2,500 jobs"), on the cutting
verb ("reduce its workforce by 1,200") or on a share's head ("400 of its
staff"); a share is a percentage or fraction over the workforce ("6% of the
workforce", "one in ten posts", "nearly half the workforce"). The normalizers
read the text; this module finds which words to give them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from newsledger.extract.events.arguments import (
    Weights,
    features_of,
    names_of,
    rule_json,
    weights_of,
)
from newsledger.normalize.numbers import parse_count_range, parse_percent

FRACTION_HEADS = frozenset(
    [
        "half",
        "third",
        "quarter",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "percent",
        "%",
        "one",
        "two",
        "three",
        "cent",
    ]
)


# words before a figure that qualify it ("up to", "between ... and", "more than")
_QUALIFIER_WORDS = frozenset(
    [
        "between",
        "up",
        "to",
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "over",
        "more",
        "than",
        "as",
        "many",
        "approximately",
        "roughly",
        "at",
        "least",
        "fewer",
        "less",
        "under",
    ]
)


def count_text(anchor: Token) -> Span | None:
    """The number phrase counting ``anchor`` ("up to 2,500" in "up to 2,500 jobs")."""
    nums = [
        c
        for c in anchor.children
        if c.dep_ in ("nummod", "quantmod") or (c.like_num and c.i < anchor.i)
    ]
    if not nums:
        return None
    start = min(n.left_edge.i for n in nums)
    end = max(n.right_edge.i for n in nums) + 1
    doc = anchor.doc
    while start > 0 and doc[start - 1].lower_ in _QUALIFIER_WORDS:
        start -= 1  # "between" in "lay off between 300 and 400 workers"
    return doc[start:end]


_SCALE_WORDS = frozenset({"million", "thousand", "billion", "hundred"})


def _number_only(span: Span) -> str:
    """The figure alone when its qualifier does not parse ("to 45,000" -> "45,000")."""
    for tok in span:
        if tok.like_num:
            after = span[tok.i - span.start + 1 : tok.i - span.start + 2]
            scale = [t.text for t in after if t.lower_ in _SCALE_WORDS]
            return " ".join([tok.text, *scale])
    return span.text


def share_head(anchor: Token) -> Token | None:
    """The share word governing "of <anchor>": "6% of the workforce", "a fifth of its staff"."""
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ in ("of", "in"):
        share = head.head
        if head.lower_ == "in" and not share.like_num and head.i > 0:
            share = anchor.doc[head.i - 1]  # "cut one in ten posts": "one" is the verb's object
        if share.lower_ == "cent" and share.head.lower_ == "per":
            share = share.head.head  # "8 per cent of its staff" is headed by "8"
        if share.lower_ in FRACTION_HEADS or share.ent_type_ == "PERCENT" or share.like_num:
            return share
    return None


def says_share(text: str) -> bool:
    """ "8 per cent", "6%", "one in ten": the text states a share, not a count."""
    return any(w in text.lower() for w in (" in ", "%", "cent"))


def share_text(share: Token, anchor: Token) -> str:
    """ "6%" of "6% of the workforce"; "one in ten" of "one in ten posts"."""
    prep = anchor.head
    if prep.lower_ == "in":
        nums = [c for c in anchor.children if c.like_num]
        end = max(n.i for n in nums) + 1 if nums else prep.i + 1
    else:
        end = prep.i
    return share.doc[share.left_edge.i : max(end, share.i + 1)].text


def _before_date(span: Span) -> Span:
    """ "a fifth over three years" -> "a fifth": the figure before a period the parser
    hung on it; a span that is all date stays whole (and is skipped as a deadline)."""
    end = next((t.i for t in span if t.ent_type_ in ("DATE", "TIME")), span.end)
    while end > span.start and span.doc[end - 1].pos_ in ("ADP", "CCONJ", "PUNCT"):
        end -= 1
    return span.doc[span.start : end] if end > span.start else span


def _by_phrases(trigger: Token) -> list[Span]:
    """ "reduce its workforce by 1,200" -> ["1,200"]; dates ("by 2010") are deadlines."""
    out: list[Span] = []
    for child in trigger.children:
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            for obj in (c for c in child.children if c.dep_ in ("pobj", "prep", "pcomp")):
                span = _before_date(trigger.doc[obj.left_edge.i : obj.right_edge.i + 1])
                percent_money = "cent" in span.text.lower()  # "15 per cent", tagged MONEY
                if (
                    any(t.ent_type_ in ("DATE", "TIME", "MONEY") for t in span)
                    and not percent_money
                ):
                    continue
                out.append(span)
    return out


_NOUN_FIGURE_PREPS = frozenset({"of", "to", "for", "among", "affecting"})


def _noun_phrases(trigger: Token) -> list[Span]:
    """ "a headcount reduction of 10%", "job cuts of 1,500", "redundancy to 800 staff"."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return []
    out: list[Span] = []
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in _NOUN_FIGURE_PREPS:
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                span = trigger.doc[obj.left_edge.i : obj.right_edge.i + 1]
                if not any(t.ent_type_ in ("DATE", "TIME", "MONEY") for t in span):
                    out.append(span)
    return out


def _first_percent(span: Span) -> Figures | None:
    """The first percentage of a range the normalizer does not read ("between 5% and 7%")."""
    for tok in span:
        if tok.like_num and tok.i + 1 < span.end and span.doc[tok.i + 1].text in ("%", "percent"):
            return read_percent(span.doc[tok.i : tok.i + 2].text)
    return None


@dataclass(frozen=True)
class Figures:
    jobs: int | None = None
    jobs_high: int | None = None
    percent: float | None = None
    raw: str | None = None


# The largest head count a figure can be. The world's workforce is about 3.5 billion and
# no cut in the news comes near 2 billion, so a larger count is a misread figure; it
# would not fit the store either (PostgreSQL's INTEGER ends at 2,147,483,647, SQLite's
# at 2^63 - 1: "9999999999999999999 jobs" crashed the ingest).
MAX_HEADCOUNT = 2_000_000_000


def read_count(text: str) -> Figures | None:
    counted = parse_count_range(text)
    if counted is None or counted.low < 1 or counted.low != counted.low.to_integral_value():
        return None
    if max(counted.low, counted.high or 0) > MAX_HEADCOUNT:
        return None
    high = int(counted.high) if counted.high is not None else None
    return Figures(jobs=int(counted.low), jobs_high=high, raw=counted.raw)


_STATED_PERCENT = re.compile(r"%|\bper\s?cent\b|\bpercent\b|\bpct\b", re.IGNORECASE)


def read_percent(text: str) -> Figures | None:
    """A percentage the text states ("9%", "twenty percent"). A ratio ("one in ten", "a
    fifth", "half") is no percentage (ANNOTATION.md: derive nothing into ``percent``)."""
    share = parse_percent(text)
    if share is not None and not _STATED_PERCENT.search(text):
        return Figures(raw=share.raw)  # the ratio stays as written, in ``raw``
    if share is None or not (Decimal(0) < share.value <= Decimal(100)):
        return None
    return Figures(percent=float(share.value), raw=share.raw)


def _coordinated_percent(count: Token) -> Figures | None:
    """A percentage set beside a count with "or" or as an apposition: "10% or 14,500 of
    its staff", "14,500, or 10%, of its staff"."""
    near = [count.head] if count.dep_ in ("conj", "appos") else []
    near += [c for c in count.children if c.dep_ in ("conj", "appos")]
    for tok in near:
        if tok.ent_type_ == "PERCENT":
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None:
                return read_percent(ent.text)
    return None


def _direct_share(anchor: Token) -> Figures | None:
    """A share said beside the noun: "nearly half the workforce", "12,000 jobs - a fifth of..."."""
    for child in anchor.children:
        if child.dep_ in ("predet", "appos", "nummod", "quantmod") and (
            child.lower_ in FRACTION_HEADS or child.ent_type_ == "PERCENT"
        ):
            end = child.i + 1
            text = anchor.doc[child.left_edge.i : end].text
            if child.dep_ == "appos":
                of = next((c for c in child.children if c.lower_ == "of"), None)
                text = anchor.doc[child.left_edge.i : of.i if of is not None else end].text
            found = read_percent(text)
            if found is not None:
                return found
    return None


def _count_beside(people: frozenset[str], *heads: Token) -> Figures | None:
    """ "12% of its staff, or about 1,300 people": a count restating a share."""
    for head in heads:
        for child in head.children:
            if child.dep_ not in ("appos", "conj", "npadvmod"):
                continue
            if child.lemma_.lower() in people:
                span = count_text(child)
                found = read_count(span.text) if span is not None else None
                if found is not None:
                    return found
    return None


@dataclass(frozen=True)
class FigureReading:
    """One figure a relation of the mention reads: ``feature`` names the relation
    (``rules/figure_features.json``), ``slot`` is "jobs" or "percent"."""

    feature: str
    slot: str
    figures: Figures


def figure_readings(anchor: Token, trigger: Token, people: frozenset[str]) -> list[FigureReading]:
    """Every figure a relation of the mention reads, each slot's strongest first: the
    number on the job noun, the cue or the subject of "lose" ("2,500 jobs"); the share
    governing "of <noun>" ("6% of the workforce", "400 of its staff"); a share beside
    the noun ("nearly half the workforce") or coordinated with the count; a count
    restating a share ("12% of its staff, or about 1,300 people"); "between", an "of"
    phrase of the cue noun ("job cuts of 1,500") and "by" ("reduce ... by 1,200")."""
    out: list[FigureReading] = []

    def read(feature: str, slot: str, found: Figures | None) -> None:
        if found is not None:
            out.append(FigureReading(feature, slot, found))

    def has(slot: str) -> bool:
        return any(r.slot == slot for r in out)

    sources = [("count_on_noun", anchor), ("count_on_cue", trigger)]
    if anchor.dep_ == "compound" and anchor.head.pos_ not in ("NOUN", "PROPN"):
        sources.append(("count_on_cue", anchor.head))  # "3,000 jobs - out of...": on "out"
    if trigger.lemma_.lower() in ("lose", "leave"):
        # "20,000 workers lost their jobs": the count is on the subject or object
        sources += [
            ("count_on_cue", c)
            for c in trigger.children
            if c.dep_ in ("nsubj", "dobj") and c.i != anchor.i
        ]
    share = share_head(anchor)
    if share is not None:
        sources.pop(0)  # "9% of the 55,000 staff": 55,000 is the workforce
    for feature, source in sources:
        span = count_text(source)
        if span is None or any(t.ent_type_ in ("PERCENT", "DATE", "MONEY") for t in span):
            continue
        if " in " in span.text:  # "one in ten posts": a share, not a count
            read("ratio_on_noun", "percent", read_percent(span.text))
            continue
        read(feature, "jobs", read_count(span.text) or read_count(_number_only(span)))
    if share is not None:
        text = share_text(share, anchor)
        if share.ent_type_ == "PERCENT" or share.lower_ in FRACTION_HEADS or says_share(text):
            out[:] = [r for r in out if r.slot != "percent"]  # the share's own word decides
            read("share_of_noun", "percent", read_percent(text))
        if not has("percent") and share.like_num and " in " not in text:
            read("count_of_noun", "jobs", read_count(text))
    read("share_beside_noun", "percent", _direct_share(anchor))
    if not has("percent") and share is not None and share.like_num:
        read("share_coordinated", "percent", _coordinated_percent(share))
    if not has("jobs") and has("percent"):
        read("count_beside_share", "jobs", _count_beside(people, share or anchor, anchor))
    for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "between"):
        read("count_between", "jobs", read_count(trigger.doc[prep.i : prep.right_edge.i + 1].text))
    for of in _noun_phrases(trigger):
        if says_share(of.text):
            read("share_of_cue", "percent", read_percent(of.text) or _first_percent(of))
        elif of.root.like_num or of.root.lemma_.lower() in people:
            found = count_text(of.root) if not of.root.like_num else of
            read("count_of_cue", "jobs", read_count(found.text) if found is not None else None)
    for by in _by_phrases(trigger):
        by_share = read_percent(by.text) or _first_percent(by)
        if by_share is not None and (says_share(by.text) or not by.text[0].isdigit()):
            read("share_by", "percent", by_share)
        else:
            # "by about 18,000 jobs": the number phrase on the noun, not the noun
            counted = count_text(by.root) if by.root.lemma_.lower() in people else None
            read("count_by", "jobs", read_count((counted or by).text))
    return out


def figure_feature_table() -> tuple[dict[str, Any], ...]:
    return features_of("figure")


def figure_feature_names() -> tuple[str, ...]:
    return names_of("figure")


@cache
def default_figure_weights() -> Weights:
    return load_figure_weights(rule_json("figure_weights.json"))


def load_figure_weights(data: dict[str, Any]) -> Weights:
    return weights_of("figure", data)


@dataclass(frozen=True)
class FigureCandidate:
    """One value a slot could take (or none), with the relations that read it."""

    slot: str
    figures: Figures | None
    features: dict[str, float]


def figure_candidates(found: list[FigureReading], slot: str) -> list[FigureCandidate]:
    """The distinct values the readings give one slot, then *none*."""
    pool: dict[Figures, dict[str, float]] = {}
    for reading in found:
        if reading.slot == slot:
            pool.setdefault(reading.figures, {})[reading.feature] = 1.0
    return [
        *(FigureCandidate(slot, f, feats) for f, feats in pool.items()),
        FigureCandidate(slot, None, {"none": 1.0}),
    ]


@dataclass(frozen=True)
class FigureChoice:
    """What was decided for one slot of one mention (recorded when fitting weights)."""

    slot: str
    candidates: tuple[FigureCandidate, ...]
    chosen: int  # the index of the chosen candidate


def choose_figure(pool: list[FigureCandidate], weights: Weights) -> FigureCandidate:
    """The highest-scoring candidate; on a tie the earlier one (none comes last)."""
    best = pool[0]
    for cand in pool[1:]:
        if weights.score(cand.features) > weights.score(best.features):
            best = cand
    return best


def read_figures(
    anchor: Token,
    trigger: Token,
    people: frozenset[str],
    weights: Weights | None = None,
    trace: list[Any] | None = None,
) -> Figures:
    """Count and share for one mention: each slot's value is chosen among what the
    mention's relations read (:func:`figure_readings`) by one linear score
    (``rules/figure_weights.json``); ``trace`` collects each slot's candidates."""
    weights = weights or default_figure_weights()
    found = figure_readings(anchor, trigger, people)
    chosen: dict[str, Figures | None] = {}
    for slot in ("jobs", "percent"):
        pool = figure_candidates(found, slot)
        best = choose_figure(pool, weights)
        chosen[slot] = best.figures
        if trace is not None:
            trace.append(FigureChoice(slot, tuple(pool), pool.index(best)))
    jobs, percent = chosen["jobs"], chosen["percent"]
    raw = " / ".join(f.raw for f in (jobs, percent) if f is not None and f.raw) or None
    return Figures(
        jobs=jobs.jobs if jobs else None,
        jobs_high=jobs.jobs_high if jobs else None,
        percent=percent.percent if percent else None,
        raw=raw,
    )
