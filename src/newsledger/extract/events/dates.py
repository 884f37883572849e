"""When an event happened, from the date phrases of the sentence that states it."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span

from newsledger.extract.events.spans import ents_in
from newsledger.normalize.dates import resolve_date

# a reporting period ("2011", "the third quarter") is not the date of an announcement
_PERIOD_WORDS = frozenset(
    ["year", "quarter", "half", "fiscal", "annual", "month", "period", "season"]
)


def event_date(sent: Span, published: date | None) -> date | None:
    """The first date phrase in ``sent`` that resolves against ``published``.

    Only relative phrases and named days count ("yesterday", "on Monday",
    "earlier this week", "last month"); a bare period is a reporting period.
    """
    if published is None:
        return None
    for ent in ents_in(sent):
        if ent.label_ != "DATE":
            continue
        words = {t.lower_ for t in ent}
        if words & _PERIOD_WORDS and not words & {"this", "last", "earlier", "next"}:
            continue
        resolved = resolve_date(ent.text, published)
        # a date after publication is a deadline or a plan, not when it was said
        if resolved is not None and resolved.precision != "year" and resolved.value <= published:
            return resolved.value
    return None
