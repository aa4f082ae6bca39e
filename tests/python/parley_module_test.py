"""The Python module (src/python/): run by CTest with Debian's python3 and
the build tree's build/python on PYTHONPATH (tests/CMakeLists.txt)."""

import csv
import io
import json
import os
import subprocess
import threading
import time

import pytest

import parley

PARLEY_BIN = os.environ["PARLEY_BIN"]
EXAMPLE = os.path.join(os.environ["PARLEY_SHARED_DIR"], "examples", "kremlin-witkoff-2025-08-06.txt")


@pytest.fixture(scope="module")
def coder():
    return parley.Coder(threads=2)


def cli(*args):
    return subprocess.run([PARLEY_BIN, "code", *args], check=True, capture_output=True, text=True).stdout


def test_round_trip_on_the_example_matches_the_cli(coder):
    expected = [json.loads(line) for line in cli("--date", "2025-08-06", EXAMPLE).splitlines()]
    with open(EXAMPLE, encoding="utf-8") as f:
        text = f.read()
    got = coder.code(text, date="2025-08-06", id="kremlin-witkoff-2025-08-06")
    assert any(r["type"] == "event" for r in got)
    assert {r["type"] for r in got} >= {"event", "quote"}
    assert got == expected


def test_code_many_streams_the_same_records_as_code(coder):
    docs = [{"id": f"d{i}", "text": t, "date": "2025-01-02", "feed": "AFP"}
            for i, t in enumerate(["Russia attacked Ukraine.", "France criticized Germany.", "Nothing here."])]
    stream = coder.code_many(iter(docs), batch=2)
    assert iter(stream) is stream  # a generator, not a list
    got = list(stream)
    one_by_one = [r for d in docs for r in coder.code(d["text"], d["date"], d["id"])]
    assert len(got) == len(one_by_one) > 0
    # Extra members pass through into every record, as in `parley code`.
    assert all(r.pop("feed") == "AFP" for r in got)
    assert got == one_by_one


def test_code_many_matches_the_cli_on_json_lines(coder, tmp_path):
    docs = [{"id": f"s{i}", "text": t, "date": "2024-05-0" + str(1 + i % 9)} for i, t in enumerate(
        ["Russia attacked Ukraine on Monday.", "The United States condemned Iran.",
         "China and India signed a trade agreement in Beijing.", "Israel bombed Gaza."] * 5)]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    expected = [json.loads(line) for line in cli(str(path)).splitlines()]
    assert list(coder.code_many(docs)) == expected


def test_frame_columns_and_dtypes_match_the_cli_csv(coder, tmp_path):
    with open(EXAMPLE, encoding="utf-8") as f:
        text = f.read()
    frame = parley.to_frame(coder.code(text, date="2025-08-06", id="kremlin-witkoff-2025-08-06"))
    rows = list(csv.reader(io.StringIO(cli("--format", "csv", "--date", "2025-08-06", EXAMPLE))))
    header, body = rows[0], rows[1:]
    assert list(frame.columns) == header == [c[0] for c in parley.flat_columns()]
    assert len(frame) == len(body) > 0
    kinds = {name: kind for name, _, kind in parley.flat_columns()}
    expected = {"string": "string", "int": "Int64", "float": "float64", "bool": "bool", "date": "datetime64[ns]"}
    for name, dtype in frame.dtypes.items():
        assert str(dtype) == expected[kinds[name]], name
    for row, (_, got) in zip(body, frame.iterrows()):
        assert row[header.index("code")] == got["code"]
        assert row[header.index("source")] == got["source"]
        assert row[header.index("one_sided")] == ("true" if got["one_sided"] else "false")
        assert row[header.index("date")] == got["date"].strftime("%Y-%m-%d")
    assert frame["quad_class"].notna().all()
    assert not frame["negated"].isna().any()


def test_empty_frame_keeps_the_columns():
    frame = parley.to_frame([])
    assert list(frame.columns) == [c[0] for c in parley.flat_columns()] and len(frame) == 0


@pytest.mark.parametrize("doc,message", [
    ("   ", "text:1: record text:1: empty text"),
    ("ok\x00no", "text:1: record text:1: NUL byte in text at byte 2"),
])
def test_bad_text_raises_with_the_readers_message(coder, doc, message):
    with pytest.raises(ValueError) as e:
        coder.code(doc)
    assert str(e.value) == message


@pytest.mark.parametrize("given", [
    "2026-03-03T10:00:00Z", "2026-03-03T10:00:00+02:00", "March 3, 2026", "3 March 2026", "Mar. 3, 2026",
    "2026/03/03", 20260303,
])
def test_dates_in_feed_forms(coder, given):
    # The same parser as `parley code` and /v1/code (io::parse_record_date).
    got = coder.code("Russia accused Ukraine.", date=given)
    assert got[0]["date"] == "2026-03-03"
    assert next(iter(coder.code_many([{"text": "Russia accused Ukraine.", "date": given}])))["date"] == "2026-03-03"


def test_datetime_objects_are_dates(coder):
    import datetime
    when = datetime.datetime(2026, 3, 3, 10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    assert coder.code("Russia accused Ukraine.", date=when)[0]["date"] == "2026-03-03"
    assert coder.code("Russia accused Ukraine.", date=datetime.date(2026, 3, 3))[0]["date"] == "2026-03-03"


def test_bad_date_raises(coder):
    with pytest.raises(ValueError, match='unreadable date "2025-02-30" \\(no such day: February 30, 2025\\)'):
        coder.code("Russia attacked Ukraine.", date="2025-02-30")


def test_code_many_raises_at_the_bad_document_after_the_good_ones(coder):
    got = []
    with pytest.raises(ValueError) as e:
        for r in coder.code_many(["Russia attacked Ukraine.", {"id": "b", "text": 5}, "Israel bombed Gaza."]):
            got.append(r)
    assert str(e.value) == 'docs:2: record b: field "text" must be a string'
    assert got and all(r["id"] == "docs:1" for r in got)
    with pytest.raises(ValueError, match=r'^docs:1: record x: missing field "text"$'):
        list(coder.code_many([{"id": "x"}]))
    with pytest.raises(ValueError, match=r'^docs:1: record docs:1: field "id" must be a string or an integer'):
        list(coder.code_many([{"id": None, "text": "Israel bombed Gaza."}]))
    with pytest.raises(ValueError, match="must be a str or a dict"):
        list(coder.code_many([42]))


def test_dictionaries_that_do_not_load_raise_with_file_and_line(tmp_path):
    (tmp_path / "PETR_config.ini").write_text(
        "[Dictionaries]\nverbfile_name = verbs.txt\nactorfile_list = actors.txt\n", encoding="utf-8")
    (tmp_path / "verbs.txt").write_text("this is not a verb dictionary [[[\n", encoding="utf-8")
    (tmp_path / "actors.txt").write_text("", encoding="utf-8")
    with pytest.raises(parley.DictError) as e:
        parley.Coder(dicts=tmp_path)
    assert str(tmp_path) in str(e.value) and ":" in str(e.value)
    with pytest.raises(parley.DictError):
        parley.Coder(dicts=tmp_path / "missing")


def test_the_gil_is_released_while_coding(coder):
    # While one thread codes a long document, Python code in another runs.
    with open(EXAMPLE, encoding="utf-8") as f:
        text = f.read() * 40
    done = threading.Event()
    ticks = []

    def code():
        coder.code(text, date="2025-08-06")
        done.set()

    t = threading.Thread(target=code)
    start = time.perf_counter()
    t.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
    t.join()
    elapsed = time.perf_counter() - start
    # Held GIL: the loop would stall for the whole call (the coding thread
    # would keep it), leaving a gap as long as the call.
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert elapsed > 0.01 and len(ticks) > 1000
    assert max(gaps) < elapsed / 2, (max(gaps), elapsed)


def test_two_threads_code_faster_than_one(coder):
    with open(EXAMPLE, encoding="utf-8") as f:
        text = f.read()
    rounds = 300

    def work():
        for _ in range(rounds):
            coder.code(text, date="2025-08-06")

    def wall(threads):
        ts = [threading.Thread(target=work) for _ in range(threads)]
        start = time.perf_counter()
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        return time.perf_counter() - start

    work()  # warm-up: workers and caches
    # Twice the work on two threads: ~1x the time on 2 free cores, never
    # under 2x with a held GIL (the calls would run one after the other, plus
    # switching).  Other processes share the 2 cores (ctest -j2, a busy CI
    # machine), so the best of five tries must come in clearly under 2x.
    ratios = []
    for _ in range(5):
        ratios.append(wall(2) / wall(1))
        if ratios[-1] < 1.8:
            break
    assert min(ratios) < 1.8, ratios
