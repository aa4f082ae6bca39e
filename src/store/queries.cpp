// The analyst's read queries: events, clusters, dyad timelines, most active
// actors, quotes, open deadlines.  Filters become fixed SQL fragments plus
// bound parameters (QueryBuilder); results are plain structs.
#include <cmath>
#include <map>

#include "io/dates.h"
#include "store/query_builder.h"
#include "store/store_impl.h"

namespace parley::store {
namespace {

int64_t sql_limit(int64_t limit) { return limit > 0 ? limit : -1; }

// Dyad (either direction unless directed) over source/target columns.
void where_dyad(QueryBuilder& q, const char* source, const char* target, std::string_view a, std::string_view b,
                bool directed) {
  if (a.empty() || b.empty()) return;
  const std::string forward = sql_and(q.prefix_condition(source, a), q.prefix_condition(target, b));
  if (directed) {
    q.where(forward);
    return;
  }
  const std::string backward = sql_and(q.prefix_condition(source, b), q.prefix_condition(target, a));
  q.where(sql_or(forward, backward));
}

void where_actor(QueryBuilder& q, const char* source, const char* target, std::string_view actor) {
  if (actor.empty()) return;
  q.where(sql_or(q.prefix_condition(source, actor), q.prefix_condition(target, actor)));
}

// The filters events and clusters share, over columns `p`.source etc.
void where_event_filter(QueryBuilder& q, const EventFilter& f, const std::string& p) {
  const std::string source = p + ".source", target = p + ".target";
  where_actor(q, source.c_str(), target.c_str(), f.actor);
  where_dyad(q, source.c_str(), target.c_str(), f.dyad_a, f.dyad_b, f.directed);
  if (!f.code.empty()) q.where(p + ".code = " + q.param(f.code));
  if (!f.root.empty()) q.where(p + ".root = " + q.param(f.root));
  q.where_date_range((p + ".date").c_str(), f.from, f.to);
}

// `column LIKE '%text%'`, literally.  SQLite's LIKE stops at a NUL byte, and
// stored text has none, so a NUL in the search matches nothing.
std::string like_condition(QueryBuilder& q, const std::string& column, const std::string& text) {
  if (text.find('\0') != std::string::npos) return "0";
  return column + " LIKE " + q.param(like_substring(text)) + " ESCAPE '\\'";
}

}  // namespace

std::vector<EventRow> Store::events(const EventFilter& f) {
  std::lock_guard lock(impl_->mutex);
  QueryBuilder q;
  where_event_filter(q, f, "e");
  if (!f.text.empty()) q.where(like_condition(q, "s.text", f.text));
  if (!f.doc_id.empty()) q.where("e.doc_id = " + q.param(f.doc_id));
  const std::string sql = std::string("SELECT e.id, e.doc_id, e.date, s.text, ") + kEventColumns +
                          " FROM events e JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence" +
                          q.where_clause() + " ORDER BY e.date, e.doc_id, e.id LIMIT " +
                          q.param(sql_limit(f.limit)) + " OFFSET " + q.param(std::max<int64_t>(0, f.offset));
  sql::Statement st(impl_->conn, sql.c_str());
  q.bind_all(st);
  std::vector<EventRow> out;
  while (st.step()) {
    EventRow row;
    row.event_id = st.int64(0);
    row.doc_id = st.text(1);
    row.date = static_cast<int32_t>(st.int64(2));
    row.sentence_text = st.text(3);
    row.event = read_event_columns(st, 4);
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<ClusterRow> Store::clusters(const EventFilter& f) {
  std::lock_guard lock(impl_->mutex);
  QueryBuilder q;
  where_event_filter(q, f, "c");
  const std::string same_key = "e.date = c.date AND e.source = c.source AND e.target = c.target AND e.code = c.code";
  // A document filter needs no event scan: cluster_documents lists them.
  if (!f.text.empty()) {
    q.where("EXISTS (SELECT 1 FROM events e JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence WHERE " +
            same_key + " AND " + like_condition(q, "s.text", f.text) + ")");
  }
  if (!f.doc_id.empty()) {
    q.where("EXISTS (SELECT 1 FROM cluster_documents cd WHERE cd.cluster_id = c.id AND cd.doc_id = " +
            q.param(f.doc_id) + ")");
  }
  const std::string sql =
      "SELECT c.id, c.date, c.source, c.target, c.code, c.root, c.quad_class, c.goldstein, c.mentions, c.documents "
      "FROM event_clusters c" + q.where_clause() + " ORDER BY c.date, c.mentions DESC, c.id LIMIT " +
      q.param(sql_limit(f.limit)) + " OFFSET " + q.param(std::max<int64_t>(0, f.offset));
  sql::Statement st(impl_->conn, sql.c_str());
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
    sql::Statement& docs = impl_->cached("SELECT doc_id FROM cluster_documents WHERE cluster_id = ?1 ORDER BY doc_id");
    docs.bind(1, c.cluster_id);
    while (docs.step()) c.documents.push_back(docs.text(0));
  }
  return out;
}

std::vector<TimelinePoint> Store::timeline(const TimelineQuery& t) {
  if (t.a.empty() || t.b.empty()) throw StoreError("a timeline needs both actors of the dyad");
  std::lock_guard lock(impl_->mutex);
  QueryBuilder q;
  where_dyad(q, "source", "target", t.a, t.b, t.directed);
  q.where("date > 0");  // an undated event has no place on a timeline
  q.where_date_range("date", t.from, t.to);
  const std::string sql = "SELECT date, coalesce(quad_class, 0), count(*), total(goldstein) FROM events" +
                          q.where_clause() + " GROUP BY date, quad_class ORDER BY date";
  sql::Statement st(impl_->conn, sql.c_str());
  q.bind_all(st);
  std::map<int32_t, TimelinePoint> periods;
  while (st.step()) {
    const auto date = static_cast<int32_t>(st.int64(0));
    int32_t period = date;
    if (t.by == Granularity::kWeek) {
      const int wd = io::weekday(date);
      if (wd > 0) period = io::add_days(date, -wd);
    }
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
    p.goldstein = std::round(p.goldstein * 10.0) / 10.0;
    out.push_back(p);
  }
  return out;
}

std::vector<ActorActivity> Store::top_actors(const ActorQuery& a) {
  std::lock_guard lock(impl_->mutex);
  QueryBuilder q;
  std::string parts;
  for (const char* column : {"source", "target"}) {
    q.clear_conditions();
    q.where(std::string(column) + " <> '---' AND " + column + " <> ''");
    q.where_prefix(column, a.prefix);
    q.where_date_range("date", a.from, a.to);
    const bool is_source = std::string_view(column) == "source";
    if (!parts.empty()) parts += " UNION ALL ";
    parts += std::string("SELECT ") + column + " AS actor, " + (is_source ? "1 AS s, 0 AS t" : "0 AS s, 1 AS t") +
             " FROM events" + q.where_clause();
  }
  const char* total = a.role == ActorRole::kSource ? "sum(s)" : a.role == ActorRole::kTarget ? "sum(t)" : "sum(s) + sum(t)";
  const std::string sql = "SELECT actor, sum(s), sum(t), " + std::string(total) + " AS n FROM (" + parts +
                          ") GROUP BY actor HAVING n > 0 ORDER BY n DESC, actor LIMIT " + q.param(sql_limit(a.limit));
  sql::Statement st(impl_->conn, sql.c_str());
  q.bind_all(st);
  std::vector<ActorActivity> out;
  while (st.step()) out.push_back({st.text(0), st.int64(1), st.int64(2), st.int64(3)});
  return out;
}

std::vector<QuoteRow> Store::quotes(const QuoteFilter& f) {
  std::lock_guard lock(impl_->mutex);
  QueryBuilder q;
  if (!f.speaker.empty()) {
    q.where(sql_or(q.prefix_condition("q.speaker_code", f.speaker), like_condition(q, "q.speaker_text", f.speaker)));
  }
  if (!f.doc_id.empty()) q.where("q.doc_id = " + q.param(f.doc_id));
  q.where_date_range("d.date", f.from, f.to);
  const std::string sql = std::string("SELECT q.id, d.date, ") + kQuoteColumns +
                          " FROM quotes q JOIN documents d ON d.id = q.doc_id" + q.where_clause() +
                          " ORDER BY d.date, q.doc_id, q.id LIMIT " + q.param(sql_limit(f.limit));
  sql::Statement st(impl_->conn, sql.c_str());
  q.bind_all(st);
  std::vector<QuoteRow> out;
  while (st.step()) out.push_back({st.int64(0), static_cast<int32_t>(st.int64(1)), read_quote_columns(st, 2)});
  return out;
}

std::vector<DeadlineRow> Store::open_deadlines(const DeadlineFilter& f) {
  std::lock_guard lock(impl_->mutex);
  QueryBuilder q;
  q.where("l.due_date >= " + q.param(int64_t{f.as_of}));
  where_actor(q, "l.setter_code", "l.target_code", f.actor);
  const std::string sql = std::string("SELECT l.id, d.date, ") + kDeadlineColumns +
                          " FROM deadlines l JOIN documents d ON d.id = l.doc_id" + q.where_clause() +
                          " ORDER BY l.due_date, l.id LIMIT " + q.param(sql_limit(f.limit));
  sql::Statement st(impl_->conn, sql.c_str());
  q.bind_all(st);
  std::vector<DeadlineRow> out;
  while (st.step()) out.push_back({st.int64(0), static_cast<int32_t>(st.int64(1)), read_deadline_columns(st, 2)});
  return out;
}

}  // namespace parley::store
