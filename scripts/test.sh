#!/usr/bin/env bash
# The whole test suite, as CI runs it: install what is missing, then formatting check,
# clippy with warnings as errors, and every test (unit and integration, with real
# Tesseract on real scans). Fails loudly on the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."
# What compiling needs first; what only the tests need (the browser, PostgreSQL, Tesseract's
# models, the validators, the IIIF viewer, SeaweedFS: mostly downloads) is installed while
# the workspace compiles, its output kept and shown after (and in full if it fails).
bash scripts/install-deps.sh --build
if ! command -v cargo >/dev/null 2>&1; then . "$HOME/.cargo/env"; fi

# A build from nothing (CI) gains nothing from incremental compilation's bookkeeping.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi

step() { printf '\n==> %s\n' "$*" >&2; }

step "cargo fmt --all --check"
cargo fmt --all --check

# Clippy with -D warnings on every target, in the same build as the tests. `cargo clippy`
# is `cargo check` with clippy-driver as the compiler of the workspace's own crates
# (RUSTC_WORKSPACE_WRAPPER, lint arguments in CLIPPY_ARGS); here clippy-driver compiles
# them for the tests instead, so the lints, the workspace's [lints] and -D warnings are
# those of `cargo clippy --workspace --all-targets -- -D warnings`, and the dependencies are
# compiled once rather than checked for clippy and then built again for the tests (on
# 2 cores that was 5 of CI's 16 minutes). A lint fails the build, loudly, as it would fail
# `cargo clippy`.
CLIPPY_DRIVER="$(dirname "$(command -v cargo-clippy || command -v cargo)")/clippy-driver"
if [ ! -x "$CLIPPY_DRIVER" ]; then
  echo "error: clippy-driver not found next to cargo ($CLIPPY_DRIVER): rustup component add clippy" >&2
  exit 1
fi
# Through scripts/test-rustc.sh: clippy-driver, with every test build (`--test`) unoptimised.
export SOHOA_CLIPPY_DRIVER="$CLIPPY_DRIVER"
export RUSTC_WORKSPACE_WRAPPER="$PWD/scripts/test-rustc.sh"
export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"

DEPS_LOG="$(mktemp)"
# At a lower priority: the build is the longer path, and on 2 cores the installation's
# unpacking (dpkg) would otherwise take its CPU.
nice -n 10 bash scripts/install-deps.sh >"$DEPS_LOG" 2>&1 &
DEPS_PID=$!
# Whatever happens to the build, the installation is let finish (an apt-get stopped halfway
# leaves dpkg to repair), and its log is shown.
finish_deps() {
  local status=0
  wait "$DEPS_PID" || status=$?
  step "scripts/install-deps.sh (run during the build)"
  cat "$DEPS_LOG" >&2
  rm -f "$DEPS_LOG"
  if [ "$status" -ne 0 ]; then
    echo "error: scripts/install-deps.sh failed (exit $status): the tests cannot run" >&2
    exit "$status"
  fi
}

step "cargo clippy --workspace --all-targets -- -D warnings (building every target for the tests)"
if ! cargo test --workspace --all-targets --locked --no-run; then
  finish_deps
  exit 1
fi
finish_deps

# The tests' temporary files (archives, boxes, databases, browser profiles) on a tmpfs when
# there is one with room (4 GiB; a run peaks near 0.5): the store syncs every file it
# commits, as it must, and on a VM's disk those syncs took half of the pipeline's unit-test
# time (25 s -> 13 s on /dev/shm). Elsewhere, or with TMPDIR set, the usual directory.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] &&
  [ "$(df -Pk /dev/shm | awk 'NR == 2 { print $4 }')" -ge $((4 * 1024 * 1024)) ]; then
  TMPDIR="$(mktemp -d /dev/shm/sohoa-tests-XXXXXX)"
  # /tmp's mode: the throwaway PostgreSQL runs as another user when the tests run as root.
  chmod 1777 "$TMPDIR"
  export TMPDIR
  trap 'rm -rf "$TMPDIR"' EXIT
fi

# One test thread more than there are cores: the cluster, kill and browser tests spend part
# of their time waiting (a lease to expire, a server to stop, a page to load), and with one
# thread per core those waits left the CPU idle (2 cores: tests/it 412 -> 389 s, the CPU
# 92 -> 96 % busy). RUST_TEST_THREADS set by the caller wins.
if [ -z "${RUST_TEST_THREADS:-}" ]; then
  RUST_TEST_THREADS=$(($(nproc 2>/dev/null || echo 1) + 1))
  export RUST_TEST_THREADS
fi

step "cargo test --workspace (${RUST_TEST_THREADS} test threads)"
cargo test --workspace --locked --no-fail-fast
