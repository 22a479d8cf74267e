#!/usr/bin/env bash
# HTTP and line-protocol benchmark of `senguide serve`, beside nginx serving static JSON.
#
#   Benchmarks/http/run.sh
#
# Installs wrk and nginx if missing (Debian), builds senguide in release mode, starts
# `senguide serve` and nginx on free ports of 127.0.0.1, and measures requests/s, p50 and
# p99 at 1, 16 and 256 connections for:
#   - nginx serving a static copy of a /v1/search response (the ceiling for any HTTP server
#     on this machine),
#   - GET /v1/search?q=…&limit=5 and GET /v1/ask?q=… (wrk, queries.lua),
#   - the line protocol's search and ask (lineload.py).
# Then it sends bursts of bad input (badinput.py) and reports the server's resident memory
# before and after. It prints Markdown tables (docs/BENCHMARKS.md) and stops every process it
# started, by pid. Loopback only; about four and a half minutes once built.
#
# Environment:
#   DURATION=10     seconds measured per row
#   WARMUP=3        seconds of warm-up before each target's rows
#   SENGUIDE_BIN=…  benchmark this binary instead of building one (e.g. to compare two builds)
set -euo pipefail

cd "$(dirname "$0")/../.."
here=Benchmarks/http
duration=${DURATION:-10}
warmup=${WARMUP:-3}
connections=(1 16 256)

# --- What it needs ---------------------------------------------------------------------
nginx_bin=$(command -v nginx || true)
[[ -z $nginx_bin && -x /usr/sbin/nginx ]] && nginx_bin=/usr/sbin/nginx
if ! command -v wrk >/dev/null || [[ -z $nginx_bin ]]; then
    echo "installing wrk and nginx" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >&2
    nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
fi
if [[ -n ${SENGUIDE_BIN:-} ]]; then
    senguide=$SENGUIDE_BIN
else
    echo "building senguide (release)" >&2
    swift build -c release --product senguide --scratch-path .build-bench >&2
    senguide=.build-bench/release/senguide
fi

# --- Processes, stopped on any exit ----------------------------------------------------
work=$(mktemp -d)
chmod 755 "$work" # nginx's workers run as nobody and read the static file from here
server_pid=""
nginx_pid=""
cleanup() {
    for pid in $server_pid $nginx_pid; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in $server_pid $nginx_pid; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for_http() { # URL
    for _ in $(seq 100); do
        if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' "$1" 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    echo "no answer from $1" >&2
    return 1
}

http_port=$(free_port)
lines_port=$(free_port)
nginx_port=$(free_port)

# The server's access log goes to a file in $work, as it would go to a journal.
"$senguide" serve --http "127.0.0.1:$http_port" --lines "127.0.0.1:$lines_port" --rate-limit 0 \
    2>"$work/senguide.log" &
server_pid=$!
wait_for_http "http://127.0.0.1:$http_port/healthz"

mkdir -p "$work/nginx/www" "$work/nginx/temp"
python3 -c 'import sys, urllib.request; sys.stdout.buffer.write(urllib.request.urlopen(sys.argv[1]).read())' \
    "http://127.0.0.1:$http_port/v1/search?q=what%20is%20an%20EHC%20plan&limit=5" >"$work/nginx/www/search.json"
cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    client_body_temp_path $work/nginx/temp;
    proxy_temp_path $work/nginx/temp;
    fastcgi_temp_path $work/nginx/temp;
    uwsgi_temp_path $work/nginx/temp;
    scgi_temp_path $work/nginx/temp;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/nginx/www;
        default_type application/json;
    }
}
EOF
"$nginx_bin" -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
wait_for_http "http://127.0.0.1:$nginx_port/search.json"

# --- Measurements ----------------------------------------------------------------------
# target, connections, requests, duration_us, p50_us, p99_us, socket errors, bad answers, load average
results=$work/results.tsv

wrk_row() { # NAME PORT CONNECTIONS SECONDS ARGS...
    local name=$1 port=$2 c=$3 seconds=$4
    shift 4
    local threads=$((c < 2 ? c : 2))
    local output
    output=$(timeout $((seconds + 30)) wrk -t"$threads" -c"$c" -d"${seconds}s" --timeout 5s --latency \
        -s "$here/queries.lua" "http://127.0.0.1:$port" -- "$@")
    [[ $name == warm-up ]] && return
    printf '%s\t%s\t%s\t%s\n' "$name" "$c" "$(grep '^RESULT' <<<"$output" | cut -d' ' -f2- | tr ' ' '\t')" \
        "$(cut -d' ' -f1 /proc/loadavg)" >>"$results"
    echo "  $name, $c connections: $(grep 'Requests/sec' <<<"$output")" >&2
}

lines_row() { # NAME MODE CONNECTIONS SECONDS WARMUP_SECONDS
    local name=$1 mode=$2 c=$3 seconds=$4 warm=$5
    local output
    output=$(timeout $((seconds + warm + 30)) python3 "$here/lineload.py" 127.0.0.1 "$lines_port" "$c" "$seconds" "$warm" "$mode" 2>"$work/lineload.err")
    [[ $name == warm-up ]] && return
    printf '%s\t%s\t%s\t%s\n' "$name" "$c" "$(grep '^RESULT' <<<"$output" | cut -d' ' -f2- | tr ' ' '\t')" \
        "$(cut -d' ' -f1 /proc/loadavg)" >>"$results"
    echo "  $name, $c connections: $(cut -d' ' -f2 <<<"$output") responses; $(cat "$work/lineload.err")" >&2
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average before: $load_before" >&2
echo "warm-up (static file $(wc -c <"$work/nginx/www/search.json") bytes)" >&2
wrk_row warm-up "$nginx_port" 16 "$warmup" /search.json
wrk_row warm-up "$http_port" 16 "$warmup" /v1/search limit=5
wrk_row warm-up "$http_port" 16 "$warmup" /v1/ask -

# nginx and senguide side by side at each connection count, so that both see the same
# machine (other work on it comes and goes).
for c in "${connections[@]}"; do
    wrk_row "nginx static JSON" "$nginx_port" "$c" "$duration" /search.json
    wrk_row "GET /v1/search (limit=5)" "$http_port" "$c" "$duration" /v1/search limit=5
    wrk_row "GET /v1/ask" "$http_port" "$c" "$duration" /v1/ask -
done
for c in "${connections[@]}"; do lines_row 'lines {"search", "limit": 5}' search "$c" "$duration" "$warmup"; done
for c in "${connections[@]}"; do lines_row "lines question (ask)" ask "$c" "$duration" "$warmup"; done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "bad input" >&2
sleep 2 # let the last connections close
badinput=$(timeout 180 python3 "$here/badinput.py" "$http_port" "$lines_port" "$server_pid")

# --- Report ----------------------------------------------------------------------------
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
memory=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
echo
echo "Machine: $(nproc) cores, $cpu, $memory; $(uname -sr). Load average (1, 5, 15 min) $load_before before, $load_after after the load runs."
echo "wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2), nginx $("$nginx_bin" -v 2>&1 | cut -d/ -f2), Python $(python3 -c 'import platform; print(platform.python_version())'); ${duration} s a row after ${warmup} s of warm-up; responses of about $(wc -c <"$work/nginx/www/search.json") bytes."
echo
echo "| target | connections | requests/s | p50 (ms) | p99 (ms) | errors | load |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
awk -F'\t' '{ printf "| %s | %d | %.0f | %.2f | %.2f | %d | %s |\n", $1, $2, $3 / ($4 / 1e6), $5 / 1000, $6 / 1000, $7 + $8, $9 }' "$results"
echo
awk -F'\t' '
    $1 == "nginx static JSON" && $2 == 16 { nginx = $3 / ($4 / 1e6) }
    $1 ~ /^GET \/v1\/search/ && $2 == 16 { search = $3 / ($4 / 1e6); p99 = $6 / 1000 }
    END {
        met = (search >= nginx / 2 && p99 < 5) ? "met" : "NOT met"
        printf "Target (/v1/search at 16 connections: at least half of nginx requests/s, p99 under 5 ms): %s; %.0f%% of nginx, p99 %.2f ms.\n", met, 100 * search / nginx, p99
    }' "$results"
echo
echo "Errors: socket errors plus answers that were not 2xx (HTTP) or were error lines (line protocol). Load: the 1-minute load average as the row ended (2 cores; the load generator and the server count too)."
echo
echo "Resident memory of the server around bursts of bad input (each kind: 400 connections, 32 at a time; two rounds):"
echo
echo "| after | round | RSS (KiB) | heap, RssAnon (KiB) | RSS vs before | answers |"
echo "| --- | ---: | ---: | ---: | ---: | --- |"
awk '
    $1 == "RSS" && $2 == "baseline" { base = $5; printf "| (before) | | %d | %d | | |\n", $5, $6; next }
    $1 == "RSS" {
        change = 100 * ($5 - base) / base
        if (change > worst) worst = change
        name = $2; gsub("_", " ", name)
        printf "| %s | %d | %d | %d | %+.1f%% | %s |\n", name, $3, $5, $6, change, $7
    }
    $1 == "ALIVE" { alive = $2 }
    END {
        printf "\nLargest RSS change: %+.1f%% (target: within 10%%). Server still answers a search afterwards: %s.\n", worst, alive
    }' <<<"$badinput"
