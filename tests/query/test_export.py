"""Exports: every format writes the same rows, nested values as JSON text where flat."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from newsledger.query import export

ROWS = [
    {
        "company": "Sony",
        "jobs": 1000,
        "amount": Decimal("2.13"),
        "date": date(2014, 9, 17),
        "evidence": [{"text": "Sony will cut"}],
    },
    {"company": "Acme, Inc.", "jobs": None, "amount": None, "date": None, "evidence": []},
]


def _read(fmt: str, data: bytes) -> list[dict[str, object]]:
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(data.decode())))
    if fmt == "json":
        return json.loads(data)  # type: ignore[no-any-return]
    if fmt == "jsonl":
        return [json.loads(line) for line in data.decode().splitlines()]
    import pyarrow.parquet as pq

    return pq.read_table(io.BytesIO(data)).to_pylist()  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("fmt", "first"),
    [
        pytest.param(
            "json",
            {
                "company": "Sony",
                "jobs": 1000,
                "amount": 2.13,
                "date": "2014-09-17",
                "evidence": [{"text": "Sony will cut"}],
            },
            id="json",
        ),
        pytest.param(
            "jsonl",
            {
                "company": "Sony",
                "jobs": 1000,
                "amount": 2.13,
                "date": "2014-09-17",
                "evidence": [{"text": "Sony will cut"}],
            },
            id="jsonl",
        ),
        pytest.param(
            "csv",
            {
                "company": "Sony",
                "jobs": "1000",
                "amount": "2.13",
                "date": "2014-09-17",
                "evidence": '[{"text": "Sony will cut"}]',
            },
            id="csv",
        ),
        pytest.param(
            "parquet",
            {
                "company": "Sony",
                "jobs": 1000,
                "amount": 2.13,
                "date": "2014-09-17",
                "evidence": '[{"text": "Sony will cut"}]',
            },
            id="parquet",
        ),
    ],
)
def test_export_formats(fmt: str, first: dict[str, object], tmp_path: Path) -> None:
    buf = io.BytesIO()
    export(ROWS, fmt, buf)
    rows = _read(fmt, buf.getvalue())
    assert len(rows) == 2
    assert rows[0] == first
    assert rows[1]["company"] == "Acme, Inc."
    dest = tmp_path / f"out.{fmt}"
    export(ROWS, fmt, dest)
    assert dest.read_bytes() == buf.getvalue() or fmt == "parquet"


def test_unknown_format_is_misuse() -> None:
    with pytest.raises(ValueError, match="choose one of csv, json, jsonl, parquet"):
        export(ROWS, "xlsx", io.BytesIO())
