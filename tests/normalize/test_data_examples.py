"""One test case per example and counter-example in ``normalize/data/*.json``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import is_dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from newsledger.normalize._data import DATA_FILES, load
from newsledger.normalize.aliases import clean_alias
from newsledger.normalize.companies import (
    Relation,
    relation_between,
    strip_legal_form,
    variant_base,
)
from newsledger.normalize.dates import resolve_date
from newsledger.normalize.money import (
    currency_for_country,
    currency_for_nationality,
    parse_money,
)
from newsledger.normalize.nicknames import formal_first_name
from newsledger.normalize.numbers import parse_count_range, parse_number, parse_percent
from newsledger.normalize.orgs import org_type
from newsledger.normalize.periods import fiscal_year_end_from_text, parse_period
from newsledger.normalize.roles import person_role, role_of_verb, roles_exclude_text
from newsledger.normalize.text import CleanText, clean_for_parse, page_line


def _cleaned(text: str) -> CleanText | None:
    """clean_for_parse, None when it leaves the text alone: a counter-example is unchanged text."""
    clean = clean_for_parse(text)
    return clean if clean.changed else None


def _other_type(text: str, type: str) -> str | None:
    """None (a pass for a counter-example) when ``text`` is not typed ``type``."""
    found = org_type(text)
    return found if found == type else None


def _relation_in(text: str) -> Relation | None:
    """relation_between on a text whose two names are marked: "[Alphabet]'s [Google]"."""
    spans, plain = [], ""
    for piece in re.split(r"(\[[^\]]+\])", text):
        if piece.startswith("["):
            spans.append((len(plain), len(plain) + len(piece) - 2))
            piece = piece[1:-1]
        plain += piece
    return relation_between(plain, spans[0], spans[1])


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "org_type": org_type,
    "org_type_other_than": _other_type,
    "parse_number": parse_number,
    "parse_count_range": parse_count_range,
    "parse_percent": parse_percent,
    "parse_money": parse_money,
    "currency_for_country": currency_for_country,
    "currency_for_nationality": currency_for_nationality,
    "resolve_date": resolve_date,
    "parse_period": parse_period,
    "fiscal_year_end_from_text": fiscal_year_end_from_text,
    "clean_for_parse": _cleaned,
    "clean_alias": clean_alias,
    "strip_legal_form": strip_legal_form,
    "variant_base": variant_base,
    "relation_in": _relation_in,
    "person_role": person_role,
    "formal_first_name": formal_first_name,
    "role_of_verb": role_of_verb,
    "roles_exclude_text": roles_exclude_text,
    "page_line": page_line,
}


def _kwargs(args: dict[str, Any]) -> dict[str, Any]:
    out = dict(args)
    if isinstance(out.get("published"), str):
        out["published"] = date.fromisoformat(out["published"])
    if isinstance(out.get("fiscal_year_end"), list):
        out["fiscal_year_end"] = tuple(out["fiscal_year_end"])
    return out


def _call(function: str, text: str, args: dict[str, Any]) -> Any:
    kwargs = _kwargs(args)
    if function == "resolve_date":  # its publication date is positional
        return resolve_date(text, kwargs["published"])
    return FUNCTIONS[function](text, **kwargs)


def _same(actual: Any, expected: Any) -> bool:
    if expected is None or actual is None:
        return actual is expected
    if isinstance(actual, Decimal):
        return actual == Decimal(str(expected))
    if isinstance(actual, date):
        return actual.isoformat() == expected
    if isinstance(actual, tuple):
        return actual == tuple(expected)
    return bool(actual == expected)


def _cases() -> Iterator[Any]:
    for name in DATA_FILES:
        data = load(name)
        defaults = data.get("default_args", {})
        for entry in data["entries"]:
            for example in entry["examples"]:
                function = example.get("function", data["function"])
                args = {**defaults, **example.get("args", {})}
                if function != data["function"] and function != "resolve_date":
                    args = {k: v for k, v in args.items() if k != "published"}
                label = f"{name}:{entry['id']}:{example['text']}:{args.get('currency_hint', '')}"
                yield pytest.param(function, example["text"], args, example["expect"], id=label)
            for counter in entry["counter_examples"]:
                counter = counter if isinstance(counter, dict) else {"text": counter}
                function = counter.get("function", data["function"])
                args = {**defaults, **counter.get("args", {})}
                if function != data["function"]:
                    args = {k: v for k, v in args.items() if k != "published"}
                label = f"{name}:{entry['id']}:NOT:{counter['text']}"
                yield pytest.param(function, counter["text"], args, None, id=label)


@pytest.mark.parametrize(("function", "text", "args", "expect"), list(_cases()))
def test_data_example(
    function: str, text: str, args: dict[str, Any], expect: dict[str, Any] | None
) -> None:
    result = _call(function, text, args)
    if expect is None:
        assert result is None, f"{text!r} must not be read, got {result!r}"
        return
    assert result is not None, f"{text!r} was not read"
    for field, wanted in expect.items():
        actual = result if field == "value" and not is_dataclass(result) else getattr(result, field)
        assert _same(actual, wanted), f"{text!r}: {field} is {actual!r}, want {wanted!r}"


def test_every_data_file_has_examples() -> None:
    counts = {name: sum(len(e["examples"]) for e in load(name)["entries"]) for name in DATA_FILES}
    assert all(count > 0 for count in counts.values()), counts
    assert sum(counts.values()) >= 100, counts


def test_package_exports_exactly_all() -> None:
    import newsledger.normalize as package

    public = {name for name in vars(package) if not name.startswith("_")}
    modules = {
        "aliases",
        "companies",
        "currency",
        "dates",
        "money",
        "nicknames",
        "numbers",
        "orgs",
        "periods",
        "roles",
        "text",
        "types",
    }
    assert public - modules == set(package.__all__)
