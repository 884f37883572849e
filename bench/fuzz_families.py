"""Where the time goes on one ~200 kB text of each fuzz family (issue 11).

For each family of tests/fuzz_texts.py, the text of the ``fuzz``-marked test (seed 1,
200,000 characters) is read the way ingest reads it (``make_article``, then
``Extractor.extract``), after one warm-up text: that is the total. Then the same
text again, stage by stage as the extractor runs them, each stage timed: the spaCy
model (tokenizer and base pipeline; long texts in pieces, cut and joined), newsledger's
components (entities, events, quotes), and cleaning with resolution in the article.
The stages add up to about the total; ``--repeat N`` keeps the least of N runs of each.

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
from newsledger.extract.nlp import COMPONENTS, make_doc  # noqa: E402
from newsledger.extract.parse_copy import parse_copy  # noqa: E402

try:  # this file also times code from before long texts were parsed in pieces
    from newsledger.extract.pieces import join, split_doc
except ImportError:
    split_doc = None  # type: ignore[assignment]
from newsledger.ingest.identity import make_article  # noqa: E402
from newsledger.pipeline import Extractor, _assemble  # noqa: E402

PUBLISHED = date(2020, 5, 5)


def stages(extractor: Extractor, text: str) -> tuple[dict[str, float], int]:
    """Seconds of each stage of one extraction, done as ``Extractor.extract`` does it
    (``extract_many`` and ``pieces.pipe``, step by step); and the count of tokens."""
    nlp, seconds = extractor.nlp, {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[name] = seconds.get(name, 0.0) + now - clock
        clock = now

    copy = parse_copy(make_article(text, published=PUBLISHED))
    lap("clean")
    doc = make_doc(nlp, copy.article)
    lap("model")  # the tokenizer counts with the model
    own = [(name, proc) for name, proc in nlp.pipeline if name in COMPONENTS]
    if split_doc is None:  # older code: one Doc
        parsed = next(nlp.pipe([doc], disable=list(COMPONENTS)))
    else:  # long texts in pieces
        parsed = join(list(nlp.pipe(split_doc(doc), disable=list(COMPONENTS))))
        parsed.user_data.update(doc.user_data)
    lap("model")
    for _name, proc in own:
        parsed = proc(parsed)
    lap("components")
    copy.restore(_assemble(parsed))
    lap("clean")  # cleaning, resolution within the article, offsets restored
    return seconds, len(parsed)


def row(extractor: Extractor, family: str, seed: int, size: int, repeat: int) -> str:
    text = make_text(family, seed, size)
    totals: list[float] = []
    laps: dict[str, list[float]] = {}
    for _ in range(repeat):  # the least of each: other jobs on the machine only add
        start = time.perf_counter()
        extractor.extract(make_article(text, published=PUBLISHED))
        totals.append(time.perf_counter() - start)
        seconds, tokens = stages(extractor, text)
        for name, value in seconds.items():
            laps.setdefault(name, []).append(value)
    least = {name: min(values) for name, values in laps.items()}
    return (
        f"| {family} | {len(text):,} | {tokens:,} | {min(totals):.1f} | {least['model']:.1f}"
        f" | {least['components']:.1f} | {least['clean']:.1f} |"
    )


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
    print(
        "| family | characters | tokens | total s | spaCy model s | newsledger components s"
        " | cleaning and resolution s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for family in args.family or FAMILIES:
        print(row(extractor, family, args.seed, args.size, args.repeat), flush=True)
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
