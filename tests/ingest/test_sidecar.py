"""`ingest --dates FILE`: publication dates beside the inputs, read as a table of
names to dates; a bad sidecar is one coded error naming the file and line."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsledger.cli import cli
from newsledger.errors import DatesFileError
from newsledger.ingest import read_inputs
from newsledger.ingest.sidecar import read_dates, with_dates
from newsledger.models import Failure

FEB_14 = date(2005, 2, 14)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        pytest.param("d.csv", "014.txt,2005-02-14\n", {"014.txt": FEB_14}, id="csv"),
        pytest.param("d.csv", "file,published\n014.txt,2005-02-14\n\n", {"014.txt": FEB_14},
                     id="csv-header-and-blank-line"),
        pytest.param("d.txt", " 014.txt , 2005-02-14 \n", {"014.txt": FEB_14}, id="csv-spaces"),
        pytest.param("d.json", '{"014.txt": "2005-02-14"}', {"014.txt": FEB_14}, id="json"),
        pytest.param("d.csv", "\ufeff014.txt,2005-02-14\n", {"014.txt": FEB_14}, id="csv-bom"),
    ],
)  # fmt: skip
def test_read_dates(tmp_path: Path, name: str, content: str, expected: dict[str, date]) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert read_dates(path) == expected


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        pytest.param("d.csv", "014.txt,2005-02-14\n015.txt,14/02/2005\n",
                     "line 2: date must be YYYY-MM-DD", id="csv-bad-date"),
        pytest.param("d.csv", "014.txt,2005-02-14,extra\n", "line 1: two columns",
                     id="csv-three-columns"),
        pytest.param("d.csv", "file,published\n", "gives no dates", id="csv-header-only"),
        pytest.param("d.json", '["014.txt"]', "one JSON object", id="json-list"),
        pytest.param("d.json", '{"014.txt": 2005}', "date must be YYYY-MM-DD", id="json-number"),
        pytest.param("d.json", "{", "is not JSON", id="json-broken"),
    ],
)  # fmt: skip
def test_bad_sidecar_is_one_coded_error(
    tmp_path: Path, name: str, content: str, error: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DatesFileError) as caught:
        read_dates(path)
    assert str(caught.value).startswith(f"{path}: NL109 ")
    assert error in str(caught.value)


def test_missing_sidecar_is_one_coded_error(tmp_path: Path) -> None:
    with pytest.raises(DatesFileError, match="NL109 cannot be read"):
        read_dates(tmp_path / "nowhere.csv")


def test_sidecar_dates_the_articles_it_names(tmp_path: Path) -> None:
    (tmp_path / "014.txt").write_text("Acme cuts jobs\n\nAcme will cut 400 jobs.")
    (tmp_path / "015.txt").write_text("Acme hires\n\nAcme will hire 40 people.")
    (tmp_path / "wire.jsonl").write_text(json.dumps({"text": "Globex will cut 90 jobs."}) + "\n")
    dates = {"014.txt": FEB_14, f"{tmp_path / 'wire.jsonl'}:line 1": date(2006, 1, 2)}
    used: set[str] = set()
    items = list(with_dates(read_inputs([str(tmp_path)]), dates, used))
    published = {a.text[:6]: a.published for a in items if not isinstance(a, Failure)}
    assert published == {"Acme c": FEB_14, "Acme h": None, "Globex": date(2006, 1, 2)}
    assert used == set(dates)


@pytest.mark.model
def test_cli_ingest_with_dates(tmp_path: Path, extractor: object) -> None:
    (tmp_path / "014.txt").write_text("Acme cuts jobs\n\nAcme said on Monday it will cut 400 jobs.")
    sidecar = tmp_path / "dates.csv"
    sidecar.write_text("014.txt,2005-02-16\nnot-there.txt,2005-02-17\n")
    env = {"NEWSLEDGER_DB": str(tmp_path / "t.db"), "NEWSLEDGER_WORKERS": "1"}
    run: Callable[..., Result] = lambda *a: CliRunner().invoke(cli, list(a), env=env)  # noqa: E731
    result = run("ingest", str(tmp_path / "014.txt"), "--dates", str(sidecar), "-q")
    assert result.exit_code == 0, result.output
    assert "1 names matched no article read: not-there.txt" in result.stderr
    (event,) = json.loads(run("events", "--json").stdout)
    assert event["date"] == "2005-02-14" and event["date_unknown"] is False  # Monday before


def test_cli_refuses_a_bad_sidecar_before_ingesting(tmp_path: Path) -> None:
    sidecar = tmp_path / "dates.csv"
    sidecar.write_text("014.txt,2005-02-14\n015.txt,someday\n")
    env = {"NEWSLEDGER_DB": str(tmp_path / "t.db")}
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--dates", str(sidecar)], env=env)
    assert result.exit_code == 1
    assert f"{sidecar}: NL109 line 2: date must be YYYY-MM-DD" in result.output
    assert not (tmp_path / "t.db").exists()
