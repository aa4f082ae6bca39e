// `parley serve` as a test's child: the build tree's binary on a free
// loopback port (--port 0) with a store in its own temporary directory.
// A ChildProcess, so the server never outlives the test (see child.h).
#pragma once

#include <signal.h>

#include <string>
#include <vector>

#include "child.h"
#include "temp_dir.h"

namespace parley::test {

class ServerProcess {
 public:
  // Starts `parley serve --db <tmp>/events.db --port 0 --threads 2 <extra>`
  // and waits (at most a minute) for "listening on http://127.0.0.1:PORT/".
  // Throws std::runtime_error, with what the server printed, if it does not start.
  explicit ServerProcess(const std::vector<std::string>& extra = {});
  // The same on a store the test made (e.g. with `parley ingest`).
  struct ExistingStore {
    std::string path;
  };
  explicit ServerProcess(const ExistingStore& store, const std::vector<std::string>& extra = {});

  int port() const { return port_; }
  pid_t pid() const { return child_.pid(); }
  // SIGTERM, which ends the server cleanly: its exit status.
  int stop() { return child_.stop(SIGTERM); }

 private:
  void start(const std::string& db, const std::vector<std::string>& extra);

  TempDir dir_;         // destroyed after the child (members go in reverse order)
  ChildProcess child_;
  int port_ = 0;
};

}  // namespace parley::test
