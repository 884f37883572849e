"""What the annotation rules (``ANNOTATION.md``) score, as plain functions of a fact.

Both sides of the scoring use them: the gold loader marks the gold facts the rules
leave out, and the matcher drops the predictions they leave out before aligning,
so such a prediction is neither credited nor spurious.

* Write-downs, write-offs and impairments are one family: ``writedown`` is
  ``impairment``.
* Guidance (``outlook``) of a profit, a loss or revenue is not scored; an expected
  charge (restructuring, impairment) is a charge and is scored.
* A layoff that is a breakdown of a stated total (``part_of``) and a division's
  figure (``segment``) are not scored; nor is a predicted layoff with no figure at all
  (no count, share or ratio as written: "Brandco also announced job cuts").
* A record may list the kinds its gold covers (``annotates``); other kinds are not
  scored there.
* A quoted fragment of three words or fewer that the extractor gives a speaker
  ("said he was 'stunned'") is not scored either way; one with no speaker is a
  scare quote or a title, which is no quote and is scored as spurious.

>>> kind_family("writedown"), kind_family("revenue")
('impairment', 'revenue')
>>> is_guidance("net_profit", True), is_guidance("restructuring_charge", True)
(True, False)
>>> unscored_prediction("layoffs", {"company": "Acme", "jobs": 80, "part_of": "e1"})
'part_of'
>>> unscored_prediction("quotes", {"speaker": "Ann Lee", "text": "stunned"})
'short_fragment'
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

# one family per real-world kind of figure (ANNOTATION.md, "Kinds")
KIND_FAMILIES: Mapping[str, str] = {"writedown": "impairment"}
# charges stated ahead ("expects to book $25 million in severance costs") are scored
CHARGE_FAMILIES: frozenset[str] = frozenset({"impairment", "restructuring_charge"})
# ANNOTATION.md, Quotes: "a quoted fragment of three words or fewer introduced by a
# speech verb ... is not scored either way"
SHORT_FRAGMENT_WORDS = 3
_QUOTE_EDGES = " \t\n\"'\u201c\u201d\u2018\u2019.,;:!?"


def kind_family(kind: str | None) -> str | None:
    """The family a financial kind is scored as."""
    return None if kind is None else KIND_FAMILIES.get(kind, kind)


def is_guidance(kind: str | None, outlook: Any) -> bool:
    """A forecast of a result (profit, loss, revenue), which the rules do not score."""
    return bool(outlook) and kind_family(kind) not in CHARGE_FAMILIES


def annotated(kinds: Collection[str] | None, kind: str | None) -> bool:
    """Whether a fact of ``kind`` is scored where the gold covers ``kinds`` (None: all).

    >>> annotated(["impairment"], "writedown"), annotated(["revenue"], "operating_profit")
    (True, False)
    """
    if kinds is None:
        return True
    return kind_family(kind) in {kind_family(k) for k in kinds}


def is_short_fragment(text: str | None) -> bool:
    """A quotation of three words or fewer, its marks and end punctuation aside.

    >>> is_short_fragment("\u201ca remarkable result,\u201d"), is_short_fragment("We will win it.")
    (True, False)
    """
    return text is not None and len(text.strip(_QUOTE_EDGES).split()) <= SHORT_FRAGMENT_WORDS


def unscored_prediction(fact_type: str, fields: Mapping[str, Any]) -> str | None:
    """Why a predicted fact (contract fields) is left out of the scoring; None if scored."""
    if fact_type == "layoffs":
        if fields.get("status") == "denied":
            return "denied"  # "denied reports that it would cut" is found, but is no job cut
        if fields.get("part_of"):
            return "part_of"
        if all(fields.get(k) is None for k in ("jobs", "jobs_high", "percent", "raw")):
            return "no_figure"  # "Brandco also announced job cuts": not scored either way
    if fact_type == "quotes" and fields.get("speaker") and is_short_fragment(fields.get("text")):
        return "short_fragment"
    if fact_type == "financials":
        if fields.get("segment"):
            return "segment"
        if is_guidance(fields.get("kind"), fields.get("outlook")):
            return "outlook"
    return None
