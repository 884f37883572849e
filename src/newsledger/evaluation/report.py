"""Evaluation results as a text table or JSON, with details of each article's errors.

>>> from newsledger.evaluation.match import Counts
>>> _cells(Counts(tp=3, fp=1, fn=2))
['0.750', '0.600', '0.667', '3', '1', '2']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from newsledger.evaluation.gold import GoldFact
from newsledger.evaluation.match import ArticleScore, Counts, Predicted
from newsledger.evaluation.run import NEWSLEDGER, SetResult, SystemResult
from newsledger.models import jsonable

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+|\n+")
_HEAD = ["P", "R", "F1", "TP", "FP", "FN"]
# words that usually sit in the sentence stating a financial figure of that kind
_KIND_WORDS: dict[str, list[str]] = {
    "net_loss": ["net loss", "loss"],
    "net_profit": ["net profit", "net income", "profit"],
    "pretax_profit": ["pretax profit", "pre-tax profit", "profit"],
    "pretax_loss": ["pretax loss", "pre-tax loss", "loss"],
    "operating_loss": ["operating loss", "loss"],
    "operating_profit": ["operating profit", "profit"],
    "revenue": ["revenue", "sales"],
    "impairment": ["impairment", "write-down", "writedown"],
    "restructuring_charge": ["restructuring charge", "charge"],
    "writedown": ["writedown", "write-down"],
}


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _cells(c: Counts) -> list[str]:
    return [_fmt(c.precision), _fmt(c.recall), _fmt(c.f1), str(c.tp), str(c.fp), str(c.fn)]


def counts_json(c: Counts) -> dict[str, Any]:
    return {
        "tp": c.tp,
        "fp": c.fp,
        "fn": c.fn,
        "precision": c.precision,
        "recall": c.recall,
        "f1": c.f1,
    }


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = [
            c.ljust(w) if i < 2 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        out.append("  " + "  ".join(cells).rstrip())
    return out


def _speed(system: SystemResult) -> str:
    rate = system.articles_per_second
    if rate is None:
        return "speed n/a"
    return f"{rate:.1f} articles/s, {system.words / system.seconds:,.0f} words/s"


def format_set(result: SetResult, *, details: bool = False) -> str:
    """The text report of one set: facts per type, then fields, systems side by side."""
    ours = result.system(NEWSLEDGER)
    lines = [f"== {result.name}: {len(ours.articles)} articles; newsledger {_speed(ours)}"]
    kinds = list(ours.scores.facts)
    rows = [["type", "system", *_HEAD]]
    for kind in kinds:
        for system in result.systems:
            if kind in system.scores.facts:
                rows.append([kind, system.system, *_cells(system.scores.facts[kind])])
    lines += _table(rows) if len(rows) > 1 else ["  (no fact type annotated)"]
    rows = [["field", "system", *_HEAD]]
    for kind in kinds:
        for system in result.systems:
            for name, c in system.scores.fields.get(kind, {}).items():
                rows.append([f"{kind}.{name}", system.system, *_cells(c)])
    if len(rows) > 1:
        lines += ["", *_table(rows)]
    lines += [f"  note: {note}" for note in result.notes]
    if details:
        lines += ["", *format_details(ours.articles)]
    return "\n".join(lines)


def sentence_at(text: str, offset: int) -> str:
    """The sentence of ``text`` holding ``offset`` (a plain punctuation split)."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > offset:
            return text[start : match.start() + len(match.group(0).rstrip())].strip()
        start = match.end()
    return text[start:].strip()


def _needles(fact: GoldFact) -> list[str]:
    f = fact.fields
    out = []
    if f.get("quote_start"):
        out.append(str(f["quote_start"]))
    out += _KIND_WORDS.get(str(f.get("kind")), [])
    if isinstance(f.get("jobs"), int):
        out += [f"{f['jobs']:,}", str(f["jobs"])]
    if f.get("percent") is not None:
        out.append(f"{f['percent']:g}")
    for name in ("company", "speaker"):
        if f.get(name):
            out += re.split(r"[\s(),]+", str(f[name]))[:1]
    return [n for n in out if n]


def gold_sentence(text: str, fact: GoldFact) -> str | None:
    """The first sentence holding the gold fact's figure, opening words or name."""
    folded = text.casefold()
    for needle in _needles(fact):
        at = folded.find(needle.casefold())
        if at >= 0:
            return sentence_at(text, at)
    return None


def _pred_sentence(text: str, pred: Predicted) -> str | None:
    if pred.sentence:
        return pred.sentence
    return sentence_at(text, pred.start) if pred.start is not None else None


def _short(fields: Mapping[str, Any]) -> str:
    keep = ("company", "jobs", "jobs_high", "percent", "unit", "kind", "amount", "currency",
            "period", "period_end", "period_months", "date", "speaker", "quote_start",
            "text")  # fmt: skip
    parts = []
    for name in keep:
        if name in fields and fields[name] is not None:
            value = str(jsonable(fields[name]))
            parts.append(f"{name}={value[:60] + '…' if len(value) > 60 else value}")
    return ", ".join(parts)


def format_details(scores: Iterable[ArticleScore]) -> list[str]:
    """Missed and spurious facts of each article, each beside its sentence."""
    lines = ["details (newsledger): missed (-) and spurious (+) facts"]
    for score in scores:
        if not score.missed and not score.spurious:
            continue
        text = score.article.text
        lines.append(f"{score.article.id} ({score.article.where})")
        for fact in score.missed:
            lines.append(f"  - {fact.type}: {_short(fact.fields)}")
            lines.append(f"      in: {gold_sentence(text, fact) or '(sentence not found)'}")
        for pred in score.spurious:
            lines.append(f"  + {pred.type}: {_short(pred.fields)}")
            lines.append(f"      in: {_pred_sentence(text, pred) or '(no evidence)'}")
    return lines


def details_json(scores: Iterable[ArticleScore]) -> list[dict[str, Any]]:
    out = []
    for score in scores:
        if not score.missed and not score.spurious:
            continue
        text = score.article.text
        missed = [
            {"type": f.type, "fact": jsonable(dict(f.fields)), "sentence": gold_sentence(text, f)}
            for f in score.missed
        ]
        spurious = [
            {"type": p.type, "fact": _short(p.fields), "sentence": _pred_sentence(text, p)}
            for p in score.spurious
        ]
        out.append({"id": score.article.id, "where": score.article.where,
                    "missed": missed, "spurious": spurious})  # fmt: skip
    return out


def system_json(system: SystemResult) -> dict[str, Any]:
    return {
        "system": system.system,
        "articles": len(system.articles),
        "seconds": round(system.seconds, 3),
        "words": system.words,
        "articles_per_second": system.articles_per_second,
        "facts": {k: counts_json(c) for k, c in system.scores.facts.items()},
        "fields": {
            k: {name: counts_json(c) for name, c in fields.items()}
            for k, fields in system.scores.fields.items()
        },
    }


def set_json(result: SetResult, *, details: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "set": result.name,
        "systems": [system_json(s) for s in result.systems],
        "notes": list(result.notes),
    }
    if details:
        out["details"] = details_json(result.system(NEWSLEDGER).articles)
    return out
