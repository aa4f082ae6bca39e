// Cross-story duplicates: the same (date, source, target, code) reported by
// several documents is one cluster with a mention count and the list of
// documents; replacing or deleting a document keeps the counts exact.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "store/store.h"
#include "support/temp_dir.h"

namespace fs = std::filesystem;
using namespace parley::store;

namespace {

fs::path temp_db(const std::string& name) { return parley::test::process_temp_dir().fresh_db(name); }

struct Triple {
  const char* source;
  const char* target;
  const char* code;
};

// One sentence per event.
StoredDocument doc(const std::string& id, int32_t date, std::vector<Triple> events) {
  StoredDocument d;
  d.id = id;
  d.date = date;
  d.text = "text of " + id;
  for (uint32_t i = 0; i < events.size(); ++i) {
    d.sentences.push_back({i, {0, 1}, "s", false});
    EventRecord e;
    e.sentence = i;
    e.source = events[i].source;
    e.target = events[i].target;
    e.code = events[i].code;
    e.root = e.code.substr(0, 2);
    e.quad_class = 1;
    e.goldstein = 3.0;
    e.verb = "v";
    e.verb_entry = "f:1";
    d.events.push_back(e);
  }
  return d;
}

const ClusterRow* find(const std::vector<ClusterRow>& rows, int32_t date, const std::string& s, const std::string& t,
                       const std::string& code) {
  for (const auto& r : rows)
    if (r.date == date && r.source == s && r.target == t && r.code == code) return &r;
  return nullptr;
}

}  // namespace

TEST(StoreClusters, SameEventInManyStoriesIsOneCluster) {
  auto s = Store::open(temp_db("many.db").string());
  s->put_document(doc("a", 20250806, {{"RUSGOV", "USAGOV", "043"}, {"RUSGOV", "USAGOV", "043"}}));
  s->put_document(doc("b", 20250806, {{"RUSGOV", "USAGOV", "043"}, {"USAGOV", "RUSGOV", "043"}}));
  s->put_document(doc("c", 20250807, {{"RUSGOV", "USAGOV", "043"}}));
  auto rows = s->clusters({});
  ASSERT_EQ(rows.size(), 3u);
  const ClusterRow* c = find(rows, 20250806, "RUSGOV", "USAGOV", "043");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->mentions, 3);
  EXPECT_EQ(c->document_count, 2);
  EXPECT_EQ(c->documents, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(c->root, "04");
  EXPECT_EQ(c->goldstein, 3.0);
  // Direction and date are part of the key.
  EXPECT_EQ(find(rows, 20250806, "USAGOV", "RUSGOV", "043")->mentions, 1);
  EXPECT_EQ(find(rows, 20250807, "RUSGOV", "USAGOV", "043")->documents, std::vector<std::string>{"c"});
}

TEST(StoreClusters, ReingestLeavesCountsUnchanged) {
  auto s = Store::open(temp_db("reingest.db").string());
  const StoredDocument a = doc("a", 20250806, {{"RUSGOV", "USAGOV", "043"}});
  const StoredDocument b = doc("b", 20250806, {{"RUSGOV", "USAGOV", "043"}});
  s->put_document(a);
  s->put_document(b);
  const auto before = s->clusters({});
  s->put_document(a);
  s->put_document(b);
  s->put_document(a);
  const auto after = s->clusters({});
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].mentions, 2);
  EXPECT_EQ(after[0].document_count, 2);
  EXPECT_EQ(after[0].cluster_id, before[0].cluster_id);  // updated in place, id stable
}

TEST(StoreClusters, ReplacingDocumentMovesItsMentions) {
  auto s = Store::open(temp_db("replace.db").string());
  s->put_document(doc("a", 20250806, {{"RUSGOV", "USAGOV", "043"}, {"RUSGOV", "UKRGOV", "190"}}));
  s->put_document(doc("b", 20250806, {{"RUSGOV", "USAGOV", "043"}}));
  // a now reports a different event instead of both old ones.
  s->put_document(doc("a", 20250806, {{"CHNGOV", "USAGOV", "036"}}));
  auto rows = s->clusters({});
  ASSERT_EQ(rows.size(), 2u);
  const ClusterRow* kept = find(rows, 20250806, "RUSGOV", "USAGOV", "043");
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->mentions, 1);
  EXPECT_EQ(kept->documents, std::vector<std::string>{"b"});
  EXPECT_EQ(find(rows, 20250806, "RUSGOV", "UKRGOV", "190"), nullptr);  // no event left: cluster gone
  EXPECT_EQ(find(rows, 20250806, "CHNGOV", "USAGOV", "036")->mentions, 1);
}

TEST(StoreClusters, ChangingDocumentDateMovesCluster) {
  auto s = Store::open(temp_db("date.db").string());
  s->put_document(doc("a", 20250806, {{"RUSGOV", "USAGOV", "043"}}));
  s->put_document(doc("a", 20250807, {{"RUSGOV", "USAGOV", "043"}}));
  auto rows = s->clusters({});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].date, 20250807);
}

TEST(StoreClusters, DeletingDocumentUpdatesCounts) {
  auto s = Store::open(temp_db("delete.db").string());
  s->put_document(doc("a", 20250806, {{"RUSGOV", "USAGOV", "043"}}));
  s->put_document(doc("b", 20250806, {{"RUSGOV", "USAGOV", "043"}}));
  s->delete_document("a");
  auto rows = s->clusters({});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].mentions, 1);
  EXPECT_EQ(rows[0].documents, std::vector<std::string>{"b"});
  s->delete_document("b");
  EXPECT_TRUE(s->clusters({}).empty());
  EXPECT_EQ(s->counts().clusters, 0);
}

TEST(StoreClusters, FiltersApplyToClusters) {
  auto s = Store::open(temp_db("filter.db").string());
  s->put_document(doc("a", 20250806, {{"RUSGOV", "USAGOV", "043"}, {"CHNGOV", "JPNGOV", "112"}}));
  s->put_document(doc("b", 20250810, {{"RUSMIL", "UKRMIL", "190"}}));
  EventFilter f;
  f.actor = "rus";
  EXPECT_EQ(s->clusters(f).size(), 2u);
  f = {};
  f.root = "11";
  ASSERT_EQ(s->clusters(f).size(), 1u);
  EXPECT_EQ(s->clusters(f)[0].source, "CHNGOV");
  f = {};
  f.from = 20250807;
  ASSERT_EQ(s->clusters(f).size(), 1u);
  f = {};
  f.doc_id = "b";
  ASSERT_EQ(s->clusters(f).size(), 1u);
  EXPECT_EQ(s->clusters(f)[0].code, "190");
  f = {};
  f.limit = 1;
  f.offset = 1;
  EXPECT_EQ(s->clusters(f).size(), 1u);
}

// The clusters are maintained incrementally; after any sequence of puts,
// replacements and deletions they must equal a recount of the raw events.
TEST(StoreClusters, IncrementalCountsEqualRecountAfterRandomEdits) {
  auto s = Store::open(temp_db("random.db").string());
  const Triple kinds[] = {{"RUSGOV", "USAGOV", "043"}, {"USAGOV", "RUSGOV", "043"}, {"CHN", "JPN", "112"},
                          {"RUSGOV", "USAGOV", "190"}};
  uint32_t seed = 12345;
  auto next = [&seed](uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int step = 0; step < 300; ++step) {
    const std::string id = std::string("d").append(std::to_string(next(12)));
    if (next(5) == 0) {
      s->delete_document(id);
      continue;
    }
    std::vector<Triple> events;
    for (uint32_t k = 0, n = next(5); k < n; ++k) events.push_back(kinds[next(4)]);
    s->put_document(doc(id, 20250801 + static_cast<int32_t>(next(3)), events));
  }
  std::map<std::tuple<int32_t, std::string, std::string, std::string>, std::pair<int64_t, std::set<std::string>>> want;
  for (const EventRow& e : s->events({})) {
    auto& w = want[{e.event.date, e.event.source, e.event.target, e.event.code}];
    ++w.first;
    w.second.insert(e.doc_id);
  }
  const auto got = s->clusters({});
  ASSERT_EQ(got.size(), want.size());
  for (const ClusterRow& c : got) {
    const auto it = want.find({c.date, c.source, c.target, c.code});
    ASSERT_NE(it, want.end()) << c.source << " " << c.target << " " << c.code;
    EXPECT_EQ(c.mentions, it->second.first);
    EXPECT_EQ(c.document_count, static_cast<int64_t>(it->second.second.size()));
    EXPECT_EQ(c.documents, std::vector<std::string>(it->second.second.begin(), it->second.second.end()));
  }
  EXPECT_EQ(s->integrity_check(), "ok");
}
