// Date restrictions of parley's people file, proven on both sides of each
// change of office: every case of tools/people_date_cases.tsv (phrase,
// YYYYMMDD, expected code) is resolved by matching the phrase's words
// against the loaded actor phrases and taking the record's code on that date.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dict/load.h"
#include "support/paths.h"

namespace {

const std::string kCases = parley::test::source_data_path("../tools/people_date_cases.tsv");

struct Case {
  int line = 0;
  std::string phrase, code;
  int32_t date = 0;
};

std::vector<Case> read_cases() {
  std::vector<Case> out;
  std::ifstream in(kCases);
  EXPECT_TRUE(in) << "cannot read " << kCases;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    EXPECT_EQ(cols.size(), 3u) << kCases << ":" << n << ": expected phrase, date, code";
    if (cols.size() != 3) continue;
    Case c{n, cols[0], cols[2], 0};
    EXPECT_EQ(cols[1].size(), 8u) << kCases << ":" << n << ": date is not YYYYMMDD";
    try {
      c.date = std::stoi(cols[1]);
    } catch (...) {
      ADD_FAILURE() << kCases << ":" << n << ": bad date '" << cols[1] << "'";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

const parley::Dictionaries& actors() {
  static const parley::Dictionaries d = [] {
    parley::DictPaths all = parley::read_config(parley::test::source_data_path("dict/PETR_config.ini"));
    parley::DictPaths p;
    p.actors = all.actors;
    parley::Dictionaries out;
    parley::load_dictionaries(p, parley::DictOptions{}, out);
    return out;
  }();
  return d;
}

// The record of the phrase written exactly as these words, -1 if none.
int64_t record_of(const parley::Dictionaries& d, const std::string& phrase) {
  std::vector<uint32_t> ids;
  std::stringstream ss(phrase);
  for (std::string w; std::getline(ss, w, '_');) {
    if (w.empty()) continue;
    uint32_t id = d.vocab.find(w);
    if (!id) return -1;
    ids.push_back(id);
  }
  if (ids.empty()) return -1;
  auto it = d.actors.phrases_by_first.find(ids[0]);
  if (it == d.actors.phrases_by_first.end()) return -1;
  for (uint32_t p : it->second)
    if (d.actors.phrases[p].words == ids) return d.actors.phrases[p].record;
  return -1;
}

TEST(PeopleDates, EveryCaseResolvesToItsCode) {
  const parley::Dictionaries& d = actors();
  std::vector<Case> cases = read_cases();
  ASSERT_GT(cases.size(), 100u);
  for (const Case& c : cases) {
    int64_t r = record_of(d, c.phrase);
    if (r < 0) {
      ADD_FAILURE() << kCases << ":" << c.line << ": no actor phrase " << c.phrase;
      continue;
    }
    const std::string* code = d.actors.code_on(static_cast<uint32_t>(r), c.date);
    EXPECT_EQ(code ? *code : std::string("(none)"), c.code)
        << kCases << ":" << c.line << ": " << c.phrase << " on " << c.date;
  }
}

// A case list proves a change of office only with a case on each side: a
// record with codes of several periods whose cases (over all of its
// phrases) all expect one code leaves its dates untested.
TEST(PeopleDates, DatedRecordsAreTestedOnBothSides) {
  const parley::Dictionaries& d = actors();
  std::map<int64_t, std::set<std::string>> expected_by_record;
  std::map<int64_t, std::string> phrase_of;
  for (const Case& c : read_cases()) {
    int64_t r = record_of(d, c.phrase);
    if (r < 0) continue;  // reported by EveryCaseResolvesToItsCode
    expected_by_record[r].insert(c.code);
    phrase_of.emplace(r, c.phrase);
  }
  ASSERT_FALSE(expected_by_record.empty());
  for (const auto& [r, expected] : expected_by_record) {
    std::set<std::string> codes;
    for (const parley::DatedCode& dc : d.actors.records[r].codes) codes.insert(dc.code);
    if (codes.size() > 1 && expected.size() < 2)
      ADD_FAILURE() << phrase_of[r] << ": its record has codes of several periods but every case expects "
                    << *expected.begin();
  }
}

}  // namespace
