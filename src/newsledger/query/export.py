"""Write records out as CSV, JSON, JSON Lines or Parquet.

>>> import io
>>> buf = io.BytesIO()
>>> export([{"company": "Sony", "jobs": 1000}], "csv", buf)
>>> buf.getvalue().decode()
'company,jobs\\r\\nSony,1000\\r\\n'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from newsledger.models import jsonable

FORMATS: tuple[str, ...] = ("csv", "json", "jsonl", "parquet")


def _flat(value: Any) -> Any:
    """A CSV/Parquet cell: nested lists and objects become JSON text."""
    value = jsonable(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def _csv(rows: list[dict[str, Any]], out: BinaryIO) -> None:
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=_columns(rows))
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _flat(v) for k, v in row.items()})
    out.write(text.getvalue().encode())


def _parquet(rows: list[dict[str, Any]], out: BinaryIO) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:  # missing, or built against another NumPy
        raise ValueError(
            f"Parquet export needs a working pyarrow ({err}); "
            "install it with: pip install 'newsledger[parquet]'"
        ) from err
    columns = _columns(rows)
    table = pa.table({c: [_flat(r.get(c)) for r in rows] for c in columns})
    pq.write_table(table, out)


def export(records: Iterable[Mapping[str, Any]], fmt: str, dest: Path | BinaryIO) -> None:
    """Write ``records`` (e.g. ``[e.to_dict() for e in page.items]``) to ``dest`` as ``fmt``.

    ``fmt`` is one of :data:`FORMATS`; ``dest`` a path or a binary file object.
    Nested values (evidence lists) are JSON text in CSV and Parquet cells.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    rows = [dict(r) for r in records]
    if isinstance(dest, Path):
        with dest.open("wb") as out:
            _write(rows, fmt, out)
    else:
        _write(rows, fmt, dest)


def _write(rows: list[dict[str, Any]], fmt: str, out: BinaryIO) -> None:
    if fmt == "csv":
        _csv(rows, out)
    elif fmt == "json":
        out.write(json.dumps(jsonable(rows), ensure_ascii=False, indent=2).encode() + b"\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(jsonable(row), ensure_ascii=False).encode() + b"\n")
    else:
        _parquet(rows, out)
