#!/usr/bin/env bash
# The compiler of the workspace's own crates in scripts/test.sh (its RUSTC_WORKSPACE_WRAPPER):
# clippy-driver, so that building for the tests also lints as `cargo clippy --workspace
# --all-targets -- -D warnings` does. One change to what cargo asks: every test build (`--test`:
# a crate's unit tests, an integration test) is compiled unoptimised. The pipeline library
# is optimised (Cargo.toml: its per-pixel code runs in every test ingest), the understanding
# heuristics a little, and cargo builds their unit tests with the same options, a second
# optimised compile of the whole crate that CI paid for on 2 cores; those tests run on small
# inputs (2 cores: the pipeline's unit-test build ~100 -> 40 CPU-s, its unit tests 15 -> 23
# s; the understanding unit tests and pipeline/tests/pdf_access.rs 12 s each before).
#
# Called as `test-rustc.sh RUSTC ARGS...`; SOHOA_CLIPPY_DRIVER names clippy-driver.
set -euo pipefail
args=("$@")
case " $* " in
  *" --test "*)
    for i in "${!args[@]}"; do
      case "${args[$i]}" in
        opt-level=*) args[i]=opt-level=0 ;;
        -Copt-level=*) args[i]=-Copt-level=0 ;;
      esac
    done
    ;;
esac
exec "${SOHOA_CLIPPY_DRIVER:?scripts/test.sh sets it}" "${args[@]}"
