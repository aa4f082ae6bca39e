// A server started by a test never outlives the test, however the test ends
// (support/child.h): the helper starts `parley serve` through the fixture,
// then aborts, throws, crashes, exits, returns early, or is killed; the
// server must be gone within seconds, not left to the ctest timeout.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <chrono>
#include <string>
#include <thread>

#include "support/child.h"
#include "support/temp_dir.h"

namespace parley::test {
namespace {

class ChildGuard : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Orphans (the server, once the helper is dead) become our children, so
    // we can reap them and see exactly when they end.
    ASSERT_EQ(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
  }

  struct Outcome {
    int helper_status = -1;
    pid_t server = 0;
    bool server_ended = false;  // within seconds of the helper's end
    std::string last_line;
  };

  // Runs the helper in `mode`; with `signal_helper`, sends it that signal
  // once the server is up.
  static Outcome run_helper(const std::string& mode, int signal_helper = 0) {
    Outcome o;
    ChildProcess::Options options;
    options.capture_stdout = true;
    // The helper dies without cleaning up: its server's store goes in a
    // directory of ours (TMPDIR, inherited), removed when we are done.
    const TempDir scratch("child_guard");
    const char* old_tmpdir = std::getenv("TMPDIR");
    const std::string saved = old_tmpdir ? old_tmpdir : "";
    setenv("TMPDIR", scratch.path().c_str(), 1);
    ChildProcess helper({PARLEY_CHILD_GUARD_HELPER, mode}, options);
    if (old_tmpdir) setenv("TMPDIR", saved.c_str(), 1);
    else unsetenv("TMPDIR");
    std::string line;
    EXPECT_TRUE(helper.read_line(line, std::chrono::seconds(60))) << "the helper did not start the server";
    if (line.rfind("server ", 0) == 0) o.server = std::stoi(line.substr(7));
    if (signal_helper) {
      o.helper_status = helper.stop(signal_helper);
    } else {
      helper.read_line(o.last_line, std::chrono::seconds(30));
      o.helper_status = helper.wait();
    }
    if (o.server > 0) {
      o.server_ended = ends_within(o.server, std::chrono::seconds(10));
      if (!o.server_ended) {
        kill(o.server, SIGKILL);  // never leave it behind, even when the check fails
        ends_within(o.server, std::chrono::seconds(10));
      }
    }
    return o;
  }

  // True once `pid` has ended (reaped here as an orphan, or already gone).
  static bool ends_within(pid_t pid, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      const pid_t r = waitpid(pid, nullptr, WNOHANG);
      if (r == pid) return true;
      if (r < 0 && errno == ECHILD && kill(pid, 0) != 0 && errno == ESRCH) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

  static void expect_server_gone(const Outcome& o) {
    ASSERT_GT(o.server, 0) << "the helper did not report its server";
    EXPECT_TRUE(o.server_ended) << "parley serve (pid " << o.server << ") outlived its test";
  }
};

TEST_F(ChildGuard, AbortKillsTheServer) {
  const auto o = run_helper("abort");
  EXPECT_EQ(o.helper_status, 128 + SIGABRT);
  expect_server_gone(o);
}

TEST_F(ChildGuard, UncaughtExceptionKillsTheServer) {
  const auto o = run_helper("throw");
  EXPECT_EQ(o.helper_status, 128 + SIGABRT);
  expect_server_gone(o);
}

TEST_F(ChildGuard, CrashKillsTheServer) {
  const auto o = run_helper("segv");
  EXPECT_NE(o.helper_status, 0);  // 128 + SIGSEGV, or a sanitizer's exit status
  expect_server_gone(o);
}

TEST_F(ChildGuard, ExitWithTheFixtureLeakedKillsTheServer) {
  const auto o = run_helper("exit");
  EXPECT_EQ(o.helper_status, 3);
  expect_server_gone(o);
}

TEST_F(ChildGuard, LeavingTheScopeEarlyReapsTheServer) {
  const auto o = run_helper("scope");
  EXPECT_EQ(o.last_line, "gone");
  EXPECT_EQ(o.helper_status, 0);
  expect_server_gone(o);
}

TEST_F(ChildGuard, SigtermToTheTestKillsTheServer) {
  const auto o = run_helper("wait", SIGTERM);
  EXPECT_EQ(o.helper_status, 128 + SIGTERM);
  expect_server_gone(o);
}

TEST_F(ChildGuard, SigkillToTheTestKillsTheServer) {
  // Nothing runs in the killed process: PR_SET_PDEATHSIG does it.
  const auto o = run_helper("wait", SIGKILL);
  EXPECT_EQ(o.helper_status, 128 + SIGKILL);
  expect_server_gone(o);
}

}  // namespace
}  // namespace parley::test
