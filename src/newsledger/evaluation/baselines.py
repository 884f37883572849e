"""Simple rivals scored in the same harness, so that newsledger's gain is visible.

* ``regex-layoffs``: the keyword-and-number regex a user would write in an
  afternoon: a sentence with a cut word and "N jobs/workers/staff" is a layoff
  of N by the sentence's first capitalised name, with any "N%" in it.
* ``textacy-quotes``: textacy's ``direct_quotations`` on the same spaCy parse
  (speaker = the tokens textacy names). textacy is an evaluation-only extra,
  imported lazily; without it the baseline is skipped with an install hint.

Both return contract-shaped JSON (``{"events": [...], "quotes": [...]}``), so
they are scored exactly like newsledger.

>>> regex_layoffs("Acme Corp will cut 1,200 jobs, or 8% of its staff.")["events"][0]["jobs"]
1200
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from newsledger.errors import EvalError

REGEX_LAYOFFS = "regex-layoffs"
TEXTACY_QUOTES = "textacy-quotes"
TEXTACY_HINT = "textacy is not installed: pip install 'newsledger[eval]' for the quote baseline"

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’]?|\n|$)")
_CUT = re.compile(
    r"\b(?:cut\w*|axe[sd]?|axing|shed\w*|slash\w*|lay(?:ing)? off|laid off|layoffs?|"
    r"redundanc\w*|job loss\w*|lose|losing|lost|to go|eliminat\w*|trim\w*)\b",
    re.IGNORECASE,
)
_COUNT = re.compile(
    r"\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(million|thousand|m|k)?\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:jobs|workers|staff|employees|positions|posts|roles)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per ?cent)", re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][\w&.'-]*(?:\s+(?:&\s+)?[A-Z][\w&.'-]*)*")
_NOT_NAMES = frozenset(
    {"The", "A", "An", "It", "He", "She", "They", "We", "But", "And", "In", "On", "At",
     "Its", "This", "That", "Some", "About", "Up", "Mr", "Ms", "Mrs"}
)  # fmt: skip
_SCALE = {"million": 1_000_000, "m": 1_000_000, "thousand": 1_000, "k": 1_000}


def _number(digits: str, scale: str | None) -> int:
    value = float(digits.replace(",", ""))
    return round(value * _SCALE.get((scale or "").lower(), 1))


def _first_name(sentence: str) -> str | None:
    for match in _NAME.finditer(sentence):
        words = match.group(0).split()
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        if words:
            return " ".join(words)
    return None


def regex_layoffs(text: str) -> dict[str, Any]:
    """Layoff events found by keyword and number alone, as contract JSON."""
    events = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        count = _COUNT.search(sentence)
        if not sentence or count is None or not _CUT.search(sentence):
            continue
        percent = _PERCENT.search(sentence)
        events.append(
            {
                "type": "layoff",
                "company": _first_name(sentence),
                "jobs": _number(count.group(1), count.group(2)),
                "jobs_high": None,
                "percent": float(percent.group(1)) if percent else None,
                "unit": None,
                "evidence": {"text": sentence, "start": match.start(), "end": match.end()},
            }
        )
    return {"events": events, "quotes": []}


def textacy_available() -> bool:
    try:
        import textacy.extract  # noqa: F401  (probe only)
    except ImportError:
        return False
    return True


def textacy_quotes(docs: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """Direct quotations found by textacy in parsed spaCy Docs, as contract JSON."""
    try:
        from textacy.extract import direct_quotations  # type: ignore[attr-defined]
    except ImportError as err:
        raise EvalError(TEXTACY_HINT) from err
    for doc in docs:
        quotes = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy bails out on an odd number of quotation marks
            triples = []
        for triple in triples:
            content = triple.content
            speaker = " ".join(t.text for t in triple.speaker) or None
            quotes.append(
                {
                    "speaker": speaker,
                    "text": content.text,
                    "start": content.start_char,
                    "end": content.end_char,
                }
            )
        yield {"events": [], "quotes": quotes}
