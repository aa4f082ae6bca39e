// `parley code`: inputs in, JSON Lines events (or flat CSV/TSV event rows)
// out, optionally on N threads.
//
// The Driver (pipeline/driver.h) reads, batches and codes; OutputSink
// (pipeline/output_sink.h) renders each document's records on the worker
// thread that coded it and writes them to stdout in input order, so the
// output is byte-identical whatever the thread count.
#include <cstdio>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/progress_line.h"
#include "pipeline/driver.h"
#include "pipeline/output_sink.h"

namespace parley::cli {

int run_code(const CodeOptions& opts) {
  DriverOptions d;
  d.threads = opts.threads;
  d.date = opts.date;
  d.engine = opts.engine;
  d.dicts_dir = opts.dicts_dir;
  d.wordnet_dir = opts.wordnet_dir;
  ProgressLine progress(stderr);
  if (opts.progress) d.observer = &progress;
  Driver driver(d);
  std::optional<FlatFormat> flat;
  parse_output_format(opts.format, flat);  // CLI11 admits only the three names
  int status = 0;
  OutputSink sink(
      driver.batch_size(), flat, stdout,
      [&status](const std::string& message) {
        std::fprintf(stderr, "parley: %s\n", message.c_str());
        status = 1;
      },
      [](const std::string& message) { std::fprintf(stderr, "parley: %s\n", message.c_str()); });
  driver.run(opts.inputs, sink);
  std::fflush(stdout);
  return status;
}

}  // namespace parley::cli
