"""How the CLI prints rows: a table by default, JSON or CSV; the same for every
listing command. Pure formatting over the query side's ``to_dict()`` rows.

>>> figure({"jobs": 10000, "percent": 6})
'10,000 jobs (6%)'
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import click


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    text = " ".join(str(value).split())
    return text


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
    widths = [min(max(len(c), *(len(t[i]) for t in table)), 60) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for t in table:
        cells = [
            (v if len(v) <= w else v[: w - 1] + "…").ljust(w)
            for v, w in zip(t, widths, strict=True)
        ]
        click.echo("  ".join(cells).rstrip())


def flat_event(record: Any) -> dict[str, Any]:
    row: dict[str, Any] = record.to_dict()
    fields = row.pop("fields", {}) or {}
    evidence = row.get("evidence") or []
    row.update(fields)
    row["figure"] = figure(row)
    row["evidence_text"] = evidence[0]["text"] if evidence else None
    row["article_id"] = evidence[0]["article_id"] if evidence else None
    return row


def figure(row: Mapping[str, Any]) -> str:
    """The headline figure of an event, for tables: "10,000 jobs (6%)", "USD 2.1bn"."""
    parts: list[str] = []
    if row.get("jobs") is not None:
        jobs = f"{int(row['jobs']):,}"
        if row.get("jobs_high"):
            jobs += f"-{int(row['jobs_high']):,}"
        parts.append(f"{jobs} jobs")
    if row.get("percent") is not None:
        parts.append(f"({row['percent']:g}%)" if parts else f"{row['percent']:g}%")
    if row.get("amount") is not None:
        money = f"{row.get('currency') or ''} {short_money(float(row['amount']))}".strip()
        parts.append(f"{row['kind']} {money}" if row.get("kind") else money)
        if row.get("outlook"):
            parts.append("(forecast)")
    for key in ("kind", "name", "move", "change", "focus", "new"):
        if not parts and row.get(key):
            parts.append(cell(row[key]))
    return " ".join(parts)


def short_money(amount: float) -> str:
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(amount) >= scale:
            return f"{amount / scale:.3g}{suffix}"
    return f"{amount:,.0f}"


def all_columns(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    return list(columns)
