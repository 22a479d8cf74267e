#!/usr/bin/env python3
"""Checks senguide's BM25 scores against an independent computation in Python.

Every passage of Corpus/ is indexed with `senguide index --jsonl` (no query expansion), its
terms are taken from `senguide analyze` (the same terms), and for a set of queries the scores
`senguide search --json` returns are compared with Lucene's formula computed here:
idf = ln(1 + (N - n + 0.5) / (n + 0.5)), score = sum idf * f / (f + k1 * (1 - b + b * dl / avgdl)).
They must agree to 1e-5 relative, in the same order (ties by passage id).

    python3 scripts/check_bm25.py [--bin .build/debug/senguide]
"""
import argparse
import collections
import json
import math
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_corpus  # noqa: E402  (the corpus parser of scripts/check_corpus.py)

QUERIES = [
    "best endeavours", "SENCo qualification", "parents three times a year", "6.45 concerns",
    "exceptional needs funding Hertfordshire", "support plan statutory document", "£6,000 threshold",
    "specialist educational psychologist", "assess plan do review", "college young people",
    "s66 governing body", "local offer services", "under 5 early years", "plan plan plan",
]


def run(binary, *args):
    return subprocess.run([binary, *args], check=True, capture_output=True, text=True).stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=".build/debug/senguide")
    parser.add_argument("--k1", type=float, default=1.2)
    parser.add_argument("--b", type=float, default=0.75)
    options = parser.parse_args()

    errors = []
    passages = []
    for name in sorted(os.listdir("Corpus")):
        if name.endswith(".md") and name != "myths.md":
            passages += check_corpus.parse_document(os.path.join("Corpus", name), errors).passages
    if errors:
        sys.exit("check_bm25: corpus errors:\n" + "\n".join(errors))

    with tempfile.TemporaryDirectory() as directory:
        collection = os.path.join(directory, "corpus.jsonl")
        with open(collection, "w", encoding="utf-8") as f:
            for p in passages:
                f.write(json.dumps({"id": p.id, "title": "", "text": p.text}) + "\n")
        index = os.path.join(directory, "index")
        run(options.bin, "index", "--jsonl", collection, "--out", index)

        terms = {p.id: run(options.bin, "analyze", p.text).split() for p in passages}
        n_passages = len(passages)
        avgdl = sum(len(t) for t in terms.values()) / n_passages
        df = collections.Counter(term for t in terms.values() for term in set(t))

        def score(query_terms, passage_terms):
            counts = collections.Counter(passage_terms)
            dl = len(passage_terms)
            total = 0.0
            for term in query_terms:  # a repeated query term counts once per repetition
                f = counts.get(term, 0)
                if f == 0:
                    continue
                idf = math.log(1 + (n_passages - df[term] + 0.5) / (df[term] + 0.5))
                total += idf * f / (f + options.k1 * (1 - options.b + options.b * dl / avgdl))
            return total

        compared = 0
        for query in QUERIES:
            query_terms = run(options.bin, "analyze", query).split()
            expected = sorted(
                ((score(query_terms, t), pid) for pid, t in terms.items() if score(query_terms, t) > 0),
                key=lambda pair: (-pair[0], pair[1]))[:10]
            got = json.loads(run(options.bin, "search", "--index", index, "--json", "--limit", "10",
                                 "--k1", str(options.k1), "--b", str(options.b), query))["hits"]
            if [h["passage"] for h in got] != [pid for _, pid in expected]:
                sys.exit("check_bm25: %r ranks %s, expected %s" % (
                    query, [h["passage"] for h in got], [pid for _, pid in expected]))
            for hit, (value, _) in zip(got, expected):
                if abs(hit["score"] - value) > 1e-5 * abs(value):
                    sys.exit("check_bm25: %r %s scored %.9f, expected %.9f" % (query, hit["passage"], hit["score"], value))
                compared += 1
    print("check_bm25: %d scores over %d queries agree with the independent computation to 1e-5" % (
        compared, len(QUERIES)))


if __name__ == "__main__":
    main()
