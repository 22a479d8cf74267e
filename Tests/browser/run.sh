#!/usr/bin/env bash
# Browser tests of the website widget: headless Chromium, driven by Selenium, against a real
# `senguide serve` (Tests/browser/test_widget.py says what each test checks).
#
#   Tests/browser/run.sh [pytest arguments…]
#   SENGUIDE_BIN=path/to/senguide Tests/browser/run.sh
#
# It builds nothing: it takes the binary from SENGUIDE_BIN, else .build/release/senguide, else
# .build/debug/senguide. It installs what is missing (Debian: chromium, chromium-driver; PyPI:
# selenium, pytest, and axe-playwright-python for the axe-core 4.x script it carries), starts
# the server from the repository root (it reads Index/ and Corpus/ there) on a free port, runs
# the tests and stops the server. Screenshots, and the server's log, go to screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-python3}

bin=${SENGUIDE_BIN:-}
if [[ -z $bin ]]; then
    for candidate in .build/release/senguide .build/debug/senguide; do
        if [[ -x $candidate ]]; then bin=$candidate; break; fi
    done
fi
if [[ -z $bin || ! -x $bin ]]; then
    echo "run.sh: no senguide binary${bin:+ at $bin}; build it with 'swift build -c release' or set SENGUIDE_BIN" >&2
    exit 1
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "run.sh: installing chromium and chromium-driver" >&2
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if ! $PY -c 'import selenium, pytest, axe_playwright_python' 2>/dev/null; then
    echo "run.sh: installing selenium, pytest and axe-playwright-python" >&2
    $PY -m pip install -q --disable-pip-version-check 'selenium>=4.10' pytest 'axe-playwright-python>=0.1.7'
fi

mkdir -p screenshots
port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
"$bin" serve --http "127.0.0.1:$port" --lines off >screenshots/server.log 2>&1 &
server=$!
stop_server() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
}
trap stop_server EXIT

ready=""
for _ in $(seq 1 300); do
    if ! kill -0 "$server" 2>/dev/null; then break; fi
    if $PY -c "import urllib.request; urllib.request.urlopen('$url/healthz', timeout=1)" 2>/dev/null; then
        ready=yes
        break
    fi
    sleep 0.2
done
if [[ -z $ready ]]; then
    echo "run.sh: '$bin serve --http 127.0.0.1:$port' did not answer $url/healthz; its log:" >&2
    cat screenshots/server.log >&2
    exit 1
fi

status=0
SENGUIDE_URL=$url SENGUIDE_BIN=$bin PYTHONDONTWRITEBYTECODE=1 \
    $PY -m pytest -p no:cacheprovider -q Tests/browser/test_widget.py "$@" || status=$?
echo "run.sh: screenshots in $PWD/screenshots" >&2
exit "$status"
