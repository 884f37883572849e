"""Every store test runs against SQLite and a real PostgreSQL server."""

from collections.abc import Iterator

import pytest

from newsledger.store import Store, open_store
from pg_server import pg_base_url, store_target

__all__ = ["pg_base_url", "store", "store_target"]


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    """A store opened (and migrated) on each server, closed after the test."""
    with open_store(store_target) as s:
        yield s
