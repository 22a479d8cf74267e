#!/usr/bin/env python3
"""Runs the engine scale benchmark: senguide, tantivy, bm25s and SQLite FTS5 on the same
generated passages and queries, at each size, in one run; writes the results and plot.

  bench.py --senguide PATH [--sizes 10000,100000,1000000] [--data DIR] [--engines ...]
           [--repeat 3] [--docs docs]

For each size and engine: build (wall seconds, peak RSS of the building process, index
bytes on disk), start-up (a fresh process opens the index and answers one query; the median
of 5), and the query set one query at a time (p50, p99, queries/s; the best of --repeat runs
for each figure, as the machine may be shared). senguide's pruned top 10 is checked against
its exhaustive scoring (--exhaustive) on every query, and each engine's top 10 is compared
with senguide's (mean overlap).
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ENGINES = ["senguide", "tantivy", "tantivy-stop", "bm25s", "fts5"]


def wait4_run(command):
    """Runs `command`; returns (wall seconds, peak RSS KB, stdout, stderr) using wait4."""
    out_path, err_path = f"/tmp/.scale-bench-{os.getpid()}.out", f"/tmp/.scale-bench-{os.getpid()}.err"
    with open(out_path, "w") as out, open(err_path, "w") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = open(out_path).read(), open(err_path).read()
    if process.returncode != 0:
        sys.exit(f"failed ({process.returncode}): {' '.join(command)}\n{stderr[-3000:]}")
    return wall, usage.ru_maxrss, stdout, stderr


def last_json(text):
    for line in reversed(text.strip().splitlines()):
        line = line.strip().split("\r")[-1]
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError("no JSON line in:\n" + text[-1000:])


def directory_bytes(path):
    return sum(os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(path) for name in names)


def read_run(path):
    hits = {}
    with open(path) as lines:
        for line in lines:
            query, _, doc, *_ = line.split()
            hits.setdefault(query, []).append(doc)
    return hits


def overlap(run, reference):
    shared = [len(set(run.get(q, [])) & set(docs)) / len(docs) for q, docs in reference.items() if docs]
    return round(statistics.mean(shared), 3) if shared else 0.0


class Engine:
    def __init__(self, name, senguide, workdir):
        self.name, self.senguide, self.workdir = name, senguide, workdir
        self.index = os.path.join(workdir, name)

    def build(self, passages):
        shutil.rmtree(self.index, ignore_errors=True)
        os.makedirs(self.index)
        if self.name == "senguide":
            wall, rss, _, _ = wait4_run([self.senguide, "index", "--jsonl", passages, "--out", self.index])
            return {"build_s": round(wall, 3), "build_rss_mb": round(rss / 1024, 1)}
        wall, rss, stdout, _ = wait4_run([sys.executable, os.path.join(HERE, "engines.py"), self.name, "build", passages, self.index])
        return {"build_s": last_json(stdout)["build_s"], "build_rss_mb": round(rss / 1024, 1)}

    def startup(self, query_text, times=5):
        process_ms, first_ms = [], []
        for _ in range(times):
            if self.name == "senguide":
                wall, _, _, _ = wait4_run([self.senguide, "search", "--index", self.index, "--limit", "10", "--json", query_text])
                process_ms.append(wall * 1000)
                first_ms.append(wall * 1000)
            else:
                wall, _, stdout, _ = wait4_run([sys.executable, os.path.join(HERE, "engines.py"), self.name, "startup", self.index, query_text])
                process_ms.append(wall * 1000)
                first_ms.append(last_json(stdout)["first_query_ms"])
        return {"startup_ms": round(statistics.median(first_ms), 1), "startup_process_ms": round(statistics.median(process_ms), 1)}

    def queries(self, queries, run_path, exhaustive=False):
        if self.name == "senguide":
            command = [self.senguide, "search", "--index", self.index, "--queries", queries, "--run", run_path]
            _, _, _, stderr = wait4_run(command + (["--exhaustive"] if exhaustive else []))
            return last_json(stderr)
        _, _, stdout, _ = wait4_run([sys.executable, os.path.join(HERE, "engines.py"), self.name, "query", self.index, queries, run_path])
        return last_json(stdout)


def machine():
    def first(command):
        try:
            return subprocess.run(command, capture_output=True, text=True, shell=True).stdout.strip()
        except OSError:
            return ""
    versions = {}
    for package in ("tantivy", "bm25s", "PyStemmer", "numpy", "scipy"):
        versions[package] = first(f"{sys.executable} -m pip show {package} 2>/dev/null | sed -n 's/^Version: //p'")
    import sqlite3
    return {
        "cpu": first("lscpu | sed -n 's/^Model name: *//p'"), "cores": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "kernel": platform.release(), "swift": first("swift --version 2>&1 | head -1"),
        "python": platform.python_version(), "sqlite": sqlite3.sqlite_version, "packages": versions,
        "load_before": os.getloadavg()[0],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--senguide", required=True)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--data", default="/tmp/senguide-scale")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--docs", default=os.path.join(HERE, "..", "..", "docs"))
    args = parser.parse_args()
    senguide = os.path.abspath(args.senguide)
    engines = args.engines.split(",")
    info = machine()
    print(json.dumps(info), flush=True)
    results = []
    for size in [int(s) for s in args.sizes.split(",")]:
        workdir = os.path.join(args.data, str(size))
        passages, queries = os.path.join(workdir, "passages.jsonl"), os.path.join(workdir, "queries.jsonl")
        if not os.path.exists(queries):
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--passages", str(size), "--out", workdir], check=True)
        first_query = json.loads(open(queries).readline())["text"]
        reference = None
        for name in engines:
            engine = Engine(name, senguide, workdir)
            row = {"engine": name, "passages": size, "load": round(os.getloadavg()[0], 2)}
            row.update(engine.build(passages))
            row["index_mb"] = round(directory_bytes(engine.index) / 2**20, 2)
            row.update(engine.startup(first_query))
            run_path = os.path.join(workdir, name + ".trec")
            timings = []
            for attempt in range(args.repeat):
                started = time.perf_counter()
                timings.append(engine.queries(queries, run_path))
                if time.perf_counter() - started > 60:
                    break
            row["p50_ms"] = min(t["p50_ms"] for t in timings)
            row["p99_ms"] = min(t["p99_ms"] for t in timings)
            row["qps"] = max(t["qps"] for t in timings)
            if "search_only" in timings[0]:
                row["search_only_p50_ms"] = min(t["search_only"]["p50_ms"] for t in timings)
                row["search_only_p99_ms"] = min(t["search_only"]["p99_ms"] for t in timings)
            hits = read_run(run_path)
            if name == "senguide":
                reference = hits
                exhaustive_path = os.path.join(workdir, "senguide-exhaustive.trec")
                engine.queries(queries, exhaustive_path, exhaustive=True)
                with open(run_path) as pruned, open(exhaustive_path) as full:
                    row["pruning_identical"] = pruned.read() == full.read()
            elif reference is not None:
                row["overlap_with_senguide"] = overlap(hits, reference)
            if name != "senguide" and size > 100000:
                shutil.rmtree(engine.index, ignore_errors=True)  # the peers' large indexes: disk space
            print(json.dumps(row), flush=True)
            results.append(row)
    info["load_after"] = os.getloadavg()[0]
    import report
    report.write(results, info, os.path.abspath(args.docs))


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    main()
