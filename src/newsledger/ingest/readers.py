"""Every input form -> ``Article`` s, with a ``Failure`` for each input that is not one.

``read_inputs`` takes files, folders (recursive, sorted, hidden entries
skipped), ``-`` for standard input and http(s) URLs. The format comes from the
extension, else from the content: plain text, HTML, RSS/Atom (one article per
item) or JSON Lines (one article per line). Bad content never raises: it is a
``Failure(input, "ingest", code, reason)`` and the other inputs go on. Misuse
(arguments of the wrong type or value) raises ``TypeError``/``ValueError``.

>>> import io
>>> [a.title for a in read_inputs(["-"], stdin=io.BytesIO(b"Acme cuts jobs\\n\\nAcme cut 500."))]
['Acme cuts jobs']
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO, Literal

from newsledger.errors import EmptyInput, InputError, MissingInput, TooLarge
from newsledger.ingest.feeds import feed_articles, looks_like_feed
from newsledger.ingest.html import html_article
from newsledger.ingest.jsonl import jsonl_articles, looks_like_jsonl
from newsledger.ingest.text import Defaults, decode_bytes, text_article
from newsledger.ingest.web import fetch, is_url
from newsledger.models import Article, Failure

Format = Literal["text", "html", "feed", "jsonl"]
STDIN = "<stdin>"
MAX_BYTES = 20_000_000  # a news article is ~10 KB; 20 MB is a big feed or a mistake
_EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_HTML_STARTS = ("<!doctype html", "<html", "<head", "<body")


def failure(err: InputError) -> Failure:
    """The failure row for a coded input error."""
    return Failure(err.input or "?", err.stage, err.code, err.reason)


def sniff_format(text: str) -> Format:
    """Guess the format of text whose name says nothing.

    >>> sniff_format("<!DOCTYPE html><html>"), sniff_format('{"text": "x"}'), sniff_format("Hi")
    ('html', 'jsonl', 'text')
    """
    head = text.lstrip("\ufeff \t\r\n")[:1024].lower()
    if looks_like_feed(head):
        return "feed"
    if head.startswith(_HTML_STARTS) or (head.startswith("<?xml") and "<html" in head):
        return "html"
    if looks_like_jsonl(text):
        return "jsonl"
    return "text"


def parse_bytes(
    data: bytes,
    origin: str,
    defaults: Defaults,
    *,
    fmt: Format | None = None,
    url: str | None = None,
) -> Iterator[Article | Failure]:
    """Bytes of one input -> its articles; InputError for content that is not text."""
    text = decode_bytes(data, origin)
    if not text.strip():
        raise EmptyInput("is empty (whitespace only)", origin)
    fmt = fmt or sniff_format(text)
    if fmt == "feed":
        yield from feed_articles(text, origin, defaults)
    elif fmt == "jsonl":
        yield from jsonl_articles(text, origin, defaults)
    elif fmt == "html":
        yield html_article(text, origin, defaults, url=url)
    else:
        yield text_article(text, origin, defaults)


def _guarded(items: Iterator[Article | Failure]) -> Iterator[Article | Failure]:
    try:
        yield from items
    except InputError as err:
        yield failure(err)


def _read_file(path: Path, defaults: Defaults, max_bytes: int) -> Iterator[Article | Failure]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:  # decided from the size: a huge file is never read
            raise TooLarge(f"is {size:,} bytes, over the limit of {max_bytes:,}", origin)
        data = path.read_bytes()
    except OSError as err:
        yield failure(InputError(f"cannot be read ({err.strerror or err})", origin))
        return
    except InputError as err:
        yield failure(err)
        return
    fmt = _EXTENSIONS.get(path.suffix.lower())
    yield from _guarded(parse_bytes(data, origin, defaults, fmt=fmt))


def _folder_files(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, sorted, depth first, hidden files and folders skipped."""
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink():  # a linked folder could loop back on itself
                yield from _folder_files(entry)
        elif entry.is_file():
            yield entry


def _read_path(raw: str, defaults: Defaults, max_bytes: int) -> Iterator[Article | Failure]:
    path = Path(raw)
    if not path.exists():
        yield failure(MissingInput("does not exist", raw))
        return
    if not path.is_dir():
        yield from _read_file(path, defaults, max_bytes)
        return
    found = False
    for file in _folder_files(path):
        found = True
        yield from _read_file(file, defaults, max_bytes)
    if not found:
        yield failure(EmptyInput("is a folder with no (visible) files", raw))


def _read_stdin(
    stream: BinaryIO | None, defaults: Defaults, max_bytes: int
) -> Iterator[Article | Failure]:
    source = stream if stream is not None else sys.stdin.buffer
    data = source.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield failure(TooLarge(f"is over the limit of {max_bytes:,} bytes", STDIN))
        return
    yield from _guarded(parse_bytes(data, STDIN, defaults))


def _read_url(url: str, defaults: Defaults, max_bytes: int) -> Iterator[Article | Failure]:
    try:
        page = fetch(url, max_bytes=max_bytes)
    except InputError as err:
        yield failure(err)
        return
    text_head = page.data[:2048].decode("utf-8", "replace")
    fmt: Format = "feed" if looks_like_feed(text_head) else "html"
    if "json" in page.content_type or "text/plain" in page.content_type:
        fmt = "jsonl" if looks_like_jsonl(text_head) else "text"
    yield from _guarded(parse_bytes(page.data, url, defaults, fmt=fmt, url=page.url))


def _read_all(
    paths: list[str], defaults: Defaults, max_bytes: int, stdin: BinaryIO | None
) -> Iterator[Article | Failure]:
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(stdin, defaults, max_bytes)
        elif is_url(raw):
            yield from _read_url(raw, defaults, max_bytes)
        else:
            yield from _read_path(raw, defaults, max_bytes)


def _check_paths(paths: Sequence[str]) -> list[str]:
    if isinstance(paths, (str, bytes)) or not isinstance(paths, Sequence):
        raise TypeError(f"paths must be a sequence of str, not {type(paths).__name__}")
    checked = []
    for raw in paths:
        if isinstance(raw, os.PathLike):
            raw = os.fspath(raw)
        if not isinstance(raw, str):
            raise TypeError(f"each path must be a str, not {type(raw).__name__}")
        if not raw.strip():
            raise ValueError("a path must not be empty")
        checked.append(raw)
    return checked


def read_inputs(
    paths: Sequence[str],
    *,
    published: date | None = None,
    source: str | None = None,
    max_bytes: int = MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | Failure]:
    """Read files, folders, ``-`` (stdin) and URLs into Articles, or Failures naming the input.

    ``published`` and ``source`` apply to plain text and fill in where a format
    has none of its own. Arguments are checked now; inputs are read lazily.
    """
    checked = _check_paths(paths)
    if published is not None and not isinstance(published, date):
        raise TypeError(f"published must be a date, not {type(published).__name__}")
    if source is not None and not isinstance(source, str):
        raise TypeError(f"source must be a str, not {type(source).__name__}")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise TypeError(f"max_bytes must be an int, not {type(max_bytes).__name__}")
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    return _read_all(checked, Defaults(published, source), max_bytes, stdin)
