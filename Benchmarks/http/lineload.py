#!/usr/bin/env python3
"""Closed-loop load generator for the senguide line protocol (docs/PROTOCOL.md).

Each of CONNECTIONS connections sends one request line, waits for its response line, and
sends the next, rotating through the questions of queries.lua. After a warm-up, it counts the responses and their
latencies for DURATION seconds and prints one line for run.sh:

    RESULT <responses> <duration_us> <p50_us> <p99_us> <socket_errors> <error_lines>

Python's standard library only. It runs one process, so past some tens of thousands of
responses a second the generator, not the server, is the limit: run.sh reports its CPU time
beside the figures so that this shows.

Usage: lineload.py HOST PORT CONNECTIONS DURATION_S WARMUP_S {search|ask}
"""

import asyncio
import json
import os
import re
import sys
import time
from pathlib import Path


def read_queries():
    """The questions of queries.lua's list, so that wrk and this generator ask the same ones."""
    script = (Path(__file__).resolve().parent / "queries.lua").read_text(encoding="utf-8")
    block = script.split("local questions = {", 1)[1].split("}", 1)[0]
    return re.findall(r'"([^"]+)"', block)


QUERIES = read_queries()


def request_lines(mode):
    """The request lines to rotate through, encoded once."""
    if mode == "search":
        return [(json.dumps({"search": q, "limit": 5}) + "\n").encode() for q in QUERIES]
    return [(q + "\n").encode() for q in QUERIES]


class Client(asyncio.Protocol):
    """One connection: sends a line, times its answer, sends the next."""

    def __init__(self, run, offset):
        self.run = run
        self.next = offset
        self.buffer = bytearray()
        self.sent_at = 0
        self.transport = None
        self.closed = asyncio.get_running_loop().create_future()

    def connection_made(self, transport):
        self.transport = transport
        self.send()

    def send(self):
        lines = self.run.lines
        self.sent_at = time.perf_counter_ns()
        self.transport.write(lines[self.next % len(lines)])
        self.next += 1

    def data_received(self, data):
        self.buffer += data
        newline = self.buffer.find(b"\n")
        while newline >= 0:
            line = bytes(self.buffer[:newline])
            del self.buffer[: newline + 1]
            self.run.record(time.perf_counter_ns() - self.sent_at, line)
            if self.run.stopping:
                self.transport.close()
                return
            self.send()
            newline = self.buffer.find(b"\n")

    def connection_lost(self, exc):
        if not self.run.stopping:
            self.run.socket_errors += 1
        if not self.closed.done():
            self.closed.set_result(None)


class Run:
    """Counts and latencies, kept only inside the measured window."""

    def __init__(self, lines):
        self.lines = lines
        self.measuring = False
        self.stopping = False
        self.latencies = []
        self.error_lines = 0
        self.socket_errors = 0

    def record(self, nanoseconds, line):
        if not self.measuring:
            return
        self.latencies.append(nanoseconds)
        if line.startswith(b'{"error"'):
            self.error_lines += 1


def percentile(sorted_values, fraction):
    if not sorted_values:
        return 0
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


async def main(host, port, connections, duration, warmup, mode):
    loop = asyncio.get_running_loop()
    run = Run(request_lines(mode))
    clients = []
    for number in range(connections):
        _, client = await loop.create_connection(lambda n=number: Client(run, n), host, port)
        clients.append(client)
    await asyncio.sleep(warmup)
    run.measuring = True
    started = time.perf_counter_ns()
    await asyncio.sleep(duration)
    run.measuring = False
    elapsed = time.perf_counter_ns() - started
    run.stopping = True
    await asyncio.wait([c.closed for c in clients], timeout=5)
    for client in clients:
        client.transport.close()
    latencies = sorted(run.latencies)
    print(
        "RESULT",
        len(latencies),
        elapsed // 1000,
        percentile(latencies, 0.50) // 1000,
        percentile(latencies, 0.99) // 1000,
        run.socket_errors,
        run.error_lines,
    )
    cpu = os.times()
    print(f"generator CPU {cpu.user + cpu.system:.1f} s over {duration + warmup:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 7 or sys.argv[6] not in ("search", "ask"):
        sys.exit(__doc__)
    asyncio.run(
        main(
            sys.argv[1],
            int(sys.argv[2]),
            int(sys.argv[3]),
            float(sys.argv[4]),
            float(sys.argv[5]),
            sys.argv[6],
        )
    )
