// A GoogleTest fixture for tests of the coding rules on parley's own
// dictionaries (data/dict): one Engine per test suite, and each text's
// events as "SOURCE TARGET CODE" strings that a failure prints readably.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/engine.h"
#include "support/engine.h"
#include "support/paths.h"

namespace parley::test {

class DefaultDictTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { engine_ = new Engine(engine_config(source_data_path("dict"))); }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }

  enum class Split { kDocument, kOneSentence };  // sentence-split `text`, or code it as one sentence
  enum class OneSided { kUnmarked, kMarked };    // append " one-sided" to flagged events

  // The events of `text` (dated 2025-08-06), in order; `options` replaces the
  // engine's run options when given.
  std::vector<std::string> events_of(const std::string& text, Split split, OneSided one_sided,
                                     const RunOptions* options = nullptr) {
    Worker w(*engine_);
    if (options) w.set_run_options(*options);
    w.code("t", 20250806, text, split == Split::kOneSentence, last_);
    std::vector<std::string> out;
    for (const auto& e : last_.events) {
      out.push_back(e.source + " " + e.target + " " + std::string(e.code.view()) +
                    (one_sided == OneSided::kMarked && e.one_sided ? " one-sided" : ""));
    }
    return out;
  }

  static bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  }
  static bool has_prefix(const std::vector<std::string>& v, const std::string& p) {
    return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.rfind(p, 0) == 0; });
  }
  static std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += "[" + x + "] ";
    return s;
  }

  static inline Engine* engine_ = nullptr;
  CodedDocument last_;
};

}  // namespace parley::test
