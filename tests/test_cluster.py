"""Ingest through a real Dask cluster: a ``dask scheduler`` and two ``dask worker`` processes.

The cluster is started with the CLI of ``distributed`` on loopback, as a user would
start one by hand, and newsledger is pointed at it with the ``dask_scheduler``
setting. Extraction runs on the workers; this process is the one writer. The
stores it makes must export exactly what a one-process ingest of the same files
exports, and a worker killed mid-run must cost nothing: every article stored once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsledger.cli import cli
from newsledger.config import Settings, load_settings
from newsledger.ingest import read_inputs
from newsledger.models import Article, Failure
from newsledger.pipeline import ingest, ingest_items
from newsledger.store import open_store
from pg_server import fresh_pg_database, pg_base_url  # noqa: F401  (a fixture used here)

pytestmark = [pytest.mark.cluster, pytest.mark.model]

ARTICLES = 200
# small on purpose: a worker holds ~410 MB after these 200 texts at batch 8 (md pipeline)
MEMORY_LIMIT = "1GiB"
BATCH = 8
STARTUP_SECONDS = 90
_PUBLISHED = date(2005, 1, 1)  # the BBC texts are from 2004-2005 and carry no date
# the store's surrogate keys, numbered in the order rows were written (these exports
# carry no timestamps); an article's id is a hash of its text and stays
SURROGATE = {"id", "group_id", "company_id"}


def _dask_cli() -> Path:
    pytest.importorskip("distributed")
    path = Path(sys.executable).parent / "dask"
    if not path.exists():
        pytest.skip("the dask command is not installed beside this Python")
    return path


def _start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, cwd=log.parent)


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    """SIGINT (a nanny then closes its worker process) and wait, all at once."""
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
    for proc in procs:
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a scheduler with two single-thread workers, torn down after the module."""
    dask = _dask_cli()
    tmp = tmp_path_factory.mktemp("cluster")
    # port 0: the scheduler picks a free port and writes its address to the file
    info = tmp / "scheduler.json"
    scheduler = [str(dask), "scheduler", "--host", "127.0.0.1", "--port", "0"]
    procs = [_start([*scheduler, "--scheduler-file", str(info), "--no-dashboard"], tmp / "s.log")]
    try:
        address = _address(info, procs[0], tmp)
        for n in range(2):
            worker = [str(dask), "worker", address, "--host", "127.0.0.1", "--name", f"w{n}"]
            worker += ["--nworkers", "1", "--nthreads", "1", "--memory-limit", MEMORY_LIMIT]
            worker += ["--local-directory", str(tmp / f"w{n}"), "--no-dashboard"]
            procs.append(_start(worker, tmp / f"worker{n}.log"))
        _worker_pids(address)  # waits for both
        yield address
    finally:
        # workers first: with the scheduler closing under it, a worker process
        # hangs until its nanny kills it 8 s later
        _stop(procs[1:])
        _stop(procs[:1])


def _address(info: Path, proc: subprocess.Popen[bytes], logs: Path) -> str:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            return str(json.loads(info.read_text(encoding="utf-8"))["address"])
        except (OSError, ValueError, KeyError):  # not written yet, or half written
            time.sleep(0.1)
    pytest.fail(f"dask scheduler did not start:\n{(logs / 's.log').read_text()[-2000:]}")


@pytest.fixture(scope="module")
def bbc_files(shared_dir: Path) -> list[str]:
    folder = shared_dir / "dev" / "bbc-business"
    files = sorted(str(p) for p in folder.glob("*.txt"))[:ARTICLES]
    if len(files) < ARTICLES:
        pytest.skip(f"fewer than {ARTICLES} texts in {folder}")
    return files


@pytest.fixture(scope="module")
def reference(bbc_files: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The export of a one-process ingest of the same files."""
    db = str(tmp_path_factory.mktemp("reference") / "ledger.db")
    _ingest(bbc_files, db, load_settings({}, workers=1, batch_size=BATCH))
    return _export(db)


def _ingest(files: list[str], db: str, settings: Settings) -> None:
    with open_store(db) as store:
        summary = ingest(files, store, settings, published=_PUBLISHED, progress=False)
    assert (summary.new, summary.failed) == (len(files), 0)


def _export(db: str) -> dict[str, Any]:
    """``newsledger export`` of articles, events and entities, without surrogate keys."""
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for what in ("articles", "events", "entities"):
            path = Path(tmp) / f"{what}.json"
            args = ["export", what, "--format", "json", "-o", str(path), "--db", db]
            result = CliRunner().invoke(cli, args)
            assert result.exit_code == 0, result.output
            rows = json.loads(path.read_text(encoding="utf-8"))
            drop = SURROGATE - {"id"} if what == "articles" else SURROGATE
            out[what] = sorted(json.dumps(_strip(r, drop), sort_keys=True) for r in rows)
    return out


def _strip(value: Any, drop: set[str]) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v, drop) for k, v in value.items() if k not in drop}
    if isinstance(value, list):
        return [_strip(v, drop) for v in value]
    return value


def _cluster_settings(address: str) -> Settings:
    # the environment is ignored so a developer's NEWSLEDGER_* cannot change the test
    return load_settings({}, dask_scheduler=address, batch_size=BATCH)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "ledger.db")
    return fresh_pg_database(request.getfixturevalue("pg_base_url"))


def test_cluster_ingest_exports_what_one_process_does(
    scheduler: str, bbc_files: list[str], reference: dict[str, Any], target: str
) -> None:
    _ingest(bbc_files, target, _cluster_settings(scheduler))
    exported = _export(target)
    assert len(exported["articles"]) == ARTICLES
    for what in ("articles", "events", "entities"):
        assert exported[what] == reference[what], what


def _worker_pids(address: str) -> list[int]:
    import distributed

    with distributed.Client(address, timeout=30, set_as_default=False) as client:
        client.wait_for_workers(2, timeout=STARTUP_SECONDS)
        return sorted(client.run(os.getpid).values())


def _kill_a_busy_worker(address: str) -> int:
    """SIGKILL the process of a worker that holds tasks; its pid."""
    import distributed

    with distributed.Client(address, timeout=30, set_as_default=False) as client:
        busy = [worker for worker, keys in client.processing().items() if keys]
        assert busy, "no worker was running a batch"
        pid = int(client.run(os.getpid, workers=busy[:1])[busy[0]])
    os.kill(pid, signal.SIGKILL)
    return pid


def test_worker_killed_mid_run_stores_every_article_once(
    scheduler: str, bbc_files: list[str], reference: dict[str, Any], tmp_path: Path
) -> None:
    killed: list[int] = []

    def kill_midway(items: Iterator[Article | Failure]) -> Iterator[Article | Failure]:
        # batches are submitted as articles are read, so at the halfway mark both
        # workers hold batches: running, queued, or finished and not yet fetched
        for n, item in enumerate(items):
            if n == ARTICLES // 2:
                killed.append(_kill_a_busy_worker(scheduler))
            yield item

    db = str(tmp_path / "ledger.db")
    items = read_inputs(bbc_files, published=_PUBLISHED)
    with open_store(db) as store:
        summary = ingest_items(
            kill_midway(items), store, _cluster_settings(scheduler), progress=False
        )
    assert (summary.new, summary.known, summary.failed) == (ARTICLES, 0, 0)
    assert killed and killed[0] not in _worker_pids(scheduler)  # its nanny started another
    exported = _export(db)
    ids = [json.loads(a)["id"] for a in exported["articles"]]
    assert len(ids) == len(set(ids)) == ARTICLES  # none twice, none missing
    assert exported == reference  # and nothing else changed
