"""Cross-article resolution: pure decisions the store applies when it saves an article.

The store looks up candidates (events of the same company and type) and asks
these functions whether a newcomer reports one of them. Nothing here touches a database.

* Companies meet by :func:`~newsledger.resolve.names.company_key`.
* People: see :mod:`newsledger.resolve.people`.
* Events meet when two articles report the same company, type and compatible
  figures within :data:`SAME_EVENT_WINDOW_DAYS`; differing figures are kept and
  named in the group's ``conflict``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from newsledger.resolve.names import company_key
from newsledger.resolve.people import names_similar

# Two reports of one event can be dated apart by publication lag and by
# "last month" resolutions; a month covers both without joining a company's
# successive rounds of cuts (Sony's were two years apart).
SAME_EVENT_WINDOW_DAYS = 30
# "about 10,000" and "9,500" are one layoff reported twice; 10,000 and 1,000 are not.
JOBS_TOLERANCE = 0.10
# Reports within a week of each other whose job counts differ by at most 40% are
# one event told two ways ("2,400" by the company, "roughly 2,900" by people familiar
# with it): joined, both figures kept, and the group flagged as a conflict.
CLOSE_REPORT_DAYS = 7
CLOSE_JOBS_TOLERANCE = 0.4
# Money figures are restated with rounding ("$2.1bn" / "$2.13bn"): within 1% they agree.
AMOUNT_TOLERANCE = Decimal("0.01")


# --- events ------------------------------------------------------------------


@dataclass(frozen=True)
class EventFacts:
    """The parts of a stored event that decide whether two reports are one event."""

    id: int
    article_id: str
    type: str
    company_id: int | None
    date: date | None
    group_id: int | None = None
    source: str | None = None
    jobs: int | None = None
    percent: float | None = None
    unit: str | None = None
    jobs_high: int | None = None  # the top of a stated range ("25,000 to 30,000")
    kind: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    period: str | None = None
    person: str | None = None
    change: str | None = None
    name: str | None = None
    old: str | None = None
    new: str | None = None
    asset: str | None = None
    move: str | None = None
    market: str | None = None


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def amounts_agree(a: Decimal | None, b: Decimal | None) -> bool:
    """Unknown agrees with anything; two figures agree within 1%."""
    if a is None or b is None:
        return True
    return abs(a - b) <= AMOUNT_TOLERANCE * max(abs(a), abs(b))


def _text_agrees(a: str | None, b: str | None) -> bool:
    """Unknown agrees; otherwise one must contain the other ("mobile" / "mobile division")."""
    if not a or not b:
        return True
    x, y = a.lower().strip(), b.lower().strip()
    return x in y or y in x


def jobs_overlap(a: EventFacts, b: EventFacts) -> bool:
    """Job counts whose stated ranges share a figure: "25,000 to 30,000" and "30,000"
    are one plan retold.

    >>> r = EventFacts(1, "a", "layoff", 1, None, jobs=25000, jobs_high=30000)
    >>> jobs_overlap(r, EventFacts(2, "b", "layoff", 1, None, jobs=30000))
    True
    >>> jobs_overlap(r, EventFacts(2, "b", "layoff", 1, None, jobs=20000))
    False
    """
    if a.jobs is None or b.jobs is None:
        return False
    return a.jobs <= (b.jobs_high or b.jobs) and b.jobs <= (a.jobs_high or a.jobs)


def _layoff_figures_agree(a: EventFacts, b: EventFacts) -> bool:
    if jobs_overlap(a, b):
        return True
    if a.jobs is not None and b.jobs is not None:
        close_in_time = (
            a.date is not None
            and b.date is not None
            and abs((a.date - b.date).days) <= CLOSE_REPORT_DAYS
        )
        tolerance = CLOSE_JOBS_TOLERANCE if close_in_time else JOBS_TOLERANCE
        return _close(a.jobs, b.jobs, tolerance)
    if a.percent is not None and b.percent is not None:
        return abs(a.percent - b.percent) < 0.5
    return True  # nothing comparable: nothing contradicts


def _same_details(a: EventFacts, b: EventFacts) -> bool:
    if a.type == "layoff":
        return _layoff_figures_agree(a, b) and _text_agrees(a.unit, b.unit)
    if a.type == "financial":
        return (
            a.kind == b.kind
            and _text_agrees(a.currency, b.currency)
            and _text_agrees(a.period, b.period)
            and amounts_agree(a.amount, b.amount)
        )
    if a.type == "leadership":
        return (
            bool(a.person and b.person and names_similar(a.person, b.person))
            and a.change == b.change
        )
    if a.type == "rename":
        return company_key(a.old or "") == company_key(b.old or "") and company_key(
            a.new or ""
        ) == company_key(b.new or "")
    if a.type == "divestiture":
        return _text_agrees(a.asset, b.asset)
    if a.type == "restructuring_plan":
        return _text_agrees(a.name, b.name) and amounts_agree(a.amount, b.amount)
    return _text_agrees(a.move, b.move) and _text_agrees(a.market, b.market)


def same_event(a: EventFacts, b: EventFacts, window_days: int = SAME_EVENT_WINDOW_DAYS) -> bool:
    """Two articles' reports of one real-world event."""
    if a.article_id == b.article_id or a.type != b.type:
        return False
    if a.company_id is None or a.company_id != b.company_id:
        return False
    if a.date is None or b.date is None or abs((a.date - b.date).days) > window_days:
        return False
    return _same_details(a, b)


def find_group(new: EventFacts, candidates: Sequence[EventFacts]) -> int | None:
    """The group of the closest-dated candidate reporting the same event, if any."""
    matches = [c for c in candidates if c.group_id is not None and same_event(new, c)]
    when = new.date
    if not matches or when is None:
        return None
    best = min(matches, key=lambda c: abs((c.date - when).days) if c.date else 0)
    return best.group_id


# --- groups ------------------------------------------------------------------


@dataclass(frozen=True)
class GroupSummary:
    """One real-world event's figures, from all its reports."""

    first_date: date | None
    last_date: date | None
    jobs: int | None
    percent: float | None
    amount: Decimal | None
    currency: str | None
    article_count: int
    conflict: str | None


def _label(f: EventFacts) -> str:
    where = f.source or f.article_id
    return f"{where}, {f.date.isoformat()}" if f.date else where


def _fmt(value: object) -> str:
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, Decimal):
        return f"{value:,f}"
    return str(value)


def _figure_conflict(name: str, members: Sequence[EventFacts]) -> str | None:
    reported = [(getattr(m, name), m) for m in members if getattr(m, name) is not None]
    if len({v for v, _ in reported}) < 2:
        return None
    parts = [f"{_fmt(v)} ({_label(m)})" for v, m in reported]
    return f"{name}: " + " vs ".join(parts)


def group_conflict(members: Sequence[EventFacts]) -> str | None:
    """Names the disagreeing figures of one event's reports, or None when they agree.

    >>> a = EventFacts(1, "a", "layoff", 1, date(2012, 4, 12), source="Reuters", jobs=10000)
    >>> b = EventFacts(2, "b", "layoff", 1, date(2012, 4, 13), source="BBC", jobs=9500)
    >>> group_conflict([a, b])
    'jobs: 10,000 (Reuters, 2012-04-12) vs 9,500 (BBC, 2012-04-13)'
    """
    notes = [_figure_conflict(n, members) for n in ("jobs", "percent", "amount")]
    found = [n for n in notes if n]
    return "; ".join(found) if found else None


def _most_reported(values: Sequence[object]) -> object:
    present = [v for v in values if v is not None]
    if not present:
        return None
    counts = Counter(present)
    top = max(counts.values())
    return next(v for v in present if counts[v] == top)  # ties: earliest report


def _jobs_most_reported(ordered: Sequence[EventFacts]) -> int | None:
    """The job count most reports allow, a range allowing each figure within it
    ("25,000 to 30,000" and "30,000": 30,000); earliest report on ties.

    >>> r = EventFacts(1, "a", "layoff", 1, None, jobs=25000, jobs_high=30000)
    >>> _jobs_most_reported([r, EventFacts(2, "b", "layoff", 1, None, jobs=30000)])
    30000
    """
    figures = [f for m in ordered for f in (m.jobs, m.jobs_high) if f is not None]
    if not figures:
        return None
    support = Counter(
        {
            f: sum(
                1 for m in ordered if m.jobs is not None and m.jobs <= f <= (m.jobs_high or m.jobs)
            )
            for f in figures
        }
    )
    top = max(support.values())
    return next(f for f in figures if support[f] == top)


def summarize_group(members: Sequence[EventFacts]) -> GroupSummary:
    """The group's figures: the most-reported value of each, earliest report on ties."""
    ordered = sorted(members, key=lambda m: (m.date or date.max, m.id))
    dates = [m.date for m in ordered if m.date]
    jobs = _jobs_most_reported(ordered)
    percent = _most_reported([m.percent for m in ordered])
    amount = _most_reported([m.amount for m in ordered])
    return GroupSummary(
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        jobs=jobs if isinstance(jobs, int) else None,
        percent=float(percent) if isinstance(percent, (int, float)) else None,
        amount=amount if isinstance(amount, Decimal) else None,
        currency=next((m.currency for m in ordered if m.currency), None),
        article_count=len({m.article_id for m in members}),
        conflict=group_conflict(ordered),
    )
