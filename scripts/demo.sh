#!/usr/bin/env bash
# Set up newsledger and run the main job on the bundled sample articles:
# ingest examples/articles into the default SQLite database, print Sony's timeline.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
.venv/bin/newsledger ingest examples/articles
.venv/bin/newsledger timeline "${1:-Sony}"
