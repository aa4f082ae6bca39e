// A fresh directory under $TMPDIR (mkdtemp), removed with everything in it
// when the object goes out of scope.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace parley::test {

class TempDir {
 public:
  // `tag` only makes the name readable: parley_<tag>_XXXXXX.
  explicit TempDir(std::string_view tag = "test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // <dir>/<name> (not created).
  std::string file(std::string_view name) const;
  // Writes `bytes` to <dir>/<name> and returns its path.
  std::string write(std::string_view name, std::string_view bytes) const;
  // <dir>/<name> for a SQLite store, with any earlier store there (and its
  // -wal and -shm files) removed.
  std::string fresh_db(std::string_view name) const;

 private:
  std::filesystem::path path_;
};

// One directory for the whole test process (files a suite shares between
// its tests), created on first use and removed at exit.
const TempDir& process_temp_dir();

}  // namespace parley::test
