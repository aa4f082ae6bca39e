// The read routes over the store: events (filtered, sorted, paged, with a
// total), a dyad's timeline, counts over time, quotes, deadlines, most active
// actors and dyads, places and countries of events, documents.  Every listing also answers format=csv.  Every
// query-string value goes through QueryParams and reaches the store only as
// a typed filter field (the store binds them as SQL parameters).
#include <algorithm>
#include <chrono>
#include <optional>

#include "io/dates.h"
#include "places/places.h"
#include "plover/plover.h"
#include "server/api_error.h"
#include "server/params.h"
#include "server/query_json.h"
#include "server/request_bodies.h"
#include "server/routes.h"
#include "store/result_table.h"

namespace parley::server {
namespace {

// A listing counts its matches up to this many, and for at most a fixed
// amount of work ("total_exact": false beyond, `total` is then a lower
// bound): counting a million rows would cost more than the page it describes.
constexpr int64_t kCountCap = 10000;

void check_range(int32_t from, int32_t to) {
  if (from && to && from > to) throw ApiError(400, "from: later than to", "from");
}

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

// The event filter parameters every event route takes.  A filter on a
// record field has the field's name (place_country, plover_type, id: the
// document); country, plover and doc are their older names, still accepted.
#define PARLEY_EVENT_FILTER_PARAMS                                                                                  \
  "actor", "source", "target", "dyad", "directed", "code", "root", "quad_class", "plover_type", "plover",             \
      "place_country", "country", "exclude", "from", "to", "q", "id", "doc"

// sort=: one of `keys` (store.h: each named as the field it sorts by, older
// aliases after); the first when absent.
template <class Sort, size_t N>
Sort sort_key(const QueryParams& p, const store::SortKey<Sort> (&keys)[N]) {
  auto v = p.raw("sort");
  if (!v) return keys[0].sort;
  std::string names;
  for (size_t i = 0; i < N; ++i) {
    if (keys[i].name == *v) return keys[i].sort;
    names += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(keys[i].name);
  }
  throw ApiError(400, "sort: expected " + names, "sort");
}

// id= (doc=, its older name): one document's records; "" when absent.
std::string document_filter(const QueryParams& p) {
  const std::string_view name = p.either("id", "doc");
  auto doc = p.raw(name);
  if (!doc) return "";
  check_document_id(*doc, name);
  return std::string(*doc);
}

unsigned parse_exclude(const QueryParams& p) {
  auto v = p.raw("exclude");
  if (!v) return 0;
  unsigned out = 0;
  std::string_view rest = *v;
  while (true) {
    const size_t comma = rest.find(',');
    const std::string_view name = rest.substr(0, comma);
    if (name == "negated") out |= store::kNegated;
    else if (name == "conditional") out |= store::kConditional;
    else if (name == "hypothetical") out |= store::kHypothetical;
    else if (name == "future") out |= store::kFuture;
    else if (name == "one_sided") out |= store::kOneSided;
    else if (name == "reported") out |= store::kReported;
    else throw ApiError(400, "exclude: expected a comma-separated list of negated, conditional, hypothetical, future, "
                             "one_sided, reported", "exclude");
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

// Upper-case letters only (PLOVER types, ISO country codes), `min`..`max` long.
std::string letters(const QueryParams& p, std::string_view name, size_t min, size_t max, const char* what) {
  auto v = p.raw(name);
  if (!v) return "";
  bool ok = v->size() >= min && v->size() <= max;
  std::string out;
  for (char c : *v) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    ok = ok && ((c >= 'A' && c <= 'Z') || c == '_');
    out += c;
  }
  if (!ok) throw ApiError(400, std::string(name) + ": expected " + what, std::string(name));
  return out;
}

// plover_type= (plover=): one of the PLOVER event types (plover/plover.h),
// any case.  A name that is no type is a 400, not an empty list: no event
// could match it.
std::string plover_type(const QueryParams& p) {
  const std::string_view param = p.either("plover_type", "plover");
  const std::string name = letters(p, param, 2, 24, "a PLOVER event type (e.g. ASSAULT)");
  if (name.empty() || plover_type_named(name)) return name;
  std::string types;
  for (auto t = static_cast<uint8_t>(PloverType::kAgree); t <= static_cast<uint8_t>(PloverType::kOther); ++t)
    types += (types.empty() ? "" : ", ") + std::string(plover_type_name(static_cast<PloverType>(t)));
  throw ApiError(400, std::string(param) + ": '" + name + "' is not a PLOVER event type; expected one of " + types,
                 std::string(param));
}

// place_country= (country=): the ISO 3166 code of the event place's country, alpha-3 ("RUS",
// as place_country_iso3 holds it) or alpha-2 ("RU", as place_country holds
// it), any case; returned as alpha-2, the column the filter and its index
// read.  A code no country of the gazetteer has is a 400.
std::string place_country(const QueryParams& p) {
  const std::string_view param = p.either("place_country", "country");
  const std::string code =
      letters(p, param, 2, 3, "an ISO 3166 country code, alpha-3 (e.g. RUS) or alpha-2 (e.g. RU)");
  if (code.empty()) return "";
  const std::optional<CountryCodes> country = country_by_code(code);
  if (!country) {
    throw ApiError(400,
                   std::string(param) + ": '" + code +
                       "' is not an ISO 3166 country code; expected alpha-3 (e.g. RUS) or alpha-2 (e.g. RU)",
                   std::string(param));
  }
  return std::string(country->iso2);
}

store::EventFilter parse_event_filter(const QueryParams& p) {
  store::EventFilter f;
  f.actor = p.actor("actor");
  f.source = p.actor("source");
  f.target = p.actor("target");
  if (auto dyad = p.raw("dyad")) {
    if (!f.source.empty() || !f.target.empty()) throw ApiError(400, "dyad: give either dyad or source/target", "dyad");
    const size_t comma = dyad->find(',');
    if (comma == std::string_view::npos) throw ApiError(400, "dyad: expected two actor codes A,B", "dyad");
    f.dyad_a = checked_actor(dyad->substr(0, comma), "dyad");
    f.dyad_b = checked_actor(dyad->substr(comma + 1), "dyad");
    f.directed = p.boolean("directed", false);
  } else if (p.raw("directed")) {
    throw ApiError(400, "directed: only with dyad", "directed");
  }
  f.code = p.event_code("code");
  f.root = p.root("root");
  f.quad_class = static_cast<int>(p.integer("quad_class", 1, 4, 0));
  f.plover_type = plover_type(p);
  f.country = place_country(p);
  f.exclude = parse_exclude(p);
  f.from = p.date("from");
  f.to = p.date("to");
  check_range(f.from, f.to);
  f.text = p.text("q", 200);
  f.doc_id = document_filter(p);
  return f;
}

bool descending(const QueryParams& p, bool fallback) {
  return p.choice("order", {"asc", "desc"}, fallback ? "desc" : "asc") == "desc";
}

void list_events(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {PARLEY_EVENT_FILTER_PARAMS, "sort", "order", "limit", "offset", "cursor", "format"});
  store::EventFilter f = parse_event_filter(p);
  f.sort = sort_key(p, store::kEventSortKeys);
  f.descending = descending(p, false);
  f.limit = p.integer("limit", 1, ctx.limits.max_page, 50);
  f.offset = p.integer("offset", 0, 1000000000, 0);
  // cursor: the next_cursor of the previous page (keyset paging; an offset
  // then counts from there).
  if (auto token = p.raw("cursor")) {
    f.after = store::parse_event_cursor(*token, f.sort, f.descending);
    if (!f.after) {
      throw ApiError(400, "cursor: not a next_cursor of a listing with this sort and order", "cursor");
    }
  }
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
  if (static_cast<int64_t>(rows.size()) == f.limit) {
    w.string(store::format_event_cursor(store::cursor_of(rows.back(), f.sort), f.sort, f.descending));
  } else {
    w.null();
  }
  w.key("events");
  w.begin_array();
  for (const store::EventRow& row : rows) write_event_row(w, row);
  w.end_array();
  w.end_object();
  w.end_line();
  send_json(res, w.data());
}

store::Granularity granularity(const QueryParams& p) {
  const std::string by = p.choice("interval", {"day", "week", "month"}, "day");
  return by == "week" ? store::Granularity::kWeek : by == "month" ? store::Granularity::kMonth : store::Granularity::kDay;
}

const char* granularity_name(store::Granularity g) {
  return g == store::Granularity::kWeek ? "week" : g == store::Granularity::kMonth ? "month" : "day";
}

void dyad_timeline(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {"interval", "from", "to", "directed", "format"});
  store::TimelineQuery q;
  q.a = checked_actor(req.matches[1].str(), "a");
  q.b = checked_actor(req.matches[2].str(), "b");
  q.by = granularity(p);
  q.from = p.date("from");
  q.to = p.date("to");
  check_range(q.from, q.to);
  q.directed = p.boolean("directed", false);
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
  QueryParams p(req.params, {"speaker", "id", "doc", "from", "to", "sort", "order", "limit", "offset", "format"});
  store::QuoteFilter f;
  f.speaker = p.text("speaker", 100);
  f.doc_id = document_filter(p);
  f.from = p.date("from");
  f.to = p.date("to");
  check_range(f.from, f.to);
  f.sort = sort_key(p, store::kQuoteSortKeys);
  f.descending = descending(p, false);
  f.limit = p.integer("limit", 1, ctx.limits.max_page, 100);
  f.offset = p.integer("offset", 0, 1000000000, 0);
  const auto rows = ctx.store.quotes(f);
  if (wants_csv(p)) return send_csv(res, store::quotes_table(rows));
  send_listing(res, no_fields, "quotes", rows, write_quote_row);
}

// Every deadline by default, past ones included (an analyst reading a story
// from March wants its deadlines); as_of=DATE keeps those still open then.
void list_deadlines(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {"as_of", "actor", "sort", "order", "limit", "offset", "format"});
  store::DeadlineFilter f;
  f.as_of = p.date("as_of");
  f.actor = p.actor("actor");
  f.sort = sort_key(p, store::kDeadlineSortKeys);
  f.descending = descending(p, false);
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
  q.events = parse_event_filter(p);
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
  const store::EventFilter f = parse_event_filter(p);
  const auto rows = ctx.store.top_dyads(f, p.integer("limit", 1, ctx.limits.max_page, 20));
  if (wants_csv(p)) return send_csv(res, store::dyads_table(rows));
  send_listing(res, no_fields, "dyads", rows, write_dyad_activity);
}

// The map's data: where the matching events happen, per place with its
// coordinates (markers) and per country (shading).
void list_places(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {PARLEY_EVENT_FILTER_PARAMS, "limit", "format"});
  const store::EventFilter f = parse_event_filter(p);
  const auto rows = ctx.store.top_places(f, p.integer("limit", 1, ctx.limits.max_page, 200));
  if (wants_csv(p)) return send_csv(res, store::places_table(rows));
  send_listing(res, no_fields, "places", rows, write_place_activity);
}

void list_countries(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {PARLEY_EVENT_FILTER_PARAMS, "format"});
  const auto rows = ctx.store.place_countries(parse_event_filter(p));
  if (wants_csv(p)) return send_csv(res, store::countries_table(rows));
  send_listing(res, no_fields, "countries", rows, write_country_activity);
}

void event_counts(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  QueryParams p(req.params, {PARLEY_EVENT_FILTER_PARAMS, "interval", "group", "format"});
  store::CountQuery q;
  q.events = parse_event_filter(p);
  q.by = granularity(p);
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
  f.sort = sort_key(p, store::kDocumentSortKeys);
  f.descending = descending(p, false);
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
