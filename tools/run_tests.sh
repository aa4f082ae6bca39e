#!/usr/bin/env bash
# Runs every test: the Release build's suite (with the dashboard's browser
# test), then the same suite built with AddressSanitizer and
# UndefinedBehaviorSanitizer, the threaded paths built with ThreadSanitizer
# (tools/tsan_tests.sh), and a short run of every fuzz harness
# (tools/fuzz.sh, PARLEY_FUZZ_SMOKE_SECONDS each, default 10).  Installs what
# is missing first: the build dependencies (tools/setup.sh), for the browser
# test Debian's chromium and playwright-core from npm
# (tests/browser/package-lock.json), and for the fuzzers clang-14 with its
# libFuzzer runtime (libclang-rt-14-dev).
# Every build treats compiler warnings as errors (PARLEY_WERROR).
# PARLEY_SKIP_SANITIZERS=1 runs only the Release suite.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh -DPARLEY_WERROR=ON
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
test_packages=()
dpkg -s chromium > /dev/null 2>&1 || test_packages+=(chromium)
command -v node > /dev/null 2>&1 || test_packages+=(nodejs)
command -v npm > /dev/null 2>&1 || test_packages+=(npm)
for p in clang-14 libclang-rt-14-dev; do
  dpkg -s "$p" > /dev/null 2>&1 || test_packages+=("$p")
done
if [ ${#test_packages[@]} -gt 0 ]; then
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${test_packages[@]}"
fi
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
# Re-configure so CMake sees chromium and node_modules and registers the browser test.
cmake -S . -B build -DPARLEY_WERROR=ON > /dev/null
cmake --build build -j"$(nproc)"
jobs=$(nproc)
echo "== Release tests"
(cd build && ctest -j"$jobs" --output-on-failure)
if [ "${PARLEY_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== ASan/UBSan tests"
  cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DPARLEY_SANITIZE=ON -DPARLEY_WERROR=ON > /dev/null
  cmake --build build-sanitize -j"$jobs"
  # The kill -9 and browser tests exercise processes and Chromium, not memory
  # safety, and take minutes under the sanitizers: the Release run covers them.
  (cd build-sanitize && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
     ctest -j"$jobs" --output-on-failure -E 'CliStoreKill|browser_dashboard')
  echo "== ThreadSanitizer tests (code --threads, ingest, serve)"
  tools/tsan_tests.sh
  echo "== Fuzz smoke run"
  tools/fuzz.sh "${PARLEY_FUZZ_SMOKE_SECONDS:-10}"
fi
