"""Publication dates given beside the articles: ``newsledger ingest --dates FILE``.

Plain text rarely says when it was published, and an article without a date has
events whose date is unknown. A sidecar gives the dates, one per article, keyed by
any of: the file name (``014.txt``), the path as it was ingested
(``news/014.txt``), the input and record of a JSON Lines line or feed item
(``wire.jsonl:line 3``, ``feed.xml#item 2``) or the article id newsledger gave it.
Two forms, told apart by the file's extension:

* JSON (``.json``): one object, ``{"014.txt": "2005-02-14", ...}``;
* CSV (anything else): two columns, name and date, one article per row; a first
  row whose second cell is no date is a header (``file,published``).

Dates are ``YYYY-MM-DD``. The sidecar's date wins over one the input carries (it is
what the user states). A sidecar that cannot be read is one
:class:`~newsledger.errors.DatesFileError` naming the file and line; nothing is
ingested then.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "dates.csv"
>>> _ = p.write_text("file,published\\n014.txt,2005-02-14\\n")
>>> read_dates(p)
{'014.txt': datetime.date(2005, 2, 14)}
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path, PurePath

from newsledger.errors import DatesFileError
from newsledger.models import Article, Failure


def _day(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def _from_json(text: str, where: str) -> dict[str, date]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise DatesFileError(f"is not JSON ({err.msg}, line {err.lineno})", where) from err
    if not isinstance(data, dict):
        raise DatesFileError("must be one JSON object of names to dates", where)
    out: dict[str, date] = {}
    for key, value in data.items():
        day = _day(value)
        if day is None:
            raise DatesFileError(f"{key!r}: date must be YYYY-MM-DD, got {value!r}", where)
        out[key.strip()] = day
    return out


def _from_csv(text: str, where: str) -> dict[str, date]:
    out: dict[str, date] = {}
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != 2:
            raise DatesFileError(f"line {number}: two columns (name, date), got {len(row)}", where)
        day = _day(row[1])
        if day is None:
            if number == 1:  # a header: "file,published"
                continue
            raise DatesFileError(f"line {number}: date must be YYYY-MM-DD, got {row[1]!r}", where)
        out[row[0].strip()] = day
    return out


def read_dates(path: Path | str) -> dict[str, date]:
    """A sidecar's dates by name; raise DatesFileError naming the file (and line)."""
    path = Path(path)
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise DatesFileError(f"cannot be read ({err})", where) from err
    dates = _from_json(text, where) if path.suffix.lower() == ".json" else _from_csv(text, where)
    if not dates:
        raise DatesFileError("gives no dates", where)
    return dates


def keys_of(article: Article) -> tuple[str, ...]:
    """The names a sidecar may give ``article`` by, most specific first.

    >>> from newsledger.ingest.identity import make_article
    >>> keys_of(make_article("x", origin="news/014.txt"))[1:]
    ('news/014.txt', '014.txt')
    """
    keys = [article.id]
    if article.origin:
        keys += [article.origin, PurePath(article.origin).name]
    return tuple(dict.fromkeys(keys))


def with_dates(
    items: Iterable[Article | Failure], dates: Mapping[str, date], used: set[str] | None = None
) -> Iterator[Article | Failure]:
    """``items`` with the sidecar's date as each named article's publication date;
    the names that matched are added to ``used`` (so a caller can name the rest)."""
    for item in items:
        if isinstance(item, Article):
            key = next((k for k in keys_of(item) if k in dates), None)
            if key is not None:
                if used is not None:
                    used.add(key)
                item = dataclasses.replace(item, published=dates[key])
        yield item


__all__ = ["keys_of", "read_dates", "with_dates"]
