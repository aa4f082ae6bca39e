// End-to-end: `parley dict check` and `parley dict unknown` (exit statuses,
// output lines).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::string kBin = PARLEY_BIN;
const std::string kFixtures = PARLEY_TEST_DATA_DIR "/dictcheck";

struct Result {
  int status = -1;
  std::string out, err;
};

Result run(const std::string& args) {
  const auto dir = std::filesystem::temp_directory_path() / ("parley_cli_dict_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string out = (dir / "out").string(), err = (dir / "err").string();
  const std::string cmd = kBin + " " + args + " > " + out + " 2> " + err;
  Result r;
  const int raw = std::system(cmd.c_str());
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  std::ifstream o(out), e(err);
  std::stringstream so, se;
  so << o.rdbuf();
  se << e.rdbuf();
  r.out = so.str();
  r.err = se.str();
  return r;
}

std::string write_temp(const std::string& name, const std::string& content) {
  const auto dir = std::filesystem::temp_directory_path() / ("parley_cli_dict_in_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> v;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) v.push_back(line);
  return v;
}

TEST(CliDictCheck, ProblemsPrintFileLineKindAndExitOne) {
  Result r = run("dict check " + kFixtures + "/problems");
  EXPECT_EQ(r.status, 1) << r.err;
  std::vector<std::string> out = lines(r.out);
  ASSERT_EQ(out.size(), 25u) << r.out;
  const std::regex shape(R"(^.+\.txt:[0-9]+: [a-z-]+: .+$)");
  for (const std::string& l : out) EXPECT_TRUE(std::regex_match(l, shape)) << l;
  EXPECT_EQ(out[0].rfind(kFixtures + "/problems/problems.actors.txt:7: duplicate-actor: ", 0), 0u) << out[0];
  EXPECT_EQ(out.back().rfind(kFixtures + "/problems/problems.verbs.txt:23: load-warning: ", 0), 0u) << out.back();
  EXPECT_NE(r.err.find("25 problem"), std::string::npos) << r.err;
}

TEST(CliDictCheck, CleanSetPrintsNothingAndExitsZero) {
  Result r = run("dict check " + kFixtures + "/clean");
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(CliDictCheck, ExplicitFilesAreTheWholeSet) {
  // Only the named file is read: the problems in the other kinds are not seen.
  Result r = run("dict check --discards " + kFixtures + "/problems/problems.discards.txt");
  EXPECT_EQ(r.status, 1) << r.err;
  std::vector<std::string> out = lines(r.out);
  ASSERT_EQ(out.size(), 2u) << r.out;
  EXPECT_NE(out[0].find("problems.discards.txt:4: duplicate-discard: "), std::string::npos) << out[0];
  EXPECT_NE(out[1].find("problems.discards.txt:6: never-matches: "), std::string::npos) << out[1];
  Result clean = run("dict check --actors " + kFixtures + "/clean/clean.actors.txt");
  EXPECT_EQ(clean.status, 0) << clean.out << clean.err;
}

TEST(CliDictCheck, LoadErrorIsReportedAsFileLine) {
  const std::string bad = write_temp("bad.actors.txt", "# bad\nMOSCOW_ [RUS]\n\nKYIV_ [UKR\n");
  Result r = run("dict check --actors " + bad);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out.rfind(bad + ":4: ", 0), 0u) << r.out;
}

TEST(CliDictCheck, MissingConfigIsAnError) {
  Result r = run("dict check /nonexistent/dir");
  EXPECT_NE(r.status, 0);
  EXPECT_NE((r.out + r.err).find("/nonexistent/dir/PETR_config.ini"), std::string::npos) << r.out << r.err;
}

TEST(CliDictCheck, PrivateCodesFlag) {
  Result r = run("dict check --allow-private-codes " + kFixtures + "/problems");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out.find("unknown-event-code"), std::string::npos);
  EXPECT_EQ(lines(r.out).size(), 23u) << r.out;
}

const std::string kCorpus =
    "{\"id\":\"a\",\"date\":\"2025-08-06\",\"text\":\"Zorblax Quentaro glorped the Kremlin on Monday. "
    "Zorblax Quentaro glorped Ukraine again.\"}\n"
    "{broken\n"
    "{\"id\":\"b\",\"date\":\"2025-08-06\",\"text\":\"Putin met Witkoff. Envoy Velmor Tinst frobnicated Russia.\"}\n";

TEST(CliDictUnknown, ListsUncoveredNamesAndVerbsMostFrequentFirst) {
  const std::string in = write_temp("corpus.jsonl", kCorpus);
  Result r = run("dict unknown " + in);
  EXPECT_EQ(r.status, 1) << "a bad record makes the status 1";
  EXPECT_NE(r.err.find(in + ":2: "), std::string::npos) << r.err;
  std::vector<std::string> out = lines(r.out);
  ASSERT_GE(out.size(), 3u) << r.out;
  EXPECT_EQ(out[0], "proper\t2\tZORBLAX QUENTARO\ta\t0");
  EXPECT_NE(r.out.find("proper\t1\tVELMOR TINST\tb\t1\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("verb\t2\tGLORP"), std::string::npos) << r.out;
  // Dictionary names and verbs are not listed.
  for (const char* known : {"PUTIN", "WITKOFF", "KREMLIN", "UKRAINE", "RUSSIA", "\tMEET"})
    EXPECT_EQ(r.out.find(known), std::string::npos) << known << " in\n" << r.out;
}

TEST(CliDictUnknown, JsonTopAndMinCount) {
  const std::string in = write_temp("corpus2.jsonl", kCorpus);
  Result r = run("dict unknown --json --top 1 " + in);
  std::vector<std::string> out = lines(r.out);
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

  Result min2 = run("dict unknown --min-count 2 " + in);
  for (const std::string& l : lines(min2.out)) {
    std::vector<std::string> cols;
    std::stringstream ss(l);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    ASSERT_GE(cols.size(), 2u) << l;
    EXPECT_GE(std::stoi(cols[1]), 2) << l;
  }
}

TEST(CliDictUnknown, UsageErrors) {
  EXPECT_NE(run("dict unknown").status, 0);
  EXPECT_NE(run("dict").status, 0);
  const std::string in = write_temp("plain.txt", "Zorblax glorped.");
  EXPECT_EQ(run("dict unknown --date 2025-13-40 " + in).status, 2);
}

}  // namespace
