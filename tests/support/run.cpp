#include "run.h"

#include <sys/wait.h>

#include <cstdlib>
#include <sstream>

#include "paths.h"
#include "temp_dir.h"

namespace parley::test {

std::string parley_bin() { return PARLEY_BIN; }

RunResult run_command(const std::string& command_line) {
  const TempDir dir("run");
  const std::string out = dir.file("out"), err = dir.file("err");
  const std::string cmd = "(" + command_line + ") > " + quote_arg(out) + " 2> " + quote_arg(err);
  RunResult r;
  const int raw = std::system(cmd.c_str());
  r.status = raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

RunResult run_parley(const std::string& args) { return run_command(quote_arg(parley_bin()) + " " + args); }

std::string quote_arg(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

std::vector<std::string> text_lines(const std::string& text) {
  std::vector<std::string> v;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) v.push_back(line);
  return v;
}

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> v;
  for (const auto& line : text_lines(text)) v.push_back(nlohmann::json::parse(line));
  return v;
}

}  // namespace parley::test
