// Store::events() pages on a store of several hundred events against a
// reference computed here from all rows: every filter shape the query
// builder treats differently (actor and undirected dyad run as one indexed
// query per side, then merged), every sort column and direction, and
// limit/offset at and past the edges.  The rows and their order must be
// exactly those of the filter's definition.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "store/store.h"
#include "support/temp_dir.h"

using namespace parley::store;

namespace {

const char* const kActors[] = {"RUS", "RUSGOV", "RUSMIL", "USA", "USAGOV", "CHNGOV", "UKRMIL", "---"};

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

class StorePaging : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = tmp_.fresh_db("paging.db");
    store_ = Store::open(path_.string());
    // A fixed pseudo-random mix: repeated dates and Goldstein values (ties
    // broken by id), undated events, and actor codes that are prefixes of
    // others.
    uint32_t seed = 12345;
    auto next = [&seed](uint32_t n) {
      seed = seed * 1103515245u + 12345u;
      return (seed >> 16) % n;
    };
    for (int d = 0; d < 40; ++d) {
      StoredDocument doc;
      doc.id = "doc" + std::to_string(d);
      doc.date = d % 9 == 0 ? 0 : 20250800 + 1 + static_cast<int32_t>(next(20));
      doc.source_file = "paging";
      const uint32_t events = 5 + next(15);
      for (uint32_t i = 0; i < events; ++i) {
        const std::string sentence = "Sentence " + std::to_string(i) + " of " + doc.id + ".";
        const auto begin = static_cast<uint32_t>(doc.text.size());
        doc.text += sentence + " ";
        doc.sentences.push_back({i, {begin, begin + static_cast<uint32_t>(sentence.size())}, sentence, false});
        EventRecord e;
        e.sentence = i;
        e.date = doc.date == 0 || next(4) == 0 ? doc.date : 20250800 + 1 + static_cast<int32_t>(next(20));
        e.source = kActors[next(8)];
        e.target = kActors[next(8)];
        e.code = next(2) ? "043" : "190";
        e.root = e.code.substr(0, 2);
        e.quad_class = e.root == "04" ? 1 : 4;
        if (next(5)) e.goldstein = static_cast<double>(next(7)) - 3.0;
        e.verb = "v";
        e.verb_entry = "f:1";
        doc.events.push_back(e);
      }
      store_->put_document(doc);
    }
    all_ = store_->events(EventFilter{});
    ASSERT_GT(all_.size(), 300u);
  }

  // What a filter means, written out.
  static bool matches(const EventFilter& f, const EventRecord& e) {
    if (!f.actor.empty() && !starts_with(e.source, f.actor) && !starts_with(e.target, f.actor)) return false;
    if (!f.source.empty() && !starts_with(e.source, f.source)) return false;
    if (!f.target.empty() && !starts_with(e.target, f.target)) return false;
    if (!f.dyad_a.empty()) {
      const bool forward = starts_with(e.source, f.dyad_a) && starts_with(e.target, f.dyad_b);
      const bool backward = starts_with(e.source, f.dyad_b) && starts_with(e.target, f.dyad_a);
      if (!(forward || (!f.directed && backward))) return false;
    }
    if (!f.root.empty() && e.root != f.root) return false;
    if (f.from && e.date < f.from) return false;
    if (f.to && e.date > f.to) return false;
    return true;
  }

  // SQLite's order: NULL (no Goldstein) before any value, ties by id.
  static bool before(const EventFilter& f, const EventRow& a, const EventRow& b) {
    auto key_less = [&](const EventRow& x, const EventRow& y) {
      switch (f.sort) {
        case EventSort::kGoldstein: return x.event.goldstein < y.event.goldstein;  // nullopt first
        case EventSort::kSource: return x.event.source < y.event.source;
        case EventSort::kTarget: return x.event.target < y.event.target;
        default: return x.event.date < y.event.date;
      }
    };
    const bool less = key_less(a, b) || (!key_less(b, a) && a.event_id < b.event_id);
    return f.descending ? (key_less(b, a) || (!key_less(a, b) && b.event_id < a.event_id)) : less;
  }

  std::vector<int64_t> expected(const EventFilter& f) const {
    std::vector<EventRow> rows;
    for (const EventRow& r : all_)
      if (matches(f, r.event)) rows.push_back(r);
    std::sort(rows.begin(), rows.end(), [&](const EventRow& a, const EventRow& b) { return before(f, a, b); });
    std::vector<int64_t> ids;
    const size_t first = static_cast<size_t>(std::max<int64_t>(0, f.offset));
    for (size_t i = first; i < rows.size() && (f.limit <= 0 || i < first + static_cast<size_t>(f.limit)); ++i)
      ids.push_back(rows[i].event_id);
    return ids;
  }

  std::vector<int64_t> got(const EventFilter& f) const {
    std::vector<int64_t> ids;
    for (const EventRow& r : store_->events(f)) ids.push_back(r.event_id);
    return ids;
  }

  parley::test::TempDir tmp_{"store_paging"};
  std::filesystem::path path_;
  std::unique_ptr<Store> store_;
  std::vector<EventRow> all_;
};

TEST_F(StorePaging, EveryFilterSortAndPageMatchesTheDefinition) {
  std::vector<std::pair<std::string, std::function<void(EventFilter&)>>> filters = {
      {"none", [](EventFilter&) {}},
      {"actor RUS", [](EventFilter& f) { f.actor = "RUS"; }},
      {"actor USAGOV", [](EventFilter& f) { f.actor = "USAGOV"; }},
      {"actor ---", [](EventFilter& f) { f.actor = "---"; }},
      {"actor none", [](EventFilter& f) { f.actor = "ZZZ"; }},
      {"dyad RUS,USA", [](EventFilter& f) { f.dyad_a = "RUS"; f.dyad_b = "USA"; }},
      {"dyad RUS,RUS", [](EventFilter& f) { f.dyad_a = "RUS"; f.dyad_b = "RUS"; }},
      {"dyad directed", [](EventFilter& f) { f.dyad_a = "RUS"; f.dyad_b = "USA"; f.directed = true; }},
      {"actor+dyad", [](EventFilter& f) { f.actor = "USA"; f.dyad_a = "RUS"; f.dyad_b = "USAGOV"; }},
      {"source+target", [](EventFilter& f) { f.source = "USA"; f.target = "RUS"; }},
      {"actor+root+dates", [](EventFilter& f) { f.actor = "RUS"; f.root = "19"; f.from = 20250805; f.to = 20250815; }},
      {"actor+source", [](EventFilter& f) { f.actor = "CHN"; f.source = "RUS"; }},
  };
  const EventSort sorts[] = {EventSort::kDate, EventSort::kGoldstein, EventSort::kSource, EventSort::kTarget};
  const std::pair<int64_t, int64_t> pages[] = {{0, 0}, {1, 0}, {7, 3}, {50, 0}, {50, 40}, {10, 100000}, {0, 25}};
  int compared = 0;
  for (const auto plan : {EventFilter::Plan::kAuto, EventFilter::Plan::kWalk, EventFilter::Plan::kFilter}) {
    for (const auto& [name, set] : filters) {
      for (EventSort sort : sorts) {
        for (bool desc : {false, true}) {
          for (const auto& [limit, offset] : pages) {
            EventFilter f;
            set(f);
            f.sort = sort;
            f.descending = desc;
            f.limit = limit;
            f.offset = offset;
            f.plan = plan;
            ASSERT_EQ(got(f), expected(f)) << name << " sort " << static_cast<int>(sort) << (desc ? " desc" : " asc")
                                           << " limit " << limit << " offset " << offset << " plan "
                                           << static_cast<int>(plan);
            ++compared;
          }
        }
      }
    }
  }
  EXPECT_EQ(compared, 3 * 12 * 4 * 2 * 7);
}

// Keyset paging: following next cursors page by page gives exactly the
// whole listing, for every filter shape, sort (NULL Goldstein values
// included) and direction; a cursor combined with an offset skips from it.
TEST_F(StorePaging, CursorPagesConcatenateToTheListing) {
  const std::vector<std::function<void(EventFilter&)>> filters = {
      [](EventFilter&) {},
      [](EventFilter& f) { f.actor = "RUS"; },
      [](EventFilter& f) { f.dyad_a = "RUS"; f.dyad_b = "USA"; },
      [](EventFilter& f) { f.actor = "RUS"; f.root = "19"; f.from = 20250805; },
      [](EventFilter& f) { f.doc_id = "doc3"; },
  };
  int pages = 0;
  for (size_t n = 0; n < 2 * filters.size(); ++n) {
    const size_t i = n % filters.size();
    for (EventSort sort : {EventSort::kDate, EventSort::kGoldstein, EventSort::kSource, EventSort::kTarget}) {
      for (bool desc : {false, true}) {
        EventFilter f;
        filters[i](f);
        // Both plans, each with the cursor as one more condition.
        f.plan = n < filters.size() ? EventFilter::Plan::kWalk : EventFilter::Plan::kFilter;
        f.sort = sort;
        f.descending = desc;
        std::vector<int64_t> want;
        if (f.doc_id.empty()) {
          want = expected(f);
        } else {
          for (const EventRow& r : store_->events(f)) want.push_back(r.event_id);
        }
        f.limit = 7;
        std::vector<int64_t> paged;
        while (true) {
          const std::vector<EventRow> page = store_->events(f);
          for (const EventRow& r : page) paged.push_back(r.event_id);
          ++pages;
          if (static_cast<int64_t>(page.size()) < f.limit) break;
          // The cursor goes through its text form, as it does over HTTP.
          const std::string token = format_event_cursor(cursor_of(page.back(), sort), sort, desc);
          f.after = parse_event_cursor(token, sort, desc);
          ASSERT_TRUE(f.after) << token;
          EXPECT_EQ(*f.after, cursor_of(page.back(), sort));
        }
        ASSERT_EQ(paged, want) << "filter " << i << " sort " << static_cast<int>(sort) << (desc ? " desc" : " asc")
                               << " plan " << static_cast<int>(f.plan);
        if (want.size() > 10) {
          f.after.reset();
          f.limit = 3;
          const auto first = store_->events(f);
          f.after = cursor_of(first.back(), sort);
          f.offset = 2;
          const auto skipped = store_->events(f);
          ASSERT_FALSE(skipped.empty());
          EXPECT_EQ(skipped.front().event_id, want[5]);
        }
      }
    }
  }
  EXPECT_GT(pages, 400);
}

TEST(EventCursorToken, RejectsAnotherSortOrDirectionAndMalformedText) {
  EventRow row;
  row.event_id = 42;
  row.event.goldstein = -2.5;
  const std::string token = format_event_cursor(cursor_of(row, EventSort::kGoldstein), EventSort::kGoldstein, true);
  ASSERT_TRUE(parse_event_cursor(token, EventSort::kGoldstein, true));
  EXPECT_EQ(std::get<double>(parse_event_cursor(token, EventSort::kGoldstein, true)->key), -2.5);
  EXPECT_FALSE(parse_event_cursor(token, EventSort::kGoldstein, false));
  EXPECT_FALSE(parse_event_cursor(token, EventSort::kDate, true));
  for (const char* bad : {"", "date", "date~a", "date~a~1", "date~a~x~i1", "date~a~1~i", "date~a~1~i1x", "date~a~1~q1",
                          "date~a~-1~i1", "source~a~1~s4", "source~a~1~szz", "goldstein~a~1~r12", "date~a~1~n5",
                          "date~a~1~i1~i2"}) {
    const EventSort sort = std::string_view(bad).substr(0, 6) == "source" ? EventSort::kSource
                           : std::string_view(bad).substr(0, 4) == "gold" ? EventSort::kGoldstein
                                                                          : EventSort::kDate;
    EXPECT_FALSE(parse_event_cursor(bad, sort, false)) << bad;
  }
  row.event.source = "RUS~GOV";  // any byte survives: strings travel as hex
  const std::string s = format_event_cursor(cursor_of(row, EventSort::kSource), EventSort::kSource, false);
  EXPECT_EQ(s.find('~', s.rfind('~') + 1), std::string::npos);
  EXPECT_EQ(std::get<std::string>(parse_event_cursor(s, EventSort::kSource, false)->key), "RUS~GOV");
}

TEST_F(StorePaging, CountsAgreeWithTheListing) {
  EventFilter f;
  f.actor = "RUS";
  const int64_t n = static_cast<int64_t>(expected(f).size());
  EXPECT_EQ(store_->count_events(f, 100000).count, n);
  EXPECT_TRUE(store_->count_events(f, 100000).exact);
  const EventCount capped = store_->count_events(f, 10);
  EXPECT_EQ(capped.count, 10);
  EXPECT_FALSE(capped.exact);
}

}  // namespace
