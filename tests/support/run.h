// Running the `parley` binary (or any command) from a test: exit status,
// stdout and stderr, through the shell.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace parley::test {

struct RunResult {
  int status = -1;  // the exit status; -1 when the command died of a signal
  std::string out, err;
};

// The build tree's parley binary (PARLEY_BIN); tests that call it depend on
// the `parley` target.
std::string parley_bin();

// Runs `command_line` with sh -c, capturing stdout and stderr.
RunResult run_command(const std::string& command_line);
// run_command(parley_bin() + " " + args).
RunResult run_parley(const std::string& args);

// `s` as one shell word, whatever it contains.
std::string quote_arg(const std::string& s);

// The lines of `text` (without the newlines), and each parsed as JSON.
std::vector<std::string> text_lines(const std::string& text);
std::vector<nlohmann::json> json_lines(const std::string& text);

}  // namespace parley::test
