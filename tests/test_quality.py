"""ruff and mypy --strict stay clean (STYLE.md): run as tests so CI keeps them so."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail(f"{name} is not installed (pip install -e '.[test]')")
    return found


@pytest.mark.parametrize(
    "args",
    [["check", "src", "tests", "bench", "eval"], ["format", "--check", "src"]],
    ids=["lint", "format"],
)
def test_ruff(args: list[str]) -> None:
    result = subprocess.run([_tool("ruff"), *args], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_src() -> None:
    result = subprocess.run(
        [_tool("mypy")],
        cwd=REPO,
        capture_output=True,
        text=True,  # files and strict: pyproject
    )
    assert result.returncode == 0, result.stdout + result.stderr
