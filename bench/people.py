"""People across articles: samples to check by hand (issue 10 item 1).

Builds a store of the BBC business set and the Wikinews set (unless ``--db`` names
one already built), then draws, with a fixed seed:

* merged pairs: two articles whose mentions were linked to one person (articles
  that are near-duplicates of another are left out: their merges are trivial);
* same-surname pairs: two people the store keeps apart who share a surname;

and lists every merged pair whose two articles share no full name (the merges
that rest on more than a name: "Kazou"/"Kazuo", a surname alone) and every pair kept
apart whose full names are identical (the measure says none of them may be one
person at one organisation). Each pair is printed with
the names, roles, organisations and a snippet of each side's article, for a person
to mark "same" or "different"; the marks and counts go to bench/RESULTS.md.

    python bench/people.py                      # builds /tmp/people-bench.db afresh first
    python bench/people.py --db store.db --out bench/people-sample.md
    # a commit of its own: from a worktree of it, with PYTHONPATH=<worktree>/src and
    # --shared /work/shared
"""

from __future__ import annotations

import argparse
import itertools
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsledger.config import load_settings
from newsledger.pipeline import ingest
from newsledger.resolve.names import person_parts
from newsledger.store import open_store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = 20261201
BENCH_DB = "/tmp/people-bench.db"
SAMPLE = 50
SNIPPET = 110  # characters either side of a mention


@dataclass(frozen=True)
class Side:
    """One person as one article names them."""

    entity_id: int
    article_id: str
    title: str
    spellings: tuple[str, ...]
    snippet: str


def dev_sets(shared: Path) -> list[str]:
    """The 510 BBC stories (not their folder: its README.md is no article) and Wikinews."""
    dev = shared / "dev"
    bbc = sorted((dev / "bbc-business").glob("*.txt"))
    return [*map(str, bbc), str(dev / "wikinews" / "articles.jsonl")]


def build(db: str, shared: Path) -> None:
    settings = load_settings({}, db=db)
    with open_store(db) as store:
        ingest(dev_sets(shared), store, settings, progress=True)


def _rows(store: Any, sql: str, args: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    return store.db.rows(sql, args)  # type: ignore[no-any-return]


def sides(store: Any) -> dict[int, dict[str, Side]]:
    """entity id -> article id -> how that article names the person (original articles)."""
    mentions = _rows(
        store,
        'SELECT m.entity_id, m.article_id, m.start, m."end", m.text, a.title, a.text AS body '
        "FROM mentions m JOIN entities e ON e.id = m.entity_id "
        "JOIN articles a ON a.id = m.article_id "
        "WHERE e.type = 'person' AND a.duplicate_of IS NULL ORDER BY m.article_id, m.start",
    )
    out: dict[int, dict[str, Side]] = defaultdict(dict)
    for m in mentions:
        eid, aid = m["entity_id"], m["article_id"]
        known = out[eid].get(aid)
        if known is not None:
            if m["text"] not in known.spellings:
                out[eid][aid] = Side(
                    eid, aid, known.title, (*known.spellings, m["text"]), known.snippet
                )
            continue
        body: str = m["body"]
        start, end = m["start"], m["end"]
        # a headline mention (start = end = 0) shows the headline
        snippet = body[max(0, start - SNIPPET) : end + SNIPPET] if end > start else m["title"] or ""
        snippet = " ".join(snippet.split()).replace("|", "/")
        out[eid][aid] = Side(eid, aid, m["title"] or "", (m["text"],), snippet)
    return out


def people(store: Any) -> dict[int, dict[str, Any]]:
    rows = _rows(store, "SELECT id, name, key, role, org FROM entities WHERE type = 'person'")
    return {r["id"]: r for r in rows}


def merged_pairs(by_entity: dict[int, dict[str, Side]]) -> list[tuple[Side, Side]]:
    pairs = []
    for eid in sorted(by_entity):
        arts = sorted(by_entity[eid])
        pairs.extend(
            (by_entity[eid][a], by_entity[eid][b]) for a, b in itertools.combinations(arts, 2)
        )
    return pairs


def surname_pairs(
    persons: dict[int, dict[str, Any]], by_entity: dict[int, dict[str, Side]]
) -> list[tuple[int, int]]:
    by_key: dict[str, list[int]] = defaultdict(list)
    for eid, row in sorted(persons.items()):
        if eid in by_entity:
            by_key[row["key"]].append(eid)
    return [p for key in sorted(by_key) for p in itertools.combinations(by_key[key], 2)]


def _full_names(side: Side) -> set[tuple[str, ...]]:
    return {tuple(p) for n in side.spellings if len(p := person_parts(n)) > 1}


def _spelled_apart(a: Side, b: Side) -> bool:
    """Two sides of a merge that share no full name: the merge rests on more than a name."""
    fa, fb = _full_names(a), _full_names(b)
    return not (fa & fb)


def _describe(row: dict[str, Any]) -> str:
    return f"{row['name']} [{row['role'] or '-'} @ {row['org'] or '-'}]"


def _side(label: str, row: dict[str, Any], side: Side) -> list[str]:
    return [
        f"- {label} {_describe(row)} in `{side.article_id}` ({side.title[:70]}): "
        f"as {', '.join(side.spellings)}",
        f"  > …{side.snippet}…",
    ]


def report(db: str, out: Path) -> None:
    with open_store(db, readonly=True) as store:
        by_entity = sides(store)
        persons = people(store)
    rng = random.Random(SEED)
    merged = merged_pairs(by_entity)
    apart = surname_pairs(persons, by_entity)
    same_name = [
        (a, b)
        for a, b in apart
        if len(person_parts(persons[a]["name"])) > 1
        and person_parts(persons[a]["name"]) == person_parts(persons[b]["name"])
    ]
    lines = [
        "# People across articles: pairs to check by hand",
        "",
        f"Store `{db}`; seed {SEED}. People: {len(persons)}; with a mention in an original "
        f"article: {len(by_entity)}; in two or more articles: "
        f"{sum(len(v) > 1 for v in by_entity.values())}.",
        f"Merged pairs (two articles, one person): {len(merged)}; same-surname pairs kept "
        f"apart: {len(apart)}; of those with identical full names: {len(same_name)}.",
        "",
        "Mark each pair `same` or `different` after reading both snippets.",
        "",
        f"## {min(SAMPLE, len(merged))} merged pairs",
        "",
    ]
    for n, (a, b) in enumerate(rng.sample(merged, min(SAMPLE, len(merged))), 1):
        row = persons[a.entity_id]
        lines += [f"### M{n}: {row['name']} — mark:", *_side("A", row, a), *_side("B", row, b), ""]
    lines += [f"## {min(SAMPLE, len(apart))} same-surname pairs kept apart", ""]
    for n, (x, y) in enumerate(rng.sample(apart, min(SAMPLE, len(apart))), 1):
        sx, sy = next(iter(by_entity[x].values())), next(iter(by_entity[y].values()))
        lines += [f"### S{n}: {persons[x]['key']} — mark:", *_side("A", persons[x], sx)]
        lines += [*_side("B", persons[y], sy), ""]
    lines += ["## Every merged pair whose full names differ (variants, short forms)", ""]
    for n, (a, b) in enumerate(p for p in merged if _spelled_apart(*p)):
        row = persons[a.entity_id]
        lines += [f"### V{n + 1}: {row['name']} — mark:", *_side("A", row, a), *_side("B", row, b)]
        lines += [""]
    lines += ["## Every pair kept apart with identical full names", ""]
    for n, (x, y) in enumerate(same_name, 1):
        sx, sy = next(iter(by_entity[x].values())), next(iter(by_entity[y].values()))
        lines += [f"### N{n}: {persons[x]['name']} — mark:", *_side("A", persons[x], sx)]
        lines += [*_side("B", persons[y], sy), ""]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    varied = sum(_spelled_apart(*p) for p in merged)
    print(
        f"{len(merged)} merged pairs ({varied} without a shared full name), {len(apart)} apart, "
        f"{len(same_name)} same name apart"
    )
    print(f"wrote {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a store already built from the two sets")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "people-sample.md")
    parser.add_argument(
        "--shared", type=Path, default=SHARED, help="the folder holding dev/ (from a worktree)"
    )
    args = parser.parse_args()
    db = args.db
    if db is None:
        db = BENCH_DB
        for stale in (db, f"{db}-wal", f"{db}-shm"):  # built afresh: never an older run's
            Path(stale).unlink(missing_ok=True)
        build(db, args.shared)
    report(db, args.out)


if __name__ == "__main__":
    main()
