"""Facts as sentences: the one place an event, a figure or an amount is put into words.

The CLI table, the web pages, the alert feeds and the API's ``summary`` field all
read events through :func:`sentence`, so a fact reads the same everywhere. A
sentence has no subject: it sits beside the company's name (a column, a page
title, ``headline``).

>>> figure(6200000000), money(8_300_000_000), money(926_000_000), money(12_500)
('6,200,000,000', '8.3bn', '926m', '12,500')
>>> sentence_of("financial", {"kind": "net_loss", "amount": 520e9, "currency": "JPY",
...     "amount_usd": 6.4e9, "period_end": "2012-03-31", "period_months": 12, "record": True})
'Net loss ¥520bn (≈ $6.4bn) for the year to March 2012, a record'
>>> sentence_of("financial", {"kind": "net_loss", "amount": 230e9, "currency": "JPY",
...     "amount_usd": 2.1e9, "outlook": True, "period_end": "2015-03-31", "period_months": 12,
...     "revised_from": {"amount": 50e9, "currency": "JPY"}})
'Net loss forecast ¥230bn (≈ $2.1bn) for the year to March 2015, revised from ¥50bn'
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # records imports this module to add the summary
    from newsledger.query.records import EventRecord, Figure

Fields = dict[str, Any]


def figure(value: Any) -> str:
    """A number with thousands separators (and at most two decimals); else as text.

    >>> figure(1000), figure(15.0), figure(0.125), figure("One Sony"), figure(True)
    ('1,000', '15', '0.12', 'One Sony', 'True')
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    if value == int(value):
        return f"{int(value):,}"
    return f"{float(value):,.2f}".rstrip("0")


def money(value: Any) -> str:
    """A large amount in short form: ``8.3bn``, ``926m``; smaller ones in full.

    >>> money(Decimal("-2100000000")), money(1_000_000_000), money(None)
    ('-2.1bn', '1bn', '')
    """
    if value is None:
        return ""
    amount = float(value)
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(amount) >= scale:
            scaled = amount / scale
            # three figures are enough to read: 925.9m is 926m, 6.43bn is 6.4bn
            digits = 0 if abs(scaled) >= 100 else 1
            return f"{scaled:,.{digits}f}".removesuffix(".0") + suffix
    return figure(value)


# a symbol written before the amount; any other currency is its ISO code and a space.
# Only currencies whose symbol is unambiguous to an English reader ("¥" is the yen:
# a yuan is written CNY).
SYMBOLS: dict[str, str] = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def amount(
    value: Any,
    currency: str | None,
    usd: Any = None,
    usd_stated: Any = None,
    high: Any = None,
    rate: Fields | None = None,
) -> str:
    """An amount in its currency, with the dollar figure beside it.

    The dollar figure the article states is shown as it is; one converted at the
    ECB rate is marked ``≈``, with the rate's day when ``rate`` gives it (the
    ``usd_rate_*`` notes of :func:`newsledger.query.figures.usd_rate_notes`) and a
    warning when that rate is more than a week older than the article. A dollar
    amount needs neither.

    >>> amount(520e9, "JPY", usd=6.4e9), amount(7.4e9, "EUR", usd=8.3e9, usd_stated=8e9)
    ('¥520bn (≈ $6.4bn)', '€7.4bn ($8bn)')
    >>> amount(1.1e9, "USD", high=1.6e9), amount(3e6, "CHF"), amount(None, "USD")
    ('$1.1bn to $1.6bn', 'CHF 3m', '')
    >>> amount(230e9, "JPY", usd=2.1e9, rate={"usd_rate_date": "2014-09-17"})
    '¥230bn (≈ $2.1bn at the ECB rate of 17 Sep 2014)'
    >>> amount(1e9, "LTL", usd=3.2e8, rate={"usd_rate_date": "2014-12-31",
    ...     "usd_rate_days_old": 487, "usd_rate_stale": True})
    'LTL 1bn (≈ $320m at the ECB rate of 31 Dec 2014, 487 days before the article)'
    """
    if value is None:
        return ""
    said = _in(currency, value) + (f" to {_in(currency, high)}" if high else "")
    if currency == "USD":
        return said
    if usd_stated is not None:
        return f"{said} ({_in('USD', usd_stated)})"
    if usd is not None:
        return f"{said} (≈ {_in('USD', usd)}{_rate_note(rate or {})})"
    return said


def _rate_note(rate: Fields) -> str:
    day = _day(rate.get("usd_rate_date"))
    if not day:
        return ""
    stale = rate.get("usd_rate_stale") and rate.get("usd_rate_days_old")
    if stale:
        return f" at the ECB rate of {day}, {stale} days before the article"
    return f" at the ECB rate of {day}" + (
        ", the article undated" if rate.get("usd_rate_undated") else ""
    )


def _day(value: Any) -> str:
    """``17 Sep 2014`` from an ISO date; empty when it is none."""
    try:
        return date.fromisoformat(str(value)[:10]).strftime("%-d %b %Y") if value else ""
    except ValueError:
        return ""


def _in(currency: str | None, value: Any) -> str:
    if currency in SYMBOLS:
        return SYMBOLS[currency] + money(value)
    return f"{currency or ''} {money(value)}".strip()


def month(value: Any) -> str:
    """``March 2012`` from a date or an ISO date; empty when neither."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return ""
    return value.strftime("%B %Y") if isinstance(value, date) else ""


def _listed(items: Any) -> str:
    """Words joined as in a sentence: ``a, b and c``."""
    words = [str(i) for i in items] if isinstance(items, (list, tuple)) else [str(items)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _amount_of(f: Fields) -> str:
    return amount(
        f.get("amount"),
        f.get("currency"),
        f.get("amount_usd"),
        f.get("amount_usd_stated"),
        f.get("amount_high"),
        rate=f,
    )


def _revised(f: Fields) -> str:
    """``, revised from ¥50bn``: the figure of the forecast this one revises."""
    earlier = f.get("revised_from")
    if not isinstance(earlier, dict) or earlier.get("amount") is None:
        return ""
    return f", revised from {_in(earlier.get('currency'), earlier['amount'])}"


# --- one sentence per event type --------------------------------------------------

# a layoff's status after its figure ("Cuts 300 jobs, planned"); announced is the plain case
LAYOFF_STATUS: dict[str, str] = {
    "announced": "",
    "planned": ", planned",
    "completed": ", done",
    "rumored": ", reported, not confirmed",
    "denied": ", denied by the company",
}
# places that are no place: "Cuts 10,000 jobs worldwide", not "in worldwide"
EVERYWHERE = frozenset({"worldwide", "globally", "nationwide", "abroad", "overseas"})
FINANCIAL_NOUNS: dict[str, str] = {
    "net_loss": "Net loss",
    "net_profit": "Net profit",
    "pretax_profit": "Pretax profit",
    "pretax_loss": "Pretax loss",
    "operating_loss": "Operating loss",
    "operating_profit": "Operating profit",
    "revenue": "Revenue",
    "impairment": "Impairment charge",
    "restructuring_charge": "Restructuring charge",
    "writedown": "Writedown",
}
PERIOD_NOUNS: dict[int, str] = {3: "quarter", 6: "half-year", 9: "nine months", 12: "year"}
PERIOD_WORDS = frozenset({"first", "second", "third", "fourth", "fiscal", "full", "latest"})
STRATEGY_VERBS: dict[str, str] = {
    "expand": "Expands in",
    "enter": "Enters",
    "exit": "Exits",
    "focus": "Focuses on",
    "turn_around": "Plans to turn around",
}


def _layoff(f: Fields) -> str:
    jobs = figure(f["jobs"]) if f.get("jobs") else ""
    if jobs and f.get("jobs_high"):
        jobs += f" to {figure(f['jobs_high'])}"
    unit = f"the {f['unit']}" if f.get("unit") else ""
    share = f"{figure(f['percent'])}%" if f.get("percent") else ""
    if jobs:
        what = f"{jobs} jobs" + (f" ({share} of {unit})" if share and unit else f" ({share})")
        what = what.removesuffix(" ()") + (f" in {unit}" if unit and not share else "")
    elif share:
        what = f"{share} of the jobs" + (f" in {unit}" if unit else "")
    else:
        what = "jobs" + (f" in {unit}" if unit else "")
    location = f.get("location")
    where = f" {location}" if location in EVERYWHERE else f" in {location}" if location else ""
    part = ", part of a larger cut" if f.get("part_of") else ""
    return f"Cuts {what}{where}{LAYOFF_STATUS.get(f.get('status') or '', '')}{part}"


def period_phrase(f: Fields) -> str:
    """`` for the year to March 2015`` (with its leading space), or empty."""
    length, end = PERIOD_NOUNS.get(f.get("period_months") or 0), month(f.get("period_end"))
    if length and end:
        return f" for the {length} to {end}"
    if end:
        return f" for the period to {end}"
    period = str(f.get("period") or "")
    if not period:
        return ""
    # a label ("FY2005", "Q3 2012", "2011") is the period, a named part of the year takes
    # "the"; other words ("a year earlier") stand apart
    if period[:1].isdigit() or period[:2].isupper():
        return f" for {period}"
    return f" for the {period}" if period.split()[0] in PERIOD_WORDS else f", {period}"


def _financial(f: Fields) -> str:
    noun = (
        FINANCIAL_NOUNS.get(f.get("kind") or "")
        or str(f.get("kind") or "result").replace("_", " ").capitalize()
    )
    said = noun + (" forecast" if f.get("outlook") else "")
    if f.get("amount") is not None:
        said += f" {_amount_of(f)}"
    if f.get("segment"):
        said += f" in the {f['segment']}"
    said += period_phrase(f)
    return said + (", a record" if f.get("record") else "") + _revised(f)


def _restructuring(f: Fields) -> str:
    named = f"Restructuring plan “{f['name']}”" if f.get("name") else "Restructuring plan"
    cost = f" costing {_amount_of(f)}" if f.get("amount") is not None else ""
    scope = f" for the {f['scope']}" if f.get("scope") else ""
    by = month(f.get("deadline"))
    return f"{named}{scope}{cost}" + (f", to be done by {by}" if by else "")


def _strategy(f: Fields) -> str:
    target = f.get("focus") or f.get("market") or f.get("area")
    verb = STRATEGY_VERBS.get(f.get("move") or "")
    if verb and target:
        said = f"{verb} {_listed(target)}"
    elif f.get("move") == "turn_around":
        said = "Plans a turnaround"
    else:
        said = "New strategy"
    return said + (f", “{f['name']}”" if f.get("name") else "")


def _leadership(f: Fields) -> str:
    person, role = f.get("person"), f.get("role")
    as_role = f" as {role}" if role else ""
    change = f.get("change") or "stays"
    if change in ("appointed", "fired"):
        verb = "Appoints" if change == "appointed" else "Dismisses"
        post = f"{'a new' if change == 'appointed' else 'its'} {role}" if role else "an executive"
        return f"{verb} {person}{as_role}" if person else f"{verb} {post}"
    verb = "resigns" if change == "resigned" else "stays on"
    if person:
        return f"{person} {verb}{as_role}"
    return f"{(role or 'leadership').capitalize()} {verb}"


def _rename(f: Fields) -> str:
    old = f" from {f['old']}" if f.get("old") else ""
    return f"Renamed{old} to {f.get('new') or 'a new name'}"


def _divestiture(f: Fields) -> str:
    buyer = f" to {f['buyer']}" if f.get("buyer") else ""
    return f"Sells {f.get('asset') or 'a business'}{buyer}"


SENTENCES: dict[str, Callable[[Fields], str]] = {
    "layoff": _layoff,
    "financial": _financial,
    "restructuring_plan": _restructuring,
    "strategy": _strategy,
    "leadership": _leadership,
    "rename": _rename,
    "divestiture": _divestiture,
}


def sentence_of(type_: str, fields: Fields) -> str:
    """An event of ``type_`` told in a short sentence from its contract fields.

    >>> sentence_of("layoff", {"jobs": 1000, "percent": 15.0, "unit": "mobile division",
    ...                        "status": "planned"})
    'Cuts 1,000 jobs (15% of the mobile division), planned'
    """
    tell = SENTENCES.get(type_)
    return tell(fields) if tell else type_.replace("_", " ").capitalize()


def sentence(event: EventRecord) -> str:
    """An event told in a short sentence, without its company.

    >>> from newsledger.query.records import EventRecord
    >>> sentence(EventRecord(1, None, "financial", "Sony", None, None,
    ...     {"kind": "net_loss", "amount": 230e9, "currency": "JPY", "amount_usd": 2.1e9,
    ...      "outlook": True, "period_end": "2015-03-31", "period_months": 12}, [], 1, None))
    'Net loss forecast ¥230bn (≈ $2.1bn) for the year to March 2015'
    """
    return sentence_of(event.type, event.fields)


def headline(event: EventRecord) -> str:
    """The sentence with its company in front, for a title read on its own (a feed entry).

    >>> from newsledger.query.records import EventRecord
    >>> headline(EventRecord(1, None, "layoff", "Sony", None, None, {"jobs": 1000}, [], 1, None))
    'Sony: Cuts 1,000 jobs'
    """
    return f"{event.company or 'A company'}: {sentence(event)}"


def stated_amount(event: EventRecord) -> str:
    """A figure's amount in its own currency, as the article gives it: ``¥50bn``.

    >>> from newsledger.query.records import EventRecord
    >>> stated_amount(EventRecord(1, None, "financial", "Sony", None, None,
    ...     {"kind": "net_loss", "amount": 50e9, "currency": "JPY"}, [], 1, None))
    '¥50bn'
    """
    f = event.fields
    return "" if f.get("amount") is None else _in(f.get("currency"), f["amount"])


def revision_chain(fig: Figure) -> str:
    """A forecast and the forecasts it revised, oldest first, each with its month.

    >>> from datetime import date
    >>> from newsledger.query.records import EventRecord, Figure
    >>> def fc(id, amount, day, revises=None):
    ...     return EventRecord(id, None, "financial", "Sony", None, day, {"kind": "net_loss",
    ...         "amount": amount, "currency": "JPY", "outlook": True, "revises": revises},
    ...         [], 1, None)
    >>> july, sept = fc(1, 50e9, date(2014, 7, 1)), fc(2, 230e9, date(2014, 9, 17), 1)
    >>> revision_chain(Figure("net_loss", True, None, 12, None, sept, [july]))
    '¥50bn (July 2014) → ¥230bn (September 2014)'
    """
    return " → ".join(
        stated_amount(e) + (f" ({month(day)})" if (day := _stated(e)) else "")
        for e in [*fig.revised, fig.event]
    )


def _stated(event: EventRecord) -> date | None:
    """When a figure was given: its event's date, else its article's."""
    return event.date or next((v.published for v in event.evidence if v.published), None)
