"""The house rules that keep the layout honest: imports run one way, the public
API is exactly ``__all__``, every CLI command and setting is documented."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "newsledger"
README = Path(__file__).resolve().parents[1] / "README.md"

# stage -> newsledger stages it must never import (STYLE.md: imports run one way)
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "models": (
        "ingest",
        "extract",
        "normalize",
        "resolve",
        "store",
        "query",
        "web",
        "cli",
        "pipeline",
    ),
    "errors": (
        "ingest",
        "extract",
        "normalize",
        "resolve",
        "store",
        "query",
        "web",
        "cli",
        "pipeline",
    ),
    "normalize": ("ingest", "extract", "resolve", "store", "query", "web", "cli", "pipeline"),
    "resolve": ("ingest", "extract", "store", "query", "web", "cli", "pipeline"),
    "ingest": ("extract", "resolve", "store", "query", "web", "cli", "pipeline"),
    "extract": ("ingest", "store", "query", "web", "cli", "pipeline"),
    "store": ("extract", "query", "web", "cli", "pipeline"),
    "query": ("extract", "web", "cli", "pipeline"),
    "web": ("cli", "store", "extract"),
    "watcher": ("cli", "web"),  # the feed watcher's loop: beside the pipeline, under the CLI
}
NO_SPACY = ("models", "errors", "normalize", "resolve", "store", "query", "ingest")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _stage(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0].removesuffix(".py")


MODULES = sorted(p for p in SRC.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_run_one_way(path: Path) -> None:
    stage = _stage(path)
    imported = _imports(path)
    for other in FORBIDDEN.get(stage, ()):
        bad = {
            m
            for m in imported
            if m == f"newsledger.{other}" or m.startswith(f"newsledger.{other}.")
        }
        assert not bad, f"{stage} must not import {sorted(bad)}"
    if stage in NO_SPACY:
        assert not {m for m in imported if m.split(".")[0] == "spacy"}, f"{stage} imports spaCy"


def test_public_api_is_exactly_all() -> None:
    import newsledger

    public = {n for n in dir(newsledger) if not n.startswith("_")}
    assert set(newsledger.__all__) == public
    for name in newsledger.__all__:
        assert getattr(newsledger, name) is not None


def _commands() -> list[str]:
    from newsledger.cli import cli

    return sorted(cli.commands)


def test_every_cli_command_is_documented() -> None:
    readme = README.read_text(encoding="utf-8")
    missing = [c for c in _commands() if f"newsledger {c}" not in readme]
    assert not missing, f"README does not document: {missing}"


def test_every_setting_is_documented() -> None:
    from newsledger.config import SETTINGS

    readme = README.read_text(encoding="utf-8")
    missing = [s.env for s in SETTINGS if s.env not in readme]
    assert not missing, f"README does not document: {missing}"


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(command: str) -> None:
    from click.testing import CliRunner

    from newsledger.cli import cli

    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


@pytest.mark.model
def test_readme_python_example_runs(tmp_path: Path) -> None:
    """The README's Python API example, as written, on the bundled articles."""
    import os
    import re
    import subprocess
    import sys

    readme = README.read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S)
    assert code is not None
    env = {**os.environ, "NEWSLEDGER_WORKERS": "1"}
    (tmp_path / "examples").symlink_to(README.parent / "examples")
    result = subprocess.run(
        [sys.executable, "-c", code.group(1)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "11000"
