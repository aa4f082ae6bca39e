#!/usr/bin/env bash
# Installs parley's Debian 12 build dependencies and builds build/parley
# (Release): the `parley` target only; the tests are built by
# tools/run_tests.sh.  Arguments are passed to CMake's configure step
# (run_tests.sh passes -DPARLEY_WERROR=ON).  Safe to run again; uses sudo only
# when not already root.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(
  build-essential cmake pkg-config python3
  libgtest-dev
  nlohmann-json3-dev libpugixml-dev
  libcli11-dev
  libutf8proc-dev
  libgeonames-dev iso-codes
  libsqlite3-dev
  wordnet-base
  libcpp-httplib-dev
)
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" > /dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}"
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@" > /dev/null
cmake --build build -j"$(nproc)" --target parley
