#include "child.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace parley::test {
namespace {

// Live children, readable from a signal handler: lock-free atomics only.
constexpr int kSlots = 64;
std::atomic<pid_t> g_children[kSlots];
static_assert(std::atomic<pid_t>::is_always_lock_free);

void kill_registered_children() {
  for (auto& slot : g_children) {
    const pid_t pid = slot.load();
    if (pid > 0) ::kill(-pid, SIGKILL);
  }
}

constexpr int kFatalSignals[] = {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTERM, SIGINT, SIGHUP, SIGQUIT};
struct sigaction g_previous[NSIG];

// Async-signal-safe: kill(), sigaction() and raise() only.  Restores the
// handler that was there before (the default, or a sanitizer's) and raises
// the signal again so the process still ends the way it would have.
void on_fatal_signal(int sig) {
  kill_registered_children();
  sigaction(sig, &g_previous[sig], nullptr);
  raise(sig);
}

void install_handlers_once() {
  static const bool installed = [] {
    std::atexit(kill_registered_children);
    for (int sig : kFatalSignals) {
      struct sigaction sa {};
      sa.sa_handler = on_fatal_signal;
      sigemptyset(&sa.sa_mask);
      sa.sa_flags = SA_RESETHAND;
      sigaction(sig, &sa, &g_previous[sig]);
    }
    return true;
  }();
  (void)installed;
}

void register_child(pid_t pid) {
  for (auto& slot : g_children) {
    pid_t empty = 0;
    if (slot.compare_exchange_strong(empty, pid)) return;
  }
  ::kill(-pid, SIGKILL);
  throw std::runtime_error("more than 64 live test children");
}

void unregister_child(pid_t pid) {
  for (auto& slot : g_children) {
    pid_t expected = pid;
    if (slot.compare_exchange_strong(expected, 0)) return;
  }
}

int decode(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, Options options) {
  install_handlers_once();
  // Everything the child needs is prepared before fork: after it, only
  // async-signal-safe calls.
  std::vector<std::string> args = argv;
  std::vector<char*> cargv;
  for (auto& a : args) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  int out[2] = {-1, -1};
  if (options.capture_stdout && pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
  if (pid == 0) {
    // Die with the parent, even if it is SIGKILLed; if it is already gone, go.
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) _exit(126);
    setpgid(0, 0);
    if (options.capture_stdout) dup2(out[1], STDOUT_FILENO);  // dup2 clears O_CLOEXEC
    if (options.quiet_stderr) {
      const int devnull = open("/dev/null", O_WRONLY);
      if (devnull >= 0) dup2(devnull, STDERR_FILENO);
    }
    execv(cargv[0], cargv.data());
    _exit(127);
  }
  setpgid(pid, pid);  // also from here, so kill(-pid) works at once
  pid_ = pid;
  register_child(pid);
  if (options.capture_stdout) {
    close(out[1]);
    out_fd_ = out[0];
  }
}

ChildProcess::~ChildProcess() { kill_now(); }

ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(other.pid_), out_fd_(other.out_fd_), buffered_(std::move(other.buffered_)) {
  other.pid_ = 0;
  other.out_fd_ = -1;
}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
  if (this != &other) {
    kill_now();
    pid_ = other.pid_;
    out_fd_ = other.out_fd_;
    buffered_ = std::move(other.buffered_);
    other.pid_ = 0;
    other.out_fd_ = -1;
  }
  return *this;
}

bool ChildProcess::read_line(std::string& line, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (const size_t nl = buffered_.find('\n'); nl != std::string::npos) {
      line = buffered_.substr(0, nl);
      buffered_.erase(0, nl + 1);
      return true;
    }
    if (out_fd_ < 0) return false;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{out_fd_, POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) return false;
    if (ready <= 0) continue;
    char buf[256];
    const ssize_t n = read(out_fd_, buf, sizeof buf);
    if (n <= 0) return false;
    buffered_.append(buf, static_cast<size_t>(n));
  }
}

int ChildProcess::stop(int sig) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, sig);
  return wait();
}

int ChildProcess::wait() {
  if (pid_ <= 0) return -1;
  // Wait without reaping, so the pid (and group id) cannot be reused yet;
  // then kill whatever the child forked, then reap it.
  siginfo_t info{};
  int r;
  do r = waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOWAIT);
  while (r < 0 && errno == EINTR);
  ::kill(-pid_, SIGKILL);
  int status = 0;
  pid_t reaped;
  do reaped = waitpid(pid_, &status, 0);
  while (reaped < 0 && errno == EINTR);
  unregister_child(pid_);
  pid_ = 0;
  if (out_fd_ >= 0) close(out_fd_);
  out_fd_ = -1;
  return reaped == -1 ? -1 : decode(status);
}

void ChildProcess::kill_now() {
  if (pid_ <= 0) return;
  ::kill(-pid_, SIGKILL);
  ::kill(pid_, SIGKILL);
  wait();
}

}  // namespace parley::test
