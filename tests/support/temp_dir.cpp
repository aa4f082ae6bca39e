#include "temp_dir.h"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace parley::test {

namespace fs = std::filesystem;

TempDir::TempDir(std::string_view tag) {
  std::string pattern = (fs::temp_directory_path() / ("parley_" + std::string(tag) + "_XXXXXX")).string();
  if (!mkdtemp(pattern.data())) {
    throw std::runtime_error("mkdtemp " + pattern + ": " + std::strerror(errno));
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::file(std::string_view name) const { return (path_ / name).string(); }

std::string TempDir::write(std::string_view name, std::string_view bytes) const {
  const std::string p = file(name);
  std::ofstream out(p, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + p);
  return p;
}

std::string TempDir::fresh_db(std::string_view name) const {
  const std::string p = file(name);
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p + suffix);
  return p;
}

const TempDir& process_temp_dir() {
  static const TempDir dir("tests");
  return dir;
}

}  // namespace parley::test
