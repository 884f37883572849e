"""newsledger: business news in, a source-linked, queryable record out.

The public Python API is exactly ``__all__``. Names load lazily, so importing
``newsledger`` (or running ``newsledger --help``) does not import spaCy.

>>> import newsledger
>>> "Extractor" in newsledger.__all__
True
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "Extractor": "newsledger.pipeline",
    "extract_parallel": "newsledger.pipeline",
    "ingest": "newsledger.pipeline",
    "Settings": "newsledger.config",
    "load_settings": "newsledger.config",
    "read_inputs": "newsledger.ingest",
    "make_article": "newsledger.ingest.identity",
    "open_store": "newsledger.store",
    "Query": "newsledger.query",
    "Article": "newsledger.models",
    "Entity": "newsledger.models",
    "Event": "newsledger.models",
    "Evidence": "newsledger.models",
    "Quote": "newsledger.models",
    "Extraction": "newsledger.models",
    "Failure": "newsledger.models",
    "NewsledgerError": "newsledger.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsledger' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])
