"""Events of undated articles: flagged ``date_unknown`` and listed after the dated ones,
on the query side, the CLI table and the company page (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from ledger_builders import layoff_report, undated_layoff
from newsledger.cli import cli
from newsledger.query import Query
from newsledger.store import open_store

UNDATED = "Acme closes its Leeds plant, cutting 300 jobs."


@pytest.fixture
def ledger(store_target: str) -> Iterator[str]:
    with open_store(store_target) as store:
        store.save_extraction(undated_layoff(UNDATED, "Acme", 300, "Blog"))
        store.save_extraction(
            layoff_report("Acme will cut 1,000 jobs.", "Acme", 1000, date(2024, 3, 1), "Wire")
        )
    yield store_target


def test_undated_events_are_flagged_and_come_last(ledger: str) -> None:
    with Query.open(ledger) as q:
        timeline = q.timeline("Acme")
        listed = q.events(company="Acme").items
    assert timeline is not None
    assert [(e.date, e.date_unknown) for e in timeline.events] == [
        (date(2024, 3, 1), False),
        (None, True),
    ]
    assert [e.date_unknown for e in listed] == [False, True]
    assert listed[1].to_dict()["date_unknown"] is True
    assert timeline.jobs_cut_total == 1300  # undated, still counted


def test_cli_table_shows_undated_events_apart(ledger: str) -> None:
    result = CliRunner().invoke(cli, ["timeline", "Acme", "--db", ledger])
    assert result.exit_code == 0, result.output
    dated, _, undated = result.output.partition("date unknown (1:")
    assert "2024-03-01" in dated and "Leeds" not in dated
    assert "Leeds" in undated
    flagged = CliRunner().invoke(cli, ["events", "--company", "Acme", "--csv", "--db", ledger])
    assert "date_unknown" in flagged.output.splitlines()[0]


def test_company_page_and_api_show_undated_events_apart(ledger: str) -> None:
    from newsledger.web import create_app

    with TestClient(create_app(ledger), raise_server_exceptions=False) as client:
        html = client.get("/company/Acme").text
        api = client.get("/api/companies/Acme/timeline").json()
    assert [(e["date"], e["date_unknown"]) for e in api["events"]] == [
        ("2024-03-01", False),
        (None, True),
    ]
    head = html.index("Date unknown")
    assert html.index("Acme will cut 1,000 jobs") < head < html.index("Leeds plant")
    assert "date unknown</span>" in html
