"""What the read side stores and splices: JSON text as the API writes it, and the
fingerprint of the code a stored answer was computed by.

A stored answer (a company's timeline totals, ``store/totals.py``) is current only
while the rows it was computed from are unchanged (the database's triggers see
to that) *and* while the code that computed it is the same: :data:`CODE` hashes
the modules that shape it (records, figures, sentences, the rows read, money
and its dollar rates) and the version of the bundled ECB rates, so a new
newsledger never serves an answer an older one wrote.

>>> object_text([("a", dumps(1)), ("b", '[{"x":null}]')])
'{"a":1,"b":[{"x":null}]}'
>>> members = {"a": 1, "b": [{"x": None}]}
>>> object_text([(k, dumps(v)) for k, v in members.items()]) == dumps(members)
True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parents[1]
# what a stored timeline total depends on, besides the rows: the code that reads
# the rows, builds the records and figures and writes their sentences and notes
_SHAPING = (
    "models.py",
    "query/*.py",
    "store/read.py",
    "store/write.py",
    "normalize/*.py",
    "normalize/data/*.json",
)


def fingerprint(root: Path = _PACKAGE) -> str:
    """A hash of the source and data files that shape a stored answer, and of the
    ECB rates' package version."""
    digest = hashlib.sha256()
    for pattern in _SHAPING:
        for path in sorted(root.glob(pattern)):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    try:
        digest.update(metadata.version("CurrencyConverter").encode())
    except metadata.PackageNotFoundError:
        digest.update(b"no rates")
    return digest.hexdigest()[:16]


CODE = fingerprint()


def dumps(value: Any) -> str:
    """JSON as the API writes it: compact, UTF-8 as it is (no ``\\u`` escapes)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def object_text(members: Sequence[tuple[str, str]]) -> str:
    """A JSON object from its members' names and their JSON text: what :func:`dumps`
    writes for the dict, byte for byte, without parsing text already written."""
    return "{" + ",".join(f"{dumps(name)}:{text}" for name, text in members) + "}"
