// The text search (EventFilter::text, q=) through the trigram index of
// schema version 5 finds exactly the events LIKE '%text%' found before:
// SQLite's LIKE folds ASCII case only, the index folds more, so the index
// only narrows and the rows are LIKE's.  Every plan (the walk along the
// sort column, the filter plan that reads the index, the automatic choice)
// gives the same rows in the same order, searches of one or two characters
// (no trigram) still work, and the index follows documents that are
// replaced and deleted.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "store/store.h"
#include "support/temp_dir.h"

using namespace parley::store;

namespace {

// Sentences with mixed case, punctuation, LIKE's wildcards and non-ASCII
// letters whose case LIKE does not fold.
const char* const kSentences[] = {
    "Envoys met in Geneva on Tuesday.",
    "The GENEVA talks stalled over 50% of the tariffs.",
    "A ceasefire_line was drawn near the river.",
    "Officials said \"no deal\" after the meeting.",
    "Le ministre a visité Évian et Genève.",
    "The ÉVIAN accords were cited again.",
    "Troops withdrew; envoys stayed.",
    "Nothing happened at all.",
};

std::string ascii_lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

class StoreSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = tmp_.fresh_db("search.db");
    store_ = Store::open(path_);
    uint32_t seed = 777;
    auto next = [&seed](uint32_t n) {
      seed = seed * 1103515245u + 12345u;
      return (seed >> 16) % n;
    };
    for (int d = 0; d < 30; ++d) store_->put_document(make_document("doc" + std::to_string(d), next));
    refresh();
  }

  template <class Next>
  static StoredDocument make_document(const std::string& id, Next& next) {
    StoredDocument doc;
    doc.id = id;
    doc.date = 20250801 + static_cast<int32_t>(next(20));
    doc.source_file = "search";
    const uint32_t sentences = 3 + next(5);
    for (uint32_t i = 0; i < sentences; ++i) {
      const std::string sentence = kSentences[next(std::size(kSentences))];
      const auto begin = static_cast<uint32_t>(doc.text.size());
      doc.text += sentence + " ";
      doc.sentences.push_back({i, {begin, begin + static_cast<uint32_t>(sentence.size())}, sentence, false});
      EventRecord e;
      e.sentence = i;
      e.date = doc.date;
      e.source = next(2) ? "RUSGOV" : "USAGOV";
      e.target = next(2) ? "CHN" : "UKRMIL";
      e.code = next(2) ? "043" : "190";
      e.root = e.code.substr(0, 2);
      e.quad_class = e.root == "04" ? 1 : 4;
      if (next(4)) e.goldstein = static_cast<double>(next(7)) - 3.0;
      e.verb = "v";
      e.verb_entry = "f:1";
      doc.events.push_back(e);
    }
    return doc;
  }

  void refresh() { all_ = store_->events(EventFilter{}); }

  // LIKE '%text%' as SQLite defines it: ASCII case folded, bytes otherwise.
  std::vector<int64_t> expected(const EventFilter& f) const {
    std::vector<EventRow> rows;
    for (const EventRow& r : all_) {
      if (ascii_lower(r.sentence_text).find(ascii_lower(f.text)) == std::string::npos) continue;
      if (!f.actor.empty() && r.event.source.rfind(f.actor, 0) != 0 && r.event.target.rfind(f.actor, 0) != 0) continue;
      if (!f.doc_id.empty() && r.doc_id != f.doc_id) continue;
      rows.push_back(r);
    }
    std::sort(rows.begin(), rows.end(), [&](const EventRow& a, const EventRow& b) {
      if (f.sort == EventSort::kGoldstein && a.event.goldstein != b.event.goldstein)
        return f.descending ? b.event.goldstein < a.event.goldstein : a.event.goldstein < b.event.goldstein;
      if (f.sort == EventSort::kDate && a.event.date != b.event.date)
        return f.descending ? b.event.date < a.event.date : a.event.date < b.event.date;
      return f.descending ? b.event_id < a.event_id : a.event_id < b.event_id;
    });
    std::vector<int64_t> ids;
    for (const EventRow& r : rows) ids.push_back(r.event_id);
    return ids;
  }

  std::vector<int64_t> found(const EventFilter& f) {
    std::vector<int64_t> ids;
    for (const EventRow& r : store_->events(f)) ids.push_back(r.event_id);
    return ids;
  }

  // Every plan and a few sorts give LIKE's rows, in order, for `text`.
  void expect_like(const std::string& text, const std::string& actor = "", const std::string& doc = "") {
    for (const auto plan : {EventFilter::Plan::kAuto, EventFilter::Plan::kWalk, EventFilter::Plan::kFilter}) {
      for (const auto sort : {EventSort::kDate, EventSort::kGoldstein}) {
        for (const bool descending : {false, true}) {
          EventFilter f;
          f.text = text;
          f.actor = actor;
          f.doc_id = doc;
          f.plan = plan;
          f.sort = sort;
          f.descending = descending;
          f.limit = 1000;
          const auto want = expected(f);
          EXPECT_EQ(found(f), want) << "q=" << text << " actor=" << actor << " doc=" << doc
                                    << " plan=" << static_cast<int>(plan) << " sort=" << static_cast<int>(sort)
                                    << (descending ? " desc" : "");
          // The count stops after 20 ms (a loaded machine may reach that):
          // then it is a lower bound.
          const EventCount n = store_->count_events(f, 10000);
          if (n.exact) {
            EXPECT_EQ(n.count, static_cast<int64_t>(want.size())) << "count of q=" << text;
          } else {
            EXPECT_LE(n.count, static_cast<int64_t>(want.size())) << "count of q=" << text;
          }
        }
      }
    }
  }

  parley::test::TempDir tmp_{"store_search"};
  std::string path_;
  std::unique_ptr<Store> store_;
  std::vector<EventRow> all_;
};

TEST_F(StoreSearch, IndexedSearchesFindWhatLikeFound) {
  for (const char* text : {"geneva", "GENEVA", "Geneva", "envoys", "river.", "Nothing happened at all.", "zzz",
                           "eva on Tue", "stalled over 50%"}) {
    expect_like(text);
  }
  EXPECT_FALSE(expected([] { EventFilter f; f.text = "geneva"; return f; }()).empty());
}

TEST_F(StoreSearch, WildcardsQuotesAndNonAsciiAreLiteral) {
  // % and _ are LIKE wildcards, " is the index's phrase quote: all literal.
  for (const char* text : {"50%", "50% of", "ceasefire_line", "e_l", "\"no deal\"", "d \"no", "% o"}) expect_like(text);
  // LIKE does not fold É to é; the index does, and must not add rows.
  for (const char* text : {"Évian", "évian", "ÉVIAN", "Genève", "genève"}) expect_like(text);
  EventFilter f;
  f.text = "Évian";
  f.limit = 1000;
  EXPECT_FALSE(expected(f).empty());
}

TEST_F(StoreSearch, OneAndTwoCharacterSearchesStillWork) {
  for (const char* text : {"G", "%", "\"", "É", "e.", "50", "; "}) expect_like(text);
}

TEST_F(StoreSearch, SearchCombinesWithActorAndDocumentFilters) {
  expect_like("envoys", "RUS");
  expect_like("Geneva", "CHN");
  expect_like("the", "", "doc3");
  expect_like("a", "UKR", "doc7");
}

TEST_F(StoreSearch, TheIndexFollowsReplacedAndDeletedDocuments) {
  EventFilter f;
  f.text = "Geneva";
  f.plan = EventFilter::Plan::kFilter;
  f.limit = 1000;
  ASSERT_FALSE(found(f).empty());
  // Every document is replaced by one without Geneva, then one is deleted.
  uint32_t seed = 99;
  auto next = [&seed](uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int d = 0; d < 30; ++d) {
    StoredDocument doc = make_document("doc" + std::to_string(d), next);
    for (auto& s : doc.sentences) {
      for (const char* word : {"eneva", "ENEVA"}) {
        for (size_t at; (at = s.text.find(word)) != std::string::npos;) s.text.replace(at, 5, "ENOA");
      }
    }
    store_->put_document(doc);
  }
  refresh();
  EXPECT_TRUE(found(f).empty());
  expect_like("GenOA");
  ASSERT_TRUE(store_->delete_document("doc4"));
  refresh();
  expect_like("envoys");
  expect_like("GenOA");
  f.doc_id = "doc4";
  f.text = "e";
  EXPECT_TRUE(found(f).empty());
  EXPECT_EQ(store_->integrity_check(), "ok");
}

}  // namespace
