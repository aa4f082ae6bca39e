// parley/python: the columns of an EventColumns table (python/event_columns.h)
// as numpy arrays, for Coder.code_frame() and Coder.code_files_frame().
//
// The table's numeric buffers become the arrays' memory (moved, not copied:
// each array keeps its buffer alive through a capsule), so turning a corpus's
// events into a DataFrame touches no new memory for them.  String columns
// become object arrays of str, with one str object per distinct value of a
// column (codes, actors and verbs repeat a lot).  Needs the GIL.
#pragma once

#include <pybind11/pybind11.h>

#include "python/event_columns.h"

namespace parley::python {

// [(name, type, values, valid)] in flat_columns() order, leaving `table`
// empty.  `values`: int64 (int), float64 with NaN when missing (float), bool
// (bool), int64 nanoseconds since 1970-01-01 with NaT, the smallest int64,
// when missing (date), or object arrays of str with `na` when missing
// (string).  `valid`: a bool array for int columns, else None.  Throws
// ValueError for a date outside datetime64[ns]'s range (1677..2262).
pybind11::list take_column_arrays(EventColumns& table, const pybind11::object& na);

}  // namespace parley::python
