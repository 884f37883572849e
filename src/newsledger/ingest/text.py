"""Bytes -> text (encoding, binary detection) and plain text -> ``Article``.

Decoding order: UTF-8 (a BOM is dropped), UTF-32/UTF-16 when a BOM says so,
then cp1252 or latin-1 only when the result reads as text. Anything else is a
coded error naming the input, never a guess.

>>> decode_bytes("Nestl\u00e9 cuts jobs".encode("cp1252"), "a.txt")
'Nestlé cuts jobs'
>>> split_headline("Acme cuts jobs\\n\\nAcme said on Monday...")
'Acme cuts jobs'
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from datetime import date

from newsledger.errors import BinaryInput, EmptyInput, EncodingError
from newsledger.ingest.dates import dateline_date
from newsledger.ingest.identity import make_article
from newsledger.models import Article
from newsledger.normalize.text import page_line

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF = 8192  # bytes looked at for binary detection: enough to see a file header
_MAX_CONTROL = 0.05  # share of control bytes above which a file is binary; text has ~0
_MAX_ODD = 0.02  # share of unprintable characters allowed in a single-byte decoding
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x0b")
_HEADLINE_MAX_CHARS = 200
_HEADLINE_MAX_WORDS = 30
_SENTENCE_END = (".", ",", ";", ":")  # a line ending so is prose, not a headline


@dataclass(frozen=True)
class Defaults:
    """Metadata to use where the input itself has none (``--published``, ``--source``)."""

    published: date | None = None
    source: str | None = None


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, or ``None``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KB (BOM-marked UTF-16/32 excepted)."""
    head = data[:_SNIFF]
    if bom_encoding(head) in ("utf-16", "utf-32"):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    return bool(head) and controls / len(head) > _MAX_CONTROL


def _reads_as_text(text: str) -> bool:
    odd = sum(
        1
        for ch in text
        if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\t\n\r\f\x0b"
    )
    if odd / max(len(text), 1) > _MAX_ODD:
        return False
    # Mojibake-like runs of accented capitals and symbols: real Western text is mostly ASCII.
    high = sum(1 for ch in text if ord(ch) > 0x7F)
    return high / max(len(text), 1) < 0.3


def decode_bytes(data: bytes, input: str) -> str:
    """Decode a file's bytes, or raise BinaryInput / EncodingError naming ``input``."""
    if looks_binary(data):
        raise BinaryInput("looks like a binary file (NUL or control bytes), not text", input)
    encoding = bom_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as err:
            raise EncodingError(
                f"has a {encoding} byte-order mark but {err.reason}", input
            ) from err
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for single_byte in ("cp1252", "latin-1"):
        try:
            text = data.decode(single_byte)
        except UnicodeDecodeError:
            continue
        if _reads_as_text(text):
            return text
    raise EncodingError("is not UTF-8, UTF-16 or cp1252/latin-1 text", input)


def unstorable(*values: str | None) -> str | None:
    """What in ``values`` not every store can hold, as ``holds <escape>, <what>``, or None.

    JSON may escape half a surrogate pair ("\\ud800"): ``json.loads`` then makes a
    str no encoder takes, and hashing or storing it raised UnicodeEncodeError
    mid-ingest. It may also escape NUL ("\\u0000"), which SQLite keeps but
    PostgreSQL text refuses: the same input must not be a fact on one store and
    a server error on the other.

    >>> unstorable("Acme", "cut \\ud800 jobs"), unstorable("Acme", None)
    ('holds \\\\ud800, half a surrogate pair', None)
    >>> unstorable("Acme\\x00")
    'holds \\\\u0000, a NUL character'
    """
    for value in values:
        if value and "\x00" in value:
            return "holds \\u0000, a NUL character"
        try:
            (value or "").encode("utf-8")
        except UnicodeEncodeError as err:
            return f"holds \\u{ord(err.object[err.start]):04x}, half a surrogate pair"
    return None


def clean_text(text: str) -> str:
    """Unify line ends and strip the outer whitespace; inner text is left as written."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def split_headline(text: str) -> str | None:
    """The first line when it looks like a headline followed by a blank line.

    >>> split_headline("Sony shares fall.\\n\\nMore text") is None
    True
    >>> split_headline("Just one paragraph without a break") is None
    True
    """
    lines = text.split("\n", 2)
    if len(lines) < 3 or lines[1].strip():
        return None
    line = lines[0].strip()
    if (
        not line
        or not lines[2].strip()
        or len(line) > _HEADLINE_MAX_CHARS
        or len(line.split()) > _HEADLINE_MAX_WORDS
        or line.endswith(_SENTENCE_END)
    ):
        return None
    return line


def split_page_lines(text: str) -> str:
    """Give every navigation, share or teaser line a paragraph of its own.

    A single line break ends no sentence, so a page copied as plain text ran its
    first lines into one: "Acme to cut 500 jobs / Related: Globex cut 200 jobs in
    2018 / Acme said on Tuesday..." was one sentence, and the cut was dated 2018.
    Which lines are page furniture is data (``normalize/data/page_lines.json``);
    only line breaks are added, so the article id does not change.

    >>> split_page_lines("Acme to cut jobs\\nShare this article\\nAcme said so.")
    'Acme to cut jobs\\n\\nShare this article\\n\\nAcme said so.'
    """
    lines = text.split("\n")
    marked = [page_line(line) is not None for line in lines]
    if not any(marked):
        return text
    out: list[str] = []
    for i, line in enumerate(lines):
        if marked[i] and out and out[-1].strip():
            out.append("")  # a paragraph break before it...
        out.append(line)
        after = lines[i + 1] if i + 1 < len(lines) else ""
        if marked[i] and after.strip():
            out.append("")  # ...and after it
    return "\n".join(out)


def _without_page_lines(text: str) -> str:
    """``text`` from its first paragraph that is not page furniture (for the headline:
    "Home > Business" above "Acme to cut jobs" is no headline)."""
    paragraphs = text.split("\n\n")
    skip = 0
    while skip < len(paragraphs) - 1 and page_line(paragraphs[skip]) is not None:
        skip += 1
    return "\n\n".join(paragraphs[skip:]).lstrip("\n")


def text_article(text: str, origin: str, defaults: Defaults) -> Article:
    """A plain-text article: the headline (if any) becomes the title and stays in the
    text; navigation and teaser lines are split off (:func:`split_page_lines`)."""
    text = split_page_lines(clean_text(text))
    if not text:
        raise EmptyInput("is empty (whitespace only)", origin)
    return make_article(
        text,
        title=split_headline(_without_page_lines(text)),
        published=defaults.published or dateline_date(text),
        source=defaults.source,
        origin=origin,
    )
