// What the harnesses share: a scratch file for the surfaces whose public
// API reads a path (the input readers, the dictionary loaders), and the
// locations of the bundled data.
//
// The scratch file is one per process, rewritten for each input: the
// harnesses keep no other state between runs, except what they build once
// from the project's own data and only read afterwards (the lexicon, the
// engine), which the code under test treats as read-only too.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace parley::fuzz {

// A path unique to this process, ending in `suffix`: in /dev/shm when it is
// writable (memory: writing a file per input there is five times faster
// than on disk), else in $TMPDIR or /tmp.
inline const std::string& scratch_path(const char* suffix) {
  static const std::string path = [&] {
    const char* tmp = std::getenv("TMPDIR");
    std::string dir = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : tmp && *tmp ? tmp : "/tmp";
    return dir + "/parley-fuzz-" + std::to_string(getpid()) + suffix;
  }();
  return path;
}

// Writes `bytes` to scratch_path(suffix) and returns the path.  A harness
// that cannot write its scratch file stops: it would otherwise test nothing.
inline const std::string& write_scratch(const uint8_t* data, size_t size, const char* suffix) {
  const std::string& path = scratch_path(suffix);
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f || (size && std::fwrite(data, 1, size, f) != size) || std::fclose(f) != 0) {
    std::perror(path.c_str());
    std::abort();
  }
  return path;
}

// Removes the scratch file when the process ends normally.
struct ScratchCleanup {
  const char* suffix;
  ~ScratchCleanup() { std::remove(scratch_path(suffix).c_str()); }
};

inline std::string_view as_view(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// An invariant the code under test promises; a broken one is a finding.
#define PARLEY_FUZZ_CHECK(cond)                                                  \
  do {                                                                           \
    if (!(cond)) {                                                               \
      std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                              \
    }                                                                            \
  } while (0)

}  // namespace parley::fuzz
