"""When an event happened, from the date phrases of the sentence that states it."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta

from spacy.tokens import Span, Token

from newsledger.extract.events.spans import ents_in
from newsledger.normalize.dates import resolve_date
from newsledger.normalize.periods import period_end_words
from newsledger.normalize.types import ResolvedDate

# a reporting period ("2011", "the third quarter", "13 weeks ending in December") is
# not the date of an announcement; words compare by lemma
_PERIOD_WORDS = frozenset(
    ["year", "quarter", "half", "fiscal", "annual", "month", "period", "season", "week"]
)
# ...unless the phrase points from the publication day ("last week", "two months ago")
_RELATIVE_WORDS = frozenset(["this", "last", "earlier", "next", "ago"])
_PERIOD_LOOKBACK = 4  # tokens before a date where "the quarter up to" may stand
# a date after these words is a deadline ("by June"), never when a thing happened
_DEADLINE_WORDS = frozenset(["by", "until", "till", "through", "before"])


def is_period(ent: Span, sent_start: int = 0) -> bool:
    """A date phrase that names a reporting period or its end, not a day something
    was said: "the third quarter", "the 13 weeks ending in December", and "26 June"
    in "the quarter up to 26 June" (``sent_start``: where the sentence begins)."""
    words = {t.lemma_.lower() for t in ent} | {t.lower_ for t in ent}
    if words & _RELATIVE_WORDS:
        return False
    if words & _PERIOD_WORDS:
        return True
    doc = ent.doc
    before = doc[max(sent_start, ent.start - _PERIOD_LOOKBACK) : ent.start]
    if not len(before) or before[-1].lower_ not in period_end_words():
        return False
    return any(t.lemma_.lower() in _PERIOD_WORDS for t in before)


def _clause_verb(tok: Token) -> Token | None:
    return next((t for t in (tok, *tok.ancestors) if t.pos_ in ("VERB", "AUX")), None)


def dates_trigger(ent: Span, trigger: Token) -> bool:
    """Whether a date phrase can date what ``trigger`` states: it hangs on the trigger's
    verb or a verb above it ("said on Monday it would cut"), or on a clause of the
    trigger noun ("cuts announced on Monday") or of the noun the trigger's clause
    describes ("plans announced in January, in which 25,000 jobs go"); not on another
    verb below or beside it ("the unit it bought in April")."""
    verb = _clause_verb(ent.root)
    own = _clause_verb(trigger)
    if verb is None or own is None or verb.i == own.i:
        return True
    return (
        any(a.i == verb.i for a in own.ancestors)
        or verb.head.i == trigger.i
        or _same_noun(verb, own)
    )


def _same_noun(verb: Token, own: Token) -> bool:
    """ "plans announced in January, in which 25,000 positions should be cut": two
    clauses of one noun, the date of the one dating what the other states."""
    clauses = ("acl", "relcl")
    return verb.dep_ in clauses and own.dep_ in clauses and verb.head.i == own.head.i


def event_date(sent: Span, published: date | None, trigger: Token | None = None) -> date | None:
    """The first date phrase in ``sent`` that resolves against ``published``.

    Only relative phrases and named days count ("yesterday", "on Monday",
    "earlier this week", "last month"); a bare period is a reporting period.
    With ``trigger``, only a date phrase of the trigger's own clause counts.
    """
    if published is None:
        return None
    # a year alone is a reporting period more often than the day a thing was said
    return next(
        (r.value for r in _past_dates(sent, published, trigger) if r.precision != "year"), None
    )


# a day stated for an event covers the days around it ("on Monday" in a Friday's story)
DAY_SLACK = timedelta(days=7)


def stated_time(
    sent: Span, published: date, trigger: Token | None = None
) -> tuple[date, date] | None:
    """The stretch of time (first day, last day) that the first past date phrase of the
    trigger's clause names, at its own precision: "in 2007" is the year, "last March"
    the month, "on Monday" the day give or take a week. None when the clause names no
    past time (a reporting period or a deadline, "by June", is no time of the event).

    >>> stretch(resolve_date("in 2007", date(2009, 1, 26)))
    (datetime.date(2007, 1, 1), datetime.date(2007, 12, 31))
    """
    return stretch(_past(sent, published, trigger))


def past_date(sent: Span, published: date, trigger: Token | None = None) -> date | None:
    """The first day of the first past time the trigger's clause names, at any
    precision: "a year earlier" in a 2024 article is 1 January 2023, "in March" 1
    March (what dates an earlier round of cuts; :func:`stated_time` has the rules)."""
    resolved = _past(sent, published, trigger)
    return None if resolved is None else resolved.value


def _past(sent: Span, published: date, trigger: Token | None) -> ResolvedDate | None:
    return next(_past_dates(sent, published, trigger), None)


def _past_dates(sent: Span, published: date, trigger: Token | None) -> Iterator[ResolvedDate]:
    """Every date phrase of the trigger's clause that resolves to a time not after
    ``published``; no reporting period, no deadline ("by June"): a date after
    publication is a deadline or a plan, not when a thing was said or done."""
    for ent in ents_in(sent):
        if ent.label_ != "DATE":
            continue
        if trigger is not None and not dates_trigger(ent, trigger):
            continue
        if is_period(ent, sent.start) or _deadline(ent):
            continue
        resolved = resolve_date(ent.text, published)
        if resolved is not None and resolved.value <= published:
            yield resolved


def _deadline(ent: Span) -> bool:
    """ "by June", "until 2012": a time something is to be done by."""
    before = ent.doc[ent.start - 1] if ent.start else None
    return before is not None and before.lower_ in _DEADLINE_WORDS


def stretch(resolved: ResolvedDate | None) -> tuple[date, date] | None:
    """The days a resolved date covers at its precision."""
    if resolved is None:
        return None
    day = resolved.value
    if resolved.precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if resolved.precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    return day - DAY_SLACK, day + DAY_SLACK


# "after cutting 3,500 jobs", "following a loss of $5m": what these prepositions govern
# has happened before the clause they hang on
_DONE_PREPS = frozenset({"after", "following", "since"})


def done_before(chain: list[Token]) -> bool:
    """A verb or noun of ``chain`` is the object of "after", "following" or "since":
    what it states has happened, whatever the clause above says ("will restructure
    after posting a loss")."""
    return any(t.dep_ in ("pcomp", "pobj") and t.head.lower_ in _DONE_PREPS for t in chain)
