// `parley ingest`, `parley query`, `parley serve`: the event store (issue 5).
#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace parley::cli {

void add_store_commands(CLI::App& app, Runners& runners) {}

}  // namespace parley::cli
