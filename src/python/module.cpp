// The pybind11 module parley._parley: Coder (python/coder.h) with its
// documents converted from Python (python/documents.h: dicts or str, or JSON
// Lines lines read by the C++ JSON Lines reader), its batches coded on a
// thread of its own (CodingQueue: python/batch_queue.h), and its records
// converted to Python dicts (python/record_objects.h: from the JSON Lines
// `parley code` writes, so the field names and values are the JSON output's
// exactly) or to columns (EventTable: python/event_columns.h, handed over as
// numpy arrays by python/column_arrays.h, for Coder.code_frame()), and the
// flat column table (io/flat_columns.h) for parley.to_frame().  The
// Python-facing API is src/python/parley/.
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
#include "io/flat_columns.h"
#include "python/batch_queue.h"
#include "python/coder.h"
#include "python/column_arrays.h"
#include "python/documents.h"
#include "python/record_objects.h"
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

  parley::python::bind_batch_queue(m);

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
