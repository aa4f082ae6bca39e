// `parley code`: inputs in, JSON Lines events out, optionally on N threads.
//
// The Driver (pipeline/driver.h) reads, batches and codes; this sink renders
// each document's records as JSON Lines on the worker thread that coded it
// and writes them to stdout in input order, so the output is byte-identical
// whatever the thread count.
#include <cstdio>
#include <vector>

#include "cli/commands.h"
#include "io/json_writer.h"
#include "pipeline/coded_json.h"
#include "pipeline/driver.h"

namespace parley::cli {
namespace {

class JsonLinesSink : public RecordSink {
 public:
  explicit JsonLinesSink(size_t slots) : out_(slots) {}

  void render(size_t slot, const CodedRecord& r) override {
    io::JsonWriter& w = out_[slot];
    w.clear();
    write_coded_json(w, r.doc, r.engine.dicts(), r.coded, r.input.extra_json);
  }
  void deliver(size_t slot, const io::InputRecord&) override {
    std::fwrite(out_[slot].data().data(), 1, out_[slot].data().size(), stdout);
  }
  void bad_record(const std::string& message) override {
    std::fprintf(stderr, "parley: %s\n", message.c_str());
    status = 1;
  }
  void warning(const std::string& message) override { std::fprintf(stderr, "parley: %s\n", message.c_str()); }

  int status = 0;

 private:
  std::vector<io::JsonWriter> out_;  // per slot; keeps capacity across batches
};

}  // namespace

int run_code(const CodeOptions& opts) {
  DriverOptions d;
  d.threads = opts.threads;
  d.date = opts.date;
  d.engine = opts.engine;
  d.dicts_dir = opts.dicts_dir;
  d.wordnet_dir = opts.wordnet_dir;
  Driver driver(d);
  JsonLinesSink sink(driver.batch_size());
  driver.run(opts.inputs, sink);
  std::fflush(stdout);
  return sink.status;
}

}  // namespace parley::cli
