"""Small display formatters: figures, money, field values, and an event as a sentence.

>>> figure(6200000000), money(8_300_000_000), money(926_000_000), money(12_500)
('6,200,000,000', '8.3bn', '926m', '12,500')
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from newsledger.query.records import EventRecord


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
            return f"{amount / scale:,.1f}".removesuffix(".0") + suffix
    return figure(value)


# --- an event as a sentence (alert feed titles) ----------------------------------

# what the company does to the jobs, by the layoff's status
LAYOFF_VERBS: dict[str, str] = {
    "announced": "will cut",
    "planned": "plans to cut",
    "completed": "has cut",
    "rumored": "is said to be cutting",
    "denied": "denies it will cut",
}
FINANCIAL_NOUNS: dict[str, str] = {
    "net_loss": "a net loss",
    "net_profit": "a net profit",
    "pretax_profit": "a pretax profit",
    "operating_loss": "an operating loss",
    "operating_profit": "an operating profit",
    "revenue": "revenue",
    "impairment": "an impairment charge",
    "restructuring_charge": "a restructuring charge",
    "writedown": "a writedown",
}
PERIOD_NOUNS: dict[int, str] = {3: "quarter", 6: "half-year", 9: "nine months", 12: "year"}
LEADERSHIP_VERBS: dict[str, str] = {
    "appointed": "appoints",
    "fired": "dismisses",
    "resigned": "resigns",
    "stays": "stays on",
}
STRATEGY_VERBS: dict[str, str] = {
    "expand": "will expand in",
    "enter": "will enter",
    "exit": "will exit",
    "focus": "will focus on",
    "turn_around": "plans to turn around",
}


def _listed(items: Any) -> str:
    """Words joined as in a sentence: ``a, b and c``."""
    words = [str(i) for i in items] if isinstance(items, list) else [str(items)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _amount(f: dict[str, Any]) -> str:
    """``USD 1.1bn``, ``USD 1.1bn to 1.6bn``; empty without an amount."""
    if f.get("amount") is None:
        return ""
    high = f" to {money(f['amount_high'])}" if f.get("amount_high") else ""
    return f"{f.get('currency') or ''} {money(f['amount'])}{high}".strip()


def _layoff(who: str, f: dict[str, Any]) -> str:
    jobs = f"{figure(f['jobs'])}" if f.get("jobs") else ""
    if jobs and f.get("jobs_high"):
        jobs += f" to {figure(f['jobs_high'])}"
    share = f"{figure(f['percent'])}%" if f.get("percent") else ""
    what = f"{jobs} jobs ({share})" if jobs and share else f"{share} of its jobs" if share else ""
    what = what or (f"{jobs} jobs" if jobs else "jobs")
    where = f" in its {f['unit']}" if f.get("unit") else ""
    where += f" in {f['location']}" if f.get("location") else ""
    return f"{who} {LAYOFF_VERBS.get(f.get('status') or '', 'will cut')} {what}{where}"


def _financial(who: str, f: dict[str, Any]) -> str:
    noun = FINANCIAL_NOUNS.get(f.get("kind") or "", "a result")
    if f.get("record"):
        bare = noun.removeprefix("an ").removeprefix("a ")
        noun = f"a record {bare}" if bare != noun else f"record {noun}"
    amount = _amount(f)
    said = f"{noun} of {amount}" if amount else noun
    if f.get("segment"):
        said += f" in its {f['segment']}"
    length = PERIOD_NOUNS.get(f.get("period_months") or 0)
    if length and f.get("period_end"):
        said += f" for the {length} to {f['period_end']}"
    elif f.get("period"):
        said += f" ({f['period']})"
    return f"{who} {'expects' if f.get('outlook') else 'reports'} {said}"


def _restructuring(who: str, f: dict[str, Any]) -> str:
    named = f"its “{f['name']}” restructuring plan" if f.get("name") else "a restructuring plan"
    amount = _amount(f)
    cost = f" costing {amount}" if amount else ""
    deadline = f", to be done by {f['deadline']}" if f.get("deadline") else ""
    return f"{who} announces {named}{cost}{deadline}"


def _strategy(who: str, f: dict[str, Any]) -> str:
    target = f.get("focus") or f.get("market") or f.get("area")
    verb = STRATEGY_VERBS.get(f.get("move") or "")
    if verb and target:
        return f"{who} {verb} {_listed(target)}"
    if f.get("move") == "turn_around":
        return f"{who} plans a turnaround"
    return f"{who} announces a new strategy" + (f", “{f['name']}”" if f.get("name") else "")


def _leadership(who: str, f: dict[str, Any]) -> str:
    person, role = f.get("person"), f.get("role")
    change = f.get("change") or "stays"
    verb = LEADERSHIP_VERBS.get(change, "stays on")
    as_role = f" as {role}" if role else ""
    if change in ("appointed", "fired"):
        post = f"{'a new' if change == 'appointed' else 'its'} {role}" if role else "an executive"
        return f"{who} {verb} {person}{as_role}" if person else f"{who} {verb} {post}"
    if person:
        return f"{person} {verb}{as_role} at {who}"
    return f"{who}'s {role or 'leadership'} {verb}"


def _rename(who: str, f: dict[str, Any]) -> str:
    return f"{f.get('old') or who} is renamed {f.get('new') or 'under a new name'}"


def _divestiture(who: str, f: dict[str, Any]) -> str:
    buyer = f" to {f['buyer']}" if f.get("buyer") else ""
    return f"{who} sells {f.get('asset') or 'a business'}{buyer}"


SENTENCES: dict[str, Callable[[str, dict[str, Any]], str]] = {
    "layoff": _layoff,
    "financial": _financial,
    "restructuring_plan": _restructuring,
    "strategy": _strategy,
    "leadership": _leadership,
    "rename": _rename,
    "divestiture": _divestiture,
}


def sentence(event: EventRecord) -> str:
    """An event told as a headline sentence, from its type and contract fields.

    >>> sentence(EventRecord(1, None, "layoff", "Sony", None, None,
    ...                      {"jobs": 1000, "percent": 15.0, "status": "planned"}, [], 1, None))
    'Sony plans to cut 1,000 jobs (15%)'
    """
    who = event.company or "A company"
    tell = SENTENCES.get(event.type)
    if tell is None:
        return f"{who}: {event.type.replace('_', ' ')}"
    return tell(who, event.fields)
