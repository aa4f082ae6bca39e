// PETRARCH XML reader: fixtures, the two shared PETRARCH files, broken XML.
#include <gtest/gtest.h>

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


std::vector<test::ReadItem> read_all(const std::string& path, const ReaderOptions& options = {}) {
  static constexpr InputFormat kXml = InputFormat::kXml;
  return test::read_all(path, options, &kXml);
}

using parley::test::TempDir;

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

TEST(XmlReader, PetrarchFixture) {
  const auto items = read_all(kData + "petrarch.xml");
  ASSERT_EQ(items.size(), 3u);
  for (const auto& i : items) EXPECT_EQ(i.error, "");
  const InputRecord& a = items[0].rec;
  EXPECT_EQ(a.kind, InputRecord::kDocument);
  EXPECT_EQ(a.id, "AFP0808020625_4");
  EXPECT_EQ(a.date, 20080804);
  EXPECT_TRUE(a.sentence_mode);
  EXPECT_EQ(a.source_line, 3u);
  EXPECT_EQ(a.text,
            "The stopover came as the US leader prepared to attend the Beijing Olympics, an "
            "event which will test his vow to keep politics out of the Games.");
  EXPECT_EQ(a.extra_json, R"({"input_source":"AFP"})");  // not the event's own "source"
  EXPECT_TRUE(a.gold.empty());

  const InputRecord& b = items[1].rec;
  EXPECT_EQ(b.id, "AFP0808020675_1");
  EXPECT_FALSE(b.sentence_mode);
  EXPECT_EQ(b.text, "Brazil & the United States are seeking to deepen a partnership.");
  EXPECT_EQ(b.source_line, 13u);

  const InputRecord& c = items[2].rec;
  EXPECT_EQ(c.id, kData + "petrarch.xml:21") << "no id: FILE:LINE";
  EXPECT_TRUE(c.sentence_mode) << "sentence=\"TRUE\" is case-insensitive";
  EXPECT_EQ(c.text, "No id; CDATA <text> kept.");
  EXPECT_EQ(c.extra_json, "");
}

TEST(XmlReader, DateFallsBackToOption) {
  const TempDir tmp("io_xml");
  const std::string path = tmp.write("nodate.xml", "<Sentences><Sentence id=\"x\"><Text>t</Text></Sentence></Sentences>");
  ReaderOptions options;
  options.date = 20200101;
  auto items = read_all(path, options);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, "");
  EXPECT_EQ(items[0].rec.date, 20200101);
}

TEST(XmlReader, ValidationFixture) {
  const std::string file = kData + "validation.xml";
  const auto items = read_all(file);
  ASSERT_EQ(items.size(), 9u);

  const InputRecord& env = items[0].rec;
  EXPECT_EQ(items[0].error, "");
  ASSERT_EQ(env.kind, InputRecord::kEnvironment);
  EXPECT_EQ(env.env.verbfile, "verbs.txt");
  EXPECT_EQ(env.env.actorfile, "actors.txt");
  EXPECT_EQ(env.env.agentfile, "agents.txt");
  EXPECT_EQ(env.env.discardfile, "discards.txt");
  EXPECT_EQ(env.env.issuefile, "");
  EXPECT_EQ(env.env.include, (std::vector<std::string>{"valid", "DEMO", "ACTOR", "VERB"}));
  EXPECT_EQ(env.env.exclude, (std::vector<std::string>{"SKIP"}));
  ASSERT_EQ(env.env.config.size(), 1u);
  EXPECT_EQ(env.env.config[0], (std::pair<std::string, std::string>{"stop_on_error", "True"}));

  const InputRecord& d0 = items[1].rec;
  EXPECT_EQ(items[1].error, "");
  EXPECT_EQ(d0.kind, InputRecord::kDocument);
  EXPECT_EQ(d0.id, "DEMO-00");
  EXPECT_EQ(d0.category, "DEMO");
  EXPECT_EQ(d0.date, 19950101);
  EXPECT_EQ(d0.text, "Arnor is about to restore full &TIETYPE ties.");
  ASSERT_EQ(d0.gold.size(), 2u);
  EXPECT_EQ(d0.gold[0].source, "ARN");
  EXPECT_EQ(d0.gold[0].target, "GON");
  EXPECT_EQ(d0.gold[0].code, "064");
  EXPECT_EQ(d0.gold[1].source, "\"GRYFFINDOR HEAD\"");
  EXPECT_FALSE(d0.gold_noevents);
  EXPECT_EQ(d0.gold_error, "");

  EXPECT_EQ(items[2].rec.kind, InputRecord::kConfig);
  EXPECT_EQ(items[2].rec.option, "require_dyad");
  EXPECT_EQ(items[2].rec.value, "false");

  EXPECT_EQ(items[3].rec.id, "DEMO-01");
  EXPECT_TRUE(items[3].rec.gold_noevents);
  EXPECT_TRUE(items[3].rec.gold.empty());
  EXPECT_EQ(items[3].rec.date, 19950102);

  EXPECT_EQ(items[4].rec.kind, InputRecord::kConfig);
  EXPECT_EQ(items[4].rec.value, "true");

  EXPECT_EQ(items[5].error, "");
  EXPECT_EQ(items[5].rec.gold_error, "dateline");

  // An unreadable date does not lose the record: it is coded without a date, with a warning.
  EXPECT_EQ(items[6].error, "");
  EXPECT_EQ(items[6].rec.id, "BADDATE");
  EXPECT_EQ(items[6].rec.date, 0);
  EXPECT_EQ(items[6].rec.warning, "unreadable date \"19950230\" (no such day: February 30, 1995); coded without a date");
  EXPECT_EQ(items[7].error, file + ":40: record NOTEXT: missing <Text>");
  EXPECT_EQ(items[8].error, file + ":43: record HALFCODE: <EventCoding> needs all of sourcecode=, "
                                   "targetcode= and eventcode=");
}

TEST(XmlReader, SharedGigaWordSample) {
  const std::string file = parley::test::shared_path("petrarch/phoenix/GigaWord.sample.PETR.xml");
  const auto items = read_all(file);
  ASSERT_EQ(items.size(), 76u);
  // TEST_1..TEST_9 carry only a <Parse>; parley codes text, so they are
  // reported, not silently coded as nothing.
  std::vector<std::string> parse_only;
  for (const auto& i : items) {
    if (!i.error.empty()) {
      parse_only.push_back(i.rec.id);
      EXPECT_EQ(i.error, file + ":" + std::to_string(i.rec.source_line) + ": record " + i.rec.id +
                             ": empty <Text> (parley codes the text; <Parse> is not read)");
      continue;
    }
    EXPECT_EQ(i.error, "") << i.rec.id;
    EXPECT_EQ(i.rec.kind, InputRecord::kDocument);
    EXPECT_TRUE(i.rec.sentence_mode) << i.rec.id;
    EXPECT_EQ(i.rec.extra_json, R"({"input_source":"AFP"})") << i.rec.id;
    EXPECT_EQ(i.rec.text.find('\n'), std::string::npos);
    EXPECT_EQ(i.rec.text.find("  "), std::string::npos);
    EXPECT_NE(i.rec.text.front(), ' ');
    EXPECT_NE(i.rec.text.back(), ' ');
  }
  EXPECT_EQ(parse_only, (std::vector<std::string>{"TEST_1", "TEST_2", "TEST_3", "TEST_4", "TEST_5",
                                                   "TEST_6", "TEST_7", "TEST_8", "TEST_9"}));
  EXPECT_EQ(items[0].rec.id, "AFP0808020625_4");
  EXPECT_EQ(items[0].rec.date, 20080804);
  EXPECT_EQ(items[0].rec.source_line, 13u);
  EXPECT_EQ(items[0].rec.text,
            "The stopover came as the US leader prepared to attend the Beijing Olympics, an "
            "event which will test his vow to keep politics out of the Games.");
  EXPECT_EQ(items[1].rec.id, "AFP0808020675_1");
  EXPECT_EQ(items[1].rec.date, 20080806);
}

TEST(XmlReader, SharedUnitTestRecords) {
  const std::string file = parley::test::shared_path("petrarch/validation/PETR.UnitTest.records.xml");
  const auto items = read_all(file);
  size_t sentences = 0, sentence_mode = 0, configs = 0, environments = 0, errors = 0;
  std::vector<std::pair<std::string, std::string>> config_order;
  std::vector<std::string> without_gold;
  for (const auto& i : items) {
    if (!i.error.empty()) {
      ++errors;
      ADD_FAILURE() << i.error;
      continue;
    }
    switch (i.rec.kind) {
      case InputRecord::kDocument:
        ++sentences;
        sentence_mode += i.rec.sentence_mode;
        if (i.rec.gold.empty() && !i.rec.gold_noevents && i.rec.gold_error.empty())
          without_gold.push_back(i.rec.id);
        break;
      case InputRecord::kConfig:
        ++configs;
        config_order.emplace_back(i.rec.option, i.rec.value);
        break;
      case InputRecord::kEnvironment: ++environments; break;
    }
  }
  EXPECT_EQ(errors, 0u);
  EXPECT_EQ(sentences, 284u);
  EXPECT_EQ(sentence_mode, 279u);
  EXPECT_EQ(environments, 1u);
  EXPECT_EQ(configs, 28u);  // 29 <Config> elements, one inside <Environment>
  EXPECT_EQ(without_gold, std::vector<std::string>{"PATTERN-06"});  // its coding is commented out
  ASSERT_GE(config_order.size(), 3u);
  EXPECT_EQ(config_order[0], (std::pair<std::string, std::string>{"new_actor_length", "4"}));
  EXPECT_EQ(config_order[1], (std::pair<std::string, std::string>{"new_actor_length", "0"}));
  EXPECT_EQ(config_order[2], (std::pair<std::string, std::string>{"require_dyad", "false"}));

  ASSERT_EQ(items[0].rec.kind, InputRecord::kEnvironment);
  EXPECT_EQ(items[0].rec.env.verbfile, "PETR.Validate.verbs.txt");
  EXPECT_EQ(items[0].rec.env.include.size(), 12u);
  EXPECT_EQ(items[0].rec.env.config.size(), 1u);

  const auto find = [&](std::string_view id) -> const InputRecord* {
    for (const auto& i : items)
      if (i.rec.id == id) return &i.rec;
    return nullptr;
  };
  const InputRecord* demo = find("DEMO-00");
  ASSERT_NE(demo, nullptr);
  EXPECT_EQ(demo->source_line, 61u);
  EXPECT_EQ(demo->category, "DEMO");
  EXPECT_EQ(demo->date, 19950101);
  ASSERT_EQ(demo->gold.size(), 1u);
  EXPECT_EQ(demo->gold[0].code, "064");
  EXPECT_EQ(demo->text, "Arnor is about to restore full diplomatic ties with Gondor almost five years "
                        "after crowds trashed its embassy.");
  ASSERT_NE(find("DEMO-04"), nullptr);
  EXPECT_FALSE(find("DEMO-04")->sentence_mode);
  const InputRecord* textcodes = find("TextCodes-2");
  ASSERT_NE(textcodes, nullptr);
  EXPECT_TRUE(textcodes->gold_noevents);
  const InputRecord* err = find("ERROR-01");
  ASSERT_NE(err, nullptr);
  EXPECT_EQ(err->gold_error, "dateline");
  EXPECT_EQ(err->date, 20080801);
  // Single-quoted attribute values that hold double quotes.
  bool found_quoted = false;
  for (const auto& i : items)
    for (const auto& g : i.rec.gold)
      if (g.source == "\"GRYFFINDOR HEAD MINERVA MCGONAGALL\"" && g.target == "\"THE MINISTRY OF MAGIC\"" &&
          g.code == "032")
        found_quoted = true;
  EXPECT_TRUE(found_quoted);
}

TEST(XmlReader, TruncatedFileYieldsRecordsBeforeTheBreak) {
  const std::string file = kData + "truncated.xml";
  const auto items = read_all(file);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].error, "");
  EXPECT_EQ(items[0].rec.id, "AFP0808020625_4");
  // One error for the cut record, at its own line, saying where the file ends;
  // the unclosed <Sentences> around it needs no second one.
  EXPECT_EQ(items[1].error, file + ":13: record AFP0808020675_1: <Sentence> skipped: the file ends before "
                                   "</Sentence> (line 16, column 19)");
}

TEST(XmlReader, UnclosedTagCostsOnlyItsRecord) {
  const std::string file = kData + "unclosed_tag.xml";
  const auto items = read_all(file);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].error, "");
  EXPECT_EQ(items[0].rec.id, "GOOD-1");
  EXPECT_TRUE(contains(items[1].error, file + ":5: record BROKEN-2: <Sentence> skipped: XML parse error: "))
      << items[1].error;
  EXPECT_TRUE(contains(items[1].error, "(line 7, column")) << items[1].error;
  EXPECT_EQ(items[2].error, "");
  EXPECT_EQ(items[2].rec.id, "AFTER-3");
  EXPECT_EQ(items[2].rec.text, "Read after the broken record.");
}

TEST(XmlReader, CutRightAfterAClosedSentenceKeepsIt) {
  const TempDir tmp("io_xml");
  const std::string path = tmp.write(
      "cut.xml", "<Sentences>\n<Sentence id=\"a\" date=\"20080101\"><Text>one</Text></Sentence>\n"
                 "<Sentence id=\"b\" date=\"20080101\"><Text>two</Text></Sentence>\n<Sent");
  const auto items = read_all(path);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].rec.id, "a");
  EXPECT_EQ(items[1].error, "");
  EXPECT_EQ(items[1].rec.id, "b");
  EXPECT_EQ(items[2].error, path + ":4: XML error outside any record: tag <Sent is not closed by '>' (line 4, column 1)");
}

TEST(XmlReader, NulByteCostsOnlyItsRecord) {
  const TempDir tmp("io_xml");
  const std::string path = tmp.write(
      "nul.xml", "<Sentences>\n<Sentence id=\"a\" date=\"20080101\"><Text>one</Text></Sentence>\n"
                 "<Sentence id=\"b\" date=\"20080101\"><Text>t\0wo</Text></Sentence>\n"
                 "<Sentence id=\"c\" date=\"20080101\"><Text>three</Text></Sentence>\n</Sentences>\n\0"sv);
  const auto items = read_all(path);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].error, "");
  EXPECT_EQ(items[1].error, path + ":3: record b: <Sentence> skipped: NUL byte in the record (line 3, column 41)");
  EXPECT_EQ(items[2].error, "");
  EXPECT_EQ(items[2].rec.text, "three");
  EXPECT_EQ(items[3].error, path + ":6: XML error outside any record: NUL byte in XML (line 6, column 1)");
}

// Issue 12, defect 6: one bad tag lost the 50 good records after it.
TEST(XmlReader, MalformedRecordsDoNotDropTheRest) {
  const TempDir tmp("io_xml");
  std::string xml = "<Sentences>\n<Sentence id=\"first\" date=\"20080101\"><Text>one</Text></Sentence>\n";
  xml += "<Sentence id=\"badtag\" date=\"20080101\"><Text>two</Txet></Sentence>\n";        // line 3
  xml += "<Sentence id=\"noend\" date=\"20080101\"><Text>three</Text>\n";                  // line 4
  xml += "<Sentence id=\"badattr\" date=\"20080101 <Text>four</Text></Sentence>\n";        // line 5
  xml += "<Sentence id=\"shut\" date=\"20080101\"><Text>five</Text></Sentences>\n";        // line 6
  xml += "<Sentences>\n<!-- a comment with <Sentence> in it -->\n";
  for (int i = 0; i < 50; ++i)
    xml += "<Sentence id=\"good" + std::to_string(i) + "\" date=\"20080101\"><Text>ok</Text></Sentence>\n";
  xml += "</Sentences>\n";
  const std::string path = tmp.write("bad.xml", xml);
  const auto items = read_all(path);
  std::vector<std::string> errors;
  size_t good = 0;
  for (const auto& i : items) {
    if (!i.error.empty()) {
      errors.push_back(i.error);
    } else {
      ++good;
      EXPECT_NE(i.rec.id, "badtag");
    }
  }
  EXPECT_EQ(good, 51u);
  ASSERT_EQ(errors.size(), 4u) << ::testing::PrintToString(errors);
  EXPECT_TRUE(contains(errors[0], path + ":3: record badtag: <Sentence> skipped: XML parse error: ")) << errors[0];
  EXPECT_EQ(errors[1], path + ":4: record noend: <Sentence> skipped: no </Sentence> before this <Sentence> "
                              "(line 5, column 1)");
  EXPECT_TRUE(contains(errors[2], path + ":5: record badattr: <Sentence> skipped: XML parse error: "))
      << errors[2];
  EXPECT_EQ(errors[3], path + ":6: record shut: <Sentence> skipped: no </Sentence> before this </Sentences> "
                              "(line 6, column 54)");
}

// Issue 12, defect 3: 150,000 levels of nesting crashed code, ingest and
// validate and lost every record.
TEST(XmlReader, DeepNestingIsAnErrorForItsRecordOnly) {
  const TempDir tmp("io_xml");
  constexpr int kLevels = 200000;
  std::string deep;
  for (int i = 0; i < kLevels; ++i) deep += "<b>";
  for (int i = 0; i < kLevels; ++i) deep += "</b>";
  const std::string path = tmp.write(
      "deep.xml", "<Sentences>\n<Sentence id=\"before\" date=\"20080101\"><Text>one</Text></Sentence>\n"
                  "<Sentence id=\"deep\" date=\"20080101\"><Text>x " + deep + "</Text></Sentence>\n"
                  "<Sentence id=\"after\" date=\"20080101\"><Text>three</Text></Sentence>\n</Sentences>\n");
  const auto items = read_all(path);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].error, "");
  EXPECT_EQ(items[1].error, path + ":3: record deep: <Sentence> skipped: elements nested more than 256 levels "
                                   "deep (line 3, column " + std::to_string(45 + 3 * 253) + ")");
  EXPECT_EQ(items[2].error, "");
  EXPECT_EQ(items[2].rec.id, "after");
}

TEST(XmlReader, NestingLimitCountsFromTheRoot) {
  const TempDir tmp("io_xml");
  // <Text> at level 256 is read; one wrapper more puts it at 257.
  const auto file = [](int wrappers) {
    std::string xml;
    for (int i = 0; i < wrappers; ++i) xml += "<w>";
    xml += "<Sentence id=\"s\" date=\"20080101\"><Text>ok</Text></Sentence>";
    for (int i = 0; i < wrappers; ++i) xml += "</w>";
    return xml;
  };
  auto items = read_all(tmp.write("254.xml", file(254)));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, "");
  EXPECT_EQ(items[0].rec.text, "ok");

  const std::string path = tmp.write("255.xml", file(255));
  items = read_all(path);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(contains(items[0].error, path + ":1: record s: <Sentence> skipped: elements nested more than 256"))
      << items[0].error;

  // Nesting outside every record: one error for the file, the records found.
  std::string wrapper_only(300000 * 3, ' ');
  for (size_t i = 0; i < 300000; ++i) wrapper_only.replace(i * 3, 3, "<w>");
  const std::string deep = tmp.write("wrappers.xml", "<r><Sentence id=\"t\"><Text>ok</Text></Sentence>" +
                                                         wrapper_only);
  items = read_all(deep);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].error, "");
  EXPECT_TRUE(contains(items[1].error, deep + ":1: XML error outside any record: elements nested more than 256"))
      << items[1].error;

  ReaderOptions options;
  options.max_xml_depth = 2;
  items = read_all(tmp.write("2.xml", "<Sentence id=\"u\"><Text>ok</Text></Sentence>"), options);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, "");
}

TEST(XmlReader, UnterminatedCommentSaysTheRestIsInsideIt) {
  const TempDir tmp("io_xml");
  const std::string path = tmp.write(
      "comment.xml", "<Sentences>\n<Sentence id=\"a\" date=\"20080101\"><Text>one</Text></Sentence>\n<!-- open\n"
                     "<Sentence id=\"b\" date=\"20080101\"><Text>two</Text></Sentence>\n</Sentences>\n");
  const auto items = read_all(path);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].error, "");
  EXPECT_EQ(items[1].error, path + ":3: XML error outside any record: unterminated comment; the rest of the file "
                                   "is inside it (line 3, column 1)");
}

TEST(XmlReader, InvalidUtf8IsAnErrorForThatRecord) {
  const TempDir tmp("io_xml");
  const std::string path = tmp.write(
      "utf8.xml", "<Sentences>\n<Sentence id=\"a\" date=\"20080101\"><Text>Caf\xE9</Text></Sentence>\n"
                  "<Sentence id=\"b\xFF\" date=\"20080101\"><Text>ok</Text></Sentence>\n"
                  "<Sentence id=\"c\" date=\"20080101\" source=\"\xC0\"><Text>ok</Text></Sentence>\n"
                  "<Sentence id=\"d\" date=\"20080101\"><Text>fine \xE2\x82\xAC</Text></Sentence>\n</Sentences>");
  const auto items = read_all(path);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].error, path + ":2: record a: invalid UTF-8 in text at byte 3");
  EXPECT_EQ(items[1].error, path + ":3: record " + path + ":3: invalid UTF-8 in id=");
  EXPECT_EQ(items[2].error, path + ":4: record c: invalid UTF-8 in an attribute of <Sentence>");
  EXPECT_EQ(items[3].error, "");
  EXPECT_EQ(items[3].rec.text, "fine \xE2\x82\xAC");
}

TEST(XmlReader, OversizeTextAndOtherMalformedRecords) {
  const TempDir tmp("io_xml");
  const std::string path = tmp.write(
      "misc.xml", "<Sentences>\n"
                  "<Sentence id=\"big\" date=\"20080101\"><Text>" + std::string(2000, 'x') + "</Text></Sentence>\n"
                  "<Sentence id=\"two\" date=\"20080101\"><Text>a</Text><Text>b</Text></Sentence>\n"
                  "<Sentence id=\"nested\" date=\"20080101\"><Text>a <b>bold</b></Text></Sentence>\n"
                  "<Sentence id=\"empty\" date=\"20080101\"><Text>  </Text></Sentence>\n"
                  "<Sentence id=\"code\" date=\"2008-01-01\"><Text>x</Text></Sentence>\n"
                  "<Config value=\"1\"/>\n"
                  "</Sentences>");
  ReaderOptions options;
  options.max_record_bytes = 1000;
  const auto items = read_all(path, options);
  ASSERT_EQ(items.size(), 6u);
  EXPECT_TRUE(contains(items[0].error, path + ":2: record big: text larger than the maximum")) << items[0].error;
  EXPECT_EQ(items[1].error, path + ":3: record two: more than one <Text>");
  EXPECT_EQ(items[2].error, path + ":4: record nested: unexpected <b> inside <Text>");
  EXPECT_EQ(items[3].error, path + ":5: record empty: empty <Text> (parley codes the text; <Parse> is not read)");
  EXPECT_EQ(items[4].error, "") << "YYYY-MM-DD is accepted in XML too";
  EXPECT_TRUE(contains(items[4].rec.id, "code"));
  EXPECT_EQ(items[5].error, path + ":7: record " + path + ":7: <Config> without option=");
}

TEST(XmlReader, EventCodingWithoutAnything) {
  const TempDir tmp("io_xml");
  const std::string path = tmp.write(
      "ec.xml", "<Sentences><Sentence id=\"e\" date=\"20080101\"><EventCoding/><Text>x</Text></Sentence></Sentences>");
  const auto items = read_all(path);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(contains(items[0].error, path + ":1: record e: <EventCoding> has none of")) << items[0].error;
}

TEST(XmlReader, NotXmlAtAllAfterTheAngleBracket) {
  const TempDir tmp("io_xml");
  const std::string path = tmp.write("junk.xml", "<<<>>> not xml");
  const auto items = read_all(path);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].error, path + ":1: XML error outside any record: '<' that starts no tag (line 1, column 1)");
}

TEST(XmlReader, EmptyDocumentHasNoRecords) {
  const TempDir tmp("io_xml");
  const std::string path = tmp.write("none.xml", "<Sentences>\n<!-- nothing -->\n</Sentences>\n");
  EXPECT_TRUE(read_all(path).empty());
}

}  // namespace
}  // namespace parley::io

namespace parley::io {
namespace {

// Truncations and byte flips of a real validation file: the reader must never
// crash or hang, every record it yields as good must be complete, and every
// error must name the file.
TEST(XmlReader, CorruptedFilesNeverCrash) {
  const std::string original = test::read_file(kData + "validation.xml");
  ASSERT_GT(original.size(), 1000u);
  test::expect_corrupted_copies_read_safely(original, 7, "corrupt.xml", [](const InputReader&, const InputRecord& rec) {
    if (rec.kind != InputRecord::kDocument) return;
    EXPECT_FALSE(rec.text.empty());
    EXPECT_FALSE(rec.id.empty());
  });
}

}  // namespace
}  // namespace parley::io
