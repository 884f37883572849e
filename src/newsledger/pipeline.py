"""Article in, facts out: runs the stages in order and nothing else.

>>> from newsledger.pipeline import Extractor          # doctest: +SKIP
>>> Extractor().extract_text("Sony will cut 10,000 jobs.").events[0].args.jobs  # doctest: +SKIP
10000
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import date
from itertools import islice
from typing import BinaryIO

from tqdm import tqdm

from newsledger.config import Settings, load_settings
from newsledger.errors import EmptyInput, EncodingError, ExtractError, NewsledgerError
from newsledger.extract.nlp import COMPONENTS, load_nlp, make_doc
from newsledger.extract.parse_copy import parse_copy
from newsledger.extract.pieces import pipe
from newsledger.extract.version import extractor_version
from newsledger.ingest import read_inputs
from newsledger.ingest.identity import make_article
from newsledger.ingest.sidecar import with_dates
from newsledger.ingest.text import unstorable
from newsledger.models import Article, Extraction, Failure, IngestSummary, ReextractSummary
from newsledger.query import Query
from newsledger.resolve.within import resolve_article
from newsledger.store import Store, open_store


class Extractor:
    """Runs the spaCy pipeline with newsledger's components over articles.

    One Extractor per process: it loads the configured pipeline once.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.nlp = load_nlp(self.settings.spacy_pipeline)
        self.version = extractor_version(self.settings.spacy_pipeline)

    def extract(self, article: Article) -> Extraction:
        return next(self.extract_many([article]))

    def extract_text(
        self,
        text: str,
        *,
        title: str | None = None,
        published: date | None = None,
        source: str | None = None,
    ) -> Extraction:
        """Extract one text; ``title`` is read too when the text does not begin with it."""
        return self.extract(make_article(text, title=title, published=published, source=source))

    def extract_safely(self, batch: list[Article]) -> list[Extraction | Failure]:
        """Extract a batch; if it fails, retry one by one so one bad article
        becomes a Failure row and the rest of the batch goes on."""
        try:
            return list(self.extract_many(batch))
        except Exception:
            out: list[Extraction | Failure] = []
            for article in batch:
                try:
                    out.append(self.extract(article))
                except Exception as err:
                    reason = f"extraction failed: {type(err).__name__}: {err}"
                    out.append(
                        Failure(article.origin or article.id, "extract", ExtractError.code, reason)
                    )
            return out

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extract a stream of articles in this process, in order.

        spaCy reads each text cleaned of invisible characters; the facts come
        back with offsets into the article text as given.
        """
        copies = (parse_copy(a) for a in articles)
        docs = ((make_doc(self.nlp, c.article), c) for c in copies)
        # as nlp.pipe, but a long text is parsed in pieces (extract/pieces.py)
        for doc, copy in pipe(self.nlp, docs, COMPONENTS, self.settings.batch_size):
            yield replace(copy.restore(_assemble(doc)), extractor_version=self.version)


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


def _extract_batch(batch: list[Article]) -> list[Extraction | Failure]:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.extract_safely(batch)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def extract_parallel(
    articles: Iterable[Article], settings: Settings | None = None
) -> Iterator[Extraction | Failure]:
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
        extractor = Extractor(settings)
        for batch in _batches(articles, settings.batch_size):
            yield from extractor.extract_safely(batch)
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


# --- ingestion: read, skip what is known, extract, store -----------------


def ingest(
    paths: Sequence[str],
    store: Store,
    settings: Settings | None = None,
    *,
    published: date | None = None,
    source: str | None = None,
    stdin: BinaryIO | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    progress: bool = True,
    dates: Mapping[str, date] | None = None,
) -> IngestSummary:
    """Ingest files, folders, URLs or ``-`` into ``store``; one transaction per article.

    Bad inputs become failure rows (and ``on_failure`` calls); the batch goes on.
    An article whose id is already stored is counted as known and not extracted again.
    ``dates`` (a sidecar, :func:`newsledger.ingest.sidecar.read_dates`) gives the
    publication date of the articles it names; the names that matched none are
    listed in the summary's ``dates_unmatched``.
    """
    settings = settings or load_settings()
    items: Iterable[Article | Failure] = read_inputs(
        paths, published=published, source=source, max_bytes=settings.max_bytes, stdin=stdin
    )
    used: set[str] = set()
    if dates:
        items = with_dates(items, dates, used)
    summary = ingest_items(items, store, settings, on_failure=on_failure, progress=progress)
    summary.dates_unmatched = sorted(set(dates or ()) - used)
    if summary.known:
        # known articles are not extracted again: say when their facts are stale
        current = extractor_version(settings.spacy_pipeline)
        summary.outdated = sum(v != current for _, v in store.reextract_candidates())
    return summary


def ingest_text(
    db: str,
    text: str,
    settings: Settings | None = None,
    *,
    title: str | None = None,
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
) -> IngestSummary:
    """Ingest one article given as text into the database ``db`` (opened and closed here).

    Extraction runs in this process, so a long-lived caller (the HTTP API) loads
    the spaCy pipeline once.
    """
    settings = replace(settings or load_settings(), workers=1, db=db)
    # the failure row names the URL only when the URL itself can be stored
    origin = url if url and unstorable(url) is None else "<posted text>"
    item: Article | Failure
    reason = unstorable(text, title, source, url)
    if not text.strip():
        item = Failure(origin, "ingest", EmptyInput.code, "is empty (whitespace only)")
    elif reason is not None:  # JSON's "\ud800" or "\u0000"
        item = Failure(origin, "ingest", EncodingError.code, reason)
    else:
        item = make_article(
            text, title=title, published=published, source=source, url=url, origin=origin
        )
    with open_store(db) as store:
        return ingest_items([item], store, settings, progress=False)


def _recorder(
    store: Store,
    summary: IngestSummary | ReextractSummary,
    on_failure: Callable[[Failure], None] | None,
) -> Callable[[Failure], None]:
    """What a run does with a failure: count it, store its row, tell the caller."""

    def record(failure: Failure) -> None:
        summary.failed += 1
        summary.failures.append(failure)
        store.save_failure(failure)
        if on_failure is not None:
            on_failure(failure)

    return record


def ingest_items(
    items: Iterable[Article | Failure],
    store: Store,
    settings: Settings,
    *,
    on_failure: Callable[[Failure], None] | None = None,
    progress: bool = True,
) -> IngestSummary:
    """Store read articles (and record read failures); the loop behind every ingest."""
    summary = IngestSummary()
    seen: set[str] = set()
    record = _recorder(store, summary, on_failure)

    def fresh_articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Failure):
                record(item)
            elif item.id in seen or store.has_article(item.id):
                summary.known += 1
            else:
                seen.add(item.id)
                yield item

    bar = tqdm(unit=" articles", desc="ingest", delay=0.5, disable=not progress, file=sys.stderr)
    with bar:
        for result in extract_parallel(fresh_articles(), settings):
            bar.update(1)
            if isinstance(result, Failure):
                record(result)
                continue
            duplicate_of = store.near_duplicate_of(
                result.article, settings.near_duplicate_threshold
            )
            if not store.save_extraction(result, duplicate_of=duplicate_of):
                summary.known += 1
                continue
            summary.new += 1
            summary.duplicates += duplicate_of is not None
            summary.new_ids.append(result.article.id)
            summary.events += len(result.events)
            summary.quotes += len(result.quotes)
            summary.entities += len(result.entities)
    refresh_totals(store)
    return summary


def refresh_totals(store: Store) -> int:
    """The end of a write batch: store the timeline totals of the companies it
    touched (any company whose stored totals are stale), so the API reads them
    instead of computing them; how many were stored. A batch that stops before
    leaves them stale, which the API sees and computes around."""
    return Query(store).refresh_totals()


# --- re-extraction: stored articles read again by the current extractor ---------


def reextract(
    store: Store,
    settings: Settings | None = None,
    *,
    company: str | None = None,
    since: date | None = None,
    until: date | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    progress: bool = True,
) -> ReextractSummary:
    """Run the current extractor again over stored articles and replace their facts,
    one transaction per article; what changed.

    Selects the articles naming ``company`` and published within ``since``..``until``
    (all of them when none is given). An article whose facts this extractor version
    made already is skipped, so an interrupted run continues where it stopped.
    Extraction runs on all cores as for ``ingest``; this process is the one writer,
    in the order the articles were stored. Unknown ``company``: ``ValueError``.
    """
    settings = settings or load_settings()
    summary = ReextractSummary(version=extractor_version(settings.spacy_pipeline))
    company_ids = None
    if company is not None:
        company_ids = store.entity_ids_named(company)
        if not company_ids:
            raise ValueError(f"no company named {company!r} in the database")
    selected = store.reextract_candidates(company_ids=company_ids, since=since, until=until)
    summary.selected = len(selected)
    pending = [a for a, version in selected if version != summary.version]
    summary.current = summary.selected - len(pending)

    record = _recorder(store, summary, on_failure)

    def articles() -> Iterator[Article]:
        for article_id in pending:
            article = store.stored_article(article_id)
            if article is not None:  # gone since the selection: nothing to do
                yield article

    bar = tqdm(
        total=len(pending), unit=" articles", desc="reextract", delay=0.5,
        disable=not progress, file=sys.stderr,
    )  # fmt: skip
    with bar:
        for result in extract_parallel(articles(), settings):
            bar.update(1)
            if isinstance(result, Failure):
                record(result)
                continue
            try:
                changes = store.replace_extraction(result)
            except NewsledgerError as err:  # rolled back: its stored facts stay as they were
                where = result.article.origin or result.article.id
                record(Failure(where, "reextract", err.code, err.reason))
                continue
            summary.done += 1
            summary.articles.append(changes)
    refresh_totals(store)
    return summary
