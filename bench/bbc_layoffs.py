"""Layoff precision and recall on the BBC dev set, per hand-made list and in total.

The hand list in ../shared/dev/bbc-business/README.md sorts the articles into
sections: A (the story is a company's job cuts), B (a company's cuts mentioned
in another story), C (jobs moved, not cut), D (sector or economy job losses),
E (explicit "no job cuts"); every other article mentions no cut. Scores come
from the same harness as ``newsledger eval eval/bbc-business.gold.jsonl``
(company, jobs and percent must all match).

    python bench/bbc_layoffs.py
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from newsledger.config import load_settings
from newsledger.evaluation.gold import load_gold
from newsledger.evaluation.match import Counts
from newsledger.evaluation.run import evaluate
from newsledger.pipeline import Extractor

REPO = Path(__file__).resolve().parents[1]
README = REPO.parent / "shared" / "dev" / "bbc-business" / "README.md"


def sections() -> dict[str, str]:
    """File number ("014") -> the README section letter that lists it."""
    out: dict[str, str] = {}
    section = ""
    for line in README.read_text(encoding="utf-8").splitlines():
        head = re.match(r"### ([A-Z])\.", line)
        if head:
            section = head.group(1)
        row = re.match(r"\|\s*(\d{3})\.txt", line)
        if row and section:
            out.setdefault(row.group(1), section)
    return out


def main() -> None:
    gold = load_gold(REPO / "eval" / "bbc-business.gold.jsonl")
    result = evaluate(gold, Extractor(load_settings()), with_baselines=True)
    listed = sections()
    for system in result.systems:
        if "layoffs" not in system.scores.facts:
            continue
        by_list: dict[str, Counts] = defaultdict(Counts)
        for art in system.articles:
            number = art.article.id.removeprefix("bbc-")
            key = listed.get(number, "none")
            by_list[key] = by_list[key] + art.facts.get("layoffs", Counts())
        by_list["total"] = system.scores.facts["layoffs"]
        print(f"\n{system.system}: layoffs (company, jobs, percent)")
        print(f"{'list':8s} {'P':>6s} {'R':>6s} {'F1':>6s} {'TP':>4s} {'FP':>4s} {'FN':>4s}")
        for key in [*sorted(k for k in by_list if k not in ("none", "total")), "none", "total"]:
            c = by_list.get(key, Counts())
            figures = (c.precision, c.recall, c.f1)
            cells = [f"{v:6.3f}" if v is not None else "     -" for v in figures]
            print(f"{key:8s} {' '.join(cells)} {c.tp:4d} {c.fp:4d} {c.fn:4d}")


if __name__ == "__main__":
    main()
