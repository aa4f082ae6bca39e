// Issue 12, point 5: a 50 MB record peaked at 4.6 GB.  `parley code` now codes
// a long record in pieces of about 1 MiB (Worker::code_in_pieces) and writes
// each piece's events as it goes, so its peak memory grows with the piece,
// not with the record.  The test codes a record of several MB and checks
// that the peak RSS of the run (getrusage of the children) stays within one
// piece's worth and a few bytes per byte of text above the peak of coding one
// sentence; coding the record whole costs some 30 bytes per byte.  The record is small enough
// for the sanitizer build (docs/LIMITS.md, docs/DESIGN.md "Memory").
#include <gtest/gtest.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

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

// Runs `args` with stdout and stderr to `out` and returns its own peak RSS
// (wait4), whatever other children this process ran before; -1 if it
// failed.  ASAN_OPTIONS is set as small_quarantine() says.
long run_and_measure_kb(std::vector<std::string> args, const std::string& out) {
  const char* asan = std::getenv("ASAN_OPTIONS");
  const std::string quarantine = std::string(asan ? asan : "") + ":quarantine_size_mb=8";
  setenv("ASAN_OPTIONS", quarantine.c_str(), 1);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&files, 1, 2);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  if (asan) setenv("ASAN_OPTIONS", asan, 1); else unsetenv("ASAN_OPTIONS");
  if (rc != 0) return -1;
  int status = 0;
  rusage u{};
  if (wait4(pid, &status, 0, &u) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  return u.ru_maxrss;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// `ingest` of a long record writes its pieces to the store as they are coded
// (store::DocumentWriter, one transaction), so it holds about what `code`
// holds plus the store writer's page cache (64 MiB), not every record of the
// document.  For this record, above the base: `code` 68 MB; ingest of the
// whole document at once 246 MB; in pieces 153 MB.
TEST(CliMemory, ALongRecordIsIngestedInBoundedMemory) {
  const TempDir tmp("cli_memory_ingest");
  const std::string small = tmp.write("small.txt", "Russia criticized Ukraine for closing the border on Monday.\n");
  const std::string text = long_record(6u << 20);
  const std::string big = tmp.write("big.txt", text);

  const std::string small_log = tmp.file("small.log"), big_log = tmp.file("big.log");
  const long base_kb = run_and_measure_kb({parley_bin(), "ingest", "--db", tmp.file("small.db"), "--date",
                                           "2025-08-06", small}, small_log);
  ASSERT_GT(base_kb, 0) << read_file(small_log);
  const long peak_kb = run_and_measure_kb({parley_bin(), "ingest", "--db", tmp.file("big.db"), "--date",
                                           "2025-08-06", big}, big_log);
  ASSERT_GT(peak_kb, 0) << read_file(big_log);

  const long text_kb = static_cast<long>(text.size() / 1024);
  long allowed_kb = 5 * text_kb + (160 << 10);  // 190 MB here
#if defined(__SANITIZE_ADDRESS__)
  allowed_kb *= 2;
#endif
  EXPECT_LT(peak_kb - base_kb, allowed_kb) << "peak " << peak_kb << " KB, one sentence " << base_kb << " KB";
  std::printf("ingest peak RSS %ld KB, one sentence %ld KB, text %ld KB\n", peak_kb, base_kb, text_kb);

  // Every piece's events were stored, under the one document.
  const std::string log = read_file(big_log);
  const size_t at = log.find("stored 1 document(s), ");
  ASSERT_NE(at, std::string::npos) << log;
  EXPECT_GT(std::stol(log.substr(at + 22)), 50000) << log;
}

}  // namespace
