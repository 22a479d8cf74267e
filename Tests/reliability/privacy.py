#!/usr/bin/env python3
"""Privacy check: a parent's question is never written to a log or a file.

    python3 Tests/reliability/privacy.py --bin .build/release/senguide

Every question sent carries a unique marker (a fresh UUID, in several spellings). They go
through `senguide ask` (plain and --json), `senguide chat` (with follow-ups and `more`),
`senguide search`, and a `senguide serve` on 127.0.0.1: HTTP GET and POST /v1/ask (with a
history), GET and HEAD /v1/search, and bad requests that carry the marker (a bad escape, an
unknown path, a request line over the limit, a body that is not JSON); and the line
protocol (plain, ask, search, bad JSON, invalid UTF-8, an over-long line). The widget sends
POST /v1/ask as above; a browser test of it is in Tests/browser/test_widget.py.

Then it looks for the marker:
  - in every line the server wrote to standard output and standard error (its log), and in
    what each CLI command wrote to standard error;
  - when strace is installed, in every write(2)-family system call of every process: the
    marker may only go back to the client (a TCP socket, or the CLI's standard output);
  - in every file modified since the check began under the working copy it runs in, the
    repository (less .git and build folders), $HOME, /tmp and /var/tmp.
The commands run in a scratch copy of Corpus/ and Index/ with HOME and TMPDIR pointed into
it. The last line is "N passed, N failed".
"""
import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HOST = "127.0.0.1"
results = {"passed": 0, "failed": 0}


def verdict(ok, name, detail=""):
    results["passed" if ok else "failed"] += 1
    print("%-6s %s%s" % ("PASSED" if ok else "FAILED", name, (": " + detail) if detail else ""), flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def send(port, data, read_until_close=True):
    with socket.create_connection((HOST, port), timeout=15) as sock:
        try:
            sock.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except (ConnectionResetError, socket.timeout):
            pass
        return b"".join(chunks)


def marker_forms(marker):
    """The marker as it may appear: plain, upper case, percent- and JSON-escaped, lowercased
    stems being the same as the plain form."""
    return {marker, marker.upper(), urllib.parse.quote(marker), marker.replace("-", "")}


def find_marker(data, forms):
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    lowered = text.lower()
    return [form for form in forms if form.lower() in lowered]


def strace_prefix(trace_path):
    strace = shutil.which("strace")
    if not strace:
        return []
    # -yy names each descriptor (a file path, or TCP:[local->remote]); long strings in full.
    return [strace, "-f", "-qq", "-yy", "-s", "65536", "-o", trace_path,
            "-e", "trace=write,writev,pwrite64,pwritev,pwritev2,sendto,sendmsg,sendmmsg,open,openat,creat,rename,"
                  "renameat,renameat2,link,linkat,symlink,symlinkat"]


def redact(text, forms):
    for form in sorted(forms, key=len, reverse=True):
        text = re.sub(re.escape(form), "<marker>", text, flags=re.IGNORECASE)
    return text


def check_trace(trace_path, forms, name, stdout_allowed):
    """Every traced write holding the marker must go to a TCP socket (or the CLI's stdout)."""
    bad = []
    with open(trace_path, errors="replace") as handle:
        for line in handle:
            if not find_marker(line, forms):
                continue
            match = re.match(r"^\d+\s+(\w+)\((\d+)<([^>]*)>", line)
            if not match:
                # A file name that holds the marker (open, rename) is as bad as its contents.
                bad.append(line.strip()[:200])
                continue
            call, fd, target = match.groups()
            if target.startswith("TCP:") or target.startswith("TCPv6:"):
                continue
            if stdout_allowed and fd == "1":
                continue
            bad.append(line.strip()[:200])
    verdict(not bad, "%s: the marker is written only back to the client (strace)" % name,
            redact("; ".join(bad[:3]), forms) if bad else "")


def run_cli(binary, work, arguments, stdin, forms, trace_dir, name):
    trace = os.path.join(trace_dir, "cli-%s.trace" % name)
    command = strace_prefix(trace) + [binary, *arguments]
    result = subprocess.run(command, cwd=work, input=stdin, capture_output=True, text=True, timeout=120,
                            env=dict(os.environ, NO_COLOR="1", HOME=os.path.join(work, "home"),
                                     TMPDIR=os.path.join(work, "tmp")))
    if result.returncode != 0:
        verdict(False, "cli %s ran" % name, "exit %d: %s" % (result.returncode, result.stderr.strip()[-300:]))
        return
    found = find_marker(result.stderr, forms)
    verdict(not found, "cli %s: nothing of the question on standard error" % name,
            "found the marker in %d characters of standard error" % len(result.stderr) if found else "")
    if os.path.exists(trace):
        check_trace(trace, forms, "cli " + name, stdout_allowed=True)


def exercise_server(http, lines, marker, second):
    question = "can my child with %s have SEN support" % marker
    answers = []
    get = "GET /v1/ask?q=%s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % (urllib.parse.quote(question), HOST)
    answers.append(send(http, get.encode()))
    body = json.dumps({"question": "what about %s at college" % second, "history": [question]}).encode()
    post = ("POST /v1/ask HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
            "Origin: https://school.example\r\nConnection: close\r\n\r\n" % (HOST, len(body))).encode() + body
    answers.append(send(http, post))
    for method in ("GET", "HEAD"):
        search = "%s /v1/search?q=%s&limit=3 HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % (
            method, urllib.parse.quote(marker + " EHCP"), HOST)
        answers.append(send(http, search.encode()))
    bad = [
        "GET /v1/ask?q=%s%%ZZ HTTP/1.1\r\nHost: %s\r\n\r\n" % (marker, HOST),
        "GET /%s HTTP/1.1\r\nHost: %s\r\n\r\n" % (marker, HOST),
        "GET /v1/ask?q=%s%s HTTP/1.1\r\nHost: %s\r\n\r\n" % (marker, "x" * 20000, HOST),
        "POST /v1/ask HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n{%s"
        % (HOST, len(marker) + 1, marker),
        "%s /v1/ask HTTP/1.1\r\nHost: %s\r\n\r\n" % (marker.upper().replace("-", ""), HOST),
    ]
    for request in bad:
        answers.append(send(http, request.encode()))
    line_requests = (
        question + "\n"
        + json.dumps({"ask": "and %s after that?" % second}) + "\n"
        + json.dumps({"search": marker, "limit": 2}) + "\n"
        + '{"ask": "%s" broken\n' % marker
        + json.dumps({"cite": marker}) + "\n"
    ).encode() + ("caf\xe9 %s \n" % marker).encode("latin-1") + (marker * 200).encode() + b"\n"
    answers.append(send(lines, line_requests))
    return answers


def stop(process):
    """Stops the server with SIGTERM, sent to senguide itself when strace runs it (strace
    would detach and leave it running)."""
    targets = [process.pid]
    try:
        with open("/proc/%d/task/%d/children" % (process.pid, process.pid)) as handle:
            children = [int(pid) for pid in handle.read().split()]
        if children and process.args[0].endswith("strace"):
            targets = children
    except OSError:
        pass
    for pid in targets:
        try:
            os.kill(pid, 15)
        except ProcessLookupError:
            pass
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        for pid in targets + [process.pid]:
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass
        process.wait(5)


def scan_files(roots, since, forms, skip):
    hits = []
    scanned = 0
    for root in roots:
        for folder, folders, files in os.walk(root):
            folders[:] = [name for name in folders if os.path.join(folder, name) not in skip
                          and name != ".git" and not name.startswith(".build")]
            for name in files:
                path = os.path.join(folder, name)
                try:
                    info = os.lstat(path)
                    if not os.path.isfile(path) or os.path.islink(path) or info.st_mtime < since:
                        continue
                    if info.st_size > 64 * 1024 * 1024:
                        continue
                    with open(path, "rb") as handle:
                        data = handle.read()
                except OSError:
                    continue
                scanned += 1
                if find_marker(data, forms) or find_marker(name, forms):
                    hits.append(path)
    return scanned, hits


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "senguide"))
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.bin)
    marker = "zq" + uuid.uuid4().hex[:20]
    second = "zq" + uuid.uuid4().hex[:20]
    forms = marker_forms(marker) | marker_forms(second)
    started = time.time() - 1
    work = tempfile.mkdtemp(prefix="senguide-privacy-")
    evidence = tempfile.mkdtemp(prefix="senguide-privacy-evidence-")  # traces and logs: they hold the marker
    for folder in ("home", "tmp"):
        os.makedirs(os.path.join(work, folder))
    shutil.copytree(os.path.join(ROOT, "Corpus"), os.path.join(work, "Corpus"))
    shutil.copytree(os.path.join(ROOT, "Index"), os.path.join(work, "Index"))
    # The markers themselves are never printed: this output may be saved to a file in the
    # folders scanned below.
    print("privacy: two fresh %d-character markers; strace %s" % (
        len(marker), "on" if shutil.which("strace") else "not installed"))
    try:
        question = "can my child with %s have SEN support" % marker
        run_cli(binary, work, ["ask", question], None, forms, evidence, "ask")
        run_cli(binary, work, ["ask", "--json", question], None, forms, evidence, "ask-json")
        run_cli(binary, work, ["chat"], "%s\nmore\nwhat about %s at college\nsources\nquit\n" % (question, second),
                forms, evidence, "chat")
        run_cli(binary, work, ["search", marker + " EHCP"], None, forms, evidence, "search")

        http, lines = free_port(), free_port()
        log_path = os.path.join(evidence, "server.log")
        trace = os.path.join(evidence, "server.trace")
        with open(log_path, "wb") as log:
            server = subprocess.Popen(
                strace_prefix(trace) + [binary, "serve", "--http", "%s:%d" % (HOST, http), "--lines",
                                        "%s:%d" % (HOST, lines), "--allow-origin", "https://school.example"],
                cwd=work, stdout=log, stderr=subprocess.STDOUT,
                env=dict(os.environ, HOME=os.path.join(work, "home"), TMPDIR=os.path.join(work, "tmp")))
            try:
                for _ in range(300):
                    try:
                        with urllib.request.urlopen("http://%s:%d/healthz" % (HOST, http), timeout=2):
                            break
                    except OSError:
                        if server.poll() is not None:
                            raise SystemExit("privacy: the server exited %d" % server.returncode)
                        time.sleep(0.2)
                answers = exercise_server(http, lines, marker, second)
                echoed = sum(1 for answer in answers if find_marker(answer, forms))
                verdict(echoed > 0, "the server received the questions", "%d of %d answers echo them" % (
                    echoed, len(answers)))
            finally:
                stop(server)
        with open(log_path, "rb") as handle:
            log_text = handle.read().decode("utf-8", errors="replace")
        log_lines = log_text.splitlines()
        found = [line for line in log_lines if find_marker(line, forms)]
        verdict(len(log_lines) >= 15 and not found, "server log: the marker in none of its %d lines" % len(log_lines),
                "%d lines hold it" % len(found) if found else "")
        if os.path.exists(trace):
            check_trace(trace, forms, "server", stdout_allowed=False)
    finally:
        time.sleep(0.2)
        skip = {evidence, os.path.join(ROOT, "Fuzz", ".build")}
        roots = [work, ROOT, os.path.expanduser("~"), "/tmp", "/var/tmp"]
        scanned, hits = scan_files(roots, started, forms, skip)
        verdict(not hits, "files: the marker in none of the %d files modified during the check" % scanned,
                ", ".join(hits[:5]))
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(evidence, ignore_errors=True)
    print("%d passed, %d failed" % (results["passed"], results["failed"]))
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
