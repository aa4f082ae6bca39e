#include "paths.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace parley::test {
namespace {

std::string locate(const char* what, const char* root, std::string_view rel, const char* hint) {
  std::string path = root;
  if (!rel.empty()) (path += '/') += rel;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw MissingInput(std::string(what) + " is missing: " + path + " does not exist (" + hint + ")");
  }
  return path;
}

}  // namespace

std::string shared_path(std::string_view rel) {
  return locate("shared test data", PARLEY_SHARED_DIR, rel,
                "this test needs the read-only ../shared folder next to the checkout");
}

std::string test_data_path(std::string_view rel) {
  return locate("test fixture", PARLEY_TEST_DATA_DIR, rel, "tests/data in the source tree");
}

std::string source_data_path(std::string_view rel) {
  return locate("bundled data", PARLEY_SOURCE_DATA_DIR, rel, "data/ in the source tree");
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw MissingInput("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace parley::test
