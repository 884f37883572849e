"""Fetch an http(s) URL within a time and size limit.

``fetch`` (one-off inputs) uses the standard library; ``http_get`` (the feed
watcher's polls, on one kept-alive ``httpx`` client) returns every status with
its headers, since 304, 429 and 503 mean something to a poller. Every network
problem (refused, timed out, too large) becomes a coded error naming the URL;
nothing from ``urllib`` or ``httpx`` escapes.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsledger import __version__
from newsledger.errors import FetchError, TooLarge

if TYPE_CHECKING:
    import httpx

TIMEOUT = 20.0  # seconds; a news page that takes longer is better retried later
USER_AGENT = f"newsledger/{__version__} (news fact extraction; python-urllib)"
_OK = 200


@dataclass(frozen=True)
class Fetched:
    """A fetched page: its bytes, the URL after redirects and the declared content type."""

    data: bytes
    url: str
    content_type: str


def is_url(value: str) -> bool:
    """``http://`` or ``https://``, case-insensitively.

    >>> is_url("HTTPS://example.com/a"), is_url("example.com/a")
    (True, False)
    """
    return value[:8].lower().startswith(("http://", "https://"))


def fetch(url: str, *, max_bytes: int, timeout: float = TIMEOUT) -> Fetched:
    """GET ``url``; FetchError for any network error or non-200, TooLarge past ``max_bytes``."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status = response.status
            if status != _OK:
                raise FetchError(f"answered HTTP {status}, not 200", url)
            data = response.read(max_bytes + 1)
            final_url = response.geturl()
            content_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as err:
        raise FetchError(f"answered HTTP {err.code} {err.reason}", url) from err
    except urllib.error.URLError as err:
        raise FetchError(f"could not be fetched ({err.reason})", url) from err
    except (TimeoutError, OSError, ValueError) as err:
        raise FetchError(f"could not be fetched ({err})", url) from err
    if len(data) > max_bytes:
        raise TooLarge(f"is larger than the limit of {max_bytes:,} bytes", url)
    return Fetched(data, final_url, content_type)


@dataclass(frozen=True)
class Reply:
    """An HTTP answer of any status: its body, final URL and (lower-cased) headers."""

    status: int
    data: bytes
    url: str
    headers: Mapping[str, str]


def http_client(timeout: float = TIMEOUT) -> httpx.Client:
    """A client for many requests: our User-Agent, redirects followed, ``timeout`` seconds."""
    import httpx  # imported here: only the feed watcher needs it

    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept": "*/*"},
        follow_redirects=True,
        timeout=timeout,
    )


def http_get(
    client: httpx.Client, url: str, *, max_bytes: int, headers: Mapping[str, str] | None = None
) -> Reply:
    """GET ``url`` with extra ``headers``; any status is a Reply. FetchError when no
    answer came, TooLarge past ``max_bytes`` (read no further)."""
    import httpx

    try:
        with client.stream("GET", url, headers=dict(headers or {})) as response:
            data = bytearray()
            for chunk in response.iter_bytes():
                data += chunk
                if len(data) > max_bytes:
                    raise TooLarge(f"is larger than the limit of {max_bytes:,} bytes", url)
            answer = {k.lower(): v for k, v in response.headers.items()}
            return Reply(response.status_code, bytes(data), str(response.url), answer)
    except (httpx.HTTPError, httpx.InvalidURL) as err:
        raise FetchError(f"could not be fetched ({type(err).__name__}: {err})", url) from err
    except (OSError, ValueError) as err:  # a URL httpx cannot even parse, a socket error
        raise FetchError(f"could not be fetched ({err})", url) from err
