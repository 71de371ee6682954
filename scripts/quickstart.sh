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

# The reading room: an admin and a reader for the sample archive (one-time passwords, shown
# once; each is changed at first sign-in). Accounts already made by an earlier run are kept.
echo
for account in "quan-tri admin" "doc-gia reader"; do
  set -- $account
  if "$SOHOA" user list --archive "$ARCHIVE" | grep -q "^$1 "; then
    echo "account $1 exists already (sohoa user reset-password $1 --archive $ARCHIVE for a new password)"
  else
    "$SOHOA" user add "$1" --role "$2" --archive "$ARCHIVE"
  fi
done
echo
echo "Open the reading room on the sample archive, then http://127.0.0.1:8080/ in a browser:"
echo "  $SOHOA serve --archive $ARCHIVE --listen 127.0.0.1:8080"
exit "$status"
