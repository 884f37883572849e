"""Figures that add up, over a real store (SQLite and PostgreSQL): the latest figure per
kind and period, forecast revision chains (``revises``), prior-period figures in their
own period, breakdowns counted once, and the dollar figure with its rate's date."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from ledger_builders import entity, event
from newsledger.ingest.identity import make_article
from newsledger.models import Extraction, FinancialArgs, LayoffArgs
from newsledger.query import Query
from newsledger.query.format import revision_chain, sentence
from newsledger.store import open_store
from newsledger.store import schema as schema_module
from newsledger.store.schema import MIGRATIONS

D = Decimal
FY15 = {"period_end": date(2015, 3, 31), "period_months": 12}
FY14 = {"period_end": date(2014, 3, 31), "period_months": 12}


def report(
    text: str, published: date, facts: list[tuple[str, object, str, date | None]]
) -> Extraction:
    """One article of Kappa's: each fact is (type, args, phrase, event date)."""
    a = make_article(text, published=published, source="Wire", title=text[:30])
    events = tuple(event(a, t, "Kappa", args, phrase, when) for t, args, phrase, when in facts)  # type: ignore[arg-type]
    return Extraction(a, entities=(entity(a, "company", "Kappa"),), events=events)


def forecast(amount: int, currency: str = "JPY", **kw: object) -> FinancialArgs:
    usd = {"amount_usd": D(amount) / 100} if currency != "USD" else {}
    return FinancialArgs(
        kind="net_loss", amount=D(amount), currency=currency, outlook=True, **FY15, **usd, **kw
    )  # type: ignore[arg-type]


JULY = report(
    "Kappa expects a net loss of 50 billion yen for the year to March 2015. "
    "Kappa lost 120 billion yen in the year to March 2014.",
    date(2014, 7, 31),
    [
        ("financial", forecast(50_000_000_000), "net loss of 50 billion yen", None),
        (
            "financial",
            FinancialArgs(kind="net_loss", amount=D(120e9), currency="JPY", **FY14),  # type: ignore[arg-type]
            "lost 120 billion yen",
            None,
        ),
    ],
)
SEPTEMBER = report(
    "Kappa now expects a net loss of 230 billion yen for the year to March 2015. "
    "In July it had forecast a loss of 50 billion yen. "
    "A year earlier it lost 128 billion yen. "
    "Kappa will cut 1,000 jobs, about 80 of them in Canada.",
    date(2014, 9, 17),
    [
        ("financial", forecast(230_000_000_000), "net loss of 230 billion yen", None),
        ("financial", forecast(50_000_000_000), "a loss of 50 billion yen", date(2014, 7, 1)),
        (
            "financial",
            FinancialArgs(kind="net_loss", amount=D(128e9), currency="JPY", **FY14),  # type: ignore[arg-type]
            "it lost 128 billion yen",
            None,
        ),
        ("layoff", LayoffArgs(jobs=1000), "Kappa will cut 1,000 jobs", date(2014, 9, 17)),
        (
            "layoff",
            LayoffArgs(jobs=80, location="Canada", part_of="the 1,000 cut"),
            "about 80 of them in Canada",
            date(2014, 9, 17),
        ),
    ],
)
OCTOBER = report(
    "Kappa sees a loss of $2.1 billion this year. Its revenue was 9 billion euros.",
    date(2014, 10, 20),
    [
        ("financial", forecast(2_100_000_000, "USD"), "a loss of $2.1 billion", None),
        (
            "financial",
            FinancialArgs(kind="revenue", amount=D(9e9), currency="EUR", **FY14),  # type: ignore[arg-type]
            "revenue was 9 billion euros",
            None,
        ),
    ],
)


@pytest.fixture
def q(store_target: str) -> Iterator[Query]:
    with open_store(store_target) as store:
        for extraction in (SEPTEMBER, OCTOBER, JULY):  # not in publication order
            store.save_extraction(extraction)
    with Query.open(store_target) as query:
        yield query


def _by_phrase(q: Query) -> dict[str, int]:
    timeline = q.timeline("Kappa")
    assert timeline is not None
    return {e.evidence[0].text: e.id for e in timeline.events}


def test_forecasts_form_a_revision_chain(q: Query) -> None:
    ids = _by_phrase(q)
    timeline = q.timeline("Kappa")
    assert timeline is not None
    revises = {e.evidence[0].text: e.fields.get("revises") for e in timeline.events}
    assert revises["net loss of 50 billion yen"] is None  # the first of its chain
    assert revises["a loss of 50 billion yen"] is None  # the same July forecast, retold
    assert revises["net loss of 230 billion yen"] == ids["net loss of 50 billion yen"]
    # October's $2.1bn against ¥230bn's $2.3bn: another figure, so a revision of it
    assert revises["a loss of $2.1 billion"] == ids["net loss of 230 billion yen"]


@pytest.mark.parametrize(
    ("kind", "outlook", "end", "amount", "currency", "revised", "older"),
    [
        pytest.param("net_loss", False, "2014-03-31", 128e9, "JPY", 0, 1, id="latest-report-wins"),
        pytest.param("revenue", False, "2014-03-31", 9e9, "EUR", 0, 0, id="other-kind-apart"),
        pytest.param("net_loss", True, "2015-03-31", 2.1e9, "USD", 2, 3, id="forecast-chain-head"),
    ],
)
def test_one_figure_per_kind_and_period(
    q: Query,
    kind: str,
    outlook: bool,
    end: str,
    amount: float,
    currency: str,
    revised: int,
    older: int,
) -> None:
    timeline = q.timeline("Kappa")
    assert timeline is not None
    keys = [(f.kind, f.outlook, f.period_end) for f in timeline.figures]
    assert len(keys) == len(set(keys)) == 3  # nothing added, nothing twice
    (fig,) = [f for f in timeline.figures if (f.kind, f.outlook) == (kind, outlook)]
    assert fig.period_end == date.fromisoformat(end)
    assert (fig.event.fields["amount"], fig.event.fields["currency"]) == (amount, currency)
    assert (len(fig.revised), fig.older_reports) == (revised, older)


def test_the_chain_reads_oldest_first(q: Query) -> None:
    timeline = q.timeline("Kappa")
    assert timeline is not None
    (head,) = [f for f in timeline.figures if f.outlook]
    assert (
        revision_chain(head)
        == "¥50bn (July 2014) → ¥230bn (September 2014) → $2.1bn (October 2014)"
    )
    assert sentence(head.event) == (
        "Net loss forecast $2.1bn for the year to March 2015, revised from ¥230bn"
    )


def test_a_prior_period_figure_keeps_its_own_period(q: Query) -> None:
    timeline = q.timeline("Kappa")
    assert timeline is not None
    (prior,) = [f for f in timeline.figures if f.kind == "net_loss" and not f.outlook]
    assert prior.period_end == date(2014, 3, 31)  # not the September article's date
    assert prior.older_reports == 1  # July's ¥120bn, replaced
    assert "for the year to March 2014" in sentence(prior.event)


def test_a_breakdown_is_never_counted_twice(q: Query) -> None:
    timeline = q.timeline("Kappa")
    assert timeline is not None
    assert timeline.jobs_cut_total == 1000


def test_converted_dollars_carry_the_rate_date(q: Query) -> None:
    timeline = q.timeline("Kappa")
    assert timeline is not None
    (july,) = [e for e in timeline.events if e.evidence[0].text == "net loss of 50 billion yen"]
    assert july.fields["usd_rate_date"] == "2014-07-31"
    assert july.fields["usd_rate_stale"] is False
    assert "(≈ $500m at the ECB rate of 31 Jul 2014)" in sentence(july)


def test_timeline_json_keeps_figures_apart(q: Query) -> None:
    timeline = q.timeline("Kappa")
    assert timeline is not None
    body = timeline.to_dict()
    assert "money_by_kind" not in body
    assert body["figures"][0]["event"]["summary"].startswith("Net loss ¥128bn")


def test_migration_10_links_forecasts_already_stored(
    store_target: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as m:
        older = tuple(x for x in MIGRATIONS if x.version != 10)
        m.setattr(schema_module, "MIGRATIONS", older)
        m.setattr(schema_module, "LATEST", 9)
        with open_store(store_target) as old:
            db = old.db  # type: ignore[attr-defined]
            db.execute("INSERT INTO entities (type, key, name) VALUES ('company', 'k', 'Kappa')")
            kappa = db.scalar("SELECT id FROM entities")
            for n, (day, amount) in enumerate([("2014-07-31", "5E10"), ("2014-09-17", "2.3E11")]):
                db.execute(
                    "INSERT INTO articles (id, text, published, ingested_at) VALUES (?, ?, ?, ?)",
                    (f"a{n}", f"text {n}", day, datetime.now(UTC)),
                )
                db.execute(
                    "INSERT INTO events (article_id, type, company_entity_id, kind, amount, "
                    "amount_exact, currency, outlook, period_end, details) "
                    "VALUES (?, 'financial', ?, 'net_loss', ?, ?, 'JPY', ?, '2015-03-31', ?)",
                    (f"a{n}", kappa, float(amount), amount, True, '{"period_months": 12}'),
                )
    with open_store(store_target) as store:
        db = store.db  # type: ignore[attr-defined]
        rows = db.rows("SELECT id, revises FROM events ORDER BY id")
        assert [r["revises"] for r in rows] == [None, rows[0]["id"]]


def test_links_follow_a_reextracted_article(store_target: str) -> None:
    """July's article read again without its forecast: ¥230bn now revises the ¥50bn the
    September article retells, and no link points at a forecast that is gone."""
    with open_store(store_target) as store:
        store.save_extraction(JULY)
        store.save_extraction(SEPTEMBER)
        db = store.db  # type: ignore[attr-defined]
        ids = {
            r["text"]: int(r["event_id"]) for r in db.rows("SELECT event_id, text FROM evidence")
        }
        revises = "SELECT revises FROM events WHERE id = ?"
        raised = ids["net loss of 230 billion yen"]
        assert db.scalar(revises, (raised,)) == ids["net loss of 50 billion yen"]
        results_only = tuple(e for e in JULY.events if not getattr(e.args, "outlook", False))
        store.replace_extraction(dataclasses.replace(JULY, events=results_only))
        assert db.scalar(revises, (raised,)) == ids["a loss of 50 billion yen"]
        linked = {r["revises"] for r in db.rows("SELECT revises FROM events")} - {None}
        alive = {r["id"] for r in db.rows("SELECT id FROM events")}
        assert linked <= alive


@pytest.mark.parametrize(
    ("cuts", "total"),
    [
        pytest.param([12000, 12000], 12000, id="same-cut-twice-undated"),
        pytest.param([12000, 3000], 15000, id="two-cuts-undated"),
    ],
)
def test_undated_reports_of_one_cut_count_once(
    store_target: str, cuts: list[int], total: int
) -> None:
    """Undated articles are never grouped (grouping needs dates): the same company's
    undated reports of the same figure are one cut, since nothing tells them apart."""
    with open_store(store_target) as store:
        for n, jobs in enumerate(cuts):
            text = f"Kappa is cutting {jobs:,} jobs in Europe, report {n}."
            phrase = f"Kappa is cutting {jobs:,} jobs"
            store.save_extraction(
                report(text, None, [("layoff", LayoffArgs(jobs=jobs), phrase, None)])
            )  # type: ignore[arg-type]
    with Query.open(store_target) as q:
        timeline = q.timeline("Kappa")
        assert timeline is not None and timeline.jobs_cut_total == total
