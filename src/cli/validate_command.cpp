// `parley validate FILE --dicts DIR [--verbs F ...]`: code a PETRARCH
// validation file and score it; the single-file flags replace the files its
// <Environment> names.
#include <iostream>

#include "cli/commands.h"
#include "validate/validate.h"

namespace parley::cli {

int run_validate(const std::string& file, const DictFlags& flags, bool quiet) {
  ValidationSettings s;
  s.file = file;
  s.dicts_dir = flags.dicts;
  s.wordnet_dir = flags.wordnet;
  s.overrides = dict_overrides(flags);
  ValidationReport report = run_validation(s);
  print_report(report, std::cout, !quiet);
  return report.failed() == 0 ? 0 : 1;
}

}  // namespace parley::cli
