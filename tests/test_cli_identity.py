"""`timeline --with-subsidiaries` over a hand-built store (no spaCy): a parent's
subsidiaries and brands are rolled up in the view only."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from ledger_builders import alphabet_google, layoff_report
from newsledger.cli import cli
from newsledger.store import open_store


def _ledger(tmp_path: Path) -> str:
    path = str(tmp_path / "ledger.db")
    with open_store(path) as store:
        store.save_extraction(alphabet_google())
        store.save_extraction(
            layoff_report("Google will cut 7 jobs.", "Google", 7, date(2016, 6, 1), "Wire")
        )
    return path


def _timeline(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["timeline", "Alphabet", *args, "--db", db])
    assert result.exit_code == 0, result.output
    return result.output


def test_timeline_with_subsidiaries_rolls_up_the_brands(tmp_path: Path) -> None:
    db = _ledger(tmp_path)
    alone = _timeline(db)
    assert "Cuts 20 jobs" in alone and "Cuts 100 jobs" not in alone
    assert "Alphabet: 20 jobs cut in all" in alone
    rolled = _timeline(db, "--with-subsidiaries")
    assert "Cuts 100 jobs" in rolled and "Cuts 7 jobs" in rolled
    assert "Alphabet: 127 jobs cut in all" in rolled
    assert "with its subsidiaries and brands: Google" in rolled
    body = json.loads(_timeline(db, "--with-subsidiaries", "--json"))
    assert body["subsidiaries"] == ["Google"]
    # each event keeps the company its article named
    assert sorted(e["company"] for e in body["events"]) == ["Alphabet", "Google", "Google"]
