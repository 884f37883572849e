"""End to end through the CLI: extract, ingest, re-ingest, every bad-input case.

Each bad input is ingested together with a good article: the bad one gets a
one-line error naming it and a failure row, the good one is stored, the exit
status is non-zero, and nothing stored before changes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsledger.cli import cli

pytestmark = pytest.mark.model

GOOD = (
    "Quartzline to cut 400 jobs\n\n"
    "Quartzline Ltd said on Tuesday it would cut 400 jobs, about 8% of its workforce, "
    'as demand for its glass panels fell. "We regret this step," said chief executive '
    "Maria Okafor.\n"
)


@pytest.fixture()
def run(tmp_path: Path, extractor: object) -> Callable[..., Result]:
    env = {"NEWSLEDGER_DB": str(tmp_path / "t.db"), "NEWSLEDGER_WORKERS": "1"}

    def invoke(*args: str, input: bytes | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), env=env, input=input)

    return invoke


def _good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _count(run: Callable[..., Result], what: str) -> int:
    result = run(what, "--json", "--limit", "1000")
    assert result.exit_code == 0, result.output
    return len(json.loads(result.stdout))


def test_extract_prints_the_contract(run: Callable[..., Result], tmp_path: Path) -> None:
    result = run("extract", str(_good(tmp_path)), "--published", "2024-05-07", "--source", "Wire")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"article", "entities", "events", "quotes"}
    assert data["article"]["published"] == "2024-05-07"
    assert data["article"]["source"] == "Wire"
    for event in data["events"]:
        assert {"type", "company", "evidence"} <= set(event)
        ev = event["evidence"]
        assert GOOD[ev["start"] : ev["end"]] == ev["text"]
    assert not (tmp_path / "t.db").exists(), "extract must not touch the database"


def test_ingest_twice_changes_nothing(run: Callable[..., Result], tmp_path: Path) -> None:
    good = _good(tmp_path)
    first = run("ingest", str(good), "-q")
    assert first.exit_code == 0, first.output
    assert "1 new, 0 already known, 0 failed" in first.stdout
    events_before = run("events", "--json").stdout
    second = run("ingest", str(good), "-q")
    assert "0 new, 1 already known, 0 failed" in second.stdout
    assert run("events", "--json").stdout == events_before


def _empty(tmp: Path) -> Path:
    (tmp / "empty.txt").write_bytes(b"  \n\n ")
    return tmp / "empty.txt"


def _binary(tmp: Path) -> Path:
    (tmp / "photo.txt").write_bytes(bytes(range(256)) * 40)
    return tmp / "photo.txt"


def _undecodable(tmp: Path) -> Path:
    (tmp / "bad.txt").write_bytes(b"Caf\xc3 \xff\xfe\xfd \x81\x8d\x8f\x90\x9d" * 50)
    return tmp / "bad.txt"


def _no_text_html(tmp: Path) -> Path:
    (tmp / "empty.html").write_text(
        "<html><head><title>x</title><script>var a=1;</script></head><body><nav></nav></body>"
        "</html>",
        encoding="utf-8",
    )
    return tmp / "empty.html"


def _bad_jsonl(tmp: Path) -> Path:
    (tmp / "feed.jsonl").write_text(
        '{"text": "Nordvik Shipping posted a net profit of NOK 120 million.", "title": "Nordvik"}\n'
        "not json at all\n"
    )
    return tmp / "feed.jsonl"


def _missing(tmp: Path) -> Path:
    return tmp / "does-not-exist.txt"


def _huge(tmp: Path) -> Path:
    path = tmp / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing in memory
    return path


BAD_INPUTS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "empty file": (_empty, "NL102"),
    "binary file": (_binary, "NL103"),
    "undecodable bytes": (_undecodable, "NL10"),
    "html with no text": (_no_text_html, "NL105"),
    "jsonl line not json": (_bad_jsonl, "NL106"),
    "missing path": (_missing, "NL101"),
    "50 MB file": (_huge, "NL107"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS), ids=list(BAD_INPUTS))
def test_bad_input_fails_alone(run: Callable[..., Result], tmp_path: Path, case: str) -> None:
    make, code = BAD_INPUTS[case]
    other = tmp_path / "earlier.txt"
    other.write_text(GOOD.replace("Quartzline", "Borealis").replace("400", "250"), "utf-8")
    assert run("ingest", str(other), "-q").exit_code == 0
    articles_before = run("export", "articles", "--format", "json", "-o", str(tmp_path / "a.json"))
    assert articles_before.exit_code == 0
    before = json.loads((tmp_path / "a.json").read_text())

    bad = make(tmp_path)
    result = run("ingest", str(bad), str(_good(tmp_path)), "-q")

    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors, result.output
    assert any(bad.name in line and code in line for line in errors), errors
    assert all("\n" not in line for line in errors)
    assert " 0 failed" not in result.stdout and "failed" in result.stdout
    failures = json.loads(run("failures", "--json").stdout)
    assert any(bad.name in f["input"] for f in failures)
    run("export", "articles", "--format", "json", "-o", str(tmp_path / "b.json"))
    after = json.loads((tmp_path / "b.json").read_text())
    assert {a["id"] for a in before} < {a["id"] for a in after}
    assert [a for a in after if a["id"] in {b["id"] for b in before}] == before


def test_near_duplicate_is_stored_and_marked(run: Callable[..., Result], tmp_path: Path) -> None:
    first = _good(tmp_path)
    edited = tmp_path / "syndicated.txt"
    edited.write_text(GOOD.replace("on Tuesday", "on Tuesday morning"), encoding="utf-8")
    assert run("ingest", str(first), "-q").exit_code == 0
    result = run("ingest", str(edited), "-q")
    assert result.exit_code == 0, result.output
    assert "1 new" in result.stdout and "(1 near-duplicates)" in result.stdout
    run("export", "articles", "--format", "json", "-o", str(tmp_path / "a.json"))
    articles = {a["origin"]: a for a in json.loads((tmp_path / "a.json").read_text())}
    original = articles[str(first)]
    assert articles[str(edited)]["duplicate_of"] == original["id"]
