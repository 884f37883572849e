"""Read side: events, timelines, quotes, entities, search and exports."""

from newsledger.query.api import Query
from newsledger.query.export import FORMATS, export
from newsledger.query.records import (
    ArticleRecord,
    ArticleView,
    EntityRecord,
    EventFeed,
    EventRecord,
    EvidenceRecord,
    FailureRecord,
    Ownership,
    Page,
    QuoteRecord,
    SearchHit,
    Stats,
    StoredEvent,
    Timeline,
    TimelinePage,
    Totals,
)

__all__ = [
    "FORMATS",
    "ArticleRecord",
    "ArticleView",
    "EntityRecord",
    "EventFeed",
    "EventRecord",
    "EvidenceRecord",
    "FailureRecord",
    "Ownership",
    "Page",
    "Query",
    "QuoteRecord",
    "SearchHit",
    "Stats",
    "StoredEvent",
    "Timeline",
    "TimelinePage",
    "Totals",
    "export",
]
