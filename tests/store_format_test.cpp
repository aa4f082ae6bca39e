// How query results are written: aligned columns (UTF-8 aware, cut long
// cells), JSON Lines with typed values, CSV per RFC 4180.
#include <gtest/gtest.h>

#include "store/result_table.h"

using namespace parley::store;

namespace {

ResultTable sample() {
  ResultTable t;
  t.columns = {"name", "n", "w", "ok", "note"};
  t.rows.push_back({std::string("café"), int64_t{12}, 2.5, true, std::monostate{}});
  t.rows.push_back({std::string("a,\"b\"\nc"), int64_t{-3}, -10.0, false, std::string("x")});
  return t;
}

}  // namespace

TEST(StoreFormat, CsvQuotesPerRfc4180) {
  EXPECT_EQ(format_csv(sample()),
            "name,n,w,ok,note\r\n"
            "café,12,2.5,true,\r\n"
            "\"a,\"\"b\"\"\nc\",-3,-10,false,x\r\n");
}

TEST(StoreFormat, JsonLinesKeepTypes) {
  EXPECT_EQ(format_jsonl(sample()),
            "{\"name\":\"café\",\"n\":12,\"w\":2.5,\"ok\":true,\"note\":null}\n"
            "{\"name\":\"a,\\\"b\\\"\\nc\",\"n\":-3,\"w\":-10,\"ok\":false,\"note\":\"x\"}\n");
}

TEST(StoreFormat, AlignedColumnsCountCharactersNotBytes) {
  EXPECT_EQ(format_aligned(sample()),
            "name     n   w    ok     note\n"
            "café     12  2.5  true\n"
            "a,\"b\" c  -3  -10  false  x\n");
}

TEST(StoreFormat, AlignedCutsLongCellsOnCharacterBoundary) {
  ResultTable t;
  t.columns = {"text"};
  t.rows.push_back({std::string("ééééééééééé")});
  EXPECT_EQ(format_aligned(t, 5), "text\néééé…\n");
}

TEST(StoreFormat, EmptyResultHasHeaderOnly) {
  ResultTable t;
  t.columns = {"a", "b"};
  EXPECT_EQ(format_table(t, OutputFormat::kTable), "a  b\n");
  EXPECT_EQ(format_table(t, OutputFormat::kCsv), "a,b\r\n");
  EXPECT_EQ(format_table(t, OutputFormat::kJsonLines), "");
}

TEST(StoreFormat, SelectColumnsKeepsOrderAndSkipsUnknown) {
  ResultTable t = select_columns(sample(), {"note", "missing", "name"});
  EXPECT_EQ(t.columns, (std::vector<std::string>{"note", "name"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(t.rows[1][1]), "a,\"b\"\nc");
}

TEST(StoreFormat, EventTableShowsNullsForAbsentFields) {
  EventRow row;
  row.doc_id = "d";
  row.event.date = 0;
  row.event.code = "999";
  const std::string out = format_jsonl(events_table({row}));
  EXPECT_NE(out.find("\"date\":null"), std::string::npos) << out;
  EXPECT_NE(out.find("\"root\":null"), std::string::npos) << out;
  EXPECT_NE(out.find("\"goldstein\":null"), std::string::npos) << out;
  EXPECT_NE(out.find("\"source_begin\":null"), std::string::npos) << out;
}
