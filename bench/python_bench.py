#!/usr/bin/python3
"""The Python module against the CLI on bench/run_bench.sh's corpus (the
GigaWord sample replicated to N sentences, Phoenix dictionaries, 1 thread):
documents/s of `parley code` and of parley.Coder.code_many() fed the same
JSON Lines, both load excluded.  Run by hand with Debian's python3 after
tools/setup.sh.  Usage: bench/python_bench.py [BUILD_DIR] [SENTENCES]"""
import json
import os
import subprocess
import sys
import tempfile
import time

import parley

here = os.path.dirname(os.path.abspath(__file__))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "build")
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
phoenix = os.path.join(os.environ.get("PARLEY_SHARED_DIR", os.path.join(here, "..", "..", "shared")), "petrarch", "phoenix")
with tempfile.TemporaryDirectory() as work:
    corpus = os.path.join(work, "corpus.jsonl")
    subprocess.run([sys.executable, os.path.join(here, "make_gigaword_corpus.py"),
                    os.path.join(phoenix, "GigaWord.sample.PETR.xml"), str(n), corpus], check=True)
    one = os.path.join(work, "one.jsonl")
    with open(one, "w") as f:
        f.write('{"id":"empty","text":"x"}\n')
    cli = os.path.join(build, "parley")

    def cli_seconds(path):
        start = time.perf_counter()
        subprocess.run([cli, "code", "--dicts", phoenix, path], check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - start

    cli_coding = cli_seconds(corpus) - cli_seconds(one)
    coder = parley.Coder(dicts=phoenix)
    start = time.perf_counter()
    events = 0
    with open(corpus, encoding="utf-8") as f:
        for record in coder.code_many(json.loads(line) for line in f):
            events += record["type"] == "event"
    py_coding = time.perf_counter() - start
    print(f"CLI --threads 1: {n / cli_coding:,.0f} docs/s; Python code_many: {n / py_coding:,.0f} docs/s "
          f"({events} events); Python/CLI throughput {cli_coding / py_coding:.0%}; "
          f"overhead {1e6 * (py_coding - cli_coding) / n:.1f} us/doc")
