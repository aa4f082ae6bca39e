// `parley serve`: the HTTP API and dashboard (issue 5).
#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace parley::cli {

void add_serve_command(CLI::App& app, Runners& runners) {}

}  // namespace parley::cli
