#!/usr/bin/python3
"""The Python module against the CLI on bench/run_bench.sh's corpus (the
GigaWord sample replicated to N sentences, as one JSON Lines file; Phoenix
dictionaries; 1 thread; dictionary loading excluded on both sides).

Like for like: the same input file and the same output content.
  * DataFrame: `parley code --format csv FILE` (to /dev/null) against
    Coder.code_frame(open(FILE), jsonl=True), a DataFrame holding the same
    values (the flat columns of docs/FLAT_COLUMNS.md).  This is the figure
    for "a Python user coding a corpus into a DataFrame".
  * dicts: `parley code FILE` (JSON Lines) against iterating
    Coder.code_many(open(FILE), jsonl=True), one dict per record.
The CLI's time is its run minus a run on a one-document file (start-up and
dictionary loading); Python's is the call alone, the Coder made and pandas
imported beforehand.
Each round runs every case once, back to back, so a round's ratios compare
runs made under the same load (the CLI first in odd rounds, Python first in
even ones, so that a load rising or falling during a round favours neither
side); the script prints each round, then the median
and range of each figure over the rounds, with wall-clock documents/s and
CPU seconds (user+sys; all threads for Python), and the load average.

Run by hand with Debian's python3:
    bench/python_bench.py [BUILD_DIR] [SENTENCES] [ROUNDS]
(PYTHONPATH=BUILD_DIR/python to use that build's module.)"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import parley

here = os.path.dirname(os.path.abspath(__file__))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "build")
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
phoenix = os.path.join(os.environ.get("PARLEY_SHARED_DIR", os.path.join(here, "..", "..", "shared")), "petrarch", "phoenix")
cli = os.path.join(build, "parley")


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def cli_run(path, fmt):
    """(wall s, CPU s) of `parley code --format FMT PATH` to /dev/null."""
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run([cli, "code", "--dicts", phoenix, "--format", fmt, path], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, children_cpu() - cpu


def py_run(fn):
    """(wall s, CPU s, result) of fn() in this process."""
    cpu, start = time.process_time(), time.perf_counter()
    result = fn()
    return time.perf_counter() - start, time.process_time() - cpu, result


def frame_of(coder, corpus):
    with open(corpus, encoding="utf-8") as f:
        return coder.code_frame(f, jsonl=True)


def dict_records(coder, corpus):
    events = records = 0
    with open(corpus, encoding="utf-8") as f:
        for record in coder.code_many(f, jsonl=True):
            records += 1
            events += record["type"] == "event"
    return records, events


with tempfile.TemporaryDirectory() as work:
    corpus = os.path.join(work, "corpus.jsonl")
    subprocess.run([sys.executable, os.path.join(here, "make_gigaword_corpus.py"),
                    os.path.join(phoenix, "GigaWord.sample.PETR.xml"), str(n), corpus], check=True)
    one = os.path.join(work, "one.jsonl")
    with open(one, "w") as f:
        f.write('{"id":"empty","text":"x"}\n')
    # The content check: the frame has the CLI's CSV rows (same count; the
    # values are compared by tests/python/parley_module_test.py).
    csv_rows = subprocess.run([cli, "code", "--dicts", phoenix, "--format", "csv", corpus], check=True,
                              capture_output=True).stdout.count(b"\n") - 1
    coder = parley.Coder(dicts=phoenix)
    # pandas is imported by the first code_frame() (~0.5 s of CPU here): a
    # one-time cost, like loading the dictionaries, that would otherwise
    # fall on the first round only.
    import pandas  # noqa: F401
    print(f"{n:,} documents, {csv_rows:,} event rows; {os.cpu_count()} cores; "
          f"load average before: {os.getloadavg()[0]:.1f}")
    figures = {k: [] for k in ("cli_csv", "py_frame", "cli_jsonl", "py_dicts",
                               "cpu_cli_csv", "cpu_py_frame", "cpu_cli_jsonl", "cpu_py_dicts")}
    def cli_case(fmt, key):
        load_wall, load_cpu = cli_run(one, fmt)
        w, c = cli_run(corpus, fmt)
        figures[key].append(w - load_wall)
        figures["cpu_" + key].append(c - load_cpu)

    def frame_case():
        w, c, frame = py_run(lambda: frame_of(coder, corpus))
        assert len(frame) == csv_rows, (len(frame), csv_rows)
        figures["py_frame"].append(w)
        figures["cpu_py_frame"].append(c)

    def dicts_case():
        w, c, (records, events) = py_run(lambda: dict_records(coder, corpus))
        assert events == csv_rows, (events, csv_rows)
        figures["py_dicts"].append(w)
        figures["cpu_py_dicts"].append(c)

    for r in range(rounds):
        # Odd rounds run the CLI first, even rounds Python first, so that a
        # load that rises or falls during a round favours neither side.
        pairs = [(lambda: cli_case("csv", "cli_csv"), frame_case),
                 (lambda: cli_case("jsonl", "cli_jsonl"), dicts_case)]
        for cli_side, py_side in pairs:
            for case in ((cli_side, py_side) if r % 2 == 0 else (py_side, cli_side)):
                case()
        f = {k: v[-1] for k, v in figures.items()}
        print(f"round {r + 1}: DataFrame {f['cli_csv'] / f['py_frame']:.0%} of CLI csv "
              f"({n / f['py_frame']:,.0f} vs {n / f['cli_csv']:,.0f} docs/s; CPU {f['cpu_py_frame']:.2f} vs "
              f"{f['cpu_cli_csv']:.2f} s); dicts {f['cli_jsonl'] / f['py_dicts']:.0%} of CLI jsonl "
              f"({n / f['py_dicts']:,.0f} vs {n / f['cli_jsonl']:,.0f} docs/s; CPU {f['cpu_py_dicts']:.2f} vs "
              f"{f['cpu_cli_jsonl']:.2f} s); load {os.getloadavg()[0]:.1f}", flush=True)

    def summary(label, cli_key, py_key):
        ratios = [c / p for c, p in zip(figures[cli_key], figures[py_key])]
        cpu = [c / p for c, p in zip(figures["cpu_" + cli_key], figures["cpu_" + py_key])]
        docs = lambda key: statistics.median(n / s for s in figures[key])
        print(f"{label}: Python/CLI throughput median {statistics.median(ratios):.0%} "
              f"(range {min(ratios):.0%}-{max(ratios):.0%}); CLI/Python CPU seconds median "
              f"{statistics.median(cpu):.0%} (range {min(cpu):.0%}-{max(cpu):.0%}); median docs/s "
              f"Python {docs(py_key):,.0f}, CLI {docs(cli_key):,.0f}")

    print(f"over {rounds} rounds, load average after: {os.getloadavg()[0]:.1f}")
    summary("DataFrame (code_frame, jsonl=True) vs parley code --format csv", "cli_csv", "py_frame")
    summary("dicts (code_many, jsonl=True) vs parley code (jsonl)", "cli_jsonl", "py_dicts")
