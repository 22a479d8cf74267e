#!/usr/bin/env bash
# The engine scale benchmark, in one command, from anywhere:
#
#   bash Benchmarks/scale/run.sh                    # 10k, 100k and 1M passages
#   bash Benchmarks/scale/run.sh --sizes 10000      # a quick run
#
# Builds senguide (release), installs the peers' Python packages if missing (tantivy, bm25s,
# PyStemmer; matplotlib for the plot), generates the passages and queries (deterministic;
# kept in $SCALE_DATA, default /tmp/senguide-scale), runs every engine at every size and
# writes docs/benchmarks/scale.{csv,json,png} and the "Engine scale" table in
# docs/BENCHMARKS.md. Python and these packages are benchmark tools only, never part of
# senguide. Other arguments go to bench.py (see its --help).
set -euo pipefail
cd "$(dirname "$0")/../.."

python3 - <<'PY' || python3 -m pip install --quiet tantivy bm25s PyStemmer matplotlib numpy
import importlib
for name in ("tantivy", "bm25s", "Stemmer", "matplotlib", "numpy"):
    importlib.import_module(name)
PY
python3 - <<'PY'
import sqlite3
connection = sqlite3.connect(":memory:")
try:
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61')")
except sqlite3.OperationalError as error:
    raise SystemExit(f"this Python's SQLite {sqlite3.sqlite_version} has no FTS5 ({error}); run with --engines senguide,tantivy,bm25s")
PY

swift build -c release --scratch-path .build-scale --product senguide
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec python3 Benchmarks/scale/bench.py --senguide .build-scale/release/senguide \
    --data "${SCALE_DATA:-/tmp/senguide-scale}" "$@"
