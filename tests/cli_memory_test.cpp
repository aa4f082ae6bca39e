// Issue 12, point 5: a 50 MB record peaked at 4.6 GB.  `parley code` now codes
// a long record in pieces of about 1 MiB (Worker::code_in_pieces) and writes
// each piece's events as it goes, so its peak memory grows with the piece,
// not with the record.  The test codes a record of several MB and checks
// that the peak RSS of the run (getrusage of the children) stays within one
// piece's worth and a few bytes per byte of text above the peak of coding one
// sentence; coding the record whole costs some 30 bytes per byte.  The record is small enough
// for the sanitizer build (docs/LIMITS.md, docs/DESIGN.md "Memory").
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "support/run.h"
#include "support/temp_dir.h"

namespace {

using namespace parley::test;

// This test's own sentences in paragraphs, up to `bytes`.
std::string long_record(size_t bytes) {
  static const char* const kSides[] = {"Russia", "Ukraine", "France", "Germany", "China", "Iran", "Egypt"};
  std::string text;
  for (uint32_t n = 0; text.size() < bytes; ++n) {
    const std::string a = kSides[n % 7], b = kSides[(n + 1 + (n / 7) % 6) % 7];
    text += a + " criticized " + b + " for closing the border crossing on Monday. ";
    text += "Officials in " + b + " said the talks with " + a + " would resume in March.\n\n";
  }
  return text;
}

long peak_rss_of_children_kb() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return u.ru_maxrss;
}

// A sanitizer build keeps freed memory in quarantine (256 MB by default),
// which would hide what the pieces give back; keep it small for the child.
std::string small_quarantine() {
  const char* asan = std::getenv("ASAN_OPTIONS");
  return std::string("ASAN_OPTIONS=") + quote_arg(std::string(asan ? asan : "") + ":quarantine_size_mb=8") + " ";
}

TEST(CliMemory, ALongRecordIsCodedInBoundedMemory) {
  const TempDir tmp("cli_memory");
  const std::string small = tmp.write("small.txt", "Russia criticized Ukraine for closing the border on Monday.\n");
  const std::string text = long_record(6u << 20);
  const std::string big = tmp.write("big.txt", text);
  const std::string out = tmp.file("big.jsonl");

  const RunResult one = run_command(small_quarantine() + quote_arg(parley_bin()) + " code --date 2025-08-06 " + small);
  ASSERT_EQ(one.status, 0) << one.err;
  const long base_kb = peak_rss_of_children_kb();
  const RunResult r = run_command(small_quarantine() + quote_arg(parley_bin()) + " code --date 2025-08-06 " + big +
                                  " > " + quote_arg(out));
  ASSERT_EQ(r.status, 0) << r.err;
  const long peak_kb = peak_rss_of_children_kb();

  // Whole, the record took ~30 bytes per byte of text above the base (180 MB
  // here); in pieces it takes one piece's worth (~45 MB) and a few bytes per
  // byte (the input, its repaired copy, the events waiting to be written).
  // AddressSanitizer's redzones and shadow about double every allocation.
  const long text_kb = static_cast<long>(text.size() / 1024);
  long allowed_kb = 5 * text_kb + (64 << 10);
#if defined(__SANITIZE_ADDRESS__)
  allowed_kb *= 2;
#endif
  EXPECT_LT(peak_kb - base_kb, allowed_kb) << "peak " << peak_kb << " KB, one sentence " << base_kb << " KB";
  std::printf("peak RSS %ld KB, one sentence %ld KB, text %ld KB\n", peak_kb, base_kb, text_kb);

  // The pieces' events refer to the whole record: offsets and text agree,
  // and sentence numbers run on past the first piece.
  std::ifstream in(out);
  size_t events = 0;
  uint64_t last_sentence = 0;
  for (std::string line; std::getline(in, line);) {
    const auto v = nlohmann::json::parse(line);
    if (v["type"] != "event") continue;
    ++events;
    last_sentence = v["sentence"].get<uint64_t>();
    if (v["evidence"]["source_offsets"].is_null()) continue;
    const auto& offsets = v["evidence"]["source_offsets"];
    const size_t begin = offsets[0].get<size_t>(), end = offsets[1].get<size_t>();
    ASSERT_LE(end, text.size());
    ASSERT_EQ(text.substr(begin, end - begin), v["evidence"]["source_text"].get<std::string>()) << line;
  }
  EXPECT_GT(events, 50000u);
  EXPECT_GT(last_sentence, 50000u);  // the first piece has some 15,000
}

}  // namespace
