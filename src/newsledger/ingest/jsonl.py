"""JSON Lines -> one ``Article`` per line.

Each line is an object with ``text`` (required) and optionally ``title``,
``published``, ``source`` and ``url``. A line that is not JSON, not an object
or has no text is one failure naming ``file:line N``; the other lines go on.

>>> looks_like_jsonl('{"text": "Acme cut 500 jobs."}\\n')
True
>>> looks_like_jsonl("Acme cut 500 jobs.")
False
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsledger.errors import EmptyInput, MalformedRecord
from newsledger.ingest.dates import parse_published
from newsledger.ingest.identity import make_article
from newsledger.ingest.text import Defaults, clean_text, unstorable
from newsledger.models import Article, Failure


def looks_like_jsonl(text: str) -> bool:
    """The first non-blank line is a JSON object with a ``text`` field."""
    for line in text.splitlines():
        if line.strip():
            try:
                record = json.loads(line)
            except ValueError:
                return False
            return isinstance(record, dict) and "text" in record
    return False


def _optional_str(record: dict[str, object], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedRecord(f"field {key!r} must be a string, not {type(value).__name__}", where)
    _storable(value, key, where)
    return " ".join(value.split()) or None


def _storable(value: str, key: str, where: str) -> None:
    reason = unstorable(value)
    if reason is not None:
        raise MalformedRecord(f"field {key!r} {reason}", where)


def record_article(line: str, where: str, defaults: Defaults) -> Article:
    """One JSON Lines record as an Article; MalformedRecord naming ``where`` if it is not one."""
    try:
        record = json.loads(line)
    except ValueError as err:
        raise MalformedRecord(f"is not valid JSON ({err.args[0]})", where) from err
    if not isinstance(record, dict):
        raise MalformedRecord(f"is a JSON {type(record).__name__}, not an object", where)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise MalformedRecord("has no 'text' field with article text", where)
    _storable(text, "text", where)
    published = _optional_str(record, "published", where)
    return make_article(
        clean_text(text),
        title=_optional_str(record, "title", where),
        published=parse_published(published) or defaults.published,
        source=_optional_str(record, "source", where) or defaults.source,
        url=_optional_str(record, "url", where),
        origin=where,
    )


def jsonl_articles(text: str, origin: str, defaults: Defaults) -> Iterator[Article | Failure]:
    """Every non-blank line of a JSON Lines text as an Article or a Failure."""
    seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        seen = True
        where = f"{origin}:line {number}"
        try:
            yield record_article(line, where, defaults)
        except MalformedRecord as err:
            yield Failure(where, err.stage, err.code, err.reason)
    if not seen:
        empty = EmptyInput("is empty (no JSON Lines records)", origin)
        yield Failure(origin, empty.stage, empty.code, empty.reason)
