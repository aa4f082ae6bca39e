// parley/python: the C++ side of the Python module (import parley).
//
// Coder owns one Engine, loaded once and shared read-only, and lends a
// Worker to each code() call, so Python threads calling code() at once code
// in parallel (the module releases the GIL around code_one()/code_batch()).
// code_batch() runs a list of documents through the one coding driver
// (pipeline/driver.h) on `threads` threads, so its records are exactly those
// `parley code` writes for the same documents.  Everything returned is JSON
// Lines text in write_coded_json()'s vocabulary; module.cpp turns it into
// Python dicts.  Nothing here knows about Python.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "io/input.h"
#include "pipeline/driver.h"
#include "pipeline/engine.h"

namespace parley::python {

// Where parley's own dictionaries are: $PARLEY_DATA_DIR/dict, else the
// source tree's data/dict the module was built from.
std::string default_dicts_dir();

class Coder {
 public:
  // `dicts`: a folder with a PETR_config.ini; empty = parley's own.
  // Throws DictError / LexiconError ("file:line: what").
  Coder(const std::string& dicts, int threads);

  // The records of one document, as JSON Lines.  Thread-safe.
  std::string code_one(const io::InputRecord& doc);

  // The records of `docs`, in order, as JSON Lines.  Documents run through
  // the Driver on `threads` threads; calls are serialised.
  std::string code_batch(std::vector<io::InputRecord> docs);

  // Codes the files `inputs` as `parley code --format FORMAT` would and
  // writes the output to `out_path` (replaced).  Returns the documents
  // coded; each unreadable record's message (FILE:LINE: record ID: what) is
  // appended to `bad`.  Throws std::runtime_error for a file it cannot
  // write or a format it does not know.
  int64_t code_files(const std::vector<std::string>& inputs, const std::string& out_path, const std::string& format,
                     std::vector<std::string>& bad);

  int threads() const { return threads_; }

 private:
  std::shared_ptr<const Engine> engine_;
  int threads_;
  std::mutex workers_mutex_;
  std::vector<std::unique_ptr<Worker>> idle_;  // lent by code_one()
  std::mutex driver_mutex_;
  std::unique_ptr<Driver> driver_;
};

}  // namespace parley::python
