#!/usr/bin/env bash
# Browser end-to-end test of the web page (tests/e2e/e2e.mjs) against the real server.
#
#   scripts/e2e.sh              # start target/release/hadath on a free port and test it
#   BASE_URL=http://host:port scripts/e2e.sh   # test a server that is already running
#   E2E_HADATH_BIN=path/to/hadath scripts/e2e.sh  # test another build of the binary
#
# (Not HADATH_*: the server rejects environment variables of that prefix that name no setting.)
#
# Uses Debian's Chromium (/usr/bin/chromium, installed with apt-get if missing; override
# with CHROMIUM_PATH) driven by playwright-core; no browser is downloaded.
# Screenshots are written to tests/e2e/screenshots/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
APT_UPDATED=""
apt_install() {
  if [ -z "$APT_UPDATED" ]; then $SUDO apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@"
}

# Debian's Chromium, unless it is already there.
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  if dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q 'install ok installed'; then
    echo "e2e: chromium package is installed but $CHROMIUM_PATH is missing" >&2
    exit 1
  fi
  echo "e2e: installing Debian's chromium"
  apt_install chromium fonts-noto-core
fi

# Node.js and npm (Debian's), unless already there.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "e2e: installing nodejs and npm"
  apt_install nodejs npm
fi

echo "e2e: npm ci in tests/e2e"
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)

SERVER_PID=""
SERVER_LOG=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ -n "$SERVER_LOG" ]; then rm -f "$SERVER_LOG"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${BASE_URL:-}" ]; then
  BIN="${E2E_HADATH_BIN:-target/release/hadath}"
  if [ ! -x "$BIN" ]; then
    echo "e2e: $BIN is missing; building it with cargo build --release"
    cargo build --release
  fi

  PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  SERVER_LOG="$(mktemp)"
  echo "e2e: starting $BIN on 127.0.0.1:$PORT"
  HADATH_ADDR="127.0.0.1:$PORT" "$BIN" serve >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  export BASE_URL="http://127.0.0.1:$PORT"

  ready=""
  for _ in $(seq 1 120); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "e2e: the server exited during start-up; its log:" >&2
      cat "$SERVER_LOG" >&2
      exit 1
    fi
    if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))' \
        "$BASE_URL/readyz" 2>/dev/null; then
      ready=1
      break
    fi
    sleep 0.5
  done
  if [ -z "$ready" ]; then
    echo "e2e: $BASE_URL/readyz did not answer 200 within 60 s; server log:" >&2
    tail -n 50 "$SERVER_LOG" >&2
    exit 1
  fi
fi

echo "e2e: testing $BASE_URL"
status=0
node tests/e2e/e2e.mjs || status=$?
if [ "$status" -ne 0 ] && [ -n "$SERVER_LOG" ]; then
  echo "e2e: failed; last lines of the server log:" >&2
  tail -n 30 "$SERVER_LOG" >&2
fi
echo "e2e: screenshots in tests/e2e/screenshots/"
exit "$status"
