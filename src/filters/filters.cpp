#include "filters/filters.h"

#include <optional>
#include <tuple>

#include "places/places.h"
#include "plover/plover.h"

namespace parley::filters {
namespace {

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
    else throw ParamError("exclude: expected a comma-separated list of negated, conditional, hypothetical, future, "
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
  if (!ok) throw ParamError(std::string(name) + ": expected " + what, std::string(name));
  return out;
}

// plover_type= (plover=): one of the PLOVER event types (plover/plover.h),
// any case.  A name that is no type is an error, not an empty list: no
// event could match it.
std::string plover_type(const QueryParams& p) {
  const std::string_view param = p.either("plover_type", "plover");
  const std::string name = letters(p, param, 2, 24, "a PLOVER event type (e.g. ASSAULT)");
  if (name.empty() || plover_type_named(name)) return name;
  std::string types;
  for (auto t = static_cast<uint8_t>(PloverType::kAgree); t <= static_cast<uint8_t>(PloverType::kOther); ++t)
    types += (types.empty() ? "" : ", ") + std::string(plover_type_name(static_cast<PloverType>(t)));
  throw ParamError(std::string(param) + ": '" + name + "' is not a PLOVER event type; expected one of " + types,
                   std::string(param));
}

// place_country= (country=): the ISO 3166 code of the event place's country, alpha-3 ("RUS",
// as place_country_iso3 holds it) or alpha-2 ("RU", as place_country holds
// it), any case; returned as alpha-2, the column the filter and its index
// read.  A code no country of the gazetteer has is an error.
std::string place_country(const QueryParams& p) {
  const std::string_view param = p.either("place_country", "country");
  const std::string code =
      letters(p, param, 2, 3, "an ISO 3166 country code, alpha-3 (e.g. RUS) or alpha-2 (e.g. RU)");
  if (code.empty()) return "";
  const std::optional<CountryCodes> country = country_by_code(code);
  if (!country) {
    throw ParamError(std::string(param) + ": '" + code +
                         "' is not an ISO 3166 country code; expected alpha-3 (e.g. RUS) or alpha-2 (e.g. RU)",
                     std::string(param));
  }
  return std::string(country->iso2);
}

}  // namespace

void check_range(int32_t from, int32_t to) {
  if (from && to && from > to) throw ParamError("from: later than to", "from");
}

std::pair<std::string, std::string> checked_dyad(std::string_view value, std::string_view name) {
  const size_t comma = value.find(',');
  if (comma == std::string_view::npos) {
    throw ParamError(std::string(name) + ": expected two actor codes A,B", std::string(name));
  }
  return {checked_actor(value.substr(0, comma), name), checked_actor(value.substr(comma + 1), name)};
}

bool descending(const QueryParams& p) { return p.choice("order", {"asc", "desc"}, "asc") == "desc"; }

store::EventFilter event_filter(const QueryParams& p) {
  store::EventFilter f;
  f.actor = p.actor("actor");
  f.source = p.actor("source");
  f.target = p.actor("target");
  if (auto dyad = p.raw("dyad")) {
    if (!f.source.empty() || !f.target.empty()) throw ParamError("dyad: give either dyad or source/target", "dyad");
    std::tie(f.dyad_a, f.dyad_b) = checked_dyad(*dyad, "dyad");
    f.directed = p.boolean("directed", false);
  } else if (p.raw("directed")) {
    throw ParamError("directed: only with dyad", "directed");
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

store::EventFilter event_list_filter(const QueryParams& p) {
  store::EventFilter f = event_filter(p);
  f.sort = sort_key(p, store::kEventSortKeys);
  f.descending = descending(p);
  if (auto token = p.raw("cursor")) {
    f.after = store::parse_event_cursor(*token, f.sort, f.descending);
    if (!f.after) throw ParamError("cursor: not a next_cursor of a listing with this sort and order", "cursor");
  }
  return f;
}

std::optional<std::string> next_event_cursor(const store::EventFilter& f, const std::vector<store::EventRow>& page) {
  if (f.limit <= 0 || static_cast<int64_t>(page.size()) != f.limit) return std::nullopt;
  return store::format_event_cursor(store::cursor_of(page.back(), f.sort), f.sort, f.descending);
}

store::QuoteFilter quote_filter(const QueryParams& p) {
  store::QuoteFilter f;
  f.speaker = p.text("speaker", 100);
  f.doc_id = document_filter(p);
  f.from = p.date("from");
  f.to = p.date("to");
  check_range(f.from, f.to);
  f.sort = sort_key(p, store::kQuoteSortKeys);
  f.descending = descending(p);
  return f;
}

store::DeadlineFilter deadline_filter(const QueryParams& p) {
  store::DeadlineFilter f;
  f.as_of = p.date("as_of");
  f.actor = p.actor("actor");
  f.sort = sort_key(p, store::kDeadlineSortKeys);
  f.descending = descending(p);
  return f;
}

store::Granularity interval(const QueryParams& p) {
  const std::string by = p.choice("interval", {"day", "week", "month"}, "day");
  return by == "week" ? store::Granularity::kWeek : by == "month" ? store::Granularity::kMonth : store::Granularity::kDay;
}

store::TimelineQuery timeline_query(const QueryParams& p) {
  store::TimelineQuery q;
  q.by = interval(p);
  q.from = p.date("from");
  q.to = p.date("to");
  check_range(q.from, q.to);
  q.directed = p.boolean("directed", false);
  return q;
}

}  // namespace parley::filters
