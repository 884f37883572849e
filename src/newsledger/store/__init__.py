"""Storage: schema, migrations, SQLite and PostgreSQL behind one interface."""

from newsledger.store.base import EventCursor, EventFilter, Row, Store, open_store

__all__ = ["EventCursor", "EventFilter", "Row", "Store", "open_store"]
