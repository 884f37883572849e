"""Extraction on a real Dask LocalCluster gives the same facts as in-process."""

from __future__ import annotations

import socket
from datetime import date

import pytest

from newsledger.config import load_settings
from newsledger.errors import ConfigError
from newsledger.ingest.identity import make_article
from newsledger.models import Extraction
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
