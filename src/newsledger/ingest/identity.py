"""Article identity (interim: the ingest helper replaces this module)."""

from __future__ import annotations

import hashlib
from datetime import date

from newsledger.models import Article


def normalize_text(text: str) -> str:
    return " ".join(text.split())


def article_id(text: str) -> str:
    return hashlib.sha256(normalize_text(text).encode()).hexdigest()[:16]


def make_article(
    text: str,
    *,
    title: str | None = None,
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
    origin: str | None = None,
) -> Article:
    return Article(article_id(text), text, title, published, source, url, origin)
