// The read routes over the store: events (filtered, paged, with a total),
// a dyad's timeline, quotes, open deadlines, most active actors.  Every
// query-string value goes through QueryParams and reaches the store only as
// a typed filter field (the store binds them as SQL parameters).
#include <algorithm>
#include <chrono>

#include "io/dates.h"
#include "server/api_error.h"
#include "server/params.h"
#include "server/query_json.h"
#include "server/request_bodies.h"
#include "server/routes.h"

namespace parley::server {
namespace {

// The store has no count query and no source-only / target-only filter yet,
// so the listing reads at most this many matching rows, filters and counts
// them here, and pages in memory; past the cap the total is a lower bound
// ("total_exact": false).
constexpr int64_t kScanCap = 100000;

bool has_prefix(const std::string& code, const std::string& prefix) {
  return prefix.empty() || code.compare(0, prefix.size(), prefix) == 0;
}

void check_range(int32_t from, int32_t to) {
  if (from && to && from > to) throw ApiError(400, "from: later than to", "from");
}

int32_t today() {
  const auto now = std::chrono::system_clock::now();
  const auto days = std::chrono::duration_cast<std::chrono::days>(now.time_since_epoch()).count();
  return io::date_from_days(days);
}

// The listing routes answer one JSON object: `leading_fields` writes the
// fields that describe the request, then the array `name` holds the rows,
// each written by `write_row`.  Written once so that the timeline, quotes,
// deadlines and actors listings cannot drift apart in how they close and send.
template <class Row, class LeadingFields>
void send_listing(httplib::Response& res, const LeadingFields& leading_fields, std::string_view name,
                  const std::vector<Row>& rows, void (*write_row)(io::JsonWriter&, const Row&)) {
  io::JsonWriter w;
  w.begin_object();
  leading_fields(w);
  w.key(name);
  w.begin_array();
  for (const Row& row : rows) write_row(w, row);
  w.end_array();
  w.end_object();
  w.end_line();
  send_json(res, w.data());
}

// For the listings whose object holds only the rows.
constexpr auto no_fields = [](io::JsonWriter&) {};

void list_events(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {"actor", "source", "target", "dyad", "directed", "code", "root", "from", "to", "q",
                             "doc", "limit", "offset"});
  store::EventFilter f;
  f.actor = p.actor("actor");
  const std::string source = p.actor("source"), target = p.actor("target");
  if (auto dyad = p.raw("dyad")) {
    if (!source.empty() || !target.empty()) throw ApiError(400, "dyad: give either dyad or source/target", "dyad");
    const size_t comma = dyad->find(',');
    if (comma == std::string_view::npos) throw ApiError(400, "dyad: expected two actor codes A,B", "dyad");
    f.dyad_a = checked_actor(dyad->substr(0, comma), "dyad");
    f.dyad_b = checked_actor(dyad->substr(comma + 1), "dyad");
    f.directed = p.boolean("directed", false);
  } else if (p.raw("directed")) {
    throw ApiError(400, "directed: only with dyad", "directed");
  }
  if (!source.empty() && !target.empty()) {
    f.dyad_a = source;
    f.dyad_b = target;
    f.directed = true;
  }
  // One side alone: the store's either-side actor filter narrows the rows,
  // the side is checked below.
  const bool one_side = source.empty() != target.empty();
  if (one_side && f.actor.empty()) f.actor = source.empty() ? target : source;
  f.code = p.event_code("code");
  f.root = p.root("root");
  f.from = p.date("from");
  f.to = p.date("to");
  check_range(f.from, f.to);
  f.text = p.text("q", 200);
  if (auto doc = p.raw("doc")) {
    check_document_id(*doc, "doc");
    f.doc_id = std::string(*doc);
  }
  const int64_t limit = p.integer("limit", 1, ctx.limits.max_page, 50);
  const int64_t offset = p.integer("offset", 0, 1000000000, 0);
  const std::string actor = p.actor("actor");

  f.limit = kScanCap + 1;
  std::vector<store::EventRow> rows = ctx.store.events(f);
  const bool exact = static_cast<int64_t>(rows.size()) <= kScanCap;
  if (!exact) rows.pop_back();
  if (one_side) {
    std::erase_if(rows, [&](const store::EventRow& r) {
      return !has_prefix(r.event.source, source) || !has_prefix(r.event.target, target) ||
             !(actor.empty() || has_prefix(r.event.source, actor) || has_prefix(r.event.target, actor));
    });
  }

  io::JsonWriter w;
  w.begin_object();
  w.key("total"); w.unsigned_integer(rows.size());
  w.key("total_exact"); w.boolean(exact);
  w.key("limit"); w.integer(limit);
  w.key("offset"); w.integer(offset);
  w.key("events");
  w.begin_array();
  const size_t end = static_cast<size_t>(std::min<int64_t>(offset + limit, static_cast<int64_t>(rows.size())));
  for (size_t i = static_cast<size_t>(offset); i < end; ++i) write_event_row(w, rows[i]);
  w.end_array();
  w.end_object();
  w.end_line();
  send_json(res, w.data());
}

void dyad_timeline(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {"interval", "from", "to", "directed"});
  store::TimelineQuery q;
  q.a = checked_actor(req.matches[1].str(), "a");
  q.b = checked_actor(req.matches[2].str(), "b");
  q.by = p.choice("interval", {"day", "week"}, "day") == "week" ? store::Granularity::kWeek : store::Granularity::kDay;
  q.from = p.date("from");
  q.to = p.date("to");
  check_range(q.from, q.to);
  q.directed = p.boolean("directed", false);
  const auto query_fields = [&q](io::JsonWriter& w) {
    w.key("a"); w.string(q.a);
    w.key("b"); w.string(q.b);
    w.key("directed"); w.boolean(q.directed);
    w.key("interval"); w.string(q.by == store::Granularity::kWeek ? "week" : "day");
  };
  send_listing(res, query_fields, "points", ctx.store.timeline(q), write_timeline_point);
}

void list_quotes(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {"speaker", "doc", "from", "to", "limit"});
  store::QuoteFilter f;
  f.speaker = p.text("speaker", 100);
  if (auto doc = p.raw("doc")) {
    check_document_id(*doc, "doc");
    f.doc_id = std::string(*doc);
  }
  f.from = p.date("from");
  f.to = p.date("to");
  check_range(f.from, f.to);
  f.limit = p.integer("limit", 1, ctx.limits.max_page, 100);
  send_listing(res, no_fields, "quotes", ctx.store.quotes(f), write_quote_row);
}

void list_deadlines(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {"as_of", "actor", "limit"});
  store::DeadlineFilter f;
  f.as_of = p.date("as_of");
  if (!f.as_of) f.as_of = today();
  f.actor = p.actor("actor");
  f.limit = p.integer("limit", 1, ctx.limits.max_page, 100);
  const auto as_of_field = [&f](io::JsonWriter& w) { w.key("as_of"); w.string(io::format_date(f.as_of)); };
  send_listing(res, as_of_field, "deadlines", ctx.store.open_deadlines(f), write_deadline_row);
}

void list_actors(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {"role", "prefix", "from", "to", "limit"});
  store::ActorQuery q;
  const std::string role = p.choice("role", {"source", "target", "either"}, "either");
  q.role = role == "source" ? store::ActorRole::kSource
           : role == "target" ? store::ActorRole::kTarget : store::ActorRole::kEither;
  q.prefix = p.actor("prefix");
  q.from = p.date("from");
  q.to = p.date("to");
  check_range(q.from, q.to);
  q.limit = p.integer("limit", 1, ctx.limits.max_page, 20);
  send_listing(res, no_fields, "actors", ctx.store.top_actors(q), write_actor_activity);
}

void store_totals(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams none(req.params, {});
  const store::StoreCounts c = ctx.store.counts();
  io::JsonWriter w;
  w.begin_object();
  w.key("documents"); w.integer(c.documents);
  w.key("sentences"); w.integer(c.sentences);
  w.key("events"); w.integer(c.events);
  w.key("clusters"); w.integer(c.clusters);
  w.key("quotes"); w.integer(c.quotes);
  w.key("deadlines"); w.integer(c.deadlines);
  w.end_object();
  w.end_line();
  send_json(res, w.data());
}

}  // namespace

void add_query_routes(httplib::Server& http, ServerContext& ctx) {
  auto route = [&ctx](void (*fn)(ServerContext&, const httplib::Request&, httplib::Response&)) {
    return [&ctx, fn](const httplib::Request& req, httplib::Response& res) { handle(res, [&] { fn(ctx, req, res); }); };
  };
  http.Get("/v1/events", route(list_events));
  http.Get(R"(/v1/dyads/([^/]+)/([^/]+)/timeline)", route(dyad_timeline));
  http.Get("/v1/quotes", route(list_quotes));
  http.Get("/v1/deadlines", route(list_deadlines));
  http.Get("/v1/actors", route(list_actors));
  http.Get("/v1/stats", route(store_totals));
}

}  // namespace parley::server
