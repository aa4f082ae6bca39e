#include "python/column_arrays.h"

#include <pybind11/numpy.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "io/flat_columns.h"

namespace py = pybind11;

namespace parley::python {
namespace {

using Column = EventColumns::Column;

// A 1-d numpy array of dtype `Element` over `values`' buffer, which the array
// owns from now on (no copy).
template <class Element, class T>
py::array hand_over(std::vector<T>&& values) {
  static_assert(sizeof(Element) == sizeof(T));
  auto owned = std::make_unique<std::vector<T>>(std::move(values));
  const auto size = static_cast<py::ssize_t>(owned->size());
  const void* data = owned->data();
  py::capsule keep(owned.get(), [](void* p) { delete static_cast<std::vector<T>*>(p); });
  owned.release();  // the capsule deletes it
  return py::array(py::dtype::of<Element>(), std::vector<py::ssize_t>{size}, std::vector<py::ssize_t>{}, data, keep);
}

py::array strings(const Column& c, size_t rows, const py::object& na) {
  py::array values(py::dtype("object"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(rows)});
  // numpy fills a new object array with NULLs.  Each cell is written once and
  // never read: reading first would map each page to the zero page and
  // fault again, copying it, on the write.
  auto** cells = static_cast<PyObject**>(values.mutable_data());
  std::unordered_map<std::string_view, PyObject*> seen;
  py::list keep;  // owns one reference to each distinct str until the cells hold theirs
  for (size_t r = 0; r < rows; ++r) {
    PyObject* cell = na.ptr();
    if (c.valid[r]) {
      const std::string_view s = c.string(r);
      auto [it, fresh] = seen.try_emplace(s, nullptr);
      if (fresh) {
        py::str str(s.data(), s.size());
        it->second = str.ptr();
        keep.append(std::move(str));
      }
      cell = it->second;
    }
    Py_INCREF(cell);
    cells[r] = cell;
  }
  return values;
}

// Days since 1970-01-01 -> datetime64[ns] nanoseconds, in place; NaT (the
// smallest int64) where missing.  datetime64[ns] spans 1677-09-22 ..
// 2262-04-11: outside it, what pd.to_datetime() refuses, so do we.
void days_to_nanoseconds(Column& c) {
  constexpr int64_t kNsPerDay = 86400 * int64_t{1000000000};
  constexpr int64_t kMaxDays = std::numeric_limits<int64_t>::max() / kNsPerDay - 1;
  for (size_t r = 0; r < c.ints.size(); ++r) {
    int64_t& v = c.ints[r];
    if (c.valid[r] && (v > kMaxDays || v < -kMaxDays))
      throw py::value_error("column date: day " + std::to_string(v) +
                            " after 1970-01-01 is outside datetime64[ns]'s range");
    v = c.valid[r] ? v * kNsPerDay : std::numeric_limits<int64_t>::min();
  }
}

// (values, valid) of one column; see take_column_arrays().
std::pair<py::object, py::object> arrays_of(Column& c, size_t rows, const py::object& na) {
  using Kind = EventColumns::Kind;
  switch (c.kind) {
    case Kind::kString:
      return {strings(c, rows, na), py::none()};
    case Kind::kInt:
      return {hand_over<int64_t>(std::move(c.ints)), hand_over<bool>(std::move(c.valid))};
    case Kind::kFloat:
      return {hand_over<double>(std::move(c.floats)), py::none()};
    case Kind::kBool:
      return {hand_over<bool>(std::move(c.valid)), py::none()};
    case Kind::kDate:
      days_to_nanoseconds(c);
      return {hand_over<int64_t>(std::move(c.ints)), py::none()};
  }
  throw std::logic_error("unknown column kind");
}

}  // namespace

py::list take_column_arrays(EventColumns& table, const py::object& na) {
  const size_t rows = table.rows();
  std::vector<Column> columns = table.release();
  const auto& specs = flat_columns();
  py::list out;
  for (size_t i = 0; i < specs.size(); ++i) {
    auto [values, valid] = arrays_of(columns[i], rows, na);
    out.append(py::make_tuple(specs[i].name, specs[i].type, values, valid));
    columns[i] = Column{};  // a string column's buffers, freed as soon as they are read
  }
  return out;
}

}  // namespace parley::python
