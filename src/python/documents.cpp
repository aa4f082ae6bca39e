#include "python/documents.h"

#include "io/dates.h"
#include "io/readers.h"

namespace py = pybind11;

namespace parley::python {
namespace {

// The UTF-8 of a str (valid while `str` lives); throws for a lone surrogate
// (UnicodeEncodeError), which no UTF-8 can carry.
std::string_view utf8_of(PyObject* str) {
  Py_ssize_t size = 0;
  const char* bytes = PyUnicode_AsUTF8AndSize(str, &size);
  if (!bytes) throw py::error_already_set();
  return {bytes, static_cast<size_t>(size)};
}

std::string type_name(PyObject* value) { return Py_TYPE(value)->tp_name; }

}  // namespace

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

std::string read_docs(const py::list& docs, uint32_t first, int32_t date, std::vector<io::InputRecord>& recs) {
  recs.reserve(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    io::InputRecord rec;
    const py::object doc = docs[i];  // held: read_doc() may run Python code (str() of a key)
    const std::string what = read_doc(doc.ptr(), "docs", first + static_cast<uint32_t>(i), date, rec);
    if (!what.empty()) return error_for(rec, what);
    recs.push_back(std::move(rec));
  }
  return "";
}

HeldLines hold_lines(const py::list& docs, uint32_t first) {
  // The lines are read where Python keeps them (no copy): a str's UTF-8 is
  // cached in the str (for ASCII it is the str's own storage).
  HeldLines out{py::tuple(docs), {}, {}};
  out.lines.reserve(out.held.size());
  for (size_t i = 0; i < out.held.size(); ++i) {
    PyObject* item = out.held[i].ptr();
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
      io::set_record_error(&out.error, "docs", n, io::location_id("docs", n),
                           "a JSON Lines line must be a str or bytes, got " +
                               std::string(py::str(out.held[i].get_type().attr("__name__"))));
      break;
    }
    out.lines.emplace_back(bytes, static_cast<size_t>(size));
  }
  return out;
}

int32_t date_argument(const py::object& date) {
  if (date.is_none()) return 0;
  int32_t d = 0;
  std::string why;
  const std::string given = py::hasattr(date, "isoformat") ? std::string(py::str(date.attr("isoformat")())) : std::string(py::str(date));
  if (!io::parse_record_date(given, &d, &why)) throw py::value_error("unreadable date \"" + given + "\" (" + why + ")");
  return d;
}

}  // namespace parley::python
