"""The formal first name a familiar form stands for: "Jim" is James, "Rick" Richard.

One person is written "Jim Skinner" in one article and "James Skinner" in the next;
the forms are data (``data/nicknames.json``). A prefix ("Ken" for Kenneth) is no
entry: comparing first names already allows for it. Pure: a word in, a name or None.

>>> formal_first_name("Rick"), formal_first_name("Bernie"), formal_first_name("Kazuo") is None
('richard', 'bernard', True)
"""

from __future__ import annotations

from functools import cache

from newsledger.normalize._data import entries


@cache
def _forms() -> dict[str, str]:
    return {form: e["formal"] for e in entries("nicknames") for form in e["forms"]}


def formal_first_name(name: str) -> str | None:
    """The formal name ``name`` is a familiar form of, lower-case; None when it is none."""
    return _forms().get(name.strip().lower())
