#!/usr/bin/env bash
# Bounded-time fuzzing of the extraction pipeline with cargo-fuzz (libFuzzer + ASan).
#
#   scripts/fuzz.sh                          # every target, 60 s each
#   FUZZ_SECONDS=300 FUZZ_TARGETS=extract scripts/fuzz.sh
#
# Targets (fuzz/fuzz_targets/):
#   extract  arbitrary (lossy UTF-8) text through Pipeline::extract; the first byte picks
#            the language (ar/en/auto) and offset unit; every span must satisfy
#            text[start..end] == span.text in that unit, confidences lie in 0..=1, the
#            answer must survive a JSON round trip, and its JSON must stay within
#            64 bytes per byte of text + 4096 (the output bound of tests/output_bound.rs).
#   request  arbitrary bytes parsed as an ExtractRequest JSON body; extracts and checks
#            the same invariants when it parses.
#
# Toolchain: cargo-fuzz needs nightly rustc features (-Zsanitizer, sancov passes). With a
# nightly toolchain installed it runs `cargo +nightly fuzz`; otherwise it runs on stable
# with RUSTC_BOOTSTRAP=1, which unlocks those flags on a stable compiler (fine for a
# test tool; never use it for shipped builds).
#
# Builds go to FUZZ_TARGET_DIR (default /tmp/hadath-fuzz-target), never to target/, so
# fuzzing does not contend for the main build's lock. Seeds are generated into
# fuzz/corpus/<target> (git-ignored) from ../shared/corpus when it exists. Crashes are
# saved by libFuzzer in fuzz/artifacts/<target>/ and printed at the end; reproduce one with
#   cd fuzz && cargo +nightly fuzz run <target> artifacts/<target>/crash-…
# Exit status: 0 when no target crashed, timed out or ran out of memory; 1 otherwise.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
FUZZ_TARGETS="${FUZZ_TARGETS:-extract request}"
FUZZ_MAX_LEN="${FUZZ_MAX_LEN:-8192}"
FUZZ_UNIT_TIMEOUT="${FUZZ_UNIT_TIMEOUT:-10}"   # seconds for one input before it is a "timeout"
FUZZ_JOBS="${FUZZ_JOBS:-1}"
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-/tmp/hadath-fuzz-target}"
SHARED="${SHARED:-$ROOT/../shared}"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz (cargo install cargo-fuzz --locked) ..." >&2
    cargo install cargo-fuzz --locked >&2
fi

FUZZ=(cargo)
if command -v rustup >/dev/null && rustup toolchain list | grep -q '^nightly'; then
    FUZZ=(cargo +nightly)
    echo "toolchain: nightly ($(rustup run nightly rustc --version))"
else
    export RUSTC_BOOTSTRAP=1
    echo "toolchain: $(rustc --version) with RUSTC_BOOTSTRAP=1 (no nightly installed)"
fi
FUZZ+=(fuzz)

# --- seed corpora --------------------------------------------------------------------------
python3 - "$ROOT/fuzz/corpus" "$SHARED/corpus" "$FUZZ_MAX_LEN" <<'PY'
import hashlib, json, os, sys
out, shared, max_len = sys.argv[1], sys.argv[2], int(sys.argv[3])
# Short pieces written for these seeds (not taken from any corpus).
builtin = [
    "قال المتحدث باسم الوزارة إن \"المحادثات كانت بناءة\". وأضاف أن الاجتماع سيعقد الاثنين المقبل.",
    "أسفرت غارة جوية على مدينة حلب عن مقتل ما يصل إلى سبعة أشخاص وإصابة العشرات، بحسب رويترز.",
    "The minister said on Tuesday that \"talks will resume\", according to AFP. An air strike killed at least 12 people.",
    "«لن نتراجع»، قال قائد الشرطة للصحفيين، مضيفا أن ثلاثة مشتبه بهم اعتقلوا أمس.",
    "Protesters gathered in Cairo; police arrested about 40 people, officials told Reuters.",
]
texts = list(builtin)
for lang in ("ar", "en"):
    d = os.path.join(shared, lang)
    if os.path.isdir(d):
        for name in sorted(os.listdir(d))[:40]:
            with open(os.path.join(d, name), "rb") as fh:
                texts.append(fh.read()[: max_len - 64].decode("utf-8", "ignore"))
def put(target, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + hashlib.sha1(data).hexdigest()[:16]), "wb") as fh:
        fh.write(data)
n = 0
for i, t in enumerate(texts):
    b = t.encode()
    # extract: the first byte picks language (b % 3) and unit ((b / 3) % 4)
    put("extract", bytes([i % 12]) + b)
    req = {"text": t}
    if i % 2: req["language"] = ["ar", "en", "auto"][i % 3]
    if i % 3 == 0: req["published_at"] = "2023-11-15"
    if i % 4 == 1: req["offsets"] = ["chars", "utf16", "bytes"][i % 3]
    if i % 5 == 2: req["id"] = f"seed-{i}"
    put("request", json.dumps(req, ensure_ascii=bool(i % 2)).encode()[:max_len])
    n += 1
print(f"seeds: {n} per target in {out}")
PY

# The fuzz crate is its own workspace; its lock file must be current and lock the service's
# own versions, so that the fuzzed code is the shipped code (and the build changes no file).
if [[ ! -f fuzz/Cargo.lock ]]; then cp Cargo.lock fuzz/Cargo.lock; fi
python3 scripts/check_fuzz_lock.py

# --- build (once, so the timed runs measure fuzzing only) ---------------------------------------
for t in $FUZZ_TARGETS; do
    echo "building '$t' (ASan, debug assertions) into $CARGO_TARGET_DIR ..."
    blog="$(mktemp -t "hadath-fuzz-build.XXXXXX.log")"
    if ! ( cd fuzz && "${FUZZ[@]}" build --debug-assertions --target-dir "$CARGO_TARGET_DIR" "$t" ) >"$blog" 2>&1; then
        grep -vE '^ +(Compiling|Checking|Downloaded|Downloading)' "$blog" | tail -40 >&2
        echo "fuzz build of '$t' failed (log $blog)" >&2
        exit 1
    fi
    rm -f "$blog"
done

# --- run -----------------------------------------------------------------------------------
status=0
summary=()
for t in $FUZZ_TARGETS; do
    art="$ROOT/fuzz/artifacts/$t"
    mkdir -p "$art"
    before=$(ls "$art" 2>/dev/null | wc -l)
    echo "=== fuzzing '$t' for ${FUZZ_SECONDS}s (max_len $FUZZ_MAX_LEN, unit timeout ${FUZZ_UNIT_TIMEOUT}s) ==="
    log="$(mktemp -t "hadath-fuzz-$t.XXXXXX.log")"
    par=()
    (( FUZZ_JOBS > 1 )) && par=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")
    set +e
    ( cd fuzz && "${FUZZ[@]}" run --debug-assertions --target-dir "$CARGO_TARGET_DIR" "$t" "corpus/$t" -- \
        -max_total_time="$FUZZ_SECONDS" -max_len="$FUZZ_MAX_LEN" -timeout="$FUZZ_UNIT_TIMEOUT" \
        -rss_limit_mb=2048 -print_final_stats=1 "${par[@]}" ) >"$log" 2>&1
    rc=$?
    set -e
    grep -E '^(#[0-9]+ +(DONE|INITED)|Done [0-9]+ runs|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|stat::new_units_added)' "$log" | tail -8 || true
    after=$(ls "$art" 2>/dev/null | wc -l)
    if (( rc != 0 || after > before )); then
        status=1
        echo "!!! '$t' FAILED (exit $rc). Last lines of the log:"
        grep -vE '^#[0-9]+ ' "$log" | tail -40
        for f in $(ls -t "$art" | head -5); do
            echo "--- artifact $art/$f ($(wc -c <"$art/$f") bytes), as a Rust string:"
            python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); print(repr(d[:2000]))' "$art/$f"
        done
        summary+=("$t: FAILED (see above; log $log)")
    else
        execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
        summary+=("$t: ok, ${execs:-?} inputs in ${FUZZ_SECONDS}s, no crash")
        rm -f "$log"
    fi
done
echo
echo "fuzz summary:"
printf '  %s\n' "${summary[@]}"
exit $status
