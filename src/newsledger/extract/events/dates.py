"""When an event happened, from the date phrases of the sentence that states it."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from newsledger.extract.events.spans import ents_in
from newsledger.normalize.dates import resolve_date

# a reporting period ("2011", "the third quarter") is not the date of an announcement
_PERIOD_WORDS = frozenset(
    ["year", "quarter", "half", "fiscal", "annual", "month", "period", "season"]
)


def _clause_verb(tok: Token) -> Token | None:
    return next((t for t in (tok, *tok.ancestors) if t.pos_ in ("VERB", "AUX")), None)


def dates_trigger(ent: Span, trigger: Token) -> bool:
    """Whether a date phrase can date what ``trigger`` states: it hangs on the trigger's
    verb or a verb above it ("said on Monday it would cut"), or on a clause of the
    trigger noun ("cuts announced on Monday"); not on another verb below or beside it
    ("the unit it bought in April")."""
    verb = _clause_verb(ent.root)
    own = _clause_verb(trigger)
    if verb is None or own is None or verb.i == own.i:
        return True
    return any(a.i == verb.i for a in own.ancestors) or verb.head.i == trigger.i


def event_date(sent: Span, published: date | None, trigger: Token | None = None) -> date | None:
    """The first date phrase in ``sent`` that resolves against ``published``.

    Only relative phrases and named days count ("yesterday", "on Monday",
    "earlier this week", "last month"); a bare period is a reporting period.
    With ``trigger``, only a date phrase of the trigger's own clause counts.
    """
    if published is None:
        return None
    for ent in ents_in(sent):
        if ent.label_ != "DATE":
            continue
        if trigger is not None and not dates_trigger(ent, trigger):
            continue
        words = {t.lower_ for t in ent}
        if words & _PERIOD_WORDS and not words & {"this", "last", "earlier", "next"}:
            continue
        resolved = resolve_date(ent.text, published)
        # a date after publication is a deadline or a plan, not when it was said
        if resolved is not None and resolved.precision != "year" and resolved.value <= published:
            return resolved.value
    return None
