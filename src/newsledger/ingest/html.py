"""HTML pages and fragments -> text.

Whole pages go through ``trafilatura`` (main text, title, date, site name);
small fragments (a feed item's summary) are flattened with ``lxml``, since
trafilatura discards anything shorter than a page.

>>> fragment_text("<p>Acme cut <b>500</b> jobs.</p><p>Shares rose.</p>")
'Acme cut 500 jobs.\\n\\nShares rose.'
"""

from __future__ import annotations

from typing import Any

import lxml.etree  # lxml ships no type hints
import lxml.html

from newsledger.errors import NoTextError
from newsledger.ingest.dates import parse_published
from newsledger.ingest.identity import make_article
from newsledger.ingest.text import Defaults, clean_text
from newsledger.models import Article

_BLOCKS = frozenset(
    ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre")
).union(("table", "tr", "section", "article", "header", "footer"))
_DROP = ("script", "style", "noscript", "template")
# trafilatura falls back to any text it finds, so an empty app shell yields "Home" or a
# menu; fewer words than a one-sentence news brief is not an article.
MIN_PAGE_WORDS = 10


def _paragraphs(text: str) -> str:
    """One paragraph per non-empty line, separated by blank lines, spaces collapsed."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def fragment_text(markup: str) -> str:
    """Flatten an HTML fragment (or plain text) to paragraphs; ``""`` when there is none."""
    if not markup or not markup.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_DROP)):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    return _paragraphs(root.text_content())


def _extract(markup: str, url: str | None) -> dict[str, Any] | None:
    import trafilatura  # heavy import (htmldate, justext); only HTML inputs need it

    try:
        document = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
        )
    except Exception:  # trafilatura and lxml raise many kinds on malformed markup; none is ours
        return None
    if document is None:
        return None
    return dict(document if isinstance(document, dict) else document.as_dict())


def html_article(
    markup: str, origin: str, defaults: Defaults, *, url: str | None = None
) -> Article:
    """A web page's main text with its title, date and outlet; NoTextError when empty."""
    found = _extract(markup, url) if markup.strip() else None
    text = clean_text(_paragraphs(found.get("text") or "")) if found else ""
    if len(text.split()) < MIN_PAGE_WORDS:
        raise NoTextError("has no article text after removing markup", origin)
    assert found is not None
    return make_article(
        text,
        title=_clean(found.get("title")),
        published=parse_published(found.get("date")) or defaults.published,
        source=_clean(found.get("sitename")) or defaults.source,
        url=url or _clean(found.get("url")),
        origin=origin,
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
