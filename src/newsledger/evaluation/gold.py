"""Gold files: one annotated article per JSON line, loaded and validated.

A record gives the article (``text``, or ``path`` to a text file, or ``path`` to a
JSON Lines file plus ``record``, the id of one of its lines) and the facts a
reader takes from it::

    {"id": "t01", "text": "Acme will cut 200 jobs.", "published": "2024-03-01",
     "source": "team", "gold": {"layoffs": [{"company": "Acme", "jobs": 200}]}}

A fact type missing from ``gold`` is not scored for that article; an empty list
is scored (every prediction of that type is then spurious). A field missing
from a fact is not checked; a field given as ``null`` means "not stated", so a
prediction must leave it empty too. ``date`` (layoffs and financials) is when the
event happened or was announced, ``YYYY-MM`` (or ``YYYY`` where the text gives only
the year), scored at that precision. Facts ANNOTATION.md does not score carry a
marker (layoffs ``part_of``, financials ``segment`` or ``outlook``), and a record
may list the kinds its gold covers (``"annotates": {"financials": [...]}``).
``path`` is resolved against the gold file's repository root (the nearest folder
above it holding ``.git`` or ``pyproject.toml``; the gold file's own folder if
there is none), so
``../shared/dev/bbc-business/014.txt`` in ``eval/bbc-business.gold.jsonl``
points beside the repository.

Every problem raises :class:`~newsledger.errors.EvalError` naming ``file:line``.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "x.gold.jsonl"
>>> _ = p.write_text('{"id": "a", "text": "Acme cut 5 jobs.", "gold": {"layoffs": []}}\\n')
>>> load_gold(p).articles[0].scored
('layoffs',)
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from newsledger.errors import EvalError
from newsledger.evaluation.scope import is_guidance
from newsledger.models import FINANCIAL_KINDS

FACT_TYPES: tuple[str, ...] = ("layoffs", "financials", "quotes")
_FIELDS: dict[str, frozenset[str]] = {
    "layoffs": frozenset(
        {"company", "jobs", "percent", "unit", "date", "part_of", "optional", "note"}
    ),
    "financials": frozenset(
        {"company", "kind", "amount", "currency", "period", "period_end", "period_months", "date"}
        | {"segment", "outlook", "optional", "note"}
    ),
    "quotes": frozenset({"speaker", "quote_start", "optional", "note"}),
}
_REQUIRED: dict[str, tuple[str, ...]] = {
    "layoffs": ("company",),
    "financials": ("company", "kind"),
    "quotes": ("quote_start",),
}
_RECORD_KEYS = frozenset(
    {"id", "text", "title", "path", "record", "published", "source", "gold", "note", "fold"}
    | {"annotates"}
)
# fact types whose kinds a record may limit with "annotates", and the kinds each may name
_ANNOTATES: dict[str, tuple[str, ...]] = {"financials": FINANCIAL_KINDS}
# gold markers of facts ANNOTATION.md does not score: guidance, breakdowns, segments
UNSCORED_MARKERS: tuple[str, ...] = ("outlook", "part_of", "segment")
FOLDS = ("tune", "check")


@dataclass(frozen=True)
class GoldFact:
    """One expected fact: its type, the fields the annotator stated, and whether optional.

    ``fields`` holds only the keys the record gives (``None`` = stated as absent);
    ``period_end`` is a :class:`~datetime.date` there. ``unscored`` names the marker
    that puts the fact outside the scoring (``outlook`` on a result, ``part_of``,
    ``segment``): such a fact, like an optional one, absorbs a matching prediction
    and is never missed.
    """

    type: str
    fields: Mapping[str, Any]
    optional: bool = False
    unscored: str | None = None

    @property
    def required(self) -> bool:
        """Counted: missed when not found (neither optional nor outside the scoring)."""
        return not self.optional and self.unscored is None


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    published: date | None
    source: str | None
    facts: tuple[GoldFact, ...]
    scored: tuple[str, ...]  # the fact types annotated for this article
    where: str  # "file:line", for messages
    fold: str | None = None  # "tune" (rules read and fitted here) or "check" (only scored)
    # kinds annotated per fact type ("annotates"); a type absent here is annotated in full
    annotates: Mapping[str, frozenset[str]] = field(default_factory=dict)
    title: str | None = None  # read with the text, as ingest reads a record's title


@dataclass(frozen=True)
class GoldSet:
    """The articles of one gold file; ``name`` is the file name without ``.gold.jsonl``."""

    name: str
    path: Path
    articles: tuple[GoldArticle, ...]


def set_name(path: Path) -> str:
    """>>> set_name(Path("eval/team.gold.jsonl"))
    'team'
    """
    name = path.name
    for suffix in (".jsonl", ".gold"):
        name = name.removesuffix(suffix)
    return name


def repository_root(path: Path) -> Path:
    """The nearest folder above ``path`` holding ``.git`` or ``pyproject.toml``."""
    start = path.resolve().parent
    for folder in (start, *start.parents):
        if (folder / ".git").exists() or (folder / "pyproject.toml").exists():
            return folder
    return start


def load_gold(
    path: Path | str,
    *,
    root: Path | None = None,
    limit: int | None = None,
    fold: str | None = None,
) -> GoldSet:
    """Read and validate a gold JSON Lines file; ``limit`` keeps its first N articles,
    ``fold`` only the articles of that fold (the set is then named ``name:fold``)."""
    path = Path(path)
    if fold is not None and fold not in FOLDS:
        raise EvalError(f"fold must be one of {', '.join(FOLDS)}, got {fold!r}", input=str(path))
    if not path.is_file():
        raise EvalError("gold file not found", input=str(path))
    base = root or repository_root(path)
    records = _JsonlCache()
    articles: list[GoldArticle] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            article = _article(_parse_line(line, where), where, base, records)
            if article.id in seen:
                raise EvalError(f"duplicate article id {article.id!r}", input=where)
            seen.add(article.id)
            if fold is not None and article.fold != fold:
                continue
            articles.append(article)
            if limit is not None and len(articles) >= limit:
                break
    name = set_name(path) if fold is None else f"{set_name(path)}:{fold}"
    return GoldSet(name, path, tuple(articles))


def _parse_line(line: str, where: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise EvalError(f"not valid JSON: {err.msg}", input=where) from err
    if not isinstance(record, dict):
        raise EvalError("a gold line must be a JSON object", input=where)
    unknown = set(record) - _RECORD_KEYS
    if unknown:
        raise EvalError(f"unknown keys {sorted(unknown)}", input=where)
    return record


def _article(record: dict[str, Any], where: str, base: Path, records: _JsonlCache) -> GoldArticle:
    ident = record.get("id")
    if not isinstance(ident, str) or not ident:
        raise EvalError("'id' must be a non-empty string", input=where)
    text, extra = _text(record, where, base, records)
    published = _date(record.get("published", extra.get("published")), where)
    gold = record.get("gold")
    if not isinstance(gold, dict):
        raise EvalError("'gold' must be an object", input=where)
    unknown = set(gold) - set(FACT_TYPES)
    if unknown:
        raise EvalError(f"unknown fact types {sorted(unknown)}", input=where)
    facts: list[GoldFact] = []
    for kind in FACT_TYPES:
        items = gold.get(kind, [])
        if not isinstance(items, list):
            raise EvalError(f"gold.{kind} must be a list", input=where)
        facts.extend(_fact(kind, item, f"{where} gold.{kind}[{i}]") for i, item in enumerate(items))
    scored = tuple(k for k in FACT_TYPES if k in gold)
    source = record.get("source", extra.get("publisher"))
    fold = record.get("fold")
    if fold is not None and fold not in FOLDS:
        raise EvalError(f"'fold' must be one of {', '.join(FOLDS)}, got {fold!r}", input=where)
    annotates = _annotates(record.get("annotates", {}), where)
    title = record.get("title", extra.get("title"))
    if title is not None and not isinstance(title, str):
        raise EvalError("'title' must be a string", input=where)
    return GoldArticle(
        ident, text, published, source, tuple(facts), scored, where, fold, annotates, title
    )


def _annotates(value: Any, where: str) -> dict[str, frozenset[str]]:
    """``{"financials": ["net_profit", ...]}``: the kinds this record's gold covers."""
    if not isinstance(value, dict):
        raise EvalError("'annotates' must be an object of kind lists", input=where)
    out: dict[str, frozenset[str]] = {}
    for kind, names in value.items():
        if kind not in _ANNOTATES:
            raise EvalError(
                f"'annotates' keys must be one of {', '.join(_ANNOTATES)}, got {kind!r}",
                input=where,
            )
        allowed = _ANNOTATES[kind]
        if not isinstance(names, list) or any(n not in allowed for n in names):
            raise EvalError(
                f"'annotates.{kind}' must be a list of {', '.join(allowed)}, got {names!r}",
                input=where,
            )
        out[kind] = frozenset(names)
    return out


def _text(
    record: dict[str, Any], where: str, base: Path, records: _JsonlCache
) -> tuple[str, dict[str, Any]]:
    if isinstance(record.get("text"), str):
        if "path" in record:
            raise EvalError("give 'text' or 'path', not both", input=where)
        return record["text"], {}
    rel = record.get("path")
    if not isinstance(rel, str):
        raise EvalError("a record needs 'text' or 'path'", input=where)
    target = (base / rel).resolve()
    if not target.is_file():
        raise EvalError(f"article file {rel!r} not found (looked at {target})", input=where)
    if "record" in record:
        line = records.get(target, str(record["record"]))
        if line is None:
            raise EvalError(f"no record {record['record']!r} in {rel}", input=where)
        if not isinstance(line.get("text"), str):
            raise EvalError(f"record {record['record']!r} in {rel} has no text", input=where)
        return line["text"], line
    try:
        return target.read_text(encoding="utf-8"), {}
    except UnicodeDecodeError as err:
        raise EvalError(f"article file {rel!r} is not UTF-8", input=where) from err


def _date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as err:
        raise EvalError(f"'published' must be YYYY-MM-DD, got {value!r}", input=where) from err


def _fact(kind: str, item: Any, where: str) -> GoldFact:
    if not isinstance(item, dict):
        raise EvalError("a gold fact must be an object", input=where)
    unknown = set(item) - _FIELDS[kind]
    if unknown:
        raise EvalError(f"unknown fields {sorted(unknown)}", input=where)
    for name in _REQUIRED[kind]:
        if not isinstance(item.get(name), str) or not item[name].strip():
            raise EvalError(f"'{name}' must be a non-empty string", input=where)
    fields = {k: v for k, v in item.items() if k not in ("optional", "note", *UNSCORED_MARKERS)}
    _check_values(kind, fields, where)
    optional = item.get("optional", False)
    if not isinstance(optional, bool):
        raise EvalError("'optional' must be true or false", input=where)
    return GoldFact(kind, fields, optional, _unscored(item, where))


def _unscored(item: dict[str, Any], where: str) -> str | None:
    """The first marker that leaves this fact unscored, after checking each one's type."""
    outlook, part_of, segment = (item.get(name) for name in UNSCORED_MARKERS)
    if not isinstance(outlook, bool | None):
        raise EvalError(f"'outlook' must be true or false, got {outlook!r}", input=where)
    if part_of is not None and part_of is not True and not _text_value(part_of):
        raise EvalError(
            f"'part_of' must be true, a non-empty string or null, got {part_of!r}", input=where
        )
    if segment is not None and not _text_value(segment):
        raise EvalError(
            f"'segment' must be a non-empty string or null, got {segment!r}", input=where
        )
    # an expected charge with outlook is a charge, and is scored (scope.is_guidance)
    marked = {
        "outlook": is_guidance(item.get("kind"), outlook),
        "part_of": part_of,
        "segment": segment,
    }
    return next((name for name, value in marked.items() if value), None)


def _text_value(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _check_values(kind: str, fields: dict[str, Any], where: str) -> None:
    jobs = fields.get("jobs")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0):
        raise EvalError(f"'jobs' must be a whole number, got {jobs!r}", input=where)
    percent = fields.get("percent")
    if percent is not None and (isinstance(percent, bool) or not isinstance(percent, int | float)):
        raise EvalError(f"'percent' must be a number, got {percent!r}", input=where)
    if kind == "financials":
        if fields["kind"] not in FINANCIAL_KINDS:
            raise EvalError(
                f"'kind' must be one of {', '.join(FINANCIAL_KINDS)}, got {fields['kind']!r}",
                input=where,
            )
        if fields.get("amount") is not None:
            fields["amount"] = _decimal(fields["amount"], where)
        currency = fields.get("currency")
        if currency is not None and (not isinstance(currency, str) or len(currency) != 3):
            raise EvalError(f"'currency' must be an ISO code, got {currency!r}", input=where)
        _check_period(fields, where)
    _check_date(fields, where)
    for name in ("unit", "period", "speaker"):
        value = fields.get(name)
        if value is not None and not isinstance(value, str):
            raise EvalError(f"'{name}' must be a string or null, got {value!r}", input=where)


def _check_period(fields: dict[str, Any], where: str) -> None:
    """``period_end`` YYYY-MM-DD (kept as a date) and ``period_months`` a whole number > 0."""
    end = fields.get("period_end")
    if end is not None:
        try:
            fields["period_end"] = date.fromisoformat(end) if isinstance(end, str) else None
        except ValueError:
            fields["period_end"] = None
        if fields["period_end"] is None:
            raise EvalError(f"'period_end' must be YYYY-MM-DD or null, got {end!r}", input=where)
    months = fields.get("period_months")
    if months is not None and (
        isinstance(months, bool) or not isinstance(months, int) or months <= 0
    ):
        raise EvalError(
            f"'period_months' must be a whole number of months or null, got {months!r}",
            input=where,
        )


# month precision, or the year alone where the text gives no month ("in 2005")
_GOLD_DATE = re.compile(r"(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2]))?")


def _check_date(fields: dict[str, Any], where: str) -> None:
    """``date`` ``YYYY-MM`` or ``YYYY``, kept as that text (its length is its precision)."""
    value = fields.get("date")
    if value is not None and not (isinstance(value, str) and _GOLD_DATE.fullmatch(value)):
        raise EvalError(f"'date' must be YYYY-MM, YYYY or null, got {value!r}", input=where)


def _decimal(value: Any, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise EvalError(f"'amount' must be a number, got {value!r}", input=where)
    try:
        return Decimal(str(value))
    except InvalidOperation as err:
        raise EvalError(f"'amount' must be a number, got {value!r}", input=where) from err


class _JsonlCache:
    """Lines of JSON Lines article files by id, read once per file."""

    def __init__(self) -> None:
        self._files: dict[Path, dict[str, dict[str, Any]]] = {}

    def get(self, path: Path, ident: str) -> dict[str, Any] | None:
        if path not in self._files:
            index: dict[str, dict[str, Any]] = {}
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        item = json.loads(line)
                        index[str(item.get("id"))] = item
            self._files[path] = index
        return self._files[path].get(ident)
