// The analyst's read queries: events (listed and counted), clusters, dyad
// timelines, counts over time, most active actors and dyads, documents,
// quotes, deadlines.  Filters become fixed SQL fragments plus
// bound parameters (QueryBuilder); results are plain structs.
#include <chrono>
#include <cmath>
#include <map>
#include <optional>

#include "io/dates.h"
#include "store/query_builder.h"
#include "store/store_impl.h"

namespace parley::store {
namespace {

int64_t sql_limit(int64_t limit) { return limit > 0 ? limit : -1; }

// An either-side condition (actor as source or target, a dyad in either
// direction): added as one OR, or, when `sides` is given and still empty,
// returned there as its two sides so the caller can run one indexed query
// per side (see event_keys_sql()).
void where_either(QueryBuilder& q, std::string one, std::string other, std::vector<std::string>* sides) {
  if (sides && sides->empty()) {
    sides->push_back(std::move(one));
    sides->push_back(std::move(other));
    return;
  }
  q.where(sql_or(one, other));
}

// Dyad (either direction unless directed) over source/target columns.
void where_dyad(QueryBuilder& q, const char* source, const char* target, std::string_view a, std::string_view b,
                bool directed, std::vector<std::string>* sides = nullptr) {
  if (a.empty() || b.empty()) return;
  std::string forward = sql_and(q.prefix_condition(source, a), q.prefix_condition(target, b));
  if (directed) {
    q.where(forward);
    return;
  }
  where_either(q, std::move(forward), sql_and(q.prefix_condition(source, b), q.prefix_condition(target, a)), sides);
}

void where_actor(QueryBuilder& q, const char* source, const char* target, std::string_view actor,
                 std::vector<std::string>* sides = nullptr) {
  if (actor.empty()) return;
  where_either(q, q.prefix_condition(source, actor), q.prefix_condition(target, actor), sides);
}

// The filter columns a query plan may let SQLite read through an index
// (IndexUse bits).  A column left out is written +e.col: SQLite then only
// tests it on a row or on the entry of the index it reads, and cannot pick
// that column's index to drive the query (see events()).
enum IndexUse : unsigned {
  kUseActors = 1u << 0,   // source, target
  kUseCode = 1u << 1,
  kUseRoot = 1u << 2,
  kUseQuad = 1u << 3,
  kUseDate = 1u << 4,
  kUseCountry = 1u << 5,
  kUsePlover = 1u << 6,
  kUseDoc = 1u << 7,
  kUseGoldstein = 1u << 8,  // only the sort and the cursor read it
  kUseText = 1u << 9,       // the trigram index of q= (text_index_condition())
  kUseAll = ~0u,
};

// `p`.column, or +`p`.column when `use` lacks `bit`.
std::string column(const std::string& p, const char* name, unsigned use, unsigned bit) {
  return ((use & bit) ? "" : "+") + p + "." + name;
}

// The filters over the columns events and clusters both have, `p`.source
// etc.  With `sides`, the first either-side condition is returned there
// instead of added (where_either()).
void where_key_filter(QueryBuilder& q, const EventFilter& f, const std::string& p,
                      std::vector<std::string>* sides = nullptr, unsigned use = kUseAll) {
  const std::string source = column(p, "source", use, kUseActors), target = column(p, "target", use, kUseActors);
  where_actor(q, source.c_str(), target.c_str(), f.actor, sides);
  q.where_prefix(source.c_str(), f.source);
  q.where_prefix(target.c_str(), f.target);
  where_dyad(q, source.c_str(), target.c_str(), f.dyad_a, f.dyad_b, f.directed, sides);
  if (!f.code.empty()) q.where(column(p, "code", use, kUseCode) + " = " + q.param(f.code));
  if (!f.root.empty()) q.where(column(p, "root", use, kUseRoot) + " = " + q.param(f.root));
  if (f.quad_class) q.where(column(p, "quad_class", use, kUseQuad) + " = " + q.param(int64_t{f.quad_class}));
  q.where_date_range(column(p, "date", use, kUseDate).c_str(), f.from, f.to);
}

// The filters only raw events have (events `e`): place, PLOVER, flags.
std::vector<std::string> event_only_conditions(QueryBuilder& q, const EventFilter& f, unsigned use = kUseAll) {
  std::vector<std::string> out;
  if (!f.country.empty())
    out.push_back(column("e", "place_country", use, kUseCountry) + " = " + q.param(upper_ascii(f.country)));
  if (!f.plover_type.empty())
    out.push_back(column("e", "plover_type", use, kUsePlover) + " = " + q.param(upper_ascii(f.plover_type)));
  if (f.exclude & kNegated) out.push_back("e.negated = 0");
  if (f.exclude & kConditional) out.push_back("e.conditional = 0 AND e.in_condition = 0");
  if (f.exclude & kHypothetical) out.push_back("e.hypothetical = 0");
  if (f.exclude & kFuture) out.push_back("e.future = 0");
  if (f.exclude & kOneSided) out.push_back("e.one_sided = 0");
  if (f.exclude & kReported) out.push_back("e.reported = 0");
  return out;
}

// `column LIKE '%text%'`, literally.  SQLite's LIKE stops at a NUL byte, and
// stored text has none, so a NUL in the search matches nothing.
std::string like_condition(QueryBuilder& q, const std::string& column, const std::string& text) {
  if (text.find('\0') != std::string::npos) return "0";
  return column + " LIKE " + q.param(like_substring(text)) + " ESCAPE '\\'";
}

// A search the trigram index (schema version 5, sentence_search) can
// answer: three characters or more.  Shorter ones have no trigram; LIKE
// alone reads them.
bool text_indexable(const std::string& text) {
  if (text.find('\0') != std::string::npos) return false;
  size_t characters = 0;
  for (const char c : text) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return characters >= 3;
}

// The events whose sentence contains `text` by the trigram index: the
// phrase query of a trigram index is a substring match, case-folded.  It
// only narrows: every sentence LIKE matches is among its matches (LIKE
// folds ASCII case only, the index folds more), and the LIKE condition is
// still applied, so the rows are exactly LIKE's.
std::string text_index_condition(QueryBuilder& q, const std::string& text) {
  std::string phrase = "\"";
  for (const char c : text) {
    phrase += c;
    if (c == '"') phrase += '"';
  }
  phrase += '"';
  return "(e.id, e.sentence) IN (SELECT k.id, k.sentence FROM sentence_search JOIN sentence_keys k ON k.sentence_key = "
         "sentence_search.rowid WHERE sentence_search MATCH " + q.param(phrase) + ")";
}

// Whether the sort column can hold NULL (store.cpp writes NULL for an
// absent root, quad class, weight and place).
bool sort_column_nullable(EventSort sort) {
  return sort == EventSort::kRoot || sort == EventSort::kQuadClass || sort == EventSort::kGoldstein ||
         sort == EventSort::kCountry;
}

const char* event_sort_column(EventSort sort);
unsigned sort_index_bit(EventSort sort);

// The rows after f.after in the listing's order (ORDER BY key, id in one
// direction; SQLite puts NULL keys first when ascending, last when
// descending).  Row values keep it one index range.
void where_after(QueryBuilder& q, const EventFilter& f, unsigned use) {
  const EventCursor& c = *f.after;
  const std::string key = ((use & sort_index_bit(f.sort)) ? "" : "+") + std::string(event_sort_column(f.sort));
  const std::string id = q.param(c.id);
  const bool nullable = sort_column_nullable(f.sort);
  if (std::holds_alternative<std::monostate>(c.key)) {
    // After a NULL key: later NULLs by id, then (ascending) every non-NULL.
    const std::string later_nulls = "(" + key + " IS NULL AND e.event_id " + (f.descending ? "< " : "> ") + id + ")";
    q.where(f.descending ? later_nulls : "(" + later_nulls + " OR " + key + " IS NOT NULL)");
    return;
  }
  std::string value;
  if (const auto* i = std::get_if<int64_t>(&c.key)) value = q.param(*i);
  else if (const auto* s = std::get_if<std::string>(&c.key)) value = q.param(*s);
  else value = q.param_real(std::get<double>(c.key));
  std::string cond = "(" + key + ", e.event_id) " + (f.descending ? "< " : "> ") + "(" + value + ", " + id + ")";
  if (f.descending && nullable) cond = "(" + cond + " OR " + key + " IS NULL)";
  q.where(cond);
}

// Every EventFilter condition over events `e` (and sentences `s` for the
// text search, which the caller must join when f.text is set); `sides` as
// for where_key_filter().
void where_event_filter(QueryBuilder& q, const EventFilter& f, std::vector<std::string>* sides = nullptr,
                        unsigned use = kUseAll) {
  where_key_filter(q, f, "e", sides, use);
  for (const std::string& c : event_only_conditions(q, f, use)) q.where(c);
  if (!f.text.empty()) {
    if ((use & kUseText) && text_indexable(f.text)) q.where(text_index_condition(q, f.text));
    q.where(like_condition(q, "s.text", f.text));
  }
  if (!f.doc_id.empty()) q.where(column("e", "id", use, kUseDoc) + " = " + q.param(f.doc_id));
  if (f.after) where_after(q, f, use);
}

const char* event_sort_column(EventSort sort) {
  switch (sort) {
    case EventSort::kSource: return "e.source";
    case EventSort::kTarget: return "e.target";
    case EventSort::kCode: return "e.code";
    case EventSort::kRoot: return "e.root";
    case EventSort::kQuadClass: return "e.quad_class";
    case EventSort::kGoldstein: return "e.goldstein";
    case EventSort::kCountry: return "e.place_country";
    case EventSort::kDocument: return "e.id";
    case EventSort::kDate: break;
  }
  return "e.date";
}

// " ORDER BY column dir, tie dir" (ties by id, so pages are stable).
std::string order_by(const char* column, const char* tie, bool descending) {
  const char* dir = descending ? " DESC" : "";
  return std::string(" ORDER BY ") + column + dir + ", " + tie + dir;
}

std::string limit_offset(QueryBuilder& q, int64_t limit, int64_t offset) {
  return " LIMIT " + q.param(sql_limit(limit)) + " OFFSET " + q.param(std::max<int64_t>(0, offset));
}

constexpr const char* kEventsWithSentences =
    " FROM events e JOIN sentences s ON s.id = e.id AND s.sentence = e.sentence";

// The FROM clause of a query over the events filter `f` matches: with the
// sentences when it searches their text.
std::string filtered_events_from(const EventFilter& f) {
  return f.text.empty() ? " FROM events e" : kEventsWithSentences;
}

// The work, in SQLite VM instructions and in time (sql::WorkBudget), a page
// may cost along the sort column's index before events() gives up on that
// plan, and that a total may cost (count_events()).  The instruction bound
// alone would let a walk that reads rows from disk run long (a row read is
// one instruction); the time bound alone would make the plan depend on the
// machine's load more than it must.  Figures: docs/STORE.md.
// A deeper page (limit + offset rows) is allowed more of a walk, in
// proportion, up to kMostWalkTime: the other plan costs more too.
constexpr int64_t kWalkWork = 300000;
constexpr std::chrono::milliseconds kWalkTime{10};
constexpr int64_t kWalkWorkPerRow = 60;
constexpr std::chrono::microseconds kWalkTimePerRow{5};
constexpr std::chrono::milliseconds kMostWalkTime{50};
constexpr int64_t kCountWork = 500000;
constexpr std::chrono::milliseconds kCountTime{20};

// The two ways to a page (events()): walking the sort column's index in
// order and testing each row until the page is full, which costs about
// (limit + offset) x events / matches rows; or reading the matches through
// the index of the most selective filter and sorting them, which costs
// about the number of matches.
enum class Plan { kWalk, kFilter };

bool has_actor_filter(const EventFilter& f) {
  return !f.actor.empty() || !f.source.empty() || !f.target.empty() || !f.dyad_a.empty();
}

// The IndexUse bit of the sort column.
unsigned sort_index_bit(EventSort sort) {
  switch (sort) {
    case EventSort::kDate: return kUseDate;
    case EventSort::kSource:
    case EventSort::kTarget: return kUseActors;
    case EventSort::kCode: return kUseCode;
    case EventSort::kRoot: return kUseRoot;
    case EventSort::kQuadClass: return kUseQuad;
    case EventSort::kCountry: return kUseCountry;
    case EventSort::kDocument: return kUseDoc;
    case EventSort::kGoldstein: break;
  }
  return kUseGoldstein;
}

// Which indexes a plan lets SQLite use.  A walk: only the sort column's.
// Through the filters: a document's own index when there is a document (its
// events are few, or at least bounded by one story); else the actor indexes
// when there is an actor filter, which carry the columns the other filters
// test (schema version 4), so a second filter is checked inside the index
// instead of on every row of the actor; else SQLite's choice.  A text
// search of three characters or more is read through the trigram index
// (within a document, too): when the walk gave up, the text is rare, and
// its matches are fewer than any other filter's.
unsigned index_use(const EventFilter& f, Plan plan) {
  if (plan == Plan::kWalk) return sort_index_bit(f.sort);
  if (text_indexable(f.text)) return kUseText | kUseDoc;
  if (!f.doc_id.empty()) return kUseDoc;
  if (has_actor_filter(f)) return kUseActors;
  return kUseAll;
}

// The ids of one page of events, in page order, as a subquery.  Listing ids
// first and fetching whole rows for the page only is what keeps a page fast
// on a large store: the sort then runs over (id, key) pairs from an index,
// not over joined rows.  Through the filters, an either-side filter (actor,
// undirected dyad) is one indexed query per side, each cut to the first
// limit+offset rows, then merged: the first limit+offset rows of the union
// are among those, and an OR over two indexes would instead collect and
// sort every match.  Rows and order are exactly those of one query with
// the OR.
std::string event_keys_sql(QueryBuilder& q, const EventFilter& f, Plan plan) {
  std::vector<std::string> sides;
  where_event_filter(q, f, plan == Plan::kWalk ? nullptr : &sides, index_use(f, plan));
  const std::string from = filtered_events_from(f);
  const char* column = event_sort_column(f.sort);
  if (sides.empty()) {
    return "SELECT e.event_id" + from + q.where_clause() + order_by(column, "e.event_id", f.descending) +
           limit_offset(q, f.limit, f.offset);
  }
  const std::string common = q.where_clause();
  const int64_t side_limit = f.limit > 0 ? f.limit + std::max<int64_t>(0, f.offset) : -1;
  std::string sql = "SELECT event_id FROM (";
  for (size_t i = 0; i < sides.size(); ++i) {
    if (i) sql += " UNION ";
    sql += std::string("SELECT * FROM (SELECT e.event_id AS event_id, ") + column + " AS k" + from +
           (common.empty() ? " WHERE " : common + " AND ") + sides[i] + order_by("k", "event_id", f.descending) +
           " LIMIT " + q.param(side_limit) + ")";
  }
  return sql + ")" + order_by("k", "event_id", f.descending) + limit_offset(q, f.limit, f.offset);
}

// Runs the page query of `plan`; with `budgeted` (a walk), false and `out`
// cleared when the walk budget ran out first.
bool read_page(sql::Connection& conn, const EventFilter& f, Plan plan, bool budgeted, std::vector<EventRow>& out) {
  QueryBuilder q;
  const std::string sql = std::string("SELECT e.event_id, e.id, s.text, ") + kEventColumns + kEventsWithSentences +
                          " WHERE e.event_id IN (" + event_keys_sql(q, f, plan) + ")" +
                          order_by(event_sort_column(f.sort), "e.event_id", f.descending);
  sql::Statement st(conn, sql.c_str());
  q.bind_all(st);
  std::optional<sql::WorkBudget> limit;
  if (budgeted) {
    const int64_t rows = std::max<int64_t>(0, f.limit) + std::max<int64_t>(0, f.offset);
    const auto time = std::min<std::chrono::microseconds>(kWalkTime + kWalkTimePerRow * rows, kMostWalkTime);
    limit.emplace(conn, kWalkWork + kWalkWorkPerRow * rows, std::chrono::duration_cast<std::chrono::milliseconds>(time));
  }
  while (st.step_unless_interrupted()) {
    EventRow row;
    row.event_id = st.int64(0);
    row.doc_id = st.text(1);
    row.sentence_text = st.text(2);
    row.event = read_event_columns(st, 3);
    out.push_back(std::move(row));
  }
  if (limit && limit->exhausted()) {
    out.clear();
    return false;
  }
  return true;
}

// Period start of a date for a granularity (weeks start on Monday).
int32_t period_of(int32_t date, Granularity by) {
  if (by == Granularity::kMonth) return date / 100 * 100 + 1;
  if (by == Granularity::kWeek) {
    const int wd = io::weekday(date);
    if (wd > 0) return io::add_days(date, -wd);
  }
  return date;
}

double one_decimal(double v) { return std::round(v * 10.0) / 10.0; }

}  // namespace

// A page is first looked for along the sort column's index, within a work
// budget: when the filter matches a good share of the events, that finds
// the page after a few thousand rows whatever the filters.  When the budget
// runs out the filter is selective, and the page is read through its
// indexes.  A cursor (f.after) is one more condition on the sort column,
// so a deep page costs what the first one does.  Either plan gives the same
// rows in the same order; only the cost differs.
std::vector<EventRow> Store::events(const EventFilter& f) {
  ReadLease db(*impl_);
  std::vector<EventRow> out;
  if (f.plan == EventFilter::Plan::kWalk) {
    read_page(db.conn(), f, Plan::kWalk, false, out);
    return out;
  }
  const bool try_walk = f.plan == EventFilter::Plan::kAuto && f.limit > 0 && f.doc_id.empty();
  if (try_walk && read_page(db.conn(), f, Plan::kWalk, true, out)) return out;
  read_page(db.conn(), f, Plan::kFilter, false, out);
  return out;
}

// With an either-side filter the count is that of the first side plus the
// rows of the second the first does not have: two index ranges whose other
// conditions are tested inside the index, where one OR would read each row.
EventCount Store::count_events(const EventFilter& f, int64_t cap) {
  ReadLease db(*impl_);
  QueryBuilder q;
  std::vector<std::string> sides;
  where_event_filter(q, f, &sides, index_use(f, Plan::kFilter));
  const std::string from = filtered_events_from(f);
  const std::string limit = " LIMIT " + q.param(cap + 1);
  std::string sql;
  if (sides.empty()) {
    sql = "SELECT 1" + from + q.where_clause() + limit;
  } else {
    const std::string common = q.where_clause();
    const std::string where = common.empty() ? " WHERE " : common + " AND ";
    sql = "SELECT 1 FROM (SELECT 1" + from + where + sides[0] + limit + ") UNION ALL SELECT 1 FROM (SELECT 1" + from +
          where + sides[1] + " AND NOT " + sides[0] + limit + ")" + limit;
  }
  // Counting stops after cap + 1 rows, or when it has cost kCountWork: a
  // count over a million rows, or over a filter no index answers, would cost
  // more than the page it describes.  Either way what was counted is a
  // lower bound.
  sql::Statement st(db.conn(), sql.c_str());
  q.bind_all(st);
  int64_t n = 0;
  sql::WorkBudget budget(db.conn(), kCountWork, kCountTime);
  while (st.step_unless_interrupted()) ++n;
  if (budget.exhausted()) return EventCount{std::min(n, cap), false};
  return n > cap ? EventCount{cap, false} : EventCount{n, true};
}

std::vector<ClusterRow> Store::clusters(const EventFilter& f) {
  ReadLease db(*impl_);
  QueryBuilder q;
  where_key_filter(q, f, "c");
  const std::string same_key = "e.date = c.date AND e.source = c.source AND e.target = c.target AND e.code = c.code";
  // Filters on what only raw events have: a cluster matches when one of its
  // events does.  A document filter needs no event scan: cluster_documents lists them.
  std::vector<std::string> raw = event_only_conditions(q, f);
  if (!f.text.empty()) raw.push_back(like_condition(q, "s.text", f.text));
  if (!raw.empty()) {
    std::string all = same_key;
    for (const std::string& c : raw) all += " AND " + c;
    q.where(std::string("EXISTS (SELECT 1") + kEventsWithSentences + " WHERE " + all + ")");
  }
  if (!f.doc_id.empty()) {
    q.where("EXISTS (SELECT 1 FROM cluster_documents cd WHERE cd.cluster_id = c.cluster_id AND cd.id = " +
            q.param(f.doc_id) + ")");
  }
  const std::string sql =
      "SELECT c.cluster_id, c.date, c.source, c.target, c.code, c.root, c.quad_class, c.goldstein, c.mentions, c.documents "
      "FROM event_clusters c" + q.where_clause() + " ORDER BY c.date, c.mentions DESC, c.cluster_id" +
      limit_offset(q, f.limit, f.offset);
  sql::Statement st(db.conn(), sql.c_str());
  q.bind_all(st);
  std::vector<ClusterRow> out;
  while (st.step()) {
    ClusterRow c;
    c.cluster_id = st.int64(0);
    c.date = static_cast<int32_t>(st.int64(1));
    c.source = st.text(2);
    c.target = st.text(3);
    c.code = st.text(4);
    c.root = st.text(5);
    c.quad_class = static_cast<int>(st.int64(6));
    c.goldstein = st.optional_real(7);
    c.mentions = st.int64(8);
    c.document_count = st.int64(9);
    out.push_back(std::move(c));
  }
  for (ClusterRow& c : out) {
    sql::Statement& docs = db.cached("SELECT id FROM cluster_documents WHERE cluster_id = ?1 ORDER BY id");
    docs.bind(1, c.cluster_id);
    while (docs.step()) c.documents.push_back(docs.text(0));
  }
  return out;
}

std::vector<TimelinePoint> Store::timeline(const TimelineQuery& t) {
  if (t.a.empty() || t.b.empty()) throw StoreError("a timeline needs both actors of the dyad");
  ReadLease db(*impl_);
  QueryBuilder q;
  where_dyad(q, "source", "target", t.a, t.b, t.directed);
  q.where("date > 0");  // an undated event has no place on a timeline
  q.where_date_range("date", t.from, t.to);
  const std::string sql = "SELECT date, coalesce(quad_class, 0), count(*), total(goldstein) FROM events" +
                          q.where_clause() + " GROUP BY date, quad_class ORDER BY date";
  sql::Statement st(db.conn(), sql.c_str());
  q.bind_all(st);
  std::map<int32_t, TimelinePoint> periods;
  while (st.step()) {
    const auto date = static_cast<int32_t>(st.int64(0));
    const int32_t period = period_of(date, t.by);
    TimelinePoint& p = periods[period];
    p.period = period;
    const int64_t quad = st.int64(1), n = st.int64(2);
    p.events += n;
    p.quad[(quad >= 1 && quad <= 4) ? quad : 0] += n;
    p.goldstein += st.real(3);
  }
  std::vector<TimelinePoint> out;
  for (auto& [_, p] : periods) {
    // Weights have one decimal; drop the binary noise of the sum.
    p.goldstein = one_decimal(p.goldstein);
    out.push_back(p);
  }
  return out;
}

std::vector<ActorActivity> Store::top_actors(const ActorQuery& a) {
  ReadLease db(*impl_);
  QueryBuilder q;
  std::string parts;
  for (const char* column : {"source", "target"}) {
    q.clear_conditions();
    const std::string col = std::string("e.") + column;
    q.where(col + " <> '---' AND " + col + " <> ''");
    q.where_prefix(col.c_str(), a.prefix);
    q.where_date_range("e.date", a.from, a.to);
    where_event_filter(q, a.events);
    const bool is_source = std::string_view(column) == "source";
    if (!parts.empty()) parts += " UNION ALL ";
    // Counted per side first: each side groups along its actor index, in
    // order, and the union then merges two lists of actors, not one row per
    // event (a sort of every event twice over).
    parts += "SELECT " + col + " AS actor, " + (is_source ? "count(*) AS s, 0 AS t" : "0 AS s, count(*) AS t") +
             filtered_events_from(a.events) +
             q.where_clause() + " GROUP BY " + col;
  }
  const char* total = a.role == ActorRole::kSource ? "sum(s)" : a.role == ActorRole::kTarget ? "sum(t)" : "sum(s) + sum(t)";
  const std::string sql = "SELECT actor, sum(s), sum(t), " + std::string(total) + " AS n FROM (" + parts +
                          ") GROUP BY actor HAVING n > 0 ORDER BY n DESC, actor LIMIT " + q.param(sql_limit(a.limit));
  sql::Statement st(db.conn(), sql.c_str());
  q.bind_all(st);
  std::vector<ActorActivity> out;
  while (st.step()) out.push_back({st.text(0), st.int64(1), st.int64(2), st.int64(3)});
  return out;
}

std::vector<DyadActivity> Store::top_dyads(const EventFilter& f, int64_t limit) {
  ReadLease db(*impl_);
  QueryBuilder q;
  q.where("e.source <> '---' AND e.target <> '---'");
  where_event_filter(q, f);
  const std::string sql =
      "SELECT e.source, e.target, count(*) AS n, total(e.goldstein)" + filtered_events_from(f) + q.where_clause() +
      " GROUP BY e.source, e.target ORDER BY n DESC, e.source, e.target LIMIT " + q.param(sql_limit(limit));
  sql::Statement st(db.conn(), sql.c_str());
  q.bind_all(st);
  std::vector<DyadActivity> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.int64(2), one_decimal(st.real(3))});
  return out;
}

std::vector<PlaceActivity> Store::top_places(const EventFilter& f, int64_t limit) {
  ReadLease db(*impl_);
  QueryBuilder q;
  q.where("e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL");
  where_event_filter(q, f);
  const std::string sql =
      "SELECT e.place_name, e.place_country, coalesce(e.place_country_iso3, ''), max(e.place_kind), e.place_lat, "
      "e.place_lon, count(*) AS n, total(e.goldstein)" + filtered_events_from(f) + q.where_clause() +
      " GROUP BY e.place_name, e.place_country, e.place_lat, e.place_lon ORDER BY n DESC, e.place_name, "
      "e.place_country LIMIT " + q.param(sql_limit(limit));
  sql::Statement st(db.conn(), sql.c_str());
  q.bind_all(st);
  std::vector<PlaceActivity> out;
  while (st.step()) {
    out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.real(4), st.real(5), st.int64(6),
                   one_decimal(st.real(7))});
  }
  return out;
}

std::vector<CountryActivity> Store::place_countries(const EventFilter& f) {
  ReadLease db(*impl_);
  QueryBuilder q;
  q.where("e.place_country IS NOT NULL AND e.place_country <> ''");
  where_event_filter(q, f);
  const std::string sql = "SELECT e.place_country, coalesce(max(e.place_country_iso3), ''), count(*) AS n, "
                          "total(e.goldstein)" + filtered_events_from(f) + q.where_clause() +
                          " GROUP BY e.place_country ORDER BY n DESC, e.place_country";
  sql::Statement st(db.conn(), sql.c_str());
  q.bind_all(st);
  std::vector<CountryActivity> out;
  while (st.step()) out.push_back({st.text(0), st.text(1), st.int64(2), one_decimal(st.real(3))});
  return out;
}

std::vector<CountPoint> Store::event_counts(const CountQuery& c) {
  ReadLease db(*impl_);
  QueryBuilder q;
  q.where("e.date > 0");  // an undated event has no place on a time axis
  where_event_filter(q, c.events);
  const char* group = c.group == CountGroup::kRoot        ? "coalesce(e.root, '')"
                      : c.group == CountGroup::kQuadClass ? "coalesce(CAST(e.quad_class AS TEXT), '')"
                      : c.group == CountGroup::kPlover    ? "coalesce(e.plover_type, '')"
                                                          : "''";
  const std::string sql =
      std::string("SELECT e.date, ") + group + " AS g, count(*), total(e.goldstein)" + filtered_events_from(c.events) +
      q.where_clause() + " GROUP BY e.date, g";
  sql::Statement st(db.conn(), sql.c_str());
  q.bind_all(st);
  std::map<std::pair<int32_t, std::string>, CountPoint> points;
  while (st.step()) {
    const int32_t period = period_of(static_cast<int32_t>(st.int64(0)), c.by);
    std::string g = st.text(1);
    CountPoint& p = points[{period, g}];
    p.period = period;
    p.group = std::move(g);
    p.events += st.int64(2);
    p.goldstein += st.real(3);
  }
  std::vector<CountPoint> out;
  out.reserve(points.size());
  for (auto& [_, p] : points) {
    p.goldstein = one_decimal(p.goldstein);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<DocumentSummary> Store::documents(const DocumentFilter& f) {
  ReadLease db(*impl_);
  QueryBuilder q;
  q.where_date_range("d.date", f.from, f.to);
  if (!f.id_contains.empty()) q.where(like_condition(q, "d.id", f.id_contains));
  const char* column = f.sort == DocumentSort::kId ? "d.id" : f.sort == DocumentSort::kEvents ? "n_events" : "d.date";
  const std::string sql =
      "SELECT d.id, d.date, d.source_file, d.story_discarded, "
      "(SELECT count(*) FROM sentences s WHERE s.id = d.id), "
      "(SELECT count(*) FROM events e WHERE e.id = d.id) AS n_events, "
      "(SELECT count(*) FROM quotes k WHERE k.id = d.id), "
      "(SELECT count(*) FROM deadlines l WHERE l.id = d.id) FROM documents d" +
      q.where_clause() + order_by(column, "d.id", f.descending) + limit_offset(q, f.limit, f.offset);
  sql::Statement st(db.conn(), sql.c_str());
  q.bind_all(st);
  std::vector<DocumentSummary> out;
  while (st.step()) {
    out.push_back({st.text(0), static_cast<int32_t>(st.int64(1)), st.text(2), st.int64(3) != 0, st.int64(4),
                   st.int64(5), st.int64(6), st.int64(7)});
  }
  return out;
}

std::vector<QuoteRow> Store::quotes(const QuoteFilter& f) {
  ReadLease db(*impl_);
  QueryBuilder q;
  if (!f.speaker.empty()) {
    q.where(sql_or(q.prefix_condition("q.speaker_code", f.speaker), like_condition(q, "q.speaker", f.speaker)));
  }
  if (!f.doc_id.empty()) q.where("q.id = " + q.param(f.doc_id));
  q.where_date_range("d.date", f.from, f.to);
  const char* column = f.sort == QuoteSort::kSpeaker       ? "q.speaker"
                       : f.sort == QuoteSort::kSpeakerCode ? "q.speaker_code"
                       : f.sort == QuoteSort::kDocument    ? "q.id"
                                                           : "d.date";
  const std::string sql = std::string("SELECT q.quote_id, d.date, ") + kQuoteColumns +
                          " FROM quotes q JOIN documents d ON d.id = q.id" + q.where_clause() +
                          order_by(column, "q.quote_id", f.descending) + limit_offset(q, f.limit, f.offset);
  sql::Statement st(db.conn(), sql.c_str());
  q.bind_all(st);
  std::vector<QuoteRow> out;
  while (st.step()) out.push_back({st.int64(0), static_cast<int32_t>(st.int64(1)), read_quote_columns(st, 2)});
  return out;
}

std::vector<DeadlineRow> Store::open_deadlines(const DeadlineFilter& f) {
  ReadLease db(*impl_);
  QueryBuilder q;
  if (f.as_of) q.where("l.date >= " + q.param(int64_t{f.as_of}));
  where_actor(q, "l.setter_code", "l.target_code", f.actor);
  const char* column = f.sort == DeadlineSort::kReported ? "d.date" : "l.date";
  const std::string sql = std::string("SELECT l.deadline_id, d.date, ") + kDeadlineColumns +
                          " FROM deadlines l JOIN documents d ON d.id = l.id" + q.where_clause() +
                          order_by(column, "l.deadline_id", f.descending) + limit_offset(q, f.limit, f.offset);
  sql::Statement st(db.conn(), sql.c_str());
  q.bind_all(st);
  std::vector<DeadlineRow> out;
  while (st.step()) out.push_back({st.int64(0), static_cast<int32_t>(st.int64(1)), read_deadline_columns(st, 2)});
  return out;
}

}  // namespace parley::store
