"""The two seed articles: every layoff, financial, restructuring, strategy,
leadership and rename fact of ``seeds/expected.json`` is found with its values,
and nothing in the ``never`` lists appears."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsledger.models import Event, Extraction

pytestmark = pytest.mark.model

SONY_2014 = "000_fc51bfa3bb68f302.txt"
SONY_2012 = "002_0310374b4fdc305a.txt"


@pytest.fixture(scope="module")
def expected(seeds_dir: Path) -> dict[str, Any]:
    return json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))["articles"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def results(extractor: Any, seeds_dir: Path, expected: dict[str, Any]) -> dict[str, Extraction]:
    out = {}
    for name, facts in expected.items():
        text = (seeds_dir / name).read_text(encoding="utf-8")
        out[name] = extractor.extract_text(text, published=date.fromisoformat(facts["published"]))
    return out


def of_type(result: Extraction, kind: str) -> list[Event]:
    return [e for e in result.events if e.type == kind]


def _surname(name: str | None) -> str:
    return (name or "").split()[-1].lower()


def _close(got: Any, want: float, rel: float = 0.01) -> bool:
    return got is not None and abs(float(got) - want) <= abs(want) * rel


@pytest.mark.parametrize("name", [SONY_2014, SONY_2012])
def test_one_layoff_with_count_share_and_implied_size(
    results: dict[str, Extraction], expected: dict[str, Any], name: str
) -> None:
    (want,) = expected[name]["layoffs"]
    (event,) = of_type(results[name], "layoff")  # never a second layoff event
    assert event.company == want["company"]
    assert event.args.jobs == want["jobs"]
    assert event.args.percent == want["percent"]
    assert event.args.unit == want["unit"]
    assert _close(event.args.implied_size, want["implied_unit_size"], 0.001)


@pytest.mark.parametrize("name", [SONY_2014, SONY_2012])
def test_financials(results: dict[str, Extraction], expected: dict[str, Any], name: str) -> None:
    found = of_type(results[name], "financial")
    for want in expected[name]["financials"]:
        matches = [
            e
            for e in found
            if e.company == want["company"]
            and e.args.kind == want["kind"]
            and (want.get("amount") is None or _close(e.args.amount, want["amount"]))
            and (want.get("amount") is not None or e.args.amount is None)
        ]
        assert matches, f"missing {want} in {[e.contract() for e in found]}"
        event = matches[0]
        if "currency" in want:
            assert event.args.currency == want["currency"]
        for flag in ("outlook", "record"):
            if flag in want:
                assert getattr(event.args, flag) is want[flag]
        if "subkind" in want:
            assert event.args.subkind == want["subkind"]
        if "period" in want:
            assert event.args.period == want["period"]
        if "announced" in want:
            assert event.event_date == date.fromisoformat(want["announced"])


def test_six_percent_is_not_money(results: dict[str, Extraction]) -> None:
    for event in of_type(results[SONY_2012], "financial"):
        assert event.args.raw is None or "%" not in event.args.raw


def test_one_sony_restructuring_plan(
    results: dict[str, Extraction], expected: dict[str, Any]
) -> None:
    (want,) = expected[SONY_2012]["restructuring"]
    (event,) = of_type(results[SONY_2012], "restructuring_plan")
    args = event.args
    assert event.company == want["company"]
    assert args.name == want["name"]  # type: ignore[union-attr]
    assert _close(args.amount, want["amount"])  # type: ignore[union-attr]
    assert args.currency == want["currency"]  # type: ignore[union-attr]
    assert _close(args.amount_usd_stated, want["amount_usd_stated"])  # type: ignore[union-attr]
    assert args.deadline == date.fromisoformat(want["deadline"])  # type: ignore[union-attr]
    assert args.deadline_text == want["deadline_text"]  # type: ignore[union-attr]
    assert _close(args.amount_usd, want["amount_usd_stated"], 0.05)  # type: ignore[union-attr]


def test_electronics_arm_restructuring(
    results: dict[str, Extraction], expected: dict[str, Any]
) -> None:
    (want,) = expected[SONY_2014]["restructuring"]
    (event,) = of_type(results[SONY_2014], "restructuring_plan")
    assert event.company == want["company"]
    assert event.args.scope == want["scope"]  # type: ignore[union-attr]


@pytest.mark.parametrize("name", [SONY_2014, SONY_2012])
def test_strategy(results: dict[str, Extraction], expected: dict[str, Any], name: str) -> None:
    found = [e.contract() for e in of_type(results[name], "strategy")]
    for want in expected[name]["strategy"]:
        move = want.get("move", "").replace(" ", "_") or None
        hits = [
            f
            for f in found
            if f["company"] == want["company"]
            and all(x in f["focus"] for x in want.get("focus", []))
            and f["market"] == want.get("market", f["market"])
            and f["area"] == want.get("area", f["area"])
            and f["name"] == want.get("name", f["name"])
            and (move is None or f["move"] == move)
        ]
        assert hits, f"missing {want} in {found}"


def test_leadership_stays(results: dict[str, Extraction], expected: dict[str, Any]) -> None:
    (want,) = expected[SONY_2014]["leadership"]
    found = of_type(results[SONY_2014], "leadership")
    assert any(
        e.company == want["company"]
        and _surname(e.args.person) == _surname(want["person"])  # type: ignore[union-attr]
        and e.args.role == want["role"]  # type: ignore[union-attr]
        and e.args.change == want["change"]  # type: ignore[union-attr]
        for e in found
    ), [e.contract() for e in found]


def test_rename(results: dict[str, Extraction], expected: dict[str, Any]) -> None:
    (want,) = expected[SONY_2012]["renames"]
    found = [(e.args.old, e.args.new) for e in of_type(results[SONY_2012], "rename")]  # type: ignore[union-attr]
    assert (want["old"], want["new"]) in found


def test_evidence_offsets_point_into_the_article(results: dict[str, Extraction]) -> None:
    for result in results.values():
        for event in result.events:
            for ev in event.evidence:
                assert result.article.text[ev.start : ev.end] == ev.text
