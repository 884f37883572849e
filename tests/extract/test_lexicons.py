"""Every example in the rule files is replayed against its matching function."""

from __future__ import annotations

import pytest

from newsledger.extract.lexicons import (
    Rule,
    load_rules,
    product_rule_matches,
    source_rule_matches,
    speech_rule_matches,
    title_rule_matches,
)

MATCHERS = {
    "speech_verbs": speech_rule_matches,
    "naming_verbs": speech_rule_matches,
    "titles": title_rule_matches,
    "product_cues": product_rule_matches,
    "source_cues": source_rule_matches,
    "statement_sources": title_rule_matches,
}


def _cases(want: bool) -> list[tuple[str, Rule, str]]:
    out = []
    for name in MATCHERS:
        for rule in load_rules(name):
            for example in rule.must if want else rule.must_not:
                out.append((name, rule, example))
    return out


@pytest.mark.parametrize(
    ("name", "rule", "example"),
    _cases(True),
    ids=[f"{n}:{r.id}:{e[:30]}" for n, r, e in _cases(True)],
)
def test_must_match(name: str, rule: Rule, example: str) -> None:
    assert MATCHERS[name](rule, example)


@pytest.mark.parametrize(
    ("name", "rule", "example"),
    _cases(False),
    ids=[f"{n}:{r.id}:{e[:30]}" for n, r, e in _cases(False)],
)
def test_must_not_match(name: str, rule: Rule, example: str) -> None:
    assert not MATCHERS[name](rule, example)
