"""A generated ledger of any size, written fast, for measuring the read side at scale.

No spaCy and no per-article resolution: rows go straight into the schema (the
columns ``store/write.py`` writes, with ``write.event_columns`` for an event's
arguments and ``write._key`` for entity keys), in bulk: ``executemany`` in one
transaction per chunk on SQLite, ``COPY`` on PostgreSQL. The store is opened (and
so migrated) by ``open_store`` first, so every index and stored aggregate of the
latest schema exists; the aggregates are computed once at the end, as the
migration that adds them does.

The shape is meant to look like years of business news:

- companies drawn from a Zipf-Mandelbrot law (weight ``1 / (rank + 30)``): with
  1,000,000 events the biggest has ~7,000 events and ~190 have over 1,000, the
  tail a few dozen each;
- articles of 1-15 events (mean 8), mostly about one company, some naming a
  second; one or two quotes; mentions of the company and the people quoted;
- about one event in six is another article's report of an event already
  stored (same company, type and figures, a few days later), so event groups
  hold several articles; one in ten has no date of its own (sorted by its
  article's date);
- money in four currencies (USD, EUR, GBP, JPY), never converted;
- text from a vocabulary of ~120 business words drawn by a Zipf law, so a
  search for a common word matches many articles and a rare one few.
"""

from __future__ import annotations

import random
import time
from bisect import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import accumulate
from typing import Any

from newsledger import models as m
from newsledger.models import Article, Entity, Event, EventArgs, Evidence, Extraction, Quote
from newsledger.query import Query
from newsledger.store import open_store
from newsledger.store.dialect import Db
from newsledger.store.write import _key, event_columns

PREFIXES = [
    "Acme",
    "Borealis",
    "Cobalt",
    "Delta",
    "Ember",
    "Fulcrum",
    "Granite",
    "Helix",
    "Ion",
    "Juniper",
    "Kestrel",
    "Lumen",
    "Meridian",
    "Nimbus",
    "Orion",
    "Pinnacle",
    "Quarry",
    "Radiant",
    "Summit",
    "Tundra",
    "Umbra",
    "Vertex",
    "Willow",
    "Xenon",
    "Yarrow",
    "Zephyr",
    "Apex",
    "Beacon",
    "Cedar",
    "Dune",
]
REGIONS = ["", "North ", "Pacific ", "Atlantic ", "Nordic ", "Asia ", "Global ", "United "]
SUFFIXES = [
    "Motors",
    "Bank",
    "Telecom",
    "Foods",
    "Energy",
    "Pharma",
    "Steel",
    "Airlines",
    "Retail",
    "Media",
    "Logistics",
    "Chemicals",
    "Insurance",
    "Mining",
    "Textiles",
    "Semiconductors",
]
FIRST = [
    "Ana",
    "Ben",
    "Chen",
    "Dara",
    "Emil",
    "Farah",
    "Goro",
    "Hana",
    "Ivan",
    "Jia",
    "Kofi",
    "Lena",
    "Mika",
    "Nora",
    "Omar",
    "Priya",
]
LAST = [
    "Abe",
    "Brandt",
    "Costa",
    "Dubois",
    "Eze",
    "Fischer",
    "Garcia",
    "Haas",
    "Ito",
    "Jensen",
    "Kim",
    "Lopez",
    "Mori",
    "Novak",
]
UNITS = ["plant", "division", "unit", "branch", "network", "team"]
LOSS = ("net_loss", "operating_loss", "impairment", "restructuring_charge", "writedown")
CURRENCIES = ("USD", "USD", "EUR", "GBP", "JPY")
# common words first: drawn with weight 1/rank, so "cuts" is in many articles, "tariff" few
VOCABULARY = [
    "cuts",
    "jobs",
    "loss",
    "profit",
    "plant",
    "restructuring",
    "charge",
    "outlook",
    "warning",
    "factory",
    "sales",
    "shares",
    "investors",
    "costs",
    "quarter",
    "revenue",
    "demand",
    "growth",
    "market",
    "workers",
    "union",
    "strike",
    "closure",
    "merger",
    "acquisition",
    "deal",
    "bid",
    "board",
    "chairman",
    "executive",
    "pension",
    "debt",
    "bonds",
    "rating",
    "downgrade",
    "upgrade",
    "dividend",
    "buyback",
    "guidance",
    "forecast",
    "margin",
    "inflation",
    "rates",
    "currency",
    "exports",
    "imports",
    "tariff",
    "regulator",
    "fine",
    "probe",
    "lawsuit",
    "settlement",
    "recall",
    "bankruptcy",
    "creditors",
    "lenders",
    "rescue",
    "bailout",
    "subsidy",
    "government",
    "minister",
    "election",
    "strategy",
    "expansion",
    "investment",
    "capacity",
    "automation",
    "software",
    "cloud",
    "battery",
    "electric",
    "hydrogen",
    "solar",
    "wind",
    "nuclear",
    "refinery",
    "pipeline",
    "shipping",
    "freight",
    "airline",
    "airport",
    "retailer",
    "stores",
    "online",
    "consumer",
    "brand",
    "advertising",
    "media",
    "streaming",
    "telecom",
    "network",
    "spectrum",
    "chips",
    "foundry",
    "supplier",
    "shortage",
    "inventory",
    "warehouse",
    "logistics",
    "drivers",
    "pilots",
    "nurses",
    "doctors",
    "hospital",
    "drug",
    "trial",
    "approval",
    "patent",
    "generic",
    "vaccine",
    "insurer",
    "claims",
    "premiums",
    "bank",
    "branch",
    "mortgage",
    "deposits",
    "fintech",
    "payments",
    "crypto",
    "fraud",
    "audit",
]
KINDS = (
    "layoff",
    "financial",
    "financial",
    "restructuring_plan",
    "strategy",
    "leadership",
    "divestiture",
    "layoff",
)
ZIPF_OFFSET = 30  # weight 1/(rank + 30): the head has thousands of events, not most of them
REPEAT_SHARE = 1 / 6  # events that are another article's report of a stored event
UNDATED_SHARE = 0.1
CHUNK = 2_000  # articles per transaction


@dataclass(frozen=True)
class Company:
    name: str
    people: tuple[str, ...]


def company_names(n: int) -> list[str]:
    """``n`` distinct company names (up to 3,840), in a fixed order."""
    names = [f"{r}{p} {s}" for p in PREFIXES for s in SUFFIXES for r in REGIONS]
    if n > len(names):
        raise ValueError(f"at most {len(names)} companies")
    random.Random(0).shuffle(names)
    return names[:n]


def companies(n: int, seed: int) -> list[Company]:
    """``n`` companies, most written about first, each with three people."""
    rng = random.Random(seed)
    return [
        Company(name, tuple(f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)))
        for name in company_names(n)
    ]


def default_companies(events: int) -> int:
    """One company per 300 events, between 50 and 3,000."""
    return max(50, min(3000, events // 300))


class Zipf:
    """Draw ranks 0..n-1 with weight ``1 / (rank + offset)``."""

    def __init__(self, n: int, offset: float) -> None:
        self.cum = list(accumulate(1 / (k + offset) for k in range(1, n + 1)))

    def draw(self, rng: random.Random) -> int:
        return min(bisect(self.cum, rng.random() * self.cum[-1]), len(self.cum) - 1)


def sentence_for(kind: str, co: Company, rng: random.Random) -> tuple[str, EventArgs]:
    """One sentence stating one event, and the event's arguments."""
    if kind == "layoff":
        jobs = rng.choice([40, 120, 350, 800, 1_500, 4_000, 12_000])
        unit = rng.choice(UNITS)
        status = "rumored" if rng.random() < 0.05 else "announced"
        args = m.LayoffArgs(jobs=jobs, unit=unit, status=status)
        return f"{co.name} will cut {jobs:,} jobs at its {unit}.", args
    if kind == "financial":
        fin = rng.choice(LOSS)
        millions = rng.randint(5, 9000)
        cur = rng.choice(CURRENCIES)
        amount = Decimal(millions) * 1_000_000
        usd = amount if cur == "USD" else None
        text = f"{co.name} reported a {fin.replace('_', ' ')} of {cur} {millions:,} million."
        return text, m.FinancialArgs(kind=fin, amount=amount, currency=cur, amount_usd=usd)
    if kind == "restructuring_plan":
        plan = f"{rng.choice(PREFIXES)} {rng.choice(['Forward', 'Renew', 'One'])}"
        return f"{co.name} launched the {plan} restructuring plan.", m.RestructuringArgs(name=plan)
    if kind == "strategy":
        market = rng.choice(["India", "Brazil", "Mexico", "Poland", "Vietnam"])
        return f"{co.name} will expand in {market}.", m.StrategyArgs(market=market, move="expand")
    if kind == "leadership":
        who = rng.choice(co.people)
        return (
            f"{co.name} appointed {who} as chief executive.",
            m.LeadershipArgs(person=who, role="CEO", change="appointed"),
        )
    asset = rng.choice(UNITS)
    return f"{co.name} agreed to sell its {asset} business.", m.DivestitureArgs(asset=asset)


# --- rows ------------------------------------------------------------------------

ARTICLE_COLS = ("id", "title", "published", "source", "url", "text", "ingested_at")
EVENT_COLS = (
    "id",
    "article_id",
    "group_id",
    "type",
    "company_entity_id",
    "company",
    "event_date",
    "sort_date",
    "jobs",
    "unit",
    "status",
    "kind",
    "amount",
    "amount_exact",
    "currency",
    "amount_usd",
    "amount_usd_exact",
    "name",
    "market",
    "move",
    "person",
    "person_entity_id",
    "role",
    "change",
    "asset",
    "details",
)
EVIDENCE_COLS = ("event_id", "article_id", "start", "end", "text", "is_primary")
GROUP_COLS = (
    "id",
    "type",
    "company_entity_id",
    "first_date",
    "last_date",
    "jobs",
    "amount",
    "amount_exact",
    "currency",
    "article_count",
)
QUOTE_COLS = (
    "article_id",
    "speaker_entity_id",
    "speaker",
    "speaker_role",
    "speaker_type",
    "org",
    "org_entity_id",
    "text",
    "start",
    "end",
    "sentence_start",
    "sentence_end",
    "direct",
)
MENTION_COLS = ("entity_id", "article_id", "start", "end", "text")


@dataclass
class Group:
    """One real-world event and the articles that report it (same figures each time)."""

    id: int
    type: str
    company_id: int
    first: date
    last: date
    cols: dict[str, Any]
    text: str
    articles: int = 0
    last_article: str = ""

    def row(self) -> tuple[Any, ...]:
        c = self.cols
        currency = c.get("currency") if c.get("amount") is not None else None
        return (
            self.id,
            self.type,
            self.company_id,
            self.first,
            self.last,
            c.get("jobs"),
            c.get("amount"),
            c.get("amount_exact"),
            currency,
            self.articles,
        )


@dataclass
class Chunk:
    """The rows of a run of articles, table by table, in insert order."""

    articles: list[tuple[Any, ...]] = field(default_factory=list)
    groups: dict[int, Group] = field(default_factory=dict)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    evidence: list[tuple[Any, ...]] = field(default_factory=list)
    quotes: list[tuple[Any, ...]] = field(default_factory=list)
    mentions: list[tuple[Any, ...]] = field(default_factory=list)


@dataclass
class Generator:
    """Articles ``gen0000000``... with ids for events and groups counted here."""

    cos: list[Company]
    seed: int
    company_ids: dict[str, int] = field(default_factory=dict)
    person_ids: dict[str, int] = field(default_factory=dict)
    next_event: int = 1
    next_group: int = 1

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.zipf = Zipf(len(self.cos), ZIPF_OFFSET)
        self.words = Zipf(len(VOCABULARY), 1)
        # (company, type) -> recent groups another article may report again
        self.recent: dict[tuple[int, str], list[Group]] = {}

    def entities(self) -> list[tuple[Any, ...]]:
        """(id, type, key, name, role, org) of every company and person, ids from 1."""
        rows: list[tuple[Any, ...]] = []
        for co in self.cos:
            self.company_ids[co.name] = len(rows) + 1
            rows.append((len(rows) + 1, "company", _key("company", co.name), co.name, None, None))
        for co in self.cos:
            for person in co.people:
                if f"{co.name}/{person}" not in self.person_ids:
                    self.person_ids[f"{co.name}/{person}"] = len(rows) + 1
                    key = _key("person", person)
                    rows.append((len(rows) + 1, "person", key, person, "CEO", co.name))
        return rows

    def word(self) -> str:
        return VOCABULARY[self.words.draw(self.rng)]

    def chunk(self, first: int, count: int, now: datetime, events: int) -> Chunk:
        """Up to ``count`` articles from number ``first``, stopping at ``events`` events."""
        out = Chunk()
        for i in range(first, first + count):
            if self.next_event > events:
                break
            self.article(i, out, now)
        return out

    def article(self, i: int, out: Chunk, now: datetime) -> None:
        rng = self.rng
        co = self.cos[self.zipf.draw(rng)]
        other = self.cos[self.zipf.draw(rng)]
        published = date(2005, 1, 1) + timedelta(days=rng.randrange(20 * 365))
        aid = f"gen{i:07d}"
        head = " ".join(self.word() for _ in range(6))
        parts = [f"{co.name}: {head}. "]
        out.mentions.append((self.company_ids[co.name], aid, 0, len(co.name), co.name))
        for _ in range(rng.randint(1, 15)):
            subject = other if rng.random() < 0.1 else co
            start = sum(len(p) for p in parts)
            text = self.event(aid, subject, published, start, out)
            parts.append(text + " " + " ".join(self.word() for _ in range(8)) + ". ")
        for _ in range(rng.choice((1, 1, 2))):
            parts.append(self.quote(aid, co, sum(len(p) for p in parts), out))
        title = f"{co.name} {self.word()} {self.word()}"
        url = f"https://news.example/{aid}"
        stored = now + timedelta(seconds=i)  # one article a second, in number order
        out.articles.append((aid, title, published, "Generated Wire", url, "".join(parts), stored))

    def event(self, aid: str, co: Company, published: date, start: int, out: Chunk) -> str:
        rng = self.rng
        kind = rng.choice(KINDS)
        cid = self.company_ids[co.name]
        day = published - timedelta(days=rng.randrange(3))
        recent = self.recent.setdefault((cid, kind), [])
        group = rng.choice(recent) if recent and rng.random() < REPEAT_SHARE else None
        if group is None or group.last_article == aid:  # one article's two reports: two events
            text, args = sentence_for(kind, co, rng)
            group = Group(self.next_group, kind, cid, day, day, event_columns(args), text)
            self.next_group += 1
            recent.append(group)
            del recent[:-5]
        group.first, group.last = min(group.first, day), max(group.last, day)
        if group.last_article != aid:
            group.articles += 1
            group.last_article = aid
        out.groups[group.id] = group
        dated = None if rng.random() < UNDATED_SHARE else day
        values = {
            "id": self.next_event,
            "article_id": aid,
            "group_id": group.id,
            "type": kind,
            "company_entity_id": cid,
            "company": co.name,
            "event_date": dated,
            "sort_date": dated or published,  # as write.event_values sets it
            **group.cols,
            "person_entity_id": self.person_ids.get(f"{co.name}/{group.cols.get('person')}"),
        }
        out.events.append(tuple(values.get(c) for c in EVENT_COLS))
        text = group.text
        out.evidence.append((self.next_event, aid, start, start + len(text), text, True))
        self.next_event += 1
        return text

    def quote(self, aid: str, co: Company, at: int, out: Chunk) -> str:
        rng = self.rng
        speaker = rng.choice(co.people)
        said = f"We are {self.word()} for the long run, {self.word()} included."
        start = at + 1
        pid = self.person_ids[f"{co.name}/{speaker}"]
        cid = self.company_ids[co.name]
        end = start + len(said)
        out.quotes.append(
            (
                aid,
                pid,
                speaker,
                "chief executive",
                "person",
                co.name,
                cid,
                said,
                start,
                end,
                start,
                end,
                True,
            )
        )
        at_speaker = end + 7
        out.mentions.append((pid, aid, at_speaker, at_speaker + len(speaker), speaker))
        return f'"{said}" said {speaker}. '


# --- writing -----------------------------------------------------------------------


def bulk(db: Db, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Insert many rows: ``executemany`` on SQLite, ``COPY`` on PostgreSQL."""
    names = ", ".join(f'"{c}"' for c in columns)
    if db.dialect.name == "postgres":
        with db.conn.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" for _ in columns)
    adapt = db.dialect.adapt
    db.conn.executemany(
        f"INSERT INTO {table} ({names}) VALUES ({marks})",
        ([adapt(v) for v in row] for row in rows),
    )


def known_columns(db: Db) -> set[str]:
    """The columns of ``events`` in this store."""
    cursor = db.conn.execute("SELECT * FROM events LIMIT 0")
    return {str(d[0]) for d in cursor.description}


def write_chunk(db: Db, chunk: Chunk, known_groups: set[int]) -> None:
    """One transaction: articles, new groups, events, evidence, quotes, mentions;
    groups a later article reported again are summarised again."""
    with db.transaction():
        bulk(db, "articles", ARTICLE_COLS, chunk.articles)
        new = {k: g for k, g in chunk.groups.items() if k not in known_groups}
        old = [g for k, g in chunk.groups.items() if k in known_groups]
        bulk(db, "event_groups", GROUP_COLS, (g.row() for g in new.values()))
        for g in old:
            db.execute(
                "UPDATE event_groups SET first_date = ?, last_date = ?, article_count = ? "
                "WHERE id = ?",
                (g.first, g.last, g.articles, g.id),
            )
        known_groups.update(new)
        if "sort_date" in known_columns(db):
            bulk(db, "events", EVENT_COLS, chunk.events)
        else:  # a store before migration 11 (to measure the code before it)
            keep = [i for i, c in enumerate(EVENT_COLS) if c != "sort_date"]
            rows = ([row[i] for i in keep] for row in chunk.events)
            bulk(db, "events", [EVENT_COLS[i] for i in keep], rows)
        bulk(db, "evidence", EVIDENCE_COLS, chunk.evidence)
        bulk(db, "quotes", QUOTE_COLS, chunk.quotes)
        bulk(db, "mentions", MENTION_COLS, chunk.mentions)


def _finish(db: Db) -> None:
    """Identity sequences past the ids given here; stored aggregates; statistics."""
    if db.dialect.name == "postgres":
        for table in ("entities", "event_groups", "events", "evidence", "quotes", "mentions"):
            db.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
            )
    db.execute("ANALYZE")


@dataclass(frozen=True)
class Built:
    articles: int
    events: int
    seconds: float
    # the stored timeline totals of every company (store migration 12), after the rows
    totals_seconds: float = 0.0


def build(target: str, events: int, seed: int, n_companies: int | None = None) -> Built:
    """Write a generated store of about ``events`` events at ``target`` (empty or new)."""
    cos = companies(n_companies or default_companies(events), seed)
    gen = Generator(cos, seed)
    now = datetime.now(UTC)
    t0 = time.perf_counter()
    with open_store(target) as store:
        db: Db = store.db  # type: ignore[attr-defined]
        if db.dialect.name == "sqlite":
            db.execute("PRAGMA synchronous = OFF")  # a bench store: a crash means rebuild
        with db.transaction():
            bulk(db, "entities", ("id", "type", "key", "name", "role", "org"), gen.entities())
            aliases = db.rows("SELECT id, name FROM entities")
            bulk(
                db,
                "entity_aliases",
                ("entity_id", "alias"),
                [(r["id"], r["name"]) for r in aliases],
            )
        known: set[int] = set()
        i = 0
        while gen.next_event <= events:
            chunk = gen.chunk(i, CHUNK, now, events)
            write_chunk(db, chunk, known)
            i += len(chunk.articles)
            done = gen.next_event - 1
            print(f"  {i} articles, {done} events, {time.perf_counter() - t0:.0f}s", flush=True)
        _finish(db)
        seconds = time.perf_counter() - t0
        t1 = time.perf_counter()
        Query(store).refresh_totals()
        totals = time.perf_counter() - t1
    return Built(i, gen.next_event - 1, seconds, totals)


# --- ingest through the store's own write path -------------------------------------


def extraction(aid: str, co: Company, rng: random.Random, events: int) -> Extraction:
    """An article as the extractor would hand it to the store (no spaCy): ``events``
    event sentences about ``co`` and one quote by one of its people."""
    published = date(2005, 1, 1) + timedelta(days=rng.randrange(20 * 365))
    parts: list[str] = [f"{co.name}: {rng.choice(VOCABULARY)} and {rng.choice(VOCABULARY)}. "]
    found: list[Event] = []
    for _ in range(events):
        kind = rng.choice(KINDS)
        text, args = sentence_for(kind, co, rng)
        start = sum(len(p) for p in parts)
        parts.append(text + " ")
        ev = Evidence(aid, start, start + len(text), text)
        day = published - timedelta(days=rng.randrange(3))
        found.append(Event(kind, co.name, args, (ev,), day))  # type: ignore[arg-type]
    speaker = rng.choice(co.people)
    said = f"We are {rng.choice(VOCABULARY)} for the long run."
    q_start = sum(len(p) for p in parts) + 1
    parts.append(f'"{said}" said {speaker}.')
    quote_ev = Evidence(aid, q_start, q_start + len(said), said)
    quote = Quote(said, q_start, q_start + len(said), speaker, quote_ev, "CEO", co.name, "person")
    entities = (
        Entity(f"{aid}-c", "company", co.name),
        Entity(f"{aid}-p", "person", speaker, role="CEO", org=co.name),
    )
    art = Article(aid, "".join(parts), f"{co.name}: {aid}", published, "Generated Wire")
    return Extraction(art, entities, tuple(found), (quote,))


@dataclass(frozen=True)
class Ingested:
    seconds: float  # saving the articles
    totals_seconds: float  # then the stored totals of the companies they touched


def time_ingest(target: str, articles: int, seed: int, n_companies: int) -> Ingested:
    """Seconds to store ``articles`` more articles of 8 events each through
    ``save_extraction`` (entity and event resolution, groups, search index), and to
    store the totals of the companies they touched at the end of the batch, as
    ``pipeline.ingest`` does."""
    cos = companies(n_companies, seed)
    rng = random.Random(seed + 1)
    zipf = Zipf(len(cos), ZIPF_OFFSET)
    batch = [extraction(f"ing{seed}-{i:06d}", cos[zipf.draw(rng)], rng, 8) for i in range(articles)]
    with open_store(target) as store:
        t0 = time.perf_counter()
        for item in batch:
            store.save_extraction(item)
        t1 = time.perf_counter()
        Query(store).refresh_totals()  # as pipeline.refresh_totals does
        return Ingested(t1 - t0, time.perf_counter() - t1)
