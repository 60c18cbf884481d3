#!/usr/bin/env bash
# The OpenAPI document as clients meet it: fetches /openapi.json from a release server,
# validates it (openapi-spec-validator), generates a Python client from it
# (openapi-python-client) and makes one call of each operation through that client
# (scripts/openapi_client_calls.py). Takes well under a minute once the tools are installed.
#
#   scripts/openapi_client_check.sh
#
# Environment: SERVER_BIN (default target/release/hadath under CARGO_TARGET_DIR when set, built if missing), VENV (default
# target/openapi-venv; the pinned tools are installed there from PyPI when missing).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SERVER_BIN="${SERVER_BIN:-${CARGO_TARGET_DIR:-$ROOT/target}/release/hadath}"
VENV="${VENV:-$ROOT/target/openapi-venv}"
TOOLS=(openapi-spec-validator==0.9.0 openapi-python-client==0.29.1)

if [[ ! -x "$VENV/bin/openapi-python-client" ]]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "${TOOLS[@]}"
fi
[[ -x "$SERVER_BIN" ]] || cargo build --release --locked

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
KEY="client-check-key"
WORK="$(mktemp -d -t hadath-openapi.XXXXXX)"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

HADATH_ADDR="127.0.0.1:$PORT" HADATH_AUTH__API_KEYS="$KEY" "$SERVER_BIN" serve 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 100); do
    curl -sf "$BASE/readyz" >/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.1
done

curl -sf "$BASE/openapi.json" -o "$WORK/openapi.json"
"$VENV/bin/openapi-spec-validator" "$WORK/openapi.json"
# text/plain request bodies are beyond the generator (it warns and generates the JSON form)
"$VENV/bin/openapi-python-client" generate --path "$WORK/openapi.json" --meta none --output-path "$WORK/client" \
    >"$WORK/generate.log" 2>&1 || { cat "$WORK/generate.log" >&2; exit 1; }
if grep -i "warning" -A2 "$WORK/generate.log" | grep -v -i "warning\|text/plain\|^--$\|^[{}]$" | grep -q .; then
    echo "openapi-python-client warned beyond text/plain:" >&2
    cat "$WORK/generate.log" >&2
    exit 1
fi
for op in extract extract_batch; do
    [[ -f "$WORK/client/api/extract/$op.py" ]] || { echo "no client function for $op" >&2; exit 1; }
done
PYTHONPATH="$WORK" "$VENV/bin/python" scripts/openapi_client_calls.py "$BASE" "$KEY"
echo "openapi client check: ok"
