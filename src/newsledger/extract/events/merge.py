"""One layoff event per layoff: mentions of the same cut across an article become one.

A count in one sentence and a percentage in another ("shed 10,000 jobs" ...
"cutting 6% of the workforce") are one event with both figures; a headline's
rounded count joins the body's; a later "the job losses" with no figure adds
evidence; a cut dated to another time ("A year earlier it cut 1,200") is a round of
its own. Different companies, or a different unit of the same company, stay
separate. How, the way ``arguments.py`` chooses an event's company:

1. **Candidates**: for each mention in turn (the body, then the headline), every
   layoff drafted so far, and a new event.
2. **Features**: a fixed set of general ones, each defined with examples in
   ``rules/merge_features.json``: the same company or another, the same count or a
   different one, a different share or unit, the headline's rounding, a breakdown
   ("300 of the jobs"), a smaller or rumoured count, times that do not overlap, no
   figure at all, recency.
3. **One linear score** per candidate with the weights of
   ``rules/merge_weights.json`` (fitted on tune folds only by
   ``scripts/fit_merge_weights.py``); the highest wins, a new event on a tie.

Where count and share are both known, the implied size of the workforce (or unit)
is derived, and a workforce size stated elsewhere that disagrees is noted in
``conflict``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import Any, cast

from spacy.tokens import Span

from newsledger.extract.events.arguments import (
    Weights,
    features_of,
    names_of,
    rule_json,
    weights_of,
)
from newsledger.extract.events.context import ArticleContext
from newsledger.extract.events.dates import DAY_SLACK, event_date, past_date, stated_time
from newsledger.extract.events.figures import MAX_HEADCOUNT
from newsledger.extract.events.layoffs import LayoffMention
from newsledger.extract.events.spans import memo
from newsledger.models import Event, Evidence, LayoffArgs
from newsledger.resolve.names import is_acronym, spells_initials

NEW_EVENT = "<new>"
# a stated workforce within this share of the implied one agrees with it
CONFLICT_TOLERANCE = 0.10


@dataclass
class _Draft:
    first: LayoffMention
    mentions: list[LayoffMention] = field(default_factory=list)

    @property
    def company(self) -> str | None:
        """The first company the text names, before one that "it" was resolved to; a
        guess from the article only when none is."""
        explicit = [m.actor for m in self.mentions if m.actor.explicit and m.actor.company]
        named = next((a.company for a in explicit if not a.referred), None)
        return named or next((a.company for a in explicit), None) or self.first.actor.company

    def time(self, published: date) -> tuple[date, date] | None:
        """The first time a mention of the draft states for it."""
        return next((t for m in self.mentions if (t := _time_of(m, published))), None)

    def value(self, name: str) -> object:
        # a breakdown ("12,500 of the positions") is part of a figure, never the figure
        for m in (m for m in self.mentions if not m.breakdown):
            v = getattr(m, name)
            if v is not None:
                return v
        return None


def _time_of(m: LayoffMention, published: date) -> tuple[date, date] | None:
    """The time the mention's own clause states ("last March", "a year earlier"), read
    once per mention (every pair of mention and draft asks for it)."""
    table = memo(m.unit_span, "time_of")
    key = ("time_of", m.trigger.i, published.toordinal())
    if key not in table:
        table[key] = stated_time(m.unit_span, published, m.trigger)
    return cast("tuple[date, date] | None", table[key])


def same_company(a: str | None, b: str | None) -> bool:
    """ "SBC" and "SBC Communications" are one company, and so are "SAS" and
    "Scandinavian Airlines System"; None matches only None.

    >>> same_company("SBC", "SBC Communications"), same_company("SBC", "AT&T")
    (True, False)
    >>> same_company("SAS", "Scandinavian Airlines System")
    True
    """
    if a is None or b is None:
        return a is b
    if (is_acronym(a) and spells_initials(a, b)) or (is_acronym(b) and spells_initials(b, a)):
        return True
    wa, wb = a.lower().split(), b.lower().split()
    n = min(len(wa), len(wb))
    return wa[:n] == wb[:n]


def _has_figure(m: LayoffMention) -> bool:
    """A count, a percentage, or a ratio kept as written ("almost a third")."""
    ratio = m.raw is not None and not m.negated  # "no jobs would be lost" states none
    return m.jobs is not None or m.percent is not None or ratio


@dataclass
class MergeCandidate:
    """An event already drafted that a mention could belong to, or a new event."""

    key: str
    draft: _Draft | None
    features: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class MergeChoice:
    """What was decided for one mention (recorded when fitting the weights)."""

    mention: LayoffMention
    candidates: tuple[MergeCandidate, ...]
    chosen: str


def merge_feature_table() -> tuple[dict[str, Any], ...]:
    return features_of("merge")


def merge_feature_names() -> tuple[str, ...]:
    return names_of("merge")


@cache
def default_merge_weights() -> Weights:
    return load_merge_weights(rule_json("merge_weights.json"))


def load_merge_weights(data: dict[str, Any]) -> Weights:
    return weights_of("merge", data)


def _both(a: object, b: object) -> bool:
    return a is not None and b is not None


def pair_features(
    m: LayoffMention, draft: _Draft, recency: float, published: date | None = None
) -> dict[str, float]:
    """The features of "mention ``m`` states the event of ``draft``"
    (``rules/merge_features.json``); ``recency`` is 1 for the latest draft, 1/2 for the
    one before, and so on; ``published`` (the article's day) dates relative phrases."""
    f: dict[str, float] = {"recency": round(recency, 4)}
    same = same_company(m.actor.company, draft.company)
    if same:
        f["same_company"] = 1.0
    elif m.actor.explicit:
        f["other_company"] = 1.0
    else:
        f["guessed_company"] = 1.0
    jobs, percent, unit = draft.value("jobs"), draft.value("percent"), draft.value("unit")
    if _both(jobs, m.jobs):
        f["same_count" if jobs == m.jobs else "count_differs"] = 1.0
    if _both(percent, m.percent) and percent != m.percent:
        f["percent_differs"] = 1.0
    if unit and m.unit and unit != m.unit:
        f["unit_differs"] = 1.0
    if m.in_headline and _summarises(m, draft):
        f["headline_rounds"] = 1.0
    if published is not None:
        # a mention with no time of its own is news of the article's day
        today = (published - DAY_SLACK, published + DAY_SLACK)
        here = _time_of(m, published) or today
        there = draft.time(published) or today
        if here[1] < there[0] or there[1] < here[0]:
            f["date_differs"] = 1.0
    if not same:
        return f
    if m.breakdown:
        f["breakdown"] = 1.0
    if not _has_figure(m):
        f["no_figure"] = 1.0
    if m.jobs is not None and not m.unit and not _own_round(m, draft):
        if isinstance(jobs, int) and jobs > m.jobs:
            f["smaller_count"] = 1.0
        if m.status == "rumored" and isinstance(jobs, int) and jobs != m.jobs:
            f["rumored_figure"] = 1.0
    return f


def merge_candidates(
    m: LayoffMention, drafts: list[_Draft], published: date | None = None
) -> list[MergeCandidate]:
    """A new event first, then every draft so far with its features."""
    pool = [MergeCandidate(NEW_EVENT, None, {"new": 1.0})]
    n = len(drafts)
    for i, d in enumerate(drafts):
        features = pair_features(m, d, 1.0 / (n - i), published)
        pool.append(MergeCandidate(f"draft@{i}", d, features))
    return pool


def choose_merge(pool: list[MergeCandidate], weights: Weights) -> MergeCandidate:
    """The highest-scoring candidate; on a tie the earlier one (a new event first)."""
    best, best_score = pool[0], weights.score(pool[0].features)
    for cand in pool[1:]:
        score = weights.score(cand.features)
        if score > best_score:
            best, best_score = cand, score
    return best


def group_mentions(
    mentions: list[LayoffMention],
    weights: Weights | None = None,
    trace: list[MergeChoice] | None = None,
    published: date | None = None,
) -> list[_Draft]:
    """Fold mentions into drafts: each mention joins the best-scoring draft, or starts
    a new one (dropped when it names no company)."""
    weights = weights or default_merge_weights()
    drafts: list[_Draft] = []
    for m in mentions:
        if m.negated and m.status != "denied" and not _has_figure(m):
            continue
        if m.breakdown and not any(same_company(d.company, m.actor.company) for d in drafts):
            m = replace(m, breakdown=False)  # no cut stated before: the count is the cut
        pool = merge_candidates(m, drafts, published)
        best = choose_merge(pool, weights)
        if trace is not None:
            trace.append(MergeChoice(m, tuple(pool), best.key))
        if best.draft is not None:
            best.draft.mentions.append(m)
        elif m.actor.company is not None:
            drafts.append(_Draft(m, [m]))
    return [d for d in drafts if any(_has_figure(m) for m in d.mentions) or _keep_bare(d)]


# a headline's count stands for the body's when within this share of it ("over a
# thousand" for 1,010; "around 4,200" for "over 4,200")
HEADLINE_ROUNDING = 0.10


def _summarises(m: LayoffMention, draft: _Draft) -> bool:
    """A headline count that rounds the draft's count or names the top of its range."""
    if m.jobs is None or draft.first.status == "denied":
        return False  # a denied report is not the cut a headline announces
    for stated in (draft.value("jobs"), draft.value("jobs_high")):
        if isinstance(stated, int) and abs(stated - m.jobs) <= HEADLINE_ROUNDING * stated:
            return True
    return False


def _own_round(m: LayoffMention, draft: _Draft) -> bool:
    """A count said to come on top of another, or one of those two is an earlier round:
    never a breakdown of the other."""
    return m.round is not None or draft.first.round == "earlier"


def _keep_bare(draft: _Draft) -> bool:
    """A layoff with no figure is kept when a company is named as doing it."""
    first = draft.first
    named = first.actor.how in ("subject", "attached") and first.actor.explicit
    named = named and not first.anaphoric
    return named and first.status not in ("denied", "rumored") and not first.negated


def implied_size(jobs: int | None, percent: float | None) -> int | None:
    """The workforce a count and its share imply: 1,000 jobs at 15% -> 6,667.

    >>> implied_size(10000, 6.0)
    166667
    """
    if jobs is None or not percent:
        return None
    size = int(jobs * 100 / percent + 0.5)
    return size if size <= MAX_HEADCOUNT else None  # "12 jobs, 0.0000001%": no workforce


def _conflict(implied: int | None, stated: int | None) -> str | None:
    if implied is None or stated is None:
        return None
    if abs(implied - stated) <= CONFLICT_TOLERANCE * stated:
        return None
    return f"count and share imply a workforce of {implied:,}; the article states {stated:,}"


def _evidence(ctx: ArticleContext, spans: list[Span]) -> tuple[Evidence, ...]:
    seen: dict[int, Span] = {}
    for span in spans:
        seen.setdefault(span.start, span)
    return tuple(ctx.evidence(s) for s in seen.values())


def _raw(m: LayoffMention) -> str:
    if not m.breakdown:
        return str(m.raw)
    where = f" at {m.unit}" if m.unit else ""
    return f"breakdown: {m.raw}{where}"


def to_event(ctx: ArticleContext, draft: _Draft, workforce: int | None = None) -> Event:
    """Build the layoff Event of one draft."""
    jobs = draft.value("jobs")
    percent = draft.value("percent")
    implied = implied_size(jobs, percent)  # type: ignore[arg-type]
    carrier = next((m for m in draft.mentions if _has_figure(m) and not m.breakdown), draft.first)
    args = LayoffArgs(
        jobs=jobs,  # type: ignore[arg-type]
        jobs_high=draft.value("jobs_high"),  # type: ignore[arg-type]
        percent=percent,  # type: ignore[arg-type]
        unit=draft.value("unit"),  # type: ignore[arg-type]
        location=draft.value("location"),  # type: ignore[arg-type]
        # an earlier round ("laid off 2,300 last autumn", "had already cut") has happened
        status="completed" if carrier.round == "earlier" else carrier.status,
        implied_size=implied,
        conflict=_conflict(implied, workforce) if not draft.value("unit") else None,
        raw=" / ".join(_raw(m) for m in draft.mentions if m.raw) or None,
    )
    spans = [carrier.unit_span] + [m.unit_span for m in draft.mentions]
    when = next(
        (d for m in draft.mentions if (d := event_date(m.unit_span, ctx.published, m.trigger))),
        None,
    )
    done = carrier.round == "earlier" or carrier.status == "completed"
    if when is None and done and ctx.published is not None:
        # a cut made is dated at its own time, a year if that is all the text says
        when = past_date(carrier.unit_span, ctx.published, carrier.trigger)
    return Event("layoff", draft.company, args, _evidence(ctx, spans), when)


def layoff_events(
    ctx: ArticleContext, mentions: list[LayoffMention], workforce: int | None
) -> list[Event]:
    """The article's layoff events: the body's mentions first, then the headline's,
    which join the body's cut they summarise ("up to 9,000" for "7,000 to 9,000")."""
    headline = ctx.headline
    start, end = (headline.start, headline.end) if headline is not None else (0, 0)
    top = [replace(m, in_headline=True) for m in mentions if start <= m.trigger.i < end]
    body = [m for m in mentions if not start <= m.trigger.i < end]
    drafts = group_mentions([*body, *top], ctx.merge_weights, ctx.merge_trace, ctx.published)
    return [to_event(ctx, d, workforce) for d in drafts]


__all__ = ["group_mentions", "implied_size", "layoff_events", "same_company"]
