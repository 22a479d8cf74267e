#!/usr/bin/env bash
# Run-to-run spread of the headline comparison: nginx serving static JSON and
# GET /v1/search?…&limit=5, both at 16 connections, measured alternately for ROUNDS rounds in
# one process each, so that a single lucky or unlucky run cannot stand for the result.
#
#   Benchmarks/http/repeat.sh [ROUNDS]          (default 6; about 17 s a round)
#
# Environment: SENGUIDE_BIN=… (default .build-bench/release/senguide, built by run.sh),
# SECONDS_PER_ROW=8, SERVE_FLAGS="--threads 1" (extra flags for senguide serve).
# Loopback only; stops what it started by pid.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-6}
seconds=${SECONDS_PER_ROW:-8}
senguide=${SENGUIDE_BIN:-.build-bench/release/senguide}
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x $senguide ]] || { echo "no $senguide: run Benchmarks/http/run.sh first, or set SENGUIDE_BIN" >&2; exit 1; }

work=$(mktemp -d)
chmod 755 "$work"
server_pid=""
nginx_pid=""
cleanup() {
    for pid in $server_pid $nginx_pid; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in $server_pid $nginx_pid; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
http_port=$(free_port)
nginx_port=$(free_port)

# shellcheck disable=SC2086
"$senguide" serve --http "127.0.0.1:$http_port" --lines off --rate-limit 0 ${SERVE_FLAGS:-} 2>/dev/null &
server_pid=$!
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$http_port/healthz" >/dev/null && break
    sleep 0.1
done
mkdir -p "$work/www" "$work/temp"
curl -sf "http://127.0.0.1:$http_port/v1/search?q=what%20is%20an%20EHC%20plan&limit=5" >"$work/www/search.json"
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    keepalive_requests 1000000;
    client_body_temp_path $work/temp;
    proxy_temp_path $work/temp;
    fastcgi_temp_path $work/temp;
    uwsgi_temp_path $work/temp;
    scgi_temp_path $work/temp;
    server { listen 127.0.0.1:$nginx_port; root $work/www; default_type application/json; }
}
CONF
"$nginx_bin" -p "$work" -e "$work/error.log" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$nginx_port/search.json" >/dev/null && break
    sleep 0.1
done

rate() { awk '/Requests\/sec/ { printf "%.0f", $2 }'; }
wrk -t2 -c16 -d3s "http://127.0.0.1:$nginx_port/search.json" >/dev/null
echo "| round | nginx static JSON req/s | GET /v1/search req/s | share of nginx |"
echo "| ---: | ---: | ---: | ---: |"
for round in $(seq "$rounds"); do
    nginx=$(wrk -t2 -c16 -d"${seconds}s" "http://127.0.0.1:$nginx_port/search.json" | rate)
    search=$(wrk -t2 -c16 -d"${seconds}s" -s Benchmarks/http/queries.lua "http://127.0.0.1:$http_port" -- /v1/search limit=5 | rate)
    echo "| $round | $nginx | $search | $(( 100 * search / nginx ))% |"
done
