#!/usr/bin/python3
"""The cost of the dicts alone: turning `parley code`'s JSON Lines for
bench/run_bench.sh's corpus (the GigaWord sample replicated to N sentences,
Phoenix dictionaries) into one Python dict per record, in batches of 600
records (about code_many()'s 512 documents), and dropping them, as
bench/python_bench.py's loop over code_many() does.  No coding is timed:
this is what code_many() adds to it, apart from reading the input lines.

  * parley: CodedLines(batch).records(), the reader code_many() uses
    (src/python/record_objects.cpp);
  * json.loads, one call per batch of lines joined into an array (what
    code_many() did before);
  * json.loads, one call per line.

Each round times the three in turn (CPU seconds of this process); the script
prints the median and the fastest of each over the rounds.

Run by hand with Debian's python3:
    PYTHONPATH=BUILD_DIR/python bench/python_records_bench.py [BUILD_DIR] [SENTENCES] [ROUNDS]"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from parley import _parley

here = os.path.dirname(os.path.abspath(__file__))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "build")
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 7
phoenix = os.path.join(os.environ.get("PARLEY_SHARED_DIR", os.path.join(here, "..", "..", "shared")), "petrarch", "phoenix")

with tempfile.TemporaryDirectory() as work:
    corpus = os.path.join(work, "corpus.jsonl")
    subprocess.run([sys.executable, os.path.join(here, "make_gigaword_corpus.py"),
                    os.path.join(phoenix, "GigaWord.sample.PETR.xml"), str(n), corpus], check=True)
    out = subprocess.run([os.path.join(build, "parley"), "code", "--dicts", phoenix, corpus], check=True,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
lines = out.split(b"\n")[:-1]
batches = [b"\n".join(lines[i:i + 600]) + b"\n" for i in range(0, len(lines), 600)]
coded = [_parley.CodedLines(b) for b in batches]


def parley_reader():
    for c in coded:
        for record in c.records():
            pass


def loads_per_batch():
    for b in batches:
        for record in json.loads("[" + b.decode()[:-1].replace("\n", ",") + "]"):
            pass


def loads_per_line():
    for b in batches:
        for line in b.decode().splitlines():
            record = json.loads(line)


cases = {"parley CodedLines.records()": parley_reader, "json.loads per batch": loads_per_batch,
         "json.loads per line": loads_per_line}
times = {name: [] for name in cases}
for _ in range(rounds):
    for name, fn in cases.items():
        start = time.process_time()
        fn()
        times[name].append(time.process_time() - start)
print(f"{len(lines):,} records ({len(out) / 1e6:.0f} MB of JSON Lines) in {len(batches)} batches; "
      f"{rounds} rounds; load average {os.getloadavg()[0]:.1f}")
for name, t in times.items():
    print(f"{name}: CPU s median {statistics.median(t):.3f}, fastest {min(t):.3f}")
