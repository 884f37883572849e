"""One layoff event per layoff: mentions of the same cut across an article become one.

A count in one sentence and a percentage in another ("shed 10,000 jobs" ...
"cutting 6% of the workforce") are one event with both figures; a later
"the job losses" with no figure adds evidence. Different companies, or a
different unit of the same company, stay separate. Where count and share are
both known, the implied size of the workforce (or unit) is derived, and a
workforce size stated elsewhere that disagrees is noted in ``conflict``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span

from newsledger.extract.events.context import ArticleContext
from newsledger.extract.events.dates import event_date
from newsledger.extract.events.figures import MAX_HEADCOUNT
from newsledger.extract.events.layoffs import LayoffMention
from newsledger.models import Event, Evidence, LayoffArgs
from newsledger.resolve.names import is_acronym, spells_initials

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

    def value(self, name: str) -> object:
        # a breakdown ("12,500 of the positions") is part of a figure, never the figure
        for m in (m for m in self.mentions if not m.breakdown):
            v = getattr(m, name)
            if v is not None:
                return v
        return None


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


def _compatible(draft: _Draft, m: LayoffMention) -> bool:
    if not same_company(m.actor.company, draft.company) and m.actor.explicit:
        return draft.value("jobs") is not None and draft.value("jobs") == m.jobs
    unit = draft.value("unit")
    if unit and m.unit and unit != m.unit:
        return False
    jobs = draft.value("jobs")
    if jobs is not None and m.jobs is not None and jobs != m.jobs:
        return False
    percent = draft.value("percent")
    return percent is None or m.percent is None or percent == m.percent


def _has_figure(m: LayoffMention) -> bool:
    """A count, a percentage, or a ratio kept as written ("almost a third")."""
    ratio = m.raw is not None and not m.negated  # "no jobs would be lost" states none
    return m.jobs is not None or m.percent is not None or ratio


def group_mentions(mentions: list[LayoffMention]) -> list[_Draft]:
    """Fold mentions into drafts: same company and compatible figures merge."""
    drafts: list[_Draft] = []
    for m in mentions:
        if m.negated and m.status != "denied" and not _has_figure(m):
            continue
        same = [d for d in drafts if same_company(d.company, m.actor.company)]
        if m.breakdown:
            if same:
                same[-1].mentions.append(m)
                continue
            m = replace(m, breakdown=False)  # no cut stated before: the count is the cut
        target = None
        if m.in_headline:  # the body's cut with this figure, before one with none
            target = next((d for d in drafts if _summarises(m, d) and _compatible(d, m)), None)
            target = target or next((d for d in same if _summarises(m, d)), None)
        target = target or next((d for d in reversed(drafts) if _compatible(d, m)), None)
        if target is None and same and not _has_figure(m):
            target = same[-1]
        # a breakdown of a figure already given, or an expected/reported other figure
        if (
            target is None
            and same
            and m.jobs is not None
            and not m.unit
            and not _own_round(m, same[-1])
        ):
            earlier = same[-1].value("jobs")
            if (isinstance(earlier, int) and earlier > m.jobs) or m.status == "rumored":
                target = same[-1]
        if target is None:
            if m.actor.company is None:
                continue
            drafts.append(_Draft(m, [m]))
        else:
            target.mentions.append(m)
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
    return [to_event(ctx, d, workforce) for d in group_mentions([*body, *top])]


__all__ = ["group_mentions", "implied_size", "layoff_events", "same_company"]
