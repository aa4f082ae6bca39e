// Plain-text and JSON Lines readers, and format detection.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "io/input.h"
#include "support/input_records.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace parley::io {
namespace {

namespace fs = std::filesystem;
using namespace std::literals;
const std::string kData = parley::test::test_data_path("io") + "/";


using test::read_all;

using parley::test::TempDir;

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

// ---- detection -------------------------------------------------------------

TEST(InputDetect, FromFirstSignificantByte) {
  TempDir tmp;
  EXPECT_EQ(InputReader::open(tmp.write("a", "\n\n  {\"text\":\"x\"}\n"), {})->format(), InputFormat::kJsonLines);
  EXPECT_EQ(InputReader::open(tmp.write("b", "\xEF\xBB\xBF <Sentences/>"), {})->format(), InputFormat::kXml);
  EXPECT_EQ(InputReader::open(tmp.write("c", "\t Hello <b>"), {})->format(), InputFormat::kText);
  EXPECT_EQ(InputReader::open(tmp.write("d", "[1]"), {})->format(), InputFormat::kText);
  EXPECT_EQ(InputReader::open(tmp.write("e", std::string(300000, ' ') + "{\"text\":\"x\"}"), {})->format(),
            InputFormat::kJsonLines);
  ReaderOptions forced;
  forced.format = InputFormat::kText;
  EXPECT_EQ(InputReader::open(tmp.write("f", "{\"text\":\"x\"}"), forced)->format(), InputFormat::kText);
}

TEST(InputDetect, MissingFileIsAnErrorRecordNotACrash) {
  const auto items = read_all("/nonexistent/dir/news.txt");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(contains(items[0].error, "/nonexistent/dir/news.txt: cannot open"));
}

TEST(InputDetect, DirectoryIsAnError) {
  TempDir tmp;
  const std::string dir = fs::path(tmp.write("x", "")).parent_path().string();
  const auto items = read_all(dir);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(contains(items[0].error, dir)) << items[0].error;
}

TEST(InputDetect, Utf16IsRejectedClearly) {
  TempDir tmp;
  const auto items = read_all(tmp.write("u16.txt", std::string("\xFF\xFEH\0i\0", 6)));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(contains(items[0].error, "u16.txt: input is UTF-16")) << items[0].error;
}

// ---- plain text -------------------------------------------------------------

TEST(TextReader, WholeFileIsOneDocument) {
  ReaderOptions options;
  options.date = 20080804;
  const auto items = read_all(kData + "plain.txt", options);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, "");
  const InputRecord& r = items[0].rec;
  EXPECT_EQ(r.kind, InputRecord::kDocument);
  EXPECT_EQ(r.id, "plain");
  EXPECT_EQ(r.date, 20080804);
  EXPECT_EQ(r.source_line, 1u);
  EXPECT_EQ(r.source_file, kData + "plain.txt");
  EXPECT_EQ(r.text,
            "Arnor is about to restore full diplomatic ties with Gondor almost five years\n"
            "after crowds trashed its embassy, a senior official said on Saturday.\n");
  EXPECT_EQ(r.extra_json, "");
}

TEST(TextReader, BomIsStrippedAndDateDefaultsToZero) {
  TempDir tmp;
  const auto items = read_all(tmp.write("story.v2.txt", "\xEF\xBB\xBFHello world."));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, "");
  EXPECT_EQ(items[0].rec.text, "Hello world.");
  EXPECT_EQ(items[0].rec.id, "story.v2");
  EXPECT_EQ(items[0].rec.date, 0);
  EXPECT_EQ(items[0].rec.warning,
            "no date; coded without one, so its events have no date (give a date or --date)");
}

TEST(TextReader, EmptyAndBlankFilesAreErrors) {
  TempDir tmp;
  for (const char* content : {"", "   \n\t\n", "\xEF\xBB\xBF"}) {
    const auto items = read_all(tmp.write("empty.txt", content));
    ASSERT_EQ(items.size(), 1u);
    EXPECT_TRUE(contains(items[0].error, "empty.txt:1: record empty: empty text")) << items[0].error;
  }
}

TEST(TextReader, InvalidUtf8AndNulAreErrors) {
  TempDir tmp;
  auto items = read_all(tmp.write("bad.txt", "Caf\xE9 au lait"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(contains(items[0].error, "bad.txt:1: record bad: invalid UTF-8 in text at byte 3"))
      << items[0].error;
  items = read_all(tmp.write("nul.txt", std::string("abc\0def", 7)));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(contains(items[0].error, "nul.txt:1: record nul: NUL byte in text at byte 3"))
      << items[0].error;
}

TEST(TextReader, TenMegabyteSingleLine) {
  TempDir tmp;
  std::string big;
  big.reserve(10 << 20);
  while (big.size() < (10u << 20)) big += "Arnor restored ties with Gondor. ";
  const std::string path = tmp.write("big.txt", big);
  auto items = read_all(path);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, "");
  EXPECT_EQ(items[0].rec.text, big);

  ReaderOptions small;
  small.max_record_bytes = 1 << 20;
  items = read_all(path, small);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(contains(items[0].error, "big.txt:1: record big: document larger than the maximum"))
      << items[0].error;
  EXPECT_TRUE(items[0].rec.text.empty());
}

// ---- JSON Lines -------------------------------------------------------------

TEST(JsonLinesReader, GoodLinesSurviveBadOnes) {
  ReaderOptions options;
  options.date = 19990101;
  const std::string file = kData + "mixed.jsonl";
  const auto items = read_all(file, options);
  ASSERT_EQ(items.size(), 13u);  // 14 lines, one blank

  const auto& a1 = items[0];
  EXPECT_EQ(a1.error, "");
  EXPECT_EQ(a1.rec.id, "a1");
  EXPECT_EQ(a1.rec.date, 20080804);
  EXPECT_EQ(a1.rec.text, "Arnor restored ties with Gondor.");
  EXPECT_EQ(a1.rec.source_line, 1u);
  // "source" is also an event field: it passes through as "input_source".
  EXPECT_EQ(a1.rec.extra_json, R"({"input_source":"AFP","tags":["x",{"k":null}],"score":1.50e0})");
  EXPECT_EQ(nlohmann::json::parse(a1.rec.extra_json)["tags"][1]["k"], nullptr);

  const auto& a2 = items[1];
  EXPECT_EQ(a2.error, "");
  EXPECT_EQ(a2.rec.id, "a2");
  EXPECT_EQ(a2.rec.date, 20080805);
  EXPECT_EQ(a2.rec.text, "Gondor \"welcomed\" the move.\nNew line.");
  EXPECT_EQ(a2.rec.source_line, 3u) << "blank line 2 is skipped but counted";
  EXPECT_EQ(a2.rec.extra_json, "");

  EXPECT_TRUE(contains(items[2].error, file + ":4: record a3: malformed JSON: ")) << items[2].error;
  EXPECT_TRUE(contains(items[2].error, "column")) << items[2].error;

  EXPECT_EQ(items[3].error, "");
  EXPECT_EQ(items[3].rec.id, file + ":5");
  EXPECT_EQ(items[3].rec.date, 20080806);

  EXPECT_EQ(items[4].error, file + ":6: record a5: field \"text\" must be a string, got a number");
  EXPECT_EQ(items[5].error, "") << "an unreadable date does not lose the record";
  EXPECT_EQ(items[5].rec.id, "a6");
  EXPECT_EQ(items[5].rec.date, 19990101);
  EXPECT_EQ(items[5].rec.warning,
            "unreadable date \"2008-02-30\" (no such day: February 30, 2008); coded with --date 1999-01-01");
  EXPECT_EQ(items[6].error, file + ":8: record a7: missing field \"text\"");
  EXPECT_EQ(items[7].error, file + ":9: record " + file + ":9: line is not a JSON object");

  EXPECT_EQ(items[8].error, "");
  EXPECT_EQ(items[8].rec.id, "9");
  EXPECT_EQ(items[8].rec.date, 20080807);

  EXPECT_EQ(items[9].error, file + ":11: record a10: duplicate field \"text\"");

  EXPECT_EQ(items[10].error, "");
  EXPECT_EQ(items[10].rec.date, 19990101) << "null date falls back to --date";
  EXPECT_EQ(items[10].rec.warning, "") << "a missing date with --date given is not worth a warning";

  EXPECT_TRUE(contains(items[11].error, file + ":13: record a12: malformed JSON")) << items[11].error;

  EXPECT_EQ(items[12].error, "");
  EXPECT_EQ(items[12].rec.id, "a13");
  EXPECT_EQ(items[12].rec.date, 19990101);
}

TEST(JsonLinesReader, DatesInEveryFeedForm) {
  TempDir tmp;
  const std::string file = tmp.write("forms.jsonl",
                                     "{\"id\":\"f1\",\"text\":\"x\",\"date\":\"2026-03-03T10:00:00Z\"}\n"
                                     "{\"id\":\"f2\",\"text\":\"x\",\"date\":\"2026-03-03T23:30:00.250-05:00\"}\n"
                                     "{\"id\":\"f3\",\"text\":\"x\",\"date\":\"March 3, 2026\"}\n"
                                     "{\"id\":\"f4\",\"text\":\"x\",\"date\":\"3 March 2026\"}\n"
                                     "{\"id\":\"f5\",\"text\":\"x\",\"date\":\"Mar. 3, 2026\"}\n"
                                     "{\"id\":\"f6\",\"text\":\"x\",\"date\":\"2026/03/03\"}\n"
                                     "{\"id\":\"f7\",\"text\":\"x\",\"date\":20260303}\n"
                                     "{\"id\":\"f8\",\"text\":\"x\",\"date\":\"Tue, 03 Mar 2026 10:00:00 +0000\"}\n"
                                     "{\"id\":\"m1\",\"text\":\"x\"}\n"
                                     "{\"id\":\"m2\",\"text\":\"x\",\"date\":\"\"}\n"
                                     "{\"id\":\"m3\",\"text\":\"x\",\"date\":\"2026-13-01\"}\n"
                                     "{\"id\":\"m4\",\"text\":\"x\",\"date\":\"garbage\"}\n"
                                     "{\"id\":\"m5\",\"text\":\"x\",\"date\":true}\n"
                                     "{\"id\":\"m6\",\"text\":\"x\",\"date\":2026.5}\n");
  const auto items = read_all(file);
  ASSERT_EQ(items.size(), 14u);
  for (size_t i = 0; i < 8; ++i) {
    EXPECT_EQ(items[i].error, "") << i;
    EXPECT_EQ(items[i].rec.date, 20260303) << items[i].rec.id;
    EXPECT_EQ(items[i].rec.warning, "") << items[i].rec.id;
  }
  const char* expected[] = {
      "no date; coded without one, so its events have no date (give a date or --date)",
      "unreadable date \"\" (empty date); coded without a date",
      "unreadable date \"2026-13-01\" (month 13 out of range 1..12); coded without a date",
      "unreadable date \"garbage\" (not a date); coded without a date",
      "field \"date\" must be a string, got a boolean; coded without a date",
      "field \"date\" must be a string, got a number; coded without a date",
  };
  for (size_t i = 8; i < 14; ++i) {
    EXPECT_EQ(items[i].error, "") << "a record with a bad date is still coded: " << items[i].rec.id;
    EXPECT_EQ(items[i].rec.date, 0) << items[i].rec.id;
    EXPECT_EQ(items[i].rec.warning, expected[i - 8]) << items[i].rec.id;
  }
  // A date that cannot be read takes --date like a missing one, and says so.
  ReaderOptions with_default;
  with_default.date = 20260101;
  const auto defaulted = read_all(file, with_default);
  ASSERT_EQ(defaulted.size(), 14u);
  EXPECT_EQ(defaulted[8].rec.date, 20260101);
  EXPECT_EQ(defaulted[8].rec.warning, "");
  EXPECT_EQ(defaulted[10].rec.date, 20260101);
  EXPECT_EQ(defaulted[10].rec.warning,
            "unreadable date \"2026-13-01\" (month 13 out of range 1..12); coded with --date 2026-01-01");
}

TEST(JsonLinesReader, ReportsBytesConsumedForProgress) {
  TempDir tmp;
  const std::string body = "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"two\"}\n";
  auto reader = InputReader::open(tmp.write("p.jsonl", body), {});
  EXPECT_EQ(reader->bytes_total(), body.size());
  InputRecord rec;
  std::string error;
  ASSERT_TRUE(reader->next(rec, error));
  EXPECT_EQ(reader->bytes_consumed(), body.size() / 2);
  ASSERT_TRUE(reader->next(rec, error));
  EXPECT_FALSE(reader->next(rec, error));
  EXPECT_EQ(reader->bytes_consumed(), body.size());
}

TEST(JsonLinesReader, TruncatedFinalLine) {
  const std::string file = kData + "truncated_final_line.jsonl";
  const auto items = read_all(file);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].error, "");
  EXPECT_EQ(items[0].rec.text, "complete");
  EXPECT_TRUE(contains(items[1].error, file + ":2: record t2: truncated final line: malformed JSON"))
      << items[1].error;
}

TEST(JsonLinesReader, InvalidUtf8AndNulBytes) {
  TempDir tmp;
  const std::string file = tmp.write("enc.jsonl",
                                     std::string_view("{\"id\":\"u1\",\"text\":\"Caf\xE9\"}\n"
                                                 "{\"id\":\"u2\",\"text\":\"ok \xC3\xA9\"}\n"
                                                 "{\"id\":\"n1\",\"text\":\"a\0b\"}\n"
                                                 "{\"id\":\"n2\",\"text\":\"a\\u0000b\"}\n"
                                                 "{\"id\":\"n3\",\0\"text\":\"x\"}\n"
                                                 "{\"id\":\"u3\",\"text\":\"last\"}\r\n"sv));
  const auto items = read_all(file);
  ASSERT_EQ(items.size(), 6u);
  EXPECT_TRUE(contains(items[0].error, file + ":1: record u1: malformed JSON")) << items[0].error;
  EXPECT_TRUE(contains(items[0].error, "UTF-8")) << items[0].error;
  EXPECT_EQ(items[1].error, "");
  EXPECT_EQ(items[1].rec.text, "ok \xC3\xA9");
  EXPECT_TRUE(contains(items[2].error, file + ":3: record n1: malformed JSON")) << items[2].error;
  EXPECT_EQ(items[3].error, file + ":4: record n2: NUL byte in text at byte 1");
  EXPECT_TRUE(contains(items[4].error, file + ":5: record n3: malformed JSON")) << items[4].error;
  EXPECT_EQ(items[5].error, "");
  EXPECT_EQ(items[5].rec.text, "last");
}

TEST(JsonLinesReader, WrongTypesAndEmptyText) {
  TempDir tmp;
  const std::string file = tmp.write("types.jsonl",
                                     "{\"id\":\"w1\",\"text\":[\"a\"]}\n"
                                     "{\"id\":\"w2\",\"text\":{\"t\":1}}\n"
                                     "{\"id\":\"w3\",\"text\":null}\n"
                                     "{\"id\":true,\"text\":\"x\"}\n"
                                     "{\"id\":\"w5\",\"text\":\"x\",\"date\":2008}\n"
                                     "{\"id\":\"w6\",\"text\":\"x\",\"date\":[20080101]}\n"
                                     "{\"id\":\"w7\",\"text\":\"  \"}\n"
                                     "{\"text\":\"late id\",\"date\":\"2008-8-1\",\"id\":\"w8\"}\n"
                                     "{\"id\":\"w9\",\"text\":\"x\",\"date\":\"20080229\"}\n"
                                     "{}\n"
                                     "42\n");
  const auto items = read_all(file);
  ASSERT_EQ(items.size(), 11u);
  EXPECT_EQ(items[0].error, file + ":1: record w1: field \"text\" must be a string, got an array");
  EXPECT_EQ(items[1].error, file + ":2: record w2: field \"text\" must be a string, got an object");
  EXPECT_EQ(items[2].error, file + ":3: record w3: field \"text\" must be a string, got null");
  EXPECT_EQ(items[3].error, file + ":4: record " + file +
                                ":4: field \"id\" must be a string or an integer, got a boolean");
  EXPECT_EQ(items[4].error, "");
  EXPECT_EQ(items[4].rec.date, 0);
  EXPECT_EQ(items[4].rec.warning, "unreadable date \"2008\" (expected YYYY-MM-DD or YYYYMMDD); coded without a date");
  EXPECT_EQ(items[5].error, "");
  EXPECT_EQ(items[5].rec.date, 0);
  EXPECT_EQ(items[5].rec.warning, "field \"date\" must be a string, got an array; coded without a date");
  EXPECT_EQ(items[6].error, file + ":7: record w7: empty text");
  EXPECT_EQ(items[7].error, "");
  EXPECT_EQ(items[7].rec.id, "w8");
  EXPECT_EQ(items[7].rec.date, 20080801) << "one-digit month and day";
  EXPECT_EQ(items[7].rec.warning, "");
  EXPECT_EQ(items[8].error, "");
  EXPECT_EQ(items[8].rec.date, 20080229);
  EXPECT_EQ(items[9].error, file + ":10: record " + file + ":10: missing field \"text\"");
  EXPECT_EQ(items[10].error, file + ":11: record " + file + ":11: line is not a JSON object");
}

TEST(JsonLinesReader, OversizeLineIsSkippedNotStored) {
  TempDir tmp;
  std::string big = "{\"id\":\"big\",\"text\":\"" + std::string(3 << 20, 'a') + "\"}\n";
  const std::string file = tmp.write("big.jsonl", "{\"id\":\"s1\",\"text\":\"small\"}\n" + big +
                                                     "{\"id\":\"s3\",\"text\":\"after\"}\n");
  ReaderOptions options;
  options.max_record_bytes = 1 << 20;
  auto items = read_all(file, options);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].rec.id, "s1");
  EXPECT_EQ(items[1].error, file + ":2: record " + file +
                                ":2: line longer than the maximum record size of 1048576 bytes");
  EXPECT_EQ(items[2].error, "");
  EXPECT_EQ(items[2].rec.id, "s3");
  EXPECT_EQ(items[2].rec.source_line, 3u);

  items = read_all(file);  // default 64 MiB: the big line is fine
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[1].error, "");
  EXPECT_EQ(items[1].rec.text.size(), 3u << 20);
}

TEST(JsonLinesReader, RecordIsReusedWithoutStaleFields) {
  TempDir tmp;
  const std::string file = tmp.write("reuse.jsonl",
                                     "{\"id\":\"r1\",\"date\":\"2001-01-01\",\"text\":\"one\",\"x\":1}\n"
                                     "{\"text\":\"two\"}\n");
  auto reader = InputReader::open(file, {});
  InputRecord rec;
  std::string error;
  ASSERT_TRUE(reader->next(rec, error));
  EXPECT_EQ(rec.extra_json, "{\"x\":1}");
  ASSERT_TRUE(reader->next(rec, error));
  EXPECT_EQ(error, "");
  EXPECT_EQ(rec.id, file + ":2");
  EXPECT_EQ(rec.date, 0);
  EXPECT_EQ(rec.text, "two");
  EXPECT_EQ(rec.extra_json, "");
  EXPECT_FALSE(reader->next(rec, error));
  EXPECT_FALSE(reader->next(rec, error)) << "stays at the end";
}

TEST(JsonLinesReader, CorruptedLinesNeverCrash) {
  test::expect_corrupted_copies_read_safely(
      test::read_file(kData + "mixed.jsonl"), 99, "corrupt.jsonl", [](const InputReader& reader, const InputRecord& rec) {
        if (reader.format() != InputFormat::kJsonLines) return;
        EXPECT_FALSE(rec.text.empty());
        EXPECT_FALSE(rec.id.empty());
        if (!rec.extra_json.empty()) {
          nlohmann::json extra;
          EXPECT_NO_THROW(extra = nlohmann::json::parse(rec.extra_json)) << rec.extra_json;
        }
      });
}

TEST(InputReader, StdinIsNamedDash) {
  TempDir tmp;
  const std::string path = tmp.write("in.jsonl", "{\"id\":\"s\",\"text\":\"from stdin\"}\n{\"text\":1}\n");
  ASSERT_NE(std::freopen(path.c_str(), "rb", stdin), nullptr);
  const auto items = read_all("-");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].error, "");
  EXPECT_EQ(items[0].rec.text, "from stdin");
  EXPECT_EQ(items[0].rec.source_file, "-");
  EXPECT_EQ(items[1].error, "-:2: record -:2: field \"text\" must be a string, got a number");
}

TEST(InputReader, StdinPlainTextIdIsStdin) {
  TempDir tmp;
  const std::string path = tmp.write("in.txt", "Plain words.");
  ASSERT_NE(std::freopen(path.c_str(), "rb", stdin), nullptr);
  const auto items = read_all("-");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, "");
  EXPECT_EQ(items[0].rec.id, "stdin");
  EXPECT_EQ(items[0].rec.text, "Plain words.");
}

}  // namespace
}  // namespace parley::io
