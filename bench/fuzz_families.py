"""Where the time goes on one ~200 kB text of each fuzz family (issue 11).

For each family of tests/fuzz_texts.py, the text of the ``fuzz``-marked test (seed 1,
200,000 characters) is read the way ingest reads it (``make_article``, then
``Extractor.extract``), after one warm-up text. Printed per family: characters,
tokens, the whole extraction's seconds, the spaCy model's seconds (tokenizer and the
base pipeline, as the extractor runs them: long texts in pieces) and the rest
(cleaning, newsledger's components, resolution), the whole less the model. The
model is timed in a second pass over the same text, so the two add up only roughly;
``--repeat N`` keeps the least of N runs of each.

    python bench/fuzz_families.py [--size 200000] [--seed 1] [--repeat 1] [--family html ...]
    python bench/fuzz_families.py --profile long_sentence   # cProfile of one extraction
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from fuzz_texts import FAMILIES, make_text  # noqa: E402  (tests/ on the path)
from newsledger.extract.nlp import COMPONENTS  # noqa: E402
from newsledger.extract.parse_copy import parse_copy  # noqa: E402

try:  # this file also times code from before long texts were parsed in pieces
    from newsledger.extract.pieces import join, split_doc
except ImportError:  # pragma: no cover
    split_doc = None  # type: ignore[assignment]
from newsledger.ingest.identity import make_article  # noqa: E402
from newsledger.pipeline import Extractor  # noqa: E402

PUBLISHED = date(2020, 5, 5)


def model_seconds(extractor: Extractor, text: str) -> tuple[float, int]:
    """The tokenizer and base pipeline on the text as the extractor parses it; tokens."""
    copy = parse_copy(make_article(text, published=PUBLISHED))
    nlp = extractor.nlp
    start = time.perf_counter()
    if split_doc is None:  # older code: one Doc
        doc = next(nlp.pipe([copy.article.text], disable=list(COMPONENTS)))
    else:  # long texts in pieces
        split = split_doc(nlp.make_doc(copy.article.text))
        doc = join(list(nlp.pipe(split, disable=list(COMPONENTS))))
    return time.perf_counter() - start, len(doc)


def row(extractor: Extractor, family: str, seed: int, size: int, repeat: int) -> str:
    text = make_text(family, seed, size)
    totals, models = [], []
    for _ in range(repeat):  # the least of each: other jobs on the machine only add
        start = time.perf_counter()
        extractor.extract(make_article(text, published=PUBLISHED))
        totals.append(time.perf_counter() - start)
        seconds, tokens = model_seconds(extractor, text)
        models.append(seconds)
    total, model = min(totals), min(models)
    rest = total - model
    return f"| {family} | {len(text):,} | {tokens:,} | {total:.1f} | {model:.1f} | {rest:.1f} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="runs per text; the least kept")
    parser.add_argument("--family", action="append", choices=FAMILIES, help="default: all")
    parser.add_argument("--profile", choices=FAMILIES, help="cProfile one family's extraction")
    args = parser.parse_args(argv)
    extractor = Extractor()
    extractor.extract(make_article("Acme will cut 500 jobs, it said.", published=PUBLISHED))
    if args.profile:
        article = make_article(make_text(args.profile, args.seed, args.size), published=PUBLISHED)
        profile = cProfile.Profile()
        profile.runcall(extractor.extract, article)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(45)
        return 0
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    print("| family | characters | tokens | total s | spaCy model s | the rest s |")
    print("|---|---:|---:|---:|---:|---:|")
    for family in args.family or FAMILIES:
        print(row(extractor, family, args.seed, args.size, args.repeat), flush=True)
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
