"""Every store test runs against SQLite and a real PostgreSQL server."""

from pg_server import pg_base_url, store_target

__all__ = ["pg_base_url", "store_target"]
