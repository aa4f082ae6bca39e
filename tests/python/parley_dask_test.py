"""parley.dask on a LocalCluster of 2 worker processes: the parts equal the
CLI's --threads 1 output byte for byte, each worker loads its Coder once,
and a worker killed with SIGKILL mid-run loses and duplicates nothing."""

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from distributed import Client, LocalCluster

import parley.dask

PARLEY_BIN = os.environ["PARLEY_BIN"]
SAMPLE = os.path.join(os.environ["PARLEY_SHARED_DIR"], "petrarch", "phoenix", "GigaWord.sample.PETR.xml")
MAKE_CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "bench", "make_gigaword_corpus.py")
FILES, DOCS_PER_FILE = 10, 2500


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    work = tmp_path_factory.mktemp("dask_inputs")
    corpus = work / "all.jsonl"
    subprocess.run([sys.executable, MAKE_CORPUS, SAMPLE, str(FILES * DOCS_PER_FILE), str(corpus)],
                   check=True, capture_output=True)
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    paths = []
    for i in range(FILES):
        p = work / f"in-{i:02d}.jsonl"
        p.write_text("".join(lines[i * DOCS_PER_FILE:(i + 1) * DOCS_PER_FILE]), encoding="utf-8")
        paths.append(str(p))
    cli = subprocess.run([PARLEY_BIN, "code", "--threads", "1", *paths], check=True, capture_output=True).stdout
    return paths, cli


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as c:
            yield c


def read_parts(out):
    names = sorted(n for n in os.listdir(out) if n.startswith("part-"))
    assert all(n.endswith(".jsonl") for n in names), names  # no .tmp left behind
    return names, b"".join(open(os.path.join(out, n), "rb").read() for n in names)


def test_two_workers_equal_the_cli_and_load_once_each(inputs, client, tmp_path):
    paths, cli = inputs
    parts = parley.dask.code_files(paths, client=client, out=tmp_path)
    names, data = read_parts(tmp_path)
    assert len(names) == FILES
    assert data == cli
    assert sorted(data.splitlines()) == sorted(cli.splitlines())
    assert sum(p["documents"] for p in parts) == FILES * DOCS_PER_FILE
    assert len({p["pid"] for p in parts}) == 2  # both workers took part
    assert all(p["coder_loads"] == 1 for p in parts)  # one Coder per worker process, not per task


def test_a_killed_worker_loses_and_duplicates_nothing(inputs, client, tmp_path):
    paths, cli = inputs
    pids = client.run(os.getpid)
    result = {}
    run = threading.Thread(target=lambda: result.update(parts=parley.dask.code_files(paths, client=client, out=tmp_path)))
    run.start()
    killed = None
    deadline = time.monotonic() + 60
    while killed is None and time.monotonic() < deadline and run.is_alive():
        done = [n for n in os.listdir(tmp_path) if n.endswith(".jsonl")]
        busy = {w: keys for w, keys in client.processing().items() if keys}
        if done and len(done) < FILES - 2 and busy:
            worker, keys = next(iter(busy.items()))
            killed = (pids[worker], set(keys))
            os.kill(pids[worker], signal.SIGKILL)
        time.sleep(0.005)
    run.join(120)
    assert killed is not None, "the run ended before a worker could be killed mid-run"
    assert not run.is_alive()
    names, data = read_parts(tmp_path)
    assert len(names) == FILES
    assert data == cli  # every document's records once, in order
    # The task the dead worker had was recomputed in another process.
    redone = [p for p in result["parts"] if p["pid"] == killed[0]]
    assert not redone, redone


def test_without_out_a_dask_dataframe_of_the_cli_events(inputs, client):
    import json

    import pandas as pd
    paths, cli = inputs
    frame = parley.dask.code_files(paths, client=client)
    assert frame.npartitions == FILES
    got = frame.compute().reset_index(drop=True)
    expected = parley.to_frame(json.loads(line) for line in cli.splitlines())
    assert len(got) > FILES * DOCS_PER_FILE / 2
    pd.testing.assert_frame_equal(got, expected)


def test_warnings_are_returned_and_issued_not_lost(client, tmp_path, caplog):
    undated = tmp_path / "undated.jsonl"
    undated.write_text('{"id":"u1","text":"Russia attacked Ukraine."}\n', encoding="utf-8")
    stderr = subprocess.run([PARLEY_BIN, "code", str(undated)], check=True, capture_output=True, text=True).stderr
    expected = stderr.strip().removeprefix("parley: ")
    assert expected.startswith(f"{undated}:1: record u1: no date;"), stderr
    with pytest.warns(parley.ParleyWarning) as caught:
        parts = parley.dask.code_files([undated], client=client, out=tmp_path / "out")
    assert [p["warnings"] for p in parts] == [[expected]]
    assert [str(w.message) for w in caught] == [expected]
    # A Dask DataFrame's partition logs its warnings on its worker.
    with caplog.at_level("WARNING", logger="parley.dask"):
        frame = parley.dask.frame_partition(str(undated))
    assert len(frame) and [r.getMessage() for r in caplog.records] == [expected]
