"""Gold files: what loads, and the coded error (file:line) for what does not."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newsledger.errors import EvalError
from newsledger.evaluation.gold import load_gold, set_name

GOOD = {
    "id": "a",
    "text": "Acme will cut 40 jobs.",
    "gold": {"layoffs": [{"company": "Acme", "jobs": 40}]},
}


def _fin(**fields: object) -> str:
    """A line with one financial fact carrying ``fields``."""
    fact = {"company": "A", "kind": "revenue", **fields}
    return json.dumps({**GOOD, "gold": {"financials": [fact]}})


def _write(tmp_path: Path, *lines: str) -> Path:
    (tmp_path / "pyproject.toml").write_text("")  # marks the repository root
    path = tmp_path / "eval" / "x.gold.jsonl"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_loads_facts_and_scored_types(tmp_path: Path) -> None:
    quotes = [{"speaker": "Ann Lee", "quote_start": "We", "optional": True}]
    gold_facts = {"layoffs": GOOD["gold"]["layoffs"], "quotes": quotes}
    record = {**GOOD, "published": "2024-01-02", "gold": gold_facts}
    gold = load_gold(_write(tmp_path, json.dumps(record)))
    article = gold.articles[0]
    assert (gold.name, article.scored, article.published.isoformat()) == (
        "x", ("layoffs", "quotes"), "2024-01-02")  # fmt: skip
    assert [f.optional for f in article.facts] == [False, True]
    assert article.where.endswith("x.gold.jsonl:1")


def test_loads_annotation_keys(tmp_path: Path) -> None:
    financials = [
        {"company": "A", "kind": "revenue", "period_end": "2005-03-31", "period_months": 3},
        {"company": "A", "kind": "net_profit", "outlook": True},
        {"company": "A", "kind": "revenue", "segment": "Cards", "period_end": None},
        {"company": "A", "kind": "revenue", "outlook": False, "segment": None},
        {"company": "A", "kind": "restructuring_charge", "outlook": True},  # expected: scored
    ]
    layoffs = [{"company": "A", "jobs": 80, "part_of": True}, {"company": "A", "part_of": "e1"}]
    record = {**GOOD, "gold": {"layoffs": layoffs, "financials": financials},
              "annotates": {"financials": ["net_profit", "revenue"]}}  # fmt: skip
    article = load_gold(_write(tmp_path, json.dumps(record))).articles[0]
    assert article.annotates == {"financials": frozenset({"net_profit", "revenue"})}
    assert [f.unscored for f in article.facts] == [
        "part_of", "part_of", None, "outlook", "segment", None, None]  # fmt: skip
    first = next(f for f in article.facts if f.type == "financials")
    assert (first.fields["period_end"], first.fields["period_months"]) == (date(2005, 3, 31), 3)
    assert all(m not in f.fields for f in article.facts for m in ("outlook", "part_of", "segment"))


def test_without_annotates_every_kind_is_annotated(tmp_path: Path) -> None:
    assert load_gold(_write(tmp_path, json.dumps(GOOD))).articles[0].annotates == {}


def test_path_resolves_from_repository_root(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "one.txt").write_text("Acme cut 5 jobs.", encoding="utf-8")
    record = {"id": "p", "path": "texts/one.txt", "gold": {}}
    assert load_gold(_write(tmp_path, json.dumps(record))).articles[0].text == "Acme cut 5 jobs."


def test_record_in_jsonl_file(tmp_path: Path) -> None:
    lines = [{"id": "r1", "text": "One.", "published": "2016-01-01"}, {"id": "r2", "text": "Two."}]
    (tmp_path / "corpus.jsonl").write_text(
        "\n".join(json.dumps(x) for x in lines), encoding="utf-8"
    )
    record = {"id": "g", "path": "corpus.jsonl", "record": "r1", "gold": {"quotes": []}}
    article = load_gold(_write(tmp_path, json.dumps(record))).articles[0]
    assert (article.text, str(article.published)) == ("One.", "2016-01-01")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        pytest.param("{not json", "not valid JSON", id="bad-json"),
        pytest.param("[1, 2]", "must be a JSON object", id="not-object"),
        pytest.param(json.dumps({**GOOD, "id": ""}), "'id' must be", id="empty-id"),
        pytest.param(json.dumps({"id": "a", "gold": {}}), "needs 'text' or 'path'", id="no-text"),
        pytest.param(json.dumps({**GOOD, "path": "x.txt"}), "not both", id="text-and-path"),
        pytest.param(json.dumps({"id": "a", "path": "missing.txt", "gold": {}}), "not found",
                     id="missing-file"),
        pytest.param(json.dumps({**GOOD, "extra": 1}), "unknown keys", id="unknown-key"),
        pytest.param(json.dumps({**GOOD, "gold": {"layoff": []}}), "unknown fact types",
                     id="typo-in-type"),
        pytest.param(json.dumps({**GOOD, "gold": {"layoffs": [{"jobs": 5}]}}),
                     "'company' must be", id="no-company"),
        pytest.param(json.dumps({**GOOD, "gold": {"layoffs": [{"company": "A", "jobs": "5"}]}}),
                     "'jobs' must be a whole number", id="jobs-as-text"),
        pytest.param(json.dumps({**GOOD, "gold": {"layoffs": [{"company": "A", "job": 5}]}}),
                     "unknown fields", id="field-typo"),
        pytest.param(json.dumps({**GOOD, "gold": {"financials": [
            {"company": "A", "kind": "profit"}]}}),
                     "'kind' must be one of", id="bad-kind"),
        pytest.param(json.dumps({**GOOD, "gold": {"financials": [
            {"company": "A", "kind": "revenue", "currency": "dollars"}]}}),
                     "ISO code", id="bad-currency"),
        pytest.param(json.dumps({**GOOD, "published": "12/04/2012"}), "YYYY-MM-DD", id="bad-date"),
        pytest.param(json.dumps({**GOOD, "gold": {"quotes": [{"speaker": "X"}]}}),
                     "'quote_start' must be", id="quote-without-start"),
        pytest.param(json.dumps({**GOOD, "gold": {"layoffs": [
            {"company": "A", "optional": "yes"}]}}), "'optional' must be", id="optional-not-bool"),
        pytest.param(_fin(outlook="yes"), "'outlook' must be true or false", id="outlook-not-bool"),
        pytest.param(_fin(segment=""), "'segment' must be a non-empty string", id="empty-segment"),
        pytest.param(_fin(segment=3), "'segment' must be a non-empty string", id="segment-number"),
        pytest.param(_fin(period_end="Q1 2005"), "'period_end' must be YYYY-MM-DD",
                     id="period-end-words"),
        pytest.param(_fin(period_end="2005-02-30"), "'period_end' must be YYYY-MM-DD",
                     id="period-end-no-such-day"),
        pytest.param(_fin(period_end=20050331), "'period_end' must be YYYY-MM-DD",
                     id="period-end-number"),
        pytest.param(_fin(period_months=0), "'period_months' must be a whole number",
                     id="period-months-zero"),
        pytest.param(_fin(period_months="3"), "'period_months' must be a whole number",
                     id="period-months-text"),
        pytest.param(_fin(period_months=True), "'period_months' must be a whole number",
                     id="period-months-bool"),
        pytest.param(_fin(date="2005-13"), "'date' must be YYYY-MM, YYYY or null",
                     id="date-no-such-month"),
        pytest.param(_fin(date="2005-03-31"), "'date' must be YYYY-MM, YYYY or null",
                     id="date-with-day"),
        pytest.param(_fin(date=2005), "'date' must be YYYY-MM, YYYY or null", id="date-number"),
        pytest.param(json.dumps({**GOOD, "gold": {"quotes": [
            {"quote_start": "We", "date": "2005-03"}]}}), "unknown fields", id="date-on-quote"),
        pytest.param(json.dumps({**GOOD, "gold": {"layoffs": [
            {"company": "A", "part_of": False}]}}), "'part_of' must be true, a non-empty string",
                     id="part-of-false"),
        pytest.param(json.dumps({**GOOD, "gold": {"layoffs": [
            {"company": "A", "part_of": ""}]}}), "'part_of' must be true, a non-empty string",
                     id="part-of-empty"),
        pytest.param(json.dumps({**GOOD, "gold": {"quotes": [
            {"quote_start": "We", "segment": "x"}]}}), "unknown fields", id="segment-on-quote"),
        pytest.param(json.dumps({**GOOD, "annotates": ["revenue"]}),
                     "'annotates' must be an object", id="annotates-list"),
        pytest.param(json.dumps({**GOOD, "annotates": {"layoffs": ["jobs"]}}),
                     "'annotates' keys must be one of financials", id="annotates-layoffs"),
        pytest.param(json.dumps({**GOOD, "annotates": {"financials": ["profit"]}}),
                     "'annotates.financials' must be a list of", id="annotates-bad-kind"),
        pytest.param(json.dumps({**GOOD, "annotates": {"financials": "revenue"}}),
                     "'annotates.financials' must be a list of", id="annotates-not-list"),
    ],
)  # fmt: skip
def test_bad_lines_name_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = _write(tmp_path, json.dumps(GOOD | {"id": "first"}), line)
    with pytest.raises(EvalError, match=message) as caught:
        load_gold(path)
    assert caught.value.code == "NL400"
    assert str(caught.value).startswith(f"{path}:2")


def test_duplicate_id(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="duplicate article id"):
        load_gold(_write(tmp_path, json.dumps(GOOD), json.dumps(GOOD)))


def test_missing_gold_file(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="gold file not found"):
        load_gold(tmp_path / "nope.gold.jsonl")


@pytest.mark.parametrize(
    ("name", "expected"),
    [("eval/team.gold.jsonl", "team"), ("x/bbc-business.gold.jsonl", "bbc-business"),
     ("mine.jsonl", "mine")],
)  # fmt: skip
def test_set_name(name: str, expected: str) -> None:
    assert set_name(Path(name)) == expected


def test_repository_sets_are_valid(repo_root: Path, shared_dir: Path) -> None:
    for path in sorted((repo_root / "eval").glob("*.gold.jsonl")):
        assert load_gold(path).articles, path
