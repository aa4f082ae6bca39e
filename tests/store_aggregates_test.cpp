// The aggregates (top actors, top dyads, counts over time) give exactly what
// the queries they replaced gave, on a generated store, without and with
// filters.  Schema version 5 reads them through covering indexes and top
// actors counts each side before the union; the reference here is the
// previous SQL (one row per event side, grouped once), run on the same file
// through the SQLite C API.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cmath>
#include <string>
#include <tuple>
#include <vector>

#include "store/store.h"
#include "support/temp_dir.h"

using namespace parley::store;

namespace {

const char* const kActors[] = {"RUS", "RUSGOV", "RUSMIL", "USA", "USAGOV", "CHNGOV", "UKRMIL", "---"};
const char* const kCodes[] = {"043", "190", "042", "130", "057"};

class StoreAggregates : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = tmp_.fresh_db("aggregates.db");
    store_ = Store::open(path_);
    uint32_t seed = 4242;
    auto next = [&seed](uint32_t n) {
      seed = seed * 1103515245u + 12345u;
      return (seed >> 16) % n;
    };
    for (int d = 0; d < 60; ++d) {
      StoredDocument doc;
      doc.id = "doc" + std::to_string(d);
      doc.date = 20250801 + static_cast<int32_t>(next(28));
      doc.source_file = "aggregates";
      const uint32_t events = 3 + next(12);
      for (uint32_t i = 0; i < events; ++i) {
        const std::string sentence = "Sentence " + std::to_string(i) + (next(3) ? " about talks." : " about war.");
        const auto begin = static_cast<uint32_t>(doc.text.size());
        doc.text += sentence + " ";
        doc.sentences.push_back({i, {begin, begin + static_cast<uint32_t>(sentence.size())}, sentence, false});
        EventRecord e;
        e.sentence = i;
        e.date = next(10) == 0 ? 0 : doc.date - static_cast<int32_t>(next(3));
        e.source = kActors[next(8)];
        e.target = kActors[next(8)];
        e.code = kCodes[next(5)];
        if (next(8)) e.root = e.code.substr(0, 2);
        if (next(8)) e.quad_class = e.code[0] == '1' ? 4 : 1;
        if (next(5)) e.goldstein = static_cast<double>(next(101)) / 10.0 - 5.0;
        e.verb = "v";
        e.verb_entry = "f:1";
        doc.events.push_back(e);
      }
      store_->put_document(doc);
    }
  }

  // Rows of `sql` as text, every column.
  std::vector<std::vector<std::string>> rows_of(const std::string& sql) const {
    sqlite3* conn = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path_.c_str(), &conn, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(conn, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(conn);
    std::vector<std::vector<std::string>> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        const auto* v = sqlite3_column_text(st, i);
        row.push_back(v ? reinterpret_cast<const char*>(v) : "NULL");
      }
      out.push_back(row);
    }
    sqlite3_finalize(st);
    sqlite3_close(conn);
    return out;
  }

  static std::string decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", std::round(v * 10.0) / 10.0);
    return buf;
  }

  parley::test::TempDir tmp_{"store_aggregates"};
  std::string path_;
  std::unique_ptr<Store> store_;
};

// The previous top-actors query: one row per event side, grouped once.
TEST_F(StoreAggregates, TopActorsAreThoseOfTheQueryTheyReplaced) {
  struct Case {
    ActorRole role;
    const char* role_sql;
    std::string where;  // over `e`, as the old query wrote it
    EventFilter filter;
  };
  std::vector<Case> cases;
  for (const auto& [role, sql] : {std::pair{ActorRole::kEither, "sum(s) + sum(t)"},
                                  std::pair{ActorRole::kSource, "sum(s)"}, std::pair{ActorRole::kTarget, "sum(t)"}}) {
    cases.push_back({role, sql, "", EventFilter{}});
    EventFilter root;
    root.root = "19";
    cases.push_back({role, sql, " AND e.root = '19'", root});
    EventFilter dates;
    dates.from = 20250805;
    dates.to = 20250815;
    cases.push_back({role, sql, " AND e.date >= 20250805 AND e.date <= 20250815", dates});
    EventFilter actor;
    actor.actor = "RUS";
    cases.push_back({role, sql, " AND ((e.source >= 'RUS' AND e.source < 'RUT') OR (e.target >= 'RUS' AND e.target < 'RUT'))",
                     actor});
  }
  for (const Case& c : cases) {
    std::string parts;
    for (const char* column : {"source", "target"}) {
      const std::string col = std::string("e.") + column;
      if (!parts.empty()) parts += " UNION ALL ";
      parts += "SELECT " + col + " AS actor, " + (col == "e.source" ? "1 AS s, 0 AS t" : "0 AS s, 1 AS t") +
               " FROM events e WHERE " + col + " <> '---' AND " + col + " <> ''" + c.where;
    }
    const auto want = rows_of("SELECT actor, sum(s), sum(t), " + std::string(c.role_sql) + " AS n FROM (" + parts +
                              ") GROUP BY actor HAVING n > 0 ORDER BY n DESC, actor LIMIT 5");
    ActorQuery q;
    q.role = c.role;
    q.events = c.filter;
    q.limit = 5;
    std::vector<std::vector<std::string>> got;
    for (const ActorActivity& a : store_->top_actors(q)) {
      got.push_back({a.actor, std::to_string(a.as_source), std::to_string(a.as_target), std::to_string(a.total)});
    }
    ASSERT_FALSE(want.empty()) << c.where;
    EXPECT_EQ(got, want) << c.role_sql << c.where;
  }
}

TEST_F(StoreAggregates, TopDyadsAndCountsAreThoseOfTheQueriesBefore) {
  for (const auto& [where, filter] :
       {std::pair{std::string(), EventFilter{}}, std::pair{std::string(" AND e.quad_class = 4"), [] {
          EventFilter f;
          f.quad_class = 4;
          return f;
        }()}}) {
    // The plan used to read rows; the covering index must not change a sum.
    const auto want = rows_of("SELECT e.source, e.target, count(*) AS n, total(e.goldstein) FROM events e "
                              "NOT INDEXED WHERE e.source <> '---' AND e.target <> '---'" + where +
                              " GROUP BY e.source, e.target ORDER BY n DESC, e.source, e.target");
    std::vector<std::vector<std::string>> got;
    for (const DyadActivity& d : store_->top_dyads(filter, 0))
      got.push_back({d.source, d.target, std::to_string(d.events), decimal(d.goldstein)});
    auto want_rounded = want;
    for (auto& row : want_rounded) row[3] = decimal(std::stod(row[3]));
    ASSERT_FALSE(want.empty());
    EXPECT_EQ(got, want_rounded) << where;

    const auto per_day = rows_of("SELECT e.date, coalesce(e.root, ''), count(*), total(e.goldstein) FROM events e "
                                 "NOT INDEXED WHERE e.date > 0" + where +
                                 " GROUP BY e.date, coalesce(e.root, '') ORDER BY e.date, 2");
    CountQuery q;
    q.events = filter;
    q.group = CountGroup::kRoot;
    got.clear();
    for (const CountPoint& p : store_->event_counts(q))
      got.push_back({std::to_string(p.period), p.group, std::to_string(p.events), decimal(p.goldstein)});
    auto per_day_rounded = per_day;
    for (auto& row : per_day_rounded) row[3] = decimal(std::stod(row[3]));
    ASSERT_FALSE(per_day.empty());
    EXPECT_EQ(got, per_day_rounded) << where;
  }
}

}  // namespace
