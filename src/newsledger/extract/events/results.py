"""One financial result, one event: repeats of a result within an article are merged.

A story states its headline figure two or three times ("Halden profits soar to
1.2bn euros" ... "net profit rose 12% to 1.2 billion euros" ... "the profit of
1.2bn euros was a record"). Each repeat is the same fact: the merged event keeps
the first mention's place, every sentence as evidence, and the fullest arguments
(a period, a stated conversion, a record) any mention gives. It is an outlook
only when every mention is one.

>>> from decimal import Decimal
>>> a = FinancialArgs("revenue", Decimal("21.3e9"), currency="EUR")
>>> b = FinancialArgs("revenue", Decimal("21.3e9"), currency="EUR", period="2004")
>>> same_result(a, b)
True
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from newsledger.models import Event, FinancialArgs
from newsledger.resolve.names import company_key

# amounts this close (relative) are the same figure written twice ("1.2bn", "1.21bn")
SAME_AMOUNT = Decimal("0.005")


def same_result(a: FinancialArgs, b: FinancialArgs) -> bool:
    """Same kind, currency and amount, and no two different periods."""
    if (a.kind, a.subkind, a.currency) != (b.kind, b.subkind, b.currency):
        return False
    if a.amount is None or b.amount is None:
        return False
    if abs(a.amount - b.amount) > abs(a.amount) * SAME_AMOUNT:
        return False
    return a.period is None or b.period is None or a.period == b.period


def _fuller(a: FinancialArgs, b: FinancialArgs) -> FinancialArgs:
    """``a`` with what only ``b`` states."""
    return dataclasses.replace(
        a,
        amount_high=a.amount_high if a.amount_high is not None else b.amount_high,
        amount_usd_stated=a.amount_usd_stated
        if a.amount_usd_stated is not None
        else b.amount_usd_stated,
        period=a.period or b.period,
        period_end=a.period_end or b.period_end,
        outlook=a.outlook and b.outlook,
        record=a.record or b.record,
    )


def merge_results(events: list[Event]) -> list[Event]:
    """Financial events of one article with repeats merged; other events untouched."""
    out: list[Event] = []
    for event in events:
        args = event.args
        if event.type != "financial" or not isinstance(args, FinancialArgs):
            out.append(event)
            continue
        for n, kept in enumerate(out):
            kept_args = kept.args
            if (
                kept.type == "financial"
                and isinstance(kept_args, FinancialArgs)
                and company_key(kept.company or "") == company_key(event.company or "")
                and same_result(kept_args, args)
            ):
                evidence = kept.evidence + tuple(
                    e for e in event.evidence if e not in kept.evidence
                )
                out[n] = dataclasses.replace(kept, args=_fuller(kept_args, args), evidence=evidence)
                break
        else:
            out.append(event)
    return out


# a headline's amount stands for the body's when this close (relative): headlines
# round ("profits soar to $1.2bn" for "$1.21 billion")
HEADLINE_ROUNDING = Decimal("0.05")


def _rounds(headline: FinancialArgs, body: FinancialArgs) -> bool:
    if (headline.kind, headline.subkind, headline.currency) != (
        body.kind,
        body.subkind,
        body.currency,
    ):
        return False
    if headline.amount is None or body.amount is None or not body.amount:
        return False
    close = abs(headline.amount - body.amount) <= abs(body.amount) * HEADLINE_ROUNDING
    periods = headline.period is None or body.period is None or headline.period == body.period
    return close and periods


def fold_headline(events: list[Event], headline_end: int | None) -> list[Event]:
    """A result stated only in the headline joins the body's result it rounds.

    ``headline_end`` is where the headline ends (None: the article has none).
    """
    if headline_end is None:
        return events
    out = list(events)
    for event in events:
        args = event.args
        if event.type != "financial" or not isinstance(args, FinancialArgs):
            continue
        if not event.evidence or any(e.start >= headline_end for e in event.evidence):
            continue
        for n, body in enumerate(out):
            b_args = body.args
            if (
                body is not event
                and body.type == "financial"
                and isinstance(b_args, FinancialArgs)
                and any(e.start >= headline_end for e in body.evidence)
                and company_key(body.company or "") == company_key(event.company or "")
                and _rounds(args, b_args)
            ):
                evidence = body.evidence + tuple(
                    e for e in event.evidence if e not in body.evidence
                )
                out[n] = dataclasses.replace(body, args=_fuller(b_args, args), evidence=evidence)
                out.remove(event)
                break
    return out


__all__ = ["HEADLINE_ROUNDING", "SAME_AMOUNT", "fold_headline", "merge_results", "same_result"]
