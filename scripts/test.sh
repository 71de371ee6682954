#!/usr/bin/env bash
# The whole test suite, as CI runs it: install what is missing, then formatting check,
# clippy with warnings as errors, and every test (unit and integration, with real
# Tesseract on real scans). Fails loudly on the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
if ! command -v cargo >/dev/null 2>&1; then . "$HOME/.cargo/env"; fi

# A build from nothing (CI) gains nothing from incremental compilation's bookkeeping.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi

step() { printf '\n==> %s\n' "$*" >&2; }

step "cargo fmt --all --check"
cargo fmt --all --check

step "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test --workspace"
cargo test --workspace --locked --no-fail-fast
