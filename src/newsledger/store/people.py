"""Finding the stored person a newcomer is: the candidates, read for ``resolve.people``.

Candidates are the people with the newcomer's surname and, when the newcomer's
organisation is known, the people whose surname is a letter away from it
("Waggoner" finds "Wagoner"); :func:`~newsledger.resolve.people.match_person`
decides. Organisations are compared by all their stored spellings, so "GM" and
"General Motors" are one.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from newsledger.models import ORG_TYPES
from newsledger.resolve.names import org_key, person_key
from newsledger.resolve.people import (
    MAX_SURNAME_EDITS,
    MIN_FUZZY_SURNAME,
    PersonCandidate,
    PersonFacts,
    Seen,
    match_person,
)
from newsledger.store.dialect import Db, Row

_ORG_MARKS = ", ".join("?" for _ in ORG_TYPES)
# surnames a letter apart share their first letters: the range scan that finds
# "waggoner" from "wagoner" reads the index from this many letters on
SURNAME_PREFIX = 3


def org_names(db: Db, org: str | None) -> tuple[str, ...]:
    """An organisation's spellings: as written, then every spelling of the stored
    organisation with its key ("GM" -> "GM", "General Motors", ...)."""
    key = org_key(org or "")
    if not org or not key:
        return ()
    rows = db.rows(
        "SELECT a.alias FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
        f"WHERE e.type IN ({_ORG_MARKS}) AND e.key = ? ORDER BY a.alias",
        (*ORG_TYPES, key),
    )
    return tuple(dict.fromkeys([org, *(r["alias"] for r in rows)]))


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def seen_spans(db: Db, ids: list[int]) -> dict[int, Seen]:
    """Each person's first and last dated article (people named only undated have none)."""
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = db.rows(
        "SELECT m.entity_id, min(a.published) AS first, max(a.published) AS last "
        "FROM mentions m JOIN articles a ON a.id = m.article_id "
        f"WHERE m.entity_id IN ({marks}) AND a.published IS NOT NULL GROUP BY m.entity_id",
        ids,
    )
    return {r["entity_id"]: (_date(r["first"]), _date(r["last"])) for r in rows}


def _surname_rows(db: Db, surnames: Iterable[str], fuzzy: bool) -> list[Row]:
    found: dict[int, Row] = {}
    for surname in sorted(set(surnames)):
        sql = "SELECT id, name, role, org, key FROM entities WHERE type = 'person' AND key = ?"
        args: tuple[str, ...] = (surname,)
        if fuzzy and len(surname) >= MIN_FUZZY_SURNAME:
            prefix = surname[:SURNAME_PREFIX]
            upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
            sql = (
                "SELECT id, name, role, org, key FROM entities "
                "WHERE type = 'person' AND key >= ? AND key < ?"
            )
            args = (prefix, upper)
        for row in db.rows(sql + " ORDER BY id", args):
            if abs(len(row["key"]) - len(surname)) <= MAX_SURNAME_EDITS:
                found.setdefault(row["id"], row)
    return [found[i] for i in sorted(found)]


def person_candidates(
    db: Db, new: PersonFacts, *, before: int | None = None
) -> list[PersonCandidate]:
    """The stored people ``new`` may be (ids below ``before`` only, when given)."""
    surnames = {person_key(n) for n in new.names} - {""}
    rows = [
        r
        for r in _surname_rows(db, surnames, fuzzy=bool(new.org_names))
        if before is None or r["id"] < before
    ]
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    marks = ", ".join("?" for _ in ids)
    aliases: dict[int, list[str]] = {}
    mentions: dict[int, int] = {}
    for r in db.rows(
        f"SELECT entity_id, alias, mentions FROM entity_aliases WHERE entity_id IN ({marks}) "
        "ORDER BY entity_id, alias",
        ids,
    ):
        aliases.setdefault(r["entity_id"], []).append(r["alias"])
        mentions[r["entity_id"]] = mentions.get(r["entity_id"], 0) + int(r["mentions"])
    orgs: dict[str, tuple[str, ...]] = {}
    seen = seen_spans(db, ids)
    out = []
    for r in rows:
        org: str | None = r["org"]
        if org and org not in orgs:
            orgs[org] = org_names(db, org)
        names = (r["name"], *(a for a in aliases.get(r["id"], []) if a != r["name"]))
        org_known = orgs[org] if org else ()
        count = mentions.get(r["id"], 0)
        out.append(PersonCandidate(r["id"], names, r["role"], org_known, count, seen.get(r["id"])))
    return out


def find_person(db: Db, new: PersonFacts, *, before: int | None = None) -> int | None:
    """The id of the stored person ``new`` is, or None."""
    return match_person(new, person_candidates(db, new, before=before))
