// A child process a test starts (a server, a long ingest) that cannot
// outlive the test, however the test ends:
//   - normal end, fatal failure, exception: the ChildProcess destructor kills
//     it (SIGKILL to its process group) and reaps it;
//   - abort(), a crash, SIGTERM/SIGINT/SIGHUP, exit() with the object leaked:
//     a signal handler and an atexit handler kill every live child's group;
//   - the test binary killed with SIGKILL (e.g. by the ctest timeout): the
//     child asked the kernel for SIGKILL when its parent dies
//     (prctl(PR_SET_PDEATHSIG)) before exec.
// The child runs in its own process group, so whatever it forks dies too.
// PR_SET_PDEATHSIG follows the forking *thread*: start children from the
// thread that outlives them (the test's main thread).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace parley::test {

class ChildProcess {
 public:
  struct Options {
    bool capture_stdout = false;  // read it with read_line()
    bool quiet_stderr = false;    // stderr to /dev/null
  };

  ChildProcess() = default;
  // Starts argv[0] (a path) with argv; throws std::runtime_error if fork fails.
  explicit ChildProcess(const std::vector<std::string>& argv, Options options);
  explicit ChildProcess(const std::vector<std::string>& argv) : ChildProcess(argv, Options{}) {}
  ~ChildProcess();
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) noexcept;
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  bool running() const { return pid_ > 0; }

  // The next line of the child's stdout (without '\n'), waiting at most
  // `timeout`; false on timeout or end of output.
  bool read_line(std::string& line, std::chrono::milliseconds timeout);

  // Sends `sig` to the child and waits for it.  Returns its exit status, or
  // 128 + the signal that ended it, or -1 if no child is running.
  int stop(int sig);
  // Waits for the child to end; same return values as stop().
  int wait();
  // SIGKILL to the child's process group, then reaps it.  Safe to repeat.
  void kill_now();

 private:
  pid_t pid_ = 0;
  int out_fd_ = -1;
  std::string buffered_;
};

}  // namespace parley::test
