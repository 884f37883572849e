"""Stored forecast revisions: ``events.revises`` names the forecast a newer one replaces.

The decision is :func:`newsledger.resolve.revisions.revision_links`; this module
reads a company's forecasts, asks it, and writes the links that changed. It runs
after an article is stored or re-extracted, after companies merge, and once over
every company in migration 10, so the links always follow what the store holds.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsledger.models import FinancialArgs
from newsledger.resolve.revisions import Forecast, revision_links
from newsledger.store.dialect import Db, Row
from newsledger.store.write import args_from_row, as_date

_FORECASTS = (
    "SELECT e.*, a.published AS published, "
    "(SELECT min(v.start) FROM evidence v WHERE v.event_id = e.id) AS position "
    "FROM events e JOIN articles a ON a.id = e.article_id "
    "WHERE e.type = 'financial' AND e.company_entity_id = ?"
)


def forecast_of(row: Row) -> Forecast | None:
    """A stored financial event as a :class:`Forecast`; None when it is a result."""
    args = args_from_row(row)
    if not isinstance(args, FinancialArgs) or not args.outlook:
        return None
    return Forecast(
        id=int(row["id"]),
        stated=as_date(row["event_date"]) or as_date(row["published"]),
        kind=args.kind,
        period_end=args.period_end,
        period_months=args.period_months,
        segment=args.segment,
        amount=args.amount,
        currency=args.currency,
        amount_usd=args.amount_usd_stated
        or args.amount_usd
        or (args.amount if args.currency == "USD" else None),
        position=int(row["position"] or 0),
    )


def relink_company(db: Db, company_id: int) -> int:
    """Link a company's forecasts into revision chains afresh; the links changed."""
    rows = db.rows(_FORECASTS, (company_id,))
    stored = {int(r["id"]): r.get("revises") for r in rows}
    forecasts = [f for f in map(forecast_of, rows) if f is not None]
    links = revision_links(forecasts)
    changed = 0
    for event_id, old in stored.items():
        new = links.get(event_id)
        if (None if old is None else int(old)) != new:
            db.execute("UPDATE events SET revises = ? WHERE id = ?", (new, event_id))
            changed += 1
    return changed


def relink_companies(db: Db, company_ids: Iterable[int | None]) -> int:
    """:func:`relink_company` for each company named (None, an event without one, is skipped)."""
    return sum(relink_company(db, c) for c in sorted({c for c in company_ids if c is not None}))


def article_companies(db: Db, article_id: str) -> set[int | None]:
    """The companies of an article's financial events, to relink after it changes."""
    rows = db.rows(
        "SELECT DISTINCT company_entity_id FROM events WHERE article_id = ? AND type = 'financial'",
        (article_id,),
    )
    return {r["company_entity_id"] for r in rows}


def relink_all(db: Db) -> int:
    """Every company's revision chains afresh (migration 10)."""
    rows = db.rows(
        "SELECT DISTINCT company_entity_id FROM events "
        "WHERE type = 'financial' AND company_entity_id IS NOT NULL"
    )
    return relink_companies(db, (int(r["company_entity_id"]) for r in rows))
