"""Storage: schema, migrations, SQLite and PostgreSQL behind one interface."""

from newsledger.store.base import EventFilter, Row, Store, open_store

__all__ = ["EventFilter", "Row", "Store", "open_store"]
