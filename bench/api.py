"""API latency under concurrent load: company timeline, events list, search.

Builds a generated store (``bench/genstore.py``: many companies on a Zipf law, so
some have thousands of events; no spaCy: this measures the API, not extraction) on
SQLite (cached in the temp folder) or on a throwaway PostgreSQL server (``--store
postgres``, started as the tests start one), times an ingest of 200 more articles
through the store's own write path, starts the app under uvicorn on a loopback port
in a subprocess, then drives it from a second process with a bounded thread pool at
each concurrency, and prints the median and 95th-percentile latency per endpoint.

    .venv/bin/python bench/api.py                                 # 100,000 events, SQLite
    .venv/bin/python bench/api.py --store postgres --events 1000000 --concurrency 4,8
    .venv/bin/python bench/api.py --events 10000 --out runs.jsonl  # one JSON line a run

Targets on the 2-core development machine: median < 20 ms, p95 < 100 ms at
concurrency 4; the saturation throughput at concurrency 8.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import genstore  # noqa: E402  (after the paths are set)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(url: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            if httpx.get(url + "/api/articles?limit=1", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


# --- the load driver (runs in its own process) ----------------------------------


def pick_names(names: list[str], n: int, rng: random.Random) -> list[str]:
    """``n`` companies to ask about: half as readers follow the news (the Zipf law
    the articles were drawn with, so the companies with thousands of events come
    up often), half any company alike."""
    zipf = genstore.Zipf(len(names), genstore.ZIPF_OFFSET)
    return [names[zipf.draw(rng)] if i % 2 else rng.choice(names) for i in range(n)]


def targets(base: str, names: list[str], n: int, seed: int) -> list[tuple[str, str]]:
    """A shuffled mix of (endpoint, url): ``n`` requests per endpoint. An events
    request starting with ``>`` is a second page: the driver asks for the first
    (untimed) and then times its ``next`` (the cursor)."""
    from urllib.parse import quote

    rng = random.Random(seed)
    words = genstore.Zipf(len(genstore.VOCABULARY), 1)
    types = ["layoff", "financial", "strategy", None]
    out: list[tuple[str, str]] = []
    for name in pick_names(names, n, rng):
        out.append(("timeline", f"{base}/api/companies/{quote(name, safe='')}/timeline"))
        kind = rng.choice(types)
        filt = f"&type={kind}" if kind else ""
        url = f"{base}/api/events?company={quote(name)}{filt}"
        out.append(("events", (">" if rng.random() < 0.5 else "") + url))
        # what an analyst types: a business word, often with part of a company name
        query = genstore.VOCABULARY[words.draw(rng)]
        if rng.random() < 0.7:
            query += " " + rng.choice(name.split())
        out.append(("search", f"{base}/api/search?q={quote(query)}"))
    rng.shuffle(out)
    return out


def drive(base: str, names: list[str], n: int, concurrency: int, seed: int) -> dict[str, Any]:
    import httpx

    plan = targets(base, names, n, seed)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    with httpx.Client(limits=limits, timeout=60) as client:

        def one(item: tuple[str, str]) -> tuple[str, float, int]:
            url = item[1]
            if url.startswith(">"):
                url = client.get(url[1:]).json().get("next") or url[1:]
            t0 = time.perf_counter()
            r = client.get(url)
            return item[0], (time.perf_counter() - t0) * 1000, r.status_code

        for item in plan[:30]:  # warm up caches and connections
            one(item)
        t0 = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            results = list(pool.map(one, plan))
        wall = time.perf_counter() - t0
    out: dict[str, Any] = {
        "requests": len(results),
        "wall_s": round(wall, 2),
        "throughput_rps": round(len(results) / wall, 1),
    }
    for endpoint in ("timeline", "events", "search"):
        ms = sorted(t for e, t, _ in results if e == endpoint)
        bad = sum(1 for e, _, s in results if e == endpoint and s != 200)
        out[endpoint] = {
            "n": len(ms),
            "median_ms": round(statistics.median(ms), 1),
            "p95_ms": round(ms[int(0.95 * (len(ms) - 1))], 1),
            "max_ms": round(ms[-1], 1),
            "non_200": bad,
        }
    return out


def serve_and_drive(target: str, args: argparse.Namespace, concurrency: int) -> dict[str, Any]:
    """Start the app on ``target`` under uvicorn, drive it from a second process."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    serve = (
        "import sys, uvicorn; from newsledger.web import create_app; "
        "uvicorn.run(create_app(sys.argv[1], cache=sys.argv[3] == 'on'), "
        "host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("NEWSLEDGER_TOKEN", None)
    server = subprocess.Popen([sys.executable, "-c", serve, target, str(port), args.cache], env=env)
    try:
        wait_up(base, server)
        drive_args = ["--drive", base, "--requests", str(args.requests), "--seed", str(args.seed)]
        drive_args += ["--concurrency", str(concurrency), "--companies", str(args.companies)]
        load = subprocess.run(
            [sys.executable, __file__, *drive_args],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        )
    finally:
        server.terminate()
        server.wait(10)
    result: dict[str, Any] = json.loads(load.stdout)
    return result


def store_size(target: str) -> int:
    """Bytes on disk: the SQLite file (with its WAL), or the PostgreSQL database."""
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target) as conn:
            row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
            return int(row[0]) if row else 0
    wal = Path(target + "-wal")
    return Path(target).stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def measure(target: str, args: argparse.Namespace, fresh: bool) -> dict[str, Any]:
    """Build (when ``fresh``), time an ingest, then load-test at each concurrency."""
    report: dict[str, Any] = {"events": args.events, "store": args.store, "cache": args.cache}
    if fresh:
        built = genstore.build(target, args.events, args.seed, args.companies)
        report["built"] = {"articles": built.articles, "events": built.events}
        report["build_s"] = round(built.seconds, 1)
        report["build_s_per_1k_articles"] = round(1000 * built.seconds / built.articles, 2)
        report["totals_s"] = round(built.totals_seconds, 1)
        ingested = genstore.time_ingest(target, args.ingest, args.seed, args.companies)
        report["ingest_s_per_1k_articles"] = round(1000 * ingested.seconds / args.ingest, 1)
        report["ingest_totals_s"] = round(ingested.totals_seconds, 2)
    report["size_mb"] = round(store_size(target) / 1e6)
    for c in args.concurrency:
        result = serve_and_drive(target, args, c)
        report[f"c{c}"] = result
        print_result(result, c, args)
    return report


def print_result(result: dict[str, Any], concurrency: int, args: argparse.Namespace) -> None:
    print(
        f"{args.store}, {args.events} events: {result['requests']} requests, concurrency "
        f"{concurrency}, cache {args.cache}, {result['throughput_rps']} req/s"
    )
    print(f"{'endpoint':<10} {'n':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'non-200':>8}")
    for endpoint in ("timeline", "events", "search"):
        r = result[endpoint]
        print(
            f"{endpoint:<10} {r['n']:>5} {r['median_ms']:>10} {r['p95_ms']:>8} "
            f"{r['max_ms']:>8} {r['non_200']:>8}",
            flush=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--store", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--db", help="SQLite file to build or reuse (default: in the temp folder)")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--companies", type=int, help="default: one per 300 events, 50 to 3000")
    ap.add_argument("--requests", type=int, default=300, help="per endpoint")
    ap.add_argument("--concurrency", type=lambda v: [int(c) for c in v.split(",")], default=[4, 8])
    ap.add_argument("--ingest", type=int, default=200, help="articles ingested to time it")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--cache", choices=["on", "off"], default="off", help="server answer cache")
    ap.add_argument("--out", type=Path, help="append the report as one JSON line")
    ap.add_argument("--drive", help=argparse.SUPPRESS)  # internal: run as the load process
    args = ap.parse_args()
    args.companies = args.companies or genstore.default_companies(args.events)
    names = [c.name for c in genstore.companies(args.companies, args.seed)]
    if args.drive:
        print(json.dumps(drive(args.drive, names, args.requests, args.concurrency[0], args.seed)))
        return
    if args.store == "postgres":
        report = on_postgres(args)
    else:
        tag = f"{args.events}e_{args.companies}c_{args.seed}"
        db = Path(args.db or Path(tempfile.gettempdir()) / f"nl_bench_api_{tag}.db")
        fresh = args.rebuild or not db.exists()
        if fresh:
            for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
                stale.unlink(missing_ok=True)
        report = measure(str(db), args, fresh)
    report["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    report["load_avg"] = os.getloadavg()
    print(json.dumps(report))
    if args.out:
        with args.out.open("a", encoding="utf-8") as f:
            f.write(json.dumps(report) + "\n")


def on_postgres(args: argparse.Namespace) -> dict[str, Any]:
    """A throwaway PostgreSQL server (as the tests start one), built and measured."""
    import psycopg

    from pg_server import find_bin_dir, pg_server

    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise SystemExit("PostgreSQL binaries (initdb, pg_ctl) not found")
    with pg_server(bin_dir) as base:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
            # the planner's cost of a random read for data in memory or on SSD, as
            # PostgreSQL's manual advises (the default 4.0 is for spinning disks)
            conn.execute("ALTER DATABASE bench SET random_page_cost = 1.1")
        return measure(f"{base}/bench", args, fresh=True)


if __name__ == "__main__":
    main()
