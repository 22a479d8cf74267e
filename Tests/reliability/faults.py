#!/usr/bin/env python3
"""Fault injection against the senguide CLI: what happens to the index when things go wrong.

    python3 Tests/reliability/faults.py --bin .build/release/senguide [--quick] [CHECK ...]

Checks (all by default):
  kill        kill -9 at random points while `senguide index` writes: the old index must
              still open and answer (or the new one, if the write had finished)
  full-disk   `senguide index` onto a full filesystem (a small tmpfs): a clear error, the old
              index byte for byte as it was, no temporary file left
  unwritable  Index/ that cannot be written (a read-only bind mount; a directory the user
              `nobody` may not write, via setpriv): a clear error, the old index intact
  corrupt     every truncation length and every single-bit flip of a small index file,
              searched through the CLI with a time limit: a clear error ending "Rebuild it:
              senguide index" or (should the checksum allow it) the same results; never a
              crash, a signal or a hang
  utf8        a corpus file, the vocabulary, the myth cards and the not-covered topics with
              invalid UTF-8: an error naming the file and the line

Needs root for the mounts (tmpfs, bind) and setpriv; a check that cannot set up its fault
says so and counts as skipped, not passed. Everything happens under a temporary directory,
which is removed at the end. The last line is "N passed, N failed, N skipped".
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REBUILD = "Rebuild it: senguide index"
results = {"passed": 0, "failed": 0, "skipped": 0}


def report(outcome, name, detail=""):
    results[outcome] += 1
    print("%-7s %s%s" % (outcome.upper(), name, (": " + detail) if detail else ""), flush=True)


def run(binary, *arguments, timeout=30, **options):
    return subprocess.run([binary, *arguments], capture_output=True, text=True, timeout=timeout,
                          env=dict(os.environ, NO_COLOR="1"), **options)


def sha256(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def mount(*arguments):
    return subprocess.run(["mount", *arguments], capture_output=True, text=True).returncode == 0


def umount(path):
    subprocess.run(["umount", path], capture_output=True)


def write_collection(path, passages, seed, words):
    generator = random.Random(seed)
    with open(path, "w") as handle:
        for number in range(passages):
            text = " ".join(generator.choice(words) for _ in range(generator.randint(20, 60)))
            handle.write(json.dumps({"id": "p%d" % number, "title": "", "text": text}) + "\n")


def corpus_words():
    words = []
    for name in sorted(os.listdir(os.path.join(ROOT, "Corpus"))):
        if name.endswith(".md"):
            with open(os.path.join(ROOT, "Corpus", name), encoding="utf-8") as handle:
                words += [word for word in handle.read().split() if word.isalpha()]
    return words


def search_json(binary, index, query="school plan review"):
    result = run(binary, "search", "--index", index, "--json", "--limit", "10", query, timeout=30)
    return result.returncode, result.stdout, result.stderr


# --- kill -9 while indexing -------------------------------------------------------------

def wait_for_temporary(folder, process, deadline):
    """Polls `folder` until `process`'s index.sgix.tmp-PID appears; when it did, or None if the
    process ended first (on a loaded machine a write of a few milliseconds can fall between two
    polls) or the deadline passed. Without the first check a missed file cost the whole
    deadline, and a calibration run that missed it was taken to last 300 s."""
    name = "index.sgix.tmp-%d" % process.pid
    while time.monotonic() < deadline:
        if os.path.exists(os.path.join(folder, name)):
            return time.monotonic()
        if process.poll() is not None:
            return None
        time.sleep(0.0005)
    return None


def check_kill(binary, work, quick):
    words = corpus_words()
    old_collection = os.path.join(work, "old.jsonl")
    new_collection = os.path.join(work, "new.jsonl")
    passages = 150000 if not quick else 60000
    write_collection(old_collection, passages, 1, words)
    write_collection(new_collection, passages, 2, words)
    index = os.path.join(work, "kill-index")
    result = run(binary, "index", "--jsonl", old_collection, "--out", index, timeout=300)
    if result.returncode != 0:
        report("failed", "kill: building the old index", result.stderr.strip())
        return
    old = search_json(binary, index)
    # Calibrate: how long a whole run takes, and how long the temporary file lives.
    new_index = os.path.join(work, "kill-new")
    os.makedirs(new_index)
    started = time.monotonic()
    process = subprocess.Popen([binary, "index", "--jsonl", new_collection, "--out", new_index],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    appeared = wait_for_temporary(new_index, process, started + 300)
    process.wait()
    finished = time.monotonic()
    full = finished - started
    writing = finished - appeared if appeared else 0.01
    new = search_json(binary, new_index)
    if old[0] != 0 or new[0] != 0 or old[1] == new[1]:
        report("failed", "kill: set-up", "the two collections must give different results")
        return
    kills = 40 if not quick else 12
    generator = random.Random(7)
    outcomes = {"old": 0, "new": 0, "during-write": 0}
    problems = []
    for attempt in range(kills):
        temporaries = {name for name in os.listdir(index) if name.startswith("index.sgix.tmp-")}
        process = subprocess.Popen([binary, "index", "--jsonl", new_collection, "--out", index],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if attempt % 2 == 0:
            # Anywhere in the run, parsing and building included, or just after it ends.
            delay = generator.uniform(0, full * 1.1)
            time.sleep(delay)
            where = "%.3f s into the run" % delay
        else:
            # While the temporary file is being written and flushed.
            seen = wait_for_temporary(index, process, time.monotonic() + full * 3)
            delay = generator.uniform(0, writing)
            time.sleep(delay)
            where = "%.3f s into the write" % delay if seen else "before the write (never seen)"
        process.send_signal(signal.SIGKILL)
        process.wait()
        if {name for name in os.listdir(index) if name.startswith("index.sgix.tmp-")} - temporaries:
            outcomes["during-write"] += 1
        code, out, err = search_json(binary, index)
        if code != 0:
            problems.append("after a kill %s: search exit %d: %s" % (where, code, err.strip()))
        elif out == old[1]:
            outcomes["old"] += 1
        elif out == new[1]:
            outcomes["new"] += 1
            # Put the old index back for the next round.
            run(binary, "index", "--jsonl", old_collection, "--out", index, timeout=300)
        else:
            problems.append("after a kill %s: results are neither the old nor the new index's" % where)
    strays = [name for name in os.listdir(index) if name.startswith("index.sgix.tmp-")]
    # Stray temporary files must not stop a later index or search.
    final = run(binary, "index", "--jsonl", old_collection, "--out", index, timeout=300)
    after = search_json(binary, index)
    if final.returncode != 0 or after[1] != old[1]:
        problems.append("indexing again beside %d stray temporary files failed: %s" % (len(strays), final.stderr.strip()))
    remaining = [name for name in os.listdir(index) if name.startswith("index.sgix.tmp-")]
    if remaining:
        problems.append("the next index left the abandoned temporary files %s" % remaining)
    detail = ("%d passages; %d kills (half anywhere in a %.2f s run, half within the %.3f s the temporary file is "
              "written): %d left the old index answering, %d the new one (killed after the rename), never "
              "anything else; %d kills landed mid-write and left a temporary file, which the next index "
              "removed") % (passages, kills, full, writing, outcomes["old"], outcomes["new"], outcomes["during-write"])
    report("failed" if problems else "passed", "kill", "; ".join(problems[:3]) if problems else detail)


# --- full disk ----------------------------------------------------------------------------

def check_full_disk(binary, work):
    corpus = os.path.join(ROOT, "Corpus")
    disk = os.path.join(work, "full")
    os.makedirs(disk)
    size_kb = 256
    if not mount("-t", "tmpfs", "-o", "size=%dk" % size_kb, "tmpfs", disk):
        report("skipped", "full-disk", "cannot mount a tmpfs (needs root)")
        return
    try:
        index = os.path.join(disk, "Index")
        built = run(binary, "index", "--corpus", corpus, "--out", index, timeout=120)
        if built.returncode != 0:
            report("failed", "full-disk: the old index", built.stderr.strip())
            return
        before = sha256(os.path.join(index, "index.sgix"))
        # Fill the rest of the filesystem.
        filler = os.open(os.path.join(disk, "filler"), os.O_WRONLY | os.O_CREAT, 0o644)
        try:
            while os.write(filler, b"\0" * 4096) > 0:
                pass
        except OSError:
            pass
        finally:
            os.close(filler)
        result = run(binary, "index", "--corpus", corpus, "--out", index, timeout=120)
        problems = []
        if result.returncode != 1:
            problems.append("exit %d, expected 1" % result.returncode)
        if "No space left on device" not in result.stderr or "The old index is unchanged" not in result.stderr:
            problems.append("message: %r" % result.stderr.strip())
        if sha256(os.path.join(index, "index.sgix")) != before:
            problems.append("the old index changed")
        if [name for name in os.listdir(index) if name != "index.sgix"]:
            problems.append("left %s" % os.listdir(index))
        code, _, err = search_json(binary, index, "graduated approach")
        searched = run(binary, "search", "--index", index, "--corpus", corpus, "graduated approach")
        if searched.returncode != 0 or "no index" in searched.stderr:
            problems.append("the old index does not answer: %s" % searched.stderr.strip())
        report("failed" if problems else "passed", "full-disk",
               "; ".join(problems) if problems else "tmpfs of %d KiB: %s" % (size_kb, result.stderr.strip()))
    finally:
        umount(disk)


# --- unwritable Index/ ----------------------------------------------------------------------

def check_unwritable(binary, work):
    corpus = os.path.join(ROOT, "Corpus")
    # 1. A read-only bind mount: even root gets EROFS.
    index = os.path.join(work, "ro-index")
    built = run(binary, "index", "--corpus", corpus, "--out", index, timeout=120)
    if built.returncode != 0:
        report("failed", "unwritable: the old index", built.stderr.strip())
        return
    before = sha256(os.path.join(index, "index.sgix"))
    if mount("--bind", index, index) and mount("-o", "remount,ro,bind", index):
        try:
            result = run(binary, "index", "--corpus", corpus, "--out", index, timeout=120)
            problems = []
            if result.returncode != 1 or "Read-only file system" not in result.stderr \
                    or "The old index is unchanged" not in result.stderr:
                problems.append("exit %d: %r" % (result.returncode, result.stderr.strip()))
            if sha256(os.path.join(index, "index.sgix")) != before:
                problems.append("the old index changed")
            searched = run(binary, "search", "--index", index, "--corpus", corpus, "graduated approach")
            if searched.returncode != 0:
                problems.append("the old index does not answer: %s" % searched.stderr.strip())
            report("failed" if problems else "passed", "unwritable: read-only mount",
                   "; ".join(problems) if problems else result.stderr.strip())
        finally:
            umount(index)
    else:
        report("skipped", "unwritable: read-only mount", "cannot bind-mount (needs root)")
    # 2. A directory the user may not write (root ignores modes, so run as nobody).
    setpriv = shutil.which("setpriv")
    if os.geteuid() != 0 or setpriv is None:
        report("skipped", "unwritable: no write permission", "needs root and setpriv to run as nobody")
        return
    home = os.path.join(work, "as-nobody")
    os.makedirs(home)
    shutil.copy(binary, os.path.join(home, "senguide"))
    shutil.copytree(corpus, os.path.join(home, "Corpus"))
    index = os.path.join(home, "Index")
    run(binary, "index", "--corpus", os.path.join(home, "Corpus"), "--out", index, timeout=120)
    before = sha256(os.path.join(index, "index.sgix"))
    for path, mode in ((work, 0o755), (home, 0o755), (os.path.join(home, "senguide"), 0o755), (index, 0o555),
                       (os.path.join(index, "index.sgix"), 0o644)):
        os.chmod(path, mode)
    for folder, _, files in os.walk(os.path.join(home, "Corpus")):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
    command = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--",
               os.path.join(home, "senguide")]
    result = subprocess.run(command + ["index", "--corpus", "Corpus", "--out", "Index"], cwd=home,
                            capture_output=True, text=True, timeout=120, env=dict(os.environ, NO_COLOR="1"))
    searched = subprocess.run(command + ["search", "graduated approach"], cwd=home, capture_output=True, text=True,
                              timeout=120, env=dict(os.environ, NO_COLOR="1"))
    problems = []
    if result.returncode != 1 or "Permission denied" not in result.stderr \
            or "The old index is unchanged" not in result.stderr:
        problems.append("exit %d: %r" % (result.returncode, result.stderr.strip()))
    if sha256(os.path.join(index, "index.sgix")) != before:
        problems.append("the old index changed")
    if searched.returncode != 0:
        problems.append("the old index does not answer: %s" % searched.stderr.strip())
    report("failed" if problems else "passed", "unwritable: no write permission (as nobody)",
           "; ".join(problems) if problems else result.stderr.strip())


# --- truncation and bit flips -----------------------------------------------------------------

def check_corrupt(binary, work, quick):
    collection = os.path.join(work, "small.jsonl")
    with open(collection, "w") as handle:
        for pid, text in (("a", "school plan"), ("b", "plan plan review"), ("c", "school review meeting")):
            handle.write(json.dumps({"id": pid, "title": "", "text": text}) + "\n")
    index = os.path.join(work, "small-index")
    run(binary, "index", "--jsonl", collection, "--out", index)
    with open(os.path.join(index, "index.sgix"), "rb") as handle:
        original = handle.read()
    good = search_json(binary, index)
    cases = [("truncated to %d bytes" % length, original[:length]) for length in range(len(original))]
    for position in range(len(original)):
        for bit in range(8):
            if quick and bit != position % 8:
                continue
            flipped = bytearray(original)
            flipped[position] ^= 1 << bit
            cases.append(("bit %d of byte %d flipped" % (bit, position), bytes(flipped)))

    def attempt(numbered):
        number, (name, data) = numbered
        folder = os.path.join(work, "corrupt-%d" % number)
        os.makedirs(folder)
        with open(os.path.join(folder, "index.sgix"), "wb") as handle:
            handle.write(data)
        try:
            code, out, err = search_json(binary, folder)
        except subprocess.TimeoutExpired:
            return name, "hang: no answer within 30 s"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        if code == 0:
            return (name, None, "same") if out == good[1] else (name, "exit 0 with different results")
        if code == 1 and REBUILD in err and "\n" not in err.strip():
            return name, None, "error"
        return name, "exit %d: %r" % (code, err.strip()[-300:])

    outcomes = {"error": 0, "same": 0}
    problems = []
    with ThreadPoolExecutor(max_workers=2) as pool:
        for outcome in pool.map(attempt, enumerate(cases)):
            if outcome[1] is None:
                outcomes[outcome[2]] += 1
            else:
                problems.append("%s: %s" % outcome[:2])
    detail = "%d-byte index, %d corrupted copies (%d truncations, %d bit flips%s): %d clear errors, %d same results" % (
        len(original), len(cases), len(original), len(cases) - len(original), ", one bit a byte" if quick else "",
        outcomes["error"], outcomes["same"])
    report("failed" if problems else "passed", "corrupt", "; ".join(problems[:5]) if problems else detail)


# --- invalid UTF-8 ---------------------------------------------------------------------------

def check_utf8(binary, work):
    for name in ("ipsea-sen-support.md", "vocabulary.txt", "myths.md", "not-covered.txt", "passage-questions.txt"):
        corpus = os.path.join(work, "utf8-" + name)
        shutil.copytree(os.path.join(ROOT, "Corpus"), corpus)
        path = os.path.join(corpus, name)
        with open(path, "rb") as handle:
            lines = handle.read().split(b"\n")
        line = min(len(lines) - 1, 12)
        lines[line - 1] += b" caf\xe9 \xff"
        with open(path, "wb") as handle:
            handle.write(b"\n".join(lines))
        expected = "%s:%d:" % (path, line)
        for command in (["index", "--corpus", corpus, "--out", os.path.join(work, "utf8-out")],
                        ["ask", "--corpus", corpus, "--index", os.path.join(work, "utf8-none"), "what is SEN support"]):
            result = run(binary, *command, timeout=120)
            ok = result.returncode == 1 and expected in result.stderr and "UTF-8" in result.stderr
            report("passed" if ok else "failed", "utf8: %s in %s" % (command[0], name),
                   result.stderr.strip() if ok else "exit %d: %r (expected %s)" % (
                       result.returncode, result.stderr.strip(), expected))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "senguide"))
    parser.add_argument("--quick", action="store_true", help="fewer kills and one bit flip a byte, for CI")
    parser.add_argument("checks", nargs="*", default=["kill", "full-disk", "unwritable", "corrupt", "utf8"])
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.bin)
    work = tempfile.mkdtemp(prefix="senguide-faults-")
    os.chmod(work, 0o755)
    started = time.monotonic()
    try:
        for check in arguments.checks:
            if check == "kill":
                check_kill(binary, work, arguments.quick)
            elif check == "full-disk":
                check_full_disk(binary, work)
            elif check == "unwritable":
                check_unwritable(binary, work)
            elif check == "corrupt":
                check_corrupt(binary, work, arguments.quick)
            elif check == "utf8":
                check_utf8(binary, work)
            else:
                parser.error("unknown check %s" % check)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("faults: %.0f s" % (time.monotonic() - started))
    print("%d passed, %d failed, %d skipped" % (results["passed"], results["failed"], results["skipped"]))
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
