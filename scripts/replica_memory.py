#!/usr/bin/env python3
"""Resident memory of one `senguide serve` replica against the number of passages it serves.

The guidance corpus is copied K times over (each document under a new id, so its passages are
new passages; the myth cards, vocabulary and not-covered topics once), indexed with
`senguide index`, and served; after 300 mixed requests (answers and searches), the replica's
VmRSS, RssAnon (heap) and RssFile (the mapped binary and index) are read from /proc. Prints a
Markdown table for docs/DEPLOY.md.

    python3 scripts/replica_memory.py --bin dist/senguide-*/senguide --copies 1 10 100 400
"""

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUESTIONS = ["can under-5s have SEN", "what is a SENCo", "does my child need an EHCP for support",
             "how often should the plan be reviewed", "who pays for SEN support", "best endeavours"]


def multiplied_corpus(target, copies):
    os.makedirs(target)
    for name in sorted(os.listdir(os.path.join(ROOT, "Corpus"))):
        with open(os.path.join(ROOT, "Corpus", name), encoding="utf-8") as file:
            text = file.read()
        document = re.search(r"^id: (\S+)$", text, re.MULTILINE) if name.endswith(".md") else None
        if document is None or name == "myths.md":
            shutil.copy(os.path.join(ROOT, "Corpus", name), target)
            continue
        for copy in range(copies):
            new_id = document.group(1) if copy == 0 else "%s-copy%d" % (document.group(1), copy)
            with open(os.path.join(target, "%s-%d.md" % (name[:-3], copy)), "w", encoding="utf-8") as file:
                file.write(text.replace("id: " + document.group(1), "id: " + new_id, 1))


def status_fields(pid):
    fields = {}
    with open("/proc/%d/status" % pid) as file:
        for line in file:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "RssAnon", "RssFile"):
                fields[key] = int(value.split()[0])
    return fields


def measure(binary, copies, work):
    corpus, index = os.path.join(work, "Corpus-%d" % copies), os.path.join(work, "Index-%d" % copies)
    multiplied_corpus(corpus, copies)
    subprocess.run([binary, "index", "--corpus", corpus, "--out", index], check=True, capture_output=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([binary, "serve", "--http", "127.0.0.1:%d" % port, "--lines", "off", "--rate-limit",
                               "0", "--corpus", corpus, "--index", index],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 120
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                connection.request("GET", "/healthz")
                health = json.loads(connection.getresponse().read())
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start for %d copies" % copies)
                time.sleep(0.1)
        for number in range(300):
            question = urllib.parse.quote(QUESTIONS[number % len(QUESTIONS)])
            connection.request("GET", ("/v1/ask?q=" if number % 2 else "/v1/search?limit=5&q=") + question)
            connection.getresponse().read()
        connection.close()
        memory = status_fields(server.pid)
    finally:
        server.terminate()
        server.wait()
    index_bytes = sum(os.path.getsize(os.path.join(index, name)) for name in os.listdir(index))
    corpus_bytes = sum(os.path.getsize(os.path.join(corpus, name)) for name in os.listdir(corpus))
    return int(health["passages"]), corpus_bytes, index_bytes, memory


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10, 100])
    arguments = parser.parse_args()
    work = tempfile.mkdtemp(prefix="senguide-memory-")
    try:
        print("| passages | corpus MB | index MB | VmRSS MB | heap (RssAnon) MB | mapped files (RssFile) MB |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: |")
        for copies in arguments.copies:
            passages, corpus_bytes, index_bytes, memory = measure(os.path.abspath(arguments.bin), copies, work)
            print("| %d | %.2f | %.2f | %.1f | %.1f | %.1f |" % (
                passages, corpus_bytes / 1e6, index_bytes / 1e6, memory["VmRSS"] / 1024, memory["RssAnon"] / 1024,
                memory["RssFile"] / 1024), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
