"""A real local HTTP server for the feed watcher's tests, whose feeds and pages a
test changes between rounds.

Each resource answers with an ETag (from its body) and a Last-Modified, and 304
to a matching conditional GET; a resource can also be a dead feed (500), a busy
one (429 or 503 with Retry-After) or a slow page. Every request is logged.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Resource:
    body: bytes
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    last_modified: str = "Tue, 01 Dec 2026 05:00:00 GMT"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering: a slow page

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:16] + '"'


@dataclass(frozen=True)
class Hit:
    path: str
    status: int
    if_none_match: str | None


class FeedSite:
    """The resources served, by path, and the log of requests."""

    def __init__(self) -> None:
        self.base = ""
        self._resources: dict[str, Resource] = {}
        self._hits: list[Hit] = []
        self._started: list[str] = []  # paths as their requests arrive (before any delay)
        self._lock = threading.Lock()

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def put(self, path: str, resource: Resource) -> str:
        with self._lock:
            self._resources[path] = resource
        return self.url(path)

    def get(self, path: str) -> Resource | None:
        with self._lock:
            return self._resources.get(path)

    def start(self, path: str) -> None:
        with self._lock:
            self._started.append(path)

    def wait_started(self, path: str, timeout: float = 120.0) -> None:
        """Until a request for ``path`` has arrived (its answer may still be delayed)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if path in self._started:
                    return
            time.sleep(0.01)
        raise TimeoutError(f"no request for {path} in {timeout}s")

    def hit(self, hit: Hit) -> None:
        with self._lock:
            self._hits.append(hit)

    def hits(self, path: str) -> list[Hit]:
        with self._lock:
            return [h for h in self._hits if h.path == path]


def _handler(site: FeedSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.start(self.path)
            found = site.get(self.path)
            resource = found or Resource(b"not here", status=404, content_type="text/plain")
            if resource.delay:
                time.sleep(resource.delay)
            status = resource.status
            if status == 200 and self._fresh(resource):
                status = 304
            site.hit(Hit(self.path, status, self.headers.get("If-None-Match")))
            self.send_response(status)
            self.send_header("ETag", resource.etag)
            self.send_header("Last-Modified", resource.last_modified)
            for name, value in resource.headers.items():
                self.send_header(name, value)
            body = b"" if status == 304 else resource.body
            if status != 304:
                self.send_header("Content-Type", resource.content_type)
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _fresh(self, resource: Resource) -> bool:
            tag = self.headers.get("If-None-Match")
            if tag is not None:
                return tag == resource.etag
            return self.headers.get("If-Modified-Since") == resource.last_modified

        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            pass

    return Handler


@contextmanager
def serving() -> Iterator[FeedSite]:
    """A FeedSite served on 127.0.0.1 (a free port) in a thread, for the block."""
    site = FeedSite()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()


# --- content --------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    guid: str | None
    link: str | None
    title: str
    text: str


def rss(title: str, items: list[Item]) -> bytes:
    """An RSS 2.0 feed of ``items``."""
    parts = [f"<title>{escape(title)}</title>"]
    for item in items:
        guid = f"<guid isPermaLink='false'>{escape(item.guid)}</guid>" if item.guid else ""
        link = f"<link>{escape(item.link)}</link>" if item.link else ""
        parts.append(
            f"<item>{guid}{link}<title>{escape(item.title)}</title>"
            f"<pubDate>Tue, 01 Dec 2026 04:00:00 GMT</pubDate>"
            f"<description>{escape(item.text)}</description></item>"
        )
    channel = "".join(parts)
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{channel}</channel></rss>'.encode()


def page(title: str, paragraphs: list[str]) -> Resource:
    """A news page: title, outlet and the article's paragraphs in an <article>."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    html = (
        f"<!DOCTYPE html><html><head><title>{escape(title)}</title>"
        '<meta property="og:site_name" content="The Harbour Courier"></head>'
        f"<body><nav>Home | Business</nav><article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Copyright</footer></body></html>"
    )
    return Resource(html.encode(), content_type="text/html; charset=utf-8")
