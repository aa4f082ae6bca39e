// The input readers (JSON Lines, PETRARCH XML, plain text) through their
// public API, InputReader::open() on a file, with the format forced by
// PARLEY_FUZZ_FORMAT (one harness binary per reader).  Every record is read:
// next() must end, and a record it yields must satisfy what input.h promises.
#include <cstdint>

#include "fuzz_support.h"
#include "io/input.h"

using namespace parley;

namespace {
fuzz::ScratchCleanup cleanup{".input"};
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = fuzz::write_scratch(data, size, ".input");
  io::ReaderOptions options;
  options.format = io::InputFormat::PARLEY_FUZZ_FORMAT;
  // Small limits, so that inputs the fuzzer can reach cross them.
  options.max_record_bytes = 2048;
  options.max_xml_bytes = 1 << 20;
  options.max_xml_depth = 16;
  auto reader = io::InputReader::open(path, options);
  PARLEY_FUZZ_CHECK(reader != nullptr);
  io::InputRecord rec;
  std::string error;
  // Each record or error consumes input, so there are at most size + 2 of
  // them; more means next() is stuck.
  size_t steps = 0;
  while (true) {
    rec.clear();
    error.clear();
    if (!reader->next(rec, error)) break;
    PARLEY_FUZZ_CHECK(++steps <= size + 2);
    if (!error.empty()) continue;
    if (rec.kind == io::InputRecord::kDocument) {
      PARLEY_FUZZ_CHECK(rec.text.size() <= options.max_record_bytes);
      PARLEY_FUZZ_CHECK(rec.text.find('\0') == std::string::npos);
    }
  }
  return 0;
}
