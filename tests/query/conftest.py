"""Query tests run on SQLite and a real PostgreSQL server, like the store's."""

from pg_server import pg_base_url, store_target

__all__ = ["pg_base_url", "store_target"]
