"""Resolution inside one article (interim: the resolution work replaces this)."""

from __future__ import annotations

from newsledger.models import Extraction


def resolve_article(extraction: Extraction) -> Extraction:
    return extraction
