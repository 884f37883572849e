"""URLs: a real local HTTP server on 127.0.0.1 in a thread, and a dead port."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsledger.ingest import read_inputs
from newsledger.ingest.web import USER_AGENT
from newsledger.models import Article, Failure

FIXTURES = Path(__file__).parent / "fixtures"
PAGES: dict[str, tuple[int, str, bytes]] = {
    "/news/halvorsen": (200, "text/html; charset=utf-8", (FIXTURES / "page.html").read_bytes()),
    "/feed.xml": (200, "application/rss+xml", (FIXTURES / "items.rss").read_bytes()),
    "/big": (200, "text/html", b"<html><body><p>" + b"word " * 2000 + b"</p></body></html>"),
    "/gone": (404, "text/plain", b"not here"),
    "/broken": (500, "text/plain", b"oops"),
}


class _Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []  # noqa: RUF012  # test-only record of request headers

    def do_GET(self) -> None:
        _Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        status, content_type, body = PAGES.get(self.path, (404, "text/plain", b"no"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _dead_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed on exit: nothing listens there


def test_url_page_is_read_as_html(server: str) -> None:
    url = f"{server}/news/halvorsen"
    (article,) = read_inputs([url])
    assert isinstance(article, Article)
    assert (article.title, article.source) == (
        "Halvorsen Foods to close Leeds bakery",
        "The Ledger Gazette",
    )
    assert article.published == date(2019, 3, 6)
    assert (article.url, article.origin) == (url, url)
    assert "about 240 jobs at risk" in article.text
    assert _Handler.seen_agents[-1] == USER_AGENT


def test_url_feed_gives_its_items(server: str) -> None:
    items = list(read_inputs([f"{server}/feed.xml"]))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Failure"]


FAILING = {
    "not found": ("/gone", "NL108", "404"),
    "server error": ("/broken", "NL108", "500"),
}


@pytest.mark.parametrize("case", list(FAILING.values()), ids=list(FAILING))
def test_http_errors_are_fetch_failures(server: str, case: tuple[str, str, str]) -> None:
    path, code, status = case
    url = f"{server}{path}"
    (item,) = read_inputs([url])
    assert isinstance(item, Failure)
    assert (item.code, item.input) == (code, url)
    assert status in item.reason and url in item.line()


def test_dead_port_is_a_fetch_failure_and_the_rest_goes_on(server: str) -> None:
    dead = f"http://127.0.0.1:{_dead_port()}/news"
    first, second = read_inputs([dead, f"{server}/news/halvorsen"])
    assert isinstance(first, Failure) and (first.code, first.input) == ("NL108", dead)
    assert isinstance(second, Article)


def test_page_over_the_limit_is_too_large(server: str) -> None:
    (item,) = read_inputs([f"{server}/big"], max_bytes=5000)
    assert isinstance(item, Failure) and item.code == "NL107"


# --- http_get: the feed watcher's client, every status a Reply --------------------


def test_http_get_returns_any_status_with_its_headers(server: str) -> None:
    from newsledger.ingest.web import http_client, http_get

    with http_client() as client:
        ok = http_get(client, f"{server}/feed.xml", max_bytes=100_000)
        broken = http_get(client, f"{server}/broken", max_bytes=100_000)
    assert (ok.status, ok.headers["content-type"]) == (200, "application/rss+xml")
    assert ok.data == PAGES["/feed.xml"][2]
    assert (broken.status, broken.data) == (500, b"oops")
    assert _Handler.seen_agents[-1] == USER_AGENT


@pytest.mark.parametrize(
    ("path", "code"),
    [("/big", "NL107"), ("dead", "NL108"), ("http://[::1", "NL108"), ("http://\x00x/", "NL108")],
    ids=["over the limit", "dead port", "bad port", "NUL in the host"],
)
def test_http_get_failures_are_coded_and_name_the_url(server: str, path: str, code: str) -> None:
    from newsledger.errors import InputError
    from newsledger.ingest.web import http_client, http_get

    url = {"/big": f"{server}/big", "dead": f"http://127.0.0.1:{_dead_port()}/"}.get(path, path)
    with http_client(timeout=5) as client, pytest.raises(InputError) as caught:
        http_get(client, url, max_bytes=5000)
    assert (caught.value.code, caught.value.input) == (code, url)
