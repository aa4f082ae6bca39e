// parley/filters: what a query's parameters mean, once for every front end.
// The HTTP API (src/server, the query string) and `parley query` (src/cli,
// its options, named as the parameters) both hand their values, as text, to
// these functions, which check each one (params.h: a ParamError naming the
// parameter for an ill-formed one) and give the store's filter structs; the
// store turns those into SQL (store/queries.cpp).  So a filter has one name,
// one meaning and one error message everywhere (docs/STORE.md).
//
// Paging by limit and offset and the output format are the front end's: the
// API caps a page, `parley query` prints every row unless told not to.  An
// event listing's cursor is read and made here, so that its token and its
// error are the same in both.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "filters/params.h"
#include "store/store.h"

namespace parley::filters {

// The event filters (event_filter()) by parameter name, for the
// `allowed` list of a QueryParams.  A filter on a record field has the
// field's name (place_country, plover_type, id: the document); country,
// plover and doc are their older names, still accepted.
#define PARLEY_EVENT_FILTER_PARAMS                                                                                  \
  "actor", "source", "target", "dyad", "directed", "code", "root", "quad_class", "plover_type", "plover",             \
      "place_country", "country", "exclude", "from", "to", "q", "id", "doc"
// What quote_filter() and deadline_filter() read.
#define PARLEY_QUOTE_FILTER_PARAMS "speaker", "id", "doc", "from", "to", "sort", "order"
#define PARLEY_DEADLINE_FILTER_PARAMS "as_of", "actor", "sort", "order"
// What timeline_query() reads.
#define PARLEY_TIMELINE_PARAMS "interval", "from", "to", "directed"

// The event filters: actor, source, target, dyad (+ directed), code, root,
// quad_class, plover_type, place_country, exclude, from, to, q, id.  Sort,
// order and paging are left as EventFilter's defaults.
store::EventFilter event_filter(const QueryParams& p);
// event_filter() with sort= (store::kEventSortKeys), order= and cursor=: an
// event listing's rows and their order.  cursor= is the next_cursor of an
// earlier page of a listing with the same sort and order (keyset paging: the
// rows after that page's last one; an offset then counts from there); a
// token that is malformed or was made for another sort or order is an error
// naming cursor.
store::EventFilter event_list_filter(const QueryParams& p);
// The next_cursor of `page`, a page of events read with `f`: the token of
// its last row when the page is full (f.limit rows: there may be more; a
// full last page has one and the page after it is empty), nullopt when it
// is the last, as always when f.limit is 0 (every row).
std::optional<std::string> next_event_cursor(const store::EventFilter& f, const std::vector<store::EventRow>& page);
// speaker, id, from, to, sort, order.
store::QuoteFilter quote_filter(const QueryParams& p);
// as_of, actor, sort, order.
store::DeadlineFilter deadline_filter(const QueryParams& p);
// A dyad's timeline but the dyad (the API's path, `parley query`'s --dyad):
// interval, from, to, directed.
store::TimelineQuery timeline_query(const QueryParams& p);
// interval=day|week|month (day when absent).
store::Granularity interval(const QueryParams& p);

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
  throw ParamError("sort: expected " + names, "sort");
}

// order=asc|desc (asc when absent): true for desc.
bool descending(const QueryParams& p);

// A date range's check: `from` after `to` is an error naming from.
void check_range(int32_t from, int32_t to);

// "A,B": two actor code prefixes (upper case); an error naming `name` otherwise.
std::pair<std::string, std::string> checked_dyad(std::string_view value, std::string_view name);

}  // namespace parley::filters
