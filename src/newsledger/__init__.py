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

# name -> "module" or "module:attribute" (the subpackage ``newsledger.ingest``
# owns the plain name, so the pipeline's ingest function is ``ingest_paths`` here)
_EXPORTS: dict[str, str] = {
    "Extractor": "newsledger.pipeline",
    "extract_parallel": "newsledger.pipeline",
    "ingest_paths": "newsledger.pipeline:ingest",
    "ingest_text": "newsledger.pipeline",
    "reextract": "newsledger.pipeline",
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
    target = _EXPORTS.get(name)
    if target is None:
        raise AttributeError(f"module 'newsledger' has no attribute {name!r}")
    module, _, attribute = target.partition(":")
    value = getattr(import_module(module), attribute or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])
