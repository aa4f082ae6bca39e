#!/usr/bin/env bash
# Runs every test: the Release build's suite, then the same suite built with
# AddressSanitizer and UndefinedBehaviorSanitizer.  Installs what is missing
# first (tools/setup.sh).  Set PARLEY_SKIP_SANITIZERS=1 to run only Release.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
jobs=$(nproc)
echo "== Release tests"
(cd build && ctest -j"$jobs" --output-on-failure)
if [ "${PARLEY_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== ASan/UBSan tests"
  cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DPARLEY_SANITIZE=ON > /dev/null
  cmake --build build-sanitize -j"$jobs"
  (cd build-sanitize && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest -j"$jobs" --output-on-failure)
fi
