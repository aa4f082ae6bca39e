"""parley from Python: code English news text into CAMEO/PLOVER event records.

    import parley
    coder = parley.Coder()                     # parley's own dictionaries, loaded once
    records = coder.code(text, date="2025-08-06", id="story-1")
    frame = coder.code_frame(docs)             # the events as a DataFrame
    with open("news.jsonl", encoding="utf-8") as f:
        frame = coder.code_frame(f, jsonl=True)

Records are dicts with the field names of `parley code`'s JSON output
("type" is "event", "quote" or "deadline").  code_frame() and to_frame() give
the events as a pandas DataFrame with the columns of `parley code --format
csv` (docs/FLAT_COLUMNS.md); code_frame() fills it in C++ without a Python
object per record, so it is the fast way to a DataFrame.  The GIL is released
while coding.

What parley accepts but you must hear about (a document without a date is
coded, its events undated) is issued as a ParleyWarning, with the message
`parley code` prints on stderr ("docs:3: record ID: no date; ...").  Silence
it with warnings.simplefilter("ignore", parley.ParleyWarning).
"""

import warnings
from contextlib import closing
from itertools import islice

from ._parley import (Coder as _Coder, CodingQueue as _CodingQueue, DictError, EventTable as _EventTable,
                      flat_columns, default_dicts_dir)

__all__ = ["Coder", "DictError", "ParleyWarning", "to_frame", "flat_columns"]


class ParleyWarning(UserWarning):
    """A document was coded, but not quite as given: it had no date (or
    one that could not be read) and its events are undated, or bytes of its
    text were replaced.  The message is `parley code`'s stderr line,
    "SOURCE:N: record ID: what"."""


def _warn(messages):
    """Issues each message as a ParleyWarning, pointing at the code that
    called the public Coder method (or iterated code_many()): _warn() is
    called directly from that method."""
    for message in messages:
        warnings.warn(message, ParleyWarning, stacklevel=3)


class Coder:
    """Loads dictionaries once (`dicts`: a folder with a PETR_config.ini;
    None = parley's own) and codes documents with them, reusably.

    `threads`: how many threads code_many(), code_frame() and code_files()
    code on.  code() may be called
    from several Python threads at once: each call gets its own worker and
    the GIL is released while it codes.  Dictionaries that do not load raise
    DictError "file:line: what is wrong".  Every method issues a
    ParleyWarning for each document coded without a date (none given, no
    `date` fallback) and each other thing `parley code` warns of, after the
    coding, on the caller's thread, in document order.
    """

    def __init__(self, dicts=None, threads=1):
        self._coder = _Coder("" if dicts is None else str(dicts), int(threads))

    @property
    def threads(self):
        return self._coder.threads

    def code(self, text, date=None, id=None):
        """The records of one document (list of dicts): its events, then its
        quotes, then its deadlines.  `date`: "YYYY-MM-DD", YYYYMMDD or a
        datetime.date.  Bad input raises ValueError "text:1: record ID: what"."""
        records, problems = self._coder.code(text, date, id)
        _warn(problems)
        return records

    def code_many(self, docs, date=None, batch=None, jsonl=False):
        """Yields the records of each document of `docs` in order, coding
        `batch` documents at a time on the coder's threads.  A document is a
        str or a dict with "text" and optionally "id", "date" and other keys,
        which are copied into each of its records (as `parley code` does for
        JSON Lines members).  With jsonl=True the items of `docs` are lines of
        JSON Lines instead (str or bytes, e.g. a file opened for reading),
        read in C++ as `parley code` reads a .jsonl file, with no json.loads
        in Python; blank lines are skipped.  `date` is for documents without
        one.  A bad document raises ValueError "docs:N: record ID: what" (N
        counts from 1: the document's, or line's, position) after the
        records of the documents before it; a document's date that cannot be
        read does not make it bad: as `parley code` does, it is coded
        without that date (with `date`, if given) and a ParleyWarning says
        so.  A batch's warnings are issued
        before its first record is yielded."""
        size = batch or 512 * self.threads
        queue = _CodingQueue(self._coder, date, jsonl)
        with closing(_pipelined(docs, size, queue)) as results:
            for lines, error, problems in results:
                _warn(problems)
                # The dicts are made here, on the caller's thread, while the
                # helper codes the next chunk.
                yield from lines.records()
                if error is not None:
                    raise ValueError(error)

    def code_frame(self, docs, date=None, batch=None, jsonl=False):
        """The events of `docs` (as for code_many(), including jsonl=True)
        as a pandas DataFrame: the same rows, columns and dtypes as
        to_frame(code_many(docs)), i.e. the values of `parley code --format
        csv`, but gathered in C++ as columns and turned into numpy/pandas
        arrays at the end, with no Python dict per record.  A bad document
        raises ValueError "docs:N: record ID: what", as code_many() does."""
        size = batch or 2048 * self.threads
        table = _EventTable()
        # Chunks are coded one after another on the queue's one thread, so
        # rows reach the table in document order.
        queue = _CodingQueue(self._coder, date, jsonl, table)
        with closing(_pipelined(docs, size, queue)) as results:
            for error, problems in results:
                _warn(problems)
                if error is not None:
                    raise ValueError(error)
        return _frame_from_table(table)

    def code_files(self, inputs, out, format="jsonl"):
        """Codes the files `inputs` (plain text, JSON Lines, PETRARCH XML) as
        `parley code --format FORMAT` does and writes the output to the file
        `out`.  Returns (documents coded, [messages of unreadable records])."""
        documents, bad, problems = self._code_files(inputs, out, format)
        _warn(problems)
        return documents, bad

    def _code_files(self, inputs, out, format="jsonl"):
        """code_files(), returning (documents, bad, [warning messages]) and
        issuing no warning (for parley.dask, which reports them itself)."""
        return self._coder.code_files([str(p) for p in inputs], str(out), format)

    def code_files_frame(self, inputs):
        """The events of the files `inputs` (plain text, JSON Lines, PETRARCH
        XML, read as `parley code` reads them) as a DataFrame, the rows of
        `parley code --format csv INPUTS`, gathered in C++ as code_frame()
        does.  Returns (frame, [messages of unreadable records])."""
        frame, bad, problems = self._code_files_frame(inputs)
        _warn(problems)
        return frame, bad

    def _code_files_frame(self, inputs):
        """code_files_frame(), returning (frame, bad, [warning messages])
        and issuing no warning (for parley.dask)."""
        table = _EventTable()
        _, bad, problems = self._coder.code_files_columns([str(p) for p in inputs], table)
        return _frame_from_table(table), bad, problems


def _pipelined(docs, size, queue, ahead=4):
    """Yields queue.next() for each chunk of `size` items of `docs`, in
    order, with up to `ahead` chunks submitted: they code one after another
    on the queue's C++ thread (which never needs the GIL) while the caller's
    thread reads the next chunks and handles the previous results, so
    reading input and building results overlap coding instead of adding to
    it.  More than one chunk ahead because on a busy machine the caller's
    thread may wait a scheduler slice or more to run again after each chunk:
    the coding thread must find the next chunks queued meanwhile, not sleep
    until the caller comes back.  The caller's iterator is only read on the
    caller's thread.  Closing the generator (or an exception) stops the
    queue's thread, dropping what it had not coded."""
    docs = iter(docs)
    try:
        first, queued = 1, 0
        while True:
            while queued < ahead:
                chunk = list(islice(docs, size))
                if not chunk:
                    break
                queue.submit(chunk, first)
                first += len(chunk)
                queued += 1
            if not queued:
                return
            queued -= 1
            yield queue.next()
    finally:
        queue.close()


_PANDAS_TYPES = {"string": "string", "int": "Int64", "float": "float64", "bool": "bool", "date": "datetime64[ns]"}


def _value(record, path):
    for key in path:
        if not isinstance(record, dict) or key not in record:
            return None
        record = record[key]
    return record


def _frame_from_table(table):
    """The DataFrame of an _EventTable's rows, emptying it: its arrays
    (handed over from C++, not copied) become the frame's columns as they
    are, with no copy (copy=False: pandas copies a dict's arrays by default)."""
    import pandas as pd

    data = {}
    for name, kind, values, valid in table.take_arrays(pd.NA):
        if kind == "string":
            data[name] = _string_array(values)
        elif kind == "int":
            data[name] = pd.arrays.IntegerArray(values, ~valid)
        elif kind == "date":
            data[name] = values.view("datetime64[ns]")
        else:  # float (NaN when missing), bool
            data[name] = values
    return pd.DataFrame(data, columns=[name for name, _, _ in flat_columns()], copy=False)


def _string_array(values):
    """A pandas StringArray (dtype "string") over `values`, an object array
    of str and pd.NA only (as C++ makes them), as is.  StringArray(values)
    would check and rewrite every cell (a pass over the column); where this
    pandas has the constructor it calls after that check, that is used."""
    import pandas as pd

    simple_new = getattr(pd.arrays.StringArray, "_simple_new", None)
    if simple_new is None:
        return pd.arrays.StringArray(values)
    return simple_new(values, pd.StringDtype("python"))


def to_frame(records):
    """The event records of `records` (any iterable of parley records, e.g.
    code_many()'s) as a pandas DataFrame, one row per event, with the
    columns and order of `parley code --format csv`.  Missing values are
    <NA>/NaN/NaT; flags are always True or False."""
    import pandas as pd

    columns = flat_columns()
    rows = {name: [] for name, _, _ in columns}
    for record in records:
        if record.get("type") != "event":
            continue
        for name, path, kind in columns:
            value = _value(record, path)
            rows[name].append(value is True if kind == "bool" else value)
    data = {}
    for name, _, kind in columns:
        if kind == "date":
            data[name] = pd.to_datetime(pd.Series(rows[name], dtype="object"), format="%Y-%m-%d")
        else:
            data[name] = pd.Series(rows[name], dtype=_PANDAS_TYPES[kind] if kind != "float" else "object").astype(_PANDAS_TYPES[kind])
    return pd.DataFrame(data, columns=[name for name, _, _ in columns])
