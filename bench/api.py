"""API latency under concurrent load: company timeline, events list, search.

Builds a store of generated articles (at least 100,000 events; no spaCy: this
measures the API, not extraction), starts the app under uvicorn on a loopback
port in a subprocess, then drives it from a second process with a bounded
thread pool, and prints the median and 95th-percentile latency per endpoint.

    .venv/bin/python bench/api.py                       # build (cached) + measure
    .venv/bin/python bench/api.py --events 100000 --requests 400 --concurrency 8

Targets on the 2-core development machine: median < 20 ms, p95 < 100 ms.
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
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsledger.models import (  # noqa: E402  (after the src path is set)
    Article,
    DivestitureArgs,
    Entity,
    Event,
    EventArgs,
    Evidence,
    Extraction,
    FinancialArgs,
    LayoffArgs,
    LeadershipArgs,
    Quote,
    RestructuringArgs,
    StrategyArgs,
)

PREFIXES = [
    "Acme",
    "Borealis",
    "Cobalt",
    "Delta",
    "Ember",
    "Fulcrum",
    "Granite",
    "Helix",
    "Ion",
    "Juniper",
    "Kestrel",
    "Lumen",
]
REGIONS = ["", "North ", "Pacific ", "Atlantic ", "Nordic ", "Asia ", "Global ", "United "]
SUFFIXES = [
    "Motors",
    "Bank",
    "Telecom",
    "Foods",
    "Energy",
    "Pharma",
    "Steel",
    "Airlines",
    "Retail",
    "Media",
    "Logistics",
]
FIRST = [
    "Ana",
    "Ben",
    "Chen",
    "Dara",
    "Emil",
    "Farah",
    "Goro",
    "Hana",
    "Ivan",
    "Jia",
    "Kofi",
    "Lena",
    "Mika",
    "Nora",
    "Omar",
    "Priya",
]
LAST = [
    "Abe",
    "Brandt",
    "Costa",
    "Dubois",
    "Eze",
    "Fischer",
    "Garcia",
    "Haas",
    "Ito",
    "Jensen",
    "Kim",
    "Lopez",
    "Mori",
    "Novak",
]
UNITS = ["plant", "division", "unit", "branch", "network", "team"]
LOSS = ("net_loss", "operating_loss", "impairment", "restructuring_charge", "writedown")
WORDS = [
    "cuts",
    "jobs",
    "loss",
    "charge",
    "plant",
    "profit",
    "warning",
    "restructuring",
    "factory",
    "outlook",
]


@dataclass(frozen=True)
class Company:
    name: str
    people: tuple[str, ...]


def companies(n: int, rng: random.Random) -> list[Company]:
    """``n`` companies (up to 1,056) with three people each."""
    names = [f"{r}{p} {s}".strip() for r in REGIONS for p in PREFIXES for s in SUFFIXES]
    rng.shuffle(names)
    out = []
    for name in names[:n]:
        people = tuple(f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3))
        out.append(Company(name, people))
    return out


def sentence_for(kind: str, co: Company, rng: random.Random) -> tuple[str, EventArgs]:
    """One sentence stating one event, and the event's arguments."""
    if kind == "layoff":
        jobs = rng.choice([40, 120, 350, 800, 1_500, 4_000, 12_000])
        unit = rng.choice(UNITS)
        return f"{co.name} will cut {jobs:,} jobs at its {unit}.", LayoffArgs(jobs=jobs, unit=unit)
    if kind == "financial":
        fin = rng.choice(LOSS)
        millions = rng.randint(5, 9000)
        text = f"{co.name} reported a {fin.replace('_', ' ')} of ${millions:,} million."
        usd = Decimal(millions) * 1_000_000
        return text, FinancialArgs(kind=fin, amount=usd, currency="USD", amount_usd=usd)
    if kind == "restructuring_plan":
        plan = f"{rng.choice(PREFIXES)} {rng.choice(['Forward', 'Renew', 'One'])}"
        return f"{co.name} launched the {plan} restructuring plan.", RestructuringArgs(name=plan)
    if kind == "strategy":
        market = rng.choice(["India", "Brazil", "Mexico", "Poland", "Vietnam"])
        return f"{co.name} will expand in {market}.", StrategyArgs(market=market, move="expand")
    if kind == "leadership":
        who = rng.choice(co.people)
        return (
            f"{co.name} appointed {who} as chief executive.",
            LeadershipArgs(person=who, role="CEO", change="appointed"),
        )
    asset = rng.choice(UNITS)
    return f"{co.name} agreed to sell its {asset} business.", DivestitureArgs(asset=asset)


KINDS = (
    "layoff",
    "financial",
    "financial",
    "restructuring_plan",
    "strategy",
    "leadership",
    "divestiture",
    "layoff",
)


def article(i: int, cos: list[Company], rng: random.Random, per_article: int) -> Extraction:
    """A generated article of ``per_article`` event sentences and one quote."""
    co = rng.choice(cos)
    published = date(2005, 1, 1) + timedelta(days=rng.randrange(20 * 365))
    aid = f"gen{i:07d}"
    parts: list[str] = [f"Report {i}: {rng.choice(WORDS)} and {rng.choice(WORDS)} at {co.name}. "]
    events: list[Event] = []
    for _ in range(per_article):
        kind = rng.choice(KINDS)
        text, args = sentence_for(kind, co, rng)
        start = sum(len(p) for p in parts)
        parts.append(text + " ")
        ev = Evidence(aid, start, start + len(text), text)
        day = published - timedelta(days=rng.randrange(3))
        events.append(Event(kind, co.name, args, (ev,), day))  # type: ignore[arg-type]
    speaker = rng.choice(co.people)
    said = f"We are {rng.choice(WORDS)} for the long run, {rng.choice(WORDS)} included."
    q_start = sum(len(p) for p in parts) + 1
    parts.append(f'"{said}" said {speaker}.')
    text = "".join(parts)
    quote_ev = Evidence(aid, q_start, q_start + len(said), said)
    quote = Quote(said, q_start, q_start + len(said), speaker, quote_ev, "CEO", co.name, "person")
    entities = (
        Entity(f"{aid}-c", "company", co.name),
        Entity(f"{aid}-p", "person", speaker, role="CEO", org=co.name),
    )
    art = Article(aid, text, f"{co.name}: report {i}", published, "Generated Wire")
    return Extraction(art, entities, tuple(events), (quote,))


def build(db: Path, events: int, per_article: int, seed: int, n_companies: int) -> None:
    from newsledger.store import open_store

    rng = random.Random(seed)
    cos = companies(n_companies, rng)
    n_articles = -(-events // per_article)
    t0 = time.perf_counter()
    with open_store(str(db)) as store:
        for i in range(n_articles):
            store.save_extraction(article(i, cos, rng, per_article))
            if i % 2000 == 0:
                print(f"  {i}/{n_articles} articles, {time.perf_counter() - t0:.0f}s", flush=True)
    print(
        f"built {n_articles} articles, {n_articles * per_article} events "
        f"in {time.perf_counter() - t0:.0f}s -> {db}"
    )


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


def targets(base: str, names: list[str], n: int, seed: int) -> list[tuple[str, str]]:
    """A shuffled mix of (endpoint, url): ``n`` requests per endpoint."""
    from urllib.parse import quote

    rng = random.Random(seed)
    types = ["layoff", "financial", "strategy", None]
    out: list[tuple[str, str]] = []
    for _ in range(n):
        name = rng.choice(names)
        out.append(("timeline", f"{base}/api/companies/{quote(name, safe='')}/timeline"))
        kind = rng.choice(types)
        filt = f"&type={kind}" if kind else ""
        offset = rng.choice([0, 0, 50, 500])
        out.append(("events", f"{base}/api/events?company={quote(name)}{filt}&offset={offset}"))
        # what an analyst types: a business word, often with part of a company name
        words = rng.choice(WORDS)
        if rng.random() < 0.7:
            words += " " + rng.choice(name.split())
        out.append(("search", f"{base}/api/search?q={quote(words)}"))
    rng.shuffle(out)
    return out


def drive(base: str, names: list[str], n: int, concurrency: int, seed: int) -> dict[str, Any]:
    import httpx

    plan = targets(base, names, n, seed)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    with httpx.Client(limits=limits, timeout=30) as client:

        def one(item: tuple[str, str]) -> tuple[str, float, int]:
            t0 = time.perf_counter()
            r = client.get(item[1])
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="store to build or reuse (default: in the temp folder)")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--per-article", type=int, default=8)
    ap.add_argument("--companies", type=int, default=1000, help="at most 1056")
    ap.add_argument("--requests", type=int, default=300, help="per endpoint")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--cache", choices=["on", "off"], default="on", help="server answer cache")
    ap.add_argument("--drive", help=argparse.SUPPRESS)  # internal: run as the load process
    args = ap.parse_args()
    tag = f"{args.events}e_{args.companies}c_{args.per_article}pa_{args.seed}"
    args.db = args.db or Path(tempfile.gettempdir()) / f"nl_bench_api_{tag}.db"
    names = [c.name for c in companies(args.companies, random.Random(args.seed))]
    if args.drive:
        print(json.dumps(drive(args.drive, names, args.requests, args.concurrency, args.seed)))
        return
    if args.rebuild or not args.db.exists():
        args.db.unlink(missing_ok=True)
        build(args.db, args.events, args.per_article, args.seed, args.companies)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    serve = (
        "import sys, uvicorn; from newsledger.web import create_app; "
        "uvicorn.run(create_app(sys.argv[1], cache=sys.argv[3] == 'on'), "
        "host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')"
    )
    cmd = [sys.executable, "-c", serve, str(args.db), str(port), args.cache]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("NEWSLEDGER_TOKEN", None)
    server = subprocess.Popen(cmd, env=env)
    try:
        wait_up(base, server)
        load = subprocess.run(
            [
                sys.executable,
                __file__,
                "--drive",
                base,
                "--requests",
                str(args.requests),
                "--concurrency",
                str(args.concurrency),
                "--seed",
                str(args.seed),
                "--db",
                str(args.db),
                "--companies",
                str(args.companies),
            ],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        )
    finally:
        server.terminate()
        server.wait(10)
    result = json.loads(load.stdout)
    print(
        f"store: {args.db} ({args.db.stat().st_size / 1e6:.0f} MB); "
        f"{result['requests']} requests, concurrency {args.concurrency}, cache {args.cache}, "
        f"{result['throughput_rps']} req/s"
    )
    print(f"{'endpoint':<10} {'n':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'non-200':>8}")
    for endpoint in ("timeline", "events", "search"):
        r = result[endpoint]
        print(
            f"{endpoint:<10} {r['n']:>5} {r['median_ms']:>10} {r['p95_ms']:>8} "
            f"{r['max_ms']:>8} {r['non_200']:>8}"
        )


if __name__ == "__main__":
    main()
