#!/usr/bin/env bash
# Instructions per request of `senguide serve`, counted by callgrind: a measure of the
# server's own work that other load on the machine does not disturb, for comparing two
# builds. Requests/s (run.sh) is what the targets are about; this says where the time goes.
#
#   Benchmarks/http/instructions.sh [search|ask|lines-search|lines-ask] [REQUESTS]
#                                                               (default: search 1000)
#
# Runs the release build under valgrind's callgrind, counting only inside the event loops
# (EventLoop.run), so start-up and index loading are left out; sends REQUESTS requests over
# one connection, one at a time (GET /v1/search?…&limit=5, GET /v1/ask?q=…, or the line
# protocol's {"search": …, "limit": 5} and plain questions), rotating the questions of
# queries.lua; prints user-space
# instructions per request and the functions that take the most (inclusive). Kernel time
# (the socket calls) is not counted. Loopback only; about a minute for 1,000 searches.
#
# Environment: SENGUIDE_BIN=… to count another binary (default .build-bench/release/senguide,
# built by run.sh).
set -euo pipefail

cd "$(dirname "$0")/../.."
mode=${1:-search}
requests=${2:-1000}
senguide=${SENGUIDE_BIN:-.build-bench/release/senguide}
case $mode in
    search | ask | lines-search | lines-ask) ;;
    *) echo "usage: $0 [search|ask|lines-search|lines-ask] [REQUESTS]" >&2; exit 2 ;;
esac
command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind; } >&2
[[ -x $senguide ]] || swift build -c release --product senguide --scratch-path .build-bench >&2

work=$(mktemp -d)
server_pid=""
cleanup() {
    if [[ -n $server_pid ]]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
port=$(free_port)
lines_port=$(free_port)
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" --collect-atstart=no \
    --toggle-collect='*EventLoopC3runyyF' \
    "$senguide" serve --http "127.0.0.1:$port" --lines "127.0.0.1:$lines_port" --rate-limit 0 \
    2>"$work/server.log" &
server_pid=$!

timeout 300 python3 - "$port" "$lines_port" "$mode" "$requests" "$(dirname "$0")/queries.lua" <<'EOF'
import http.client, json, re, socket, sys, time, urllib.parse
port, lines_port, mode, count, script = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
# The same questions as the wrk runs: the quoted strings of queries.lua's list.
block = open(script).read().split("local questions = {", 1)[1].split("}", 1)[0]
questions = re.findall(r'"([^"]+)"', block)
for _ in range(300):  # valgrind starts slowly
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/healthz")
        connection.getresponse().read()
        break
    except OSError:
        time.sleep(0.2)
if mode.startswith("lines-"):
    stream = socket.create_connection(("127.0.0.1", lines_port)).makefile("rwb")
    for number in range(count):
        question = questions[number % len(questions)]
        line = json.dumps({"search": question, "limit": 5}) if mode == "lines-search" else question
        stream.write(line.encode() + b"\n")
        stream.flush()
        assert not stream.readline().startswith(b'{"error"')
else:
    for number in range(count):
        q = urllib.parse.quote(questions[number % len(questions)])
        connection.request("GET", f"/v1/search?q={q}&limit=5" if mode == "search" else f"/v1/ask?q={q}")
        response = connection.getresponse()
        response.read()
        assert response.status == 200, response.status
EOF

kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=""
total=$(awk '/^(summary|totals):/ { print $2; exit }' "$work/callgrind.out")
echo "$mode: $((total / (requests + 1))) user-space instructions per request ($requests requests, $(basename "$senguide"))"
echo
echo "Most instructions, inclusive, per request:"
callgrind_annotate --inclusive=yes "$work/callgrind.out" 2>/dev/null \
    | awk -v n=$((requests + 1)) '/^ *[0-9,]+ \(/ {
        count = $1; gsub(",", "", count)
        name = $0; sub(/^[^)]*\) +/, "", name); sub(/ \[.*$/, "", name); sub(/^.*:/, "", name)
        if (name !~ /^\$s/ || seen[name]++) next
        printf "%9d  %s\n", count / n, name
        if (++shown == 25) exit
    }' | (swift demangle --simplified --compact 2>/dev/null || cat) | cut -c1-150
