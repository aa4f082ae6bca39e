// The read routes over the store: events (filtered, sorted, paged, with a
// total), a dyad's timeline, counts over time, quotes, deadlines, most active
// actors and dyads, places and countries of events, documents.  Every listing also answers format=csv.  Every
// query-string value goes through QueryParams and reaches the store only as
// a typed filter field (the store binds them as SQL parameters); the filters,
// sort and order of the record lists are read by filters/filters.h, as
// `parley query` reads its options.
#include <algorithm>
#include <chrono>
#include <optional>

#include "filters/filters.h"
#include "io/dates.h"
#include "server/api_error.h"
#include "server/params.h"
#include "server/query_json.h"
#include "server/routes.h"
#include "store/result_table.h"

namespace parley::server {
namespace {

using filters::check_range;

// A listing counts its matches up to this many, and for at most a fixed
// amount of work ("total_exact": false beyond, `total` is then a lower
// bound): counting a million rows would cost more than the page it describes.
constexpr int64_t kCountCap = 10000;

int32_t today() {
  const auto now = std::chrono::system_clock::now();
  const auto days = std::chrono::duration_cast<std::chrono::days>(now.time_since_epoch()).count();
  return io::date_from_days(days);
}

// format=csv: the listing's rows as CSV (store/result_table.h), the same
// columns `parley query --format csv` writes.
bool wants_csv(const QueryParams& p) { return p.choice("format", {"json", "csv"}, "json") == "csv"; }

void send_csv(httplib::Response& res, const store::ResultTable& table) {
  res.status = 200;
  res.set_content(store::format_csv(table), "text/csv; charset=utf-8");
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
  QueryParams p(req.params, {PARLEY_EVENT_FILTER_PARAMS, "sort", "order", "limit", "offset", "cursor", "format"});
  // Filters, sort, order and cursor (the next_cursor of an earlier page).
  store::EventFilter f = filters::event_list_filter(p);
  f.limit = p.integer("limit", 1, ctx.limits.max_page, 50);
  f.offset = p.integer("offset", 0, 1000000000, 0);
  const bool csv = wants_csv(p);
  const std::vector<store::EventRow> rows = ctx.store.events(f);
  if (csv) return send_csv(res, store::events_table(rows));
  store::EventCount total = ctx.store.count_events(f, kCountCap);
  // A count stopped early still knows the rows up to this page exist.
  if (!total.exact) total.count = std::max<int64_t>(total.count, f.offset + static_cast<int64_t>(rows.size()));

  io::JsonWriter w;
  w.begin_object();
  w.key("total"); w.integer(total.count);
  w.key("total_exact"); w.boolean(total.exact);
  w.key("limit"); w.integer(f.limit);
  w.key("offset"); w.integer(f.offset);
  // A full page may have a next one: its cursor.  null: this page is the last.
  w.key("next_cursor");
  if (const auto next = filters::next_event_cursor(f, rows)) w.string(*next); else w.null();
  w.key("events");
  w.begin_array();
  for (const store::EventRow& row : rows) write_event_row(w, row);
  w.end_array();
  w.end_object();
  w.end_line();
  send_json(res, w.data());
}

const char* granularity_name(store::Granularity g) {
  return g == store::Granularity::kWeek ? "week" : g == store::Granularity::kMonth ? "month" : "day";
}

void dyad_timeline(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {PARLEY_TIMELINE_PARAMS, "format"});
  store::TimelineQuery q = filters::timeline_query(p);
  q.a = checked_actor(req.matches[1].str(), "a");
  q.b = checked_actor(req.matches[2].str(), "b");
  const auto query_fields = [&q](io::JsonWriter& w) {
    w.key("a"); w.string(q.a);
    w.key("b"); w.string(q.b);
    w.key("directed"); w.boolean(q.directed);
    w.key("interval"); w.string(granularity_name(q.by));
  };
  const auto points = ctx.store.timeline(q);
  if (wants_csv(p)) return send_csv(res, store::timeline_table(points));
  send_listing(res, query_fields, "points", points, write_timeline_point);
}

void list_quotes(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {PARLEY_QUOTE_FILTER_PARAMS, "limit", "offset", "format"});
  store::QuoteFilter f = filters::quote_filter(p);
  f.limit = p.integer("limit", 1, ctx.limits.max_page, 100);
  f.offset = p.integer("offset", 0, 1000000000, 0);
  const auto rows = ctx.store.quotes(f);
  if (wants_csv(p)) return send_csv(res, store::quotes_table(rows));
  send_listing(res, no_fields, "quotes", rows, write_quote_row);
}

// Every deadline by default, past ones included (an analyst reading a story
// from March wants its deadlines); as_of=DATE keeps those still open then.
void list_deadlines(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {PARLEY_DEADLINE_FILTER_PARAMS, "limit", "offset", "format"});
  store::DeadlineFilter f = filters::deadline_filter(p);
  f.limit = p.integer("limit", 1, ctx.limits.max_page, 100);
  f.offset = p.integer("offset", 0, 1000000000, 0);
  const auto rows = ctx.store.open_deadlines(f);
  if (wants_csv(p)) return send_csv(res, store::deadlines_table(rows));
  const auto as_of_field = [&f](io::JsonWriter& w) {
    w.key("as_of");
    if (f.as_of) w.string(io::format_date(f.as_of)); else w.null();
    w.key("today"); w.string(io::format_date(today()));
  };
  send_listing(res, as_of_field, "deadlines", rows, write_deadline_row);
}

void list_actors(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {PARLEY_EVENT_FILTER_PARAMS, "role", "prefix", "limit", "format"});
  store::ActorQuery q;
  q.events = filters::event_filter(p);
  const std::string role = p.choice("role", {"source", "target", "either"}, "either");
  q.role = role == "source" ? store::ActorRole::kSource
           : role == "target" ? store::ActorRole::kTarget : store::ActorRole::kEither;
  q.prefix = p.actor("prefix");
  q.limit = p.integer("limit", 1, ctx.limits.max_page, 20);
  const auto rows = ctx.store.top_actors(q);
  if (wants_csv(p)) return send_csv(res, store::actors_table(rows));
  send_listing(res, no_fields, "actors", rows, write_actor_activity);
}

void list_dyads(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {PARLEY_EVENT_FILTER_PARAMS, "limit", "format"});
  const store::EventFilter f = filters::event_filter(p);
  const auto rows = ctx.store.top_dyads(f, p.integer("limit", 1, ctx.limits.max_page, 20));
  if (wants_csv(p)) return send_csv(res, store::dyads_table(rows));
  send_listing(res, no_fields, "dyads", rows, write_dyad_activity);
}

// The map's data: where the matching events happen, per place with its
// coordinates (markers) and per country (shading).
void list_places(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {PARLEY_EVENT_FILTER_PARAMS, "limit", "format"});
  const store::EventFilter f = filters::event_filter(p);
  const auto rows = ctx.store.top_places(f, p.integer("limit", 1, ctx.limits.max_page, 200));
  if (wants_csv(p)) return send_csv(res, store::places_table(rows));
  send_listing(res, no_fields, "places", rows, write_place_activity);
}

void list_countries(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {PARLEY_EVENT_FILTER_PARAMS, "format"});
  const auto rows = ctx.store.place_countries(filters::event_filter(p));
  if (wants_csv(p)) return send_csv(res, store::countries_table(rows));
  send_listing(res, no_fields, "countries", rows, write_country_activity);
}

void event_counts(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {PARLEY_EVENT_FILTER_PARAMS, "interval", "group", "format"});
  store::CountQuery q;
  q.events = filters::event_filter(p);
  q.by = filters::interval(p);
  // plover_type, as the field; plover is its older name (the reply says which was asked).
  const std::string group = p.choice("group", {"total", "root", "quad_class", "plover_type", "plover"}, "total");
  q.group = group == "root"         ? store::CountGroup::kRoot
            : group == "quad_class" ? store::CountGroup::kQuadClass
            : group == "plover_type" || group == "plover" ? store::CountGroup::kPlover
                                                          : store::CountGroup::kTotal;
  const auto rows = ctx.store.event_counts(q);
  if (wants_csv(p)) return send_csv(res, store::counts_table(rows));
  const auto fields = [&](io::JsonWriter& w) {
    w.key("interval"); w.string(granularity_name(q.by));
    w.key("group"); w.string(group);
  };
  send_listing(res, fields, "points", rows, write_count_point);
}

void list_documents(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {"from", "to", "q", "sort", "order", "limit", "offset", "format"});
  store::DocumentFilter f;
  f.from = p.date("from");
  f.to = p.date("to");
  check_range(f.from, f.to);
  f.id_contains = p.text("q", 200);
  f.sort = filters::sort_key(p, store::kDocumentSortKeys);
  f.descending = filters::descending(p);
  f.limit = p.integer("limit", 1, ctx.limits.max_page, 50);
  f.offset = p.integer("offset", 0, 1000000000, 0);
  const auto rows = ctx.store.documents(f);
  if (wants_csv(p)) return send_csv(res, store::documents_table(rows));
  send_listing(res, no_fields, "documents", rows, write_document_summary);
}

void show_document(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams none(req.params, {});
  const std::string id = req.matches[1].str();
  check_document_id(id, "id");
  store::StoredRowIds ids;
  const auto doc = ctx.store.get_document(id, &ids);
  if (!doc) throw ApiError(404, "id: no document '" + id + "' is stored", "id");
  io::JsonWriter w;
  write_document(w, *doc, ids);
  w.end_line();
  send_json(res, w.data());
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
    return [&ctx, fn](const httplib::Request& req, httplib::Response& res) {
      handle(res, [&] {
        check_query_string(req.target);
        fn(ctx, req, res);
      });
    };
  };
  http.Get("/v1/events", route(list_events));
  http.Get(R"(/v1/dyads/([^/]+)/([^/]+)/timeline)", route(dyad_timeline));
  http.Get("/v1/quotes", route(list_quotes));
  http.Get("/v1/deadlines", route(list_deadlines));
  http.Get("/v1/actors", route(list_actors));
  http.Get("/v1/dyads", route(list_dyads));
  http.Get("/v1/counts", route(event_counts));
  http.Get("/v1/places", route(list_places));
  http.Get("/v1/countries", route(list_countries));
  http.Get("/v1/documents", route(list_documents));
  http.Get(R"(/v1/documents/([^/]+))", route(show_document));
  http.Get("/v1/stats", route(store_totals));
}

}  // namespace parley::server
