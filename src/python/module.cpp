// The pybind11 module parley._parley: Coder (python/coder.h) with its
// documents converted from Python (dicts or str, or JSON Lines lines read by
// the C++ JSON Lines reader) and its records converted to Python dicts
// (json.loads over the JSON Lines, so the field names and values are the
// JSON output's exactly) or to columns (EventTable: python/event_columns.h,
// handed over as numpy arrays by python/column_arrays.h, for
// Coder.code_frame()), and the flat column table (io/flat_columns.h) for
// parley.to_frame().  The Python-facing API is src/python/parley/.
//
// A document's problems raise ValueError "SOURCE:N: record ID: what", as the
// readers report them: SOURCE is "text" for Coder.code() and "docs" for
// code_many(), N the document's 1-based position.  Dictionaries that do not
// load raise parley.DictError "file:line: what".
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
#include "io/flat_columns.h"
#include "tokens/lexicon.h"

namespace py = pybind11;

namespace parley::python {
namespace {

// JSON Lines -> a list of dicts, in one json.loads call.
py::list to_records(const std::string& jsonl) {
  if (jsonl.empty()) return py::list();
  std::string array = "[";
  array.append(jsonl, 0, jsonl.size() - 1);  // without the last '\n'
  for (size_t i = 1; i < array.size(); ++i)
    if (array[i] == '\n') array[i] = ',';   // JSON strings escape their newlines
  array += ']';
  // Kept for the process's life: a static py::object would be released at
  // exit without the GIL.
  static py::object* loads = new py::object(py::module_::import("json").attr("loads"));
  return (*loads)(py::str(array));
}

// Fills `rec` from a document given as text, or a mapping with "text" and
// optional "id", "date" and other members (passed through to every record).
// Returns "" or what is wrong.  A document without a date (none given, or
// None) takes `date`; if that is 0 too, rec.warning says so, in the words
// of `parley code` (io::set_record_date()).
std::string read_doc(const py::handle& doc, const std::string& source, uint32_t n, int32_t date, io::InputRecord& rec) {
  rec.clear();
  rec.source_file = source;
  rec.source_line = n;
  rec.id = io::location_id(source, n);
  rec.date = date;
  std::string problem;
  bool dated = false;
  py::object text = py::none();
  auto note = [&](std::string what) { if (problem.empty()) problem = std::move(what); };
  if (py::isinstance<py::str>(doc)) {
    text = py::reinterpret_borrow<py::object>(doc);
  } else if (py::isinstance<py::dict>(doc)) {
    py::dict extra;
    for (auto [key, value] : py::reinterpret_borrow<py::dict>(doc)) {
      const std::string k = py::str(key);
      if (k == "text") {
        text = py::reinterpret_borrow<py::object>(value);
      } else if (k == "id") {
        if (py::isinstance<py::str>(value) || (py::isinstance<py::int_>(value) && !py::isinstance<py::bool_>(value)))
          rec.id = py::str(value);
        else
          note("field \"id\" must be a string or an integer, got " + std::string(py::str(value.get_type().attr("__name__"))));
      } else if (k == "date") {
        if (!value.is_none()) {
          int32_t d = 0;
          std::string why = "expected a str, an int YYYYMMDD, or a date/datetime";
          const std::string given = py::str(value);
          const std::string iso = py::hasattr(value, "isoformat") ? std::string(py::str(value.attr("isoformat")())) : given;
          const bool ok = (py::isinstance<py::str>(value) || py::isinstance<py::int_>(value) ||
                           py::hasattr(value, "isoformat")) && io::parse_record_date(iso, &d, &why);
          if (ok) {
            rec.date = d;
            dated = true;
          } else {
            note("unreadable date \"" + given + "\" (" + why + ")");
          }
        }
      } else {
        extra[key] = value;
      }
    }
    if (py::len(extra)) {
      static py::object* dumps = new py::object(py::module_::import("json").attr("dumps"));
      rec.extra_json = py::str((*dumps)(extra, py::arg("ensure_ascii") = false, py::arg("separators") = py::make_tuple(",", ":")));
    }
    if (text.is_none() && problem.empty()) note("missing field \"text\"");
  } else {
    return "a document must be a str or a dict with \"text\", got " + std::string(py::str(doc.get_type().attr("__name__")));
  }
  if (!problem.empty()) return problem;
  if (!dated) io::set_record_date(rec, nullptr, "", date);
  if (!py::isinstance<py::str>(text)) return "field \"text\" must be a string";
  rec.text = text.cast<std::string>();  // a lone surrogate raises UnicodeEncodeError
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
      const std::string what = read_doc(docs[i], "docs", first + static_cast<uint32_t>(i), date, rec);
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
             const std::string what = parley::python::read_doc(doc, "text", 1, parley::python::date_argument(date), rec);
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
      // (records, error, warnings): the records of docs up to the first bad
      // one, that one's message (None if all were good), and the warnings of
      // the documents coded.  `first`: the position of
      // docs[0] in the caller's stream, 1-based.  `jsonl`: docs are lines of
      // JSON Lines.
      .def("code_batch",
           [](Coder& coder, const py::list& docs, uint32_t first, const py::object& date, bool jsonl) {
             std::vector<parley::io::InputRecord> recs;
             const std::string error =
                 parley::python::read_docs(docs, first, parley::python::date_argument(date), jsonl, recs);
             std::string out;
             std::vector<std::string> warnings;
             {
               py::gil_scoped_release unlocked;
               out = coder.code_batch(std::move(recs), warnings);
             }
             return py::make_tuple(parley::python::to_records(out),
                                   error.empty() ? py::object(py::none()) : py::str(error), warnings);
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
