"""Stored people brought to today's rules (migration 6, ``people_across_articles``).

Each stored person is linked as a newcomer would be, in the order stored: one who is
an earlier person (``resolve/people.py`` decides) is folded into them, with their
spellings, mentions, events and quotes. Roles (people's and quote speakers') are
rewritten as the ledger writes them, and a "person" known only by acronyms ("GM")
joins the organisation of that key or becomes one.
"""

from __future__ import annotations

from collections import Counter

from newsledger.models import ORG_TYPES
from newsledger.resolve.names import org_key
from newsledger.resolve.people import PersonFacts
from newsledger.store.dialect import Db
from newsledger.store.people import find_person, org_names, seen_spans
from newsledger.store.write import (
    _ENTITY_REFERENCES,
    _ORG_MARKS,
    _add_spellings,
    _kind_of,
    _refresh_entity,
    claim_quotes,
    ledger_role,
)


def _merge_entity(db: Db, source: int, target: int) -> None:
    """Fold entity ``source`` into ``target``: spellings, mentions, events and quotes."""
    counts = Counter(
        {
            r["alias"]: int(r["mentions"])
            for r in db.rows(
                "SELECT alias, mentions FROM entity_aliases WHERE entity_id = ?", (source,)
            )
        }
    )
    db.execute("DELETE FROM entity_aliases WHERE entity_id = ?", (source,))
    _add_spellings(db, target, counts)
    db.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (target, source))
    for table, column in _ENTITY_REFERENCES:
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (target, source))
    old = db.one("SELECT role, org FROM entities WHERE id = ?", (source,))
    kind = db.scalar("SELECT type FROM entities WHERE id = ?", (target,))
    db.execute("DELETE FROM entities WHERE id = ?", (source,))
    assert old is not None
    _refresh_entity(db, target, kind, old["role"], old["org"])


def _person_to_organisation(db: Db, person_id: int, name: str) -> None:
    """A stored "person" known only by acronyms joins the organisation of that key,
    or becomes one."""
    key = org_key(name)
    org = db.scalar(
        f"SELECT id FROM entities WHERE type IN ({_ORG_MARKS}) AND key = ? ORDER BY id",
        (*ORG_TYPES, key),
    )
    if org is not None:
        _merge_entity(db, person_id, int(org))
        return
    db.execute(
        "UPDATE entities SET type = 'company', key = ?, role = NULL, org = NULL WHERE id = ?",
        (key, person_id),
    )
    _refresh_entity(db, person_id, "company", None, None)


def merge_stored_people(db: Db) -> None:
    """Stored people brought to today's rules: roles written one way, a "person" known
    only by acronyms ("GM") made an organisation, and every person linked as if
    ingested now, in the order stored: one who is an earlier person joins them."""
    for table, column in (("entities", "role"), ("quotes", "speaker_role")):
        for row in db.rows(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL"):
            role = ledger_role(row[column])
            if role != row[column]:
                db.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (role, row["id"]))
    for row in db.rows("SELECT id FROM entities WHERE type = 'person' ORDER BY id"):
        person = db.one("SELECT name, role, org FROM entities WHERE id = ?", (row["id"],))
        if person is None:  # already folded into another
            continue
        spellings = Counter(
            {
                r["alias"]: int(r["mentions"])
                for r in db.rows(
                    "SELECT alias, mentions FROM entity_aliases WHERE entity_id = ?", (row["id"],)
                )
            }
        )
        if _kind_of("person", spellings) != "person":
            _person_to_organisation(db, row["id"], person["name"])
            continue
        names = (person["name"], *sorted(spellings))
        seen = seen_spans(db, [row["id"]]).get(row["id"])
        new = PersonFacts(names, person["role"], org_names(db, person["org"]), seen)
        target = find_person(db, new, before=row["id"])
        if target is not None:
            _merge_entity(db, row["id"], target)
    for row in db.rows("SELECT id, org FROM entities WHERE type = 'person' AND org IS NOT NULL"):
        org = db.scalar(
            f"SELECT id FROM entities WHERE type IN ({_ORG_MARKS}) AND key = ? ORDER BY id",
            (*ORG_TYPES, org_key(row["org"])),
        )
        claim_quotes(db, row["id"], org)
