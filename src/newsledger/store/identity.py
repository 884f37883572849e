"""One company under all its names, its stock listing, and who owns whom.

* Organisations meet by :func:`~newsledger.resolve.names.org_key` (legal forms and
  a word of the trade off: "Bayer AG" is Bayer, "Ford Motor Company" is Ford) and by
  any spelling they share: an article that writes only "EU" is about the European
  Union another article spelled "EU" too. Entities that turn out to be one are
  merged, and their events regrouped.
* A company the register knows (``resolve/register.py``) gets its ticker, ISIN and
  listed name.
* "Google parent Alphabet", "Alphabet's Google": two company names that follow each
  other with words of ownership between them (``normalize/data/company_relations.json``)
  are a parent and its subsidiary or brand, kept with the article and the words.
  The register has no such relations. Events keep the company the article names;
  only views roll a parent's subsidiaries up.

Called when an article is saved (:func:`settle_companies`) and by migration 9 on a
stored ledger (:func:`reresolve_companies`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import pairwise

from newsledger.models import ORG_TYPES
from newsledger.normalize.companies import relation_between
from newsledger.resolve.names import full_names_clash, org_key
from newsledger.resolve.register import find_listing
from newsledger.store.dialect import Db
from newsledger.store.people_merge import _merge_entity
from newsledger.store.write import (
    _ORG_MARKS,
    _insert,
    group_event,
    refresh_group,
    set_alias_keys,
    stored_spellings,
)

# A company name the tagger also reads as a place now and then ("Altria" once as a
# place, six times as a company) still owns its brands; one read as a place at least
# half as often as a company is taken for the place.
PLACE_WEIGHT = 2


def _spelling_keys(db: Db, entity_id: int) -> set[str]:
    rows = db.rows(
        "SELECT key FROM entity_aliases WHERE entity_id = ? AND key IS NOT NULL", (entity_id,)
    )
    key = db.scalar("SELECT key FROM entities WHERE id = ?", (entity_id,))
    return {str(r["key"]) for r in rows} | ({str(key)} if key else set())


def _sharing(db: Db, entity_id: int) -> list[int]:
    """Other organisations keyed, or spelled, as one of this one's spellings, unless
    their full names say the shared acronym names another organisation."""
    keys = sorted(_spelling_keys(db, entity_id))
    if not keys:
        return []
    marks = ", ".join("?" for _ in keys)
    # two indexed look-ups (entities by type and key, spellings by key): one query
    # joining both with OR read every spelling, 8 ms an organisation an article
    by_name = db.rows(
        f"SELECT id FROM entities WHERE type IN ({_ORG_MARKS}) AND key IN ({marks}) AND id <> ?",
        (*ORG_TYPES, *keys, entity_id),
    )
    by_spelling = db.rows(
        "SELECT a.entity_id AS id FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
        f"WHERE a.key IN ({marks}) AND e.type IN ({_ORG_MARKS}) AND a.entity_id <> ?",
        (*keys, *ORG_TYPES, entity_id),
    )
    found = sorted({int(r["id"]) for r in (*by_name, *by_spelling)})
    mine = stored_spellings(db, entity_id)
    return [i for i in found if not _clash(db, mine, i, keys)]


def _clash(db: Db, mine: list[str], other: int, keys: Iterable[str]) -> bool:
    theirs = stored_spellings(db, other)
    shared = set(keys) & _spelling_keys(db, other)
    return any(full_names_clash(mine, theirs, key) for key in shared)


def merge_organisations(db: Db, target: int, sources: Iterable[int]) -> None:
    """Fold ``sources`` into ``target``: spellings, mentions, events, quotes, relations;
    then the target's events are grouped again (two groups may be one event)."""
    merged = False
    for source in sources:
        if source == target:
            continue
        _merge_entity(db, source, target)
        for column in ("parent_entity_id", "child_entity_id"):
            db.execute(
                f"UPDATE company_relations SET {column} = ? WHERE {column} = ?", (target, source)
            )
        merged = True
    if merged:
        db.execute("DELETE FROM company_relations WHERE parent_entity_id = child_entity_id")
        set_alias_keys(db, target)
        regroup_events(db, target)


def regroup_events(db: Db, company_id: int) -> None:
    """Group a company's events afresh, in the order stored."""
    events = [
        int(r["id"])
        for r in db.rows(
            "SELECT id FROM events WHERE company_entity_id = ? ORDER BY id", (company_id,)
        )
    ]
    marks = ", ".join("?" for _ in events)
    if events:
        db.execute(f"UPDATE events SET group_id = NULL WHERE id IN ({marks})", events)
    emptied = db.rows(
        "SELECT g.id FROM event_groups g WHERE NOT EXISTS "
        "(SELECT 1 FROM events e WHERE e.group_id = g.id)"
    )
    for row in emptied:
        db.execute("DELETE FROM event_groups WHERE id = ?", (row["id"],))
    for event_id in events:
        group_event(db, event_id)
    for row in db.rows(
        "SELECT DISTINCT group_id FROM events WHERE company_entity_id = ?", (company_id,)
    ):
        refresh_group(db, int(row["group_id"]))


def link_listing(db: Db, entity_id: int) -> None:
    """A company's ticker, ISIN and listed name, from its names, best known first."""
    row = db.one("SELECT type, name FROM entities WHERE id = ?", (entity_id,))
    if row is None or row["type"] != "company":
        return
    listing = find_listing([row["name"], *stored_spellings(db, entity_id)])
    db.execute(
        "UPDATE entities SET ticker = ?, isin = ?, listed_as = ? WHERE id = ?",
        (
            listing.ticker if listing else None,
            listing.isin if listing else None,
            listing.name if listing else None,
            entity_id,
        ),
    )


def save_relations(db: Db, article_id: str) -> int:
    """Ownership the article states between two company names that follow each
    other; the number of relations stored."""
    text = db.scalar("SELECT text FROM articles WHERE id = ?", (article_id,))
    mentions = db.rows(
        'SELECT m.start, m."end", m.entity_id, e.key FROM mentions m '
        "JOIN entities e ON e.id = m.entity_id "
        "WHERE m.article_id = ? AND e.type = 'company' AND m.\"end\" > m.start "
        # a name the ledger often knows as a place ("Manchester's Trafford Centre",
        # "Rover's Longbridge") is no company's: see PLACE_WEIGHT
        "AND ? * (SELECT count(*) FROM mentions pm JOIN entities p ON p.id = pm.entity_id "
        "WHERE p.type = 'place' AND p.key = e.key) "
        "< (SELECT count(*) FROM mentions cm WHERE cm.entity_id = e.id) "
        'ORDER BY m.start, m."end"',
        (article_id, PLACE_WEIGHT),
    )
    saved = 0
    for first, second in pairwise(mentions):
        if first["entity_id"] == second["entity_id"] or first["key"] == second["key"]:
            continue
        spans = (int(first["start"]), int(first["end"])), (int(second["start"]), int(second["end"]))
        found = relation_between(str(text), *spans)
        if found is None:
            continue
        parent, child = (
            (first, second)
            if found.parent == text[spans[0][0] : spans[0][1]]
            else (
                second,
                first,
            )
        )
        values = {
            "parent_entity_id": parent["entity_id"],
            "child_entity_id": child["entity_id"],
            "rule": found.rule,
            "article_id": article_id,
            "start": spans[0][0],
            "end": spans[1][1],
            "text": str(text)[spans[0][0] : spans[1][1]],
        }
        _insert(db, "company_relations", values, returning=False)
        saved += 1
    return saved


def settle_companies(db: Db, article_id: str, entity_ids: Iterable[int]) -> dict[int, int]:
    """After an article's entities are linked: organisations that share a spelling
    become one, companies get their listing, the article's ownership statements are
    stored. Returns the entity ids merged away, each mapped to the one it joined."""
    moved: dict[int, int] = {}
    for entity_id in sorted(set(entity_ids)):
        target = moved.get(entity_id, entity_id)
        others = _sharing(db, target)
        while others:
            keep = min([target, *others])
            merge_organisations(db, keep, [i for i in [target, *others] if i != keep])
            for gone in (i for i in [target, *others] if i != keep):
                moved[gone] = keep
            target = keep
            others = _sharing(db, target)
        link_listing(db, target)
    save_relations(db, article_id)
    return {gone: _final(moved, gone) for gone in moved}


def _final(moved: dict[int, int], entity_id: int) -> int:
    while entity_id in moved:
        entity_id = moved[entity_id]
    return entity_id


# --- a stored ledger brought to these rules (migration 9) --------------------------


def _components(db: Db) -> list[list[int]]:
    """Organisations that share a key or a spelling's key (and whose full names do not
    clash), each group in id order."""
    parent: dict[int, int] = {}
    names: dict[int, list[str]] = defaultdict(list)

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[str, list[int]] = defaultdict(list)
    for row in db.rows(
        "SELECT e.id, e.key, a.alias, a.key AS alias_key FROM entities e "
        "LEFT JOIN entity_aliases a ON a.entity_id = e.id "
        f"WHERE e.type IN ({_ORG_MARKS}) ORDER BY e.id",
        ORG_TYPES,
    ):
        if row["alias"] is not None:
            names[int(row["id"])].append(str(row["alias"]))
        for key in (row["key"], row["alias_key"]):
            if key:
                by_key[str(key)].append(int(row["id"]))
    for key, ids in by_key.items():
        for other in ids[1:]:
            a, b = root(ids[0]), root(other)
            if a != b and not full_names_clash(names[a], names[b], key):
                keep, gone = min(a, b), max(a, b)
                parent[gone] = keep
                names[keep] = names[keep] + names[gone]
    groups: dict[int, list[int]] = defaultdict(list)
    for i in parent:
        groups[root(i)].append(i)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def reresolve_companies(db: Db) -> None:
    """Key every stored organisation and its spellings by today's rules, merge the
    ones that are one, link listings, and read ownership from every stored article."""
    for row in db.rows(f"SELECT id, name FROM entities WHERE type IN ({_ORG_MARKS})", ORG_TYPES):
        db.execute("UPDATE entities SET key = ? WHERE id = ?", (org_key(row["name"]), row["id"]))
        db.execute("UPDATE entity_aliases SET key = NULL WHERE entity_id = ?", (row["id"],))
        set_alias_keys(db, int(row["id"]))
    for group in _components(db):
        merge_organisations(db, group[0], group[1:])
    for row in db.rows("SELECT id FROM entities WHERE type = 'company'"):
        link_listing(db, int(row["id"]))
    for row in db.rows("SELECT id FROM articles ORDER BY ingested_at, id"):
        save_relations(db, str(row["id"]))
