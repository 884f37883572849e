"""Publication dates as written in feeds, pages and records -> ``date``.

The standard library reads the common forms (ISO 8601, RFC 2822, "12 April
2012"); ``dateparser`` is the fallback, restricted to absolute dates so that
"yesterday" never silently becomes a date relative to today.

>>> parse_published("2014-09-17T08:00:00Z")
datetime.date(2014, 9, 17)
>>> parse_published("Thu, 12 Apr 2012 09:30:00 +0900")
datetime.date(2012, 4, 12)
>>> parse_published("12 April 2012")
datetime.date(2012, 4, 12)
>>> parse_published("last week") is None
True
"""

from __future__ import annotations

import email.utils
import re
import time
from datetime import date, datetime

_FORMATS = (
    "%d %B %Y",  # 12 April 2012
    "%d %b %Y",  # 12 Apr 2012
    "%B %d, %Y",  # April 12, 2012
    "%b %d, %Y",  # Apr 12, 2012
    "%B %d %Y",
    "%d/%m/%Y",  # European order: the day-first reading is the one the sources use
    "%Y/%m/%d",
)
_MIN_YEAR = 1900  # older "dates" in metadata are parsing accidents, not news


def _plausible(day: date) -> date | None:
    return day if day.year >= _MIN_YEAR else None


def _iso(value: str) -> date | None:
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def _rfc2822(value: str) -> date | None:
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _formats(value: str) -> date | None:
    cleaned = " ".join(value.replace(",", ", ").split()).replace(" ,", ",")
    for fmt in _FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def _dateparser(value: str) -> date | None:
    import dateparser  # slow to import; only needed for unusual forms

    settings = {
        "PARSERS": ["custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(value, settings=settings)
    return parsed.date() if parsed is not None else None


def parse_published(value: str | date | None) -> date | None:
    """Read a publication date; ``None`` when it cannot be read with confidence."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise TypeError(f"published must be a str or date, not {type(value).__name__}")
    value = value.strip()
    if not value:
        return None
    for reader in (_iso, _rfc2822, _formats, _dateparser):
        found = reader(value)
        if found is not None:
            return _plausible(found)
    return None


def from_struct_time(value: time.struct_time | None) -> date | None:
    """A ``time.struct_time`` (as feedparser gives) -> ``date``."""
    if value is None:
        return None
    return _plausible(date(value.tm_year, value.tm_mon, value.tm_mday))


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A wire-style dateline opening a paragraph:
# "TOKYO, April 12, 2012 -", "LONDON, 3 May 2014 (Reuters) -"
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40},\s+"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
    r"\s*(?:\([^)]{1,40}\)\s*)?[-–—:]",
    re.MULTILINE,
)


def dateline_date(text: str) -> date | None:
    """The date of a dateline at the start of a paragraph in the article's opening.

    >>> dateline_date("Headline\\n\\nTOKYO, April 12, 2012 - Sony said...")
    datetime.date(2012, 4, 12)
    >>> dateline_date("Sony said on April 12, 2012 that...") is None
    True
    """
    match = _DATELINE.search(text[:600])
    if match is None:
        return None
    return _formats(match.group("date").replace(".", "").replace("Sept", "Sep"))
