// `--progress` for `parley code` and `parley ingest`, on stderr, never on
// stdout:
//
//   parley: 12,345 records, 18,200 sentences/s, 41% of 52.3 MB, ETA 1m05s
//
// On a terminal, one self-rewriting line ("\r...\x1b[K"): redrawn at most
// every 250 ms (the first update is drawn at once), erased before any
// warning is printed and when the run ends, so the terminal keeps only the
// messages.  Anywhere else (a pipe, a log file: progress asked for with
// --progress) plain lines, no carriage return or escape: the first update,
// then one line at most every 10 s, and a last one when the run ends, so a
// log reads as a record of the run.  The ETA is shown only when the input
// size is known (regular JSONL or text files; not stdin, pipes or XML):
// elapsed time times bytes left over bytes read.
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
  enum class Style { kRedrawnLine, kPlainLines };
  // The style `out` calls for: a redrawn line on a terminal, else plain lines.
  static Style style_for(std::FILE* out);

  explicit ProgressLine(std::FILE* out) : ProgressLine(out, style_for(out)) {}
  ProgressLine(std::FILE* out, Style style);

  void progress(const RunProgress& progress) override;
  void before_message() override;

  // The text of one update after `seconds` (no "\r", no escape): for tests.
  static std::string describe(const RunProgress& progress, double seconds);

 private:
  void erase();

  std::FILE* out_;
  Style style_;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false, ever_drawn_ = false;
  std::string last_line_;  // the last plain line written
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
