"""Fuzz the whole extractor for a while: adversarial texts, generated without end.

Texts come from tests/fuzz_texts.py (random bytes decoded, huge numbers, 10k quotation
marks, nested quotes, very long sentences, mixed scripts, HTML, RTL text, zero-width
characters, and a blend), one family after another; each case is (family, seed,
size), its size drawn between 100 characters and 200 kB (log-uniform, so most are
article-sized). Each goes the way ingest sends it (``make_article`` then
``Extractor.extract``), in this process, on one core.

A crash is a failure, and so is a text that takes longer than the issue's bound of
10 s (``over_bound``); the hang guard stops a text at 60 s (``hang``). Each failure's
text and traceback are saved under ``--out`` with the command that replays it. At the
end it prints the count of texts, the failures and the slowest cases, and writes them
to ``--out/summary.json``.

    python bench/fuzz.py [--minutes 20] [--out bench/fuzz-out] [--first-seed 0]
    python bench/fuzz.py --replay huge_numbers:17:52000
"""

from __future__ import annotations

import argparse
import heapq
import json
import math
import os
import platform
import random
import subprocess
import sys
import time
import traceback
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from fuzz_texts import FAMILIES, Hang, hang_guard, make_text  # noqa: E402  (tests/ on the path)
from newsledger.ingest.identity import make_article  # noqa: E402
from newsledger.pipeline import Extractor  # noqa: E402

BOUND_SECONDS = 10.0  # the bound for a text up to 200 kB
HANG_SECONDS = 60.0  # past this a text is stopped: a hang
MIN_SIZE, MAX_SIZE = 100, 200_000
SLOWEST_KEPT = 10
PUBLISHED = date(2020, 5, 5)


@dataclass(frozen=True)
class Case:
    family: str
    seed: int
    size: int

    @property
    def name(self) -> str:
        return f"{self.family}:{self.seed}:{self.size}"

    @classmethod
    def parse(cls, name: str) -> Case:
        family, seed, size = name.split(":")
        return cls(family, int(seed), int(size))


@dataclass(frozen=True)
class Timed:
    seconds: float
    case: str
    chars: int


def case_for(seed: int) -> Case:
    """The seed-th case: families in turn, a size drawn from the seed (log-uniform)."""
    family = FAMILIES[seed % len(FAMILIES)]
    rng = random.Random(seed)
    size = round(math.exp(rng.uniform(math.log(MIN_SIZE), math.log(MAX_SIZE))))
    return Case(family, seed, size)


def run_one(extractor: Extractor, text: str) -> None:
    with hang_guard(HANG_SECONDS):
        extractor.extract(make_article(text, published=PUBLISHED))


class OverBound(Exception):
    """The text was read, but in more than BOUND_SECONDS."""


def save_failure(out: Path, case: Case, text: str, error: BaseException) -> Path:
    folder = out / "failures"
    folder.mkdir(parents=True, exist_ok=True)
    stem = case.name.replace(":", "-")
    (folder / f"{stem}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    report = {
        "case": case.name,
        "error": f"{type(error).__name__}: {str(error)[:500]}",
        "traceback": traceback.format_exception(error)[-12:] if error.__traceback__ else [],
        "replay": f"python bench/fuzz.py --replay {case.name}",
    }
    path = folder / f"{stem}.json"
    path.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return path


def fuzz(minutes: float, out: Path, first_seed: int) -> dict[str, object]:
    extractor = Extractor()
    run_one(extractor, "Acme will cut 500 jobs, it said.")  # load lazy tables first
    deadline = time.monotonic() + minutes * 60
    started = datetime.now(UTC)
    load_before = os.getloadavg()
    commit = _head()  # the code this process loaded, not what HEAD is by the end
    slowest: list[tuple[float, int, Timed]] = []
    failures: list[dict[str, str]] = []
    texts = chars = 0
    busy = 0.0
    per_family: dict[str, int] = dict.fromkeys(FAMILIES, 0)
    seed = first_seed
    while time.monotonic() < deadline:
        case = case_for(seed)
        seed += 1
        text = make_text(case.family, case.seed, case.size)
        start = time.perf_counter()
        error: BaseException | None = None
        try:
            run_one(extractor, text)
        except (Exception, Hang) as err:  # every failure is recorded, and the run goes on
            error = err
        seconds = time.perf_counter() - start
        if error is None and seconds > BOUND_SECONDS:
            error = OverBound(f"{seconds:.1f} s for {len(text):,} characters")
        if error is not None:
            saved = save_failure(out, case, text, error)
            kind = {Hang: "hang", OverBound: "over_bound"}.get(type(error), "crash")
            failures.append({"case": case.name, "kind": kind, "error": str(error)[:200]})
            failures[-1]["saved"] = str(saved)
            print(
                f"FAIL {case.name} ({kind}): {type(error).__name__}: {str(error)[:200]}", flush=True
            )
        busy += seconds
        texts += 1
        chars += len(text)
        per_family[case.family] += 1
        heapq.heappush(slowest, (seconds, seed, Timed(round(seconds, 2), case.name, len(text))))
        if len(slowest) > SLOWEST_KEPT:
            heapq.heappop(slowest)
    return {
        "started": started.isoformat(timespec="seconds"),
        "minutes": minutes,
        "seeds": [first_seed, seed - 1],
        "texts": texts,
        "characters": chars,
        "extracting_seconds": round(busy, 1),
        "per_family": per_family,
        "failures": failures,
        "crashes": sum(f["kind"] == "crash" for f in failures),
        "hangs": sum(f["kind"] == "hang" for f in failures),
        "over_bound": sum(f["kind"] == "over_bound" for f in failures),
        "slowest": [asdict(t) for _s, _n, t in sorted(slowest, reverse=True)],
        "bound_seconds": BOUND_SECONDS,
        "hang_seconds": HANG_SECONDS,
        "load_average_before_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
        "commit": commit,
        "machine": f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }


def _head() -> str:
    """HEAD's short hash, with "+changes" when the work tree differs from it."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True)
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "src"], cwd=REPO, capture_output=True
    )
    return (head.stdout.decode().strip() or "unknown") + (
        "+changes" if dirty.stdout.strip() else ""
    )


def print_summary(summary: dict[str, object]) -> None:
    print(json.dumps({k: v for k, v in summary.items() if k != "slowest"}, indent=2), flush=True)
    print("slowest cases (seconds, family:seed:size, characters):")
    for row in summary["slowest"]:  # type: ignore[attr-defined]
        print(f"  {row['seconds']:6.2f}  {row['case']:28}  {row['chars']:>7,}")


def replay(name: str) -> int:
    case = Case.parse(name)
    text = make_text(case.family, case.seed, case.size)
    start = time.perf_counter()
    run_one(Extractor(), text)
    print(f"{case.name}: {len(text):,} characters in {time.perf_counter() - start:.2f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--minutes", type=float, default=20.0, help="how long to run (20)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "fuzz-out")
    parser.add_argument("--first-seed", type=int, default=0, help="seed of the first case (0)")
    parser.add_argument("--replay", metavar="FAMILY:SEED:SIZE", help="run one case and stop")
    args = parser.parse_args(argv)
    if args.replay:
        return replay(args.replay)
    summary = fuzz(args.minutes, args.out, args.first_seed)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print_summary(summary)
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
