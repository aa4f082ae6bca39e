// Internal to cli/: `parley dict unknown`, what a corpus names that the
// dictionaries do not know (dict_unknown.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace parley::cli {

struct UnknownOptions {
  std::vector<std::string> inputs;
  DictFlags dicts;
  int32_t date = 0;        // for inputs without dates
  size_t top = 50;         // rows per list
  size_t min_count = 1;
  bool json = false;
};

// Codes every record, then writes the two lists to stdout.  Bad records are
// reported on stderr and skipped; the status is then 1.
int run_dict_unknown(const UnknownOptions& options);

}  // namespace parley::cli
