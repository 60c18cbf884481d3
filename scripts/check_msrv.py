#!/usr/bin/env python3
"""Checks the declared minimum Rust version (`rust-version` in Cargo.toml) against the
locked dependency graph, without a second toolchain.

Fails when any locked package that a build for Linux needs (normal, build and dev
dependencies) declares a `rust-version` newer than ours, or when ours is older than what
the crate's edition needs. Prints the packages that set the floor.

    python3 scripts/check_msrv.py

The compiler itself checks the rest: clippy's `incompatible_msrv` lint (on by default,
denied in CI) refuses standard-library items newer than `rust-version`. A build with the
declared toolchain (`cargo +1.88 check`) is the real proof; run it where rustup can fetch
that toolchain.
"""
import json
import subprocess
import sys

# The oldest compiler each edition needs.
EDITION_MSRV = {"2015": (1, 0), "2018": (1, 31), "2021": (1, 56), "2024": (1, 85)}
# Language features the code relies on, with the release that stabilised them.
FEATURES = {"let chains (edition 2024)": (1, 88)}


def version(s):
    """'1.88' or '1.88.0' as a comparable tuple (major, minor)."""
    parts = [int(p) for p in s.split(".")]
    return tuple((parts + [0])[:2])


def show(v):
    return f"{v[0]}.{v[1]}"


def main():
    out = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", "x86_64-unknown-linux-gnu"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    meta = json.loads(out)
    root_id = meta["resolve"]["root"]
    packages = {p["id"]: p for p in meta["packages"]}
    root = packages[root_id]
    if not root.get("rust_version"):
        sys.exit("Cargo.toml declares no rust-version")
    ours = version(root["rust_version"])
    reachable = {n["id"] for n in meta["resolve"]["nodes"]} - {root_id}
    declared = sorted(
        ((version(packages[i]["rust_version"]), packages[i]["name"], packages[i]["version"]) for i in reachable if packages[i].get("rust_version")),
        reverse=True,
    )
    problems = [f"{name} {ver} needs Rust {show(v)}" for v, name, ver in declared if v > ours]
    edition = EDITION_MSRV.get(root["edition"], (0, 0))
    if edition > ours:
        problems.append(f"edition {root['edition']} needs Rust {show(edition)}")
    problems += [f"{what} need Rust {show(v)}" for what, v in FEATURES.items() if v > ours]
    floor = max([edition, *FEATURES.values(), *(v for v, _, _ in declared)])
    print(f"rust-version {show(ours)}; {len(declared)} of {len(reachable)} locked packages declare one; the floor is {show(floor)}:")
    for v, name, ver in declared[:5]:
        print(f"  {name} {ver}: {show(v)}")
    if problems:
        print("rust-version is too old:", *problems, sep="\n  ")
        sys.exit(1)
    if floor < ours:
        print(f"note: nothing found needs more than {show(floor)}; rust-version could be lowered")


if __name__ == "__main__":
    main()
