// The flat event rows of `parley code --format csv|tsv` (io/flat_columns.h):
// the table, quoting and escaping, flags always present; and end to end,
// one row per event record of the JSON output, quotes and deadlines left out.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "io/flat_columns.h"
#include "support/paths.h"
#include "support/run.h"
#include "support/temp_dir.h"

namespace {

using parley::FlatFormat;
using namespace parley::test;

size_t column_index(const std::string& name) {
  const auto& cols = parley::flat_columns();
  for (size_t i = 0; i < cols.size(); ++i)
    if (cols[i].name == name) return i;
  ADD_FAILURE() << "no column " << name;
  return 0;
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == sep) out.emplace_back(); else out.back() += c;
  }
  return out;
}

TEST(CliFlatExport, HeaderNamesEveryColumnOnce) {
  std::string header;
  parley::append_flat_header(header, FlatFormat::kCsv);
  ASSERT_EQ(header.back(), '\n');
  header.pop_back();
  const auto names = split(header, ',');
  ASSERT_EQ(names.size(), parley::flat_columns().size());
  EXPECT_EQ(names.front(), "id");
  for (size_t i = 0; i < names.size(); ++i) EXPECT_EQ(column_index(names[i]), i);
}

TEST(CliFlatExport, MissingValuesAreEmptyAndFlagsAlwaysFalseOrTrue) {
  const auto ev = nlohmann::json::parse(
      R"({"type":"event","id":"a,b","sentence":3,"date":null,"source":"RUS","target":"UKR","code":"190",)"
      R"("root":"19","quad_class":4,"goldstein":-10.0,"place":null,"negated":true,)"
      R"("evidence":{"verb":"said \"no\"\tthen\nleft","pattern":null}})");
  std::string csv;
  parley::append_flat_row(csv, ev, FlatFormat::kCsv);
  EXPECT_EQ(csv.substr(0, 6), "\"a,b\",");
  EXPECT_NE(csv.find("\"said \"\"no\"\"\tthen\nleft\""), std::string::npos) << csv;
  std::string tsv;
  parley::append_flat_row(tsv, ev, FlatFormat::kTsv);
  ASSERT_EQ(tsv.find('\n'), tsv.size() - 1) << "one line";
  tsv.pop_back();
  const auto fields = split(tsv, '\t');
  ASSERT_EQ(fields.size(), parley::flat_columns().size());
  EXPECT_EQ(fields[column_index("id")], "a,b");
  EXPECT_EQ(fields[column_index("sentence")], "3");
  EXPECT_EQ(fields[column_index("date")], "");
  EXPECT_EQ(fields[column_index("goldstein")], "-10.0");
  EXPECT_EQ(fields[column_index("place_name")], "");
  EXPECT_EQ(fields[column_index("place_lat")], "");
  EXPECT_EQ(fields[column_index("negated")], "true");
  EXPECT_EQ(fields[column_index("one_sided")], "false");
  EXPECT_EQ(fields[column_index("verb")], "said \"no\"\\tthen\\nleft");
  EXPECT_EQ(fields[column_index("pattern")], "");
}

// read_flat_values() (one SAX pass, what the CLI and Coder.code_frame() use)
// gives what the parsed record gives: nested members, escapes, members that
// are not columns (also inside arrays and deeper objects), numbers of every
// kind, duplicate keys.
TEST(CliFlatExport, SaxValuesAreTheParsedRecordsValues) {
  const std::string text =
      R"({"type":"event","id":"d\u00e9j\u00e0 \"vu\"","issues":[{"code":"X","place":{"name":"no"}}],"sentence":7,)"
      R"("date":"2025-01-02","goldstein":-2,"quad_class":3.0,"evidence":{"verb":"v\n1","spans":{"source":[1,2]},)"
      R"("pattern":null,"verb_entry":"a.txt:3"},"place":{"name":"Kyiv","lat":50.45,"lon":30.5236,"kind":"city"},)"
      R"("negated":false,"one_sided":true,"source":"RUS","source":"UKR","extra":{"a":[{"b":1}]}})";
  std::vector<parley::FlatValue> sax, dom;
  parley::read_flat_values(text, sax);
  parley::flat_values(nlohmann::json::parse(text), dom);
  ASSERT_EQ(sax.size(), parley::flat_columns().size());
  ASSERT_EQ(dom.size(), sax.size());
  for (size_t i = 0; i < sax.size(); ++i) {
    const std::string& name = parley::flat_columns()[i].name;
    EXPECT_EQ(sax[i].kind, dom[i].kind) << name;
    if (sax[i].kind == parley::FlatValue::kString) {
      EXPECT_EQ(sax[i].text, dom[i].text) << name;
    }
    if (sax[i].kind == parley::FlatValue::kInteger) {
      EXPECT_EQ(sax[i].integer, dom[i].integer) << name;
    }
    if (sax[i].kind == parley::FlatValue::kFloat) {
      EXPECT_EQ(sax[i].number, dom[i].number) << name;
    }
    if (sax[i].kind == parley::FlatValue::kBool) {
      EXPECT_EQ(sax[i].flag, dom[i].flag) << name;
    }
  }
  EXPECT_EQ(sax[column_index("id")].text, "d\u00e9j\u00e0 \"vu\"");
  EXPECT_EQ(sax[column_index("place_name")].text, "Kyiv");
  EXPECT_EQ(sax[column_index("source")].text, "UKR");
  EXPECT_EQ(sax[column_index("verb")].text, "v\n1");
  EXPECT_EQ(sax[column_index("goldstein")].kind, parley::FlatValue::kInteger);
  EXPECT_EQ(sax[column_index("pattern")].kind, parley::FlatValue::kNull);
  EXPECT_EQ(sax[column_index("target")].kind, parley::FlatValue::kNull);
  std::string a, b;
  parley::append_flat_row(a, sax, FlatFormat::kCsv);
  parley::append_flat_row(b, nlohmann::json::parse(text), FlatFormat::kCsv);
  EXPECT_EQ(a, b);
  // Reused for the next record: nothing left over from this one.
  parley::read_flat_values(R"({"type":"event","id":"x"})", sax);
  EXPECT_EQ(sax[column_index("place_name")].kind, parley::FlatValue::kNull);
}

TEST(CliFlatExport, SaxRefusesWhatIsNotAnEventObject) {
  std::vector<parley::FlatValue> v;
  for (const char* bad : {"[1]", "\"text\"", "null", "{\"id\":", "{\"id\":\"a\"} x", R"({"place":{"name":{"a":1}}})",
                          R"({"id":[1]})"})
    EXPECT_THROW(parley::read_flat_values(bad, v), std::invalid_argument) << bad;
}

TEST(CliFlatExport, CliRowsAreTheJsonEvents) {
  const TempDir tmp("flat_cli");
  const std::string in = tmp.write("s.jsonl",
      "{\"id\":\"s1\",\"date\":\"2025-08-06\",\"text\":\"Russia accused Ukraine on Monday. Trump met Putin.\"}\n"
      "{\"id\":\"s2\",\"text\":\"\\\"We will not talk,\\\" Putin said.\"}\n");
  const std::string dicts = parley::test::test_data_path("pipeline");
  RunResult json = run_parley("code --dicts " + dicts + " " + in);
  ASSERT_EQ(json.status, 0) << json.err;
  std::vector<nlohmann::json> events;
  for (const auto& r : json_lines(json.out))
    if (r["type"] == "event") events.push_back(r);
  ASSERT_FALSE(events.empty());
  for (const char* format : {"csv", "tsv"}) {
    RunResult flat = run_parley("code --threads 2 --format " + std::string(format) + " --dicts " + dicts + " " + in);
    ASSERT_EQ(flat.status, 0) << flat.err;
    const auto lines = text_lines(flat.out);
    ASSERT_EQ(lines.size(), events.size() + 1) << flat.out;
    const FlatFormat f = std::string(format) == "csv" ? FlatFormat::kCsv : FlatFormat::kTsv;
    std::string expected;
    parley::append_flat_header(expected, f);
    for (const auto& e : events) parley::append_flat_row(expected, e, f);
    EXPECT_EQ(flat.out, expected);
    const auto first = split(lines[1], f == FlatFormat::kCsv ? ',' : '\t');
    EXPECT_EQ(first[column_index("code")], events[0]["code"].get<std::string>());
  }
  RunResult bad = run_parley("code --format xml " + in);
  EXPECT_NE(bad.status, 0);
}

// docs/FLAT_COLUMNS.md lists the columns in their order: its table's first
// cells, a cell naming several columns left to right ("source, target"),
// give exactly flat_columns(); the store's CSV (query, format=csv) begins
// with them.
TEST(FlatColumnsDocumentation, ListsEveryColumnInOrder) {
  const std::string doc = read_file(source_data_path("../docs/FLAT_COLUMNS.md"));
  ASSERT_FALSE(doc.empty());
  std::vector<std::string> documented;
  bool in_table = false;
  for (const std::string& line : text_lines(doc)) {
    if (line.rfind("|---", 0) == 0) {
      in_table = true;
      continue;
    }
    if (!in_table) continue;
    if (line.rfind("| ", 0) != 0) break;
    const std::string cell = line.substr(2, line.find(" |", 2) - 2);
    for (std::string name : split(cell, ',')) {
      while (!name.empty() && name.front() == ' ') name.erase(0, 1);
      documented.push_back(name);
    }
  }
  std::vector<std::string> columns;
  for (const auto& c : parley::flat_columns()) columns.push_back(c.name);
  EXPECT_EQ(documented, columns);
}

}  // namespace
