// parley/python: records as Python dicts, for Coder.code() and code_many().
//
// The records are built from the JSON Lines write_coded_json() writes (the
// one definition of their fields, shared with `parley code` and the HTTP
// API), so every dict equals json.loads() of its line: the same keys in the
// same order, ints where the text has an integer ("goldstein": 10), floats
// where it has a fraction, lists for arrays, None/True/False.  The lines are
// read here instead of by json.loads() because that is most of the cost of a
// dict per record: json.loads() needs one Python str of all the text, makes
// every key anew (or looks it up in a per-call memo) and grows every dict as
// it goes; here keys are interned strings made once per process, each dict is
// made at its final size, and ASCII strings are copied without decoding.
// Anything this reader does not expect (NaN, an integer beyond 64 bits, an
// escaped surrogate; none of which parley writes, but a passed-through input
// member may hold) sends that line to json.loads(), so the result is always
// json.loads()'s.
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <string_view>

namespace parley::python {

// The JSON Lines of a batch of documents, coded on code_many()'s coding
// thread (python/batch_queue.h); its records() (module.cpp) makes their dicts
// on the thread that iterates code_many(), so making one batch's dicts
// overlaps coding the next.
struct CodedLines {
  std::string jsonl;
};

// Appends one dict per line of `jsonl` (JSON objects, one per line, each
// ended by '\n') to `list`.  Needs the GIL.  Throws pybind11::error_already_set
// if a line is not JSON at all (json.loads()'s error) or memory runs out.
void append_records(std::string_view jsonl, pybind11::list& list);

}  // namespace parley::python
