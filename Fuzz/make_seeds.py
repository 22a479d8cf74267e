#!/usr/bin/env python3
"""Writes the starting seeds of the fuzz targets into Fuzz/Seeds/TARGET/ (committed).

Run from the repository root after a release build: python3 Fuzz/make_seeds.py
[--bin .build/release/senguide]. It takes the real corpus files, a few hand-written good
and bad inputs per target, and two small index files written by the binary. Seeds kept
from crashes (crash-*) are never touched. Existing seed-* files are rewritten.
"""
import argparse
import hashlib
import json
import os
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "Fuzz", "Seeds")


def write(target, data, label):
    if isinstance(data, str):
        data = data.encode()
    folder = os.path.join(SEEDS, target)
    os.makedirs(folder, exist_ok=True)
    name = "seed-%s-%s" % (label, hashlib.sha1(data).hexdigest()[:10])
    with open(os.path.join(folder, name), "wb") as handle:
        handle.write(data)


def clear(target):
    folder = os.path.join(SEEDS, target)
    if os.path.isdir(folder):
        for name in os.listdir(folder):
            if name.startswith("seed-"):
                os.remove(os.path.join(folder, name))


def corpus(name):
    with open(os.path.join(ROOT, "Corpus", name), "rb") as handle:
        return handle.read()


def http_seeds():
    # The first byte sets how the stream is cut into reads: chunk = byte + 1.
    requests = [
        "GET /v1/ask?q=can+under-5s+have+SEN HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "GET /v1/search?q=graduated%20approach&limit=5 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        'POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 53\r\n\r\n'
        '{"question":"what is an EHCP","history":["hello"]}\r\n',
        "OPTIONS /v1/ask HTTP/1.1\r\nHost: x\r\nOrigin: https://school.example\r\n"
        "Access-Control-Request-Method: POST\r\n\r\n",
        "HEAD /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        "GET /widget.js HTTP/1.1\nHost: x\n\n",
        "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /v1/ask HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Type: application/json\r\n"
        'Content-Length: 20\r\n\r\n{"question":"SENCo"}',
        "POST /v1/ask HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        "GET /v1/ask?q=%ZZ HTTP/1.1\r\nHost: x\r\n\r\n",
        "BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /nowhere HTTP/1.1\r\nHost: x\r\n folded: value\r\n\r\n",
        "GET * HTTP/1.1\r\nHost: x\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET http://localhost/v1/search?q=EHCP HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "GET /v1/ask HTTP/2.0\r\n\r\n",
        "\x00\x01\x02 garbage\r\n\r\n",
    ]
    for number, request in enumerate(requests):
        for chunk in (255, 0, 6):
            write("HTTPRequest", bytes([chunk]) + request.encode("latin-1"), "%02d" % number)


def line_seeds():
    lines = [
        "can under-5s have SEN\n",
        '{"ask": "what is SEN Support"}\r\n',
        '{"search": "graduated approach", "limit": 5}\n{"cite": "6.45"}\n',
        '{"search": "EHCP", "limit": 2.5}\n{"cite": "nine"}\n{"ask": ""}\n',
        '{"ask": "x", "limit": 3}\n{"nothing": 1}\n{broken\n',
        "   \n\t\n",
        "caf\xe9 \xff\xfe\n",
        "a question with a \x00 NUL\n",
        "no newline at the end",
        "x" * 600 + "\n",
    ]
    for number, text in enumerate(lines):
        for chunk in (255, 0, 4):
            write("LineProtocol", bytes([chunk]) + text.encode("latin-1"), "%02d" % number)


def corpus_seeds():
    for name in sorted(os.listdir(os.path.join(ROOT, "Corpus"))):
        if name.endswith(".md") and name != "myths.md":
            write("CorpusDocument", corpus(name)[:16384], name.split(".")[0])
    small = """---
id: tiny
publisher: Test
title: A tiny document
area: England
url: example.org/sen
---

Intro text before any heading (CoP 6.58).

# Heading one {#one}

A paragraph that names paragraph 6.45 and section 66.
It wraps.

- an item
- another item
  that continues
1. numbered (6.17)

| Progress | Code of Practice |
| --- | --- |
| regular assessments<br>of progress | Para 6.17 |

<!-- a comment -->
## Heading two
\ufeffText with a BOM in the middle and s66 (2).
"""
    write("CorpusDocument", small, "tiny")
    write("CorpusDocument", "\ufeff" + small.replace("\n", "\r\n"), "tiny-crlf")
    write("CorpusDocument", "---\nid: BAD ID\n---\n", "bad-header")
    write("CorpusDocument", "---\nid: x\npublisher: p\ntitle: t\narea: a\n---\n# \n", "empty-heading")
    write("CorpusDocument", b"---\nid: x\npublisher: p\ntitle: t\narea: a\n---\ncaf\xe9\n", "bad-utf8")


def vocabulary_seeds():
    write("Vocabulary", corpus("vocabulary.txt"), "vocabulary")
    write("Vocabulary", corpus("not-covered.txt"), "not-covered")
    write("Vocabulary", corpus("passage-questions.txt"), "passage-questions")
    write("Vocabulary", "EHCP | EHC plan\nstatement => EHC plan\n# comment\n\na | b => c => d\n", "rules")
    write("Vocabulary", "single\n | \nx |\n", "bad")


def myth_seeds():
    text = corpus("myths.md").decode()
    cards = text.split("\n## ")
    write("MythCards", ("\n## ".join(cards[:3]) + "\n").encode(), "first-cards")
    write("MythCards", ("## " + cards[-1]).encode(), "last-card")
    write("MythCards", "## x\nclaim: c\nverdict: Maybe\n", "bad-verdict")
    write("MythCards", "<!-- open\nstill open\n-->\n## y\nclaim: c\nverdict: No\nfact: f\n"
          "evidence: ipsea-sen-support#myths-1 | Some young children\nphrasings:\n- one\n- two\n", "comment")


def index_seeds(binary):
    with open(os.path.join(ROOT, "Tests", "SearchCoreTests", "Fixtures", "three-passages-v1.sgix"), "rb") as handle:
        write("IndexFile", handle.read(), "three-passages-v1")
    with tempfile.TemporaryDirectory() as work:
        collection = os.path.join(work, "three.jsonl")
        with open(collection, "w") as handle:
            for pid, text in (("a", "school plan"), ("b", "plan plan review"), ("c", "school review meeting")):
                handle.write(json.dumps({"id": pid, "title": "", "text": text}) + "\n")
        subprocess.run([binary, "index", "--jsonl", collection, "--out", work], check=True,
                       stderr=subprocess.DEVNULL)
        with open(os.path.join(work, "index.sgix"), "rb") as handle:
            write("IndexFile", handle.read(), "three-passages-current")
        docs = os.path.join(work, "corpus")
        os.makedirs(docs)
        with open(os.path.join(docs, "tiny.md"), "w") as handle:
            handle.write("---\nid: tiny\npublisher: P\ntitle: T\narea: England\n---\n\n# One\n\n"
                         "The SENCo writes an EHC plan.\n\nA parent asks for a review.\n")
        with open(os.path.join(docs, "vocabulary.txt"), "w") as handle:
            handle.write("EHCP | EHC plan\nlooked at again => review\n")
        subprocess.run([binary, "index", "--corpus", docs, "--out", work], check=True,
                       stderr=subprocess.DEVNULL)
        with open(os.path.join(work, "index.sgix"), "rb") as handle:
            write("IndexFile", handle.read(), "tiny-synonyms-current")


def query_seeds(dev):
    with open(dev) as handle:
        questions = [json.loads(line)["question"] for line in handle if line.strip()]
    for question in questions[::4]:
        write("QueryAnalysis", question, "dev")
    write("QueryAnalysis", "what is an EHCP\x00and what happens after that?", "history")
    write("QueryAnalysis", "", "empty")
    write("QueryAnalysis", "6.45", "paragraph")
    write("QueryAnalysis", "caf\u00e9 na\u00efve \u00c5ngstr\u00f6m \U0001F600 \u0130stanbul \u00df", "unicode")
    write("QueryAnalysis", "sch supp coll cant wont isnt", "abbreviations")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "senguide"))
    parser.add_argument("--dev", default=os.path.join(ROOT, "..", "shared", "eval", "dev.jsonl"))
    arguments = parser.parse_args()
    for target in ("HTTPRequest", "LineProtocol", "CorpusDocument", "Vocabulary", "MythCards", "IndexFile",
                   "QueryAnalysis"):
        clear(target)
    http_seeds()
    line_seeds()
    corpus_seeds()
    vocabulary_seeds()
    myth_seeds()
    index_seeds(arguments.bin)
    query_seeds(arguments.dev)


if __name__ == "__main__":
    main()
