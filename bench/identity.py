"""Company identity (issue 10 item 3): what collapsing names and linking listings do
to a ledger of the dev sets, measured against the packages' own matching.

Takes a store built by the code before migration 9 (``--before``) and a store built
by this code (``--after``); the before store is copied and migrated too (migration 9
re-resolves a stored ledger), so a store is built only by ``newsledger ingest``:

    newsledger ingest --db /tmp/before.db DEV...        # from a worktree before it
    newsledger ingest --db /tmp/after.db DEV...         # from this one
    python bench/identity.py --before /tmp/before.db --after /tmp/after.db

It prints, as Markdown for bench/RESULTS.md:

* companies (entities of type company) and organisations before, after migrating the
  before store, and in the after store;
* the share of companies linked to a ticker or ISIN by this code's rules (org_key over
  every spelling), and by the package's own matching (``cleanco.basename`` of the
  company's name against the register's names, case ignored), overall, among
  companies with an event, and by events;
* legal forms: stored spellings grouped by ``cleanco.basename`` vs by ``org_key``;
* the entities migration 9 merged, as pairs (merged name, the name it joined), and a
  seeded sample of them with a snippet of each side, for a person to mark;
* whether each named company (Sony, General Motors, ...) is one company.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsledger.models import ORG_TYPES
from newsledger.resolve.names import company_key, org_key
from newsledger.resolve.register import register_stocks
from newsledger.store import open_store

SEED = 20261201
SAMPLE = 30
SNIPPET = 70  # characters either side of a mention
# the companies, each with the spellings that are it
NAMED = {
    "Sony": ("Sony",),
    "General Motors": ("General Motors", "GM"),
    "Ford": ("Ford", "Ford Motor"),
    "Airbus": ("Airbus",),
    "Hewlett-Packard": ("Hewlett-Packard", "HP"),
    "Starbucks": ("Starbucks",),
    "Dexia": ("Dexia",),
}


def _rows(db: sqlite3.Connection, sql: str, args: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    cur = db.execute(sql, args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _connect(path: str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def counts(db: sqlite3.Connection) -> tuple[int, int]:
    marks = ", ".join("?" for _ in ORG_TYPES)
    companies = db.execute("SELECT count(*) FROM entities WHERE type = 'company'").fetchone()[0]
    orgs = db.execute(
        f"SELECT count(*) FROM entities WHERE type IN ({marks})", ORG_TYPES
    ).fetchone()
    return int(companies), int(orgs[0])


def _package_key(name: str) -> str:
    from cleanco import basename

    return " ".join(str(basename(name)).casefold().split())


def _sample(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return random.Random(SEED).sample(items, min(SAMPLE, len(items)))


def _table_head(title: str, columns: list[str]) -> list[str]:
    return ["", title, "", f"| # | {' | '.join(columns)} |", "|---" * (len(columns) + 1) + "|"]


def linking(db: sqlite3.Connection) -> list[str]:
    """Shares of companies linked by the rules (stored) and by the package's matching."""
    register = {
        _package_key(str(s["name"])): s
        for s in register_stocks()
        if s.get("symbol") or s.get("isins")  # an entry with no identifier links nothing
    }
    companies = _rows(
        db,
        "SELECT n.id, n.name, n.isin, n.ticker, n.listed_as, "
        "(SELECT count(*) FROM events e WHERE e.company_entity_id = n.id) AS events "
        "FROM entities n WHERE n.type = 'company'",
    )
    by_rules = {c["id"] for c in companies if c["ticker"] or c["isin"]}
    by_package = {c["id"] for c in companies if _package_key(c["name"]) in register}
    with_events = [c for c in companies if c["events"]]
    total_events = sum(c["events"] for c in companies)

    def share(ids: set[int], among: list[dict[str, Any]]) -> str:
        n = sum(1 for c in among if c["id"] in ids)
        return f"{n} / {len(among)} ({100 * n / max(1, len(among)):.1f}%)"

    def event_share(ids: set[int]) -> str:
        n = sum(c["events"] for c in companies if c["id"] in ids)
        return f"{n} / {total_events} ({100 * n / max(1, total_events):.1f}%)"

    lines = [
        "| linked by | companies | companies with an event | events |",
        "|---|---|---|---|",
        f"| rules (org_key, every spelling) | {share(by_rules, companies)} | "
        f"{share(by_rules, with_events)} | {event_share(by_rules)} |",
        f"| package (cleanco.basename of the name) | {share(by_package, companies)} | "
        f"{share(by_package, with_events)} | {event_share(by_package)} |",
        f"| both | {share(by_rules & by_package, companies)} | "
        f"{share(by_rules & by_package, with_events)} | {event_share(by_rules & by_package)} |",
    ]
    names = {c["id"]: c["name"] for c in companies}
    only_package = sorted(names[i] for i in by_package - by_rules)
    only_rules = sorted(names[i] for i in by_rules - by_package)
    lines.append("")
    lines.append(f"Linked by the package only ({len(only_package)}): {', '.join(only_package)}")
    lines.append("")
    lines.append(f"Linked by the rules only ({len(only_rules)}): {', '.join(only_rules)}")
    linked = sorted((c for c in companies if c["id"] in by_rules), key=lambda c: c["id"])
    sample = _sample(linked)
    lines += _table_head(
        f"Sample of {len(sample)} linked by the rules (seed {SEED}):",
        ["company", "listed as", "ticker", "ISIN", "events", "right?"],
    )
    for i, c in enumerate(sample, 1):
        listed = c.get("listed_as") or ""
        lines.append(
            f"| {i} | {c['name']} | {listed} | {c['ticker'] or ''} | {c['isin'] or ''} "
            f"| {c['events']} |  |"
        )
    return lines


def legal_forms(db: sqlite3.Connection) -> list[str]:
    """Stored company spellings grouped by cleanco's basename vs by org_key."""
    spellings = [
        str(r["alias"])
        for r in _rows(
            db,
            "SELECT DISTINCT a.alias FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
            "WHERE e.type = 'company'",
        )
    ]
    groups: dict[str, dict[str, set[str]]] = {
        "package": defaultdict(set),
        "rules": defaultdict(set),
    }
    old: dict[str, set[str]] = defaultdict(set)
    for s in spellings:
        groups["package"][_package_key(s)].add(s)
        groups["rules"][org_key(s)].add(s)
        old[company_key(s)].add(s)
    lines = [
        f"{len(spellings)} distinct company spellings; keys: {len(old)} by the rules before "
        f"(company_key), {len(groups['rules'])} by org_key, "
        f"{len(groups['package'])} by cleanco.basename.",
    ]
    for name, other in (("package", "rules"), ("rules", "package")):
        joined = []
        for members in groups[name].values():
            keys = {(org_key if other == "rules" else _package_key)(m) for m in members}
            if len(keys) > 1:
                joined.append(" = ".join(sorted(members)))
        lines.append("")
        lines.append(
            f"Joined by {name} but not by {other} ({len(joined)}): {'; '.join(sorted(joined))}"
        )
    return lines


def _snippet(db: sqlite3.Connection, entity_id: int) -> str:
    rows = _rows(
        db,
        'SELECT m.start, m."end", a.text, a.title FROM mentions m '
        "JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? "
        'AND m."end" > m.start ORDER BY m.id LIMIT 1',
        (entity_id,),
    )
    if not rows:
        return ""
    r = rows[0]
    text = str(r["text"])[max(0, r["start"] - SNIPPET) : r["end"] + SNIPPET]
    return " ".join(text.split()).replace("|", "/")


def _joined(after: sqlite3.Connection, mention_ids: list[int]) -> dict[str, Any] | None:
    """The entity the after store gives these (before) mentions."""
    if not mention_ids:
        return None
    marks = ", ".join("?" for _ in mention_ids)
    hit = _rows(
        after,
        "SELECT n.id, n.name FROM mentions x JOIN entities n ON n.id = x.entity_id "
        f"WHERE x.id IN ({marks}) LIMIT 1",
        tuple(mention_ids),
    )
    return hit[0] if hit else None


def merged_pairs(before: sqlite3.Connection, after: sqlite3.Connection) -> list[dict[str, Any]]:
    """Organisations of the before store that migration 9 folded into another."""
    marks = ", ".join("?" for _ in ORG_TYPES)
    kept = {r["id"] for r in _rows(after, "SELECT id FROM entities")}
    pairs = []
    for e in _rows(before, f"SELECT id, name FROM entities WHERE type IN ({marks})", ORG_TYPES):
        if e["id"] in kept:
            continue
        mentions = _rows(before, "SELECT id FROM mentions WHERE entity_id = ?", (e["id"],))
        target = _joined(after, [int(r["id"]) for r in mentions])
        pairs.append(
            {
                "merged": e["name"],
                "merged_id": e["id"],
                "into": target["name"] if target else "?",
                "into_id": target["id"] if target else None,
            }
        )
    return pairs


def pair_lines(pairs: list[dict[str, Any]], before: sqlite3.Connection) -> list[str]:
    lines = [f"{len(pairs)} organisations merged into another. All of them:", ""]
    lines.append(
        "; ".join(f"{p['merged']} -> {p['into']}" for p in sorted(pairs, key=lambda p: p["into"]))
    )
    sample = _sample(pairs)
    lines += _table_head(
        f"Sample of {len(sample)} (seed {SEED}), each side's first mention:",
        ["merged", "into", "merged's mention", "into's mention", "same?"],
    )
    for i, p in enumerate(sample, 1):
        a = _snippet(before, p["merged_id"])
        b = _snippet(before, p["into_id"]) if p["into_id"] else ""
        lines.append(f"| {i} | {p['merged']} | {p['into']} | {a} | {b} |  |")
    return lines


def named(db: sqlite3.Connection) -> list[str]:
    lines = ["| company | entities holding its spellings | name, ticker, ISIN |", "|---|---|---|"]
    for company, spellings in NAMED.items():
        keys = {org_key(s) for s in spellings}
        rows = _rows(
            db,
            "SELECT DISTINCT n.id, n.name, n.ticker, n.isin FROM entities n "
            "JOIN entity_aliases a ON a.entity_id = n.id WHERE n.type = 'company'",
        )
        hits = []
        for r in rows:
            aliases = [
                x["alias"]
                for x in _rows(
                    db, "SELECT alias FROM entity_aliases WHERE entity_id = ?", (r["id"],)
                )
            ]
            if any(org_key(a) in keys for a in aliases):
                hits.append(f"{r['name']}, {r['ticker'] or '-'}, {r['isin'] or '-'}")
        lines.append(f"| {company} | {len(hits)} | {'; '.join(hits)} |")
    return lines


def migrated_copy(before: str) -> str:
    target = str(Path(tempfile.mkdtemp()) / "migrated.db")
    shutil.copy(before, target)
    with open_store(target):
        pass
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", required=True, help="a store built before migration 9")
    parser.add_argument("--after", required=True, help="a store built by this code")
    args = parser.parse_args()
    before = _connect(args.before)
    migrated_path = migrated_copy(args.before)
    migrated = _connect(migrated_path)
    after = _connect(args.after)
    out = ["| store | companies | organisations |", "|---|---|---|"]
    for label, db in (
        ("before", before),
        ("before, migrated (9)", migrated),
        ("after (fresh ingest)", after),
    ):
        c, o = counts(db)
        out.append(f"| {label} | {c} | {o} |")
    sections = (
        ("Linked to a ticker or ISIN (after, fresh ingest)", linking(after)),
        ("Legal forms (spellings of the before store)", legal_forms(before)),
        ("Merged by migration 9", pair_lines(merged_pairs(before, migrated), before)),
        ("The issue's companies (after, fresh ingest)", named(after)),
        ("The issue's companies (before, migrated)", named(migrated)),
    )
    for title, lines in sections:
        out += ["", f"### {title}", "", *lines]
    print("\n".join(out))


if __name__ == "__main__":
    main()
