// Query-string validation.  A QueryParams is built with the names a route
// accepts; an unknown or repeated name is a 400 at once.  Each typed getter
// checks one value and throws ApiError(400, why, name) when it is ill-formed,
// so a route never sees a value it did not ask for in a shape it expects.
// Values are URL-decoded by httplib before they get here.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace parley::server {

class QueryParams {
 public:
  using Multimap = std::multimap<std::string, std::string>;
  QueryParams(const Multimap& params, std::initializer_list<std::string_view> allowed);

  std::optional<std::string_view> raw(std::string_view name) const;
  // Of a parameter `name` and its older alias `alias` (both accepted, one
  // meaning), the one given: `alias` when only it is, else `name`.  Both
  // given is a 400 naming them.
  std::string_view either(std::string_view name, std::string_view alias) const;

  // An actor code prefix: 1-24 ASCII letters or digits, returned upper case;
  // "" when absent.
  std::string actor(std::string_view name) const;
  // A CAMEO event code: two digits, then up to two more digits or letters
  // ("04", "043", "0431", "174K"); "" when absent.
  std::string event_code(std::string_view name) const;
  // A CAMEO root "01".."20"; "" when absent.
  std::string root(std::string_view name) const;
  // YYYY-MM-DD (or YYYYMMDD) as YYYYMMDD; 0 when absent.
  int32_t date(std::string_view name) const;
  // A document's date in any form io::parse_record_date() reads (ISO
  // timestamps, "March 3, 2026", ...); 0 when absent.  Filters keep date().
  int32_t record_date(std::string_view name) const;
  // A decimal integer in [min, max]; `fallback` when absent.
  int64_t integer(std::string_view name, int64_t min, int64_t max, int64_t fallback) const;
  // Free text: valid UTF-8, no control characters, at most max_bytes; "" when absent.
  std::string text(std::string_view name, size_t max_bytes) const;
  // One of `choices`; `fallback` when absent.
  std::string choice(std::string_view name, std::initializer_list<std::string_view> choices,
                     std::string_view fallback) const;
  // "true"/"false"/"1"/"0"; `fallback` when absent.
  bool boolean(std::string_view name, bool fallback) const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

// Throws ApiError(400) for a raw query string (the request target after '?')
// with a name=value pair that httplib would drop or misread: a second raw
// '=' in one pair ("limit=abc' OR 1=1"), or an empty name.
void check_query_string(std::string_view target);

// The same checks for values that do not come from the query string (path
// segments, JSON fields); `name` is reported as the parameter.
std::string checked_actor(std::string_view value, std::string_view name);
int32_t checked_date(std::string_view value, std::string_view name);
int32_t checked_record_date(std::string_view value, std::string_view name);

}  // namespace parley::server
