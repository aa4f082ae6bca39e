// End-to-end: the `parley` binary on good and bad inputs.  A bad record is
// reported on stderr naming the file and the record, and the run goes on.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "io/input.h"
#include "support/paths.h"
#include "support/run.h"
#include "support/temp_dir.h"

namespace {

using namespace parley::test;

const std::string kDicts = parley::test::test_data_path("pipeline");

TEST(CliCode, PlainTextWithDate) {
  const TempDir tmp("cli_code");
  const std::string in = tmp.write("plain.txt", "Russia accused Ukraine on Monday. Trump met Putin.");
  RunResult r = run_parley("code --dicts " + kDicts + " --date 2025-08-06 " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  auto v = json_lines(r.out);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0]["type"], "event");
  EXPECT_EQ(v[0]["id"], "plain");
  // "on Monday" in a story dated Wednesday 2025-08-06: the event's own date.
  EXPECT_EQ(v[0]["date"], "2025-08-04");
  EXPECT_EQ(v[0]["date_text"], "Monday");
  EXPECT_EQ(v[0]["source"], "RUS");
  EXPECT_EQ(v[0]["target"], "UKR");
  EXPECT_EQ(v[0]["code"], "112");
  EXPECT_EQ(v[0]["root"], "11");
  EXPECT_EQ(v[0]["quad_class"], 3);
  EXPECT_EQ(v[0]["evidence"]["verb"], "accused");
  EXPECT_EQ(v[0]["evidence"]["verb_offsets"], nlohmann::json::array({7, 14}));
  EXPECT_EQ(v[1]["sentence"], 1);
  EXPECT_EQ(v[1]["source"], "USAGOV");
}

// No document date: "on Monday" cannot be given a day, but the words are
// still the event's date_text (date null), in `parley code` and, through
// ingest, in the store and `parley query`.
TEST(CliCode, UndatedStoryKeepsTheEventsDateText) {
  const TempDir tmp("cli_code_undated");
  const std::string in = tmp.write("plain.txt", "Russia accused Ukraine on Monday. Trump met Putin.");
  RunResult r = run_parley("code --dicts " + kDicts + " " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  auto v = json_lines(r.out);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_TRUE(v[0]["date"].is_null()) << v[0];
  EXPECT_EQ(v[0]["date_text"], "Monday");
  EXPECT_TRUE(v[1]["date"].is_null());
  EXPECT_TRUE(v[1]["date_text"].is_null());
  const std::string db = tmp.file("undated.db");
  RunResult ingest = run_parley("ingest --dicts " + kDicts + " --db " + db + " " + in);
  ASSERT_EQ(ingest.status, 0) << ingest.err;
  RunResult query = run_parley("query --db " + db + " --format jsonl events");
  ASSERT_EQ(query.status, 0) << query.err;
  auto stored = json_lines(query.out);
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_TRUE(stored[0]["date"].is_null()) << stored[0];
  EXPECT_EQ(stored[0]["date_text"], "Monday");
}

// Members parley does not read pass through into every record; one named
// like a field parley writes ("source":"AFP", "type":"article") comes out as
// "input_" + its name, never as a second key that would shadow the event's
// own (nlohmann, like most readers, keeps the last of two equal keys).  Every
// top-level field of the records written is one io::is_output_field knows.
TEST(CliCode, PassedThroughMembersNeverShadowTheRecordsFields) {
  const TempDir tmp("cli_code");
  const std::string in = tmp.write(
      "docs.jsonl",
      R"({"id":"p1","date":"2025-08-06","text":"Russia accused Ukraine. \"We will talk,\" Putin said.",)"
      R"("source":"AFP","type":"article","code":"C","feed":"wire"})" "\n");
  for (const char* format : {"jsonl", "csv"}) {
    RunResult r = run_parley(std::string("code --dicts ") + kDicts + " --format " + format + " " + in);
    ASSERT_EQ(r.status, 0) << r.err;
    if (std::string(format) == "csv") {
      EXPECT_NE(r.out.find("\np1,0,2025-08-06,,RUS,UKR,112,"), std::string::npos) << r.out;
      continue;
    }
    auto v = json_lines(r.out);
    ASSERT_FALSE(v.empty());
    for (const auto& rec : v) {
      const std::string line = rec.dump();
      EXPECT_EQ(line.find("\"source\":\"AFP\""), std::string::npos) << line;
      EXPECT_EQ(rec["input_source"], "AFP") << line;
      EXPECT_EQ(rec["input_type"], "article") << line;
      EXPECT_EQ(rec["input_code"], "C") << line;
      EXPECT_EQ(rec["feed"], "wire") << line;
      for (const auto& [key, value] : rec.items()) {
        if (key != "feed" && key.rfind("input_", 0) != 0) {
          EXPECT_TRUE(parley::io::is_output_field(key)) << key << " is written but not in io::is_output_field";
        }
      }
    }
    EXPECT_EQ(v[0]["type"], "event");
    EXPECT_EQ(v[0]["source"], "RUS");
    EXPECT_EQ(v[0]["code"], "112");
  }
}

TEST(CliCode, BadJsonLineIsReportedAndTheRunGoesOn) {
  const TempDir tmp("cli_code");
  const std::string in = tmp.write("mixed.jsonl",
                                    "{\"id\":\"a\",\"date\":\"2025-08-06\",\"text\":\"Russia accused Ukraine.\"}\n"
                                    "{\"id\":\"b\",\"text\": broken\n"
                                    "{\"id\":\"c\",\"date\":\"2025-02-30\",\"text\":\"France met Russia.\"}\n"
                                    "{\"id\":\"d\",\"text\":\"France met Russia.\"}\n"
                                    "{\"id\":\"e\",\"text\":\"Russia accu");
  RunResult r = run_parley("code --dicts " + kDicts + " " + in);
  EXPECT_EQ(r.status, 1);
  auto v = json_lines(r.out);
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0]["id"], "a");
  // An impossible date loses only the date: the record is coded, undated, with a warning.
  EXPECT_EQ(v[1]["id"], "c");
  EXPECT_EQ(v[1]["date"], nullptr);
  EXPECT_EQ(v[2]["id"], "d");
  EXPECT_NE(r.err.find("mixed.jsonl:2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mixed.jsonl:3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("record c"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mixed.jsonl:5"), std::string::npos) << r.err;
}

TEST(CliCode, TruncatedXmlKeepsTheRecordsBeforeTheBreak) {
  const TempDir tmp("cli_code");
  const std::string in = tmp.write("cut.xml",
                                    "<Sentences>\n<Sentence date=\"20250806\" id=\"s1\" sentence=\"True\">\n"
                                    "<Text>Russia accused Ukraine.</Text></Sentence>\n"
                                    "<Sentence date=\"20250806\" id=\"s2\" sentence=\"True\">\n<Text>France me");
  RunResult r = run_parley("code --dicts " + kDicts + " " + in);
  EXPECT_EQ(r.status, 1);
  auto v = json_lines(r.out);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0]["id"], "s1");
  EXPECT_NE(r.err.find("cut.xml"), std::string::npos) << r.err;
}

TEST(CliCode, InvalidUtf8IsWarnedAboutByRecord) {
  const TempDir tmp("cli_code");
  const std::string in = tmp.write("bad.jsonl", "{\"id\":\"ok\",\"text\":\"Russia accused Ukraine.\"}\n");
  const std::string raw = tmp.write("raw.txt", std::string("Russia accused Ukraine.\xff\xfe France met Russia.\n"));
  RunResult r = run_parley("code --dicts " + kDicts + " " + raw + " " + in);
  // The damaged document is refused with its file, record and byte offset;
  // the next input is coded as usual.
  auto v = json_lines(r.out);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0]["id"], "ok");
  EXPECT_NE(r.err.find("raw.txt:1: record raw: invalid UTF-8"), std::string::npos) << r.err;
  EXPECT_EQ(r.status, 1);
}

TEST(CliCode, MalformedDictionaryNamesFileAndLine) {
  const TempDir tmp("cli_code");
  const auto& dir = tmp.path();
  for (const char* f : {"PETR_config.ini", "test.actors.txt", "test.agents.txt", "test.discards.txt"})
    std::filesystem::copy_file(kDicts + "/" + f, dir / f, std::filesystem::copy_options::overwrite_existing);
  std::ofstream(dir / "test.verbs.txt") << "####### VERB PATTERNS #######\n--- MEET [040] ---\nMEET\n- * TALKS [9x9]\n";
  const std::string in = tmp.write("one.txt", "France met Russia.");
  RunResult r = run_parley("code --dicts " + dir.string() + " " + in);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("test.verbs.txt:4:"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(CliCode, ThreadsGiveByteIdenticalOutput) {
  const TempDir tmp("cli_code");
  std::string jsonl;
  for (int i = 0; i < 3000; ++i) {
    jsonl += "{\"id\":\"r" + std::to_string(i) + "\",\"date\":\"2025-01-" + std::to_string(10 + i % 20) +
             "\",\"text\":\"Trump threatened Russia with tariffs. Putin met Trump in Moscow. Russia accused Ukraine.\"}\n";
  }
  const std::string in = tmp.write("many.jsonl", jsonl);
  RunResult one = run_parley("code --dicts " + kDicts + " --threads 1 " + in);
  RunResult two = run_parley("code --dicts " + kDicts + " --threads 2 " + in);
  RunResult four = run_parley("code --dicts " + kDicts + " --threads 4 " + in);
  ASSERT_EQ(one.status, 0) << one.err;
  EXPECT_FALSE(one.out.empty());
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, four.out);
}

TEST(CliCode, EmptyInputFile) {
  const TempDir tmp("cli_code");
  const std::string in = tmp.write("empty.txt", "");
  RunResult r = run_parley("code --dicts " + kDicts + " " + in);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("empty.txt"), std::string::npos) << r.err;
}

// Issue 12, defect 10: an empty name in a file list was dropped silently,
// and --actors ",,," coded with the config's actors as if nothing was said.
TEST(CliCode, EmptyNameInADictionaryListIsAnError) {
  const TempDir tmp("cli_code");
  const std::string in = tmp.write("a.txt", "Russia accused Ukraine.");
  for (const std::string list : {",,,", "a.txt,,b.txt", " ", "a.txt,"}) {
    SCOPED_TRACE(list);
    for (const std::string flag : {"--actors", "--verbs"}) {
      RunResult r = run_parley("code " + flag + " " + quote_arg(list) + " --date 2025-08-06 " + in);
      EXPECT_NE(r.status, 0);
      EXPECT_TRUE(r.out.empty()) << r.out;
      EXPECT_NE(r.err.find(flag + ": empty file name in \"" + list + "\""), std::string::npos) << r.err;
    }
  }
}

TEST(CliValidate, LastLineCountsPassedAndFailed) {
  const std::string dir = parley::test::shared_path("petrarch/validation");
  RunResult r = run_parley("validate --quiet --dicts " + dir + " " + dir + "/PETR.UnitTest.records.xml");
  std::string last = r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1);
  EXPECT_NE(last.find(" passed, "), std::string::npos) << last;
  EXPECT_NE(last.find(" failed"), std::string::npos) << last;
}

TEST(CliValidate, SingleFileFlagsReplaceTheEnvironmentsFiles) {
  const TempDir tmp("cli_validate");
  const std::string dir = parley::test::shared_path("petrarch/validation");
  // The environment names PETR.Validate.verbs.txt; --verbs wins, so a missing
  // file there stops the run instead of being ignored.
  RunResult r = run_parley("validate --quiet --dicts " + dir + " --verbs /nonexistent/other.verbs.txt " + dir +
                 "/PETR.UnitTest.records.xml");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("/nonexistent/other.verbs.txt"), std::string::npos) << r.err;
  // A discard file that discards nothing, in place of the suite's: the run uses it.
  const std::string none = tmp.write("no.discards.txt", "XYZZYQ\n");
  RunResult d = run_parley("validate --quiet --dicts " + dir + " --discards " + none + " " + dir + "/PETR.UnitTest.records.xml");
  RunResult suite = run_parley("validate --quiet --dicts " + dir + " " + dir + "/PETR.UnitTest.records.xml");
  EXPECT_NE(d.out.find(" passed, "), std::string::npos) << d.err;
  EXPECT_NE(d.out, suite.out) << "the suite's discards decide some records; without them the score changes";
}

TEST(CliValidate, RefusedNewActorLengthIsReported) {
  const std::string dir = parley::test::shared_path("petrarch/validation");
  RunResult r = run_parley("validate --quiet --dicts " + dir + " " + dir + "/PETR.UnitTest.records.xml");
  EXPECT_NE(r.out.find("PETR.UnitTest.records.xml:1007: new_actor_length: new actors from uncoded noun phrases are "
                       "not implemented"),
            std::string::npos)
      << r.out;
}

TEST(CliCode, NewActorLengthIsRefusedNotIgnored) {
  const TempDir tmp("cli_code");
  // In a <Config> record: reported at its line, the run goes on.
  const std::string in = tmp.write("newactors.xml",
                                    "<Sentences>\n<Config option=\"new_actor_length\" value=\"4\"></Config>\n"
                                    "<Sentence date=\"20250806\" id=\"s1\" sentence=\"True\">\n"
                                    "<Text>Russia accused Ukraine.</Text></Sentence>\n</Sentences>\n");
  RunResult r = run_parley("code --dicts " + kDicts + " " + in);
  EXPECT_EQ(text_lines(r.out).size(), 1u);
  EXPECT_NE(r.err.find("newactors.xml:2: new_actor_length: new actors from uncoded noun phrases are not implemented"),
            std::string::npos)
      << r.err;
  // In PETR_config.ini: the dictionaries do not load.
  const TempDir dicts("cli_newactors");
  const std::filesystem::path& dir = dicts.path();
  for (const char* f : {"test.verbs.txt", "test.actors.txt", "test.agents.txt", "test.discards.txt"})
    std::filesystem::copy_file(kDicts + "/" + f, dir / f, std::filesystem::copy_options::overwrite_existing);
  std::ofstream(dir / "PETR_config.ini") << "[Dictionaries]\nverbfile_name = test.verbs.txt\n"
                                            "actorfile_list = test.actors.txt\n[Options]\nnew_actor_length = 4\n";
  RunResult c = run_parley("code --dicts " + dir.string() + " " + tmp.write("one.txt", "France met Russia."));
  EXPECT_EQ(c.status, 2);
  EXPECT_NE(c.err.find("PETR_config.ini:5: new_actor_length"), std::string::npos) << c.err;
}

TEST(CliExplain, TabariWithoutDictsIsAnError) {
  RunResult r = run_parley("explain --tabari \"Russia accused Ukraine.\"");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--tabari needs --dicts"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(CliExplain, BadDateSaysWhy) {
  RunResult r = run_parley("explain --dicts " + kDicts + " --date 2025-13-40 \"Russia accused Ukraine.\"");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--date 2025-13-40: month 13 out of range 1..12"), std::string::npos) << r.err;
}

}  // namespace
