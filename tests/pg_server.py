"""A throwaway PostgreSQL server for tests: initdb in a temp dir, start, stop.

Run as root (as in CI containers), the binaries run as the ``postgres`` user.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def find_bin_dir() -> Path | None:
    """The newest ``/usr/lib/postgresql/<v>/bin`` with initdb, or one on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _version(path: str) -> float:
    try:
        return float(Path(path).parts[-3])
    except ValueError:
        return 0.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres_user() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


@contextmanager
def pg_server(bin_dir: Path) -> Iterator[str]:
    """Start a server; yield its base URL (``postgresql://postgres@127.0.0.1:<port>``)."""
    tmp = Path(tempfile.mkdtemp(prefix="newsledger-pg-"))
    data = tmp / "data"
    prefix = _as_postgres_user()
    if prefix:
        shutil.chown(tmp, user="postgres")
    port = _free_port()

    def run(*args: str) -> None:
        subprocess.run([*prefix, *args], check=True, capture_output=True, cwd=tmp)

    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
    opts = f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(tmp / "log"), "-w", "start")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(tmp, ignore_errors=True)


# --- pytest fixtures (imported by tests/store/conftest.py and tests/query/conftest.py) ----

import itertools  # noqa: E402  (fixtures below are an optional second half of the module)

import pytest  # noqa: E402

_db_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_base_url() -> Iterator[str]:
    """One PostgreSQL server per test session; fails under CI=true when missing."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        message = "PostgreSQL binaries (initdb, pg_ctl) not found"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with pg_server(bin_dir) as url:
        yield url


def fresh_pg_database(base_url: str) -> str:
    import psycopg

    name = f"t{os.getpid()}_{next(_db_numbers)}"
    with psycopg.connect(f"{base_url}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return f"{base_url}/{name}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database target: a SQLite path, then a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "db" / "ledger.db")
    base: str = request.getfixturevalue("pg_base_url")
    return fresh_pg_database(base)
