"""Word lists for quotes and people, read from the JSONL rule files beside this module.

Each rule file holds one entry per line: an ``id``, the ``forms`` (lower-case
words or phrases) it contributes, and inline ``must`` / ``must_not`` examples
that the tests replay against the matching function of that file.

>>> "said" in speech_forms()
True
>>> title_at_end(["the", "chief", "executive"])
2
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from newsledger.errors import ConfigError

CueSide = Literal["before", "after", "name"]
_WORD = re.compile(r"[\w.'’-]+")


@dataclass(frozen=True)
class Rule:
    """One line of a rule file."""

    id: str
    forms: tuple[str, ...]
    must: tuple[str, ...]
    must_not: tuple[str, ...]
    side: CueSide | None = None
    regex: str | None = None
    article: bool = False  # source cues: the name must follow "the" / start with "The"


def _rule(raw: dict[str, Any], where: str) -> Rule:
    if not isinstance(raw.get("id"), str) or not (raw.get("forms") or raw.get("regex")):
        raise ConfigError(f"rule needs an id and forms or a regex: {raw!r}", input=where)
    if not raw.get("must"):
        raise ConfigError(f"rule {raw['id']!r} has no example that must match", input=where)
    return Rule(
        id=raw["id"],
        forms=tuple(f.lower() for f in raw.get("forms", ())),
        must=tuple(raw.get("must", ())),
        must_not=tuple(raw.get("must_not", ())),
        side=raw.get("side"),
        regex=raw.get("regex"),
        article=bool(raw.get("article", False)),
    )


@cache
def load_rules(name: str) -> tuple[Rule, ...]:
    """The entries of ``rules/<name>.jsonl``, validated (ids unique, examples present)."""
    text = resources.files("newsledger.extract").joinpath(f"rules/{name}.jsonl").read_text("utf-8")
    rules = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            rules.append(_rule(json.loads(line), f"rules/{name}.jsonl:{number}"))
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise ConfigError("duplicate rule ids", input=f"rules/{name}.jsonl")
    return tuple(rules)


def words(text: str) -> list[str]:
    """Lower-case words of a text, as the rule files spell them."""
    return [w.lower().strip(".'’") or w.lower() for w in _WORD.findall(text)]


@cache
def speech_forms() -> frozenset[str]:
    """Every inflected form of a speech or attribution verb."""
    return frozenset(f for r in load_rules("speech_verbs") for f in r.forms if " " not in f)


@cache
def naming_forms() -> frozenset[str]:
    """Verbs that give a thing a name ("called it \"a fiasco\""): the words in marks after
    them are a label woven into the writer's sentence, not a whole utterance."""
    return frozenset(f for r in load_rules("naming_verbs") for f in r.forms)


def speech_rule_matches(rule: Rule, text: str) -> bool:
    return any(w in rule.forms for w in words(text))


@cache
def _title_phrases() -> tuple[tuple[str, ...], ...]:
    phrases = {tuple(f.strip(".").split()) for r in load_rules("titles") for f in r.forms}
    return tuple(sorted(phrases, key=len, reverse=True))


def title_at_end(tokens: list[str]) -> int:
    """How many of the last ``tokens`` form a title ("chief executive" -> 2), 0 if none.

    Lower-case modifiers right before a title word ("mobile chief") belong to it.
    """
    low = [t.lower().strip(".") for t in tokens]
    for phrase in _title_phrases():
        n = len(phrase)
        if n <= len(low) and tuple(low[len(low) - n :]) == phrase:
            return n
    return 0


@cache
def _statement_phrases() -> tuple[tuple[str, tuple[str, ...]], ...]:
    phrases = {(r.id, tuple(f.split())) for r in load_rules("statement_sources") for f in r.forms}
    return tuple(sorted(phrases, key=lambda p: len(p[1]), reverse=True))


def statement_source(tokens: list[str]) -> str | None:
    """What an unsigned source's last words name, by ``rules/statement_sources.jsonl``:
    "spokesperson" ("a company spokeswoman"), "statement" ("the filing"), else None.

    >>> statement_source(["the", "press", "release"]), statement_source(["the", "chief"])
    ('statement', None)
    """
    low = [t.lower() for t in tokens]
    for rule_id, phrase in _statement_phrases():
        n = len(phrase)
        if n <= len(low) and tuple(low[len(low) - n :]) == phrase:
            return rule_id
    return None


def title_rule_matches(rule: Rule, text: str) -> bool:
    low = [w.strip(".") for w in words(text)]
    for form in rule.forms:
        phrase = form.strip(".").split()
        if tuple(low[len(low) - len(phrase) :]) == tuple(phrase):
            return True
    return False


@cache
def _product_cues() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {"before": set(), "after": set()}
    for r in load_rules("product_cues"):
        if r.side in out:
            out[r.side].update(r.forms)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _product_name_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r.regex) for r in load_rules("product_cues") if r.regex)


_DETERMINERS = frozenset(("the", "a", "an", "its", "their", "his", "her", "our"))


def _previous_word(text: str) -> list[str]:
    """The last word before a name, past one determiner ("unveiled the X" -> unveiled)."""
    found = words(text)[-2:]
    if found and found[-1] in _DETERMINERS:
        found = found[:-1]
    return found[-1:]


def looks_like_product(name: str, before: str, after: str) -> bool:
    """Whether a name tagged as an organisation reads as a product or brand here.

    ``before`` and ``after`` are a few words of text on either side of the name.

    >>> looks_like_product("Zolto", "enhance its", "range of televisions")
    True
    >>> looks_like_product("Zolto", "", "said on Monday")
    False
    """
    cues = _product_cues()
    prev = _previous_word(before)
    nxt = words(after)[:1]
    if prev and prev[0] in cues["before"]:
        return True
    if nxt and nxt[0] in cues["after"]:
        return True
    return any(p.search(name) for p in _product_name_patterns())


def product_rule_matches(rule: Rule, example: str) -> bool:
    """Replay a product-cue example: the candidate name is marked with [brackets]."""
    m = re.search(r"\[([^\]]+)\]", example)
    if m is None:
        raise ValueError(f"example without a [name]: {example!r}")
    name, before, after = m.group(1), example[: m.start()], example[m.end() :]
    if rule.regex:
        return re.search(rule.regex, name) is not None
    if rule.side == "before":
        prev = _previous_word(before)
        return bool(prev) and prev[0] in rule.forms
    return bool(words(after)[:1]) and words(after)[0] in rule.forms


# --- sources cited by name ("according to The Daily Ledger") ---------------

# a capitalised word of a name; "of", "&", "and" may join two of them
_NAME_WORD = r"[A-Z][\w&'’-]*"
_NAME = rf"{_NAME_WORD}(?: (?:(?:of|&|and) )?{_NAME_WORD})*"


@cache
def _source_patterns() -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    out = []
    for rule in load_rules("source_cues"):
        cues = "|".join(r"\s+".join(map(re.escape, f.split())) for f in rule.forms)
        # the cue is matched in any case; the name must be capitalised
        pattern = rf"(?i:\b(?:{cues}))\s+(the\s+)?({_NAME})"
        out.append((rule, re.compile(pattern)))
    return tuple(out)


def cited_sources(text: str, rules: tuple[str, ...] | None = None) -> list[tuple[int, int]]:
    """Character spans of names cited as a source after a cue in ``rules/source_cues.jsonl``.

    A capital "The" belongs to the name; a cue marked ``article`` needs one ("told the
    Daily Ledger", not "told Maria Lopez"). ``rules`` limits the cues by id.

    >>> text = "Sales fell, according to The Daily Ledger."
    >>> [text[s:e] for s, e in cited_sources(text)]
    ['The Daily Ledger']
    """
    found: list[tuple[int, int]] = []
    for rule, pattern in _source_patterns():
        if rules is not None and rule.id not in rules:
            continue
        for m in pattern.finditer(text):
            lower_the, name = m.group(1), m.group(2)
            if name == "The" or (lower_the and not rule.article):
                continue  # "via the Panama Canal": a route, not a source
            if rule.article and not (lower_the or name.startswith("The ")):
                continue
            found.append((m.start(2), m.end(2)))
    return sorted(set(found))


def source_rule_matches(rule: Rule, example: str) -> bool:
    """Replay a source-cue example: the expected name is marked with {braces}."""
    wanted = re.findall(r"\{([^}]+)\}", example)
    text = example.replace("{", "").replace("}", "")
    names = [text[s:e] for s, e in cited_sources(text, (rule.id,))]
    return names == wanted if wanted else bool(names)
