// A query's parameters by name, each value checked by a typed getter.  The
// HTTP API builds a QueryParams from the query string (values URL-decoded by
// httplib), `parley query` from its options, which have the parameters'
// names: a value means the same and is refused with the same message from
// either.  A QueryParams is built with the names its caller accepts; an
// unknown or repeated name is refused at once.  Each typed getter checks one
// value and throws ParamError(why, name) when it is ill-formed, so the caller
// never sees a value it did not ask for in a shape it expects.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace parley::filters {

// An ill-formed parameter: what() is "name: why", parameter() the name.  The
// API answers it with a 400, `parley query` with exit status 2.
class ParamError : public std::invalid_argument {
 public:
  ParamError(const std::string& message, std::string parameter)
      : std::invalid_argument(message), parameter_(std::move(parameter)) {}
  const std::string& parameter() const { return parameter_; }

 private:
  std::string parameter_;
};

class QueryParams {
 public:
  using Multimap = std::multimap<std::string, std::string>;
  QueryParams(const Multimap& params, std::initializer_list<std::string_view> allowed);

  std::optional<std::string_view> raw(std::string_view name) const;
  // Of a parameter `name` and its older alias `alias` (both accepted, one
  // meaning), the one given: `alias` when only it is, else `name`.  Both
  // given is an error naming them.
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

// The same checks for values that do not come as a named parameter (path
// segments, JSON fields, one half of a dyad); `name` is reported as the
// parameter.
std::string checked_actor(std::string_view value, std::string_view name);
int32_t checked_date(std::string_view value, std::string_view name);
int32_t checked_record_date(std::string_view value, std::string_view name);

// A document id: 1..kMaxIdBytes bytes of UTF-8 without control characters.
inline constexpr size_t kMaxIdBytes = 256;
void check_document_id(std::string_view id, std::string_view name);

}  // namespace parley::filters
