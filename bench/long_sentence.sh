#!/usr/bin/env bash
# Coding time and peak RSS of one unpunctuated "sentence" of growing size
# (issue 12, defect 4: an 800 KB sentence took 40 s, quadratic in its
# length).  With sentences cut at 1,000 tokens (src/pipeline/long_sentences.h)
# the time should double with the size.
#   bench/long_sentence.sh [BUILD_DIR] [SIZES_KB...]   (default 100 200 400 800)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
sizes=${*:-100 200 400 800}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
phrase="Russia accused Ukraine of shelling the town and the ministers in Kyiv criticized Moscow and "
printf '%-8s %10s %12s\n' "size" "seconds" "peak RSS"
for kb in $sizes; do
  python3 -c "import sys; p=sys.argv[1]; n=int(sys.argv[2])*1024; sys.stdout.write((p*(n//len(p)+1))[:n])" \
    "$phrase" "$kb" > "$work/s.txt"
  /usr/bin/time -f '%e %M' -o "$work/time" "$build/parley" code --date 2025-08-06 "$work/s.txt" > "$work/out.jsonl"
  read -r secs rss < "$work/time"
  printf '%-8s %10s %9s KB   (%s events)\n' "${kb}KB" "$secs" "$rss" "$(wc -l < "$work/out.jsonl")"
done
