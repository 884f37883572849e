"""The HTTP API and the web page: thin, calls ``newsledger.query`` only.

>>> from newsledger.web import create_app             # doctest: +SKIP
>>> app = create_app("newsledger.db")                  # doctest: +SKIP
"""

from newsledger.web.app import build_app, create_app

__all__ = ["build_app", "create_app"]
