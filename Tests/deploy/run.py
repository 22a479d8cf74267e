#!/usr/bin/env python3
"""The deployment of docs/DEPLOY.md, run for real on this machine.

1. The release tarball (scripts/package.sh) is unpacked into an empty folder. Its binary links
   no Swift library, and `senguide ask` runs from another, empty folder with a bare
   environment (env -i, PATH=/usr/bin:/bin) and, when the test runs as root, with the Swift
   toolchain's folder hidden (a private mount namespace) and as the user nobody.
2. Two replicas of `senguide serve`, run the same way from the unpacked folder, sit behind
   Debian's nginx as an upstream group, with deploy/nginx-senguide.conf as it stands (only the
   ports and the certificate paths changed) and a self-signed certificate made by openssl.
   Answers, the widget and the page come back over HTTPS; nothing else is exposed.
3. Failover: clients send requests without pause while one replica gets SIGTERM, and later
   the other SIGKILL; every request must be answered 200 with a whole answer.
4. Reload: a document is added to the corpus, `senguide index` rebuilds the index, both
   replicas get SIGHUP, and the new passage comes back through nginx, from both replicas.

Every process it starts is stopped by its pid when it ends, however it ends. The systemd
unit is checked with `systemd-analyze verify` where that exists.

    python3 Tests/deploy/run.py --tarball dist/senguide-0.1.0-linux-x86_64.tar.gz
"""

import argparse
import ctypes
import http.client
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# Seconds a replica has to answer /healthz after it is started.
READY_SECONDS = 15

started_processes = []
results = {"passed": 0, "failed": 0}


def verdict(ok, name, detail):
    results["passed" if ok else "failed"] += 1
    print("%-6s %s: %s" % ("PASSED" if ok else "FAILED", name, detail), flush=True)
    return ok


def die_with_parent():
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def start(command, log_path, cwd, env=None):
    log = open(log_path, "ab")
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        preexec_fn=die_with_parent)
    log.close()
    started_processes.append(process)
    return process


def stop_all():
    for process in started_processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.time() + 8
    for process in started_processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.time()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ensure_tools():
    missing = [package for tool, package in (("nginx", "nginx"), ("openssl", "openssl"), ("curl", "curl"))
               if shutil.which(tool) is None]
    if missing:
        print("installing " + " ".join(missing), flush=True)
        subprocess.run(["apt-get", "install", "-y", "-qq"] + missing, check=True,
                       stdout=subprocess.DEVNULL, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))


class CleanRoom:
    """How the packaged binary is run: a bare environment, and as root also the toolchain
    hidden, as nobody, with no new privileges (what the systemd unit gives it)."""

    def __init__(self):
        swift = shutil.which("swift")
        toolchain = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(swift)))) if swift else None
        self.hidden = toolchain if toolchain and toolchain not in ("/", "/usr") else None
        self.isolated = os.geteuid() == 0 and shutil.which("unshare") and shutil.which("setpriv") \
            and subprocess.run(["unshare", "-m", "true"], stderr=subprocess.DEVNULL).returncode == 0
        self.env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}

    def describe(self):
        if not self.isolated:
            return "env -i PATH=/usr/bin:/bin (not root: toolchain left visible)"
        hidden = "%s hidden, " % self.hidden if self.hidden else ""
        return "env -i PATH=/usr/bin:/bin, %sas nobody, no new privileges" % hidden

    def command(self, argv):
        """`argv` wrapped so that it keeps the pid: unshare, sh and setpriv each exec the next."""
        if not self.isolated:
            return argv
        script = 'mount -t tmpfs none "$0" && exec setpriv --reuid=nobody --regid=nogroup --clear-groups ' \
                 '--no-new-privs --pdeathsig TERM -- "$@"'
        if not self.hidden:
            script = 'exec setpriv --reuid=nobody --regid=nogroup --clear-groups --no-new-privs ' \
                     '--pdeathsig TERM -- "$@"'
        return ["unshare", "-m", "sh", "-c", script, self.hidden or "-"] + argv


def https(port, cafile, source="127.0.0.1"):
    """A connection to nginx from `source`, an address of 127.0.0.0/8: nginx limits requests
    per client address (600 a minute, a burst of 600), so load comes from many addresses."""
    context = ssl.create_default_context(cafile=cafile)
    return http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10, source_address=(source, 0))


def request(connection, method, path, body=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    response = connection.getresponse()
    return response.status, response.read(), response


def direct(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        status, body, _ = request(connection, "GET", path)
        return status, body
    finally:
        connection.close()


def wait_ready(port, process, log_path):
    deadline = time.time() + READY_SECONDS
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit("senguide serve on %d exited (%s); its log:\n%s" % (port, process.returncode, read(log_path)))
        try:
            if direct(port, "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit("senguide serve on %d not ready in %d s; its log:\n%s" % (port, READY_SECONDS, read(log_path)))


def read(path):
    with open(path, encoding="utf-8", errors="replace") as file:
        return file.read()


QUESTIONS = ["can under-5s have SEN", "what is a SENCo", "does my child need an EHCP for support",
             "how often should the plan be reviewed", "who pays for SEN support"]


def one_request(connection, number):
    """One of the three kinds of request, checked: (ok, what)."""
    kind = number % 3
    question = QUESTIONS[number % len(QUESTIONS)]
    if kind == 0:
        status, body, _ = request(connection, "GET", "/v1/ask?q=" + urllib.parse.quote(question))
        expect = "kind"
    elif kind == 1:
        status, body, _ = request(connection, "POST", "/v1/ask",
                                  {"question": "what about at secondary school?", "history": [question]})
        expect = "kind"
    else:
        status, body, _ = request(connection, "GET", "/v1/search?limit=3&q=" + urllib.parse.quote(question))
        expect = "hits"
    try:
        whole = expect in json.loads(body)
    except ValueError:
        whole = False
    return status == 200 and whole, "%s %d" % (["GET /v1/ask", "POST /v1/ask", "GET /v1/search"][kind], status)


def load_while(port, cafile, action, seconds, run_number, clients=4, per_address=500):
    """Clients send requests back to back for `seconds`; `action` runs a third of the way in.
    Each client moves to a new source address every `per_address` requests, within nginx's
    burst for one visitor, and each run (`run_number`) uses addresses of its own.
    Returns (answered, failures)."""
    stop = threading.Event()
    lock = threading.Lock()
    counts = {"answered": 0}
    failures = []

    def client(index):
        sources = ("127.%d.%d.%d" % (10 + run_number * clients + index, third, fourth) for third in range(256) for fourth in range(1, 255))
        connection = https(port, cafile, next(sources))
        number = index
        while not stop.is_set():
            if number // clients % per_address == per_address - 1:
                connection.close()
                connection = https(port, cafile, next(sources))
            try:
                ok, what = one_request(connection, number)
            except (OSError, http.client.HTTPException) as error:
                ok, what = False, "%s: %s" % (type(error).__name__, error)
                connection.close()
                connection = https(port, cafile, next(sources))
            with lock:
                if ok:
                    counts["answered"] += 1
                else:
                    failures.append(what)
            number += clients
        connection.close()

    threads = [threading.Thread(target=client, args=(index,)) for index in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(seconds / 3)
    action()
    time.sleep(seconds * 2 / 3)
    stop.set()
    for thread in threads:
        thread.join()
    return counts["answered"], failures


def system_call_set(name):
    """The system calls a systemd set such as @system-service allows, nested sets expanded."""
    names = set()
    listing = subprocess.run(["systemd-analyze", "syscall-filter", name], capture_output=True, text=True).stdout
    for line in listing.splitlines()[1:]:
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        names |= system_call_set(entry) if entry.startswith("@") else {entry}
    return names


def check_system_calls(binary, cwd, work, room):
    """The unit's SystemCallFilter=@system-service allows every system call a replica makes:
    start, answers over HTTP and the line protocol, a reload (SIGHUP) and a stop (SIGTERM),
    traced with strace."""
    if shutil.which("strace") is None:
        print("SKIP   system calls: no strace on this machine", flush=True)
        return
    trace = os.path.join(work, "strace.out")
    http_port, lines_port = free_port(), free_port()
    log = os.path.join(work, "traced.log")
    process = start(["strace", "-f", "-qq", "-o", trace, binary, "serve", "--http", "127.0.0.1:%d" % http_port,
                     "--lines", "127.0.0.1:%d" % lines_port, "--rate-limit", "0"], log, cwd, room.env)
    wait_ready(http_port, process, log)
    connection = http.client.HTTPConnection("127.0.0.1", http_port, timeout=10)
    for number in range(6):
        one_request(connection, number)
    connection.close()
    with socket.create_connection(("127.0.0.1", lines_port), timeout=10) as lines:
        lines.sendall(b'what is a SENCo\n{"search": "EHCP", "limit": 2}\n')
        received = b""
        while received.count(b"\n") < 2:
            chunk = lines.recv(65536)
            if not chunk:
                break
            received += chunk
    # strace's pid is the server's parent; signal the server itself.
    children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
    server = int(children[0]) if children else process.pid
    os.kill(server, signal.SIGHUP)
    deadline = time.time() + 10
    while "reloaded" not in read(log) and time.time() < deadline:
        time.sleep(0.05)
    os.kill(server, signal.SIGTERM)
    process.wait(timeout=15)
    used = set()
    for line in read(trace).splitlines():
        call = line.split(None, 1)[-1].split("(", 1)[0]
        if call.replace("_", "").isalnum():
            used.add(call)
    allowed = system_call_set("@system-service")
    outside = sorted(used - allowed)
    verdict(not outside and len(used) > 20, "system calls within the unit's filter",
            "%d distinct calls, all in @system-service%s" % (len(used), "; outside: %s" % outside if outside else ""))


def render_nginx(conf_text, replicas, https_port, http_port, cert, key):
    """deploy/nginx-senguide.conf with only the ports and the certificate paths changed."""
    replacements = [
        ("server 127.0.0.1:8080 ", "server 127.0.0.1:%d " % replicas[0]),
        ("server 127.0.0.1:8090 ", "server 127.0.0.1:%d " % replicas[1]),
        ("listen 80;", "listen 127.0.0.1:%d;" % http_port),
        ("listen 443 ssl http2;", "listen 127.0.0.1:%d ssl http2;" % https_port),
        ("/etc/ssl/certs/guide.example.org.pem", cert),
        ("/etc/ssl/private/guide.example.org.key", key),
    ]
    for old, new in replacements:
        if conf_text.count(old) != 1:
            raise SystemExit("deploy/nginx-senguide.conf: expected %r once; update Tests/deploy/run.py" % old)
        conf_text = conf_text.replace(old, new)
    # The IPv6 listeners are left out: the machine running the test may have no ::1.
    return "\n".join(line for line in conf_text.splitlines() if "listen [::]" not in line) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tarball", required=True, help="made by scripts/package.sh")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    arguments = parser.parse_args()
    began = time.time()
    ensure_tools()
    work = tempfile.mkdtemp(prefix="senguide-deploy-")
    os.chmod(work, 0o755)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        run(arguments, work)
    finally:
        stop_all()
        if arguments.keep:
            print("kept " + work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("\n%d passed, %d failed in %.1f s" % (results["passed"], results["failed"], time.time() - began))
    return 1 if results["failed"] else 0


def run(arguments, work):
    room = CleanRoom()
    # 1. The package, unpacked into an empty folder.
    install = os.path.join(work, "install")
    os.mkdir(install)
    with tarfile.open(arguments.tarball) as archive:
        names = archive.getnames()
        top = names[0].split("/")[0]
        if hasattr(tarfile, "data_filter"):
            archive.extractall(install, filter="data")
        else:
            archive.extractall(install)
    home = os.path.join(install, top)
    for path, mode in ((install, 0o755), (home, 0o755)):
        os.chmod(path, mode)
    binary = os.path.join(home, "senguide")
    wanted = ["senguide", "Index/index.sgix", "Corpus/myths.md", "README.md", "DEPLOY.md",
              "deploy/nginx-senguide.conf", "deploy/senguide@.service", "licences/NOTICES.md",
              "licences/swift-LICENSE.txt"]
    absent = [name for name in wanted if not os.path.exists(os.path.join(home, name))]
    verdict(not absent, "package contents", "%d files in %s; missing: %s" % (len(names), top, absent or "none"))

    with open(os.path.join(home, "DEPLOY.md"), encoding="utf-8") as file:
        manual = file.read()
    stale = [name for name in ("deploy/nginx-senguide.conf", "deploy/senguide@.service")
             if read(os.path.join(home, name)) not in manual]
    verdict(not stale, "DEPLOY.md shows the files as shipped", "differs: %s" % (stale or "none"))

    size = os.path.getsize(binary)
    linked = subprocess.run(["ldd", binary], capture_output=True, text=True).stdout
    libraries = sorted(line.split()[0] for line in linked.splitlines() if line.strip())
    swift_libraries = [name for name in libraries if "swift" in name or "Foundation" in name or "dispatch" in name]
    verdict(not swift_libraries, "no Swift library linked", ", ".join(libraries))
    # All of Foundation (ICU's data) would make it 70 MB: someone imported Foundation.
    verdict(size < 40_000_000, "binary size", "%.1f MB (more than 40 MB means all of Foundation came back)" % (size / 1e6))

    elsewhere = os.path.join(work, "elsewhere")
    os.mkdir(elsewhere)
    os.chmod(elsewhere, 0o755)
    asked = subprocess.run(room.command([binary, "ask", "--json", "can under-5s have SEN"]), cwd=elsewhere,
                           env=room.env, capture_output=True, text=True)
    try:
        kind = json.loads(asked.stdout).get("kind")
    except ValueError:
        kind = None
    verdict(asked.returncode == 0 and kind == "myth" and asked.stderr == "", "ask from an empty folder",
            "%s; exit %d, kind %s, stderr %r" % (room.describe(), asked.returncode, kind, asked.stderr[:200]))
    asked = subprocess.run(room.command([binary, "search", "--json", "--index", os.path.join(home, "Index"),
                                         "--corpus", os.path.join(home, "Corpus"), "best endeavours"]),
                           cwd=elsewhere, env=room.env, capture_output=True, text=True)
    verdict(asked.returncode == 0 and '"hits"' in asked.stdout, "search with --index and --corpus",
            "exit %d" % asked.returncode)

    if shutil.which("systemd-analyze"):
        unit_dir = os.path.join(work, "unit")
        os.mkdir(unit_dir)
        with open(os.path.join(home, "deploy", "senguide@.service")) as file:
            unit = file.read().replace("/opt/senguide/senguide", binary)
        with open(os.path.join(unit_dir, "senguide@.service"), "w") as file:
            file.write(unit)
        checked = subprocess.run(["systemd-analyze", "verify", "--man=no", "./senguide@8080.service"],
                                 cwd=unit_dir, capture_output=True, text=True)
        verdict(checked.returncode == 0 and not checked.stderr.strip(), "systemd unit",
                "systemd-analyze verify: %s" % (checked.stderr.strip() or "no complaints"))
        check_system_calls(binary, elsewhere, work, room)
    else:
        print("SKIP   systemd unit: no systemd-analyze on this machine", flush=True)

    # 2. Two replicas behind nginx, over HTTPS.
    replica_ports = [free_port(), free_port()]
    replicas = []
    logs = [os.path.join(work, "replica-%d.log" % index) for index in range(2)]

    def start_replica(index):
        process = start(room.command([binary, "serve", "--http", "127.0.0.1:%d" % replica_ports[index],
                                      "--lines", "off", "--rate-limit", "0"]), logs[index], elsewhere, room.env)
        wait_ready(replica_ports[index], process, logs[index])
        return process

    for index in range(2):
        replicas.append(start_replica(index))

    tls = os.path.join(work, "tls")
    os.mkdir(tls)
    cert, key = os.path.join(tls, "cert.pem"), os.path.join(tls, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], check=True, capture_output=True)
    https_port, http_port = free_port(), free_port()
    nginx_dir = os.path.join(work, "nginx")
    for sub in ("", "temp"):
        os.makedirs(os.path.join(nginx_dir, sub), exist_ok=True)
    if os.geteuid() == 0:
        os.chown(os.path.join(nginx_dir, "temp"), 65534, 65534)  # nginx's workers run as nobody
    with open(os.path.join(home, "deploy", "nginx-senguide.conf")) as file:
        site = render_nginx(file.read(), replica_ports, https_port, http_port, cert, key)
    with open(os.path.join(nginx_dir, "senguide.conf"), "w") as file:
        file.write(site)
    temp = os.path.join(nginx_dir, "temp")
    with open(os.path.join(nginx_dir, "nginx.conf"), "w") as file:
        file.write("""worker_processes 2;
pid %(dir)s/nginx.pid;
error_log %(dir)s/error.log warn;
events { worker_connections 512; }
http {
    access_log off;
    client_body_temp_path %(temp)s/body;
    proxy_temp_path %(temp)s/proxy;
    fastcgi_temp_path %(temp)s/fastcgi;
    uwsgi_temp_path %(temp)s/uwsgi;
    scgi_temp_path %(temp)s/scgi;
    include %(dir)s/senguide.conf;
}
""" % {"dir": nginx_dir, "temp": temp})
    nginx = ["nginx", "-p", nginx_dir, "-e", os.path.join(nginx_dir, "error.log"), "-c",
             os.path.join(nginx_dir, "nginx.conf")]
    tested = subprocess.run(nginx + ["-t"], capture_output=True, text=True)
    if not verdict(tested.returncode == 0, "nginx -t", tested.stderr.strip().splitlines()[-1] if tested.stderr else ""):
        print(tested.stderr)
        return
    nginx_process = start(nginx + ["-g", "daemon off;"], os.path.join(nginx_dir, "stdout.log"), nginx_dir)
    deadline = time.time() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
            break
        except OSError:
            if time.time() > deadline or nginx_process.poll() is not None:
                raise SystemExit("nginx did not start:\n" + read(os.path.join(nginx_dir, "error.log")))
            time.sleep(0.05)

    connection = https(https_port, cert)
    checks = [
        ("GET", "/v1/ask?q=" + urllib.parse.quote("can under-5s have SEN"), None, 200, b'"kind":"myth"'),
        ("POST", "/v1/ask", {"question": "what about at secondary school?", "history": ["what is SEN support"]},
         200, b'"citations"'),
        ("GET", "/v1/search?q=best+endeavours&limit=2", None, 200, b'"hits"'),
        ("GET", "/widget.js", None, 200, b"senguide"),
        ("GET", "/", None, 200, b"<html"),
        ("GET", "/healthz", None, 404, b""),
        ("GET", "/v1/nothing-here", None, 404, b'"error"'),
    ]
    for method, path, body, expected, marker in checks:
        status, answer, _ = request(connection, method, path, body)
        verdict(status == expected and marker in answer, "HTTPS %s %s" % (method, path.split("?")[0]),
                "%d (expected %d)" % (status, expected))
    connection.close()
    plain = http.client.HTTPConnection("127.0.0.1", http_port, timeout=5)
    status, _, response = request(plain, "GET", "/v1/ask?q=x")
    verdict(status == 301 and (response.getheader("Location") or "").startswith("https://"), "HTTP redirects to HTTPS",
            "%d %s" % (status, response.getheader("Location")))
    plain.close()
    curl = subprocess.run(["curl", "-sS", "--http2", "--cacert", cert, "-o", "/dev/null", "-w", "%{http_version}",
                           "--resolve", "localhost:%d:127.0.0.1" % https_port,
                           "https://localhost:%d/v1/ask?q=EHCP" % https_port], capture_output=True, text=True)
    verdict(curl.returncode == 0 and curl.stdout.strip() == "2", "HTTP/2 with curl, certificate checked",
            "HTTP version %s %s" % (curl.stdout.strip(), curl.stderr.strip()))

    # The per-visitor limit that replaces senguide's own (--rate-limit 0 behind nginx).
    connection = https(https_port, cert, "127.0.3.1")
    statuses = [request(connection, "GET", "/v1/search?q=SENCo&limit=1")[0] for _ in range(700)]
    connection.close()
    verdict(statuses.count(200) >= 600 and statuses.count(429) >= 1 and statuses.count(200) + statuses.count(429) == 700,
            "nginx limits each visitor", "700 requests at once from one address: %d answered, %d refused with 429; "
            "from another address at the same time: %d" % (statuses.count(200), statuses.count(429),
                                                          request(https(https_port, cert, "127.0.3.2"), "GET", "/v1/search?q=SENCo")[0]))

    # 3. Failover: SIGTERM to one replica, then SIGKILL to the other, under load.
    def back_in_rotation(index):
        """Requests through nginx until the restarted replica answers some: nginx tries a
        replica it marked failed again after fail_timeout (5 s)."""
        seen = read(logs[index]).count(" http ")
        connection = https(https_port, cert, "127.0.1.%d" % (index + 1))
        deadline = time.time() + 15
        while read(logs[index]).count(" http ") < seen + 3 and time.time() < deadline:
            request(connection, "GET", "/v1/search?q=EHCP&limit=1")
            time.sleep(0.02)
        connection.close()
        return read(logs[index]).count(" http ") >= seen + 3

    for index, (name, signal_number) in enumerate((("SIGTERM", signal.SIGTERM), ("SIGKILL", signal.SIGKILL))):
        victim = replicas[index]
        answered, failures = load_while(https_port, cert, lambda: victim.send_signal(signal_number), seconds=4.5,
                                       run_number=index)
        victim.wait(timeout=10)
        verdict(not failures and answered >= 50, "failover: %s to replica %d mid-run" % (name, index + 1),
                "%d answered 200, %d not%s" % (answered, len(failures), (": " + "; ".join(failures[:5])) if failures else ""))
        replicas[index] = start_replica(index)  # as systemd's Restart= would
        rejoined = time.time()
        verdict(back_in_rotation(index), "replica %d restarted and back in rotation" % (index + 1),
                "after %.1f s" % (time.time() - rejoined))
    served = [read(path).count(" http ") for path in logs]
    verdict(all(count > 50 for count in served), "both replicas answered", "access-log lines per replica: %s" % served)

    # 4. Reload: a new document, a new index, SIGHUP to both; the new passage through nginx.
    corpus = os.path.join(home, "Corpus")
    with open(os.path.join(corpus, "deploy-check.md"), "w") as file:
        file.write("---\nid: deploy-check\npublisher: SENGuide deploy test\ntitle: Reload check\narea: England\n"
                   "---\n\n# Reload check\n\nThe quokka register of Zephyrton lists every reloaded replica.\n")
    query = "/v1/search?limit=1&q=quokka+zephyrton"

    def newest_hit(port=None):
        if port is None:
            connection = https(https_port, cert, "127.0.2.1")
            status, body, _ = request(connection, "GET", query)
            connection.close()
        else:
            status, body = direct(port, query)
        hits = json.loads(body).get("hits", []) if status == 200 else []
        return hits[0]["passage"] if hits else None

    old = newest_hit()
    # As the operator would, with write access to the install (the replicas have none).
    indexed = subprocess.run([binary, "index"], cwd=elsewhere, env=room.env, capture_output=True, text=True)
    verdict(indexed.returncode == 0 and old is None, "corpus changed and indexed",
            "before the reload the passage is not served (%s); senguide index exit %d %s"
            % (old, indexed.returncode, indexed.stderr.strip()[-200:]))
    for replica in replicas:
        replica.send_signal(signal.SIGHUP)
    deadline = time.time() + 10
    while time.time() < deadline and not all("reloaded" in read(path) for path in logs):
        time.sleep(0.05)
    through_nginx = [newest_hit() for _ in range(20)]
    each = [newest_hit(port) for port in replica_ports]
    expected = "deploy-check#reload-check-1"
    verdict(all(hit == expected for hit in through_nginx + each), "SIGHUP: the new answer through nginx",
            "20 requests through nginx: %d with %s; each replica directly: %s"
            % (through_nginx.count(expected), expected, each))
    alive = all(replica.poll() is None for replica in replicas) and nginx_process.poll() is None
    verdict(alive, "still running", "both replicas and nginx")


if __name__ == "__main__":
    sys.exit(main())
