#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/, with clang-14: CMake option
# PARLEY_FUZZ) if needed and runs each for SECONDS, one after another, then
# prints runs and crashes per harness.
#
#   tools/fuzz.sh SECONDS [HARNESS...]   (default: every harness)
#
# Before fuzzing, each harness re-runs the inputs that once crashed it
# (fuzz/regressions/<harness>/, kept after the fix) and its seeds.  The
# growing corpus and every crash, leak, timeout or out-of-memory input are
# kept under $PARLEY_FUZZ_OUT (default build-fuzz/fuzz-out): corpus/<harness>/
# and findings/<harness>/; runs.tsv there accumulates, per harness and call,
# the wall seconds, runs, new findings and CPU seconds (the CPU time is the
# honest figure when the fuzzers share the machine, e.g. run at nice 19).
# Exits 1 if any harness found something.
# PARLEY_FUZZ_BUILD (default build-fuzz) is the build tree; PARLEY_FUZZ_SKIP_BUILD=1
# runs the harnesses already built there.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then
  echo "usage: tools/fuzz.sh SECONDS [HARNESS...]" >&2
  exit 2
fi
seconds=$1
shift
build=${PARLEY_FUZZ_BUILD:-build-fuzz}
out=${PARLEY_FUZZ_OUT:-$build/fuzz-out}
jobs=${PARLEY_FUZZ_BUILD_JOBS:-$(nproc)}

if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPARLEY_FUZZ=ON -DPARLEY_TESTS=OFF -DPARLEY_WERROR=ON > /dev/null
fi
if [ "${PARLEY_FUZZ_SKIP_BUILD:-0}" != 1 ]; then
  cmake --build "$build" -j"$jobs" --target parley_fuzz > "$build/fuzz-build.log" 2>&1 || {
    tail -40 "$build/fuzz-build.log" >&2
    exit 1
  }
fi
if [ $# -gt 0 ]; then
  harnesses=("$@")
else
  mapfile -t harnesses < "$build/fuzz_harnesses.txt"
fi
mkdir -p "$out"
printf '%s\n' "${harnesses[@]}" > "$out/harnesses.txt"
python3 tools/fuzz_seeds.py "$out/seeds" --harnesses "$out/harnesses.txt"

# libgeonames and WordNet readers keep data for the process's life; the
# harnesses build their read-only state once.  Leaks in what a run does are
# still reported (-detect_leaks=1).
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Sets children_cpu to the CPU seconds (user + system) used so far by this
# shell's finished children: the second line of the `times` builtin, which must
# run in this shell (in a $(...) subshell it would see the subshell's children).
children_cpu_seconds() {
  local times_file="$out/.times" self children
  times > "$times_file"
  { read -r self; read -r children; } < "$times_file"
  children_cpu=$(awk '{ s = 0; for (i = 1; i <= NF; ++i) { split($i, p, /m|s/); s += p[1] * 60 + p[2] }
                        printf "%d", s }' <<< "$children")
}
status=0
summary=()
for h in "${harnesses[@]}"; do
  bin="$build/fuzz/$h"
  corpus="$out/corpus/$h"
  findings="$out/findings/$h"
  mkdir -p "$corpus" "$findings"
  log="$out/$h.log"
  # Known crashers stay fixed.
  if [ -d "fuzz/regressions/$h" ] && ls "fuzz/regressions/$h"/* > /dev/null 2>&1; then
    if ! "$bin" -runs=0 "fuzz/regressions/$h"/* > "$out/$h.regressions.log" 2>&1; then
      echo "$h: a fixed crash is back (fuzz/regressions/$h; log $out/$h.regressions.log)" >&2
      status=1
    fi
  fi
  before=$(find "$findings" -type f | wc -l)
  # -timeout: one input taking longer is a finding (hangs, quadratic paths).
  started=$(date +%s)
  children_cpu_seconds
  cpu_before=$children_cpu
  set +e
  "$bin" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="$findings/" "$corpus" "$out/seeds/$h" > "$log" 2>&1
  rc=$?
  set -e
  after=$(find "$findings" -type f | wc -l)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  secs=$(($(date +%s) - started))
  children_cpu_seconds
  cpu=$((children_cpu - cpu_before))
  new=$((after - before))
  if [ "$rc" -ne 0 ] || [ "$new" -gt 0 ]; then status=1; fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$h" "$secs" "${runs:-0}" "$new" "$cpu" >> "$out/runs.tsv"
  summary+=("$(printf '%-24s %10s runs %4s s (CPU %4s s)  %s new finding(s)%s' "$h" "${runs:-?}" "$secs" "$cpu" "$new" \
    "$([ "$rc" -ne 0 ] && echo "  (exit $rc; log $log)")")")
done
echo "== fuzz summary ($seconds s per harness; findings in $out/findings)"
printf '%s\n' "${summary[@]}"
echo "== total time per harness so far ($out/runs.tsv)"
# Rows written before the CPU column count their wall time as CPU time.
awk -F'\t' '{t[$1]+=$2; r[$1]+=$3; c[$1]+=$4; u[$1]+=(NF>=5 ? $5 : $2)}
  END {for (h in t) printf "%-24s %7.2f h (CPU %5.2f h) %12d runs %3d finding(s)\n", h, t[h]/3600, u[h]/3600, r[h], c[h]}' \
  "$out/runs.tsv" | sort
exit $status
