// parley/python: documents from Python objects, for Coder.code(), code_many()
// and code_frame(): dicts or str read into io::InputRecords, or lines of JSON
// Lines (str or bytes) taken where Python keeps them, for the C++ JSON Lines
// reader (Coder::read_jsonl) to read later without the GIL.  Needs the GIL.
//
// A document's problems are "SOURCE:N: record ID: what", as the readers
// report them: SOURCE is "text" for Coder.code() and "docs" for code_many(),
// N the document's 1-based position.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/input.h"

namespace parley::python {

// Fills `rec` from a document given as text, or a mapping with "text" and
// optional "id", "date" and other members (passed through to every record,
// renamed as the JSON Lines reader renames them: io::passthrough_name()).
// Returns "" or what is wrong.  A date is read as `parley code` reads a
// JSON Lines record's (io::set_record_date()): none (absent or None) takes
// `date` (the caller's fallback, 0 = none); one that cannot be read, or of a
// type no date has, is a warning in rec.warning and the document is coded
// with `date` -- never an error, so one odd date in a corpus does not stop
// code_many() where `parley code` goes on.
std::string read_doc(PyObject* doc, const std::string& source, uint32_t n, int32_t date, io::InputRecord& rec);

// "SOURCE:N: record ID: what" for `rec` (read_doc()'s record).
std::string error_for(const io::InputRecord& rec, const std::string& what);

// The documents (dicts or str) of `docs`, at positions first, first+1, ...,
// read with read_doc() into `recs` up to the first bad one; returns "" or
// that one's message.
std::string read_docs(const pybind11::list& docs, uint32_t first, int32_t date, std::vector<io::InputRecord>& recs);

// Lines of JSON Lines (str or bytes) as views of the bytes Python keeps,
// valid while `held` lives (it holds every line, whatever happens to the
// caller's list), for Coder::read_jsonl() on any thread.
struct HeldLines {
  pybind11::tuple held;
  std::vector<std::string_view> lines;
  // A line that is neither str nor bytes: the lines before it are taken,
  // and this is its message ("docs:N: record ID: what"); else "".
  std::string error;
};
HeldLines hold_lines(const pybind11::list& docs, uint32_t first);

// A `date` argument (None, "YYYY-MM-DD", YYYYMMDD, or anything with
// isoformat()) as YYYYMMDD, 0 for None; ValueError if unreadable.
int32_t date_argument(const pybind11::object& date);

}  // namespace parley::python
