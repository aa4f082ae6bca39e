// Where the tests' inputs live.  Every locator checks that what it names
// exists and throws MissingInput otherwise: a test that needs ../shared (or
// the tests' own data) fails with a message saying what is missing and where
// it was looked for, and never passes by skipping.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace parley::test {

struct MissingInput : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// ../shared next to the checkout (the read-only corpora and dictionaries),
// e.g. shared_path("examples/kremlin-witkoff-2025-08-06.txt").
std::string shared_path(std::string_view rel = {});
// tests/data/<rel>.
std::string test_data_path(std::string_view rel = {});
// The project's data/ (default dictionaries): source_data_path("dict/PETR_config.ini").
std::string source_data_path(std::string_view rel = {});

// The example article every end-to-end test codes, in ../shared/examples.
inline constexpr std::string_view kExampleArticle = "examples/kremlin-witkoff-2025-08-06.txt";
inline std::string example_article() { return shared_path(kExampleArticle); }

// The whole file, bytes as they are; throws MissingInput when it cannot be read.
std::string read_file(const std::string& path);

}  // namespace parley::test
