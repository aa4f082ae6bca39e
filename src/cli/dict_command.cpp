// `parley dict ...`: tools for the people who keep dictionaries (issue 3).
//
//   parley dict check [DIR] [--verbs F --actors F,G ...]
//       loads a set and prints "file:line: kind: message" for every problem
//       dictcheck/ finds; exit 1 if anything is printed (a load error too),
//       0 if the set is clean.  Without DIR or --dicts, explicit file flags
//       name the whole set; with neither, parley's own set is checked.
//   parley dict unknown CORPUS...   (dict_unknown.cpp)
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "cli/dict_unknown.h"
#include "dictcheck/dictcheck.h"
#include "io/dates.h"
#include "tokens/lexicon.h"

namespace parley::cli {
namespace {

struct CheckArgs {
  DictFlags flags;
  std::string dir;
  bool allow_private = false;
};

int run_dict_check(const CheckArgs& a) {
  DictFlags f = a.flags;
  if (!a.dir.empty()) f.dicts = a.dir;
  DictPaths paths;
  const bool explicit_only =
      f.dicts.empty() && !(f.verbs + f.actors + f.agents + f.discards + f.issues).empty();
  try {
    if (explicit_only) {
      // Only the named files: engine_config() would add parley's own set
      // for the kinds not named.
      paths = dict_overrides(f);
    } else {
      paths = engine_config(f).paths;
    }
  } catch (const DictError& e) {
    std::printf("%s\n", e.what());
    return 1;
  }
  std::unique_ptr<Lexicon> lexicon = std::make_unique<Lexicon>(f.wordnet);
  dictcheck::CheckOptions options;
  options.allow_private_codes = a.allow_private;
  options.lexicon = lexicon.get();
  std::vector<dictcheck::Finding> findings;
  try {
    findings = dictcheck::load_and_check(paths, options);
  } catch (const DictError& e) {
    std::printf("%s\n", e.what());
    return 1;
  }
  for (const dictcheck::Finding& x : findings) std::printf("%s\n", dictcheck::format(x).c_str());
  std::fflush(stdout);
  if (!findings.empty()) std::fprintf(stderr, "parley: dict check: %zu problem(s)\n", findings.size());
  return findings.empty() ? 0 : 1;
}

}  // namespace

void add_dict_commands(CLI::App& app, Runners& runners) {
  auto* dict = app.add_subcommand("dict", "tools for dictionary keepers: check a set, list what a corpus misses");
  dict->require_subcommand(1);

  auto check_args = std::make_shared<CheckArgs>();
  auto* check = dict->add_subcommand("check", "report duplicate, unreachable, unknown and unmatchable entries");
  add_dict_flags(check, check_args->flags);
  check->add_option("dir", check_args->dir, "dictionary folder with a PETR_config.ini (default: parley's own)");
  check->add_flag("--allow-private-codes", check_args->allow_private, "accept event codes not in the CAMEO table");
  runners.emplace_back(check, [check_args] { return run_dict_check(*check_args); });

  auto unknown_args = std::make_shared<UnknownOptions>();
  auto date_text = std::make_shared<std::string>();
  auto* unknown = dict->add_subcommand("unknown", "list uncoded proper nouns and unmatched verbs of a corpus");
  add_dict_flags(unknown, unknown_args->dicts);
  unknown->add_option("corpus", unknown_args->inputs, "inputs in any `parley code` format ('-' = stdin)")->required();
  unknown->add_option("--date", *date_text, "date of inputs without one, YYYY-MM-DD");
  unknown->add_option("--top", unknown_args->top, "rows per list (default 50)");
  unknown->add_option("--min-count", unknown_args->min_count, "leave out rows seen fewer times (default 1)");
  unknown->add_flag("--json", unknown_args->json, "JSON Lines output");
  runners.emplace_back(unknown, [unknown_args, date_text] {
    if (!parse_date_flag("--date", *date_text, unknown_args->date)) return 2;
    return run_dict_unknown(*unknown_args);
  });
}

}  // namespace parley::cli
