"""Every rule file of the event finders: valid at load, and every inline example
yields its event (and every counter-example does not)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsledger.extract.events.rules import (
    RuleFileError,
    load_book,
    parse_rule,
    rule_files,
)
from newsledger.models import Event, jsonable

PUBLISHED = date(2015, 6, 10)


def _cases(kind: str) -> list[Any]:
    cases = []
    for name in rule_files():
        for rule in load_book(name).rules:
            texts = rule.examples if kind == "example" else rule.counter_examples
            for n, text in enumerate(texts):
                cases.append(pytest.param(rule, text, id=f"{rule.id}-{kind}{n}"))
    return cases


def _matches(event: Event, expect: tuple[tuple[str, Any], ...]) -> bool:
    found = jsonable(event.contract())
    for key, want in expect:
        got = found.get(key)
        if isinstance(got, list) and not isinstance(want, list):
            if want not in got:
                return False
        elif got != want:
            return False
    return True


def _yields(extractor: Any, rule: Any, text: str) -> bool:
    events = extractor.extract_text(text, published=PUBLISHED).events
    return any(e.type == rule.event and _matches(e, rule.expect) for e in events)


@pytest.mark.model
@pytest.mark.parametrize(("rule", "text"), _cases("example"))
def test_example_yields_event(extractor: Any, rule: Any, text: str) -> None:
    assert _yields(extractor, rule, text), (
        f"{rule.id}: no {rule.event} {dict(rule.expect)} in {text!r}"
    )


@pytest.mark.model
@pytest.mark.parametrize(("rule", "text"), _cases("counter"))
def test_counter_example_yields_no_event(extractor: Any, rule: Any, text: str) -> None:
    assert not _yields(extractor, rule, text), f"{rule.id}: unexpected {rule.event} in {text!r}"


@pytest.mark.parametrize("name", rule_files())
def test_rule_file_loads_and_every_rule_names_its_event(name: str) -> None:
    book = load_book(name)
    assert book.rules
    assert all(rule.event for rule in book.rules)


@pytest.mark.parametrize(
    ("line", "complaint"),
    [
        pytest.param(
            {"role": "x", "lemmas": ["a"], "examples": ["a"], "counter_examples": []},
            "missing id",
            id="no-id",
        ),
        pytest.param(
            {"id": "x", "role": "x", "examples": ["a"], "counter_examples": []},
            "needs one of",
            id="no-values",
        ),
        pytest.param(
            {"id": "x", "role": "x", "lemmas": ["a"], "examples": [], "counter_examples": []},
            "at least one example",
            id="no-examples",
        ),
        pytest.param(
            {"id": "x", "role": "x", "lemmas": "a", "examples": ["a"], "counter_examples": []},
            "list of non-empty strings",
            id="lemmas-not-list",
        ),
        pytest.param(
            {"id": "x", "role": "x", "pattern": "(", "examples": ["a"], "counter_examples": []},
            "bad pattern",
            id="bad-regex",
        ),
        pytest.param(["not", "an", "object"], "JSON object", id="not-object"),
    ],
)
def test_bad_rule_lines_are_refused(line: Any, complaint: str) -> None:
    with pytest.raises(RuleFileError, match=complaint):
        parse_rule(line, "test.jsonl:1", "test")


def test_duplicate_ids_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsledger.extract.events import rules

    line = {"id": "same", "role": "r", "lemmas": ["a"], "examples": ["a"], "counter_examples": []}
    (tmp_path / "dup.jsonl").write_text("\n".join(json.dumps(line) for _ in range(2)))
    monkeypatch.setattr(rules, "RULES_DIR", tmp_path)
    rules.load_book.cache_clear()
    try:
        with pytest.raises(RuleFileError, match="duplicate id"):
            rules.load_book("dup")
    finally:
        rules.load_book.cache_clear()
