"""Rule files: JSON Lines under ``extract/rules/``, validated when loaded.

Every line is one rule::

    {"id": "cut_verb.shed", "role": "cut_verb", "lemmas": ["shed"],
     "event": "layoff", "examples": ["Acme will shed 300 jobs."],
     "counter_examples": ["The tree will shed its leaves."]}

``role`` says what the rule does for its extractor; ``lemmas`` are matched
against token lemmas, ``phrases`` against token sequences (the last word by
lemma, so "net losses" matches "net loss"), ``pattern`` is a regular
expression with named groups. ``event`` (and optionally ``expect``, a few
argument values) says what each example must yield and each counter-example
must not; a test runs every example through the real pipeline.

>>> book = load_book("layoffs")
>>> "shed" in book.lemmas("cut_verb")
True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"

_REQUIRED = ("id", "role", "examples", "counter_examples")
_VALUE_FIELDS = ("lemmas", "phrases", "pattern")


class RuleFileError(ValueError):
    """A rule file line that does not follow the schema (raised at load)."""


@dataclass(frozen=True)
class Rule:
    """One line of a rule file."""

    id: str
    role: str
    file: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    lemmas: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    value: str | None = None
    event: str | None = None
    expect: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Book:
    """The rules of one file, indexed by role."""

    name: str
    rules: tuple[Rule, ...]
    _by_role: dict[str, tuple[Rule, ...]] = field(default_factory=dict, repr=False, compare=False)
    _lemmas: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def role(self, role: str) -> tuple[Rule, ...]:
        return self._by_role.get(role, ())

    def lemmas(self, role: str) -> frozenset[str]:
        """Every lemma listed under ``role`` (computed once per role: asked for per token)."""
        found = self._lemmas.get(role)
        if found is None:
            found = frozenset(lemma for r in self.role(role) for lemma in r.lemmas)
            self._lemmas[role] = found
        return found

    def lemma_values(self, role: str) -> dict[str, str]:
        """lemma -> the rule's ``value`` (or its id when it has none)."""
        return {lemma: r.value or r.id for r in self.role(role) for lemma in r.lemmas}

    def all_lemmas(self) -> frozenset[str]:
        return frozenset(lemma for r in self.rules for lemma in r.lemmas)


def _as_strings(value: Any, where: str, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RuleFileError(f"{where}: {name!r} must be a list of non-empty strings")
    return tuple(value)


def parse_rule(obj: Any, where: str, file: str) -> Rule:
    """Validate one decoded JSON line into a :class:`Rule`."""
    if not isinstance(obj, dict):
        raise RuleFileError(f"{where}: a rule must be a JSON object")
    missing = [k for k in _REQUIRED if k not in obj]
    if missing:
        raise RuleFileError(f"{where}: missing {', '.join(missing)}")
    if not any(k in obj for k in _VALUE_FIELDS):
        raise RuleFileError(f"{where}: needs one of {', '.join(_VALUE_FIELDS)}")
    examples = _as_strings(obj["examples"], where, "examples")
    if not examples:
        raise RuleFileError(f"{where}: at least one example is required")
    pattern = None
    if "pattern" in obj:
        try:
            pattern = re.compile(obj["pattern"])  # case matters: names are capitalised
        except re.error as err:
            raise RuleFileError(f"{where}: bad pattern: {err}") from err
    expect = obj.get("expect", {})
    if not isinstance(expect, dict):
        raise RuleFileError(f"{where}: 'expect' must be an object")
    return Rule(
        id=str(obj["id"]),
        role=str(obj["role"]),
        file=file,
        examples=examples,
        counter_examples=_as_strings(obj["counter_examples"], where, "counter_examples"),
        lemmas=tuple(x.lower() for x in _as_strings(obj.get("lemmas", ["-"]), where, "lemmas"))
        if "lemmas" in obj
        else (),
        phrases=_as_strings(obj["phrases"], where, "phrases") if "phrases" in obj else (),
        pattern=pattern,
        value=obj.get("value"),
        event=obj.get("event"),
        expect=tuple(sorted(expect.items())),
    )


@cache  # rule files are read once per process
def load_book(name: str) -> Book:
    """Load and validate ``rules/<name>.jsonl``."""
    path = RULES_DIR / f"{name}.jsonl"
    rules: list[Rule] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise RuleFileError(f"{where}: not JSON: {err}") from err
        rule = parse_rule(obj, where, name)
        if rule.id in seen:
            raise RuleFileError(f"{where}: duplicate id {rule.id!r}")
        seen.add(rule.id)
        rules.append(rule)
    by_role: dict[str, list[Rule]] = {}
    for rule in rules:
        by_role.setdefault(rule.role, []).append(rule)
    return Book(name, tuple(rules), {k: tuple(v) for k, v in by_role.items()})


# the event finders' files (other files in rules/ belong to quotes and entities)
EVENT_RULE_FILES: tuple[str, ...] = (
    "companies",
    "corporate",
    "financial_cues",
    "financial_kinds",
    "layoff_status",
    "layoffs",
    "leadership",
    "plans",
    "strategy",
)


def rule_files() -> tuple[str, ...]:
    """Names of the event finders' rule files."""
    return EVENT_RULE_FILES


def _phrase_pattern(phrase: str) -> list[dict[str, Any]]:
    words = phrase.replace("-", " - ").split()
    pattern: list[dict[str, Any]] = [{"LOWER": w.lower()} for w in words[:-1]]
    last = words[-1].lower()
    pattern.append({"LOWER": last})
    return pattern


def _lemma_pattern(phrase: str) -> list[dict[str, Any]]:
    pattern = _phrase_pattern(phrase)
    pattern[-1] = {"LEMMA": pattern[-1]["LOWER"]}
    return pattern


@lru_cache(maxsize=8)  # one Matcher per (vocab, file): built once per loaded pipeline
def phrase_matcher(vocab: Vocab, name: str) -> Matcher:
    """A Matcher over every ``phrases`` entry of a file; match ids are rule ids."""
    matcher = Matcher(vocab)
    for rule in load_book(name).rules:
        if rule.phrases:
            patterns = [_phrase_pattern(p) for p in rule.phrases]
            patterns += [_lemma_pattern(p) for p in rule.phrases]
            matcher.add(rule.id, patterns)
    return matcher


@dataclass(frozen=True)
class PhraseHit:
    rule: Rule
    span: Span


def find_phrases(doc: Doc | Span, name: str) -> list[PhraseHit]:
    """Longest non-overlapping phrase matches of a file in ``doc``."""
    vocab = doc.vocab
    book = load_book(name)
    by_id = {r.id: r for r in book.rules}
    matcher = phrase_matcher(vocab, name)
    spans = matcher(doc, as_spans=True)
    spans = sorted(spans, key=lambda s: (-(s.end - s.start), s.start))
    taken: set[int] = set()
    hits: list[PhraseHit] = []
    for span in spans:
        if taken.intersection(range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        hits.append(PhraseHit(by_id[span.label_], span))
    return sorted(hits, key=lambda h: h.span.start)
