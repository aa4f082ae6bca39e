// parley/python: the event rows of coded documents as columns, for
// Coder.code_frame() (a pandas DataFrame without a Python object per record).
//
// The columns are io/flat_columns.h's, filled from each event line of the
// JSON the coder renders with read_flat_values(), exactly as `parley code
// --format csv` fills its rows, so a frame holds the CSV's values.  Strings
// are kept in one buffer per column; numbers, flags and dates (days since
// 1970-01-01) in plain arrays with a validity mask.  module.cpp turns them
// into numpy/pandas arrays.  Nothing here knows about Python.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/flat_columns.h"

namespace parley::python {

class EventColumns {
 public:
  enum class Kind { kString, kInt, kFloat, kBool, kDate };
  struct Column {
    Kind kind;
    std::string chars;            // kString: the values one after another
    std::vector<uint64_t> ends;   // kString: where each row's value ends in `chars`
    std::vector<int64_t> ints;    // kInt: the value; kDate: days since 1970-01-01
    std::vector<double> floats;   // kFloat: the value, NaN when missing
    std::vector<uint8_t> valid;   // kString, kInt, kDate: 0 when missing; kBool: the flag
    std::string_view string(size_t row) const {
      const uint64_t begin = row ? ends[row - 1] : 0;
      return std::string_view(chars).substr(begin, ends[row] - begin);
    }
  };

  EventColumns();

  // Reads the values of each event line of `jsonl` (one document's records
  // as JSON Lines; quotes and deadlines have no rows) into events[0..n),
  // growing `events` as needed and reusing its strings; returns n.
  static size_t read_events(std::string_view jsonl, std::vector<std::vector<FlatValue>>& events);
  // Appends one event's values as a row.  Throws std::invalid_argument
  // "column NAME: ..." for a value of the wrong type.
  void add_row(const std::vector<FlatValue>& values);
  // Appends a row for each event line of `jsonl`.
  void add_events(std::string_view jsonl);

  size_t rows() const { return rows_; }
  const std::vector<Column>& columns() const { return columns_; }
  // Hands the columns over (rows() values each; their buffers moved, not
  // copied) and leaves the table empty: no rows, columns as when made.
  std::vector<Column> release();

 private:
  std::vector<Column> columns_;  // as flat_columns()
  size_t rows_ = 0;
  std::vector<std::vector<FlatValue>> scratch_;  // for add_events()
};

}  // namespace parley::python
