"""Hand-built extractions for store and query tests (no spaCy).

The sentences are written for these tests; evidence offsets are found in them.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from newsledger.ingest.identity import make_article
from newsledger.models import (
    Article,
    DivestitureArgs,
    Entity,
    Event,
    EventArgs,
    Evidence,
    Extraction,
    FinancialArgs,
    LayoffArgs,
    LeadershipArgs,
    Quote,
    RenameArgs,
    RestructuringArgs,
    StrategyArgs,
)


def ev(article: Article, phrase: str) -> Evidence:
    start = article.text.index(phrase)
    return Evidence(article.id, start, start + len(phrase), phrase)


def event(
    article: Article,
    type: str,
    company: str | None,
    args: EventArgs,
    phrase: str,
    when: date | None,
) -> Event:
    return Event(type, company, args, (ev(article, phrase),), when)  # type: ignore[arg-type]


def entity(article: Article, kind: str, name: str, *spellings: str, **kw: str) -> Entity:
    mentions = tuple(ev(article, s) for s in (name, *spellings) if s in article.text)
    return Entity(f"{kind}:{name}", kind, name, tuple(spellings), mentions=mentions, **kw)  # type: ignore[arg-type]


def quote(article: Article, words: str, speaker: str, **kw: str) -> Quote:
    start = article.text.index(words)
    sentence = article.text[max(0, start - 1) :]
    sentence_start = article.text.index(sentence)
    return Quote(
        words,
        start,
        start + len(words),
        speaker,
        Evidence(article.id, sentence_start, len(article.text), sentence),
        **kw,  # type: ignore[arg-type]
    )


SONY_2012 = (
    "Sony said on Thursday it would shed 10,000 jobs worldwide as chief executive Kaz Hirai "
    "tries to stem years of losses at the electronics maker. "
    '"This is a painful decision," said Kaz Hirai, who took over this month.'
)
SONY_2014 = (
    "Sony Corp. will cut about 1,000 jobs in its mobile division, roughly 15% of that unit, "
    "and now expects a net loss of $2.13 billion for the fiscal year. "
    "Kazuo Hirai, Sony's chief executive, will stay on. "
    '"We will focus on the high end," Kazuo Hirai said. '
    "The company also sold its Vaio laptop unit to Japan Industrial Partners, "
    "renamed its tablet arm Xperia Labs, and set out a plan called One Sony, costing "
    "$500 million by March 2015, with a push into premium phones in Europe."
)


def sony_2012() -> Extraction:
    a = make_article(
        SONY_2012,
        title="Sony to shed 10,000 jobs",
        published=date(2012, 4, 12),
        source="Newswire A",
    )
    return Extraction(
        a,
        entities=(
            entity(a, "company", "Sony"),
            entity(a, "person", "Kaz Hirai", role="chief executive", org="Sony"),
        ),
        events=(
            event(
                a,
                "layoff",
                "Sony",
                LayoffArgs(jobs=10000, location="worldwide"),
                "it would shed 10,000 jobs worldwide",
                date(2012, 4, 12),
            ),
        ),
        quotes=(quote(a, "This is a painful decision,", "Kaz Hirai", org="Sony"),),
    )


def sony_2014() -> Extraction:
    a = make_article(
        SONY_2014, title="Sony cuts mobile jobs", published=date(2014, 9, 18), source="Newswire B"
    )
    ev_all = ev(a, "Sony Corp. will cut about 1,000 jobs")
    return Extraction(
        a,
        entities=(
            entity(a, "company", "Sony", "Sony Corp."),
            entity(a, "person", "Kazuo Hirai", role="CEO"),
        ),
        events=(
            Event(
                "layoff",
                "Sony",
                LayoffArgs(
                    jobs=1000,
                    percent=15.0,
                    unit="mobile division",
                    implied_size=6667,
                    raw="about 1,000",
                ),
                (ev_all, ev(a, "roughly 15% of that unit")),
                date(2014, 9, 17),
            ),
            event(
                a,
                "financial",
                "Sony",
                FinancialArgs(
                    kind="net_loss",
                    amount=Decimal("2130000000"),
                    currency="USD",
                    period="fiscal year",
                    outlook=True,
                ),
                "expects a net loss of $2.13 billion",
                date(2014, 9, 17),
            ),
            event(
                a,
                "leadership",
                "Sony",
                LeadershipArgs(person="Kazuo Hirai", role="CEO"),
                "Kazuo Hirai, Sony's chief executive, will stay on",
                date(2014, 9, 17),
            ),
            event(
                a,
                "strategy",
                "Sony",
                StrategyArgs(focus=("high end",), market="Europe", move="expand"),
                "a push into premium phones in Europe",
                date(2014, 9, 17),
            ),
            event(
                a,
                "divestiture",
                "Sony",
                DivestitureArgs(asset="Vaio laptop unit", buyer="Japan Industrial Partners"),
                "sold its Vaio laptop unit",
                date(2014, 9, 17),
            ),
            event(
                a,
                "rename",
                "Sony",
                RenameArgs(old="tablet arm", new="Xperia Labs"),
                "renamed its tablet arm Xperia Labs",
                date(2014, 9, 17),
            ),
            event(
                a,
                "restructuring_plan",
                "Sony",
                RestructuringArgs(
                    name="One Sony",
                    amount=Decimal("500000000"),
                    currency="USD",
                    deadline=date(2015, 3, 31),
                    deadline_text="by March 2015",
                ),
                "a plan called One Sony",
                date(2014, 9, 17),
            ),
        ),
        quotes=(
            quote(
                a, "We will focus on the high end,", "Kazuo Hirai", org="Sony", speaker_role="CEO"
            ),
        ),
    )


def layoff_report(
    text: str,
    company: str,
    jobs: int | None,
    when: date,
    source: str,
    percent: float | None = None,
    person: tuple[str, str | None, str | None] | None = None,
) -> Extraction:
    """A one-event article: ``company`` cuts ``jobs``; ``person`` is (name, role, org)."""
    a = make_article(text, published=when, source=source, title=text[:40])
    entities = [entity(a, "company", company)]
    if person:
        name, role, org = person
        entities.append(
            Entity(f"person:{name}", "person", name, role=role, org=org, mentions=(ev(a, name),))
        )
    return Extraction(
        a,
        entities=tuple(entities),
        events=(
            event(
                a,
                "layoff",
                company,
                LayoffArgs(jobs=jobs, percent=percent),
                text.split(".")[0],
                when,
            ),
        ),
    )


ALPHABET = "Alphabet's Google will cut 100 jobs. Alphabet itself will cut 20 jobs."


def alphabet_google() -> Extraction:
    """Alphabet and its Google, each cutting jobs; the text says who owns whom."""
    a = make_article(ALPHABET, published=date(2016, 5, 2), source="Wire", title="Google cuts")
    return Extraction(
        a,
        entities=(entity(a, "company", "Alphabet"), entity(a, "company", "Google")),
        events=(
            event(a, "layoff", "Google", LayoffArgs(jobs=100), "Google will cut 100 jobs", None),
            event(a, "layoff", "Alphabet", LayoffArgs(jobs=20), "itself will cut 20 jobs", None),
        ),
    )


def undated_layoff(text: str, company: str, jobs: int, source: str) -> Extraction:
    """A one-event article with no publication date, whose text dates nothing either."""
    dated = layoff_report(text, company, jobs, date(2000, 1, 1), source)
    article = dataclasses.replace(dated.article, published=None)
    events = tuple(dataclasses.replace(e, event_date=None) for e in dated.events)
    return dataclasses.replace(dated, article=article, events=events)
