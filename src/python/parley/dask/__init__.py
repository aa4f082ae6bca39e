"""parley on a Dask cluster: each input file is one task (a partition), coded
by the one parley.Coder its worker process keeps (loaded on the worker's
first task, reused after).

    from parley.dask import code_files
    code_files("news/*.jsonl", client=client, out="events/")   # part-00000.jsonl, ...
    frame = code_files("news/*.jsonl", client=client)           # a Dask DataFrame

A partition's output is written to a temporary name and renamed into place
when it is complete, so a worker that dies mid-task leaves no partial part:
the scheduler recomputes the task elsewhere, and each event is written once.
Part i holds the output of the i-th input (inputs in the order given, each
glob's matches sorted), so the parts concatenated in order are the bytes
`parley code --threads 1 INPUTS...` writes.

Warnings (a document coded without a date, ...: parley.ParleyWarning) are
not lost: with `out`, each part's summary lists them and code_files() issues
them as ParleyWarnings in the caller's process, part by part in input
order; a Dask DataFrame's partitions log them on their worker (logger
"parley.dask", level WARNING), as a DataFrame has no room for them.

From the shell: python3 -m parley.dask --scheduler ADDRESS|local --workers N INPUTS... --out DIR
"""

import glob
import logging
import os

import parley

log = logging.getLogger("parley.dask")

_coders = {}
loads = 0  # Coders this process has loaded (one per dictionary set)


def _coder(dicts):
    global loads
    key = "" if dicts is None else str(dicts)
    if key not in _coders:
        _coders[key] = parley.Coder(dicts)
        loads += 1
    return _coders[key]


def expand(paths_or_glob):
    """The input files: each name as given, each glob's matches sorted."""
    items = [paths_or_glob] if isinstance(paths_or_glob, (str, os.PathLike)) else list(paths_or_glob)
    paths = []
    for item in items:
        item = str(item)
        matches = sorted(glob.glob(item)) if glob.has_magic(item) else [item]
        if not matches:
            raise FileNotFoundError(f"{item}: no file matches")
        paths.extend(matches)
    return paths


def part_name(index, format):
    return f"part-{index:05d}.{format}"


def code_partition(path, out_dir, index, format="jsonl", dicts=None):
    """Codes one input file into OUT_DIR/part-INDEX.FORMAT; a Dask task."""
    final = os.path.join(out_dir, part_name(index, format))
    temporary = f"{final}.{os.getpid()}.tmp"
    documents, bad, warnings = _coder(dicts)._code_files([path], temporary, format)
    os.replace(temporary, final)
    return {"input": path, "output": final, "documents": documents, "bad_records": bad, "warnings": warnings,
            "pid": os.getpid(), "coder_loads": loads}


def frame_partition(path, dicts=None):
    """One input file's events as a pandas DataFrame; a Dask task.  Its
    warnings are logged here, on the worker."""
    frame, bad, warnings = _coder(dicts)._code_files_frame([path])
    for message in warnings:
        log.warning("%s", message)
    if bad:
        raise ValueError("\n".join(bad))
    return frame


def code_files(paths_or_glob, client=None, out=None, dicts=None, format="jsonl"):
    """Codes the input files as Dask tasks, one per file.  With `out`, writes
    OUT/part-NNNNN.FORMAT per input (format jsonl, csv or tsv) and returns
    one summary dict per part (input, output, documents, bad_records,
    warnings), after issuing the parts' warnings as ParleyWarnings; the
    client (default: the current one) runs them.  Without `out`, returns a
    Dask DataFrame of the events (columns of parley.to_frame()), whose
    partitions log their warnings on their workers."""
    paths = expand(paths_or_glob)
    if out is None:
        import dask
        import dask.dataframe as dd
        return dd.from_delayed([dask.delayed(frame_partition)(p, dicts) for p in paths],
                               meta=parley.to_frame([]), verify_meta=False)
    from distributed import get_client
    client = client or get_client()
    out = os.path.abspath(str(out))
    os.makedirs(out, exist_ok=True)
    n = len(paths)
    futures = client.map(code_partition, paths, [out] * n, range(n), [format] * n, [dicts] * n,
                         key=[f"parley-part-{i:05d}-{os.path.basename(p)}" for i, p in enumerate(paths)])
    results = client.gather(futures)
    for name in os.listdir(out):  # what killed tasks left behind
        if name.startswith("part-") and name.endswith(".tmp"):
            os.remove(os.path.join(out, name))
    parley._warn(m for part in results for m in part["warnings"])
    return results
