"""python3 -m parley.dask --scheduler ADDRESS|local --workers N INPUTS... --out DIR

Codes INPUTS (files or globs) on a Dask cluster, one task per file, into
DIR/part-NNNNN.{jsonl,csv,tsv}.  `--scheduler local` starts a LocalCluster of
N single-threaded worker processes on this machine; an address (tcp://host:8786)
uses a running cluster, whose workers must all see the inputs and DIR at the
same paths (a shared file system).  Unreadable records are reported on stderr
as FILE:LINE: record ID: what, and the exit status is then 1; warnings (a
record without a date, ...) likewise, part by part, without changing the
exit status, as `parley code` does."""

import argparse
import sys
import time
import warnings

from parley import ParleyWarning
from parley.dask import code_files


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m parley.dask", description=__doc__.split("\n\n")[1])
    ap.add_argument("inputs", nargs="+", help="input files or globs (plain text, JSON Lines, PETRARCH XML)")
    ap.add_argument("--scheduler", required=True, help="a Dask scheduler address, or 'local'")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of a local cluster (default 2)")
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--format", choices=["jsonl", "csv", "tsv"], default="jsonl")
    ap.add_argument("--dicts", help="dictionary folder with a PETR_config.ini (default: parley's own)")
    args = ap.parse_args(argv)
    from distributed import Client, LocalCluster
    start = time.perf_counter()
    if args.scheduler == "local":
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        cluster, client = None, Client(args.scheduler)
    try:
        with warnings.catch_warnings():  # printed below, as parley code prints them
            warnings.simplefilter("ignore", ParleyWarning)
            parts = code_files(args.inputs, client=client, out=args.out, dicts=args.dicts, format=args.format)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    for part in parts:
        for message in part["warnings"] + part["bad_records"]:
            print(f"parley: {message}", file=sys.stderr)
    bad = [m for p in parts for m in p["bad_records"]]
    documents = sum(p["documents"] for p in parts)
    print(f"parley.dask: {documents} documents in {len(parts)} parts, {time.perf_counter() - start:.1f} s",
          file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
