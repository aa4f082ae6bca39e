// parley/cli: the command-line front end.  Each subcommand is one file;
// main.cpp parses arguments (CLI11) and dispatches.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace CLI {
class App;
}

#include "pipeline/engine.h"

namespace parley::cli {

struct CodeOptions {
  std::vector<std::string> inputs;
  // Dictionaries for non-validation inputs; called only when one is met, so
  // coding a validation file never needs the default set.
  std::function<EngineConfig()> engine;
  std::string dicts_dir;         // --dicts, also where validation files' names resolve
  int32_t date = 0;              // --date
  int threads = 1;
  std::string format = "jsonl";  // --format: jsonl, csv or tsv (io/flat_columns.h)
  std::string wordnet_dir = Lexicon::kDefaultDir;
  bool progress = false;         // --progress (cli/progress_line.h)
};

int run_code(const CodeOptions& opts);

int run_explain(const Engine& engine, const std::string& text, int32_t date);

// Subcommands that live in their own files register here: each adds its
// subcommands to `app` and, for each, a runner that main() calls when that
// subcommand was chosen.  The runner's value is the exit status.
using Runner = std::function<int()>;
using Runners = std::vector<std::pair<CLI::App*, Runner>>;
void add_dict_commands(CLI::App& app, Runners& runners);    // dict_command.cpp
void add_store_commands(CLI::App& app, Runners& runners);   // store_commands.cpp
void add_serve_command(CLI::App& app, Runners& runners);    // serve_command.cpp

// Builds the engine configuration from --dicts/--verbs/... (shared by commands).
struct DictFlags {
  std::string dicts, verbs, actors, agents, discards, issues, wordnet = Lexicon::kDefaultDir;
  std::string tagger = "rules";  // rules | perceptron | perceptron-only
  std::string tagger_model;      // default: DATA/tagger/model.txt
};
void add_dict_flags(CLI::App* cmd, DictFlags& flags);
EngineConfig engine_config(const DictFlags& flags);
// The single files --verbs/--actors/--agents/--discards/--issues name (empty
// fields where the flag was not given).
DictPaths dict_overrides(const DictFlags& flags);

// `parley validate`: flags.dicts is where the <Environment>'s names resolve;
// the single-file flags replace the files it names.
int run_validate(const std::string& file, const DictFlags& flags, bool quiet);

// "parley 0.10.0 (abc1234)": the version from CMake's project() and, when
// the build was configured in a git checkout, `git describe` (version.cpp).
std::string version_text();

// A date flag (--date, --from, --to): any form io::parse_record_date()
// reads; "" leaves `out` alone.  Prints "parley: FLAG TEXT: why" and returns
// false when it cannot be read.
bool parse_date_flag(const char* flag, const std::string& text, int32_t& out);

// Where the bundled data (data/dict, ...) lives: $PARLEY_DATA_DIR, else
// <exe>/../share/parley when installed, else the source tree's data/ (for
// build-tree runs).
std::string data_dir();

}  // namespace parley::cli
