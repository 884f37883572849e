"""Reporting periods: "fiscal 2012", "Q3", "the first half", "the six months to September".

Which fiscal year a name means depends on where the company's year ends, which
the text rarely says; so ``fiscal_year_end`` (month, day) is a parameter, and
without it a fiscal period gets a label but no dates. Two naming conventions:

* a year ending 31 March is named for the calendar year it *begins* in, as
  Japanese companies do: Sony's "fiscal 2012" runs 1 April 2012 to 31 March 2013
  ("the 2012 fiscal year, which concludes on March 31, 2013"). Indian companies
  name it the other way ("FY13"); pass the stated end date when it matters.
* every other year end names the year for the calendar year it *ends* in, the US
  habit: fiscal 2012 with a 30 September year end runs 1 October 2011 to 30
  September 2012.

A year end stated in the text ("which concludes on March 31, 2013") always wins.
Terms are data in ``data/fiscal.json``.

>>> parse_period("fiscal 2012", published=None, fiscal_year_end=(3, 31)).end
datetime.date(2013, 3, 31)
>>> parse_period("the third quarter", published=date(2014, 9, 18)).label
'Q3 2014'
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache
from typing import Any

from newsledger.normalize._data import alternation, entries
from newsledger.normalize.types import Period

YearEnd = tuple[int, int]

# Year ends whose fiscal year is named for the calendar year it begins in (see above).
START_NAMED_YEAR_ENDS: frozenset[YearEnd] = frozenset({(3, 31)})

_LEAD = re.compile(
    r"(?:for|in|during|over|of|through|until|by|at|to|from)\s+"
    r"|(?:by|at|until|to)?\s*the\s+(?:end|close|start|beginning)\s+of\s+"
)
_YEAR = r"(?P<y>\d{4}|'?\d{2})"


def _fiscal(kind: str) -> dict[str, Any]:
    return next(e for e in entries("fiscal") if e["kind"] == kind)


@cache
def _months() -> dict[str, int]:
    return {
        form: int(entry["number"])
        for entry in entries("calendar")
        if entry["kind"] == "month"
        for form in entry["forms"]
    }


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    fiscal = alternation(_fiscal("fiscal_word")["forms"])
    qords = alternation(_fiscal("quarter")["ordinals"])
    hords = alternation(_fiscal("half")["ordinals"])
    months = alternation(_months())
    verbs = alternation(_fiscal("year_end_verb")["forms"])
    split = r"(?:\s*[/-]\s*(?P<y2>\d{4}|\d{2}))?"
    of_year = r"(?:\s+of\s+(?:(?P<f2>fiscal|financial)\s+(?:year\s+)?|fy\s*)?(?P<y>\d{4}))?"
    month_day = (
        rf"(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{months})"
        rf"|(?P<m2>{months})\.?(?:\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?)"
    )
    return {
        "fy": re.compile(rf"(?:the\s+)?(?:{fiscal})\s*{_YEAR}{split}"),
        "year_fy": re.compile(rf"(?:the\s+)?(?P<y>\d{{4}}){split}\s+(?:{fiscal})(?:\s+year)?"),
        "calendar": re.compile(r"(?:calendar\s+(?:year\s+)?|the\s+year\s+)?(?P<y>(?:19|20)\d{2})"),
        "q_code": re.compile(rf"q(?P<n>[1-4])(?:\s*(?P<f>fy)?\s*{_YEAR})?"),
        "q_code2": re.compile(r"(?P<n>[1-4])q\s*(?P<f>fy)?\s*(?P<y>\d{4}|'?\d{2})?"),
        "q_words": re.compile(
            rf"(?:the\s+)?(?:(?P<f>fiscal|financial)\s+)?(?P<ord>{qords})[\s-]+"
            rf"(?:(?P<f3>fiscal|financial)\s+)?quarter{of_year}"
        ),
        "h_code": re.compile(rf"h(?P<n>[12])(?:\s*(?P<f>fy)?\s*{_YEAR})?"),
        "h_code2": re.compile(r"(?P<n>[12])h\s*(?P<f>fy)?\s*(?P<y>\d{4}|'?\d{2})?"),
        "h_words": re.compile(
            rf"(?:the\s+)?(?:(?P<f>fiscal|financial)\s+)?(?P<ord>{hords})[\s-]+half"
            rf"(?:[\s-]+year)?{of_year}"
        ),
        "span": re.compile(
            r"(?:the\s+)?(?:(?P<len>\w+)[\s-]+months?|(?P<blk>quarter|half[\s-]year|half)"
            r"|(?P<yr>(?:full\s+|fiscal\s+|financial\s+)?year))"
            rf"\s+(?:(?:that|which)\s+)?(?:to|up\s+to|ended|ending|ends|through|until)\s+(?:in\s+)?"
            rf"(?:the\s+end\s+of\s+|end[\s-])?"
            rf"{month_day},?(?:\s+(?P<y>\d{{4}}))?"
        ),
        "explicit_end": re.compile(
            rf"(?P<head>.+?),?\s+(?:{verbs})\s+(?:on\s+|in\s+)?(?:the\s+end\s+of\s+|end[\s-])?"
            rf"{month_day},?\s+(?P<y>\d{{4}})"
        ),
        "year_end": re.compile(
            rf"\b(?:year|fy)\b,?\s+(?:{verbs})\s+(?:on\s+|in\s+)?(?:the\s+end\s+of\s+|end[\s-])?"
            # not a year's first digits: "the year to March 2013" ends in March, not on the 20th
            rf"{month_day}(?![a-z\d])",
            re.IGNORECASE,
        ),
    }


def _full_year(text: str) -> int:
    digits = int(text.lstrip("'"))
    if len(text.lstrip("'")) == 4:
        return digits
    return 2000 + digits if digits < 70 else 1900 + digits


def _month_end(year: int, month: int, day: int | None = None) -> date:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day, last) if day else last)


@cache
def period_end_words() -> frozenset[str]:
    """The one-word joins of a period to its end ("the quarter to 26 June", "ended").

    >>> {"to", "ended", "ending"} <= period_end_words()
    True
    """
    return frozenset(f for f in _fiscal("year_end_verb")["forms"] if " " not in f)


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, kept within the month (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _named_year_end(named: int, fye: YearEnd) -> date:
    """The last day of the fiscal year called ``named`` (see the module docstring)."""
    end_year = named + 1 if fye in START_NAMED_YEAR_ENDS else named
    return _month_end(end_year, fye[0], fye[1])


def _name_of(end: date) -> int:
    fye = (end.month, end.day if end.month != 2 else 28)
    return end.year - 1 if fye in START_NAMED_YEAR_ENDS else end.year


def _start_of(end: date) -> date:
    return add_months(end + timedelta(days=1), -12)


def _current_year_end(published: date, fye: YearEnd) -> date:
    end = _month_end(published.year, fye[0], fye[1])
    return end if end >= published else _month_end(published.year + 1, fye[0], fye[1])


def _fiscal_year(named: int, fye: YearEnd | None, raw: str) -> Period:
    if fye is None:
        return Period(label=f"FY{named}", raw=raw, fiscal=True)
    end = _named_year_end(named, fye)
    return Period(label=f"FY{named}", raw=raw, start=_start_of(end), end=end, fiscal=True)


def _read_fy(text: str, fye: YearEnd | None, raw: str) -> Period | None:
    pats = _patterns()
    match = pats["fy"].fullmatch(text) or pats["year_fy"].fullmatch(text)
    if not match:
        return None
    first = _full_year(match.group("y"))
    if not match.group("y2"):
        return _fiscal_year(first, fye, raw)
    second = _full_year(match.group("y2")) if len(match.group("y2")) == 4 else first + 1
    if second != first + 1:
        return None
    if fye is None:
        return Period(label=f"FY{first}/{str(second)[-2:]}", raw=raw, fiscal=True)
    return _fiscal_year(first if fye in START_NAMED_YEAR_ENDS else second, fye, raw)


@cache
def _year_phrases() -> dict[str, int]:
    phrases = {form: 0 for form in _fiscal("current_year")["forms"]}
    for entry in entries("fiscal"):
        if entry["kind"] == "year_offset":
            phrases.update({form: int(entry["offset"]) for form in entry["forms"]})
    return phrases


def _read_relative_year(
    text: str, published: date | None, fye: YearEnd | None, raw: str
) -> Period | None:
    offset = _year_phrases().get(text)
    if offset is None:
        return None
    if fye is None or published is None:
        label = {0: "fiscal year", 1: "next fiscal year", -1: "last fiscal year"}[offset]
        return Period(label=label, raw=raw, fiscal=True)
    end = _current_year_end(published, fye)
    return _fiscal_year(_name_of(end) + offset, fye, raw)


@cache
def _calendar_offsets() -> dict[str, int]:
    return {
        form: int(entry["offset"])
        for entry in entries("fiscal")
        if entry["kind"] == "calendar_offset"
        for form in entry["forms"]
    }


def _read_calendar_offset(
    text: str, published: date | None, fye: YearEnd | None, raw: str
) -> Period | None:
    """ "last year": the calendar year before publication, or the fiscal year before
    the current one when the company's year end is known."""
    offset = _calendar_offsets().get(text)
    if offset is None or published is None:
        return None
    return _year_at(offset, published, fye, raw)


def _year_at(offset: int, published: date, fye: YearEnd | None, raw: str) -> Period:
    """The calendar year ``offset`` years from publication's, or the fiscal year when
    the company's year end is known and is not December's."""
    if fye is not None and fye != (12, 31):
        return _fiscal_year(_name_of(_current_year_end(published, fye)) + offset, fye, raw)
    year = published.year + offset
    return Period(str(year), raw, date(year, 1, 1), date(year, 12, 31), fiscal=False)


def _read_latest_quarter(
    text: str, published: date | None, fye: YearEnd | None, raw: str
) -> Period | None:
    """ "the quarter", "the latest three months": the last quarter that ended before
    publication (a fiscal quarter when the year end is known and is not December's)."""
    if text not in _fiscal("latest_quarter")["forms"] or published is None:
        return None
    fiscal = fye is not None and fye != (12, 31)
    # quarters end in the year-end month and every third month from it
    end_month = fye[0] if fye is not None and fiscal else 12
    end = _month_end(published.year + 1, end_month)
    while end >= published:
        back = add_months(end, -3)
        end = _month_end(back.year, back.month)
    start = add_months(end + timedelta(days=1), -3)
    if not fiscal or fye is None:
        return Period(f"Q{(end.month - 1) // 3 + 1} {end.year}", raw, start, end, fiscal=False)
    year_end = _current_year_end(end, fye)
    n = 4 - ((year_end.year - end.year) * 12 + year_end.month - end.month) // 3
    return Period(f"Q{n} FY{_name_of(year_end)}", raw, start, end, fiscal=True)


def _block(n: int, months: int, year_start: date, label: str, raw: str, fiscal: bool) -> Period:
    start = add_months(year_start, months * (n - 1))
    end = add_months(start, months) - timedelta(days=1)
    return Period(label=label, raw=raw, start=start, end=end, fiscal=fiscal)


def _read_block(text: str, published: date | None, fye: YearEnd | None, raw: str) -> Period | None:
    """Quarters and halves: "Q3 2014", "the third quarter", "1H13", "first-half"."""
    pats = _patterns()
    for name, months, prefix in (("q", 3, "Q"), ("h", 6, "H")):
        for key in (f"{name}_code", f"{name}_code2", f"{name}_words"):
            match = pats[key].fullmatch(text)
            if not match:
                continue
            groups = match.groupdict()
            ordinals = _fiscal("quarter" if name == "q" else "half")["ordinals"]
            n = int(groups["n"]) if groups.get("n") else int(ordinals[groups["ord"]])
            says_fiscal = any(groups.get(g) for g in ("f", "f2", "f3"))
            year = _full_year(groups["y"]) if groups.get("y") else None
            return _place_block(n, months, f"{prefix}{n}", year, published, fye, says_fiscal, raw)
    return None


def _place_block(
    n: int,
    months: int,
    label: str,
    year: int | None,
    published: date | None,
    fye: YearEnd | None,
    says_fiscal: bool,
    raw: str,
) -> Period:
    fiscal = says_fiscal or (fye is not None and fye != (12, 31))
    if fiscal and fye is None:
        return Period(label=f"{label} FY{year}" if year else label, raw=raw, fiscal=True)
    if year is None and published is None:
        return Period(label=label, raw=raw, fiscal=fiscal)
    if fiscal and fye is not None:
        if year is not None:
            named = year
        else:
            assert published is not None  # checked above: no year needs a publication date
            named = _name_of(_current_year_end(published, fye))
        period = _block(n, months, _start_of(_named_year_end(named, fye)), "", raw, True)
        if year is None and published is not None and period.start and period.start > published:
            named -= 1
            period = _block(n, months, _start_of(_named_year_end(named, fye)), "", raw, True)
        return Period(f"{label} FY{named}", raw, period.start, period.end, True)
    if year is None and published is not None:
        year = published.year if months * (n - 1) + 1 <= published.month else published.year - 1
    assert year is not None
    return _block(n, months, date(year, 1, 1), f"{label} {year}", raw, fiscal=False)


def _end_date(match: re.Match[str], published: date | None) -> date | None:
    month = _months()[match.group("m") or match.group("m2")]
    day_text = match.group("d") or match.group("d2")
    day = int(day_text) if day_text else None
    if match.group("y"):
        return _month_end(int(match.group("y")), month, day)
    if published is None:
        return None
    year = published.year if month <= published.month else published.year - 1
    return _month_end(year, month, day)


def _read_span(text: str, published: date | None, raw: str) -> Period | None:
    match = _patterns()["span"].fullmatch(text)
    if not match:
        return None
    lengths: dict[str, int] = _fiscal("span")["lengths"]
    block = match.group("blk")
    length = 12 if match.group("yr") else lengths.get(match.group("len") or "")
    if block:  # "the quarter to 26 June", "the half-year ended 30 June"
        length = 3 if block == "quarter" else 6
    end = _end_date(match, published)
    if length is None or end is None:
        return None
    start = add_months(end + timedelta(days=1), -length)
    if re.match(r"fiscal|financial", match.group("yr") or ""):
        return Period(f"FY{_name_of(end)}", raw, start, end, fiscal=True)
    return Period(f"{length}M to {end.isoformat()}", raw, start, end, fiscal=True)


def _read_explicit_end(
    text: str, published: date | None, fye: YearEnd | None, raw: str
) -> Period | None:
    match = _patterns()["explicit_end"].fullmatch(text)
    end = _end_date(match, published) if match else None
    if match is None or end is None:
        return None
    stated = (end.month, end.day)
    head = _read(match.group("head"), published, stated, raw)
    if head is None or not (head.label.startswith("FY") or head.label.endswith("fiscal year")):
        return None  # "the nine months to June 2013" is a span, not a year with an end
    label = head.label if head.label.startswith("FY") else f"FY{_name_of(end)}"
    return Period(label=label, raw=raw, start=_start_of(end), end=end, fiscal=True)


def _read_calendar(text: str, raw: str) -> Period | None:
    match = _patterns()["calendar"].fullmatch(text)
    if not match:
        return None
    year = int(match.group("y"))
    return Period(str(year), raw, date(year, 1, 1), date(year, 12, 31), fiscal=False)


_PART_OF = re.compile(r"(?P<part>.+?)\s+of\s+(?P<year>.+)")
_FIRST_LAST = re.compile(r"(?:the\s+)?(?P<which>first|last|final)\s+(?P<len>\w+)\s+months?")


def _year_of(text: str, published: date | None, fye: YearEnd | None, raw: str) -> Period | None:
    """The year a part is named from ("this year", "last year", "2013"), with its dates."""
    if text in ("this year", "the current year") and published is not None:
        # "the first half of this year": a part of the year of publication, not the
        # year in progress as a whole (which no result covers yet)
        return _year_at(0, published, fye, raw)
    year = (
        _read_calendar_offset(text, published, fye, raw)
        or _read_relative_year(text, published, fye, raw)
        or _read_calendar(text, raw)
    )
    return year if year is not None and year.start and year.end else None


def _read_part_of_year(
    text: str, published: date | None, fye: YearEnd | None, raw: str
) -> Period | None:
    """ "the first half of this year", "the fourth quarter of last year", "the first nine
    months of 2013", "the last three months of 2012": a block of the year named after it."""
    match = _PART_OF.fullmatch(text)
    year = _year_of(match.group("year"), published, fye, raw) if match else None
    if match is None or year is None or year.start is None or year.end is None:
        return None
    part = match.group("part")
    months = _FIRST_LAST.fullmatch(part)
    if months:
        length = _fiscal("span")["lengths"].get(months.group("len"))
        if length is None:
            return None
        if months.group("which") == "first":
            start = year.start
            end = add_months(start, length) - timedelta(days=1)
        else:
            end = year.end
            start = add_months(end + timedelta(days=1), -length)
        return Period(f"{length}M to {end.isoformat()}", raw, start, end, fiscal=year.fiscal)
    for name, size, prefix in (("quarter", 3, "Q"), ("half", 6, "H")):
        block = re.fullmatch(
            rf"(?:the\s+)?(?P<ord>{alternation(_fiscal(name)['ordinals'])})[\s-]+{name}", part
        )
        if block:
            n = int(_fiscal(name)["ordinals"][block.group("ord")])
            start = add_months(year.start, size * (n - 1))
            end = add_months(start, size) - timedelta(days=1)
            return Period(f"{prefix}{n} {year.label}", raw, start, end, fiscal=year.fiscal)
    return None


def _read(text: str, published: date | None, fye: YearEnd | None, raw: str) -> Period | None:
    return (
        _read_span(text, published, raw)
        or _read_explicit_end(text, published, fye, raw)
        or _read_fy(text, fye, raw)
        or _read_relative_year(text, published, fye, raw)
        or _read_calendar_offset(text, published, fye, raw)
        or _read_latest_quarter(text, published, fye, raw)
        or _read_block(text, published, fye, raw)
        or _read_part_of_year(text, published, fye, raw)
        or _read_calendar(text, raw)
    )


def parse_period(
    text: str, *, published: date | None, fiscal_year_end: tuple[int, int] | None = None
) -> Period | None:
    """Read a reporting period; None if ``text`` is not one.

    Relative phrases ("the full year", "Q3" with no year) are placed against
    ``published``; without it they keep a label and no dates. ``fiscal_year_end``
    is (month, day) of the company's year end, when known.

    >>> p = parse_period("the 2012 fiscal year, which concludes on March 31, 2013", published=None)
    >>> (p.label, p.start, p.end)
    ('FY2012', datetime.date(2012, 4, 1), datetime.date(2013, 3, 31))
    >>> parse_period("the annual year", published=date(2014, 9, 18)).label
    'fiscal year'
    """
    if fiscal_year_end is not None:
        month, day = fiscal_year_end
        if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]):
            raise ValueError(f"fiscal_year_end {fiscal_year_end!r} is not a (month, day)")
        fiscal_year_end = (month, day)
    raw = text.strip()
    norm = re.sub(r"\s+", " ", raw.lower()).rstrip(".,;:")
    for _ in range(3):  # "for the ...", "by the end of the ..."
        try:
            found = _read(norm, published, fiscal_year_end, raw)
        except (ValueError, OverflowError):  # "the first half of 0000", "Q4 9999": a
            return None  # period the calendar cannot hold (years 1 to 9999) is none
        if found:
            return found
        lead = _LEAD.match(norm)
        if not lead or lead.end() == len(norm):
            return None
        norm = norm[lead.end() :]
    return None


def fiscal_year_end_from_text(text: str) -> tuple[int, int] | None:
    """Find a stated fiscal year end ("year ending March 31", "year to end-March") as (month, day).

    A month without a day means its last day (February: the 28th).

    >>> fiscal_year_end_from_text("the 2012 fiscal year, which concludes on March 31, 2013")
    (3, 31)
    """
    match = _patterns()["year_end"].search(text)
    if not match:
        return None
    month = _months()[(match.group("m") or match.group("m2")).lower()]
    day_text = match.group("d") or match.group("d2")
    last = calendar.monthrange(2001, month)[1]  # 2001: not a leap year
    day = int(day_text) if day_text else last
    return (month, day) if 1 <= day <= last else None
