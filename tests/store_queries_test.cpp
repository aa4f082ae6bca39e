// The analyst's queries over a small hand-made store: every filter, the dyad
// timeline per day and week, the most active actors, quotes by speaker, open
// deadlines; and hostile values in every parameter (quotes, "; DROP TABLE",
// LIKE wildcards) that must match literally and change nothing.
#include <gtest/gtest.h>

#include <filesystem>

#include "store/query_builder.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using namespace parley::store;

namespace {

struct Ev {
  const char* source;
  const char* target;
  const char* code;
  int quad;
  double goldstein;
  const char* sentence;
};

StoredDocument doc(const std::string& id, int32_t date, std::vector<Ev> events) {
  StoredDocument d;
  d.id = id;
  d.date = date;
  d.source_file = "test";
  for (uint32_t i = 0; i < events.size(); ++i) {
    const uint32_t begin = static_cast<uint32_t>(d.text.size());
    d.text += std::string(events[i].sentence) + " ";
    d.sentences.push_back({i, {begin, begin + static_cast<uint32_t>(strlen(events[i].sentence))}, events[i].sentence, false});
    EventRecord e;
    e.sentence = i;
    e.source = events[i].source;
    e.target = events[i].target;
    e.code = events[i].code;
    e.root = e.code.substr(0, 2);
    e.quad_class = events[i].quad;
    e.goldstein = events[i].goldstein;
    e.verb = "v";
    e.verb_entry = "f:1";
    d.events.push_back(e);
  }
  return d;
}

class StoreQueries : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = tmp_.fresh_db("queries.db");
    store_ = Store::open(path_.string());
    store_->put_document(doc("d1", 20250804,
                             {{"RUSGOV", "USAGOV", "043", 1, 2.8, "Putin greeted Witkoff 100% warmly."},
                              {"USAGOV", "RUSGOV", "036", 1, 4.0, "Witkoff wants to meet Putin."}}));
    store_->put_document(doc("d2", 20250806,
                             {{"RUSMIL", "UKRMIL", "190", 4, -10.0, "Russian forces attacked Ukrainian_positions."},
                              {"RUSGOV", "USAGOV", "043", 1, 2.8, "Dmitriev hosted Witkoff."}}));
    store_->put_document(doc("d3", 20250811,
                             {{"USAGOV", "RUSGOV", "111", 3, -2.0, "O'Brien criticised Moscow."},
                              {"CHNGOV", "RUSGOV", "057", 1, 8.0, "Beijing signed a pact with Moscow."}}));
    store_->put_document(doc("d4", 0, {{"RUSGOV", "USAGOV", "043", 1, 2.8, "An undated visit."}}));
    QuoteRecord q;
    q.doc_id = "d1";
    q.speaker_text = "Yuri Ushakov";
    q.speaker_code = "RUSGOV";
    q.quote_text = "very useful and constructive";
    QuoteRecord q2 = q;
    q2.doc_id = "d3";
    q2.speaker_text = "Karoline Leavitt";
    q2.speaker_code = "USAGOV";
    q2.quote_text = "the president wants peace";
    std::vector<QuoteRecord> quotes{q, q2};
    store_->add_quotes(quotes);
    DeadlineRecord dl;
    dl.doc_id = "d1";
    dl.setter_code = "USAGOV";
    dl.setter_text = "Trump";
    dl.target_code = "RUSGOV";
    dl.target_text = "Russia";
    dl.due_date = 20250808;
    dl.about = "agree to a ceasefire";
    DeadlineRecord dl2 = dl;
    dl2.doc_id = "d3";
    dl2.setter_code = "EUR";
    dl2.target_code = "IRNGOV";
    dl2.due_date = 20250901;
    std::vector<DeadlineRecord> deadlines{dl, dl2};
    store_->add_deadlines(deadlines);
    baseline_ = store_->counts();
  }

  std::vector<std::string> ids(const std::vector<EventRow>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.doc_id + "/" + std::to_string(r.event.sentence));
    return out;
  }

  using V = std::vector<std::string>;
  parley::test::TempDir tmp_{"store_queries"};  // outlives store_ (declared first)
  fs::path path_;
  std::unique_ptr<Store> store_;
  StoreCounts baseline_;
};

}  // namespace

TEST_F(StoreQueries, AllEventsInDateOrder) {
  EXPECT_EQ(ids(store_->events({})), (V{"d4/0", "d1/0", "d1/1", "d2/0", "d2/1", "d3/0", "d3/1"}));
  auto rows = store_->events({});
  EXPECT_EQ(rows[1].sentence_text, "Putin greeted Witkoff 100% warmly.");
  EXPECT_EQ(rows[1].event.date, 20250804);
  EXPECT_EQ(rows[1].event.goldstein, 2.8);
}

TEST_F(StoreQueries, ActorPrefixMatchesSourceOrTarget) {
  EventFilter f;
  f.actor = "RUSMIL";
  EXPECT_EQ(ids(store_->events(f)), V{"d2/0"});
  f.actor = "ukr";  // case-insensitive, a prefix, as target
  EXPECT_EQ(ids(store_->events(f)), V{"d2/0"});
  f.actor = "CHN";
  EXPECT_EQ(ids(store_->events(f)), V{"d3/1"});
  f.actor = "RUS";
  EXPECT_EQ(store_->events(f).size(), 7u);
  f.actor = "RUSGOVX";
  EXPECT_TRUE(store_->events(f).empty());
}

TEST_F(StoreQueries, DyadEitherDirectionOrDirected) {
  EventFilter f;
  f.dyad_a = "RUS";
  f.dyad_b = "USA";
  EXPECT_EQ(ids(store_->events(f)), (V{"d4/0", "d1/0", "d1/1", "d2/1", "d3/0"}));
  f.directed = true;
  EXPECT_EQ(ids(store_->events(f)), (V{"d4/0", "d1/0", "d2/1"}));
  f.dyad_a = "USA";
  f.dyad_b = "RUS";
  EXPECT_EQ(ids(store_->events(f)), (V{"d1/1", "d3/0"}));
}

TEST_F(StoreQueries, CodeRootDateAndDocument) {
  EventFilter f;
  f.code = "043";
  EXPECT_EQ(ids(store_->events(f)), (V{"d4/0", "d1/0", "d2/1"}));
  f.code = "04";  // a code is exact; a root needs --root
  EXPECT_TRUE(store_->events(f).empty());
  f = {};
  f.root = "05";
  EXPECT_EQ(ids(store_->events(f)), V{"d3/1"});
  f = {};
  f.from = 20250805;
  f.to = 20250810;
  EXPECT_EQ(ids(store_->events(f)), (V{"d2/0", "d2/1"}));
  f = {};
  f.from = 20250811;
  EXPECT_EQ(ids(store_->events(f)), (V{"d3/0", "d3/1"}));
  f = {};
  f.doc_id = "d2";
  EXPECT_EQ(ids(store_->events(f)), (V{"d2/0", "d2/1"}));
  f = {};
  f.limit = 2;
  f.offset = 1;
  EXPECT_EQ(ids(store_->events(f)), (V{"d1/0", "d1/1"}));
}

TEST_F(StoreQueries, TextIsLiteralCaseInsensitiveSubstring) {
  EventFilter f;
  f.text = "witkoff";
  EXPECT_EQ(ids(store_->events(f)), (V{"d1/0", "d1/1", "d2/1"}));
  f.text = "100%";
  EXPECT_EQ(ids(store_->events(f)), V{"d1/0"});
  f.text = "%";  // a literal percent sign, not "anything"
  EXPECT_EQ(ids(store_->events(f)), V{"d1/0"});
  f.text = "_";  // a literal underscore, not "any character"
  EXPECT_EQ(ids(store_->events(f)), V{"d2/0"});
  f.text = "o'brien";
  EXPECT_EQ(ids(store_->events(f)), V{"d3/0"});
  f.text = "\\";
  EXPECT_TRUE(store_->events(f).empty());
  f.text = "Putin";
  f.actor = "USA";
  f.directed = true;
  EXPECT_EQ(ids(store_->events(f)), (V{"d1/0", "d1/1"}));
}

TEST_F(StoreQueries, TimelinePerDayAndWeek) {
  TimelineQuery t;
  t.a = "RUS";
  t.b = "USA";
  auto days = store_->timeline(t);  // undated d4 has no place on it
  ASSERT_EQ(days.size(), 3u);
  EXPECT_EQ(days[0].period, 20250804);
  EXPECT_EQ(days[0].events, 2);
  EXPECT_EQ(days[0].quad[1], 2);
  EXPECT_DOUBLE_EQ(days[0].goldstein, 6.8);
  EXPECT_EQ(days[1].period, 20250806);
  EXPECT_EQ(days[1].events, 1);
  EXPECT_EQ(days[2].period, 20250811);
  EXPECT_EQ(days[2].quad[3], 1);
  EXPECT_DOUBLE_EQ(days[2].goldstein, -2.0);
  t.by = Granularity::kWeek;
  auto weeks = store_->timeline(t);
  ASSERT_EQ(weeks.size(), 2u);
  EXPECT_EQ(weeks[0].period, 20250804);  // a Monday
  EXPECT_EQ(weeks[0].events, 3);
  EXPECT_DOUBLE_EQ(weeks[0].goldstein, 9.6);
  EXPECT_EQ(weeks[1].period, 20250811);
  t.directed = true;
  t.by = Granularity::kDay;
  auto directed = store_->timeline(t);
  ASSERT_EQ(directed.size(), 2u);
  EXPECT_EQ(directed[1].period, 20250806);
  t.from = 20250805;
  EXPECT_EQ(store_->timeline(t).size(), 1u);
  EXPECT_THROW(store_->timeline(TimelineQuery{}), StoreError);
}

TEST_F(StoreQueries, WeekStartsOnMondayAcrossMonths) {
  store_->put_document(doc("sun", 20250907, {{"RUSGOV", "USAGOV", "043", 1, 2.8, "x"}}));  // a Sunday
  TimelineQuery t;
  t.a = "RUS";
  t.b = "USA";
  t.from = 20250901;
  t.by = Granularity::kWeek;
  auto weeks = store_->timeline(t);
  ASSERT_EQ(weeks.size(), 1u);
  EXPECT_EQ(weeks[0].period, 20250901);
}

TEST_F(StoreQueries, MostActiveActors) {
  ActorQuery q;
  auto both = store_->top_actors(q);
  ASSERT_GE(both.size(), 2u);
  EXPECT_EQ(both[0].actor, "RUSGOV");
  EXPECT_EQ(both[0].as_source, 3);
  EXPECT_EQ(both[0].as_target, 3);
  EXPECT_EQ(both[0].total, 6);
  EXPECT_EQ(both[1].actor, "USAGOV");
  EXPECT_EQ(both[1].total, 5);
  q.role = ActorRole::kTarget;
  auto targets = store_->top_actors(q);
  EXPECT_EQ(targets[0].actor, "RUSGOV");
  EXPECT_EQ(targets[0].total, 3);
  for (const auto& a : targets) EXPECT_GT(a.as_target, 0) << a.actor;  // CHNGOV never a target
  q.role = ActorRole::kSource;
  q.from = 20250801;
  q.to = 20250831;
  q.limit = 1;
  auto top = store_->top_actors(q);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0].actor, "RUSGOV");
  EXPECT_EQ(top[0].total, 2);  // undated d4 left out
  q = {};
  q.prefix = "rusm";
  ASSERT_EQ(store_->top_actors(q).size(), 1u);
  EXPECT_EQ(store_->top_actors(q)[0].actor, "RUSMIL");
}

TEST_F(StoreQueries, QuotesBySpeakerCodeOrName) {
  QuoteFilter f;
  EXPECT_EQ(store_->quotes(f).size(), 2u);
  f.speaker = "RUS";
  ASSERT_EQ(store_->quotes(f).size(), 1u);
  EXPECT_EQ(store_->quotes(f)[0].quote.quote_text, "very useful and constructive");
  EXPECT_EQ(store_->quotes(f)[0].date, 20250804);
  f.speaker = "leavitt";
  ASSERT_EQ(store_->quotes(f).size(), 1u);
  EXPECT_EQ(store_->quotes(f)[0].quote.doc_id, "d3");
  f = {};
  f.from = 20250810;
  EXPECT_EQ(store_->quotes(f).size(), 1u);
}

TEST_F(StoreQueries, OpenDeadlines) {
  DeadlineFilter f;
  f.as_of = 20250801;
  EXPECT_EQ(store_->open_deadlines(f).size(), 2u);
  f.as_of = 20250808;  // due that day: still open
  EXPECT_EQ(store_->open_deadlines(f).size(), 2u);
  f.as_of = 20250809;
  auto open = store_->open_deadlines(f);
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].deadline.target_code, "IRNGOV");
  EXPECT_EQ(open[0].doc_date, 20250811);
  f.as_of = 20250801;
  f.actor = "rus";
  ASSERT_EQ(store_->open_deadlines(f).size(), 1u);
  EXPECT_EQ(store_->open_deadlines(f)[0].deadline.about, "agree to a ceasefire");
}

TEST_F(StoreQueries, HostileValuesMatchNothingAndChangeNothing) {
  const std::vector<std::string> hostile = {
      "'", "\"", "RUS'; DROP TABLE events; --", "' OR '1'='1", "\" OR \"\"=\"", "%", "_", "%%", "RUS%",
      "R_SGOV", "*", "'); DELETE FROM documents; --", std::string("RUS\0GOV", 7), "\\", "\xff\xfe"};
  for (const std::string& h : hostile) {
    SCOPED_TRACE("value: " + h);
    EventFilter f;
    f.actor = h;
    EXPECT_TRUE(store_->events(f).empty());
    EXPECT_TRUE(store_->clusters(f).empty());
    f = {};
    f.dyad_a = h;
    f.dyad_b = "USA";
    EXPECT_TRUE(store_->events(f).empty());
    f = {};
    f.code = h;
    EXPECT_TRUE(store_->events(f).empty());
    f = {};
    f.root = h;
    EXPECT_TRUE(store_->events(f).empty());
    f = {};
    f.doc_id = h;
    EXPECT_TRUE(store_->events(f).empty());
    f = {};
    f.text = h;
    // Only a literal occurrence may match ("%" is in one sentence, "_" in one).
    for (const auto& row : store_->events(f)) EXPECT_NE(row.sentence_text.find(h), std::string::npos);
    TimelineQuery t;
    t.a = h;
    t.b = "USA";
    EXPECT_TRUE(store_->timeline(t).empty());
    ActorQuery a;
    a.prefix = h;
    EXPECT_TRUE(store_->top_actors(a).empty());
    QuoteFilter q;
    q.speaker = h;
    EXPECT_TRUE(store_->quotes(q).empty());
    q = {};
    q.doc_id = h;
    EXPECT_TRUE(store_->quotes(q).empty());
    DeadlineFilter d;
    d.actor = h;
    EXPECT_TRUE(store_->open_deadlines(d).empty());
    EXPECT_FALSE(store_->get_document(h).has_value());
    EXPECT_FALSE(store_->delete_document(h));
  }
  EXPECT_EQ(store_->counts(), baseline_);
  EXPECT_EQ(store_->integrity_check(), "ok");
}

TEST(StoreQueryHelpers, LikePatternEscapesWildcards) {
  EXPECT_EQ(like_substring("abc"), "%abc%");
  EXPECT_EQ(like_substring("100%"), "%100\\%%");
  EXPECT_EQ(like_substring("a_b"), "%a\\_b%");
  EXPECT_EQ(like_substring("c:\\x"), "%c:\\\\x%");
  EXPECT_EQ(like_substring(""), "%%");
}

TEST(StoreQueryHelpers, PrefixBound) {
  EXPECT_EQ(prefix_upper_bound("RUS"), "RUT");
  EXPECT_EQ(prefix_upper_bound("A\xff"), "B");
  EXPECT_EQ(prefix_upper_bound("\xff\xff"), std::nullopt);
  EXPECT_EQ(prefix_upper_bound(""), std::nullopt);
  EXPECT_EQ(upper_ascii("rusGov-é"), "RUSGOV-é");
}
