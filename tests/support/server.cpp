#include "server.h"

#include <cstdlib>
#include <stdexcept>

#include "run.h"

namespace parley::test {

ServerProcess::ServerProcess(const std::vector<std::string>& extra) : dir_("serve") {
  start(dir_.file("events.db"), extra);
}

ServerProcess::ServerProcess(const ExistingStore& store, const std::vector<std::string>& extra) : dir_("serve") {
  start(store.path, extra);
}

void ServerProcess::start(const std::string& db, const std::vector<std::string>& extra) {
  std::vector<std::string> args = {parley_bin(), "serve", "--db", db, "--port", "0", "--threads", "2"};
  args.insert(args.end(), extra.begin(), extra.end());
  ChildProcess::Options options;
  options.capture_stdout = true;
  child_ = ChildProcess(args, options);
  std::string line;
  const bool got = child_.read_line(line, std::chrono::seconds(60));
  const std::string prefix = "listening on http://127.0.0.1:";
  const size_t at = line.find(prefix);
  if (got && at != std::string::npos) port_ = std::atoi(line.c_str() + at + prefix.size());
  if (port_ <= 0) {
    child_.kill_now();
    throw std::runtime_error("parley serve did not start (first line: \"" + line + "\")");
  }
}

}  // namespace parley::test
