"""code_many() and code_frame() through _parley.CodingQueue (src/python/
batch_queue.cpp): batches coded on a C++ thread that never takes the GIL.
Run by CTest with the module tests (tests/CMakeLists.txt)."""

import json
import os
import subprocess
import time

import pytest

import parley

PARLEY_BIN = os.environ["PARLEY_BIN"]
EXAMPLE = os.path.join(os.environ["PARLEY_SHARED_DIR"], "examples", "kremlin-witkoff-2025-08-06.txt")
SENTENCES = ["Russia attacked Ukraine on Monday.", "The United States condemned Iran.",
             "China and India signed a trade agreement in Beijing.", "Nothing happened here.",
             "Israel bombed Gaza. \"We will not talk,\" Putin said."]


@pytest.fixture(scope="module")
def coder():
    return parley.Coder()


def cli_records(path):
    out = subprocess.run([PARLEY_BIN, "code", str(path)], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def as_text(records):
    # == would let 10 pass for 10.0 and ignore key order: compare JSON text.
    return [json.dumps(r, ensure_ascii=False) for r in records]


def test_every_batch_size_gives_the_cli_records_tricky_values_included(coder, tmp_path):
    # Passed-through members carry what a record's own fields rarely do:
    # empty strings, nulls, nested and empty lists, non-ASCII and escapes;
    # batch sizes 1 and 3 put batch boundaries everywhere.
    with open(EXAMPLE, encoding="utf-8") as f:
        example = f.read()
    docs = [{"id": "example", "text": example, "date": "2025-08-06"}]
    docs += [{"id": f"t{i}", "text": t, "date": "2024-05-0" + str(1 + i % 9), "empty": "", "none": None,
              "nested": [[], [""], [None, [1, -2.5, "é"]], {"k": []}], "uni": "Zürich — ☃ 😀 \"q\"\t\n"}
             for i, t in enumerate(SENTENCES * 3)]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    expected = as_text(cli_records(path))
    assert any('"empty": ""' in r and '"none": null' in r and '"nested": [[], [""]' in r for r in expected)
    for batch in (1, 3, None):
        with open(path, encoding="utf-8") as f:
            assert as_text(coder.code_many(f, jsonl=True, batch=batch)) == expected
        assert as_text(coder.code_many(docs, batch=batch)) == expected
        with open(path, "rb") as f:
            frame = coder.code_frame(f, jsonl=True, batch=batch)
        assert len(frame) == sum('"type": "event"' in r for r in expected)


def test_what_reading_a_later_batch_raises_comes_after_the_earlier_records(coder):
    # A lone surrogate has no UTF-8: reading its batch raises as the batch
    # is submitted, ahead of the records before it, but the error must come
    # in its turn, as it would from the coding.
    for jsonl in (False, True):
        docs = [json.dumps({"id": f"d{i}", "text": t}) if jsonl else {"id": f"d{i}", "text": t}
                for i, t in enumerate(SENTENCES[:2] + ["Israel bombed Gaza \ud800."] + SENTENCES[:2])]
        got = []
        with pytest.warns(parley.ParleyWarning), pytest.raises(UnicodeEncodeError):
            for r in coder.code_many(docs if not jsonl else [d.replace("\\ud800", "\ud800") for d in docs],
                                     batch=2, jsonl=jsonl):
                got.append(r["id"])
        assert got and set(got) == {"d0", "d1"}


def test_a_stream_closed_early_leaves_the_coder_ready(coder):
    docs = [{"id": f"d{i}", "text": t, "date": "2024-05-01"} for i, t in enumerate(SENTENCES * 20)]
    stream = coder.code_many(docs, batch=1)
    first = next(stream)
    stream.close()  # the queue's thread stops; batches not coded are dropped
    everything = list(coder.code_many(docs))
    assert as_text([first]) == as_text(everything[:1]) and len(everything) > 20
    assert len(coder.code_frame(docs, batch=7)) == sum(r["type"] == "event" for r in everything)


def test_the_coding_thread_codes_while_the_caller_holds_the_gil(coder):
    # sum() over a range runs in C and never lets the GIL go.  A batch
    # submitted just before must be coded meanwhile: the old Python helper
    # thread could not even start it until the caller let the GIL go.
    lines = [json.dumps({"id": f"d{i}", "text": SENTENCES[i % len(SENTENCES)], "date": "2024-05-01"})
             for i in range(2000)]
    queue = parley._parley.CodingQueue(coder._coder, None, True)
    start = time.perf_counter()
    queue.submit(lines, 1)
    alone = queue.next()
    coding = time.perf_counter() - start
    assert alone[1] is None and len(alone[0].records()) > 0
    n = 10 ** 6
    start = time.perf_counter()
    sum(range(n))
    per_n = time.perf_counter() - start
    hold = max(1.0, 10 * coding)
    queue.submit(lines, 1)
    sum(range(int(n * hold / per_n)))  # holds the GIL for about `hold` seconds
    start = time.perf_counter()
    held = queue.next()
    waited = time.perf_counter() - start
    assert as_text(held[0].records()) == as_text(alone[0].records())
    print(f"coding alone {coding:.3f} s; after holding the GIL {hold:.1f} s, waited {waited:.4f} s")
    assert waited < coding / 4, (waited, coding, hold)
    queue.close()


def test_the_queue_refuses_misuse(coder):
    queue = parley._parley.CodingQueue(coder._coder)
    with pytest.raises(RuntimeError, match="no batch"):
        queue.next()
    queue.close()
    with pytest.raises(RuntimeError, match="after close"):
        queue.submit(["Israel bombed Gaza."], 1)
