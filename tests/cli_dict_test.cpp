// End-to-end: `parley dict check` and `parley dict unknown` (exit statuses,
// output lines).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/paths.h"
#include "support/run.h"
#include "support/temp_dir.h"

namespace {

using namespace parley::test;

const std::string kFixtures = parley::test::test_data_path("dictcheck");

TEST(CliDictCheck, ProblemsPrintFileLineKindAndExitOne) {
  RunResult r = run_parley("dict check " + kFixtures + "/problems");
  EXPECT_EQ(r.status, 1) << r.err;
  std::vector<std::string> out = text_lines(r.out);
  ASSERT_EQ(out.size(), 25u) << r.out;
  const std::regex shape(R"(^.+\.txt:[0-9]+: [a-z-]+: .+$)");
  for (const std::string& l : out) EXPECT_TRUE(std::regex_match(l, shape)) << l;
  EXPECT_EQ(out[0].rfind(kFixtures + "/problems/problems.actors.txt:7: duplicate-actor: ", 0), 0u) << out[0];
  EXPECT_EQ(out.back().rfind(kFixtures + "/problems/problems.verbs.txt:23: load-warning: ", 0), 0u) << out.back();
  EXPECT_NE(r.err.find("25 problem"), std::string::npos) << r.err;
}

TEST(CliDictCheck, CleanSetPrintsNothingAndExitsZero) {
  RunResult r = run_parley("dict check " + kFixtures + "/clean");
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(CliDictCheck, ExplicitFilesAreTheWholeSet) {
  // Only the named file is read: the problems in the other kinds are not seen.
  RunResult r = run_parley("dict check --discards " + kFixtures + "/problems/problems.discards.txt");
  EXPECT_EQ(r.status, 1) << r.err;
  std::vector<std::string> out = text_lines(r.out);
  ASSERT_EQ(out.size(), 2u) << r.out;
  EXPECT_NE(out[0].find("problems.discards.txt:4: duplicate-discard: "), std::string::npos) << out[0];
  EXPECT_NE(out[1].find("problems.discards.txt:6: never-matches: "), std::string::npos) << out[1];
  RunResult clean = run_parley("dict check --actors " + kFixtures + "/clean/clean.actors.txt");
  EXPECT_EQ(clean.status, 0) << clean.out << clean.err;
}

TEST(CliDictCheck, LoadErrorIsReportedAsFileLine) {
  const TempDir tmp("cli_dict");
  const std::string bad = tmp.write("bad.actors.txt", "# bad\nMOSCOW_ [RUS]\n\nKYIV_ [UKR\n");
  RunResult r = run_parley("dict check --actors " + bad);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out.rfind(bad + ":4: ", 0), 0u) << r.out;
}

TEST(CliDictCheck, MissingConfigIsAnError) {
  RunResult r = run_parley("dict check /nonexistent/dir");
  EXPECT_NE(r.status, 0);
  EXPECT_NE((r.out + r.err).find("/nonexistent/dir/PETR_config.ini"), std::string::npos) << r.out << r.err;
}

TEST(CliDictCheck, PrivateCodesFlag) {
  RunResult r = run_parley("dict check --allow-private-codes " + kFixtures + "/problems");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out.find("unknown-event-code"), std::string::npos);
  EXPECT_EQ(text_lines(r.out).size(), 23u) << r.out;
}

const std::string kCorpus =
    "{\"id\":\"a\",\"date\":\"2025-08-06\",\"text\":\"Zorblax Quentaro glorped the Kremlin on Monday. "
    "Zorblax Quentaro glorped Ukraine again.\"}\n"
    "{broken\n"
    "{\"id\":\"b\",\"date\":\"2025-08-06\",\"text\":\"Putin met Witkoff. Envoy Velmor Tinst frobnicated Russia.\"}\n";

TEST(CliDictUnknown, ListsUncoveredNamesAndVerbsMostFrequentFirst) {
  const TempDir tmp("cli_dict");
  const std::string in = tmp.write("corpus.jsonl", kCorpus);
  RunResult r = run_parley("dict unknown " + in);
  EXPECT_EQ(r.status, 1) << "a bad record makes the status 1";
  EXPECT_NE(r.err.find(in + ":2: "), std::string::npos) << r.err;
  std::vector<std::string> out = text_lines(r.out);
  ASSERT_GE(out.size(), 3u) << r.out;
  EXPECT_EQ(out[0], "proper\t2\tZORBLAX QUENTARO\ta\t0");
  EXPECT_NE(r.out.find("proper\t1\tVELMOR TINST\tb\t1\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("verb\t2\tGLORP"), std::string::npos) << r.out;
  // Dictionary names and verbs are not listed.
  for (const char* known : {"PUTIN", "WITKOFF", "KREMLIN", "UKRAINE", "RUSSIA", "\tMEET"})
    EXPECT_EQ(r.out.find(known), std::string::npos) << known << " in\n" << r.out;
}

TEST(CliDictUnknown, JsonTopAndMinCount) {
  const TempDir tmp("cli_dict");
  const std::string in = tmp.write("corpus2.jsonl", kCorpus);
  RunResult r = run_parley("dict unknown --json --top 1 " + in);
  std::vector<std::string> out = text_lines(r.out);
  ASSERT_EQ(out.size(), 2u) << r.out;  // one row per list
  auto proper = nlohmann::json::parse(out[0]);
  EXPECT_EQ(proper["type"], "proper");
  EXPECT_EQ(proper["phrase"], "ZORBLAX QUENTARO");
  EXPECT_EQ(proper["count"], 2);
  EXPECT_EQ(proper["id"], "a");
  EXPECT_EQ(proper["sentence"], 0);
  auto verb = nlohmann::json::parse(out[1]);
  EXPECT_EQ(verb["type"], "verb");
  EXPECT_EQ(verb["count"], 2);
  EXPECT_TRUE(verb["forms"].is_array());

  RunResult min2 = run_parley("dict unknown --min-count 2 " + in);
  for (const std::string& l : text_lines(min2.out)) {
    std::vector<std::string> cols;
    std::stringstream ss(l);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    ASSERT_GE(cols.size(), 2u) << l;
    EXPECT_GE(std::stoi(cols[1]), 2) << l;
  }
}

TEST(CliDictUnknown, UsageErrors) {
  const TempDir tmp("cli_dict");
  EXPECT_NE(run_parley("dict unknown").status, 0);
  EXPECT_NE(run_parley("dict").status, 0);
  const std::string in = tmp.write("plain.txt", "Zorblax glorped.");
  EXPECT_EQ(run_parley("dict unknown --date 2025-13-40 " + in).status, 2);
}

}  // namespace
