"""Pure matching and scoring of predicted facts (contract JSON) against gold facts.

Per article and fact type, gold and predicted facts are *aligned* one to one on
their anchor (the company for layoffs and financials, the quotation's opening
for quotes), preferring full matches, then the pairs that agree on most fields.
A pair is a full match when every checked key field agrees:

=========== ==================================== ===========================
fact type   key fields (fact-level P/R/F1)       also scored per field
=========== ==================================== ===========================
layoffs     company, jobs, percent               unit, date
financials  company, kind, amount, currency      period, date
quotes      text (``quote_start``), speaker
=========== ==================================== ===========================

Facts: a full match is a true positive; a gold fact without one is missed
(false negative); a prediction without one is spurious (false positive). An
``optional`` gold fact, or one the annotation rules do not score (guidance, a
breakdown, a segment: see :mod:`~newsledger.evaluation.scope`), absorbs a
prediction that fully matches it and is never counted as missed; predictions the
rules do not score, or of kinds the record does not annotate, are dropped before
aligning. Kinds compare by family (``writedown`` is ``impairment``); the period by
its end month and length when the gold gives them; the date by the month (or
the year) the gold gives, and only in articles whose gold gives dates.

Fields: on an aligned pair a stated gold value that the prediction gives is a TP,
one it gets wrong or leaves out is a FN (and a wrong value also a FP); values of
unaligned facts are FNs (gold) or FPs (predicted).

>>> company_match("Telegraph Group (Daily and Sunday Telegraph)", "Telegraph")
True
>>> speaker_match("Kazuo Hirai", "Kaz Hirai"), quote_starts("“I am sorry,” he said", "I am")
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from newsledger.evaluation.gold import FACT_TYPES, GoldArticle, GoldFact
from newsledger.evaluation.scope import annotated, kind_family, unscored_prediction
from newsledger.normalize.text import visible_text
from newsledger.resolve.names import company_key

KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "layoffs": ("company", "jobs", "percent"),
    "financials": ("company", "kind", "amount", "currency"),
    "quotes": ("quote_start", "speaker"),
}
SCORED_FIELDS: dict[str, tuple[str, ...]] = {
    "layoffs": ("company", "jobs", "percent", "unit", "date"),
    "financials": ("company", "kind", "amount", "currency", "period", "date"),
    "quotes": ("quote_start", "speaker"),
}
EVENT_TYPES: dict[str, str] = {"layoff": "layoffs", "financial": "financials"}

# an amount within 1% of the gold figure counts: articles round ("$2.1bn" for 2.08bn)
AMOUNT_TOLERANCE = Decimal("0.01")
# words too common to stand for a company or a speaker on their own
_STOP = frozenset({"the", "and", "of", "a", "an", "in", "for", "after", "its", "s", "co"})
_QUOTE_MARKS = re.compile(r"[\"“”„‟«»'‘’‚‛`]+")
_LEADING_THAT = re.compile(r"^(?:that|whether)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Predicted:
    """A fact predicted for one article, as plain fields from the contract JSON."""

    type: str
    fields: Mapping[str, Any]
    start: int | None = None  # offset of its evidence or quotation in the article
    sentence: str | None = None


@dataclass(frozen=True)
class GoldPeriod:
    """A gold period by its resolved end and length in months (``None``: not stated)."""

    end: date | None
    months: int | None


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """2TP / (2TP + FP + FN); ``None`` when there was nothing to find nor found."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None


@dataclass(frozen=True)
class ArticleScore:
    article: GoldArticle
    facts: Mapping[str, Counts]
    fields: Mapping[str, Mapping[str, Counts]]
    missed: tuple[GoldFact, ...] = ()
    spurious: tuple[Predicted, ...] = ()


@dataclass(frozen=True)
class Scores:
    """Counts summed over articles, per fact type and per (fact type, field)."""

    facts: Mapping[str, Counts] = field(default_factory=dict)
    fields: Mapping[str, Mapping[str, Counts]] = field(default_factory=dict)
    articles: int = 0


# --- names, speakers and quotations ------------------------------------------


def _words(text: str) -> list[str]:
    return [w for w in re.sub(r"[^\w]+", " ", text.lower()).split() if w]


def _contains(outer: list[str], inner: list[str]) -> bool:
    if not inner or all(w in _STOP for w in inner):
        return False
    n = len(inner)
    return any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def company_match(gold: str | None, predicted: str | None) -> bool:
    """Same company key (``company_key``), or one name's words inside the other's.

    The containment rule lets a gold name that lists its parts,
    "Telegraph Group (Daily and Sunday Telegraph)", match "Telegraph Group" or
    "Daily Telegraph", and "MG Rover" match "Rover".
    """
    if not gold or not predicted:
        return False
    g, p = company_key(gold), company_key(predicted)
    if not g or not p:
        return False
    if g == p:
        return True
    gw, pw = _words(g), _words(p)
    return _contains(gw, pw) or _contains(pw, gw)


def _surname(name: str) -> str | None:
    words = [w for w in _words(name) if w not in {"jr", "sr", "ii", "iii"}]
    return words[-1] if words else None


def speaker_match(gold: str | None, predicted: str | None) -> bool:
    """A company speaker by company rule; a person by surname, within the other name.

    >>> speaker_match("Hillary Clinton, the Democratic nominee", "Clinton")
    True
    """
    if not gold or not predicted:
        return False
    if company_match(gold, predicted):
        return True
    gw, pw = _words(gold), _words(predicted)
    gs, ps = _surname(gold), _surname(predicted)
    return (ps is not None and ps in gw and ps not in _STOP) or (
        gs is not None and gs in pw and gs not in _STOP
    )


def normalize_quote(text: str) -> str:
    """Quotation text without marks, a leading "that", case or spacing differences, or
    characters no reader sees (a soft hyphen, a zero-width space)."""
    text = " ".join(_QUOTE_MARKS.sub(" ", visible_text(text)).split()).casefold()
    return _LEADING_THAT.sub("", text).strip(" ,.;:—–-")


def quote_starts(text: str | None, quote_start: str | None) -> bool:
    """Whether a predicted quotation ``text`` starts with the gold ``quote_start``."""
    if not text or not quote_start:
        return False
    start = normalize_quote(quote_start)
    return bool(start) and normalize_quote(text).startswith(start)


# --- field comparison ---------------------------------------------------------


def predicted_value(kind: str, name: str, pred: Mapping[str, Any]) -> Any:
    if name == "quote_start":
        return pred.get("text")
    if name == "period":
        return pred.get("period") or pred.get("period_end")
    return pred.get(name)


def gold_values(gold: GoldFact) -> dict[str, Any]:
    """The gold fields as scored: ``period`` is a :class:`GoldPeriod` when the gold
    gives ``period_end`` or ``period_months``, else the text's words (or absent)."""
    values = {k: v for k, v in gold.fields.items() if k not in ("period_end", "period_months")}
    if "period_end" in gold.fields or "period_months" in gold.fields:
        end, months = gold.fields.get("period_end"), gold.fields.get("period_months")
        if end is not None or months is not None:
            values["period"] = GoldPeriod(end, months)
        else:
            values.setdefault("period", None)  # stated as not stated: leave it empty
    return values


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def period_equal(gold: GoldPeriod, pred: Mapping[str, Any]) -> bool:
    """Same end month and year (a quarter to 30 or 31 March is one period), same length.

    >>> period_equal(GoldPeriod(date(2005, 3, 31), 3), {"period_end": "2005-03-30",
    ...                                                 "period_months": 3})
    True
    """
    if gold.end is not None:
        end = _as_date(pred.get("period_end"))
        if end is None or (end.year, end.month) != (gold.end.year, gold.end.month):
            return False
    return gold.months is None or pred.get("period_months") == gold.months


def date_equal(gold: str, pred: Any) -> bool:
    """A predicted day within the gold month (``YYYY-MM``) or year (``YYYY``).

    >>> date_equal("2005-04", "2005-04-29"), date_equal("2005", "2005-11-02")
    (True, True)
    >>> date_equal("2005-04", "2004-04-29")
    False
    """
    day = _as_date(pred)
    return day is not None and day.isoformat()[: len(gold)] == gold


def _loose_text(gold: str, pred: Any) -> bool:
    if not isinstance(pred, str):
        return False
    gw, pw = _words(gold), _words(pred)
    return bool(gw and pw) and (set(gw) <= set(pw) or set(pw) <= set(gw))


def _amount(gold: Any, pred: Any) -> bool:
    try:
        g, p = Decimal(str(gold)), Decimal(str(pred))
    except InvalidOperation:
        return False
    return abs(p - g) <= AMOUNT_TOLERANCE * abs(g)


def field_equal(kind: str, name: str, gold: Any, pred: Mapping[str, Any]) -> bool:
    """Whether the prediction agrees with one gold field (``None`` = must be empty)."""
    if isinstance(gold, GoldPeriod):
        return period_equal(gold, pred)
    value = predicted_value(kind, name, pred)
    if name == "jobs":
        if gold is None:
            return pred.get("jobs") is None and pred.get("jobs_high") is None
        # a range matches at either end: "up to 2,500" may be reported as a high end
        return gold in (pred.get("jobs"), pred.get("jobs_high"))
    if gold is None:
        return value is None or value == ""
    if value is None:
        return False
    if name == "company":
        return company_match(gold, value)
    if name == "speaker":
        return speaker_match(gold, value)
    if name == "quote_start":
        return quote_starts(value, gold)
    if name == "percent":
        return isinstance(value, int | float) and round(float(value), 2) == round(float(gold), 2)
    if name == "amount":
        return _amount(gold, value)
    if name in ("unit", "period"):
        return _loose_text(gold, value)
    if name == "kind":
        return kind_family(str(value)) == kind_family(gold)
    if name == "date":
        return date_equal(gold, value)
    return str(value).upper() == str(gold).upper() if name == "currency" else value == gold


def _anchor(kind: str, gold: GoldFact, pred: Predicted) -> bool:
    if kind == "quotes":
        return field_equal(kind, "quote_start", gold.fields["quote_start"], pred.fields)
    return field_equal(kind, "company", gold.fields["company"], pred.fields)


def full_match(kind: str, gold: GoldFact, pred: Predicted) -> bool:
    checked = [f for f in KEY_FIELDS[kind] if f in gold.fields]
    return all(field_equal(kind, f, gold.fields[f], pred.fields) for f in checked)


def _agreement(kind: str, gold: GoldFact, pred: Predicted) -> int:
    return sum(field_equal(kind, f, v, pred.fields) for f, v in gold_values(gold).items())


# --- alignment and scoring ----------------------------------------------------


def align(
    kind: str, golds: Sequence[GoldFact], preds: Sequence[Predicted]
) -> list[tuple[int, int, bool]]:
    """One-to-one (gold index, predicted index, full match) pairs, best first.

    Gold facts that are not required only take predictions that fully match them.
    """
    candidates = []
    for i, gold in enumerate(golds):
        for j, pred in enumerate(preds):
            if not _anchor(kind, gold, pred):
                continue
            full = full_match(kind, gold, pred)
            if not gold.required and not full:
                continue
            candidates.append((not full, not gold.required, -_agreement(kind, gold, pred), i, j))
    pairs: list[tuple[int, int, bool]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    for partial, _, _, i, j in sorted(candidates):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j, not partial))
    return pairs


def _field_counts(
    kind: str,
    golds: Sequence[GoldFact],
    preds: Sequence[Predicted],
    pairs: Iterable[tuple[int, int, bool]],
    *,
    dated: bool = True,
) -> dict[str, Counts]:
    """Field counts; ``dated``: the article's gold gives dates, so ``date`` is scored."""
    counts = {name: Counts() for name in SCORED_FIELDS[kind] if dated or name != "date"}
    paired_g = {i: j for i, j, _ in pairs}
    paired_p = set(paired_g.values())

    def add(name: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        counts[name] = counts[name] + Counts(tp, fp, fn)

    for i, gold in enumerate(golds):
        if not gold.required:
            continue
        for name, value in gold_values(gold).items():
            if name not in counts:
                continue
            if i not in paired_g:
                add(name, fn=int(value is not None))
                continue
            fields = preds[paired_g[i]].fields
            given = predicted_value(kind, name, fields) is not None
            if field_equal(kind, name, value, fields):
                add(name, tp=int(value is not None))
            else:
                add(name, fp=int(given), fn=int(value is not None))
    for j, pred in enumerate(preds):
        if j not in paired_p:
            for name in counts:
                add(name, fp=int(predicted_value(kind, name, pred.fields) is not None))
    return counts


def score_article(article: GoldArticle, predicted: Sequence[Predicted]) -> ArticleScore:
    """Score one article's predictions on the fact types its gold annotates."""
    facts: dict[str, Counts] = {}
    fields: dict[str, Mapping[str, Counts]] = {}
    missed: list[GoldFact] = []
    spurious: list[Predicted] = []
    # dates are scored only where the annotator gave them (a set may not annotate them)
    dated = any("date" in f.fields for f in article.facts)
    for kind in article.scored:
        kinds = article.annotates.get(kind)
        golds = [
            f for f in article.facts if f.type == kind and annotated(kinds, f.fields.get("kind"))
        ]
        preds = [p for p in predicted if p.type == kind and annotated(kinds, p.fields.get("kind"))]
        pairs = align(kind, golds, preds)
        full_g = {i for i, _, full in pairs if full}
        full_p = {j for _, j, full in pairs if full}
        absorbed = {j for i, j, _ in pairs if not golds[i].required}
        tp = sum(1 for i in full_g if golds[i].required)
        kind_missed = [g for i, g in enumerate(golds) if g.required and i not in full_g]
        kind_spurious = [p for j, p in enumerate(preds) if j not in full_p and j not in absorbed]
        facts[kind] = Counts(tp, len(kind_spurious), len(kind_missed))
        fields[kind] = _field_counts(kind, golds, preds, pairs, dated=dated)
        missed.extend(kind_missed)
        spurious.extend(kind_spurious)
    return ArticleScore(article, facts, fields, tuple(missed), tuple(spurious))


def total(scores: Iterable[ArticleScore]) -> Scores:
    """Sum article scores into per-type and per-field counts."""
    facts: dict[str, Counts] = {}
    fields: dict[str, dict[str, Counts]] = {}
    n = 0
    for score in scores:
        n += 1
        for kind, counts in score.facts.items():
            facts[kind] = facts.get(kind, Counts()) + counts
            slot = fields.setdefault(kind, {})
            for name, c in score.fields[kind].items():
                slot[name] = slot.get(name, Counts()) + c
    order = {k: i for i, k in enumerate(FACT_TYPES)}
    return Scores(
        dict(sorted(facts.items(), key=lambda kv: order[kv[0]])),
        dict(sorted(fields.items(), key=lambda kv: order[kv[0]])),
        n,
    )


def predictions(contract: Mapping[str, Any]) -> list[Predicted]:
    """The layoffs, financials and quotes of one article's contract JSON, without
    those the annotation rules leave out (``scope.unscored_prediction``).

    >>> predictions({"events": [{"type": "layoff", "company": "Acme", "jobs": 5,
    ...   "evidence": {"text": "Acme cut 5 jobs.", "start": 0, "end": 16}}], "quotes": []})[0].type
    'layoffs'
    """
    out: list[Predicted] = []
    for event in contract.get("events", []):
        kind = EVENT_TYPES.get(event.get("type", ""))
        if kind is None:
            continue
        if unscored_prediction(kind, event) is not None:
            continue
        evidence = event.get("evidence") or {}
        out.append(Predicted(kind, event, evidence.get("start"), evidence.get("text")))
    for quote in contract.get("quotes", []):
        if unscored_prediction("quotes", quote) is None:
            out.append(Predicted("quotes", quote, quote.get("start")))
    return out
