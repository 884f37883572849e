"""How the CLI prints rows: a table by default, JSON or CSV; the same for every
listing command. Pure formatting over the query side's ``to_dict()`` rows; an
event's words are its ``summary`` (:func:`newsledger.query.format.sentence`).

>>> cell(["gaming", "imaging"]), cell(None)
('gaming, imaging', '')
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import click

from newsledger.models import ReextractSummary


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    text = " ".join(str(value).split())
    return text


# a column cut short past its width; an event's sentence is read whole more often than not
WIDTHS: dict[str, int] = {"summary": 90}


def emit(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], fmt: str) -> None:
    """Print rows as a table, JSON or CSV (the same flags on every listing)."""
    if fmt == "json":
        click.echo(json.dumps(list(rows), indent=2, ensure_ascii=False, default=str))
        return
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: cell(row.get(c)) for c in columns})
        return
    if not rows:
        click.echo("(nothing found)", err=True)
        return
    table = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [
        min(max(len(c), *(len(t[i]) for t in table)), WIDTHS.get(c, 60))
        for i, c in enumerate(columns)
    ]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for t in table:
        cells = [
            (v if len(v) <= w else v[: w - 1] + "…").ljust(w)
            for v, w in zip(t, widths, strict=True)
        ]
        click.echo("  ".join(cells).rstrip())


def emit_events(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], fmt: str) -> None:
    """Events as ``emit`` prints them; a table shows the ones whose date is unknown
    apart, under their own heading, rather than at one end of the dated ones (JSON
    and CSV rows carry ``date_unknown``)."""
    undated = [r for r in rows if r.get("date_unknown")]
    if fmt != "table" or not undated:
        emit(rows, columns, fmt)
        return
    dated = [r for r in rows if not r.get("date_unknown")]
    if dated:
        emit(dated, columns, fmt)
        click.echo("")
    click.echo(f"date unknown ({len(undated)}: neither the text nor the article gives a date)")
    emit(undated, [c for c in columns if c != "date"], fmt)


def flat_event(record: Any) -> dict[str, Any]:
    row: dict[str, Any] = record.to_dict()
    fields = row.pop("fields", {}) or {}
    evidence = row.get("evidence") or []
    row.update(fields)
    row["evidence_text"] = evidence[0]["text"] if evidence else None
    row["article_id"] = evidence[0]["article_id"] if evidence else None
    return row


def all_columns(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    return list(columns)


def emit_reextract(summary: ReextractSummary, details: bool, fmt: str) -> None:
    """A re-extraction's report: counts per fact type, or (``details``) every change;
    JSON has both. Then a line of totals (on stderr under CSV, which stays data)."""
    if fmt == "json":
        data = summary.to_dict(details=True)
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
        return
    if details:
        rows = [
            {"article_id": a.article_id, "title": a.title, **c.to_dict()}
            for a in summary.articles
            for c in a.changes
        ]
        emit(rows, ("article_id", "title", "type", "change", "id", "label", "fields"), fmt)
    else:
        rows = [{"type": kind, **counts} for kind, counts in summary.totals().items()]
        emit(rows, ("type", "added", "removed", "changed"), fmt)
    click.echo(
        f"{summary.done} re-extracted, {summary.current} already current, "
        f"{summary.failed} failed (of {summary.selected} selected); "
        f"extractor {summary.version}",
        err=fmt == "csv",
    )
