"""Every route of the HTTP API and the feeds is in the README, as the CLI's
commands and settings are (tests/test_architecture.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


def _routes() -> list[tuple[str, str]]:
    from newsledger.web import build_app

    spec: dict[str, Any] = build_app(None, cache=False).openapi()  # type: ignore[arg-type]
    return sorted((m.upper(), path) for path, ops in spec["paths"].items() for m in ops)


@pytest.mark.parametrize(("method", "path"), _routes(), ids=lambda v: str(v))
def test_every_route_is_documented(method: str, path: str) -> None:
    assert f"`{method} {path}`" in README.read_text(encoding="utf-8"), "README's endpoint table"
