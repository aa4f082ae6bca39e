// `parley validate FILE --dicts DIR`: code a PETRARCH validation file and score it.
#include <iostream>

#include "cli/commands.h"
#include "validate/validate.h"

namespace parley::cli {

int run_validate(const std::string& file, const std::string& dicts_dir, const std::string& wordnet_dir, bool quiet) {
  ValidationSettings s;
  s.file = file;
  s.dicts_dir = dicts_dir;
  s.wordnet_dir = wordnet_dir;
  ValidationReport report = run_validation(s);
  print_report(report, std::cout, !quiet);
  return report.failed() == 0 ? 0 : 1;
}

}  // namespace parley::cli
