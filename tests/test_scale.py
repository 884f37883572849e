"""Extraction on a real Dask LocalCluster gives the same facts as in-process."""

from __future__ import annotations

import socket
from datetime import date
from typing import Any

import pytest

from newsledger.config import load_settings
from newsledger.errors import ConfigError
from newsledger.ingest.identity import make_article
from newsledger.models import Article, Extraction, Failure
from newsledger.pipeline import Extractor, extract_parallel

pytestmark = pytest.mark.model

TEXTS = [
    "Harbourline Foods said on Monday it would cut 600 jobs, or 12% of its staff.",
    "Kestrel Mining swung to a net loss of $45 million in the third quarter.",
    "Orchid Telecom named Priya Nair as chief executive, replacing Tom Hale.",
]


def test_dask_local_cluster_matches_in_process(extractor: Extractor) -> None:
    pytest.importorskip("distributed")
    articles = [make_article(t, published=date(2024, 3, 4)) for t in TEXTS]
    settings = load_settings({}, dask_scheduler="local", workers=1, batch_size=2)
    remote = list(extract_parallel(articles, settings))
    local = [extractor.extract(a) for a in articles]
    assert all(isinstance(r, Extraction) for r in remote)
    assert [r.article.id for r in remote] == [a.id for a in articles]  # input order kept
    assert [r.contract() for r in remote] == [x.contract() for x in local]  # type: ignore[union-attr]


def test_worker_processes_match_in_process(extractor: Extractor) -> None:
    articles = [make_article(t, published=date(2024, 3, 4)) for t in TEXTS * 3]
    settings = load_settings({}, workers=2, batch_size=2)
    parallel = list(extract_parallel(articles, settings))
    assert [r.article.id for r in parallel] == [a.id for a in articles]
    local = [extractor.extract(a).contract() for a in articles]
    assert [r.contract() for r in parallel] == local  # type: ignore[union-attr]


def test_unreachable_scheduler_is_a_config_error() -> None:
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{s.getsockname()[1]}"
    settings = load_settings({}, dask_scheduler=address)
    article = make_article(TEXTS[0], published=date(2024, 3, 4))
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(ConfigError, match="no Dask scheduler answers"),
    ):
        list(extract_parallel([article], settings))


class _Future:
    def __init__(self, batch: list[Article]) -> None:
        self.batch = batch

    def result(self) -> list[str]:
        import distributed

        if any("BOOM" in a.text for a in self.batch):  # as if it took the worker down each time
            raise distributed.KilledWorker("task", None, 3)
        return [a.id for a in self.batch]


class _Client:
    """Enough of distributed.Client for extract_on_dask, without a cluster."""

    cluster = None
    submitted: list[int]

    def __init__(self) -> None:
        self.submitted = []

    def scheduler_info(self) -> dict[str, Any]:
        return {"workers": {"a": {}, "b": {}}}

    def submit(self, fn: Any, batch: list[Article], settings: Any, pure: bool) -> _Future:
        self.submitted.append(len(batch))
        return _Future(batch)

    def close(self) -> None:
        pass


def test_article_that_kills_workers_is_a_failure_row_and_the_rest_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("distributed")
    from newsledger import scale

    client = _Client()
    monkeypatch.setattr(scale, "_client", lambda address, workers: client)
    texts = [f"Article {n} about Harbourline Foods." for n in range(7)]
    texts[4] = "BOOM"
    articles = [make_article(t, published=date(2024, 3, 4)) for t in texts]
    settings = load_settings({}, dask_scheduler="tcp://127.0.0.1:1", batch_size=3)
    out = list(extract_parallel(articles, settings))
    assert out[:4] + out[5:] == [a.id for i, a in enumerate(articles) if i != 4]
    assert isinstance(out[4], Failure)
    assert (out[4].stage, out[4].code) == ("extract", "NL200")
    assert client.submitted == [3, 3, 1, 1, 1, 1]  # the killing batch again, one by one
