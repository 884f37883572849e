"""The schema, as named migrations applied in order, each in its own transaction.

Plain tables with foreign keys, browsable as they are (Datasette on the SQLite
file shows articles, events with their evidence, quotes, entities).

Money: every amount column (``amount``, ``amount_high``, ``amount_usd``,
``amount_usd_stated``) is stored twice: ``amount`` as a number (REAL in SQLite,
NUMERIC in PostgreSQL) so the tables sort and sum when browsed, and
``amount_exact`` as the Decimal's exact text, which is what the code reads
back. SQLite has no decimal type and REAL would turn ``2.13`` into
``2.1299999999999999``; comparisons within 1% and totals are done on the exact
values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from newsledger.errors import SchemaError
from newsledger.store import identity, people_merge, revisions, totals, write
from newsledger.store.dialect import Db

_TABLES = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    published {date},
    source TEXT,
    url TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    fingerprint TEXT,
    duplicate_of TEXT REFERENCES articles(id),
    ingested_at {ts} NOT NULL
);
CREATE TABLE article_bands (
    band TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    PRIMARY KEY (band, article_id)
);
CREATE TABLE failures (
    id {pk},
    input TEXT NOT NULL,
    stage TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    at {ts} NOT NULL
);
CREATE TABLE entities (
    id {pk},
    type TEXT NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    org TEXT
);
CREATE TABLE entity_aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    alias TEXT NOT NULL,
    mentions INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (entity_id, alias)
);
CREATE TABLE mentions (
    id {pk},
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE event_groups (
    id {pk},
    type TEXT NOT NULL,
    company_entity_id INTEGER REFERENCES entities(id),
    first_date {date},
    last_date {date},
    jobs INTEGER,
    percent {float},
    amount {num},
    amount_exact TEXT,
    currency TEXT,
    article_count INTEGER NOT NULL DEFAULT 1,
    conflict TEXT
);
CREATE TABLE events (
    id {pk},
    article_id TEXT NOT NULL REFERENCES articles(id),
    group_id INTEGER REFERENCES event_groups(id),
    type TEXT NOT NULL,
    company_entity_id INTEGER REFERENCES entities(id),
    company TEXT,
    event_date {date},
    jobs INTEGER,
    jobs_high INTEGER,
    percent {float},
    unit TEXT,
    location TEXT,
    status TEXT,
    implied_size INTEGER,
    kind TEXT,
    subkind TEXT,
    amount {num},
    amount_exact TEXT,
    amount_high {num},
    amount_high_exact TEXT,
    currency TEXT,
    amount_usd {num},
    amount_usd_exact TEXT,
    amount_usd_stated {num},
    amount_usd_stated_exact TEXT,
    period TEXT,
    period_end {date},
    outlook {bool},
    record {bool},
    name TEXT,
    deadline {date},
    deadline_text TEXT,
    scope TEXT,
    area TEXT,
    market TEXT,
    move TEXT,
    person TEXT,
    person_entity_id INTEGER REFERENCES entities(id),
    role TEXT,
    change TEXT,
    old TEXT,
    new TEXT,
    asset TEXT,
    buyer TEXT,
    conflict TEXT,
    raw TEXT,
    details {json}
);
CREATE TABLE evidence (
    id {pk},
    event_id INTEGER NOT NULL REFERENCES events(id),
    article_id TEXT NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    is_primary {bool} NOT NULL
);
CREATE TABLE quotes (
    id {pk},
    article_id TEXT NOT NULL REFERENCES articles(id),
    speaker_entity_id INTEGER REFERENCES entities(id),
    speaker TEXT,
    speaker_role TEXT,
    speaker_type TEXT,
    org TEXT,
    org_entity_id INTEGER REFERENCES entities(id),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    direct {bool} NOT NULL
);
CREATE INDEX entities_type_key ON entities(type, key);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX events_company_type ON events(company_entity_id, type, event_date);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_group ON events(group_id);
CREATE INDEX evidence_event ON evidence(event_id);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);
CREATE INDEX quotes_org ON quotes(org_entity_id);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of)
"""

# SQLite: an FTS5 table that keeps its own copy of title and text. External
# content would save the copy but is keyed by rowid, which VACUUM may renumber
# on a table whose key is TEXT; articles are a few KB, the copy is cheap.
_SQLITE_SEARCH = """
CREATE VIRTUAL TABLE articles_fts USING fts5(
    article_id UNINDEXED, title, text, tokenize = 'porter unicode61'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (article_id, title, text)
    VALUES (new.id, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE article_id = old.id;
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    DELETE FROM articles_fts WHERE article_id = old.id;
    INSERT INTO articles_fts (article_id, title, text)
    VALUES (new.id, coalesce(new.title, ''), new.text);
END
"""

# PostgreSQL: a generated tsvector (title weighted above text) with a GIN index.
_POSTGRES_SEARCH = """
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', text), 'B')
) STORED;
CREATE INDEX articles_search ON articles USING GIN (search)
"""


def _statements(script: str) -> list[str]:
    """Split on ``;`` at line ends; trigger bodies keep their inner statements."""
    out: list[str] = []
    buf: list[str] = []
    depth = 0
    for line in script.strip().splitlines():
        buf.append(line)
        stripped = line.strip().upper()
        if stripped.endswith(" BEGIN"):
            depth += 1
        if stripped.startswith("END"):
            depth -= 1
        if depth == 0 and (line.rstrip().endswith(";") or stripped == "END"):
            out.append("\n".join(buf).rstrip().rstrip(";"))
            buf = []
    if buf:
        out.append("\n".join(buf))
    return [s for s in out if s.strip()]


def m001_initial_schema(db: Db) -> None:
    """Articles, failures, entities, mentions, events, evidence, groups, quotes, search."""
    for statement in _statements(_TABLES):
        db.execute(db.dialect.ddl(statement))
    search = _SQLITE_SEARCH if db.dialect.name == "sqlite" else _POSTGRES_SEARCH
    for statement in _statements(search):
        db.execute(statement)


def m002_alias_lookup(db: Db) -> None:
    """Find entities by any spelling (timeline and quote filters look up aliases)."""
    db.execute("CREATE INDEX entity_aliases_alias ON entity_aliases(lower(alias))")
    db.execute("CREATE INDEX entities_name ON entities(lower(name))")


def m003_event_person_index(db: Db) -> None:
    """Look up events by person too: an entity's counts (``company_entity_id = ?
    OR person_entity_id = ?``) scanned every event without it (31 ms -> 0.6 ms
    per company on 100,000 events; see bench/api.py)."""
    db.execute("CREATE INDEX events_person ON events(person_entity_id)")


def m004_clean_spellings(db: Db) -> None:
    """Entity spellings without the page's furniture ("| General Motors" is "General
    Motors", see ``normalize/data/name_junk.json``); an entity with no name left
    ("Ghosn | Nissan |") goes, and its events and quotes stay, unlinked."""
    write.clean_stored_spellings(db)


def m005_typed_organisations(db: Db) -> None:
    """Organisations typed by their names: company, government, regulator,
    central_bank, intl_body, union, media or university (``normalize/orgs.py``)."""
    write.retype_organisations(db)


def m006_people_across_articles(db: Db) -> None:
    """People as one entity across articles (``resolve/people.py``): the same full
    name is one person unless an organisation or a role says otherwise, spellings
    at one organisation meet ("Waggoner" is Wagoner at GM); roles are written one
    way ("as new chief executive" is "chief executive"); a "person" known only by
    acronyms ("GM") is an organisation."""
    people_merge.merge_stored_people(db)


# IF NOT EXISTS throughout: like every migration, this one may run again on a store
# whose bookkeeping was rolled back (the migration tests do so).
_FEED_STATE = """
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_polled {ts},
    last_new {ts},
    failures INTEGER NOT NULL DEFAULT 0,
    next_poll {ts},
    last_error TEXT
);
CREATE TABLE IF NOT EXISTS feed_items (
    feed_url TEXT NOT NULL REFERENCES feeds(url),
    item_key TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    article_id TEXT REFERENCES articles(id),
    seen_at {ts} NOT NULL,
    PRIMARY KEY (feed_url, item_key)
);
CREATE INDEX IF NOT EXISTS feed_items_article ON feed_items(article_id)
"""


def _has_column(db: Db, table: str, column: str) -> bool:
    return column in _columns(db, table)


def m007_feed_state(db: Db) -> None:
    """Watched feeds (``newsledger watch``): each feed's HTTP validators (ETag,
    Last-Modified), last poll, consecutive failures and next due time; the items
    taken in, by guid else link, with a hash of their content and the article each
    became; and ``articles.supersedes``, the earlier version an updated item replaces
    (the earlier article is kept)."""
    for statement in _statements(_FEED_STATE):
        db.execute(db.dialect.ddl(statement))
    if not _has_column(db, "articles", "supersedes"):
        db.execute("ALTER TABLE articles ADD COLUMN supersedes TEXT REFERENCES articles(id)")
    db.execute("CREATE INDEX IF NOT EXISTS articles_supersedes ON articles(supersedes)")


_COMPANY_IDENTITY = """
ALTER TABLE entities ADD COLUMN ticker TEXT;
ALTER TABLE entities ADD COLUMN isin TEXT;
ALTER TABLE entities ADD COLUMN listed_as TEXT;
ALTER TABLE entity_aliases ADD COLUMN key TEXT;
CREATE INDEX entity_aliases_key ON entity_aliases(key);
CREATE TABLE company_relations (
    id {pk},
    parent_entity_id INTEGER NOT NULL REFERENCES entities(id),
    child_entity_id INTEGER NOT NULL REFERENCES entities(id),
    rule TEXT NOT NULL,
    article_id TEXT REFERENCES articles(id),
    start INTEGER,
    "end" INTEGER,
    text TEXT
);
CREATE INDEX company_relations_parent ON company_relations(parent_entity_id);
CREATE INDEX company_relations_child ON company_relations(child_entity_id)
"""


def m009_company_identity(db: Db) -> None:
    """One company under its names and legal forms ("Bayer AG" is Bayer, "Ford Motor
    Company" is Ford, an article's "EU" is the European Union another spelled "EU"),
    stored ones merged; tickers and ISINs from the register; parents and their
    subsidiaries or brands as the articles state them (``store/identity.py``)."""
    for statement in _statements(_COMPANY_IDENTITY):
        db.execute(db.dialect.ddl(statement))
    identity.reresolve_companies(db)


# the rows that hold what an extractor found; an article's own version says which
# extractor its facts (even none) are from, so ``reextract`` can skip it
FACT_TABLES = ("articles", "events", "quotes", "mentions")


def m008_extractor_version(db: Db) -> None:
    """Each article and fact (event, quote, mention) records the extractor version
    that made it (``extract/version.py``); rows stored before are NULL, "older or
    unknown", and ``newsledger reextract`` brings them up to date."""
    for table in FACT_TABLES:
        if "extractor_version" not in _columns(db, table):  # replayed migrations add it once
            db.execute(f"ALTER TABLE {table} ADD COLUMN extractor_version TEXT")


def m010_forecast_revisions(db: Db) -> None:
    """A forecast names the earlier forecast it revises (``events.revises``): the same
    company, kind and period (end and length), published before it with another
    figure (``resolve/revisions.py``); the stored forecasts are linked at once."""
    if "revises" not in _columns(db, "events"):  # replayed migrations add it once
        db.execute("ALTER TABLE events ADD COLUMN revises INTEGER")
    db.execute("CREATE INDEX IF NOT EXISTS events_revises ON events(revises)")
    revisions.relink_all(db)


# An event's place in a listing: its own date, else its article's, else last. A
# stored column (not the expression over the join) so one index walks a company's
# events in order and a page after a cursor starts where the last one ended.
_EVENT_ORDER = """
CREATE INDEX IF NOT EXISTS events_sort ON events(sort_date, id);
CREATE INDEX IF NOT EXISTS events_company_sort ON events(company_entity_id, sort_date, id);
CREATE INDEX IF NOT EXISTS events_company_type_sort
    ON events(company_entity_id, type, sort_date, id);
CREATE INDEX IF NOT EXISTS articles_stored ON articles(ingested_at, id)
"""


def m011_event_order(db: Db) -> None:
    """``events.sort_date``, the date an event is listed by (its own, else its
    article's, else ``write.UNDATED``: last), filled in for stored events, and the
    indexes that list a company's events (of one type or all) in that order without
    sorting them: the events list pages by cursor (keyset) on ``(sort_date, id)``;
    and articles by the time they were stored, which a search walks back from to
    rank its newest matches (``read.RANK_WINDOW``).
    On 1,000,000 generated events see bench/RESULTS.md, "Issue 11, API at scale"."""
    if "sort_date" not in _columns(db, "events"):  # replayed migrations add it once
        db.execute(db.dialect.ddl("ALTER TABLE events ADD COLUMN sort_date {date}"))
    db.execute(
        "UPDATE events SET sort_date = coalesce(event_date, "
        "(SELECT a.published FROM articles a WHERE a.id = events.article_id), ?)",
        (write.UNDATED,),
    )
    for statement in _statements(_EVENT_ORDER):
        db.execute(statement)


def m012_timeline_totals(db: Db) -> None:
    """A company's timeline totals stored (``timeline_totals``: jobs cut and KPI
    figures as the API writes them, and the company record's counts), with a version
    that triggers on events, groups, evidence, entities, mentions, quotes and articles
    bump on every write touching the company, so a stored answer is used only while
    it is current (``store/totals.py``). Filled by the writer at the end of an ingest
    or re-extraction batch; read by the timeline.
    See bench/RESULTS.md, "Timeline, stored aggregate"."""
    # the triggers read ``events.revises``: migration 10 adds it, and may land after
    # this one (it adds the column only when missing, so either order ends the same)
    if "revises" not in _columns(db, "events"):
        db.execute("ALTER TABLE events ADD COLUMN revises INTEGER")
    db.execute("CREATE INDEX IF NOT EXISTS events_revises ON events(revises)")
    totals.create(db)


def _columns(db: Db, table: str) -> set[str]:
    if db.dialect.name == "sqlite":
        rows = db.rows("SELECT name FROM pragma_table_info(?)", (table,))
    else:
        rows = db.rows(
            "SELECT column_name AS name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ?",
            (table,),
        )
    return {r["name"] for r in rows}


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Db], None]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial_schema", m001_initial_schema),
    Migration(2, "alias_lookup", m002_alias_lookup),
    Migration(3, "event_person_index", m003_event_person_index),
    Migration(4, "clean_spellings", m004_clean_spellings),
    Migration(5, "typed_organisations", m005_typed_organisations),
    Migration(6, "people_across_articles", m006_people_across_articles),
    Migration(7, "feed_state", m007_feed_state),
    Migration(8, "extractor_version", m008_extractor_version),
    Migration(9, "company_identity", m009_company_identity),
    Migration(10, "forecast_revisions", m010_forecast_revisions),
    Migration(11, "event_order", m011_event_order),
    Migration(12, "timeline_totals", m012_timeline_totals),
)
LATEST = MIGRATIONS[-1].version

_BOOKKEEPING = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at {ts} NOT NULL
)"""


def current_version(db: Db) -> int:
    """The highest applied migration, 0 for an empty database."""
    if db.dialect.name == "sqlite":
        exists = db.scalar(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        )
    else:
        exists = db.scalar("SELECT to_regclass('schema_migrations') IS NOT NULL")
    if not exists:
        return 0
    return int(db.scalar("SELECT coalesce(max(version), 0) FROM schema_migrations"))


def applied_versions(db: Db) -> set[int]:
    """The migrations applied (none for an empty database)."""
    if current_version(db) == 0:
        return set()
    return {int(r["version"]) for r in db.rows("SELECT version FROM schema_migrations")}


def check_not_newer(db: Db, where: str) -> int:
    version = current_version(db)
    if version > LATEST:
        raise SchemaError(
            f"database schema is version {version}, this newsledger knows up to {LATEST}; "
            "upgrade newsledger",
            input=where,
        )
    return version


def migrate(db: Db, where: str) -> list[str]:
    """Apply every pending migration, each in its own transaction; names applied.

    A migration is pending when its number is not recorded, not when it is below
    the highest applied: numbers are handed out to work in progress, so one may
    land after a higher one was applied.
    """
    check_not_newer(db, where)
    db.execute(db.dialect.ddl(_BOOKKEEPING))
    applied: list[str] = []
    for migration in MIGRATIONS:
        with db.transaction():
            if db.dialect.name == "postgres":
                # two processes opening a fresh database: one migrates, the other waits
                db.execute("SELECT pg_advisory_xact_lock(727274)")
            if migration.version in applied_versions(db):
                continue
            migration.apply(db)
            db.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(UTC)),
            )
            applied.append(migration.name)
    return applied
