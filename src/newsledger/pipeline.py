"""Article in, facts out: runs the stages in order and nothing else.

>>> from newsledger.pipeline import Extractor          # doctest: +SKIP
>>> Extractor().extract_text("Sony will cut 10,000 jobs.").events[0].args.jobs  # doctest: +SKIP
10000
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from itertools import islice

from newsledger.config import Settings, load_settings
from newsledger.extract.nlp import load_nlp, make_doc
from newsledger.ingest.identity import make_article
from newsledger.models import Article, Extraction
from newsledger.resolve.within import resolve_article


class Extractor:
    """Runs the spaCy pipeline with newsledger's components over articles.

    One Extractor per process: it loads the configured pipeline once.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.nlp = load_nlp(self.settings.spacy_pipeline)

    def extract(self, article: Article) -> Extraction:
        return next(self.extract_many([article]))

    def extract_text(
        self, text: str, *, published: date | None = None, source: str | None = None
    ) -> Extraction:
        return self.extract(make_article(text, published=published, source=source))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extract a stream of articles in this process, in order."""
        pairs = ((make_doc(self.nlp, a), a) for a in articles)
        docs = (d for d, _ in pairs)
        for doc in self.nlp.pipe(docs, batch_size=self.settings.batch_size):
            yield _assemble(doc)


def _assemble(doc: object) -> Extraction:
    article: Article = doc._.nl_article  # type: ignore[attr-defined]
    return resolve_article(
        Extraction(
            article=article,
            entities=tuple(doc._.nl_entities or ()),  # type: ignore[attr-defined]
            events=tuple(doc._.nl_events or ()),  # type: ignore[attr-defined]
            quotes=tuple(doc._.nl_quotes or ()),  # type: ignore[attr-defined]
        )
    )


# --- parallel extraction: one Extractor per worker process ------------------

_WORKER: Extractor | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER  # per-process cache of the loaded pipeline, set once at start
    _WORKER = Extractor(settings)


def _extract_batch(batch: list[Article]) -> list[Extraction]:
    assert _WORKER is not None, "worker not initialised"
    return list(_WORKER.extract_many(batch))


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def extract_parallel(
    articles: Iterable[Article], settings: Settings | None = None
) -> Iterator[Extraction]:
    """Extract on all cores (``settings.workers``), yielding results in input order.

    With one worker, or a Dask scheduler configured, it runs accordingly.
    """
    settings = settings or load_settings()
    if settings.dask_scheduler:
        from newsledger.scale import extract_on_dask

        yield from extract_on_dask(articles, settings)
        return
    workers = settings.worker_count
    if workers <= 1:
        yield from Extractor(settings).extract_many(articles)
        return
    # keep a bounded number of batches in flight so memory stays flat on big inputs
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(settings,)
    ) as pool:
        pending = []
        for batch in _batches(articles, settings.batch_size):
            pending.append(pool.submit(_extract_batch, batch))
            if len(pending) >= workers * 2:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


def cpu_count() -> int:
    return os.cpu_count() or 1
