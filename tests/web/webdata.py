"""Hand-made extractions for the web tests (no spaCy).

The articles are written for these tests: two companies with job cuts and
losses, a central bank named in passing, a person with quotes, and one hostile
article whose title, text and quote carry markup, event handlers, a
``javascript:`` link and HTML entities.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal

from newsledger.models import (
    Article,
    Entity,
    Event,
    Evidence,
    Extraction,
    FinancialArgs,
    LayoffArgs,
    Quote,
    StrategyArgs,
)

TOKEN = "test-token-1234"

HOSTILE_TITLE = "<script>window.__xss=1</script>Quarterly <b>update</b>"
HOSTILE_TEXT = (
    "Vexco Holdings will cut 90 jobs at its depot. "
    '<img src=x onerror="window.__xss=1"> appeared in the feed. '
    '<a href="javascript:window.__xss=1">Read more</a> said the page. '
    "Margins &lt;b&gt;narrowed&lt;/b&gt; &amp; costs rose. "
    '"We <script>window.__xss=1</script> will recover," said Ivo Brandt.'
)


def _ev(article_id: str, text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(article_id, start, start + len(sentence), sentence)


def acme_cuts() -> Extraction:
    text = (
        "Acme Motors will cut 1,200 jobs at its Ohio plant. "
        "The carmaker reported a net loss of $450 million for the year. "
        '"This is a hard day for all of us," said Dana Reyes, the chief executive.'
    )
    aid = "acme0000cuts0001"
    said = "This is a hard day for all of us,"
    q0 = text.index(said)
    return Extraction(
        Article(aid, text, "Acme Motors to cut 1,200 jobs", date(2021, 3, 4), "Test Wire"),
        entities=(
            Entity("c1", "company", "Acme Motors", aliases=("Acme",)),
            Entity("p1", "person", "Dana Reyes", role="chief executive", org="Acme Motors"),
        ),
        events=(
            Event(
                "layoff",
                "Acme Motors",
                LayoffArgs(jobs=1200, unit="Ohio plant"),
                (_ev(aid, text, "Acme Motors will cut 1,200 jobs at its Ohio plant."),),
                date(2021, 3, 4),
            ),
            Event(
                "financial",
                "Acme Motors",
                FinancialArgs(
                    "net_loss",
                    Decimal(450_000_000),
                    currency="USD",
                    amount_usd=Decimal(450_000_000),
                ),
                (_ev(aid, text, "The carmaker reported a net loss of $450 million for the year."),),
                date(2021, 3, 4),
            ),
        ),
        quotes=(
            Quote(
                said,
                q0,
                q0 + len(said),
                "Dana Reyes",
                Evidence(aid, q0, q0 + len(said), said),
                speaker_role="chief executive",
                org="Acme Motors",
                speaker_type="person",
            ),
        ),
    )


def acme_again() -> Extraction:
    text = (
        "Acme Motors plans to cut another 300 jobs in Texas. "
        "Acme Motors will expand in Brazil next year. "
        "The Bank of England left rates alone."
    )
    aid = "acme0000cuts0002"
    boe = text.index("Bank of England")
    return Extraction(
        Article(aid, text, "Acme trims again", date(2022, 6, 1), "Other Wire"),
        entities=(
            Entity("c1", "company", "Acme Motors"),
            # extraction calls every organisation a company; the store types it
            Entity(
                "c4",
                "company",
                "Bank of England",
                mentions=(Evidence(aid, boe, boe + 15, "Bank of England"),),
            ),
        ),
        events=(
            Event(
                "layoff",
                "Acme Motors",
                LayoffArgs(jobs=300, location="Texas", status="planned"),
                (_ev(aid, text, "Acme Motors plans to cut another 300 jobs in Texas."),),
                date(2022, 6, 1),
            ),
            Event(
                "strategy",
                "Acme Motors",
                StrategyArgs(market="Brazil", move="expand"),
                (_ev(aid, text, "Acme Motors will expand in Brazil next year."),),
                date(2022, 6, 1),
            ),
        ),
    )


def globex() -> Extraction:
    text = "Globex Bank took an impairment charge of $80 million on its loans."
    aid = "globex0000000001"
    return Extraction(
        Article(aid, text, "Globex writes down loans", date(2020, 11, 20), "Test Wire"),
        entities=(Entity("c2", "company", "Globex Bank"),),
        events=(
            Event(
                "financial",
                "Globex Bank",
                FinancialArgs(
                    "impairment",
                    Decimal(80_000_000),
                    currency="USD",
                    amount_usd=Decimal(80_000_000),
                ),
                (_ev(aid, text, text),),
                date(2020, 11, 20),
            ),
        ),
    )


def hostile() -> Extraction:
    aid = "vexco00000000001"
    said = "We <script>window.__xss=1</script> will recover,"
    q0 = HOSTILE_TEXT.index(said)
    sentence = "Vexco Holdings will cut 90 jobs at its depot."
    return Extraction(
        Article(aid, HOSTILE_TEXT, HOSTILE_TITLE, date(2023, 1, 9), "<i>Feed</i>"),
        entities=(
            Entity("c3", "company", "Vexco Holdings"),
            Entity("p3", "person", "Ivo Brandt", org="Vexco Holdings"),
        ),
        events=(
            Event(
                "layoff",
                "Vexco Holdings",
                LayoffArgs(jobs=90, unit="depot"),
                (_ev(aid, HOSTILE_TEXT, sentence),),
                date(2023, 1, 9),
            ),
        ),
        quotes=(
            Quote(
                said,
                q0,
                q0 + len(said),
                "Ivo Brandt",
                Evidence(aid, q0, q0 + len(said), said),
                org="Vexco Holdings",
                speaker_type="person",
            ),
        ),
    )


EXTRACTIONS = (acme_cuts, acme_again, globex, hostile)


def fill(target: str, makers: Iterable[Callable[[], Extraction]] = EXTRACTIONS) -> None:
    """Save each maker's extraction into the store at ``target`` (a path or a URL)."""
    from newsledger.store import open_store

    with open_store(target) as store:
        for make in makers:
            assert store.save_extraction(make())
