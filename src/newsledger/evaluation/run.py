"""The harness: run newsledger (and the baselines) over a gold set and score them.

>>> from newsledger.pipeline import Extractor                  # doctest: +SKIP
>>> result = evaluate(load_gold("eval/team.gold.jsonl"), Extractor())  # doctest: +SKIP
>>> result.system("newsledger").scores.facts["layoffs"].f1     # doctest: +SKIP
0.8
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from newsledger.evaluation import baselines
from newsledger.evaluation.gold import GoldArticle, GoldSet
from newsledger.evaluation.match import ArticleScore, Scores, predictions, score_article, total
from newsledger.ingest.identity import make_article
from newsledger.models import Article, Extraction

NEWSLEDGER = "newsledger"


class ExtractorLike(Protocol):
    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]: ...


@dataclass(frozen=True)
class SystemResult:
    """One system's scores on one set; ``seconds`` is its extraction time."""

    system: str
    scores: Scores
    articles: tuple[ArticleScore, ...]
    seconds: float
    words: int

    @property
    def articles_per_second(self) -> float | None:
        return len(self.articles) / self.seconds if self.seconds > 0 else None


@dataclass(frozen=True)
class SetResult:
    name: str
    systems: tuple[SystemResult, ...]
    notes: tuple[str, ...] = ()

    def system(self, name: str) -> SystemResult:
        for result in self.systems:
            if result.system == name:
                return result
        raise KeyError(name)


def to_article(gold: GoldArticle) -> Article:
    return make_article(
        gold.text,
        title=gold.title,
        published=gold.published,
        source=gold.source,
        origin=gold.where,
    )


def _scored(
    name: str,
    gold: Sequence[GoldArticle],
    contracts: Iterable[dict[str, Any]],
    kinds: tuple[str, ...] | None = None,
) -> SystemResult:
    """Score a system's contracts; ``kinds`` limits a baseline to the facts it addresses."""
    start = time.perf_counter()
    scores = []
    for article, contract in zip(gold, contracts, strict=True):
        if kinds is not None:
            article = replace(article, scored=tuple(k for k in article.scored if k in kinds))
        scores.append(score_article(article, predictions(contract)))
    seconds = time.perf_counter() - start
    words = sum(len(a.text.split()) for a in gold)
    return SystemResult(name, total(scores), tuple(scores), seconds, words)


def _newsledger(extractor: ExtractorLike, gold: Sequence[GoldArticle]) -> Iterator[dict[str, Any]]:
    for extraction in extractor.extract_many(to_article(a) for a in gold):
        yield extraction.contract()


def _textacy(nlp: Any, gold: Sequence[GoldArticle]) -> Iterator[dict[str, Any]]:
    # the base parse only: newsledger's own components would only slow the rival down
    ours = [name for name in nlp.pipe_names if name.startswith("newsledger")]
    with nlp.select_pipes(disable=ours):
        yield from baselines.textacy_quotes(nlp.pipe(a.text for a in gold))


def evaluate(gold: GoldSet, extractor: ExtractorLike, *, with_baselines: bool = True) -> SetResult:
    """Score newsledger, then (optionally) the baselines for the fact types the set annotates.

    The time measured for newsledger covers its extraction of every article
    (the spaCy parse included) and the scoring, which is negligible beside it.
    """
    articles = list(gold.articles)
    systems = [_scored(NEWSLEDGER, articles, _newsledger(extractor, articles))]
    notes: list[str] = []
    annotated = {kind for a in articles for kind in a.scored}
    if with_baselines and "layoffs" in annotated:
        contracts = (baselines.regex_layoffs(a.text) for a in articles)
        systems.append(_scored(baselines.REGEX_LAYOFFS, articles, contracts, ("layoffs",)))
    if with_baselines and "quotes" in annotated:
        nlp = getattr(extractor, "nlp", None)
        if not baselines.textacy_available():
            notes.append(baselines.TEXTACY_HINT)
        elif nlp is not None:
            quotes = _textacy(nlp, articles)
            systems.append(_scored(baselines.TEXTACY_QUOTES, articles, quotes, ("quotes",)))
    return SetResult(gold.name, tuple(systems), tuple(notes))
