#!/usr/bin/env python3
"""Bursts of bad input at a running senguide server, with its resident memory after each.

For each kind of bad input below, CONNECTIONS_PER_KIND connections (32 at a time) send it,
read whatever the server answers, and close. Once the server has had time to close its side
(its lingering close lasts at most 2 s) the script reads the server's resident memory from
/proc/PID/status: VmRSS, and RssAnon, the heap and stacks, where anything bad input left
behind would be (the rest is shared-library code and data paged in, which grows the first
time an error path runs). All kinds are sent twice over, in ROUNDS rounds: a leak grows in
every round; memory the allocator keeps for reuse grows in the first only. It prints, for
run.sh:

    RSS baseline 0 0 <rss_kib> <anon_kib> -
    RSS <kind> <round> <connections> <rss_kib> <anon_kib> <statuses or error codes seen>
    ALIVE <yes|no>

and finally checks that the server still answers a search. Loopback only; every socket
has a timeout, so the whole script is bounded (about a minute).

Usage: badinput.py HTTP_PORT LINES_PORT SERVER_PID
"""

import concurrent.futures
import json
import os
import random
import socket
import sys
import time
import urllib.request

HOST = "127.0.0.1"
CONNECTIONS_PER_KIND = 400
PARALLEL = 32
SETTLE_SECONDS = 2.5
ROUNDS = 2

HTTP_KINDS = {
    # Not HTTP at all: binary noise.
    "http garbage": lambda r: bytes(r.getrandbits(8) for _ in range(4096)),
    # Request lines and headers that break the grammar.
    "http malformed": lambda r: r.choice([
        b"GET\r\n\r\n",
        b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
        b"FROB /v1/search HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /v1/search?q=a HTTP/1.1\r\nHost x\r\n\r\n",
        b"GET /v1/search?q=%zz HTTP/1.1\r\nHost: x\r\n\r\n",
        b"POST /v1/ask HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
        b"GET /v1/search?q=a HTTP/1.1\r\nHost: x\r\n\x00bad: header\r\n\r\n",
    ]),
    # A header section of 64 KiB against the 8 KiB limit (431).
    "http oversized headers": lambda r: b"GET /v1/search?q=a HTTP/1.1\r\nHost: x\r\n"
    + b"".join(b"X-Filler-%d: %s\r\n" % (i, b"a" * 1000) for i in range(64)) + b"\r\n",
    # A 100 KiB request target (414).
    "http oversized target": lambda r: b"GET /v1/search?q=" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    # A body of 1 MiB against the 64 KiB limit (413), sent anyway.
    "http oversized body": lambda r: b"POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    + b"Content-Length: 1048576\r\n\r\n" + b"{" * 1_048_576,
    # Well-framed requests whose JSON is wrong: deep nesting, wrong types, invalid UTF-8.
    "http bad JSON": lambda r: (lambda body: b"POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                + b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)(r.choice([
        b"[" * 60_000,
        b'{"question": 42}',
        b'{"question": "\xff\xfe"}',
        b'{"question": "a", "history": [' + b'"q",' * 5000 + b'"q"]}',
        b"not json",
    ])),
    # A request started and abandoned half-way, the socket reset.
    "http abandoned": lambda r: b"GET /v1/search?q=what HTTP/1.1\r\nHost: x\r\nX-Half: ",
}

LINE_KINDS = {
    # 1 MiB without a newline, against the 4,096-byte limit (line_too_long, then closed).
    "lines oversized": lambda r: b"x" * 1_048_576,
    # Lines the framer or the JSON reader refuse; the connection goes on through all of them.
    "lines garbage": lambda r: b"".join([
        b"\xff\xfe\xfd invalid utf-8\n",
        b"nul \x00 byte\n",
        b"{not json\n",
        b"{" + b"[" * 4000 + b"\n",
        b'{"search": "a", "limit": 2.5}\n',
        b'{"cite": "not a paragraph"}\n',
        b"   \n",
        bytes(r.getrandbits(8) for _ in range(3000)).replace(b"\n", b" ") + b"\n",
    ]),
    # A line started and abandoned, the socket reset.
    "lines abandoned": lambda r: b"what is an EHC pl",
}


def resident_kib(pid):
    """VmRSS and RssAnon of process `pid`, in KiB."""
    fields = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            fields[name] = value
    return int(fields["VmRSS"].split()[0]), int(fields["RssAnon"].split()[0])


def send_one(port, payload, abandon):
    """Sends `payload`, reads the answer until the server closes (or 3 s pass), closes."""
    sock = socket.create_connection((HOST, port), timeout=3)
    try:
        if abandon:
            sock.sendall(payload)
            # Reset instead of a clean close: SO_LINGER with a zero timeout.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            return "reset"
        try:
            sock.sendall(payload)
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the server answered and closed before reading everything: expected
        answer = b""
        try:
            while len(answer) < 65536:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                answer += chunk
        except OSError:
            pass
        return first_code(answer)
    finally:
        sock.close()


def first_code(answer):
    if answer.startswith(b"HTTP/1.1 "):
        return answer[9:12].decode()
    line = answer.split(b"\n", 1)[0]
    try:
        return json.loads(line)["error"]["code"]
    except (ValueError, KeyError, TypeError):
        return "none" if not answer else "other"


def burst(port, make, abandon, seed):
    rng = random.Random(seed)
    payloads = [make(rng) for _ in range(CONNECTIONS_PER_KIND)]
    codes = {}
    with concurrent.futures.ThreadPoolExecutor(PARALLEL) as pool:
        for code in pool.map(lambda p: safe_send(port, p, abandon), payloads):
            codes[code] = codes.get(code, 0) + 1
    return ",".join(f"{code}x{count}" for code, count in sorted(codes.items()))


def safe_send(port, payload, abandon):
    try:
        return send_one(port, payload, abandon)
    except OSError as error:
        return type(error).__name__


def main(http_port, lines_port, pid):
    print("RSS baseline 0 0", *resident_kib(pid), "-", flush=True)
    kinds = [(k, http_port, m) for k, m in HTTP_KINDS.items()] + [(k, lines_port, m) for k, m in LINE_KINDS.items()]
    for number in range(1, ROUNDS + 1):
        for seed, (kind, port, make) in enumerate(kinds):
            codes = burst(port, make, kind.endswith("abandoned"), seed)
            time.sleep(SETTLE_SECONDS)
            rss, anon = resident_kib(pid)
            print("RSS", kind.replace(" ", "_"), number, CONNECTIONS_PER_KIND, rss, anon, codes, flush=True)
    url = f"http://{HOST}:{http_port}/v1/search?q=graduated+approach&limit=5"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            alive = response.status == 200 and b'"hits"' in response.read()
    except OSError:
        alive = False
    print("ALIVE", "yes" if alive else "no", flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
