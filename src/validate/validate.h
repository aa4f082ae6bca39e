// parley/validate: PETRARCH validation files, coded from raw text and scored.
//
// run_validation() reads a <Validation> file through the pipeline's Driver:
// its <Environment> names the dictionaries (resolved in `dicts_dir`; single
// files may be overridden) and its <Config> elements change options in
// document order.  Every <Sentence sentence="true"> is coded from
// its <Text> alone (any <Parse> is ignored) and its events compared, as a set
// of (source, target, code), with its <EventCoding> elements; noevents and
// error records expect no event.  The report lists each failure with what was
// expected and what came out, a table per category, and the totals.
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "dict/load.h"

namespace parley {

struct ValidationOutcome {
  std::string id, category, text;
  bool passed = false;
  std::vector<std::string> expected, got;  // "SOURCE TARGET CODE", sorted
};

struct ValidationReport {
  std::vector<ValidationOutcome> records;   // coded records, file order
  size_t skipped = 0;                       // sentence != "true"
  std::vector<std::string> errors;          // records that could not be read
  size_t passed() const;
  size_t failed() const;
};

struct ValidationSettings {
  std::string file;
  std::string dicts_dir;         // where the <Environment> file names are found
  std::string wordnet_dir;       // empty = default
  // Files that replace the ones the <Environment> names (--verbs, --actors,
  // --agents, --discards, --issues); empty fields keep the environment's.
  DictPaths overrides;
  int threads = 1;
};

// Throws std::runtime_error (or DictError) when the file or dictionaries
// cannot be loaded at all.
ValidationReport run_validation(const ValidationSettings& settings);

// Failures, a per-category table, and the last line "N passed, N failed".
void print_report(const ValidationReport& report, std::ostream& out, bool list_failures);

}  // namespace parley
