"""The two real seed articles ingested end to end: the facts that span articles
(../shared/seeds/expected.json, ``across_articles``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from newsledger.config import load_settings
from newsledger.pipeline import ingest
from newsledger.query import Query
from newsledger.store import open_store
from pg_server import fresh_pg_database, pg_base_url  # noqa: F401  (a fixture)

pytestmark = pytest.mark.model


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def query(
    request: pytest.FixtureRequest,
    seeds_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    extractor: object,
) -> Query:
    expected = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    else:
        db = fresh_pg_database(request.getfixturevalue("pg_base_url"))
    settings = load_settings({}, db=db, workers=1)
    with open_store(db) as store:
        for name, facts in expected["articles"].items():
            published = date.fromisoformat(facts["published"])
            summary = ingest(
                [str(seeds_dir / name)], store, settings, published=published, progress=False
            )
            assert summary.new == 1 and summary.failed == 0
    return Query(open_store(db, readonly=True))


@pytest.fixture(scope="module")
def across(seeds_dir: Path) -> dict[str, object]:
    data = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    return data["across_articles"]  # type: ignore[no-any-return]


def test_one_person_for_every_spelling(query: Query, across: dict[str, list[str]]) -> None:
    people = query.entities(type="person", limit=100).items
    holders = {
        spelling: [p.name for p in people if spelling == p.name or spelling in p.aliases]
        for spelling in across["same_person"]
    }
    assert all(len(names) == 1 for names in holders.values()), holders
    assert len({names[0] for names in holders.values()}) == 1, holders
    hirai = next(p for p in people if p.name == holders["Kazuo Hirai"][0])
    assert hirai.name == "Kazuo Hirai"
    assert hirai.org == "Sony"
    assert hirai.role == "chief executive"  # the ledger writes roles one way ("CEO" too)


def test_two_suzukis_are_not_merged_by_name_alone(query: Query) -> None:
    suzukis = [p for p in query.entities(type="person", q="Suzuki").items]
    assert [p.name for p in suzukis] == ["Kunimasa Suzuki"]


def test_sony_timeline(query: Query, across: dict[str, object]) -> None:
    timeline = query.timeline("Sony Corp.")
    assert timeline is not None
    layoffs = [e for e in timeline.events if e.type == "layoff"]
    expected = across["sony_timeline"]
    assert isinstance(expected, list)
    assert [e.fields["jobs"] for e in layoffs] == [x["jobs"] for x in expected]
    for event, want in zip(layoffs, expected, strict=True):
        assert event.date is not None
        # the month it was announced (the 2012 cuts were first reported "earlier this week")
        assert event.date.strftime("%Y-%m") == want["date"][:7]
    assert timeline.jobs_cut_total == across["sony_jobs_cut_total"]


def test_quotes_use_the_canonical_speaker(query: Query) -> None:
    speakers = {q.speaker for q in query.quotes(limit=100).items}
    assert {"Kazuo Hirai", "Kunimasa Suzuki"} <= speakers
    assert "Kazou Hirai" not in speakers
