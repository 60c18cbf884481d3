#!/usr/bin/env bash
# Load test of a release build of hadath on loopback, with oha.
#
#   scripts/loadtest.sh                       # 20 s per scenario
#   DURATION=10 CONCURRENCY=32 scripts/loadtest.sh
#
# Scenarios (each for DURATION seconds):
#   single  POST /v1/extract, one ~5 KB Arabic article, CONCURRENCY connections (32)
#   batch   POST /v1/extract/batch, 10 articles, BATCH_CONCURRENCY connections (8)
#   ndjson  the same batch with Accept: application/x-ndjson (streamed)
# and prints requests/s, articles/s and p50/p99/p99.9 latency of each, the status codes
# seen, the server's time from start to /readyz 200 and its peak RSS (VmHWM).
#
# Articles come from ../shared/corpus/ar when it exists, else a built-in paragraph.
# Environment: DURATION, CONCURRENCY, BATCH_CONCURRENCY, PORT, SERVER_BIN (default
# target/release/hadath, built with `cargo build --release` only if missing), OHA.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
DURATION="${DURATION:-20}"
CONCURRENCY="${CONCURRENCY:-32}"
BATCH_CONCURRENCY="${BATCH_CONCURRENCY:-8}"
BATCH_SIZE=10
SERVER_BIN="${SERVER_BIN:-$ROOT/target/release/hadath}"
CORPUS="${CORPUS:-$ROOT/../shared/corpus/ar}"

# --- tools -----------------------------------------------------------------------------
OHA="${OHA:-$(command -v oha || true)}"
if [[ -z "$OHA" && -x "$HOME/.cargo/bin/oha" ]]; then OHA="$HOME/.cargo/bin/oha"; fi
if [[ -z "$OHA" ]]; then
    echo "oha not found: installing it with cargo (takes a few minutes) ..." >&2
    cargo install oha --locked >&2
    OHA="$HOME/.cargo/bin/oha"
fi
command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }
if [[ ! -x "$SERVER_BIN" ]]; then
    echo "$SERVER_BIN missing: cargo build --release ..." >&2
    cargo build --release --locked >&2
fi
# oha >= 1.5 writes JSON with --output-format json; older versions with --json.
if "$OHA" --help 2>/dev/null | grep -q -- '--output-format'; then
    OHA_JSON=(--output-format json)
else
    OHA_JSON=(--json)
fi
# Let requests in flight at the deadline finish (and count) instead of aborting them.
OHA_WAIT=()
if "$OHA" --help 2>/dev/null | grep -q -- '--wait-ongoing-requests-after-deadline'; then
    OHA_WAIT=(--wait-ongoing-requests-after-deadline)
fi

PORT="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d -t hadath-loadtest.XXXXXX)"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# --- request bodies ----------------------------------------------------------------------
python3 - "$CORPUS" "$WORK" "$BATCH_SIZE" <<'PY'
import json, os, sys
corpus, work, batch_size = sys.argv[1], sys.argv[2], int(sys.argv[3])
# A paragraph written for this script (not from any corpus): a meeting, a strike with
# casualties and an attributed quote.
FALLBACK = (
    "عقد وزير الخارجية اجتماعا مع نظيره في العاصمة يوم الاثنين الماضي لبحث سبل وقف "
    "إطلاق النار، وقال المتحدث باسم الوزارة إن \"المحادثات كانت بناءة وصريحة\". وفي سياق "
    "متصل، أفادت مصادر محلية بأن غارة جوية استهدفت مبنى سكنيا في المدينة، ما أسفر عن "
    "مقتل ثلاثة أشخاص وإصابة عشرة آخرين على الأقل، بحسب ما نقلته وكالة الأنباء الرسمية. "
    "وأضاف مسؤول أمني أن فرق الإنقاذ ما زالت تبحث عن ناجين تحت الأنقاض.\n\n"
)
texts = []
if os.path.isdir(corpus):
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".txt"):
            with open(os.path.join(corpus, name), encoding="utf-8") as fh:
                texts.append((name, fh.read()))
if texts:
    # the article nearest to 5 KB for the single test, the next nine around it for batches
    texts.sort(key=lambda t: abs(len(t[1].encode()) - 5000))
    single = texts[0]
    batch = texts[:batch_size]
    source = f"corpus {corpus}"
else:
    body = FALLBACK * (5000 // len(FALLBACK.encode()) + 1)
    single = ("built-in", body)
    batch = [(f"built-in-{i}", FALLBACK * (2 + i % 4)) for i in range(batch_size)]
    source = "built-in paragraph (no corpus found)"
with open(os.path.join(work, "single.json"), "w", encoding="utf-8") as fh:
    json.dump({"text": single[1], "language": "ar", "id": single[0]}, fh, ensure_ascii=False)
with open(os.path.join(work, "batch.json"), "w", encoding="utf-8") as fh:
    json.dump([{"text": t, "language": "ar", "id": n} for n, t in batch], fh, ensure_ascii=False)
sb = len(single[1].encode())
bb = sum(len(t.encode()) for _, t in batch)
print(f"articles: {source}; single {single[0]} = {sb} bytes; batch of {len(batch)} = {bb} bytes")
PY

# --- server ------------------------------------------------------------------------------
echo "server:   $SERVER_BIN on $BASE"
t0=$(date +%s%N)
HADATH_ADDR="127.0.0.1:$PORT" HADATH_LOG__LEVEL="${HADATH_LOG__LEVEL:-warn}" \
    "$SERVER_BIN" serve >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
ready_ms=""
for _ in $(seq 1 6000); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "the server exited during start-up:" >&2; cat "$WORK/server.log" >&2; exit 1
    fi
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/readyz" || true)
    if [[ "$code" == "200" ]]; then
        ready_ms=$(( ($(date +%s%N) - t0) / 1000000 )); break
    fi
    sleep 0.005
done
[[ -n "$ready_ms" ]] || { echo "/readyz never answered 200" >&2; exit 1; }
echo "ready:    /readyz 200 after ${ready_ms} ms (RSS at ready: $(awk '/VmRSS/{print $2" "$3}' /proc/$SERVER_PID/status))"

# Sanity: one request of each kind must succeed before timing anything.
for kind in single batch; do
    url="$BASE/v1/extract"; [[ $kind == batch ]] && url="$BASE/v1/extract/batch"
    code=$(curl -s -o "$WORK/$kind.out" -w '%{http_code}' -H 'Content-Type: application/json' \
        --data-binary "@$WORK/$kind.json" "$url")
    if [[ "$code" != "200" ]]; then
        echo "sanity request ($kind) answered $code:" >&2; head -c 600 "$WORK/$kind.out" >&2; echo >&2; exit 1
    fi
done
python3 - "$WORK/single.out" <<'PY'
import json, sys
x = json.load(open(sys.argv[1]))
print(f"sanity:   single article -> {len(x.get('events', []))} events, {len(x.get('quotes', []))} quotes, {len(x.get('entities', []))} entities")
PY

# --- scenarios ---------------------------------------------------------------------------
run() { # name url concurrency accept body-file
    local name=$1 url=$2 conc=$3 accept=$4 body=$5
    echo "running:  $name ($conc connections, ${DURATION}s) ..." >&2
    "$OHA" -z "${DURATION}s" -c "$conc" -m POST \
        -H 'Content-Type: application/json' -H "Accept: $accept" \
        -D "$body" --no-tui "${OHA_WAIT[@]}" "${OHA_JSON[@]}" "$url" >"$WORK/$name.oha.json" 2>"$WORK/$name.oha.err" || {
        echo "oha failed for $name:" >&2; cat "$WORK/$name.oha.err" >&2; return 1; }
}
run single "$BASE/v1/extract" "$CONCURRENCY" "application/json" "$WORK/single.json"
run batch "$BASE/v1/extract/batch" "$BATCH_CONCURRENCY" "application/json" "$WORK/batch.json"
run ndjson "$BASE/v1/extract/batch" "$BATCH_CONCURRENCY" "application/x-ndjson" "$WORK/batch.json"

# Time to the first NDJSON line (what a streaming client waits for), 20 sequential calls.
python3 - "$BASE" "$WORK/batch.json" >"$WORK/ttfl.txt" <<'PY'
import http.client, statistics, sys, time, urllib.parse
base, path = sys.argv[1], sys.argv[2]
u = urllib.parse.urlparse(base)
body = open(path, "rb").read()
first, total = [], []
for _ in range(20):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    t = time.perf_counter()
    c.request("POST", "/v1/extract/batch", body, {"Content-Type": "application/json", "Accept": "application/x-ndjson"})
    r = c.getresponse()
    r.readline()
    first.append(time.perf_counter() - t)
    r.read()
    total.append(time.perf_counter() - t)
    c.close()
print(f"{statistics.median(first)*1000:.1f} {statistics.median(total)*1000:.1f}")
PY

HWM=$(awk '/VmHWM/{print $2}' "/proc/$SERVER_PID/status")
RSS=$(awk '/VmRSS/{print $2}' "/proc/$SERVER_PID/status")

# --- report ------------------------------------------------------------------------------
python3 - "$WORK" "$BATCH_SIZE" "$ready_ms" "$HWM" "$RSS" "$DURATION" "$CONCURRENCY" "$BATCH_CONCURRENCY" <<'PY'
import json, os, sys
work, batch_size, ready_ms, hwm, rss, dur, conc, bconc = sys.argv[1:9]
batch_size = int(batch_size)
rows = []
bad = False
for name, per, c in (("single", 1, conc), ("batch", batch_size, bconc), ("ndjson", batch_size, bconc)):
    with open(os.path.join(work, f"{name}.oha.json")) as fh:
        r = json.load(fh)
    s = r["summary"]
    lp = r.get("latencyPercentiles", {})
    codes = r.get("statusCodeDistribution", {})
    # requests cut off by the end of the run are not failures
    errs = {k: v for k, v in r.get("errorDistribution", {}).items() if "deadline" not in k}
    ok = sum(v for k, v in codes.items() if str(k).startswith("2"))
    total = sum(codes.values()) + sum(errs.values())
    if ok != total:
        bad = True
    rps = s.get("requestsPerSec") or 0.0
    ms = lambda k: (lp.get(k) or float("nan")) * 1000
    rows.append((name, c, rps, rps * per, ms("p50"), ms("p99"), ms("p99.9"), codes, errs, s.get("successRate", 0)))
print()
print(f"hadath load test: {dur} s per scenario on 127.0.0.1, {os.cpu_count()} CPUs")
print(f"{'scenario':<8} {'conns':>5} {'req/s':>9} {'articles/s':>11} {'p50 ms':>9} {'p99 ms':>9} {'p99.9 ms':>9}  statuses")
for name, c, rps, aps, p50, p99, p999, codes, errs, _ in rows:
    st = ", ".join(f"{k}: {v}" for k, v in sorted(codes.items()))
    if errs:
        st += "; errors: " + ", ".join(f"{k}: {v}" for k, v in errs.items())
    print(f"{name:<8} {c:>5} {rps:>9.1f} {aps:>11.1f} {p50:>9.2f} {p99:>9.2f} {p999:>9.2f}  {st}")
with open(os.path.join(work, "ttfl.txt")) as fh:
    first, total = fh.read().split()
print(f"ndjson first line (unloaded, median of 20): {first} ms; whole batch {total} ms")
print(f"start-up: /readyz 200 after {ready_ms} ms")
print(f"memory:   peak RSS (VmHWM) {int(hwm)/1024:.1f} MiB; RSS at end {int(rss)/1024:.1f} MiB")
if bad:
    print("WARNING: some requests did not answer 2xx (see statuses)")
    sys.exit(2)
PY
