// `--progress` for `parley code` and `parley ingest`: one self-rewriting line
// on stderr ("\r...\x1b[K"), never on stdout.
//
//   parley: 12,345 records, 18,200 sentences/s, 41% of 52.3 MB, ETA 1m05s
//
// Redrawn at most every 250 ms (the first update is drawn at once), erased
// before any warning is printed and when the run ends, so the terminal keeps
// only the messages.  The ETA is shown only when the input size is known
// (regular JSONL or text files; not stdin, pipes or XML): elapsed time times
// bytes left over bytes read.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include "pipeline/driver.h"

namespace CLI {
class App;
class Option;
}

namespace parley::cli {

class ProgressLine : public RunObserver {
 public:
  explicit ProgressLine(std::FILE* out);

  void progress(const RunProgress& progress) override;
  void before_message() override;

  // The text of one update after `seconds` (no "\r", no escape): for tests.
  static std::string describe(const RunProgress& progress, double seconds);

 private:
  void erase();

  std::FILE* out_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false, ever_drawn_ = false;
};

// --progress / --no-progress on `cmd`; whether to show progress is then
// progress_wanted(): as forced, else on when stderr is a terminal.
struct ProgressFlag {
  bool value = false;
  CLI::Option* option = nullptr;
};
void add_progress_flags(CLI::App* cmd, ProgressFlag& flag);
bool progress_wanted(const ProgressFlag& flag);

}  // namespace parley::cli
