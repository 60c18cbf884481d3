#!/usr/bin/env bash
# Soak test: a release hadath server on loopback under a mix of valid and hostile
# traffic for SOAK_SECONDS (default 600), driven by scripts/soak_client.py.
# The mix includes the bounded-work cases: repeated-token texts (200, or 408 at the
# deadline), nested quotes (an answer over 20x its input is a warning), a 4 MB batch of tiny
# objects (422), a 4.3 MB body sent whole by urllib (413 read, not a broken pipe), invented
# methods, requests without Host, long request ids, heads from 16 KB to 1 MB sent whole
# (a readable 431 over the cap), spoofed X-Forwarded-For chains (the server trusts the header
# and rate-limits by it, with a limit no client reaches and a small max_tracked_clients, so
# every spoofed address is limiter state that must stay bounded), and silent connections:
# HTTP/1.1 ones and half an HTTP/2 preface (closed after server.idle_timeout_secs), and HTTP/2
# ones that send the preface and nothing more (closed after a GOAWAY or an unanswered ping).
# Answers to repeated-token texts over the output bound of tests/output_bound.rs are warnings.
#
#   scripts/soak.sh
#   SOAK_SECONDS=120 SOAK_WORKERS=4 SOAK_SLOW_CLIENTS=3 scripts/soak.sh
#
# Fails (exit 1) when any answer is 5xx, the server dies (or logs a panic), or its RSS
# grows by more than 30% between the first and the last minute. Statuses outside each
# case's expected set and span mismatches are printed as warnings (SOAK_STRICT=1 makes
# them fail too). Valid articles come from ../shared/corpus/{ar,en} when present.
# Environment: SOAK_SECONDS, SOAK_WORKERS, SOAK_SLOW_CLIENTS, SOAK_SEED, SOAK_STRICT,
# SOAK_RSS_GROWTH (0.30), PORT, SERVER_BIN (default target/release/hadath; built with
# `cargo build --release` only if missing).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SOAK_SECONDS="${SOAK_SECONDS:-600}"
SERVER_BIN="${SERVER_BIN:-$ROOT/target/release/hadath}"
SHARED="${SHARED:-$ROOT/../shared}"

command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
if [[ ! -x "$SERVER_BIN" ]]; then
    echo "$SERVER_BIN missing: cargo build --release ..." >&2
    cargo build --release --locked >&2
fi

PORT="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d -t hadath-soak.XXXXXX)"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ "${KEEP_WORK:-0}" != 1 ]]; then rm -rf "$WORK"; else echo "kept $WORK" >&2; fi
}
trap cleanup EXIT INT TERM

corpus_args=()
for lang in ar en; do
    [[ -d "$SHARED/corpus/$lang" ]] && corpus_args+=(--corpus "$SHARED/corpus/$lang")
done
if (( ${#corpus_args[@]} == 0 )); then
    echo "no corpus at $SHARED/corpus: valid articles are built-in paragraphs" >&2
fi

HADATH_ADDR="127.0.0.1:$PORT" HADATH_LOG__FORMAT=json HADATH_LOG__LEVEL="${HADATH_LOG__LEVEL:-warn}" \
    HADATH_AUTH__TRUST_FORWARDED_FOR=true HADATH_AUTH__REQUESTS_PER_MINUTE=60000000 HADATH_AUTH__BURST=1000000 \
    HADATH_AUTH__MAX_TRACKED_CLIENTS=256 \
    "$SERVER_BIN" serve >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
t0=$(date +%s%N)
ready=""
for _ in $(seq 1 3000); do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited during start-up:" >&2; cat "$WORK/server.log" >&2; exit 1; }
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/readyz" || true)" == 200 ]]; then
        ready=$(( ($(date +%s%N) - t0) / 1000000 )); break
    fi
    sleep 0.01
done
[[ -n "$ready" ]] || { echo "/readyz never answered 200" >&2; exit 1; }
echo "soak: $SERVER_BIN (pid $SERVER_PID) on $BASE, ready after ${ready} ms; ${SOAK_SECONDS}s of traffic"

status=0
python3 "$ROOT/scripts/soak_client.py" --base "$BASE" --pid "$SERVER_PID" --seconds "$SOAK_SECONDS" \
    --workers "${SOAK_WORKERS:-4}" --slow-clients "${SOAK_SLOW_CLIENTS:-3}" --seed "${SOAK_SEED:-1}" \
    --rss-growth "${SOAK_RSS_GROWTH:-0.30}" --json-out "$WORK/results.json" \
    ${SOAK_STRICT:+--strict} "${corpus_args[@]}" || status=1

# The process must still be alive and healthy, and must not have logged a panic.
if ! kill -0 "$SERVER_PID" 2>/dev/null || grep -q '^State:.Z' "/proc/$SERVER_PID/status" 2>/dev/null; then
    echo "FAIL: the server is no longer running"; status=1
else
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/healthz" || true)
    [[ "$code" == 200 ]] || { echo "FAIL: /healthz answered '$code' after the soak"; status=1; }
    echo "server after soak: VmHWM $(awk '/VmHWM/{print $2/1024" MiB"}' /proc/$SERVER_PID/status)," \
         "VmRSS $(awk '/VmRSS/{print $2/1024" MiB"}' /proc/$SERVER_PID/status)," \
         "threads $(awk '/Threads/{print $2}' /proc/$SERVER_PID/status)," \
         "open fds $(ls /proc/$SERVER_PID/fd 2>/dev/null | wc -l)"
    # What the server itself counted, by status (from /metrics).
    curl -s --max-time 5 "$BASE/metrics" >"$WORK/metrics.txt" || true
    python3 - "$WORK/metrics.txt" <<'PY' || true
import re, sys, collections
counts = collections.Counter()
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if line.startswith("#") or "_count" in line or "_bucket" in line or "_sum" in line:
        continue
    m = re.match(r'(\w*requests\w*)\{([^}]*)\}\s+([0-9.e+]+)', line)
    if m:
        st = re.search(r'status="(\d+)"', m.group(2))
        if st:
            counts[st.group(1)] += float(m.group(3))
if counts:
    print("server /metrics requests by status: " + ", ".join(f"{k}: {int(v)}" for k, v in sorted(counts.items())))
PY
fi
if grep -qiE 'panicked|"level":"ERROR"' "$WORK/server.log"; then
    echo "server log has panics/errors:"; grep -iE 'panicked|"level":"ERROR"' "$WORK/server.log" | head -10
    grep -qi 'panicked' "$WORK/server.log" && status=1
fi
if (( status == 0 )); then echo "soak: PASS"; else echo "soak: FAIL"; tail -20 "$WORK/server.log" >&2; fi
exit $status
