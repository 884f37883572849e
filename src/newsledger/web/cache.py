"""A small response cache for the read API, dropped whenever the store changes.

The store only grows by whole articles, so the number of stored articles is a
cheap and sufficient sign of change. It is looked at most once per
``CHECK_SECONDS``: a cached answer is at most that stale after an ingest by
another process (an ingest through this server's POST clears it at once).

Only ``GET /api/...`` answers with status 200 and a body under ``MAX_BODY``
are kept, at most ``MAX_ENTRIES`` of them, least recently used dropped first.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Tuned on bench/api.py: a company timeline on 100,000 events is ~250 KB of JSON;
# 512 answers of that size stay under ~130 MB in the worst case.
MAX_ENTRIES = 512
MAX_BODY = 1_000_000
CHECK_SECONDS = 1.0


@dataclass(frozen=True)
class Cached:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class AnswerCache:
    """An LRU of answers keyed by URL, cleared when ``generation()`` changes."""

    def __init__(self, generation: Callable[[], object], entries: int = MAX_ENTRIES) -> None:
        self.generation = generation
        self.entries = entries
        self.items: OrderedDict[str, Cached] = OrderedDict()
        self.lock = threading.Lock()
        self.seen: object = None
        self.checked = 0.0

    def _fresh(self) -> None:
        now = time.monotonic()
        if now - self.checked < CHECK_SECONDS:
            return
        self.checked = now
        current = self.generation()
        if current != self.seen:
            self.seen = current
            self.items.clear()

    def get(self, key: str) -> Cached | None:
        with self.lock:
            self._fresh()
            hit = self.items.get(key)
            if hit is not None:
                self.items.move_to_end(key)
            return hit

    def put(self, key: str, value: Cached) -> None:
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.entries:
                self.items.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.items.clear()
            self.checked = 0.0


class ResponseCache:
    """ASGI middleware answering repeated ``GET /api/...`` requests from :class:`AnswerCache`."""

    def __init__(self, app: ASGIApp, store: AnswerCache) -> None:
        self.app = app
        self.store = store

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith("/api/")
        ):
            await self.app(scope, receive, send)
            return
        key = scope["path"] + "?" + scope.get("query_string", b"").decode("latin-1")
        hit = self.store.get(key)
        if hit is not None:
            await send(
                {"type": "http.response.start", "status": hit.status, "headers": hit.headers}
            )
            await send({"type": "http.response.body", "body": hit.body})
            return
        start: Message = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                # copy now: outer middleware adds its headers to this message as it passes
                start = {**message, "headers": list(message.get("headers", []))}
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    body = b"".join(chunks)
                    if len(body) <= MAX_BODY:
                        self.store.put(key, Cached(200, start["headers"], body))
            await send(message)

        await self.app(scope, receive, keep)
