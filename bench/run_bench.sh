#!/usr/bin/env bash
# parley's throughput benchmark: the GigaWord sample of ../shared/petrarch/phoenix
# replicated to >= 100,000 sentences, raw text, full Phoenix dictionaries.
# Reports dictionary load time, sentences/s at 1 and 2 threads, and peak RSS.
# Usage: bench/run_bench.sh [BUILD_DIR] [SENTENCES]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${1:-$root/build}
n=${2:-100000}
shared=${PARLEY_SHARED_DIR:-$root/../shared}
phoenix=$shared/petrarch/phoenix
parley=$build/parley
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$here/make_gigaword_corpus.py" "$phoenix/GigaWord.sample.PETR.xml" "$n" "$work/corpus.jsonl"
echo '{"id":"empty","text":"x"}' > "$work/one.jsonl"

# Load time: coding one tiny record is all load.
load=$( { /usr/bin/time -f "%e %M" "$parley" code --dicts "$phoenix" "$work/one.jsonl" > /dev/null; } 2>&1 | tail -1)
echo "load (Phoenix dictionaries + lexicon): $(echo "$load" | cut -d' ' -f1) s wall, peak RSS $(( $(echo "$load" | cut -d' ' -f2) / 1024 )) MiB"

for threads in 1 2; do
  out=$( { /usr/bin/time -f "%e %M" "$parley" code --dicts "$phoenix" --threads "$threads" "$work/corpus.jsonl" > "$work/out.$threads.jsonl"; } 2>&1 | tail -1)
  secs=$(echo "$out" | cut -d' ' -f1)
  rss=$(( $(echo "$out" | cut -d' ' -f2) / 1024 ))
  load_s=$(echo "$load" | cut -d' ' -f1)
  rate=$(python3 -c "print(f'{$n / max($secs - $load_s, 1e-9):,.0f}')")
  events=$(wc -l < "$work/out.$threads.jsonl")
  echo "threads=$threads: $n sentences in $secs s (load included), $rate sentences/s excluding load, $events events, peak RSS $rss MiB"
done
if cmp -s "$work/out.1.jsonl" "$work/out.2.jsonl"; then echo "output identical at 1 and 2 threads"; else echo "OUTPUT DIFFERS between 1 and 2 threads"; exit 1; fi
