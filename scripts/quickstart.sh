#!/usr/bin/env bash
# Quick start: install what is missing, build sohoa, ingest the bundled sample boxes
# (sample-scans/box-*) into ./archive, then list the documents and run a search.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
if ! command -v cargo >/dev/null 2>&1; then . "$HOME/.cargo/env"; fi

cargo build --release --locked
SOHOA=./target/release/sohoa
ARCHIVE=${SOHOA_ARCHIVE:-./archive}

set +e
"$SOHOA" ingest sample-scans/box-*/ --archive "$ARCHIVE"
status=$?
set -e
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then exit "$status"; fi

echo
"$SOHOA" list --archive "$ARCHIVE"
echo
echo '$ sohoa search "chuyen doi so"   (no diacritics)'
"$SOHOA" search "chuyen doi so" --archive "$ARCHIVE" --limit 3
echo
echo '$ sohoa verify'
"$SOHOA" verify --archive "$ARCHIVE"
exit "$status"
