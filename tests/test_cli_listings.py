"""Listing commands over a hand-built store (no spaCy): what `entities` lists by
default, and a --limit above the query side's page size paged through, never cut."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ledger_builders import entity, layoff_report, sony_2012, sony_2014
from newsledger.cli import cli
from newsledger.ingest.identity import make_article
from newsledger.models import Extraction
from newsledger.query.api import MAX_LIMIT
from newsledger.store import open_store

FAILURES = MAX_LIMIT + 205  # more than one page of the query side


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("cli") / "ledger.db")
    text = "Bank of England and Reuters said on Monday that trade was slow."
    a = make_article(text, published=date(2015, 3, 2), source="Wire")
    with open_store(path) as store:
        store.save_extraction(sony_2012())
        store.save_extraction(sony_2014())
        store.save_extraction(
            layoff_report("Acme will cut 300 jobs.", "Acme", 300, date(2016, 3, 1), "Wire")
        )
        store.save_extraction(
            Extraction(
                a,
                entities=(entity(a, "company", "Bank of England"), entity(a, "company", "Reuters")),
            )
        )
        db = store.db  # type: ignore[attr-defined]
        with db.transaction():
            for n in range(FAILURES):
                db.execute(
                    "INSERT INTO failures (input, stage, code, reason, at) VALUES (?, ?, ?, ?, ?)",
                    (f"bad-{n:04}.bin", "ingest", "NL103", "binary", datetime.now(UTC)),
                )
    return path


@pytest.fixture
def run(ledger: str) -> Callable[..., Result]:
    def invoke(*args: str) -> Result:
        result = CliRunner().invoke(cli, [*args, "--db", ledger])
        assert result.exit_code == 0, result.output
        return result

    return invoke


@pytest.mark.parametrize(
    ("args", "names"),
    [
        pytest.param((), ["Sony", "Acme"], id="companies-by-default-most-events-first"),
        pytest.param(("--type", "central_bank"), ["Bank of England"], id="one-type"),
        pytest.param(("--type", "media"), ["Reuters"], id="media"),
        pytest.param(
            ("--type", "organisation"), ["Sony", "Acme", "Bank of England", "Reuters"], id="orgs"
        ),
        pytest.param(("--type", "person"), ["Kazuo Hirai"], id="people"),
    ],
)
def test_entities_list_companies_unless_asked(
    run: Callable[..., Result], args: tuple[str, ...], names: list[str]
) -> None:
    rows = json.loads(run("entities", "--json", *args).stdout)
    assert sorted(r["name"] for r in rows) == sorted(names)
    if not args:  # Sony has eight events, Acme one
        assert [r["name"] for r in rows] == names


def test_entities_all_lists_every_type(run: Callable[..., Result]) -> None:
    rows = json.loads(run("entities", "--json", "--type", "all").stdout)
    assert {r["type"] for r in rows} == {"company", "central_bank", "media", "person"}


def test_an_unknown_type_is_refused() -> None:
    result = CliRunner().invoke(cli, ["entities", "--type", "planet"])
    assert result.exit_code == 2
    assert "'planet' is not one of" in result.output


@pytest.mark.parametrize(
    ("limit", "shown"),
    [
        pytest.param("1100", 1100, id="above-a-page"),
        pytest.param("100000", FAILURES, id="above-everything"),
        pytest.param(str(MAX_LIMIT), MAX_LIMIT, id="one-page"),
    ],
)
def test_a_limit_above_a_page_is_paged_through(
    run: Callable[..., Result], limit: str, shown: int
) -> None:
    rows = json.loads(run("failures", "--json", "--limit", limit).stdout)
    assert len(rows) == len({r["input"] for r in rows}) == shown


def test_offset_and_limit_page_through_together(run: Callable[..., Result]) -> None:
    rows = json.loads(run("failures", "--json", "--limit", "1200", "--offset", "5").stdout)
    assert len(rows) == FAILURES - 5
    assert rows[0]["input"] == f"bad-{FAILURES - 6:04}.bin"  # newest first, five skipped


def test_a_listing_says_what_it_leaves_out(run: Callable[..., Result]) -> None:
    result = run("failures", "--limit", "20", "--offset", "10")
    assert result.stderr.strip() == (
        f"rows 11-30 of {FAILURES:,} shown; --limit and --offset show the others"
    )
    assert run("failures", "--limit", "100000", "--csv").stderr == ""


def test_a_negative_limit_is_refused(run: Callable[..., Result], ledger: str) -> None:
    result = CliRunner().invoke(cli, ["events", "--limit", "-1", "--db", ledger])
    assert result.exit_code == 2
    assert "-1 is not in the range x>=0" in result.output


def test_export_pages_through_everything(run: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "entities.jsonl"
    assert run("export", "entities", "--format", "jsonl", "-o", str(out)).stdout.startswith("5 ")
    types = {json.loads(line)["type"] for line in out.read_text().splitlines()}
    assert types == {"company", "central_bank", "media", "person"}


def test_events_read_as_sentences_in_the_table_and_keep_their_fields(
    run: Callable[..., Result],
) -> None:
    table = run("timeline", "Sony").output
    assert "Cuts 1,000 jobs (15% of the mobile division)" in table
    assert "Restructuring plan “One Sony” costing $500m, to be done by March 2015" in table
    assert "amount" not in table.splitlines()[0]  # no field dump in the header
    (row,) = json.loads(run("events", "--company", "Acme", "--json").output)
    assert row["summary"] == "Cuts 300 jobs"
    assert row["jobs"] == 300 and row["status"] == "announced"
