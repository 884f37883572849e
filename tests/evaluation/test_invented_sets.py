"""The invented sets (``eval/team.gold.jsonl``, ``eval/wire.gold.jsonl``) as table tests.

The team wrote these articles to pin down phrasings and traps, so they measure
nothing about real news: each record is a case that must come out exactly as its
gold says (every required fact found, nothing spurious), scored by the same
matcher as ``newsledger eval``. A record that fails today is marked
``xfail(strict=True)`` with its reason, so a fix shows up.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from newsledger.evaluation.gold import GoldArticle, load_gold
from newsledger.evaluation.match import predictions, score_article
from newsledger.evaluation.report import format_details
from newsledger.evaluation.run import to_article

EVAL = Path(__file__).resolve().parents[2] / "eval"
SETS = ("team", "wire")
# record id -> why it fails today (strict: it must start passing to be removed)
XFAIL: dict[str, str] = {}


def _case_id(article: GoldArticle) -> str:
    headline = article.text.strip().splitlines()[0]
    slug = "-".join(re.findall(r"[a-z0-9]+", headline.lower())[:6])
    return f"{article.id}-{slug}"


def _cases() -> list[Any]:
    cases = []
    for name in SETS:
        for article in load_gold(EVAL / f"{name}.gold.jsonl").articles:
            reason = XFAIL.get(article.id)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(article, id=_case_id(article), marks=marks))
    return cases


@pytest.mark.model
@pytest.mark.parametrize("article", _cases())
def test_record_comes_out_as_its_gold(article: GoldArticle, extractor: Any) -> None:
    contract = extractor.extract(to_article(article)).contract()
    score = score_article(article, predictions(contract))
    assert not score.missed and not score.spurious, "\n".join(format_details([score]))
