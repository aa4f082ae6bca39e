"""The Python module (src/python/): run by CTest with Debian's python3 and
the build tree's build/python on PYTHONPATH (tests/CMakeLists.txt)."""

import csv
import io
import json
import os
import subprocess
import threading
import time
import warnings

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


def test_a_documents_unreadable_date_warns_and_codes_it_undated_as_the_cli_does(coder, tmp_path):
    # `parley code` warns naming the record and codes it without the date;
    # code_many() and code_frame() of the same document as a dict do the same.
    doc = {"id": "b1", "text": "Russia attacked Ukraine.", "date": "2025-02-30"}
    path = tmp_path / "bad-date.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    run = subprocess.run([PARLEY_BIN, "code", str(path)], check=True, capture_output=True, text=True)
    what = 'unreadable date "2025-02-30" (no such day: February 30, 2025); coded without a date'
    assert run.stderr.strip() == f"parley: {path}:1: record b1: {what}"
    expected = [json.loads(line) for line in run.stdout.splitlines()]
    assert expected and all(r["date"] is None for r in expected)
    with pytest.warns(parley.ParleyWarning) as caught:
        got = list(coder.code_many([doc, "Israel bombed Gaza."], date="2025-01-02"))
    assert messages(caught) == ['docs:1: record b1: unreadable date "2025-02-30" (no such day: February 30, 2025); '
                                "coded with --date 2025-01-02"]
    assert {r["date"] for r in got} == {"2025-01-02"}
    with pytest.warns(parley.ParleyWarning) as caught:
        assert list(coder.code_many([doc])) == expected
    assert messages(caught) == [f"docs:1: record b1: {what}"]
    with pytest.warns(parley.ParleyWarning) as caught:
        frame = coder.code_frame([doc])
    assert messages(caught) == [f"docs:1: record b1: {what}"] and len(frame) and frame["date"].isna().all()
    # A value no date can be (a float, a bool, a list) is a warning too, as a
    # JSON Lines date of the wrong type is.
    for odd, name in ((20250102.0, "float"), (True, "bool"), ([2025, 1, 2], "list")):
        with pytest.warns(parley.ParleyWarning) as caught:
            got = list(coder.code_many([dict(doc, date=odd)]))
        assert messages(caught) == [f'docs:1: record b1: field "date" must be a str, an int YYYYMMDD, or a '
                                    f"date/datetime, got {name}; coded without a date"]
        assert got == expected


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
        text = f.read() * 200
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
    # would keep it), leaving one gap nearly as long as the call.  On a loaded
    # machine the scheduler alone leaves gaps of a few hundred milliseconds
    # (CI saw 0.17 s of a 0.29 s call), so the call is long and the bound loose.
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert elapsed > 0.05 and len(ticks) > 1000
    assert max(gaps) < elapsed * 0.75, (max(gaps), elapsed)


def test_two_threads_code_at_the_same_moment():
    # Python threads scale because the GIL is released while coding and
    # nothing else serialises the calls (each gets its own Worker).  The
    # coder counts the code() calls inside the C++ coding at the same moment;
    # a held GIL (or a lock around the coding) would keep that at 1.  Unlike
    # a wall-clock ratio this cannot fail on a loaded machine: load only
    # delays the moment both threads are coding (on 2 free cores they
    # overlap at once, which is what makes two threads ~2x as fast).
    fresh = parley.Coder()  # its own count
    with open(EXAMPLE, encoding="utf-8") as f:
        text = f.read()
    assert fresh._coder.peak_concurrent_calls == 0
    fresh.code(text)
    assert fresh._coder.peak_concurrent_calls == 1
    stop = threading.Event()
    calls = [0, 0]

    def work(i):
        while not stop.is_set():
            fresh.code(text, date="2025-08-06")
            calls[i] += 1

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 120
    while fresh._coder.peak_concurrent_calls < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    stop.set()
    for t in threads:
        t.join()
    assert fresh._coder.peak_concurrent_calls == 2, calls
    assert all(calls), calls


def test_one_thread_never_counts_two():
    # The count is not inflated: calls one after the other never overlap.
    fresh = parley.Coder()
    for _ in range(20):
        fresh.code("Russia accused Ukraine.")
    assert fresh._coder.peak_concurrent_calls == 1


DOCS = [{"id": f"s{i}", "text": t, "date": "2024-05-0" + str(1 + i % 9), "feed": "AFP"} for i, t in enumerate(
    ["Russia attacked Ukraine on Monday.", "The United States condemned Iran.",
     "China and India signed a trade agreement in Beijing.", "Nothing happened here.",
     "Israel bombed Gaza. \"We will not talk,\" Putin said."] * 4)]


def csv_cell(value, kind):
    """A frame value as `parley code --format csv` writes it."""
    import pandas as pd
    if kind == "bool":
        return "true" if value else "false"
    if value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    if kind == "date":
        return value.strftime("%Y-%m-%d")
    if kind == "float":
        return repr(float(value))
    return str(value)


def test_dicts_are_json_loads_of_the_cli_lines_types_and_order_included(coder, tmp_path):
    # == would let 10 pass for 10.0 and ignore key order: compare the JSON
    # text of both sides.  Quotes, non-ASCII, control characters and nested
    # passed-through members go through every kind of value the dicts hold;
    # a member named like a field passes through renamed, as in JSON Lines.
    with open(EXAMPLE, encoding="utf-8") as f:
        docs = DOCS + [{"id": "example", "text": f.read(), "date": "2025-08-06"},
                       {"id": "odd\t\"q\" Zürich — ☃", "text": "Zürich: Russia attacked Ukraine.\tIsrael bombed Gaza.",
                        "date": 20250102, "source": "AFP", "meta": {"n": [1, 2.5, -0.0, 1e300, None, True, "é\n\u0001"]}}]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    expected = [json.loads(line) for line in cli(str(path)).splitlines()]
    assert {"event", "quote"} <= {r["type"] for r in expected}
    assert any(r["id"].startswith("odd") and r["input_source"] == "AFP" and r["source"] != "AFP" for r in expected)
    as_text = lambda records: [json.dumps(r, ensure_ascii=False) for r in records]
    with open(path, encoding="utf-8") as f:
        assert as_text(coder.code_many(f, jsonl=True)) == as_text(expected)
    assert as_text(coder.code_many(docs)) == as_text(expected)
    assert as_text(r for d in docs for r in coder.code(d["text"], d["date"], d["id"])) == \
        as_text({k: v for k, v in r.items() if k not in ("feed", "input_source", "meta")} for r in expected)


def test_members_json_cannot_write_still_pass_through(coder):
    # json.dumps() writes NaN and integers of any size, which the dicts then
    # hold as json.loads() reads them.
    big = 2 ** 70
    got = list(coder.code_many([{"text": "Russia attacked Ukraine.", "score": float("nan"), "big": big, "ok": 1.5}]))
    assert got and all(r["score"] != r["score"] and r["big"] == big and r["ok"] == 1.5 for r in got)


def test_the_dict_reader_gives_what_json_loads_gives():
    # What the reader of Coder's records (src/python/record_objects.cpp)
    # handles itself and what it leaves to json.loads(): either way, the same.
    lines = [
        '{"a":1,"b":-2,"c":2.5,"d":-0.0,"e":1e300,"f":1E-5,"g":0,"h":true,"i":false,"j":null,"k":[],"l":{}}',
        '{"s":"plain","t":"Z\u00fcrich \u2603 \\"q\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u0001 \\u00e9 \\ud83d\\ude00","u":"a longer ASCII string of more than thirty-two bytes"}',
        '{"n":{"m":[1,[2,[3,{"x":"y"}]],{"z":null}]},"k\\u00e9y":"v","dup":1,"dup":2}',
        '{ "spaced" : [ 1 , 2 ] , "x" : "y" }',
        '{"big":123456789012345678901234567890,"nan":NaN,"inf":Infinity,"ninf":-Infinity,"huge":1e400}',
        '{"lone":"\\ud800"}',
        '["not","an","object"]', '"a string"', '12',
    ]
    got = parley._parley.CodedLines("".join(l + "\n" for l in lines).encode()).records()
    expected = [json.loads(l) for l in lines]
    assert repr(got) == repr(expected)  # repr: nan == nan is False, and 1 == 1.0 would pass
    assert [type(v) for r in got if isinstance(r, dict) for v in r.values()] == \
        [type(v) for r in expected if isinstance(r, dict) for v in r.values()]
    with pytest.raises(json.JSONDecodeError):
        parley._parley.CodedLines(b'{"a":1}\n{"a":\n').records()
    # Nesting deeper than a record's: json.loads() (RecursionError when too
    # deep for it), never a crash.
    deep = '{"a":' + "[" * 500 + "]" * 500 + "}"
    assert parley._parley.CodedLines(deep.encode() + b"\n").records() == [json.loads(deep)]
    with pytest.raises(RecursionError):
        parley._parley.CodedLines(b'{"a":' + b"[" * 100000 + b"]" * 100000 + b"}\n").records()


def test_code_frame_holds_the_cli_csv_values(coder, tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    rows = list(csv.reader(io.StringIO(cli("--format", "csv", str(path)))))
    header, body = rows[0], rows[1:]
    with open(path, encoding="utf-8") as f:
        frame = coder.code_frame(f, jsonl=True)
    assert list(frame.columns) == header
    assert len(frame) == len(body) > len(DOCS) / 2
    kinds = [kind for _, _, kind in parley.flat_columns()]
    for row, (_, got) in zip(body, frame.iterrows()):
        for name, kind, want, value in zip(header, kinds, row, got):
            if kind == "float" and want:
                assert float(want) == value, name
            else:
                assert csv_cell(value, kind) == want, (name, value, want)


def test_code_frame_equals_to_frame_of_the_dicts(coder):
    import pandas as pd
    with open(EXAMPLE, encoding="utf-8") as f:
        docs = DOCS + [{"id": "example", "text": f.read(), "date": "2025-08-06"}]
    expected = parley.to_frame(coder.code_many(docs))
    lines = [json.dumps(d) + "\n" for d in docs]
    for frame in (coder.code_frame(docs), coder.code_frame(iter(docs), batch=3),
                  coder.code_frame(lines, jsonl=True), coder.code_frame([l.encode() for l in lines], jsonl=True),
                  parley.Coder(threads=2).code_frame(docs)):
        pd.testing.assert_frame_equal(frame, expected)
    assert len(expected) > 10 and expected["place_name"].notna().any() and expected["date_text"].isna().any()


def test_code_frame_of_nothing_keeps_the_columns_and_dtypes(coder):
    import pandas as pd
    empty, no_events = coder.code_frame([]), coder.code_frame(["Nothing happened here."])
    for frame in (empty, no_events):
        assert len(frame) == 0
        pd.testing.assert_frame_equal(frame, parley.to_frame([]), check_index_type=False)


def test_code_many_reads_json_lines_as_the_cli_does(coder, tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in DOCS), encoding="utf-8")
    expected = [json.loads(line) for line in cli(str(path)).splitlines()]
    with open(path, encoding="utf-8") as f:
        assert list(coder.code_many(f, jsonl=True)) == expected
    with open(path, "rb") as f:
        assert list(coder.code_many(f, jsonl=True, batch=4)) == expected
    assert expected and all(r["feed"] == "AFP" for r in expected)


@pytest.mark.parametrize("lines,message", [
    (['{"id":"a","text":"Israel bombed Gaza."}', "", '{"id":"b","text":"x"'],
     'docs:3: record b: malformed JSON: parse error at line 1, column 21: syntax error while parsing object - '
     "unexpected end of input; expected '}'"),
    (['{"id":"a","text":"Israel bombed Gaza."}\r\n', '{"id":"c"}'], 'docs:2: record c: missing field "text"'),
    (['{"id":"a","text":"Israel bombed Gaza."}', 7], "docs:2: record docs:2: a JSON Lines line must be a str or bytes, got int"),
    (['["text"]'], "docs:1: record docs:1: line is not a JSON object"),
])
def test_bad_json_lines_raise_with_the_readers_message(coder, lines, message):
    got = []
    with pytest.raises(ValueError) as e:
        for r in coder.code_many(lines, jsonl=True):
            got.append(r)
    assert str(e.value) == message
    assert all(r["id"] == "a" for r in got) and bool(got) == str(lines[0]).startswith('{"id":"a"')
    with pytest.raises(ValueError) as e:
        coder.code_frame(lines, jsonl=True)
    assert str(e.value) == message


UNDATED = {"id": "u1", "text": "Russia attacked Ukraine."}


def cli_warning(tmp_path):
    """What `parley code` says on stderr of UNDATED, after "record u1: "."""
    path = tmp_path / "undated.jsonl"
    path.write_text(json.dumps(UNDATED) + "\n", encoding="utf-8")
    stderr = subprocess.run([PARLEY_BIN, "code", str(path)], check=True, capture_output=True, text=True).stderr
    assert stderr.startswith(f"parley: {path}:1: record u1: no date;"), stderr
    return path, stderr.strip().split("record u1: ", 1)[1]


def messages(caught):
    assert all(w.category is parley.ParleyWarning for w in caught)
    assert all(w.filename == __file__ for w in caught), [w.filename for w in caught]  # the caller's line
    return [str(w.message) for w in caught]


def test_an_undated_document_warns_with_the_cli_message(coder, tmp_path):
    path, what = cli_warning(tmp_path)
    assert issubclass(parley.ParleyWarning, UserWarning)
    with pytest.warns(parley.ParleyWarning) as caught:
        records = coder.code(UNDATED["text"], id="u1")
    assert messages(caught) == [f"text:1: record u1: {what}"]
    assert records and all(r["date"] is None for r in records if r["type"] == "event")
    dated = dict(UNDATED, id="d2", date="2025-01-02")
    with pytest.warns(parley.ParleyWarning) as caught:
        records = list(coder.code_many([UNDATED, dated, "Israel bombed Gaza."]))
    assert messages(caught) == [f"docs:1: record u1: {what}", f"docs:3: record docs:3: {what}"]
    assert {r["id"] for r in records} == {"u1", "d2", "docs:3"}
    with pytest.warns(parley.ParleyWarning) as caught:
        coder.code_frame([UNDATED, dated])
    assert messages(caught) == [f"docs:1: record u1: {what}"]
    for batch in (None, 1):
        with open(path, encoding="utf-8") as f, pytest.warns(parley.ParleyWarning) as caught:
            frame = coder.code_frame(f, jsonl=True, batch=batch)
        assert messages(caught) == [f"docs:1: record u1: {what}"]
        assert len(frame) and frame["date"].isna().all()


def test_files_coded_from_python_warn_as_the_cli_does(coder, tmp_path):
    path, what = cli_warning(tmp_path)
    with pytest.warns(parley.ParleyWarning) as caught:
        documents, bad = coder.code_files([path], tmp_path / "out.jsonl")
    assert (documents, bad) == (1, [])
    assert messages(caught) == [f"{path}:1: record u1: {what}"]
    with pytest.warns(parley.ParleyWarning) as caught:
        frame, bad = coder.code_files_frame([path])
    assert messages(caught) == [f"{path}:1: record u1: {what}"] and len(frame) and bad == []


def test_a_dated_document_gives_no_warning(coder, tmp_path):
    dated = dict(UNDATED, date="2025-01-02")
    path = tmp_path / "dated.jsonl"
    path.write_text(json.dumps(dated) + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert coder.code(UNDATED["text"], date="2025-01-02")
        assert list(coder.code_many([dated]))
        assert list(coder.code_many([UNDATED["text"]], date="2025-01-02"))  # the fallback, as --date
        assert len(coder.code_frame([dated]))
        with open(path, encoding="utf-8") as f:
            assert len(coder.code_frame(f, jsonl=True))
        assert coder.code_files([path], tmp_path / "out.jsonl") == (1, [])
        assert len(coder.code_files_frame([path])[0])


def test_code_frame_takes_the_tables_buffers_and_they_stay_valid(coder):
    # The numeric columns are the C++ table's buffers handed to numpy (no
    # copy): the table is emptied, and the frame's arrays outlive it.
    import gc
    import pandas as pd
    table = parley._EventTable()
    queue = parley._CodingQueue(coder._coder, table=table)
    queue.submit(DOCS, 1)
    error, problems = queue.next()
    queue.close()
    assert error is None and problems == [] and table.rows > 0
    rows = table.rows
    frame = parley._frame_from_table(table)
    assert table.rows == 0 and len(frame) == rows
    del table
    gc.collect()
    pd.testing.assert_frame_equal(frame, parley.to_frame(coder.code_many(DOCS)))
    frame["goldstein"] += 1  # writable
    frame.loc[frame.index[0], "quad_class"] = pd.NA
    assert frame["quad_class"].isna().sum() == 1


def test_a_date_outside_datetime64_ns_raises(coder):
    with pytest.raises(ValueError, match="outside datetime64\\[ns\\]'s range"):
        coder.code_frame([{"text": "Russia attacked Ukraine.", "date": "2300-01-02"}])
