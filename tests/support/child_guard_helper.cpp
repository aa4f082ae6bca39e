// Helper of cli_child_guard_test: starts `parley serve` through the test
// fixture (ServerProcess), prints "server <pid>", then ends as MODE says:
//   abort   std::abort() (what a failed assertion in a death path does)
//   throw   an exception nobody catches (std::terminate)
//   segv    a crash signal
//   exit    std::exit() with the server object leaked (never destroyed)
//   scope   leaves the fixture's scope early, as a fatal gtest failure
//           (ASSERT_*) does, then reports whether the server is gone
//   wait    waits to be killed (the test sends SIGTERM or SIGKILL)
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "support/server.h"

using parley::test::ServerProcess;

namespace {

pid_t start_in_scope_and_return_early() {
  ServerProcess server;
  const pid_t pid = server.pid();
  std::printf("server %d\n", pid);
  std::fflush(stdout);
  return pid;  // ~ServerProcess, as when ASSERT_* returns from a test body
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s abort|throw|segv|exit|scope|wait\n", argv[0]);
    return 2;
  }
  const std::string mode = argv[1];
  if (mode == "scope") {
    const pid_t pid = start_in_scope_and_return_early();
    const bool gone = kill(pid, 0) != 0;  // reaped by the destructor
    std::printf("%s\n", gone ? "gone" : "alive");
    return gone ? 0 : 1;
  }
  auto* server = new ServerProcess();  // leaked on purpose: only the guard can stop it
  std::printf("server %d\n", server->pid());
  std::fflush(stdout);
  if (mode == "abort") std::abort();
  if (mode == "throw") throw std::runtime_error("uncaught");
  if (mode == "segv") raise(SIGSEGV);
  if (mode == "exit") std::exit(3);
  if (mode == "wait") {
    for (;;) pause();
  }
  std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
  return 2;
}
