#!/usr/bin/env bash
# The threaded paths under ThreadSanitizer: builds build-tsan (GCC,
# -fsanitize=thread: CMake option PARLEY_TSAN) with only the binaries that
# exercise threads, and runs their tests:
#   code --threads N   pipeline_driver_test, cli_code_test
#   ingest             ingest_store_test, cli_store_test
#   serve              server_http_gate_test, cli_server_{api,hardening,intake}_test
# The CLI tests run build-tsan/parley, so a race in a child process counts
# too: every process writes its reports to build-tsan/tsan-reports/ (not to
# a stderr a test may not read), and any report there fails the run.
# tools/tsan.supp holds the suppressions (third-party false positives only,
# each explained).  Arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${PARLEY_TSAN_BUILD:-build-tsan}
binaries=(pipeline_driver_test cli_code_test ingest_store_test cli_store_test
          server_http_gate_test cli_server_api_test cli_server_hardening_test cli_server_intake_test)
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARLEY_TSAN=ON -DPARLEY_WERROR=ON > /dev/null
cmake --build "$build" -j"$(nproc)" --target parley "${binaries[@]}"
reports="$PWD/$build/tsan-reports"
rm -rf "$reports"
mkdir -p "$reports"
labels=$(IFS='|'; echo "^(${binaries[*]})\$")
export TSAN_OPTIONS="log_path=$reports/tsan suppressions=$PWD/tools/tsan.supp second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
status=0
(cd "$build" && ctest -j"$(nproc)" --output-on-failure -L "$labels" "$@") || status=$?
if compgen -G "$reports/tsan.*" > /dev/null; then
  echo "ThreadSanitizer reports ($reports):" >&2
  cat "$reports"/tsan.* >&2
  status=1
fi
exit $status
