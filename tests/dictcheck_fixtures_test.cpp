// dict check on small fixture sets: each problem file holds one instance of
// each kind, found at its exact file:line; the clean set yields nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dict/load.h"
#include "dictcheck/dictcheck.h"
#include "tokens/lexicon.h"
#include "support/lexicon.h"
#include "support/paths.h"

namespace {

using parley::dictcheck::Finding;

const std::string kData = parley::test::test_data_path("dictcheck") + "/";

const parley::Lexicon& lexicon() { return parley::test::wordnet_lexicon(); }

std::vector<Finding> check_set(const std::string& dir, bool with_lexicon = true, bool allow_private = false) {
  parley::dictcheck::CheckOptions o;
  o.lexicon = with_lexicon ? &lexicon() : nullptr;
  o.allow_private_codes = allow_private;
  return parley::dictcheck::load_and_check(parley::read_config(kData + dir + "/PETR_config.ini"), o);
}

// "problems.verbs.txt:11: duplicate-pattern" for each finding.
std::vector<std::string> where_and_kind(const std::vector<Finding>& fs) {
  std::vector<std::string> out;
  for (const Finding& f : fs)
    out.push_back(std::filesystem::path(f.file).filename().string() + ":" + std::to_string(f.line) + ": " + f.kind);
  return out;
}

const Finding* at(const std::vector<Finding>& fs, const std::string& file, uint32_t line, const std::string& kind) {
  for (const Finding& f : fs)
    if (std::filesystem::path(f.file).filename() == file && f.line == line && f.kind == kind) return &f;
  return nullptr;
}

TEST(DictCheckFixtures, EveryProblemAtItsLine) {
  const std::vector<std::string> expected = {
      "problems.actors.txt:7: duplicate-actor",
      "problems.actors.txt:9: duplicate-actor",
      "problems.actors.txt:11: duplicate-actor",
      "problems.actors.txt:13: inverted-dates",
      "problems.actors.txt:17: overlapping-dates",
      "problems.actors.txt:21: dated-after-default",
      "problems.actors.txt:24: unreachable-default",
      "problems.actors.txt:25: unknown-actor-code",
      "problems.actors.txt:30: unknown-actor-code",
      "problems.actors.txt:31: never-matches",
      "problems.actors.txt:32: never-matches",
      "problems.agents.txt:4: duplicate-agent",
      "problems.agents.txt:6: duplicate-agent",
      "problems.agents.txt:9: never-matches",
      "problems.discards.txt:4: duplicate-discard",
      "problems.discards.txt:6: never-matches",
      "problems.verbs.txt:5: empty-synset",
      "problems.verbs.txt:11: duplicate-pattern",
      "problems.verbs.txt:16: duplicate-verb",
      "problems.verbs.txt:17: closed-class-verb",
      "problems.verbs.txt:18: never-matches",
      "problems.verbs.txt:20: unknown-event-code",
      "problems.verbs.txt:21: unknown-event-code",
      "problems.verbs.txt:22: duplicate-verb",
      "problems.verbs.txt:23: load-warning",
  };
  std::vector<Finding> fs = check_set("problems");
  EXPECT_EQ(where_and_kind(fs), expected);
}

TEST(DictCheckFixtures, SortedByFileThenLine) {
  std::vector<Finding> fs = check_set("problems");
  ASSERT_FALSE(fs.empty());
  EXPECT_TRUE(std::is_sorted(fs.begin(), fs.end(), [](const Finding& a, const Finding& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  }));
}

TEST(DictCheckFixtures, MessagesSayWhatAndWhere) {
  std::vector<Finding> fs = check_set("problems");
  auto message = [&](const char* file, uint32_t line, const char* kind) {
    const Finding* f = at(fs, file, line, kind);
    return f ? f->message : std::string("(missing)");
  };
  // The same record, a conflicting record, an agreeing record.
  EXPECT_NE(message("problems.actors.txt", 7, "duplicate-actor").find("same record"), std::string::npos);
  std::string conflict = message("problems.actors.txt", 9, "duplicate-actor");
  EXPECT_NE(conflict.find("problems.actors.txt:3"), std::string::npos) << conflict;
  EXPECT_NE(conflict.find("codes conflict"), std::string::npos) << conflict;
  EXPECT_NE(conflict.find("UKRGOV"), std::string::npos) << conflict;
  EXPECT_NE(message("problems.actors.txt", 11, "duplicate-actor").find("same codes"), std::string::npos);
  EXPECT_NE(message("problems.actors.txt", 17, "overlapping-dates").find("problems.actors.txt:16"), std::string::npos);
  EXPECT_NE(message("problems.actors.txt", 21, "dated-after-default").find("problems.actors.txt:20"), std::string::npos);
  EXPECT_NE(message("problems.actors.txt", 24, "unreachable-default").find("[FRA]"), std::string::npos);
  EXPECT_NE(message("problems.actors.txt", 30, "unknown-actor-code").find("'ATL'"), std::string::npos);
  EXPECT_NE(message("problems.actors.txt", 32, "never-matches").find("'$'"), std::string::npos);
  EXPECT_NE(message("problems.agents.txt", 4, "duplicate-agent").find("same code"), std::string::npos);
  std::string agent = message("problems.agents.txt", 6, "duplicate-agent");
  EXPECT_NE(agent.find("problems.agents.txt:3"), std::string::npos) << agent;
  EXPECT_NE(agent.find("conflict"), std::string::npos) << agent;
  std::string tour = message("problems.verbs.txt", 16, "duplicate-verb");
  EXPECT_NE(tour.find("TOURED"), std::string::npos) << tour;
  EXPECT_NE(tour.find("problems.verbs.txt:8"), std::string::npos) << tour;
  EXPECT_NE(tour.find("VISIT"), std::string::npos) << tour;
  EXPECT_NE(message("problems.verbs.txt", 11, "duplicate-pattern").find("problems.verbs.txt:10"), std::string::npos);
  EXPECT_NE(message("problems.verbs.txt", 5, "empty-synset").find("1 pattern"), std::string::npos);
  EXPECT_NE(message("problems.verbs.txt", 20, "unknown-event-code").find("'999'"), std::string::npos);
}

TEST(DictCheckFixtures, FormatIsFileLineKindMessage) {
  Finding f{"a/b.txt", 12, "duplicate-verb", "verb form(s) X already at a/b.txt:3"};
  EXPECT_EQ(parley::dictcheck::format(f), "a/b.txt:12: duplicate-verb: verb form(s) X already at a/b.txt:3");
}

TEST(DictCheckFixtures, CleanSetHasNoFindings) {
  std::vector<Finding> fs = check_set("clean");
  for (const Finding& f : fs) ADD_FAILURE() << parley::dictcheck::format(f);
}

TEST(DictCheckFixtures, PrivateCodesAllowedAreNotReported) {
  std::vector<Finding> fs = check_set("problems", true, true);
  EXPECT_EQ(at(fs, "problems.verbs.txt", 20, "unknown-event-code"), nullptr);
  EXPECT_EQ(at(fs, "problems.verbs.txt", 21, "unknown-event-code"), nullptr);
  EXPECT_NE(at(fs, "problems.verbs.txt", 22, "duplicate-verb"), nullptr);
}

TEST(DictCheckFixtures, ClosedClassCheckNeedsTheLexicon) {
  std::vector<Finding> fs = check_set("problems", false);
  EXPECT_EQ(at(fs, "problems.verbs.txt", 17, "closed-class-verb"), nullptr);
  EXPECT_NE(at(fs, "problems.verbs.txt", 16, "duplicate-verb"), nullptr);
}

// A malformed entry is not a finding: the loader's DictError names file:line.
TEST(DictCheckFixtures, LoadErrorIsTheLoadersFileLine) {
  const std::string path = testing::TempDir() + "/dictcheck_broken.actors.txt";
  std::ofstream(path) << "# broken\nMOSCOW_ [RUS]\nKYIV_ [UKR\n";
  parley::DictPaths p;
  p.actors = {path};
  try {
    parley::dictcheck::load_and_check(p, {});
    FAIL() << "no error";
  } catch (const parley::DictError& e) {
    EXPECT_EQ(e.file(), path);
    EXPECT_EQ(e.line(), 3u);
    EXPECT_NE(std::string(e.what()).find("unterminated"), std::string::npos) << e.what();
  }
}

// Actor phrases written twice in two files are found across files.
TEST(DictCheckFixtures, DuplicateAcrossFiles) {
  const std::string a = testing::TempDir() + "/dictcheck_a.actors.txt";
  const std::string b = testing::TempDir() + "/dictcheck_b.actors.txt";
  std::ofstream(a) << "# a\nKYIV_ [UKR]\n";
  std::ofstream(b) << "# b\n\nKYIV_ [RUS]\n";
  parley::DictPaths p;
  p.actors = {a, b};
  std::vector<Finding> fs = parley::dictcheck::load_and_check(p, {});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].file, b);
  EXPECT_EQ(fs[0].line, 3u);
  EXPECT_EQ(fs[0].kind, "duplicate-actor");
  EXPECT_NE(fs[0].message.find(a + ":2"), std::string::npos) << fs[0].message;
}

}  // namespace
