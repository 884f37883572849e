"""One request at a time: what each API request costs the server, load aside.

The app runs in this process (FastAPI's test client: routing, the query, records,
JSON; no socket), on a store built by ``bench/genstore.py``, and each request is
timed several times; the least time is the cost, the median what a busy machine
gave. The companies asked about are the largest, one at a tenth of the ranking and
the smallest. Run it with the code to measure on ``PYTHONPATH``:

    PYTHONPATH=src .venv/bin/python bench/api_requests.py --db /tmp/nl_bench_api_100000e_333c_7.db
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

import genstore


def requests(names: list[str]) -> list[tuple[str, str]]:
    """(label, URL) of each request measured; ``>`` marks a page after the first."""
    picks = {"largest": names[0], "tenth": names[len(names) // 10], "smallest": names[-1]}
    out: list[tuple[str, str]] = []
    for label, name in picks.items():
        events = f"/api/events?company={quote(name)}"
        out += [
            (f"timeline, {label} company", f"/api/companies/{quote(name, safe='')}/timeline"),
            (f"events page 1, {label}", events),
            (f"events page 2 (next), {label}", ">" + events),
            (f"events of one type, {label}", f"{events}&type=layoff"),
        ]
    out += [
        ("events, all companies", "/api/events"),
        ("search: common word", "/api/search?q=cuts"),
        ("search: common word + name", f"/api/search?q=cuts%20{quote(names[0].split()[-1])}"),
        ("search: rare word", "/api/search?q=audit"),
    ]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--db", required=True, help="a store built by bench/genstore.py")
    ap.add_argument("--events", type=int, default=100_000, help="as it was built with")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--times", type=int, default=7)
    args = ap.parse_args()
    from fastapi.testclient import TestClient

    from newsledger.web import create_app

    n = genstore.default_companies(args.events)
    names = [c.name for c in genstore.companies(n, args.seed)]
    with TestClient(create_app(args.db, cache=False)) as client:
        for label, url in requests(names):
            if url.startswith(">"):
                after = client.get(url[1:]).json()["next"]
                if after is None:  # one page holds them all
                    continue
                url = after.replace("http://testserver", "")
            times = []
            for _ in range(args.times):
                t0 = time.perf_counter()
                r = client.get(url)
                times.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200, (url, r.status_code)
            size = len(r.content)
            line = {"request": label, "least_ms": round(min(times), 1)}
            line.update(median_ms=round(statistics.median(times), 1), kb=round(size / 1000))
            print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
