"""Load and check the rule files in ``normalize/data``.

Each file is ``{"about": ..., "function": ..., "entries": [...]}``; every entry
has an ``id`` and inline ``examples`` (text, optional args, expected fields) and
``counter_examples`` (text that must not be read). The files are read once per
process and never mutated.

>>> sorted(e["id"] for e in load("scales")["entries"])[:2]
['billion', 'crore']
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

DATA_FILES: tuple[str, ...] = (
    "calendar",
    "cleaning",
    "company_relations",
    "company_variants",
    "countries",
    "currencies",
    "fiscal",
    "legal_forms",
    "name_junk",
    "nicknames",
    "number_words",
    "org_types",
    "page_lines",
    "percent",
    "qualifiers",
    "relative_dates",
    "roles",
    "scales",
    "stock_codes",
)


@cache
def load(name: str) -> dict[str, Any]:
    """Read ``data/<name>.json`` and check its shape; raise ValueError if it is malformed."""
    if name not in DATA_FILES:
        raise ValueError(f"unknown normalize data file {name!r}")
    text = resources.files("newsledger.normalize").joinpath(f"data/{name}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    _check(name, data)
    return data


def _check(name: str, data: dict[str, Any]) -> None:
    for key in ("about", "function", "entries"):
        if key not in data:
            raise ValueError(f"{name}.json: missing {key!r}")
    seen: set[str] = set()
    for entry in data["entries"]:
        entry_id = entry.get("id")
        if not entry_id or entry_id in seen:
            raise ValueError(f"{name}.json: missing or repeated id {entry_id!r}")
        seen.add(entry_id)
        if not isinstance(entry.get("examples"), list) or not entry["examples"]:
            raise ValueError(f"{name}.json: entry {entry_id!r} has no examples")
        if not isinstance(entry.get("counter_examples"), list):
            raise ValueError(f"{name}.json: entry {entry_id!r} has no counter_examples list")


def entries(name: str) -> list[dict[str, Any]]:
    """The entries of one data file."""
    result: list[dict[str, Any]] = load(name)["entries"]
    return result


def alternation(forms: Iterable[str]) -> str:
    """A regex alternation of literal forms, longest first so "US$" wins over "$".

    >>> alternation(["m", "mn", "million"])
    'million|mn|m'
    """
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    # A space in a form matches any run of whitespace ("US  $", "per\u00a0cent").
    return "|".join(re.escape(f).replace("\\ ", r"\s+") for f in ordered)
