#!/usr/bin/env python3
"""Soak test: mixed load against one `senguide serve`, for a fixed time, on 127.0.0.1 only.

    python3 Tests/reliability/soak.py --bin .build/release/senguide --minutes 10 [--report soak.json]

It starts `senguide serve --http 127.0.0.1:P --lines 127.0.0.1:Q` from the repository root
(--rate-limit 0, so that one address may send this much) and runs --clients threads until
the time is up, each picking at random, with a short pause between actions:

  HTTP   keep-alive runs of good requests (GET and POST /v1/ask, /v1/search, /healthz,
         /widget.js, HEAD); three requests pipelined in one write; one request per connection
         (Connection: close); bursts of 20-60 connections opened at once; bad requests (garbage, a bad request line, a bad percent
         escape, a bad limit, a body that is not JSON, chunked encoding, headers over the
         limit); connections dropped mid-request or reset (SO_LINGER 0)
  lines  good lines (plain questions, ask, search, cite), bad lines (broken JSON, a bad
         limit, invalid UTF-8, NUL, an over-long line), connections dropped mid-line

Every socket has a 15 s timeout. A sampler reads the server's resident memory
(/proc/PID/status VmRSS) and open descriptors (/proc/PID/fd) every 2 s.

Passes when: no 5xx and no error on a good request; no connection refused; every bad
request answered 4xx (501 for chunked encoding, 414/431 for what is too long) or, for the
line protocol, with its error code; memory after the warm-up (the first fifth, at least
10 s) never more than 10% above its level at the end of the warm-up; the descriptor count
back to its starting value within 10 s of the load stopping; the server alive at the end.
The last line is "N passed, N failed".
"""
import argparse
import faulthandler
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HOST = "127.0.0.1"  # load only ever goes here

QUESTIONS = [
    "can under-5s have SEN", "what is SEN Support", "what is an EHCP", "who is the SENCo",
    "my 3 year old is too young to have special educational needs",
    "does the school have to spend 6000 pounds first", "how often should the school review the plan",
    "what is the graduated approach", "can I ask the council for an assessment", "what does APDR mean",
    "wat does it mean if my sons on the sen registar", "how do I appeal to a tribunal",
    "what are the four broad areas of need", "can a college give SEN support", "what is a one page profile",
]
SEARCHES = ["graduated approach", "best endeavours", "EHC plan", "SENCo", "assess plan do review", "nursery"]
PARAGRAPHS = ["6.45", "6.17", "5.48", "6.59", "7.23"]


class Stats:
    def __init__(self):
        self.lock = threading.RLock()
        self.counts = {}
        self.problems = []

    def add(self, key, number=1):
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + number

    def problem(self, text):
        with self.lock:
            self.add("problems")
            if len(self.problems) < 20:
                self.problems.append(text)


def connect(port):
    return socket.create_connection((HOST, port), timeout=15)


def read_response(stream, head=False):
    """Reads one HTTP response from a buffered socket file; returns (status, headers, body).
    The response to HEAD (`head`) has a Content-Length but no body."""
    status_line = stream.readline()
    if not status_line:
        raise ConnectionError("connection closed before a response")
    parts = status_line.decode("latin-1").split(" ", 2)
    status = int(parts[1])
    headers = {}
    while True:
        line = stream.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    body = stream.read(length) if length and not head else b""
    return status, headers, body


def good_request(rng, close=False):
    kind = rng.randrange(6)
    connection = "Connection: close\r\n" if close else ""
    if kind == 0:
        q = urllib.parse.quote(rng.choice(QUESTIONS))
        return ("GET /v1/ask?q=%s HTTP/1.1\r\nHost: %s\r\n%s\r\n" % (q, HOST, connection)).encode()
    if kind == 1:
        body = json.dumps({"question": rng.choice(QUESTIONS), "history": rng.sample(QUESTIONS, rng.randrange(3))})
        return ("POST /v1/ask HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s\r\n%s"
                % (HOST, len(body.encode()), connection, body)).encode()
    if kind == 2:
        q = urllib.parse.quote(rng.choice(SEARCHES))
        return ("GET /v1/search?q=%s&limit=%d HTTP/1.1\r\nHost: %s\r\n%s\r\n"
                % (q, rng.randint(1, 50), HOST, connection)).encode()
    if kind == 3:
        return ("GET /healthz HTTP/1.1\r\nHost: %s\r\n%s\r\n" % (HOST, connection)).encode()
    if kind == 4:
        return ("GET /widget.js HTTP/1.1\r\nHost: %s\r\n%s\r\n" % (HOST, connection)).encode()
    return ("HEAD /v1/search?q=SENCo HTTP/1.1\r\nHost: %s\r\n%s\r\n" % (HOST, connection)).encode()


# (request bytes, acceptable statuses)
BAD_REQUESTS = [
    (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n", {400}),
    (b"GET /v1/ask\r\n\r\n", {400}),
    (b"GET /v1/ask?q=%ZZ HTTP/1.1\r\nHost: x\r\n\r\n", {400}),
    (b"GET /v1/search?q=x&limit=500 HTTP/1.1\r\nHost: x\r\n\r\n", {400}),
    (b"POST /v1/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\nnot json!", {400}),
    (b"POST /v1/ask HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", {501}),
    (b"GET /v1/ask?q=" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", {414}),
    (b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"X-Filler: " + b"b" * 20000 + b"\r\n\r\n", {431}),
    (b"GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n", {404}),
    (b"DELETE /v1/ask HTTP/1.1\r\nHost: x\r\n\r\n", {405}),
    (b"GET /healthz HTTP/1.1\r\n\r\n", {400}),
]

BAD_LINES = [
    (b"{broken json\n", "invalid_json"),
    (b'{"search": "EHCP", "limit": 99}\n', "bad_limit"),
    (b"caf\xe9 \xff\n", "invalid_utf8"),
    (b"a \x00 nul\n", "nul_byte"),
    (b'{"cite": "nine"}\n', "not_a_paragraph"),
    (b'{"nothing": 1}\n', "unknown_command"),
    (b"   \n", "empty_line"),
]


def good_line(rng):
    kind = rng.randrange(4)
    if kind == 0:
        return (rng.choice(QUESTIONS) + "\n").encode()
    if kind == 1:
        return (json.dumps({"ask": rng.choice(QUESTIONS)}) + "\n").encode()
    if kind == 2:
        return (json.dumps({"search": rng.choice(SEARCHES), "limit": rng.randint(1, 50)}) + "\n").encode()
    return (json.dumps({"cite": rng.choice(PARAGRAPHS)}) + "\n").encode()


def check_good(stats, status, where):
    stats.add("http good")
    if status >= 500:
        stats.add("http good 5xx")
        stats.problem("%s: %d on a good request" % (where, status))
    elif status != 200:
        stats.problem("%s: %d on a good request" % (where, status))


def guarded(stats, name, action):
    try:
        action()
    except ConnectionRefusedError:
        stats.add("refused")
        stats.problem("%s: connection refused" % name)
    except (OSError, ValueError, ConnectionError) as error:
        stats.problem("%s: %s: %s" % (name, type(error).__name__, error))


def http_keep_alive(stats, rng, ports):
    with connect(ports["http"]) as sock, sock.makefile("rb") as stream:
        for _ in range(rng.randint(1, 6)):
            request = good_request(rng)
            sock.sendall(request)
            status, _, _ = read_response(stream, head=request.startswith(b"HEAD"))
            check_good(stats, status, "keep-alive")


def http_pipelined(stats, rng, ports):
    with connect(ports["http"]) as sock, sock.makefile("rb") as stream:
        requests = [good_request(rng) for _ in range(3)]
        sock.sendall(b"".join(requests))
        for request in requests:
            status, _, _ = read_response(stream, head=request.startswith(b"HEAD"))
            check_good(stats, status, "pipelined")


def http_close(stats, rng, ports):
    with connect(ports["http"]) as sock, sock.makefile("rb") as stream:
        request = good_request(rng, close=True)
        sock.sendall(request)
        status, headers, _ = read_response(stream, head=request.startswith(b"HEAD"))
        check_good(stats, status, "Connection: close")
        if stream.read(1) != b"":
            stats.problem("Connection: close: the server sent more after the response")


def http_burst(stats, rng, ports):
    sockets = [connect(ports["http"]) for _ in range(rng.randint(20, 60))]
    try:
        requests = [good_request(rng) for _ in sockets]
        for sock, request in zip(sockets, requests):
            sock.sendall(request)
        for sock, request in zip(sockets, requests):
            with sock.makefile("rb") as stream:
                status, _, _ = read_response(stream, head=request.startswith(b"HEAD"))
                check_good(stats, status, "burst")
    finally:
        for sock in sockets:
            sock.close()


def http_bad(stats, rng, ports):
    request, allowed = rng.choice(BAD_REQUESTS)
    with connect(ports["http"]) as sock, sock.makefile("rb") as stream:
        try:
            sock.sendall(request)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before reading all of a long request
        status, _, _ = read_response(stream)
        stats.add("http bad")
        if status not in allowed:
            stats.problem("bad request %r…: %d, expected %s" % (request[:30], status, sorted(allowed)))


def http_dropped(stats, rng, ports):
    sock = connect(ports["http"])
    request = good_request(rng)
    sock.sendall(request[: rng.randrange(1, len(request))])
    if rng.random() < 0.5:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # reset
    sock.close()
    stats.add("http dropped")


def lines_session(stats, rng, ports):
    with connect(ports["lines"]) as sock, sock.makefile("rb") as stream:
        sent = []
        for _ in range(rng.randint(1, 5)):
            if rng.random() < 0.3:
                line, code = rng.choice(BAD_LINES)
            else:
                line, code = good_line(rng), None
            sent.append(code)
            sock.sendall(line)
        for code in sent:
            reply = stream.readline()
            if not reply.endswith(b"\n"):
                raise ConnectionError("no response line")
            value = json.loads(reply)
            if code is None:
                stats.add("lines good")
                if "error" in value:
                    stats.problem("a good line got %s" % value["error"])
            else:
                stats.add("lines bad")
                if value.get("error", {}).get("code") != code:
                    stats.problem("a bad line got %r, expected %s" % (reply[:120], code))
        if rng.random() < 0.2:
            sock.sendall(b"x" * 5000)  # over the 4,096-byte line limit: an error line, then closed
            reply = stream.readline()
            stats.add("lines bad")
            if b"line_too_long" not in reply or stream.read(1) != b"":
                stats.problem("an over-long line got %r" % reply[:120])


def lines_dropped(stats, rng, ports):
    sock = connect(ports["lines"])
    line = good_line(rng)
    sock.sendall(line[: rng.randrange(1, len(line))])
    sock.close()
    stats.add("lines dropped")


ACTIONS = [
    (http_keep_alive, 5), (http_pipelined, 2), (http_close, 2), (http_burst, 1), (http_bad, 2), (http_dropped, 1),
    (lines_session, 4), (lines_dropped, 1),
]


def client(stats, seed, ports, deadline, pause):
    rng = random.Random(seed)
    population = [action for action, weight in ACTIONS for _ in range(weight)]
    while time.monotonic() < deadline:
        action = rng.choice(population)
        guarded(stats, action.__name__, lambda: action(stats, rng, ports))
        stats.add("actions")
        time.sleep(rng.uniform(0, pause))


def read_rss_kib(pid):
    with open("/proc/%d/status" % pid) as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def count_fds(pid):
    return len(os.listdir("/proc/%d/fd" % pid))


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def die_with_parent():
    """Run in the server's process before exec: it gets SIGTERM if this script dies, even by
    SIGKILL, so that no server is left behind."""
    import ctypes
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "senguide"))
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--pause", type=float, default=0.05, help="longest pause between one client's actions, s")
    parser.add_argument("--report", help="write the figures as JSON here")
    parser.add_argument("--log", help="keep the server's log here (default: a temporary file, removed)")
    arguments = parser.parse_args()
    faulthandler.register(signal.SIGUSR1)  # kill -USR1 PID prints every thread's stack
    ports = {"http": free_port(), "lines": free_port()}
    log_path = arguments.log or tempfile.mktemp(prefix="senguide-soak-", suffix=".log")
    log = open(log_path, "wb")
    server = subprocess.Popen(
        [os.path.abspath(arguments.bin), "serve", "--http", "%s:%d" % (HOST, ports["http"]),
         "--lines", "%s:%d" % (HOST, ports["lines"]), "--rate-limit", "0"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, preexec_fn=die_with_parent)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the finally below
    results = {"passed": 0, "failed": 0}

    def verdict(ok, name, detail):
        results["passed" if ok else "failed"] += 1
        print("%-6s %s: %s" % ("PASSED" if ok else "FAILED", name, detail), flush=True)

    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen("http://%s:%d/healthz" % (HOST, ports["http"]), timeout=2):
                    break
            except OSError:
                if server.poll() is not None:
                    raise SystemExit("soak: the server exited %d" % server.returncode)
                time.sleep(0.2)
        time.sleep(0.5)
        start_fds = count_fds(server.pid)
        seconds = arguments.minutes * 60
        warm_up = max(10.0, seconds / 5)
        started = time.monotonic()
        deadline = started + seconds
        stats = Stats()
        samples = []
        stop_sampling = threading.Event()

        def sampler():
            while not stop_sampling.is_set():
                try:
                    samples.append((time.monotonic() - started, read_rss_kib(server.pid), count_fds(server.pid)))
                except OSError:
                    pass
                stop_sampling.wait(2)

        threads = [threading.Thread(target=sampler, daemon=True)]
        threads += [threading.Thread(target=client, args=(stats, seed, ports, deadline, arguments.pause), daemon=True)
                    for seed in range(arguments.clients)]
        for thread in threads:
            thread.start()
        for thread in threads[1:]:
            thread.join(seconds + 60)
        load_seconds = time.monotonic() - started
        # Descriptors back to where they started, once the server has seen every close.
        settle = time.monotonic() + 10
        end_fds = count_fds(server.pid)
        while end_fds != start_fds and time.monotonic() < settle:
            time.sleep(0.2)
            end_fds = count_fds(server.pid)
        stop_sampling.set()
        threads[0].join(5)
        alive = server.poll() is None
        with urllib.request.urlopen("http://%s:%d/healthz" % (HOST, ports["http"]), timeout=5) as response:
            healthy = response.status == 200
        after = [rss for at, rss, _ in samples if at >= warm_up]
        baseline_candidates = [rss for at, rss, _ in samples if at <= warm_up]
        baseline = baseline_candidates[-1] if baseline_candidates else (after[0] if after else 0)
        peak = max(after) if after else baseline
        growth = (peak - baseline) / baseline if baseline else 0.0
        counts = stats.counts
        requests = sum(counts.get(key, 0) for key in ("http good", "http bad", "lines good", "lines bad"))
        figures = {
            "seconds": round(load_seconds, 1), "clients": arguments.clients, "actions": counts.get("actions", 0),
            "requests": requests, "requests_per_second": round(requests / load_seconds, 1),
            "http_good": counts.get("http good", 0), "http_good_5xx": counts.get("http good 5xx", 0),
            "http_bad": counts.get("http bad", 0), "http_dropped": counts.get("http dropped", 0),
            "lines_good": counts.get("lines good", 0), "lines_bad": counts.get("lines bad", 0),
            "lines_dropped": counts.get("lines dropped", 0), "refused": counts.get("refused", 0),
            "problems": counts.get("problems", 0), "first_problems": stats.problems,
            "rss_kib_start": samples[0][1] if samples else 0, "rss_kib_after_warm_up": baseline,
            "rss_kib_peak_after_warm_up": peak, "rss_kib_end": samples[-1][1] if samples else 0,
            "rss_growth_after_warm_up": round(growth, 4), "warm_up_seconds": warm_up,
            "fds_start": start_fds, "fds_peak": max((fds for _, _, fds in samples), default=start_fds),
            "fds_end": end_fds, "samples": samples,
        }
        print("soak: %.0f s, %d clients, %d requests (%.0f/s): HTTP %d good, %d bad, %d dropped; lines %d good, "
              "%d bad, %d dropped" % (load_seconds, arguments.clients, requests, requests / load_seconds,
                                      figures["http_good"], figures["http_bad"], figures["http_dropped"],
                                      figures["lines_good"], figures["lines_bad"], figures["lines_dropped"]))
        print("soak: memory %d KiB at start, %d KiB after the %.0f s warm-up, at most %d KiB after it (%+.1f%%), "
              "%d KiB at the end; descriptors %d at start, at most %d, %d at the end"
              % (figures["rss_kib_start"], baseline, warm_up, peak, growth * 100, figures["rss_kib_end"], start_fds,
                 figures["fds_peak"], end_fds))
        verdict(figures["http_good_5xx"] == 0, "no 5xx on good requests", "%d good HTTP requests, %d 5xx" % (
            figures["http_good"], figures["http_good_5xx"]))
        verdict(figures["refused"] == 0, "no connection refused", "%d refused" % figures["refused"])
        verdict(figures["problems"] == 0, "every request answered as it should be",
                "%d problems%s" % (figures["problems"], (": " + "; ".join(stats.problems[:5])) if stats.problems else ""))
        verdict(growth <= 0.10, "memory flat after warm-up", "%+.1f%% (limit +10%%)" % (growth * 100))
        verdict(end_fds == start_fds, "descriptors back to their starting count", "%d → %d" % (start_fds, end_fds))
        verdict(alive and healthy, "server alive and healthy at the end", "alive" if alive else "exited")
        if arguments.report:
            with open(arguments.report, "w") as handle:
                json.dump(figures, handle, indent=1)
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        log.close()
        if not arguments.log:
            os.unlink(log_path)
    print("%d passed, %d failed" % (results["passed"], results["failed"]))
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
