// parley/python: _parley.CodingQueue, the batches of code_many() and
// code_frame() coded on a CodingThread (python/coding_thread.h) while the
// caller's thread reads the next batch and makes the previous one's dicts.
//
// submit(docs, first) takes a batch on the caller's thread, with the GIL:
// documents given as dicts or str are read there (python/documents.h: that
// is Python object work anyway); lines of JSON Lines are only taken where
// Python keeps them, and read by the C++ JSON Lines reader on the coding
// thread.  next() waits, with the GIL released, for the oldest batch and
// returns its records: (CodedLines, error or None, warnings) for code_many(),
// whose CodedLines.records() are the dicts; (error or None, warnings) when
// the queue fills an EventTable, for code_frame().  `error` is the first bad
// document's message; the records are those of the documents before it.
// The coding thread never takes the GIL (the point of it), so a batch's
// Python objects are only touched in submit(), next() and on destruction,
// all on a thread that holds the GIL.
#pragma once

#include <pybind11/pybind11.h>

namespace parley::python {

// Adds CodingQueue to the module (after Coder, CodedLines and EventTable).
void bind_batch_queue(pybind11::module_& m);

}  // namespace parley::python
