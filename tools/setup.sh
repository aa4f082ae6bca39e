#!/usr/bin/env bash
# Installs parley's Debian 12 build dependencies and the dashboard's npm
# packages (web/vendor/package-lock.json), and builds build/parley (Release)
# and the Python module (build/python/parley, made importable by Debian's
# python3 through a .pth file); the tests are built by
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
  pybind11-dev python3-dev python3-pandas python3-distributed python3-pytest
)
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" > /dev/null 2>&1 || missing+=("$p")
done
# The dashboard's map libraries and outlines come from npm (web/vendor/,
# embedded at build time): Debian's nodejs and npm when no node is installed.
command -v node > /dev/null 2>&1 || missing+=(nodejs)
command -v npm > /dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}"
fi
(cd web/vendor && npm ci --no-audit --no-fund --loglevel=error)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@" > /dev/null
cmake --build build -j"$(nproc)" --target parley parley_python
# `import parley` for Debian's /usr/bin/python3 from any directory: one .pth
# line in the local-admin dist-packages naming build/python (the module and
# its package, built above); delete the file to undo.
site=$(/usr/bin/python3 -c 'import sysconfig; print(sysconfig.get_path("platlib"))')  # Debian: /usr/local/lib/python3.*/dist-packages
"${as_root[@]}" mkdir -p "$site"
echo "$PWD/build/python" | "${as_root[@]}" tee "$site/parley.pth" > /dev/null
