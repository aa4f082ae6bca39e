// `parley dict ...`: tools for the people who keep dictionaries (issue 3).
#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace parley::cli {

void add_dict_commands(CLI::App& app, Runners& runners) {}

}  // namespace parley::cli
