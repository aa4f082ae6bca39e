// Every CAMEO root codes with parley's own dictionaries (data/dict): each
// sentence of tests/data/roots/sentences.tsv, loaded the way `parley code`
// loads its default set, must yield an event with the expected source, target
// and root.  The sentences were written for this test; a failure means the
// verb dictionary or the coder lost a sense, so the table printed at the end
// says which root regressed.  tests/data/roots/silent.tsv is the other side:
// ordinary uses of event verbs (a flood that kills, "according to", things
// received) that must code no event at all.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "dict/load.h"
#include "pipeline/engine.h"
#include "support/engine.h"
#include "support/paths.h"

namespace parley {
namespace {

const std::string kDictDir = test::source_data_path("dict");
const std::string kSentences = test::test_data_path("roots/sentences.tsv");
const std::string kSilent = test::test_data_path("roots/silent.tsv");

struct Case {
  int line = 0;
  std::string id, sentence, source, target, root;
  int32_t date = 0;
};

// "2025-08-06" -> 20250806; 0 when malformed, so a bad row fails loudly.
int32_t parse_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return 0;
  int32_t v = 0;
  for (char c : s) {
    if (c == '-') continue;
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Rows of `path` split at tabs; '#' lines and blank lines skipped.  Each row must
// have `columns` cells, else `error` names the line.
std::vector<std::pair<int, std::vector<std::string>>> read_rows(const std::string& path, size_t columns,
                                                                std::string& error) {
  std::ifstream in(path);
  if (!in) { error = "cannot open " + path; return {}; }
  std::vector<std::pair<int, std::vector<std::string>>> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, '\t');) f.push_back(cell);
    if (f.size() != columns) {
      error = path + ":" + std::to_string(n) + ": expected " + std::to_string(columns) + " columns";
      return {};
    }
    out.emplace_back(n, std::move(f));
  }
  return out;
}

std::vector<Case> read_cases(std::string& error) {
  auto rows = read_rows(kSentences, 6, error);
  std::vector<Case> out;
  for (auto& [n, f] : rows) {
    Case c{n, f[0], f[2], f[3], f[4], f[5], parse_date(f[1])};
    if (c.date == 0 || c.root.size() != 2) { error = kSentences + ":" + std::to_string(n) + ": bad date or root"; return {}; }
    out.push_back(std::move(c));
  }
  return out;
}

class RootsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // As the CLI does without --dicts: the config names the files, and its
    // [Options] set require_dyad and the like.
    engine_ = new Engine(test::engine_config(kDictDir));
  }
  static void TearDownTestSuite() {
    delete engine_;
    engine_ = nullptr;
  }
  static Engine* engine_;
};
Engine* RootsTest::engine_ = nullptr;

std::string describe(const std::vector<Event>& events) {
  if (events.empty()) return "no events";
  std::string s;
  for (const Event& e : events) {
    if (!s.empty()) s += ", ";
    s += e.source + " " + e.target + " " + std::string(e.code.view());
  }
  return s;
}

TEST_F(RootsTest, TheSentenceFileCoversEveryRootSixTimes) {
  std::string error;
  auto cases = read_cases(error);
  ASSERT_TRUE(error.empty()) << error;
  std::map<std::string, int> per_root;
  for (const Case& c : cases) ++per_root[c.root];
  for (int r = 1; r <= 20; ++r) {
    char root[3];
    std::snprintf(root, sizeof root, "%02d", r);
    EXPECT_GE(per_root[root], 6) << "root " << root;
  }
  EXPECT_EQ(per_root.size(), 20u) << "a root outside 01..20 in " << kSentences;
}

TEST_F(RootsTest, EverySentenceCodesItsRoot) {
  std::string error;
  auto cases = read_cases(error);
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_FALSE(cases.empty());
  Worker worker(*engine_);
  CodedDocument doc;
  std::map<std::string, std::pair<int, int>> table;  // root -> passed, failed
  int passed = 0, failed = 0;
  for (const Case& c : cases) {
    worker.code(c.id, c.date, c.sentence, true, doc);
    bool ok = false;
    for (const Event& e : doc.events)
      ok = ok || (e.source == c.source && e.target == c.target && e.code.view().substr(0, 2) == c.root);
    auto& row = table[c.root];
    if (ok) {
      ++passed, ++row.first;
    } else {
      ++failed, ++row.second;
      ADD_FAILURE() << kSentences << ":" << c.line << ": " << c.id << " \"" << c.sentence << "\"\n  expected "
                    << c.source << " " << c.target << " root " << c.root << ", got " << describe(doc.events);
    }
  }
  std::printf("root  passed  failed\n");
  for (const auto& [root, counts] : table) std::printf("%-5s %6d  %6d\n", root.c_str(), counts.first, counts.second);
  std::printf("%d passed, %d failed\n", passed, failed);
}

TEST_F(RootsTest, EverySilentSentenceCodesNoEvent) {
  std::string error;
  auto rows = read_rows(kSilent, 3, error);
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_FALSE(rows.empty());
  Worker worker(*engine_);
  CodedDocument doc;
  for (const auto& [n, f] : rows) {
    int32_t date = parse_date(f[1]);
    ASSERT_NE(date, 0) << kSilent << ":" << n << ": bad date";
    worker.code(f[0], date, f[2], true, doc);
    EXPECT_TRUE(doc.events.empty()) << kSilent << ":" << n << ": " << f[0] << " \"" << f[2] << "\"\n  expected no event, got "
                                    << describe(doc.events);
  }
}

}  // namespace
}  // namespace parley
