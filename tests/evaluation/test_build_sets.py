"""How eval/build_sets.py turns PolNeAR attributions into gold by ANNOTATION.md's quote rules."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "build_sets", Path(__file__).resolve().parents[2] / "eval" / "build_sets.py"
)
assert _SPEC is not None and _SPEC.loader is not None
build_sets = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(build_sets)


def _attribution(source: str, content: str, direct: bool) -> dict[str, Any]:
    return {"source": {"text": source}, "content": {"text": content}, "direct": direct}


# fmt: off
CASES = [
    pytest.param(_attribution("Ann Lee", "\u201cWe will not sell the plant,\u201d", True),
                 [{"quote_start": "\u201cWe will not sell the plant,\u201d", "speaker": "Ann Lee"}],
                 id="direct-named-required"),
    pytest.param(_attribution("a senior aide", "\u201cWe will not sell the plant,\u201d", True),
                 [{"quote_start": "\u201cWe will not sell the plant,\u201d", "optional": True}],
                 id="described-speaker-not-required"),
    pytest.param(_attribution("The longtime senator", "\u201cWe will not sell the plant,\u201d",
                              True),
                 [{"quote_start": "\u201cWe will not sell the plant,\u201d", "optional": True}],
                 id="capital-only-from-the-sentence-start-is-a-description"),
    pytest.param(_attribution("The Halden Foundation", "\u201cWe will not sell the plant,\u201d",
                              True),
                 [{"quote_start": "\u201cWe will not sell the plant,\u201d",
                   "speaker": "The Halden Foundation"}],
                 id="named-after-the-determiner"),
    pytest.param(_attribution("she", "\u201cWe will not sell the plant,\u201d", True),
                 [{"quote_start": "\u201cWe will not sell the plant,\u201d"}],
                 id="pronoun-required-speaker-unchecked"),
    pytest.param(_attribution("Ann Lee", "\u201cstunned\u201d", True),
                 [{"quote_start": "\u201cstunned\u201d", "speaker": "Ann Lee", "optional": True}],
                 id="short-fragment-not-required"),
    pytest.param(_attribution("Ann Lee", "the deal was \u201ca disaster for the town\u201d", False),
                 [{"quote_start": "the deal was \u201ca disaster for", "speaker": "Ann Lee",
                   "optional": True},
                  {"quote_start": "a disaster for the town", "speaker": "Ann Lee"}],
                 id="quoted-span-inside-indirect-speech-required"),
    pytest.param(_attribution("Ann Lee", "the plan needed \u201cmore time\u201d", False),
                 [{"quote_start": "the plan needed \u201cmore time\u201d", "speaker": "Ann Lee",
                   "optional": True},
                  {"quote_start": "more time", "speaker": "Ann Lee", "optional": True}],
                 id="short-span-inside-indirect-speech-not-required"),
    pytest.param(_attribution("Ann Lee", "she backed \u201cMake Halden Great Again\u201d", False),
                 [{"quote_start": "she backed \u201cMake Halden Great Again\u201d",
                   "speaker": "Ann Lee", "optional": True},
                  {"quote_start": "Make Halden Great Again", "speaker": "Ann Lee",
                   "optional": True}],
                 id="title-case-span-is-a-title-not-required"),
    pytest.param(_attribution("Ann Lee", "the plan would cost jobs", False),
                 [{"quote_start": "the plan would cost jobs", "speaker": "Ann Lee",
                   "optional": True}],
                 id="indirect-speech-alone-not-required"),
]
# fmt: on


@pytest.mark.parametrize(("attribution", "expected"), CASES)
def test_polnear_quotes(attribution: dict[str, Any], expected: list[dict[str, Any]]) -> None:
    assert build_sets._polnear_quotes({"attributions": [attribution]}) == expected
