#!/usr/bin/env python3
"""Checks that fuzz/Cargo.lock is current and fuzzes what the service ships.

The fuzz crate is its own workspace with its own lock file. This fails when that lock file
would have to change for a build (`cargo metadata --locked` refuses it: a dependency was
added to or removed from the service since), or when a package of both files is locked
in fuzz/ at a version Cargo.lock does not lock (the fuzzed code would not be the shipped
code).

    python3 scripts/check_fuzz_lock.py

To bring the fuzz lock file up to date, start it from the service's (cargo keeps the copied
versions, drops what the fuzz workspace does not use and adds only the fuzzing crates):

    cp Cargo.lock fuzz/Cargo.lock && (cd fuzz && cargo metadata --format-version 1 >/dev/null)
"""
import os
import subprocess
import sys
import tomllib

FIX = "to bring it up to date: cp Cargo.lock fuzz/Cargo.lock && (cd fuzz && cargo metadata --format-version 1 >/dev/null)"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def locked(path):
    """{(name, source): {versions}} of a Cargo.lock."""
    with open(path, "rb") as fh:
        lock = tomllib.load(fh)
    out = {}
    for p in lock.get("package", []):
        out.setdefault((p["name"], p.get("source", "")), set()).add(p["version"])
    return out


def main():
    fuzz = os.path.join(ROOT, "fuzz")
    run = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked", "--offline"],
        cwd=fuzz,
        capture_output=True,
        text=True,
    )
    if run.returncode != 0:
        # --offline fails when a locked crate is not downloaded yet: ask again with the
        # registry, still refusing any change to the lock file
        run = subprocess.run(["cargo", "metadata", "--format-version", "1", "--locked"], cwd=fuzz, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"fuzz/Cargo.lock is stale:\n{run.stderr.strip()}\n{FIX}")
    main_lock, fuzz_lock = locked(os.path.join(ROOT, "Cargo.lock")), locked(os.path.join(fuzz, "Cargo.lock"))
    differ = [
        f"{name}: {', '.join(sorted(fuzz_lock[key]))} in fuzz/Cargo.lock, {', '.join(sorted(main_lock[key]))} in Cargo.lock"
        for key in sorted(main_lock.keys() & fuzz_lock.keys())
        for name in [key[0]]
        if not fuzz_lock[key] <= main_lock[key]
    ]
    if differ:
        sys.exit("fuzz/Cargo.lock locks other versions than Cargo.lock:\n  " + "\n  ".join(differ))
    print(f"fuzz/Cargo.lock: current, {len(main_lock.keys() & fuzz_lock.keys())} packages at the service's versions")


if __name__ == "__main__":
    main()
