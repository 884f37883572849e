"""Fetch an http(s) URL with the standard library, within a time and size limit.

Every network problem (refused, timed out, not found, too large) becomes a
coded error naming the URL; nothing from ``urllib`` escapes.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from newsledger import __version__
from newsledger.errors import FetchError, TooLarge

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
