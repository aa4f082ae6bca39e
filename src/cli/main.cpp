// parley: raw news text in, CAMEO events out.  See README.md.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/progress_line.h"
#include "dict/load.h"
#include "io/dates.h"
#include "syntax/perceptron_train.h"
#include "tokens/lexicon.h"

namespace parley::cli {

std::string data_dir() {
  if (const char* env = std::getenv("PARLEY_DATA_DIR"); env && *env) return env;
  // Installed: <prefix>/bin/parley next to <prefix>/share/parley.
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const auto installed = exe.parent_path().parent_path() / "share" / "parley";
  if (!ec && std::filesystem::exists(installed / "dict", ec)) return installed.string();
  // The build tree's binary: the source tree's data/.
  return PARLEY_SOURCE_DATA_DIR;
}

}  // namespace parley::cli

namespace {

std::vector<std::string> split_commas(const std::string& s);

}  // namespace

namespace parley::cli {

// A comma-separated list of files.  An empty name (",,," or "a,,b") is an
// error: dropped silently, it left the config's files in use unannounced.
const CLI::Validator kFileList(
    [](std::string& value) -> std::string {
      const size_t names = static_cast<size_t>(std::count(value.begin(), value.end(), ',')) + 1;
      return split_commas(value).size() == names ? "" : "empty file name in \"" + value + "\"";
    },
    "FILE[,FILE...]");

void add_dict_flags(CLI::App* cmd, DictFlags& f) {
  cmd->add_option("--dicts", f.dicts, "dictionary folder with a PETR_config.ini (default: parley's own)");
  cmd->add_option("--verbs", f.verbs, "verb dictionary (overrides the config)")->check(kFileList);
  cmd->add_option("--actors", f.actors, "actor dictionaries, comma-separated (override the config)")
      ->check(kFileList);
  cmd->add_option("--agents", f.agents, "agent dictionary (overrides the config)");
  cmd->add_option("--discards", f.discards, "discard dictionary (overrides the config)");
  cmd->add_option("--issues", f.issues, "issue dictionary (overrides the config)");
  cmd->add_option("--wordnet", f.wordnet, "WordNet data folder (default /usr/share/wordnet)");
  cmd->add_option("--tagger", f.tagger,
                  "part-of-speech first guess: rules (default), perceptron (trained model, then the few rules that still help), "
                  "perceptron-only")
      ->check(CLI::IsMember({"rules", "perceptron", "perceptron-only"}));
  cmd->add_option("--tagger-model", f.tagger_model, "perceptron model file (default: parley's data/tagger/model.txt)");
}

DictPaths dict_overrides(const DictFlags& f) {
  DictPaths p;
  p.verbs = split_commas(f.verbs);
  p.actors = split_commas(f.actors);
  p.agents = f.agents;
  p.discards = f.discards;
  p.issues = f.issues;
  return p;
}

EngineConfig engine_config(const DictFlags& f) {
  EngineConfig cfg;
  cfg.wordnet_dir = f.wordnet;
  cfg.tagger_mode = f.tagger == "perceptron"        ? parley::TaggerMode::kPerceptron
                    : f.tagger == "perceptron-only" ? parley::TaggerMode::kPerceptronOnly
                                                    : parley::TaggerMode::kRules;
  cfg.tagger_model = f.tagger_model.empty() ? data_dir() + "/tagger/model.txt" : f.tagger_model;
  const std::string dir = f.dicts.empty() ? data_dir() + "/dict" : f.dicts;
  const std::string ini = dir + "/PETR_config.ini";
  cfg.paths = read_config(ini);
  read_config_options(ini, cfg.dict_options);
  const DictPaths over = dict_overrides(f);
  if (!over.verbs.empty()) cfg.paths.verbs = over.verbs;
  if (!over.actors.empty()) cfg.paths.actors = over.actors;
  if (!over.agents.empty()) cfg.paths.agents = over.agents;
  if (!over.discards.empty()) cfg.paths.discards = over.discards;
  if (!over.issues.empty()) cfg.paths.issues = over.issues;
  return cfg;
}

bool parse_date_flag(const char* flag, const std::string& text, int32_t& out) {
  if (text.empty()) return true;
  std::string why;
  if (io::parse_record_date(text, &out, &why)) return true;
  std::fprintf(stderr, "parley: %s %s: %s (expected a date such as 2026-03-03 or \"March 3, 2026\")\n", flag,
               text.c_str(), why.c_str());
  return false;
}

}  // namespace parley::cli

namespace {

using parley::cli::DictFlags;
using parley::cli::add_dict_flags;
using parley::cli::engine_config;

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    std::string part = s.substr(start, comma - start);
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) out.push_back(part);
    start = comma + 1;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"parley: raw news text in, CAMEO political events out"};
  app.require_subcommand(1);
  app.set_version_flag("--version", parley::cli::version_text(), "print the version and exit");

  DictFlags code_flags;
  parley::cli::CodeOptions code;
  std::string date_text;
  auto* code_cmd = app.add_subcommand("code", "code documents and write JSON Lines events to stdout");
  add_dict_flags(code_cmd, code_flags);
  code_cmd->add_option("--date", date_text,
                       "date of records without one (plain text; JSONL/XML records with no or an unreadable date)");
  code_cmd->add_option("--threads", code.threads, "worker threads (output is identical for any number)")
      ->check(CLI::Range(1, 256));
  code_cmd->add_option("--format", code.format,
                       "jsonl (every record), or csv / tsv: one event per row, columns in docs/FLAT_COLUMNS.md")
      ->check(CLI::IsMember({"jsonl", "csv", "tsv"}));
  code_cmd->add_option("inputs", code.inputs, "input files: plain text, JSON Lines, PETRARCH XML ('-' = stdin)")
      ->required();
  parley::cli::ProgressFlag code_progress;
  parley::cli::add_progress_flags(code_cmd, code_progress);

  DictFlags val_flags;
  std::string val_file;
  bool quiet = false;
  parley::TrainOptions train_opt;
  std::string tagger_eval_model, tagger_eval_conllu;
  auto* tagger_cmd = app.add_subcommand("tagger", "train or measure the perceptron part-of-speech tagger");
  tagger_cmd->require_subcommand(1);
  auto* train_cmd = tagger_cmd->add_subcommand("train", "train the model on Brown, UD EWT dev and UD PUD in --shared");
  train_cmd->add_option("--shared", train_opt.shared_dir, "the shared data folder (default ../shared)");
  train_cmd->add_option("--out", train_opt.out, "model file to write (default data/tagger/model.txt)");
  train_cmd->add_option("--iterations", train_opt.iterations, "passes over the data (default 6)");
  train_cmd->add_option("--ud-weight", train_opt.ud_weight, "times each UD sentence counts (default 10)");
  train_cmd->add_option("--prune", train_opt.prune, "drop averaged weights below this (default 0.2)");
  train_cmd->add_option("--wordnet", train_opt.wordnet_dir, "WordNet data folder");
  train_cmd->add_option("--hold-out", train_opt.hold_out,
                        "leave out EWT dev sentences whose index % 5 is this (for error analysis; see tagger eval --fold)")
      ->check(CLI::Range(0, 4));
  train_cmd->add_flag("!--no-adapt", train_opt.adapt, "one weight per feature for Brown and UD alike (no per-corpus copies)");
  auto* teval_cmd = tagger_cmd->add_subcommand("eval", "accuracy of a model alone on a CoNLL-U file's own tokens");
  teval_cmd->add_option("conllu", tagger_eval_conllu, "treebank file")->required();
  teval_cmd->add_option("--model", tagger_eval_model, "model file (default parley's data/tagger/model.txt)");
  int tagger_eval_fold = -1;
  teval_cmd->add_option("--fold", tagger_eval_fold, "score only the sentences whose index % 5 is this (see train --hold-out)")
      ->check(CLI::Range(0, 4));

  auto* val_cmd = app.add_subcommand("validate", "code a PETRARCH validation file and score it");
  add_dict_flags(val_cmd, val_flags);
  val_cmd->add_option("file", val_file, "validation XML (root <Validation>)")->required();
  val_cmd->add_flag("--quiet", quiet, "print only the table and totals");

  DictFlags ex_flags;
  std::string ex_text, ex_date;
  bool ex_tabari = false;
  auto* ex_cmd = app.add_subcommand("explain", "show tokens, tags, chunks, actors, verbs and events of a text");
  add_dict_flags(ex_cmd, ex_flags);
  ex_cmd->add_option("text", ex_text, "the text")->required();
  ex_cmd->add_option("--date", ex_date, "YYYY-MM-DD");
  ex_cmd->add_flag("--tabari", ex_tabari, "read the dictionaries as TABARI/validation dictionaries");

  parley::cli::Runners runners;
  parley::cli::add_dict_commands(app, runners);
  parley::cli::add_store_commands(app, runners);
  parley::cli::add_serve_command(app, runners);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  try {
    if (*code_cmd) {
      if (!parley::cli::parse_date_flag("--date", date_text, code.date)) return 2;
      code.progress = parley::cli::progress_wanted(code_progress);
      code.dicts_dir = code_flags.dicts;
      code.wordnet_dir = code_flags.wordnet;
      code.engine = [&code_flags] { return engine_config(code_flags); };
      return parley::cli::run_code(code);
    }
    if (*train_cmd) return parley::train_tagger(train_opt);
    if (*teval_cmd) {
      return parley::eval_tagger(tagger_eval_model.empty() ? parley::cli::data_dir() + "/tagger/model.txt" : tagger_eval_model,
                                 tagger_eval_conllu, train_opt.wordnet_dir, tagger_eval_fold);
    }
    if (*ex_cmd) {
      int32_t date = 0;
      if (!parley::cli::parse_date_flag("--date", ex_date, date)) return 2;
      parley::EngineConfig cfg;
      if (ex_tabari) {
        // The validation suite's file names, in the folder --dicts names.
        if (ex_flags.dicts.empty()) {
          std::fprintf(stderr, "parley: explain --tabari needs --dicts DIR, the folder of the PETR.Validate.* dictionaries\n");
          return 2;
        }
        const std::string d = ex_flags.dicts;
        cfg.wordnet_dir = ex_flags.wordnet;
        cfg.dialect = parley::Dialect::kTabari;
        cfg.paths.verbs = {d + "/PETR.Validate.verbs.txt"};
        cfg.paths.actors = {d + "/PETR.Validate.actors.txt"};
        cfg.paths.agents = d + "/PETR.Validate.agents.txt";
        cfg.paths.discards = d + "/PETR.Validate.discards.txt";
      } else {
        cfg = engine_config(ex_flags);
      }
      parley::Engine engine(cfg);
      return parley::cli::run_explain(engine, ex_text, date);
    }
    for (auto& [cmd, run] : runners)
      if (*cmd) return run();
    if (*val_cmd) {
      return parley::cli::run_validate(val_file, val_flags, quiet);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "parley: %s\n", e.what());
    return 2;
  }
  return 0;
}
