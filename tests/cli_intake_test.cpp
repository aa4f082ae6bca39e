// Intake end to end: record dates in every feed form, the warning for a
// record without a readable date, `--progress` on `code` and `ingest`, and
// `parley --version`.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "support/paths.h"
#include "support/run.h"
#include "support/temp_dir.h"

namespace {

using namespace parley::test;

const std::string kDicts = test_data_path("pipeline");

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Records with dates in every accepted form, then a missing, an impossible
// and an unreadable one.
std::string dated_records() {
  return "{\"id\":\"iso\",\"date\":\"2026-03-03T10:00:00Z\",\"text\":\"Russia accused Ukraine.\"}\n"
         "{\"id\":\"offset\",\"date\":\"2026-03-03T10:00:00.5+02:00\",\"text\":\"Russia accused Ukraine.\"}\n"
         "{\"id\":\"written\",\"date\":\"March 3, 2026\",\"text\":\"Russia accused Ukraine.\"}\n"
         "{\"id\":\"dmy\",\"date\":\"3 March 2026\",\"text\":\"Russia accused Ukraine.\"}\n"
         "{\"id\":\"abbrev\",\"date\":\"Mar. 3, 2026\",\"text\":\"Russia accused Ukraine.\"}\n"
         "{\"id\":\"slashes\",\"date\":\"2026/03/03\",\"text\":\"Russia accused Ukraine.\"}\n"
         "{\"id\":\"compact\",\"date\":\"20260303\",\"text\":\"Russia accused Ukraine.\"}\n"
         "{\"id\":\"nodate\",\"text\":\"Russia accused Ukraine.\"}\n"
         "{\"id\":\"feb30\",\"date\":\"2026-02-30\",\"text\":\"Russia accused Ukraine.\"}\n"
         "{\"id\":\"junk\",\"date\":\"soon\",\"text\":\"Russia accused Ukraine.\"}\n";
}

TEST(CliIntake, EveryDateFormCodesAndUndatedRecordsAreWarnedAbout) {
  const TempDir tmp("cli_intake");
  const std::string in = tmp.write("dates.jsonl", dated_records());
  const RunResult r = run_parley("code --dicts " + kDicts + " " + in);
  ASSERT_EQ(r.status, 0) << "warnings are not errors: " << r.err;
  const auto v = json_lines(r.out);
  ASSERT_EQ(v.size(), 10u) << r.out;
  for (size_t i = 0; i < 7; ++i) EXPECT_EQ(v[i]["date"], "2026-03-03") << v[i]["id"];
  for (size_t i = 7; i < 10; ++i) EXPECT_EQ(v[i]["date"], nullptr) << v[i]["id"] << ": never a 0 date";
  const auto lines = text_lines(r.err);
  ASSERT_EQ(lines.size(), 3u) << r.err;
  EXPECT_EQ(lines[0], "parley: " + in + ":8: record nodate: no date; coded without one, so its events have no date "
                      "(give a date or --date)");
  EXPECT_EQ(lines[1], "parley: " + in + ":9: record feb30: unreadable date \"2026-02-30\" "
                      "(no such day: February 30, 2026); coded without a date");
  EXPECT_EQ(lines[2], "parley: " + in + ":10: record junk: unreadable date \"soon\" (not a date); coded without a date");
}

TEST(CliIntake, DateFlagTakesTheSameFormsAndFillsUndatedRecords) {
  const TempDir tmp("cli_intake");
  const std::string in = tmp.write("dates.jsonl", dated_records());
  const RunResult r = run_parley("code --dicts " + kDicts + " --date 'Mar 1, 2026' " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  const auto v = json_lines(r.out);
  ASSERT_EQ(v.size(), 10u);
  EXPECT_EQ(v[7]["date"], "2026-03-01");
  EXPECT_EQ(v[8]["date"], "2026-03-01");
  const auto lines = text_lines(r.err);
  ASSERT_EQ(lines.size(), 2u) << "a missing date with --date is not warned about: " << r.err;
  EXPECT_TRUE(contains(lines[0], "record feb30: unreadable date")) << lines[0];
  EXPECT_TRUE(contains(lines[0], "coded with --date 2026-03-01")) << lines[0];

  const RunResult bad = run_parley("code --dicts " + kDicts + " --date 2026-02-30 " + in);
  EXPECT_EQ(bad.status, 2);
  EXPECT_TRUE(contains(bad.err, "--date 2026-02-30: no such day: February 30, 2026")) << bad.err;
  EXPECT_EQ(bad.out, "");
}

TEST(CliIntake, PlainTextWithoutDateIsWarnedAbout) {
  const TempDir tmp("cli_intake");
  const std::string in = tmp.write("story.txt", "Russia accused Ukraine.");
  const RunResult r = run_parley("code --dicts " + kDicts + " " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(json_lines(r.out).at(0)["date"], nullptr);
  EXPECT_EQ(r.err, "parley: " + in + ":1: record story: no date; coded without one, so its events have no date "
                   "(give a date or --date)\n");
}

TEST(CliIntake, IngestStoresUndatedRecordsWithNullDates) {
  const TempDir tmp("cli_intake");
  const std::string in = tmp.write("dates.jsonl", dated_records());
  const std::string db = (tmp.path() / "events.db").string();
  const RunResult r = run_parley("ingest --db " + db + " --dicts " + kDicts + " " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "record feb30: unreadable date")) << r.err;
  EXPECT_TRUE(contains(r.err, "stored 10 document(s)")) << r.err;
  const RunResult q = run_parley("query --db " + db + " --format jsonl events --id feb30");
  ASSERT_EQ(q.status, 0) << q.err;
  const auto v = json_lines(q.out);
  ASSERT_EQ(v.size(), 1u) << q.out;
  EXPECT_EQ(v[0]["date"], nullptr);
  const RunResult written = run_parley("query --db " + db + " --format jsonl events --id written");
  EXPECT_EQ(json_lines(written.out).at(0)["date"], "2026-03-03");
}

// ---- --version --------------------------------------------------------------

TEST(CliIntake, Version) {
  const RunResult r = run_parley("--version");
  ASSERT_EQ(r.status, 0) << r.err;
  // "parley 0.10.0" and, built from a git checkout, " (abc1234)" or a tag.
  EXPECT_TRUE(std::regex_match(r.out, std::regex("parley [0-9]+\\.[0-9]+\\.[0-9]+( \\([0-9A-Za-z._-]+\\))?\n")))
      << r.out;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(run_parley("--help").out.find("--version") != std::string::npos, true);
}

// ---- --progress -------------------------------------------------------------

std::string many_records(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) {
    s += "{\"id\":\"r" + std::to_string(i) +
         "\",\"date\":\"2026-03-03\",\"text\":\"Russia accused Ukraine. France met Russia. Trump met Putin.\"}\n";
  }
  return s;
}

TEST(CliIntake, ProgressIsOffInPipesByDefault) {
  const TempDir tmp("cli_intake");
  const std::string in = tmp.write("many.jsonl", many_records(600));
  const RunResult r = run_parley("code --dicts " + kDicts + " " + in);
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "") << "stderr is a pipe here: no progress line";
  const RunResult off = run_parley("code --no-progress --dicts " + kDicts + " " + in);
  EXPECT_EQ(off.err, "");
  EXPECT_EQ(off.out, r.out);
}

// `command` (stdout thrown away) with stderr on a terminal: script(1) runs it
// on a pseudo-terminal and copies what reaches it, i.e. stderr.
RunResult on_a_terminal(const std::string& command) {
  return run_command("script -qec " + quote_arg(command + " > /dev/null") + " /dev/null");
}

TEST(CliIntake, ProgressOnATerminalIsOneRewrittenLine) {
  const TempDir tmp("cli_intake");
  const std::string in = tmp.write("many.jsonl", many_records(600));
  const RunResult r = on_a_terminal(parley_bin() + " code --dicts " + kDicts + " " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  // On by default there; the first batch (512 records) is drawn at once; the line is erased at the end.
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\rparley: 512 records, [0-9,]+ sentences/s, [0-9]+% of [0-9.]+ KB, "
                                                  "ETA [0-9hms]+\x1b\\[K")))
      << r.out;
  ASSERT_GE(r.out.size(), 4u) << r.out;
  EXPECT_EQ(r.out.substr(r.out.size() - 4), "\r\x1b[K") << "cleared at the end";
  EXPECT_EQ(r.out.find('\n'), std::string::npos) << "nothing but the one line: " << r.out;
}

// Asked for where stderr is no terminal (a pipe, a log file), progress is
// plain lines: no carriage return, no escape sequence, and a last line with
// the final counts.
TEST(CliIntake, ForcedProgressIntoAPipeOrFileWritesPlainLines) {
  const TempDir tmp("cli_intake");
  const std::string in = tmp.write("many.jsonl", many_records(600));
  const RunResult plain = run_parley("code --dicts " + kDicts + " " + in);
  const RunResult r = run_parley("code --progress --dicts " + kDicts + " " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, plain.out) << "progress never touches stdout";
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  const std::vector<std::string> lines = text_lines(r.err);
  ASSERT_GE(lines.size(), 2u) << r.err;
  EXPECT_TRUE(std::regex_match(lines.front(), std::regex("parley: 512 records, [0-9,]+ sentences/s, [0-9]+% of "
                                                          "[0-9.]+ KB, ETA [0-9hms]+")))
      << lines.front();
  EXPECT_TRUE(std::regex_match(lines.back(), std::regex("parley: 600 records, [0-9,]+ sentences/s, 100% of .*")))
      << lines.back();
  // Into a file: the same.
  const std::string log = tmp.file("progress.log");
  const RunResult to_file =
      run_command(parley_bin() + " code --progress --dicts " + kDicts + " " + in + " > /dev/null 2> " + log);
  ASSERT_EQ(to_file.status, 0);
  const std::string logged = read_file(log);
  EXPECT_EQ(logged.find('\r'), std::string::npos) << logged;
  EXPECT_TRUE(contains(logged, "parley: 600 records, ")) << logged;
  // A run short enough that its first update is its last writes it once.
  const std::string few = tmp.write("few.jsonl", many_records(3));
  const RunResult short_run = run_parley("code --progress --dicts " + kDicts + " " + few);
  ASSERT_EQ(short_run.status, 0) << short_run.err;
  const std::vector<std::string> short_lines = text_lines(short_run.err);
  for (size_t i = 1; i < short_lines.size(); ++i) EXPECT_NE(short_lines[i], short_lines[i - 1]) << short_run.err;

  // From stdin the size is unknown: records and rate, no ETA.
  const RunResult piped = run_command("cat " + in + " | " + parley_bin() + " code --progress --dicts " + kDicts + " -");
  ASSERT_EQ(piped.status, 0) << piped.err;
  EXPECT_TRUE(contains(piped.err, "parley: 512 records, ")) << piped.err;
  EXPECT_TRUE(contains(piped.err, "sentences/s")) << piped.err;
  EXPECT_FALSE(contains(piped.err, "ETA")) << piped.err;
}

TEST(CliIntake, ProgressGetsOutOfTheWayOfWarnings) {
  const TempDir tmp("cli_intake");
  const std::string in = tmp.write("many.jsonl", many_records(600) + "{\"id\":\"late\",\"text\":\"Russia accused Ukraine.\"}\n");
  // On a terminal the warning starts on a cleared line.
  const RunResult r = on_a_terminal(parley_bin() + " code --progress --dicts " + kDicts + " " + in);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(contains(r.out, "\r\x1b[Kparley: " + in + ":601: record late: no date")) << r.out;
  // In a pipe it is a line of its own among the progress lines.
  const RunResult piped = run_parley("code --progress --dicts " + kDicts + " " + in);
  ASSERT_EQ(piped.status, 0) << piped.err;
  EXPECT_TRUE(contains(piped.err, "\nparley: " + in + ":601: record late: no date")) << piped.err;
}

TEST(CliIntake, IngestProgress) {
  const TempDir tmp("cli_intake");
  const std::string in = tmp.write("many.jsonl", many_records(300));
  const RunResult r = run_parley("ingest --progress --db " + (tmp.path() / "e.db").string() + " --dicts " + kDicts + " " + in);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(std::regex_search(r.err, std::regex("(^|\n)parley: 256 records, [0-9,]+ sentences/s, [0-9]+% of [0-9.]+ KB, ETA")))
      << r.err;
  EXPECT_TRUE(contains(r.err, "\nparley: stored 300 document(s)")) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << r.err;
  const RunResult terminal =
      on_a_terminal(parley_bin() + " ingest --progress --db " + (tmp.path() / "t.db").string() + " --dicts " + kDicts + " " + in);
  ASSERT_EQ(terminal.status, 0) << terminal.out;
  EXPECT_TRUE(contains(terminal.out, "\r\x1b[Kparley: stored 300 document(s)")) << terminal.out;
  const RunResult quiet = run_parley("ingest --db " + (tmp.path() / "f.db").string() + " --dicts " + kDicts + " " + in);
  EXPECT_EQ(quiet.err.find('\r'), std::string::npos) << quiet.err;
  EXPECT_EQ(quiet.err.find("records, "), std::string::npos) << "off in a pipe unless asked: " << quiet.err;
}

}  // namespace
