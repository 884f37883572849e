"""Invisible characters no longer silence extraction (issue 9, "clean text first").

spaCy reads the article cleaned by ``normalize.text.clean_for_parse``; every stored
offset still points into the text as given, and article ids do not change.
Texts written for this test.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from newsledger.config import load_settings
from newsledger.extract.parse_copy import parse_copy
from newsledger.ingest.identity import article_id, make_article
from newsledger.models import (
    Article,
    Entity,
    Event,
    Evidence,
    Extraction,
    LayoffArgs,
    Quote,
)
from newsledger.pipeline import Extractor, ingest
from newsledger.query import Query
from newsledger.store import open_store

CLEAN = "Acme Corp will cut 1,200 jobs, about 8% of its workforce."

LAYOFFS = {
    "zero-width space after the company": "Acme Corp\u200b will cut 1,200 jobs, about 8% of "
    "its workforce.",
    "zero-width space inside the company": "Ac\u200bme Corp will cut 1,200 jobs, about 8% of "
    "its workforce.",
    "soft hyphen in workforce": "Acme Corp will cut 1,200 jobs, about 8% of its work\u00adforce.",
    "both (the issue's example)": "Acme Corp\u200b will cut 1,200 jobs, about 8% of its "
    "work\u00adforce.",
    "no-break space as thousands separator": "Acme Corp will cut 1\u00a0200 jobs, about 8% of "
    "its workforce.",
    "fullwidth digits, comma and percent": "Acme Corp will cut \uff11\uff0c\uff12\uff10\uff10 "
    "jobs, about \uff18\uff05 of its workforce.",
    "bidi marks around the numbers": "Acme Corp will cut \u200e1,200\u200f jobs, about "
    "\u20668%\u2069 of its workforce.",
    "word joiner and BOM inside": "Acme\u2060 Corp will cut 1,200\ufeff jobs, about 8% of its "
    "workforce.",
}


def _layoffs(extraction: Extraction) -> list[Event]:
    return [e for e in extraction.events if e.type == "layoff"]


def _all_spans(extraction: Extraction) -> list[tuple[int, int, str]]:
    evidence = [v for e in extraction.events for v in e.evidence]
    evidence += [m for e in extraction.entities for m in e.mentions]
    evidence += [q.evidence for q in extraction.quotes]
    spans = [(v.start, v.end, v.text) for v in evidence]
    return spans + [(q.start, q.end, q.text) for q in extraction.quotes]


def _points_into(extraction: Extraction, text: str) -> None:
    assert extraction.article.text == text
    for start, end, said in _all_spans(extraction):
        assert text[start:end] == said, (start, end, said)


@pytest.mark.model
@pytest.mark.parametrize("text", list(LAYOFFS.values()), ids=list(LAYOFFS))
def test_same_layoff_as_the_clean_text(extractor: Extractor, text: str) -> None:
    clean = extractor.extract_text(CLEAN)
    dirty = extractor.extract_text(text)
    # ``raw`` is the figure as the parser read it: "1 200" for "1\u00a0200"
    assert [(e.company, replace(e.args, raw=None)) for e in _layoffs(dirty)] == [
        (e.company, replace(e.args, raw=None)) for e in _layoffs(clean)
    ]
    assert [e.name for e in dirty.entities] == [e.name for e in clean.entities]
    _points_into(dirty, text)
    # the evidence is the whole sentence as written, invisible characters and all
    assert _layoffs(dirty)[0].evidence[0].text == text


SHIFTED = (
    "Acme\u200b Corp\u00ad said on Monday that trading had been weak.\n\n"
    "The company will cut \u200e1,200\u200f jobs, about 8% of its work\u00adforce, "
    "chief executive Jane Doe\u200b said.\n\n"
    "\u201cWe have to re\u00adstructure the busi\u00adness,\u201d Doe said."
)


@pytest.mark.model
def test_offsets_after_dropped_characters_point_into_the_original(extractor: Extractor) -> None:
    clean = extractor.extract_text(parse_copy(make_article(SHIFTED)).article.text)
    dirty = extractor.extract_text(SHIFTED)
    _points_into(dirty, SHIFTED)
    (layoff,) = _layoffs(dirty)
    assert layoff.args.jobs == 1200
    assert layoff.evidence[0].start == _layoffs(clean)[0].evidence[0].start + 2
    assert "\u200e1,200\u200f" in layoff.evidence[0].text
    assert "work\u00adforce" in layoff.evidence[0].text
    (quote,) = dirty.quotes
    assert quote.speaker == clean.quotes[0].speaker == "Jane Doe"
    assert quote.text == "We have to re\u00adstructure the busi\u00adness,"


# --- the mapping point on its own, with facts written by hand (no model) --------

TEXT = "\ufeffAcme\u200b cut 1\u00a0200 jobs.\n\u201cHard re\u00adset,\u201d Doe said."


def _fact(start: int, end: int, text: str) -> Evidence:
    return Evidence("a1", start, end, text)


def test_restore_maps_every_offset_back() -> None:
    copy = parse_copy(Article(id="a1", text=TEXT))
    cleaned = copy.article.text
    assert cleaned == "Acme cut 1 200 jobs.\n\u201cHard reset,\u201d Doe said."
    sentence = _fact(0, 20, cleaned[0:20])
    quote_at = cleaned.index("Hard")
    found = Extraction(
        article=copy.article,
        entities=(Entity("e1", "company", "Acme", mentions=(_fact(0, 4, "Acme"),)),),
        events=(Event("layoff", "Acme", LayoffArgs(jobs=1200), (sentence,)),),
        quotes=(
            Quote("Hard reset,", quote_at, quote_at + 11, "Doe", _fact(21, 48, cleaned[21:48])),
        ),
    )
    restored = copy.restore(found)
    assert restored.article is copy.original
    _points_into(restored, TEXT)
    assert restored.entities[0].mentions[0].text == "Acme"
    assert restored.events[0].evidence[0].text == "Acme\u200b cut 1\u00a0200 jobs."
    assert restored.quotes[0].text == "Hard re\u00adset,"
    assert restored.entities[0].name == "Acme"


def test_clean_article_is_read_as_it_is() -> None:
    article = Article(id="a1", text=CLEAN)
    copy = parse_copy(article)
    assert copy.article is article
    found = Extraction(article=article)
    assert copy.restore(found) is not None and copy.restore(found).article is article


# --- ingest: ids are computed from the original text, as before ---------------

ARTICLE = (
    "Acme Corp\u200b will cut \u200e\uff11\uff0c\uff12\uff10\uff10\u200f jobs, about "
    "\uff18\uff05 of its work\u00adforce."
)
ID_BEFORE_ISSUE_9 = "99f272ade61035a5"  # article_id(ARTICLE) at 57102fc, before the cleaner


@pytest.mark.model
def test_ingesting_twice_keeps_the_id(tmp_path: Path) -> None:
    path = tmp_path / "acme.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "ledger.db")
    settings = load_settings({}, db=db, workers=1)
    with open_store(db) as store:
        first = ingest([str(path)], store, settings, published=date(2024, 5, 2), progress=False)
        again = ingest([str(path)], store, settings, published=date(2024, 5, 2), progress=False)
    assert (first.new, first.events, again.new, again.known) == (1, 1, 0, 1)
    assert first.new_ids == [article_id(ARTICLE)] == [ID_BEFORE_ISSUE_9]
    view = Query(open_store(db, readonly=True)).article(ID_BEFORE_ISSUE_9)
    assert view is not None
    assert view.text == ARTICLE
    (event,) = view.events
    assert event.fields["jobs"] == 1200
    for evidence in event.evidence:
        assert ARTICLE[evidence.start : evidence.end] == evidence.text
