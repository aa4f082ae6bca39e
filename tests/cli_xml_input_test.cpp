// Hostile and broken PETRARCH XML through the real binary (issue 12):
// defect 3, deep nesting crashed `code`, `ingest` and `validate` and lost
// every record of the file; defect 6, one malformed record silently dropped
// every record after it.  Now each costs only its own record, reported on
// stderr as FILE:LINE, and counted.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "support/paths.h"
#include "support/run.h"
#include "support/temp_dir.h"

namespace {

using namespace parley::test;

const std::string kDicts = test_data_path("pipeline");

std::string sentence(const std::string& id, const std::string& text) {
  return "<Sentence id=\"" + id + "\" date=\"20250806\" sentence=\"True\"><Text>" + text + "</Text></Sentence>\n";
}

std::string nest(int levels) {
  std::string xml;
  for (int i = 0; i < levels; ++i) xml += "<a>";
  for (int i = 0; i < levels; ++i) xml += "</a>";
  return xml;
}

// Good records around nesting 150,000 levels deep, inside a record (line 3)
// and, when `between` is set, between records (line 4: this one made the
// tree walk overflow the stack, SIGSEGV).
std::string deep_file(bool between) {
  std::string xml = "<Sentences>\n" + sentence("before", "Russia accused Ukraine.");
  xml += "<Sentence id=\"deep\" date=\"20250806\"><Text>x</Text><EventCoding>" + nest(150000) +
         "</EventCoding></Sentence>\n";
  if (between) xml += "<Junk>" + nest(150000) + "</Junk>\n";
  xml += sentence("after", "France met Russia.") + "</Sentences>\n";
  return xml;
}

std::set<std::string> ids_of(const std::string& out) {
  std::set<std::string> ids;
  for (const auto& v : json_lines(out)) ids.insert(v.value("id", ""));
  return ids;
}

TEST(CliXmlInput, DeepNestingCostsOnlyItsRecordInCode) {
  const TempDir tmp("cli_xml");
  const std::string in = tmp.write("deep.xml", deep_file(true));
  const RunResult r = run_parley("code --dicts " + kDicts + " " + in);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(ids_of(r.out), (std::set<std::string>{"before", "after"})) << r.out;
  const auto errors = text_lines(r.err);
  ASSERT_EQ(errors.size(), 2u) << r.err;
  EXPECT_EQ(errors[0].rfind("parley: " + in + ":3: record deep: <Sentence> skipped: elements nested more than 256 "
                            "levels deep (line 3, column ", 0), 0u) << r.err;
  EXPECT_EQ(errors[1].rfind("parley: " + in + ":4: XML error outside any record: elements nested more than 256 "
                            "levels deep (line 4, column ", 0), 0u) << r.err;
}

TEST(CliXmlInput, DeepNestingInIngest) {
  const TempDir tmp("cli_xml");
  const std::string in = tmp.write("deep.xml", deep_file(false));
  const RunResult ingest = run_parley("ingest --dicts " + kDicts + " --db " + tmp.fresh_db("deep.db") + " " + in);
  EXPECT_EQ(ingest.status, 1) << ingest.err;
  EXPECT_NE(ingest.err.find("stored 2 document(s)"), std::string::npos) << ingest.err;
  EXPECT_NE(ingest.err.find("1 bad record(s) skipped"), std::string::npos) << ingest.err;
}

TEST(CliXmlInput, DeepNestingInValidate) {
  // The validation suite with one deeply nested record before its first
  // sentence, written to a temporary file (the suite itself stays in ../shared).
  const TempDir tmp("cli_xml");
  const std::string dir = shared_path("petrarch/validation");
  std::string suite = read_file(dir + "/PETR.UnitTest.records.xml");
  const size_t first = suite.find("<Sentence ");
  ASSERT_NE(first, std::string::npos);
  std::string deep = "<Sentence id=\"DEEP-1\" date=\"20080101\"><Text>x</Text>";
  for (int i = 0; i < 150000; ++i) deep += "<a>";
  for (int i = 0; i < 150000; ++i) deep += "</a>";
  suite.insert(first, deep + "</Sentence>\n");
  const std::string in = tmp.write("suite.xml", suite);
  const RunResult validate = run_parley("validate --quiet --dicts " + dir + " " + in);
  EXPECT_GE(validate.status, 0) << "died of a signal: " << validate.err;
  // validate reports bad records in its report, on stdout.
  EXPECT_NE(validate.out.find("error: " + in + ":61: record DEEP-1: <Sentence> skipped: elements nested more than "
                              "256 levels deep"),
            std::string::npos)
      << validate.out;
  EXPECT_NE(validate.out.find(" passed, "), std::string::npos) << "the suite's records are still validated";
}

TEST(CliXmlInput, OneMalformedRecordDoesNotDropTheRest) {
  const TempDir tmp("cli_xml");
  std::string xml = "<Sentences>\n" + sentence("good-0", "Russia accused Ukraine.");
  xml += "<Sentence id=\"bad\" date=\"20250806\"><Text>France met Russia.</Txet></Sentence>\n";  // line 3
  for (int i = 1; i <= 50; ++i) xml += sentence("good-" + std::to_string(i), "Russia accused Ukraine.");
  xml += "</Sentences>\n";
  const std::string in = tmp.write("bad.xml", xml);

  const RunResult code = run_parley("code --dicts " + kDicts + " " + in);
  EXPECT_EQ(code.status, 1);
  EXPECT_EQ(ids_of(code.out).size(), 51u) << code.out;
  EXPECT_EQ(ids_of(code.out).count("bad"), 0u);
  EXPECT_EQ(text_lines(code.err).size(), 1u) << "one line for the one bad record:\n" << code.err;
  EXPECT_NE(code.err.find(in + ":3: record bad: <Sentence> skipped: XML parse error:"), std::string::npos)
      << code.err;

  const RunResult ingest = run_parley("ingest --dicts " + kDicts + " --db " + tmp.fresh_db("bad.db") + " " + in);
  EXPECT_EQ(ingest.status, 1);
  EXPECT_NE(ingest.err.find("stored 51 document(s)"), std::string::npos) << ingest.err;
  EXPECT_NE(ingest.err.find("1 bad record(s) skipped"), std::string::npos) << ingest.err;
}

}  // namespace
