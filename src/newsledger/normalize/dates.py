"""Date phrases resolved against an article's publication date.

Relative phrases ("yesterday", "earlier this week") come from
``data/relative_dates.json``, month and weekday words from ``data/calendar.json``;
common absolute forms are read with our own regexes, and only what is left goes
to ``dateparser`` (slow). The publication date is always required: nothing here
reads the clock.

>>> resolve_date("earlier this week", date(2012, 4, 12))
ResolvedDate(value=datetime.date(2012, 4, 9), precision='week', raw='earlier this week')
>>> resolve_date("in December", date(2014, 9, 18)).value
datetime.date(2013, 12, 1)
"""

from __future__ import annotations

import re
from datetime import MINYEAR, date, datetime, timedelta
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any, cast

from newsledger.normalize._data import alternation, entries
from newsledger.normalize.numbers import parse_number
from newsledger.normalize.types import DatePrecision, ResolvedDate

_LEAD = re.compile(
    r"(?:on|in|during|since|as of|from|by|until|late on|early on|late|early|mid-?)\s*"
)
_AGO = re.compile(r"(?P<n>.+?)\s+(?P<unit>day|week|month|year)s?\s+ago")
_ISO = re.compile(r"(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})")
_YEAR = re.compile(r"(?:the\s+)?(?:year\s+)?(?P<y>(?:19|20)\d{2})")
_ORDINAL = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
# Words that are verbs or names far more often than dates when they stand alone in
# lower case ("may", "march", "sun"); newspapers capitalize months and weekdays.
_BARE_AMBIGUOUS = frozenset({"may", "march", "mar", "sun", "sat", "wed", "jan", "dec", "fri"})
_DATEPARSER_MAX_LEN = 40  # longer phrases are sentences, not dates; dateparser would guess


def _calendar(kind: str) -> dict[str, int]:
    return {
        form: int(entry["number"])
        for entry in entries("calendar")
        if entry["kind"] == kind
        for form in entry["forms"]
    }


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    months, weekdays = alternation(_calendar("month")), alternation(_calendar("weekday"))
    year = r"(?:,?\s*(?P<y>\d{4}))?"
    return {
        "weekday": re.compile(
            rf"(?:(?P<mod>last|this|next|this coming|this past|past|coming)\s+)?"
            rf"(?P<w>{weekdays})\.?"
        ),
        "month": re.compile(rf"(?:(?P<mod>last|this|next)\s+)?(?P<m>{months})\.?{year}"),
        "month_day": re.compile(rf"(?P<m>{months})\.?\s+{_ORDINAL}{year}"),
        "day_month": re.compile(rf"(?:the\s+)?{_ORDINAL}\s+(?:of\s+)?(?P<m>{months})\.?{year}"),
    }


@cache
def _relative() -> dict[str, tuple[str, int]]:
    return {
        form: (entry["unit"], int(entry["offset"]))
        for entry in entries("relative_dates")
        for form in entry["forms"]
    }


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _shift(published: date, unit: str, offset: int) -> ResolvedDate | None:
    """The start of the day/week/month/year ``offset`` units from the publication one."""
    if unit == "day":
        return ResolvedDate(published + timedelta(days=offset), "day", "")
    if unit == "week":
        monday = published - timedelta(days=published.weekday())
        return ResolvedDate(monday + timedelta(weeks=offset), "week", "")
    if unit == "month":
        return ResolvedDate(_add_months(published.replace(day=1), offset), "month", "")
    if unit == "year":
        return ResolvedDate(date(published.year + offset, 1, 1), "year", "")
    return None


def _ago(text: str, published: date) -> ResolvedDate | None:
    match = _AGO.fullmatch(text)
    if not match:
        return None
    n = Decimal(1) if match.group("n") in ("a", "an", "one") else parse_number(match.group("n"))
    if n is None or n != n.to_integral_value():
        return None
    unit, count = match.group("unit"), int(n)
    try:
        if unit in ("day", "week"):
            days = count * (7 if unit == "week" else 1)
            return ResolvedDate(published - timedelta(days=days), "day", "")
        return _shift(published, unit, -count)
    except (OverflowError, ValueError):  # "2021 years ago": before year 1, no date
        return None


def _weekday(text: str, published: date) -> ResolvedDate | None:
    match = _patterns()["weekday"].fullmatch(text)
    if not match:
        return None
    target = _calendar("weekday")[match.group("w")]
    mod = match.group("mod")
    back = (published.isoweekday() - target) % 7  # days since the most recent one, 0 = today
    if mod in ("next", "coming", "this coming", "this"):
        ahead = (target - published.isoweekday()) % 7 or 7
        if mod == "this" and back == 0:
            ahead = 0
        return ResolvedDate(published + timedelta(days=ahead), "day", "")
    if mod in ("last", "past", "this past") and back == 0:
        back = 7
    return ResolvedDate(published - timedelta(days=back), "day", "")


def _month(text: str, published: date) -> ResolvedDate | None:
    match = _patterns()["month"].fullmatch(text)
    if not match:
        return None
    month = _calendar("month")[match.group("m")]
    return _month_of(month, match.group("mod"), match.group("y"), published)


def _month_of(
    month: int, mod: str | None, year: str | None, published: date
) -> ResolvedDate | None:
    """The 1st of ``month``: of ``year`` when given, else the one ``mod`` points at
    ("next" ahead, "last" strictly back, "this" this year, none: on or before publication)."""
    if year:
        y = int(year)  # "January 0000" is no date: there is no year 0
        return ResolvedDate(date(y, month, 1), "month", "") if y >= MINYEAR else None
    y = published.year
    if mod == "next":
        y += 1 if month <= published.month else 0
    elif mod == "last":
        y -= 1 if month >= published.month else 0
    elif mod != "this":
        y -= 1 if month > published.month else 0
    return ResolvedDate(date(y, month, 1), "month", "")


# a season as the month it begins (northern hemisphere, as the news we read means it)
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON = re.compile(
    r"(?:(?P<mod>last|this|next|the|in the) )?(?P<s>spring|summer|autumn|fall|winter)"
    r"(?: (?:of )?(?P<y>\d{4}))?"
)


def _season(text: str, published: date) -> ResolvedDate | None:
    """ "last autumn" -> the September before the last one begun; month precision.

    >>> _season("last autumn", date(2024, 5, 15)).value
    datetime.date(2023, 9, 1)
    >>> _season("this spring", date(2024, 5, 15)).value
    datetime.date(2024, 3, 1)
    >>> _season("the autumn of 0000", date(2024, 5, 15)) is None
    True
    """
    match = _SEASON.fullmatch(text)
    if not match:
        return None
    month = _SEASONS[match.group("s")]
    return _month_of(month, match.group("mod"), match.group("y"), published)


def _day(text: str, published: date) -> ResolvedDate | None:
    match = _ISO.fullmatch(text)
    pats = _patterns()
    match = match or pats["month_day"].fullmatch(text) or pats["day_month"].fullmatch(text)
    if not match:
        return None
    raw_month = match.group("m")
    month = int(raw_month) if raw_month.isdigit() else _calendar("month")[raw_month]
    day = int(match.group("d"))
    try:
        if match.group("y"):
            return ResolvedDate(date(int(match.group("y")), month, day), "day", "")
        value = date(published.year, month, day)
        if value > published:  # no year written: the most recent one
            value = date(published.year - 1, month, day)
    except ValueError:  # 30 February, or 29 February in a year without one
        return None
    return ResolvedDate(value, "day", "")


def _year(text: str) -> ResolvedDate | None:
    match = _YEAR.fullmatch(text)
    return ResolvedDate(date(int(match.group("y")), 1, 1), "year", "") if match else None


@lru_cache(maxsize=64)  # building a parser costs ~50 ms; one per publication day
def _date_parser(published: date) -> Any:
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_TIME_AS_PERIOD": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(text: str, published: date) -> ResolvedDate | None:
    if len(text) > _DATEPARSER_MAX_LEN or not re.search(r"\d", text) or text.isdigit():
        return None
    data = _date_parser(published).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    period = data.period if data.period in ("day", "week", "month", "year") else "day"
    return ResolvedDate(data.date_obj.date(), cast(DatePrecision, period), "")


def _own_rules(text: str, published: date) -> ResolvedDate | None:
    relative = _relative().get(text)
    if relative:
        return _shift(published, *relative)
    for rule in (_ago, _weekday, _month, _season, _day):
        found = rule(text, published)
        if found:
            return found
    return _year(text)


def resolve_date(text: str, published: date) -> ResolvedDate | None:
    """Resolve a date phrase against the publication date; None if it is not a date.

    A bare weekday or month is the most recent one on or before publication
    ("on Monday", "in December"); "next"/"coming" look forward, "last" strictly back.
    Weeks resolve to their Monday, months to their 1st, years to 1 January, with
    ``precision`` saying which.

    >>> resolve_date("on Monday", date(2014, 9, 18)).value
    datetime.date(2014, 9, 15)
    >>> resolve_date("31 March 2013", date(2014, 9, 18)).precision
    'day'
    """
    if not isinstance(published, date):
        raise TypeError("published must be a date")
    raw = text.strip()
    norm = re.sub(r"\s+", " ", raw.lower()).rstrip(".,;:")
    if norm in _BARE_AMBIGUOUS and raw[:1].islower():
        return None
    found = _own_rules(norm, published)
    if found is None:
        lead = _LEAD.match(norm)
        if lead and lead.end() < len(norm):
            found = _own_rules(norm[lead.end() :], published)
    if found is None:
        found = _dateparser(norm, published)
    if found is None:
        return None
    return ResolvedDate(found.value, found.precision, raw)
