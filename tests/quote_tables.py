"""Shared check for the quote tables: the speaker of the quote a case points at."""

from __future__ import annotations

from typing import Any


def speaker_of(extractor: Any, text: str, starts: str) -> str | None:
    """The speaker of the first quote starting ``starts``; fails when there is none."""
    quotes = [q for q in extractor.extract_text(text).quotes if q.text.startswith(starts)]
    assert quotes, f"no quote starting {starts!r}"
    speaker: str | None = quotes[0].speaker
    return speaker
