#!/usr/bin/env python3
"""The peer engines of the scale benchmark: tantivy, bm25s and SQLite FTS5.

Each engine runs in its own process, one command at a time, and prints one JSON object as
its last line of standard output:

  engines.py ENGINE build PASSAGES.jsonl INDEX_DIR        -> {"build_s"}
  engines.py ENGINE query INDEX_DIR QUERIES.jsonl RUN.trec -> {"queries","p50_ms","p99_ms","qps",...}
  engines.py ENGINE startup INDEX_DIR "QUERY TEXT"         -> {"open_ms","first_query_ms"}

Settings are chosen to match senguide's: top 10, BM25 k1 = 1.2 and b = 0.75, English
(Snowball/Porter) stemming, a passage indexed as its title, a newline and its text, term
frequencies without positions where the engine allows it. Query latency is timed one query
at a time, from the query text to the ten passage ids, index opening excluded.
"""
import json
import os
import sys
import time


def passages(path):
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                document = json.loads(line)
                title = document.get("title") or ""
                text = document.get("text") or ""
                yield document["id"], (title + "\n" + text) if title else text


def queries(path):
    with open(path, encoding="utf-8") as lines:
        return [(q["id"], q["text"]) for q in map(json.loads, lines) if q]


def percentile(sorted_values, fraction):
    if not sorted_values:
        return 0.0
    rank = max(1, -(-len(sorted_values) * fraction // 1))  # ceil, as senguide computes it
    return sorted_values[min(len(sorted_values), int(rank)) - 1]


def timed_queries(search, query_list, run_path, name):
    """Runs search(text) -> [(id, score)] for each query; writes a TREC run; returns timings."""
    latencies, lines = [], []
    started = time.perf_counter()
    for query_id, text in query_list:
        begin = time.perf_counter()
        hits = search(text)
        latencies.append((time.perf_counter() - begin) * 1000)
        for rank, (doc_id, score) in enumerate(hits, 1):
            lines.append(f"{query_id} Q0 {doc_id} {rank} {score:.6f} {name}\n")
    total = time.perf_counter() - started
    with open(run_path, "w") as run:
        run.writelines(lines)
    latencies.sort()
    return {"queries": len(query_list), "total_s": round(total, 6), "p50_ms": round(percentile(latencies, 0.5), 3),
            "p99_ms": round(percentile(latencies, 0.99), 3), "qps": round(len(query_list) / total) if total else 0}


# tantivy ------------------------------------------------------------------------------------
# "tantivy" is tantivy as a user would pick it: the en_stem tokenizer (simple tokenizer, long
# tokens removed, lowercase, Snowball English stemmer), which keeps stop words.
# "tantivy-stop" adds the same Snowball English stop words senguide removes, for a like-for-like
# index size and build time.

def snowball_stopwords():
    import re
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "SearchCore",
                          "Analysis", "StopwordList+English.swift")
    body = open(source).read()
    return re.findall(r'"([^"]+)"', body[body.index("["):])


def tantivy_tokenizer(tantivy, variant):
    if variant == "tantivy":
        return "en_stem"
    return "en_stem_stop"


def tantivy_register(tantivy, index, variant):
    if variant == "tantivy-stop":
        analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                    .filter(tantivy.Filter.remove_long(40)).filter(tantivy.Filter.lowercase())
                    .filter(tantivy.Filter.custom_stopword(snowball_stopwords()))
                    .filter(tantivy.Filter.stemmer("english")).build())
        index.register_tokenizer("en_stem_stop", analyzer)


def tantivy_schema(tantivy, variant):
    builder = tantivy.SchemaBuilder()
    builder.add_bytes_field("id", stored=True, indexed=False)
    builder.add_text_field("body", stored=False, tokenizer_name=tantivy_tokenizer(tantivy, variant), index_option="freq")
    return builder.build()


def tantivy_build(corpus, directory, variant="tantivy"):
    import tantivy
    started = time.perf_counter()
    index = tantivy.Index(tantivy_schema(tantivy, variant), path=directory)
    tantivy_register(tantivy, index, variant)
    writer = index.writer(heap_size=1_000_000_000, num_threads=2)
    for doc_id, text in passages(corpus):
        writer.add_document(tantivy.Document(id=[doc_id.encode()], body=[text]))
    writer.commit()
    writer.wait_merging_threads()
    return {"build_s": round(time.perf_counter() - started, 3)}


def tantivy_open(directory, variant):
    import tantivy
    index = tantivy.Index.open(directory)
    tantivy_register(tantivy, index, variant)
    return index, index.searcher()


def tantivy_search(index, searcher, text, fetch_ids=True):
    query = index.parse_query(text, ["body"])
    hits = searcher.search(query, 10).hits
    if not fetch_ids:
        return [(address.doc, score) for score, address in hits]
    return [(bytes(searcher.doc(address)["id"][0]).decode(), score) for score, address in hits]


def tantivy_query(directory, query_path, run_path, variant="tantivy"):
    index, searcher = tantivy_open(directory, variant)
    query_list = queries(query_path)
    result = timed_queries(lambda text: tantivy_search(index, searcher, text), query_list, run_path, variant)
    search_only = timed_queries(lambda text: tantivy_search(index, searcher, text, fetch_ids=False), query_list,
                                run_path + ".search-only", variant)
    os.remove(run_path + ".search-only")
    result["search_only"] = {key: search_only[key] for key in ("p50_ms", "p99_ms", "qps")}
    return result


def tantivy_startup(directory, text, variant="tantivy"):
    started = time.perf_counter()
    index, searcher = tantivy_open(directory, variant)
    opened = time.perf_counter()
    tantivy_search(index, searcher, text)
    return {"open_ms": round((opened - started) * 1000, 3), "first_query_ms": round((time.perf_counter() - started) * 1000, 3)}


# bm25s ----------------------------------------------------------------------------------------

def bm25s_tokens(bm25s, stemmer, texts):
    return bm25s.tokenize(texts, stopwords="en", stemmer=stemmer, show_progress=False)


def bm25s_build(corpus, directory):
    import bm25s
    import Stemmer
    started = time.perf_counter()
    ids, texts = [], []
    for doc_id, text in passages(corpus):
        ids.append(doc_id)
        texts.append(text)
    stemmer = Stemmer.Stemmer("english")
    retriever = bm25s.BM25(method="lucene", k1=1.2, b=0.75)
    retriever.index(bm25s_tokens(bm25s, stemmer, texts), show_progress=False)
    del texts
    retriever.save(directory)
    with open(os.path.join(directory, "ids.json"), "w") as out:
        json.dump(ids, out)
    return {"build_s": round(time.perf_counter() - started, 3)}


def bm25s_open(directory):
    import bm25s
    import Stemmer
    retriever = bm25s.BM25.load(directory, mmap=True, show_progress=False)
    with open(os.path.join(directory, "ids.json")) as source:
        ids = json.load(source)
    return bm25s, Stemmer.Stemmer("english"), retriever, ids


def bm25s_search(opened, text):
    bm25s, stemmer, retriever, ids = opened
    tokens = bm25s.tokenize([text], stopwords="en", stemmer=stemmer, return_ids=False, show_progress=False)
    if not any(token in retriever.vocab_dict for token in tokens[0]):
        return []
    documents, scores = retriever.retrieve(tokens, k=min(10, len(ids)), show_progress=False, n_threads=1)
    return [(ids[int(d)], float(s)) for d, s in zip(documents[0], scores[0]) if s > 0]


def bm25s_query(directory, query_path, run_path):
    opened = bm25s_open(directory)
    return timed_queries(lambda text: bm25s_search(opened, text), queries(query_path), run_path, "bm25s")


def bm25s_startup(directory, text):
    started = time.perf_counter()
    opened = bm25s_open(directory)
    loaded = time.perf_counter()
    bm25s_search(opened, text)
    return {"open_ms": round((loaded - started) * 1000, 3), "first_query_ms": round((time.perf_counter() - started) * 1000, 3)}


# SQLite FTS5 ----------------------------------------------------------------------------------

def fts5_build(corpus, directory):
    import sqlite3
    started = time.perf_counter()
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "index.sqlite")
    if os.path.exists(path):
        os.remove(path)
    connection = sqlite3.connect(path)
    connection.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body, tokenize='porter unicode61')")
    connection.executemany("INSERT INTO docs(id, body) VALUES (?, ?)", passages(corpus))
    connection.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    connection.commit()
    connection.close()
    return {"build_s": round(time.perf_counter() - started, 3)}


def fts5_expression(text):
    words = [word for word in "".join(c if c.isalnum() else " " for c in text).split()]
    return " OR ".join('"' + word + '"' for word in words)


def fts5_open(directory):
    import sqlite3
    return sqlite3.connect(os.path.join(directory, "index.sqlite"))


def fts5_search(connection, text):
    expression = fts5_expression(text)
    if not expression:
        return []
    rows = connection.execute(
        "SELECT id, bm25(docs) FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10", (expression,)).fetchall()
    return [(doc_id, -score) for doc_id, score in rows]


def fts5_query(directory, query_path, run_path):
    connection = fts5_open(directory)
    return timed_queries(lambda text: fts5_search(connection, text), queries(query_path), run_path, "fts5")


def fts5_startup(directory, text):
    started = time.perf_counter()
    connection = fts5_open(directory)
    opened = time.perf_counter()
    fts5_search(connection, text)
    return {"open_ms": round((opened - started) * 1000, 3), "first_query_ms": round((time.perf_counter() - started) * 1000, 3)}


def variant(function, name):
    return lambda *arguments: function(*arguments, variant=name)


ENGINES = {
    "tantivy": (tantivy_build, tantivy_query, tantivy_startup),
    "tantivy-stop": tuple(variant(f, "tantivy-stop") for f in (tantivy_build, tantivy_query, tantivy_startup)),
    "bm25s": (bm25s_build, bm25s_query, bm25s_startup),
    "fts5": (fts5_build, fts5_query, fts5_startup),
}


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ENGINES or sys.argv[2] not in ("build", "query", "startup"):
        sys.exit(__doc__)
    build, query, startup = ENGINES[sys.argv[1]]
    command = {"build": build, "query": query, "startup": startup}[sys.argv[2]]
    print(json.dumps(command(*sys.argv[3:])))


if __name__ == "__main__":
    main()
