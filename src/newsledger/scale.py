"""Extraction on a Dask cluster, for when one machine is not enough.

Set ``NEWSLEDGER_DASK_SCHEDULER=tcp://host:8786`` (or ``local`` for a
LocalCluster on this machine) and ``ingest`` sends batches of articles to the
cluster's workers; results come back in input order and are stored here, so the
database stays the single writer. Each Dask worker process loads the spaCy
pipeline once (``pipeline._init_worker``) and receives plain settings.

Needs the ``dask`` extra: ``pip install 'newsledger[dask]'``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import Any

from newsledger.config import Settings
from newsledger.errors import ConfigError, ExtractError
from newsledger.models import Article, Extraction, Failure


def _run_batch(batch: list[Article], settings: Settings) -> list[Extraction | Failure]:
    from newsledger import pipeline

    if pipeline._WORKER is None or pipeline._WORKER.settings != settings:
        pipeline._init_worker(settings)
    return pipeline._extract_batch(batch)


def _client(address: str, workers: int) -> Any:
    """A Dask client; for ``local``, one on a LocalCluster it closes with itself."""
    try:
        distributed: Any = importlib.import_module("distributed")
    except ImportError as err:
        raise ConfigError(
            "Dask is not installed: pip install 'newsledger[dask]'", input=address
        ) from err
    if address == "local":
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True)
        return distributed.Client(cluster, set_as_default=False)
    try:
        return distributed.Client(address, set_as_default=False)
    except OSError as err:  # refused, or no answer within distributed.comm.timeouts.connect
        raise ConfigError(f"no Dask scheduler answers there ({err})", input=address) from err


def extract_on_dask(
    articles: Iterable[Article], settings: Settings
) -> Iterator[Extraction | Failure]:
    """Extract ``articles`` on the configured Dask scheduler, yielding in input order."""
    from newsledger.pipeline import _batches

    assert settings.dask_scheduler is not None
    client = _client(settings.dask_scheduler, settings.worker_count)
    try:
        in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {})))
        pending: list[tuple[Any, list[Article]]] = []
        for batch in _batches(articles, settings.batch_size):
            pending.append((client.submit(_run_batch, batch, settings, pure=False), batch))
            if len(pending) >= in_flight:
                yield from _gather(client, *pending.pop(0), settings)
        for future, batch in pending:
            yield from _gather(client, future, batch, settings)
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None:  # a LocalCluster we started
            cluster.close()


def _gather(
    client: Any, future: Any, batch: list[Article], settings: Settings
) -> list[Extraction | Failure]:
    """A batch's results. A batch that killed every worker that ran it (the scheduler
    gives up after ``distributed.scheduler.allowed-failures``) is retried one article
    at a time, so only the article that kills a worker becomes a failure row."""
    killed: type[Exception] = importlib.import_module("distributed").KilledWorker
    try:
        return list(future.result())
    except killed:
        if len(batch) > 1:
            singles = [client.submit(_run_batch, [a], settings, pure=False) for a in batch]
            pairs = zip(singles, batch, strict=True)
            return [r for f, a in pairs for r in _gather(client, f, [a], settings)]
        article = batch[0]
        reason = "extraction killed every Dask worker that ran it"
        return [Failure(article.origin or article.id, "extract", ExtractError.code, reason)]
