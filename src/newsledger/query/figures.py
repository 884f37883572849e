"""Figures that add up: a company's KPIs, and the notes a figure carries.

No KPI adds figures of different kinds, periods or currencies, and none adds a
forecast to a result. For each kind (a result or a forecast of it), each period
(its resolved end and length, and the segment when the figure is a division's)
shows one figure: the latest reported. A figure whose period is unknown stands
alone (one per real-world event). A forecast carries the chain of forecasts it
revised (``revises``), oldest first: ¥50bn → ¥230bn.

Jobs are totalled once per real-world event, without breakdowns (``part_of``),
denials and rumours (:func:`counts_jobs`).

>>> period_key({"kind": "net_loss", "period_end": "2015-03-31", "period_months": 12})
('net_loss', False, '2015-03-31', 12, '')
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from newsledger.normalize.currency import rate_day
from newsledger.query.records import EventRecord, Figure

# Layoffs that did not (or not yet credibly) happen are listed but not counted.
UNCOUNTED_LAYOFF_STATUSES = frozenset({"denied", "rumored"})
# a figure has at least one of these (an article may give only the dollar value)
_AMOUNTS = ("amount", "amount_usd", "amount_usd_stated")


def counts_jobs(type_: str, status: str | None, part_of: str | None) -> bool:
    """Whether a layoff's jobs go into the total: a breakdown of a larger cut never does.

    >>> counts_jobs("layoff", "announced", None), counts_jobs("layoff", None, "the 1,000")
    (True, False)
    """
    return type_ == "layoff" and status not in UNCOUNTED_LAYOFF_STATUSES and not part_of


def period_key(fields: dict[str, Any]) -> tuple[str, bool, str, int | None, str] | None:
    """What a figure must share with another to be the same KPI; None for an unknown period."""
    if not fields.get("period_end") or not fields.get("kind"):
        return None
    segment = str(fields.get("segment") or "").lower()
    end, months = str(fields["period_end"]), fields.get("period_months")
    return (str(fields["kind"]), bool(fields.get("outlook")), end, months, segment)


def stated_on(event: EventRecord) -> date | None:
    """When a figure was given: the event's date ("In July it had forecast"), else its
    article's publication date."""
    if event.date:
        return event.date
    own = [e.published for e in event.evidence if e.article_id == event.article_id]
    return next((d for d in [*own, *(e.published for e in event.evidence)] if d), None)


def _latest_first(event: EventRecord) -> tuple[date, int, int]:
    """Sort key, reversed: the latest stated; on one day, the first stated in its article
    (the headline figure; "down from $1bn a year earlier" comes after it)."""
    start = event.evidence[0].start if event.evidence else 0
    return (stated_on(event) or date.min, -start, -event.id)


def figures(events: Sequence[EventRecord]) -> list[Figure]:
    """The KPIs of a timeline: one figure per kind and period, the latest reported.

    Results come before forecasts, then kinds in order, the latest period first.
    """
    by_id = {e.id: e for e in events}
    slots: dict[Hashable, list[EventRecord]] = {}
    for event in events:
        if event.type != "financial" or all(event.fields.get(k) is None for k in _AMOUNTS):
            continue
        key = period_key(event.fields) or ("event", event.group_id or f"e{event.id}")
        slots.setdefault(key, []).append(event)
    found = []
    for reports in slots.values():
        reports.sort(key=_latest_first, reverse=True)
        latest = reports[0]
        found.append(_figure(latest, reports[1:], _chain(latest, by_id)))
    return sorted(found, key=_figure_order)


def _figure(latest: EventRecord, older: list[EventRecord], chain: list[EventRecord]) -> Figure:
    f = latest.fields
    # the same article giving another figure for this kind and period: shown beside
    # it, so a reader sees what the article left open (an earlier forecast it retells,
    # "In July it had forecast ...", is in the revision chain instead)
    revised = {e.id for e in chain}
    also = [
        e
        for e in older
        if e.article_id == latest.article_id
        and e.fields.get("amount") != f.get("amount")
        and e.id not in revised
        and not _retold(e, chain)
    ]
    return Figure(
        kind=str(f["kind"]),
        outlook=bool(f.get("outlook")),
        period_end=_as_date(f.get("period_end")),
        period_months=f.get("period_months"),
        segment=f.get("segment"),
        event=latest,
        revised=chain,
        older_reports=len(older),
        same_article=also,
    )


def _retold(event: EventRecord, chain: list[EventRecord]) -> bool:
    """A forecast the chain already holds, as another report of it (same figure)."""
    amount, currency = event.fields.get("amount"), event.fields.get("currency")
    return any(
        (e.fields.get("amount"), e.fields.get("currency")) == (amount, currency) for e in chain
    )


def _figure_order(f: Figure) -> tuple[bool, str, int, int]:
    end = -(f.period_end.toordinal() if f.period_end else 0)
    return (f.outlook, f.kind, end, f.event.id)


def _chain(event: EventRecord, by_id: dict[int, EventRecord]) -> list[EventRecord]:
    """The forecasts ``event`` revised, oldest first (a cycle in bad data ends it)."""
    chain: list[EventRecord] = []
    seen = {event.id}
    at = event.fields.get("revises")
    while isinstance(at, int) and at in by_id and at not in seen:
        seen.add(at)
        chain.insert(0, by_id[at])
        at = by_id[at].fields.get("revises")
    return chain


def _as_date(value: Any) -> date | None:
    return date.fromisoformat(str(value)) if value else None


# --- the notes a stored figure carries ----------------------------------------------


def usd_rate_notes(fields: dict[str, Any], published: date | None) -> dict[str, Any]:
    """For a dollar figure converted at the ECB rate (none stated by the article): the
    rate's day, how many days before the article it was quoted, and whether that is
    stale (more than a week).

    >>> usd_rate_notes({"currency": "JPY", "amount_usd": 2.1e9}, date(2014, 9, 14))
    {'usd_rate_date': '2014-09-12', 'usd_rate_days_old': 2, 'usd_rate_stale': False}
    >>> usd_rate_notes({"currency": "JPY", "amount_usd": 2.1e9}, None)["usd_rate_undated"]
    True
    >>> usd_rate_notes({"currency": "JPY", "amount_usd": 2e9, "amount_usd_stated": 2.1e9}, None)
    {}
    """
    currency = fields.get("currency")
    if not currency or fields.get("amount_usd") is None:
        return {}
    if fields.get("amount_usd_stated") is not None:
        return {}
    day = rate_day(str(currency), published)
    if day is None:
        return {}
    notes = {
        "usd_rate_date": day.day.isoformat(),
        "usd_rate_days_old": day.days_old,
        "usd_rate_stale": day.stale,
    }
    # an undated article was converted at the latest rate: nothing to say it is that day's
    return notes | ({"usd_rate_undated": True} if published is None else {})


def revised_notes(row: dict[str, Any]) -> dict[str, Any]:
    """The earlier forecast a stored forecast revises: its id and its figure."""
    if row.get("revises") is None:
        return {}
    return {
        "revises": int(row["revises"]),
        "revised_from": {
            "amount": _number(row.get("revised_amount_exact")),
            "currency": row.get("revised_currency"),
            "amount_usd": _number(row.get("revised_amount_usd_exact")),
            "amount_usd_stated": _number(row.get("revised_amount_usd_stated_exact")),
            "date": None if row.get("revised_date") is None else str(row["revised_date"])[:10],
        },
    }


def _number(exact: Any) -> int | float | None:
    if exact is None:
        return None
    value = Decimal(str(exact))
    return int(value) if value == value.to_integral_value() else float(value)


def jobs_total(rows: Iterable[tuple[Hashable, str, str | None, str | None, int]]) -> int:
    """Jobs cut, once per real-world event: ``(group, type, status, part_of, jobs)`` rows,
    the first of each group counted.

    >>> jobs_total([(1, "layoff", None, None, 1000), (1, "layoff", None, None, 1000),
    ...             (2, "layoff", None, "the 1,000", 80), (3, "layoff", "denied", None, 5)])
    1000
    """
    seen: set[Hashable] = set()
    total = 0
    for group, type_, status, part_of, jobs in rows:
        if group in seen or part_of:  # a breakdown is inside its total, never beside it
            continue
        seen.add(group)
        if counts_jobs(type_, status, part_of):
            total += jobs
    return total
