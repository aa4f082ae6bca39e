// The compiled-in CAMEO table against the reference tables in /work/shared.
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "cameo/cameo.h"
#include "support/paths.h"

namespace {

std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

int expected_quad(int root) { return root <= 5 ? 1 : root <= 8 ? 2 : root <= 14 ? 3 : 4; }

TEST(CameoTable, MatchesReferenceCodesNamesRoots) {
  auto rows = read_tsv(parley::test::shared_path("cameo/cameo_codes.tsv"));
  ASSERT_GT(rows.size(), 300u);
  EXPECT_EQ(parley::cameo_codes().size(), rows.size());
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 3u);
    const parley::CameoCode* c = parley::cameo_lookup(r[0]);
    ASSERT_NE(c, nullptr) << r[0];
    EXPECT_EQ(c->code, r[0]);
    EXPECT_EQ(c->name, r[2]) << r[0];
    EXPECT_EQ(c->root, std::stoi(r[1])) << r[0];
    EXPECT_EQ(static_cast<int>(c->quad_class), expected_quad(std::stoi(r[1]))) << r[0];
  }
}

TEST(CameoTable, GoldsteinWeightsOrClosestListedParent) {
  std::map<std::string, float> weights;
  for (const auto& r : read_tsv(parley::test::shared_path("cameo/goldstein.tsv"))) weights[r[0]] = std::stof(r[1]);
  int inherited = 0;
  for (const parley::CameoCode& c : parley::cameo_codes()) {
    std::string parent(c.code);
    while (!weights.count(parent)) parent.pop_back();
    EXPECT_FLOAT_EQ(c.goldstein, weights[parent]) << c.code;
    EXPECT_EQ(c.goldstein_inherited, parent != c.code) << c.code;
    inherited += c.goldstein_inherited;
  }
  EXPECT_GT(inherited, 0);  // the reference lacks a few weights (e.g. 1213)
}

TEST(CameoTable, LookupAndIteration) {
  EXPECT_EQ(parley::cameo_lookup("---"), nullptr);
  EXPECT_EQ(parley::cameo_lookup(""), nullptr);
  ASSERT_NE(parley::cameo_lookup("04"), nullptr);
  EXPECT_EQ(parley::cameo_lookup("04")->root, 4);
  EXPECT_EQ(parley::cameo_lookup("999"), nullptr);
  EXPECT_EQ(parley::cameo_lookup("042 "), nullptr);
  auto all = parley::cameo_codes();
  for (size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].code, all[i].code);
  for (const auto& c : all) EXPECT_EQ(parley::cameo_lookup(c.code), &c);
}

}  // namespace
