"""Writes the scale benchmark's results: CSV, JSON, a PNG plot and the table in
docs/BENCHMARKS.md (only between the "engine-scale" markers, so other sections of that file
are left alone)."""
import csv
import json
import os
import time

COLUMNS = [
    ("engine", "engine"), ("passages", "passages"), ("build_s", "build s"), ("build_rss_mb", "build peak MB"),
    ("index_mb", "index MB"), ("startup_ms", "open + first query ms"), ("startup_process_ms", "whole process ms"),
    ("p50_ms", "p50 ms"), ("p99_ms", "p99 ms"), ("qps", "queries/s"),
]
BEGIN, END = "<!-- engine-scale:begin -->", "<!-- engine-scale:end -->"


def table(results):
    lines = ["| " + " | ".join(title for _, title in COLUMNS) + " | notes |",
             "|" + "---|" * (len(COLUMNS) + 1)]
    for row in results:
        notes = []
        if "pruning_identical" in row:
            notes.append("pruned = exhaustive" if row["pruning_identical"] else "**pruned ≠ exhaustive**")
        if "search_only_p50_ms" in row:
            notes.append(f"without fetching ids: p50 {row['search_only_p50_ms']}, p99 {row['search_only_p99_ms']}")
        if "overlap_with_senguide" in row:
            notes.append(f"top-10 overlap with senguide {row['overlap_with_senguide']:.2f}")
        cells = [f"{row[key]:,}" if key == "passages" else str(row.get(key, "")) for key, _ in COLUMNS]
        lines.append("| " + " | ".join(cells) + " | " + "; ".join(notes) + " |")
    return "\n".join(lines)


def plot(results, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    engines = sorted({row["engine"] for row in results}, key=["senguide", "tantivy", "tantivy-stop", "bm25s", "fts5"].index)
    figure, axes = plt.subplots(1, 3, figsize=(15, 4.6))
    for name in engines:
        rows = sorted((row for row in results if row["engine"] == name), key=lambda row: row["passages"])
        sizes = [row["passages"] for row in rows]
        style = dict(marker="o", linewidth=2.5 if name == "senguide" else 1.5, label=name)
        axes[0].plot(sizes, [row["build_s"] for row in rows], **style)
        axes[1].plot(sizes, [row["p50_ms"] for row in rows], **style)
        axes[2].plot(sizes, [row["p99_ms"] for row in rows], **style)
    for axis, title in zip(axes, ["index build (s)", "top-10 latency p50 (ms)", "top-10 latency p99 (ms)"]):
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_xlabel("passages")
        axis.set_title(title)
        axis.grid(True, which="both", alpha=0.3)
    axes[0].legend()
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def write(results, info, docs):
    directory = os.path.join(docs, "benchmarks")
    os.makedirs(directory, exist_ok=True)
    keys = sorted({key for row in results for key in row}, key=lambda key: ([k for k, _ in COLUMNS] + [key]).index(key))
    with open(os.path.join(directory, "scale.csv"), "w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=keys)
        writer.writeheader()
        writer.writerows(results)
    with open(os.path.join(directory, "scale.json"), "w") as out:
        json.dump({"machine": info, "results": results}, out, indent=1)
    plot(results, os.path.join(directory, "scale.png"))
    machine = (f"{info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB, Linux {info['kernel']}; "
               f"{info['swift']}; Python {info['python']}, SQLite {info['sqlite']}, "
               + ", ".join(f"{name} {version}" for name, version in info["packages"].items() if version)
               + f". Load average {info['load_before']:.2f} before, {info['load_after']:.2f} after "
               + f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}).")
    section = "\n".join([BEGIN, "", "Measured " + machine, "", table(results), "",
                         "![build time and latency against corpus size](benchmarks/scale.png)", "", END])
    path = os.path.join(docs, "BENCHMARKS.md")
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n## Engine scale\n\n" + section + "\n"
    with open(path, "w") as out:
        out.write(text)
    print(table(results))
