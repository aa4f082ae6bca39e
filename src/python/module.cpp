// The pybind11 module parley._parley: Coder (python/coder.h) with its
// documents converted from Python (dicts or str, or JSON Lines lines read by
// the C++ JSON Lines reader) and its records converted to Python dicts
// (python/record_objects.h: from the JSON Lines `parley code` writes, so the
// field names and values are the JSON output's exactly) or to columns (EventTable: python/event_columns.h,
// handed over as numpy arrays by python/column_arrays.h, for
// Coder.code_frame()), and the flat column table (io/flat_columns.h) for
// parley.to_frame().  The Python-facing API is src/python/parley/.
//
// A document's problems raise ValueError "SOURCE:N: record ID: what", as the
// readers report them: SOURCE is "text" for Coder.code() and "docs" for
// code_many(), N the document's 1-based position.  A document's date that
// cannot be read is not one of them: as in `parley code`, the document is
// coded without it and a warning names it.  Dictionaries that do not load
// raise parley.DictError "file:line: what".
//
// Warnings (a document without a date, ...: python/coder.h) are gathered
// while coding, with the GIL released, and returned as a list of messages
// with each call's results; the package issues them with warnings.warn()
// on the caller's thread.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dict/dictionary.h"
#include "io/dates.h"
#include "io/readers.h"
#include "python/coder.h"
#include "python/column_arrays.h"
#include "python/record_objects.h"
#include "io/flat_columns.h"
#include "tokens/lexicon.h"

namespace py = pybind11;

namespace parley::python {
namespace {

// JSON Lines -> a list of dicts (python/record_objects.h).
py::list to_records(std::string_view jsonl) {
  py::list records;
  append_records(jsonl, records);
  return records;
}

// The JSON Lines of a batch of documents, coded with the GIL released on
// code_many()'s helper thread; records() makes their dicts on the thread
// that iterates code_many(), so making one batch's dicts overlaps coding the
// next (as the CLI's writing overlaps its coding).
struct CodedLines {
  std::string jsonl;
};

// The UTF-8 of a str (valid while `str` lives); throws for a lone surrogate
// (UnicodeEncodeError), which no UTF-8 can carry.
std::string_view utf8_of(PyObject* str) {
  Py_ssize_t size = 0;
  const char* bytes = PyUnicode_AsUTF8AndSize(str, &size);
  if (!bytes) throw py::error_already_set();
  return {bytes, static_cast<size_t>(size)};
}

std::string type_name(PyObject* value) { return Py_TYPE(value)->tp_name; }

// Fills `rec` from a document given as text, or a mapping with "text" and
// optional "id", "date" and other members (passed through to every record,
// renamed as the JSON Lines reader renames them: io::passthrough_name()).
// Returns "" or what is wrong.  A date is read as `parley code` reads a
// JSON Lines record's (io::set_record_date()): none (absent or None) takes
// `date` (the caller's fallback, 0 = none); one that cannot be read, or of a
// type no date has, is a warning in rec.warning and the document is coded
// with `date` -- never an error, so one odd date in a corpus does not stop
// code_many() where `parley code` goes on.
std::string read_doc(PyObject* doc, const std::string& source, uint32_t n, int32_t date, io::InputRecord& rec) {
  rec.clear();
  rec.source_file = source;
  rec.source_line = n;
  rec.id = io::location_id(source, n);
  rec.date = date;
  std::string problem;
  auto note = [&](std::string what) { if (problem.empty()) problem = std::move(what); };
  py::object text;
  std::string written_date, wrong_date;
  bool has_date = false;
  if (PyUnicode_Check(doc)) {
    text = py::reinterpret_borrow<py::object>(doc);
  } else if (PyDict_Check(doc)) {
    py::dict extra;
    std::string name;
    PyObject *key, *value;
    for (Py_ssize_t pos = 0; PyDict_Next(doc, &pos, &key, &value);) {
      // Held: str() of a key that is not a str, or a date's isoformat(),
      // runs Python code, which could change the dict and free them.
      const py::object held_key = py::reinterpret_borrow<py::object>(key);
      const py::object held_value = py::reinterpret_borrow<py::object>(value);
      const py::str key_str = PyUnicode_Check(key) ? py::reinterpret_borrow<py::str>(key) : py::str(key);
      const std::string_view k = utf8_of(key_str.ptr());
      if (k == "text") {
        text = py::reinterpret_borrow<py::object>(value);
      } else if (k == "id") {
        if (PyUnicode_Check(value)) rec.id = utf8_of(value);
        else if (PyLong_Check(value) && !PyBool_Check(value)) rec.id = py::str(value);
        else note("field \"id\" must be a string or an integer, got " + type_name(value));
      } else if (k == "date") {
        if (value == Py_None) continue;  // no date, as a JSON null
        has_date = true;
        if (PyUnicode_Check(value)) {
          written_date = utf8_of(value);
        } else if (PyLong_Check(value) && !PyBool_Check(value)) {
          written_date = py::str(value);  // 20260303, as a JSON Lines integer date
        } else if (py::hasattr(value, "isoformat")) {  // datetime.date, datetime.datetime, pandas.Timestamp
          written_date = py::str(py::handle(value).attr("isoformat")());
        } else {
          wrong_date = "field \"date\" must be a str, an int YYYYMMDD, or a date/datetime, got " + type_name(value);
        }
      } else {
        io::passthrough_name(k, name);
        extra[py::str(name)] = value;
      }
    }
    if (py::len(extra)) {
      static py::object* dumps = new py::object(py::module_::import("json").attr("dumps"));
      rec.extra_json = py::str((*dumps)(extra, py::arg("ensure_ascii") = false, py::arg("separators") = py::make_tuple(",", ":")));
    }
    if (!text && problem.empty()) note("missing field \"text\"");
  } else {
    return "a document must be a str or a dict with \"text\", got " + type_name(doc);
  }
  if (!problem.empty()) return problem;
  io::set_record_date(rec, has_date && wrong_date.empty() ? &written_date : nullptr, wrong_date, date);
  if (!PyUnicode_Check(text.ptr())) return "field \"text\" must be a string";
  rec.text = utf8_of(text.ptr());
  return io::check_text(rec.text);
}

std::string error_for(const io::InputRecord& rec, const std::string& what) {
  std::string message;
  io::set_record_error(&message, rec.source_file, rec.source_line, rec.id, what);
  return message;
}

// The documents of `docs` from `first` on, as InputRecords, up to the first
// bad one; returns "" or its message.  `jsonl`: the items are JSON Lines
// lines (str or bytes), read as the JSON Lines reader reads a file's lines
// (with the GIL released); else dicts or str (read_doc()).
std::string read_docs(const py::list& docs, uint32_t first, int32_t date, bool jsonl,
                      std::vector<io::InputRecord>& recs) {
  recs.reserve(docs.size());
  if (!jsonl) {
    for (size_t i = 0; i < docs.size(); ++i) {
      io::InputRecord rec;
      const py::object doc = docs[i];  // held: read_doc() may run Python code (str() of a key)
      const std::string what = read_doc(doc.ptr(), "docs", first + static_cast<uint32_t>(i), date, rec);
      if (!what.empty()) return error_for(rec, what);
      recs.push_back(std::move(rec));
    }
    return "";
  }
  // The lines are read where Python keeps them (no copy); `held` keeps each
  // alive and in place while the GIL is released, whatever happens to `docs`.
  const py::tuple held(docs);
  std::vector<std::string_view> lines;
  lines.reserve(held.size());
  std::string error;
  for (size_t i = 0; i < held.size(); ++i) {
    PyObject* item = held[i].ptr();
    Py_ssize_t size = 0;
    const char* bytes = nullptr;
    if (PyUnicode_Check(item)) {
      bytes = PyUnicode_AsUTF8AndSize(item, &size);
      if (!bytes) throw py::error_already_set();  // a lone surrogate
    } else if (PyBytes_Check(item)) {
      bytes = PyBytes_AS_STRING(item);
      size = PyBytes_GET_SIZE(item);
    } else {
      const uint32_t n = first + static_cast<uint32_t>(i);
      io::set_record_error(&error, "docs", n, io::location_id("docs", n),
                           "a JSON Lines line must be a str or bytes, got " +
                               std::string(py::str(held[i].get_type().attr("__name__"))));
      break;
    }
    lines.emplace_back(bytes, static_cast<size_t>(size));
  }
  py::gil_scoped_release unlocked;
  const std::string bad = Coder::read_jsonl(lines, first, date, recs);
  return bad.empty() ? error : bad;
}

int32_t date_argument(const py::object& date) {
  if (date.is_none()) return 0;
  int32_t d = 0;
  std::string why;
  const std::string given = py::hasattr(date, "isoformat") ? std::string(py::str(date.attr("isoformat")())) : std::string(py::str(date));
  if (!io::parse_record_date(given, &d, &why)) throw py::value_error("unreadable date \"" + given + "\" (" + why + ")");
  return d;
}

}  // namespace
}  // namespace parley::python

PYBIND11_MODULE(_parley, m) {
  using parley::python::Coder;
  using parley::python::EventColumns;
  m.doc() = "parley's C++ coder (use the parley package, not this module)";
  static py::exception<parley::DictError> dict_error(m, "DictError", PyExc_ValueError);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const parley::DictError& e) {
      PyErr_SetString(dict_error.ptr(), e.what());
    } catch (const parley::LexiconError& e) {
      PyErr_SetString(dict_error.ptr(), e.what());
    }
  });

  py::class_<Coder>(m, "Coder")
      .def(py::init([](const std::string& dicts, int threads) {
             py::gil_scoped_release unlocked;
             return std::make_unique<Coder>(dicts, threads);
           }),
           py::arg("dicts") = "", py::arg("threads") = 1)
      .def_property_readonly("threads", &Coder::threads)
      .def("code",
           [](Coder& coder, const py::object& text, const py::object& date, const py::object& id) {
             py::dict doc;
             doc["text"] = text;
             if (!id.is_none()) doc["id"] = id;
             parley::io::InputRecord rec;
             const std::string what = parley::python::read_doc(doc.ptr(), "text", 1, parley::python::date_argument(date), rec);
             if (!what.empty()) throw py::value_error(parley::python::error_for(rec, what));
             std::string jsonl;
             std::vector<std::string> warnings;
             {
               py::gil_scoped_release unlocked;
               jsonl = coder.code_one(rec, warnings);
             }
             return py::make_tuple(parley::python::to_records(jsonl), warnings);
           },
           py::arg("text"), py::arg("date") = py::none(), py::arg("id") = py::none())
      // (lines, error, warnings): the records of docs up to the first bad
      // one (a CodedLines: its records() are the dicts), that one's message
      // (None if all were good), and the warnings of the documents coded.  `first`: the position of
      // docs[0] in the caller's stream, 1-based.  `jsonl`: docs are lines of
      // JSON Lines.
      .def("code_batch",
           [](Coder& coder, const py::list& docs, uint32_t first, const py::object& date, bool jsonl) {
             std::vector<parley::io::InputRecord> recs;
             const std::string error =
                 parley::python::read_docs(docs, first, parley::python::date_argument(date), jsonl, recs);
             auto lines = std::make_unique<parley::python::CodedLines>();
             std::vector<std::string> warnings;
             {
               py::gil_scoped_release unlocked;
               lines->jsonl = coder.code_batch(std::move(recs), warnings);
             }
             return py::make_tuple(std::move(lines), error.empty() ? py::object(py::none()) : py::str(error),
                                   warnings);
           },
           py::arg("docs"), py::arg("first") = 1, py::arg("date") = py::none(), py::arg("jsonl") = false)
      // The same into `table`'s event columns; returns (error or None, warnings).
      .def("code_columns",
           [](Coder& coder, EventColumns& table, const py::list& docs, uint32_t first, const py::object& date,
              bool jsonl) {
             std::vector<parley::io::InputRecord> recs;
             const std::string error =
                 parley::python::read_docs(docs, first, parley::python::date_argument(date), jsonl, recs);
             std::vector<std::string> warnings;
             {
               py::gil_scoped_release unlocked;
               coder.code_batch_columns(std::move(recs), table, warnings);
             }
             return py::make_tuple(error.empty() ? py::object(py::none()) : py::object(py::str(error)), warnings);
           },
           py::arg("table"), py::arg("docs"), py::arg("first") = 1, py::arg("date") = py::none(),
           py::arg("jsonl") = false)
      .def_property_readonly("peak_concurrent_calls", &Coder::peak_concurrent_calls,
                             "The most code() calls coding at the same moment so far (GIL released).");

  py::class_<parley::python::CodedLines>(m, "CodedLines")
      // Any JSON Lines text, so tests can hold records() to json.loads().
      .def(py::init([](const py::bytes& jsonl) { return parley::python::CodedLines{std::string(jsonl)}; }))
      .def("records", [](const parley::python::CodedLines& lines) { return parley::python::to_records(lines.jsonl); },
           "The records as a list of dicts (made on each call).");

  // Event rows gathered by Coder.code_columns() (python/event_columns.h).
  py::class_<EventColumns>(m, "EventTable")
      .def(py::init<>())
      .def_property_readonly("rows", &EventColumns::rows)
      // [(name, type, values, valid)] in flat_columns() order, emptying the
      // table (python/column_arrays.h).
      .def("take_arrays", &parley::python::take_column_arrays, py::arg("na"));

  m.attr("Coder").attr("code_files") = py::cpp_function(
      [](Coder& coder, const std::vector<std::string>& inputs, const std::string& out, const std::string& format) {
        std::vector<std::string> bad, warnings;
        int64_t documents = 0;
        {
          py::gil_scoped_release unlocked;
          documents = coder.code_files(inputs, out, format, bad, warnings);
        }
        return py::make_tuple(documents, bad, warnings);
      },
      py::is_method(m.attr("Coder")), py::arg("inputs"), py::arg("out"), py::arg("format") = "jsonl");

  m.attr("Coder").attr("code_files_columns") = py::cpp_function(
      [](Coder& coder, const std::vector<std::string>& inputs, EventColumns& table) {
        std::vector<std::string> bad, warnings;
        int64_t documents = 0;
        {
          py::gil_scoped_release unlocked;
          documents = coder.code_files_columns(inputs, table, bad, warnings);
        }
        return py::make_tuple(documents, bad, warnings);
      },
      py::is_method(m.attr("Coder")), py::arg("inputs"), py::arg("table"));

  m.def("flat_columns", [] {
    py::list out;
    for (const parley::FlatColumn& c : parley::flat_columns())
      out.append(py::make_tuple(c.name, py::tuple(py::cast(c.path)), c.type));
    return out;
  }, "The flat event columns of `parley code --format csv`: (name, path in the event record, type).");
  m.attr("default_dicts_dir") = parley::python::default_dicts_dir();
}
