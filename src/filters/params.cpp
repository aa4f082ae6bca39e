#include "filters/params.h"

#include <charconv>

#include "io/dates.h"
#include "io/utf8.h"

namespace parley::filters {
namespace {

bool is_alnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

[[noreturn]] void bad(std::string_view name, const std::string& why) {
  throw ParamError(std::string(name) + ": " + why, std::string(name));
}

// Valid UTF-8 without control characters.
void check_plain_text(std::string_view value, std::string_view name) {
  if (io::find_invalid_utf8(value) != std::string_view::npos) bad(name, "not valid UTF-8");
  for (unsigned char c : value) {
    if (c < 0x20 || c == 0x7f) bad(name, "control characters are not allowed");
  }
}

}  // namespace

std::string checked_actor(std::string_view value, std::string_view name) {
  if (value.empty() || value.size() > 24) bad(name, "expected an actor code of 1 to 24 letters or digits");
  std::string out;
  for (char c : value) {
    if (!is_alnum(c)) bad(name, "expected an actor code (letters and digits only, e.g. RUSGOV)");
    out += upper(c);
  }
  return out;
}

int32_t checked_date(std::string_view value, std::string_view name) {
  int32_t date = 0;
  if (!io::parse_date(value, &date)) bad(name, "expected a real date YYYY-MM-DD");
  return date;
}

int32_t checked_record_date(std::string_view value, std::string_view name) {
  int32_t date = 0;
  std::string why;
  if (!io::parse_record_date(value, &date, &why)) bad(name, "unreadable date: " + why);
  return date;
}

QueryParams::QueryParams(const Multimap& params, std::initializer_list<std::string_view> allowed) {
  for (const auto& [name, value] : params) {
    bool known = false;
    for (std::string_view a : allowed) known = known || a == name;
    if (!known) {
      std::string names;
      for (std::string_view a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
      throw ParamError("unknown parameter '" + name + "'" + (names.empty() ? "; this route takes none" : "; expected one of: " + names),
                       name);
    }
    if (!values_.emplace(name, value).second) bad(name, "given more than once");
  }
}

std::optional<std::string_view> QueryParams::raw(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return std::string_view(it->second);
}

std::string_view QueryParams::either(std::string_view name, std::string_view alias) const {
  const bool has_name = values_.count(name) > 0, has_alias = values_.count(alias) > 0;
  if (has_name && has_alias) {
    bad(alias, "give " + std::string(name) + " or its older name " + std::string(alias) + ", not both");
  }
  return has_alias ? alias : name;
}

std::string QueryParams::actor(std::string_view name) const {
  auto v = raw(name);
  return v ? checked_actor(*v, name) : "";
}

std::string QueryParams::event_code(std::string_view name) const {
  auto v = raw(name);
  if (!v) return "";
  bool ok = v->size() >= 2 && v->size() <= 4 && is_digit((*v)[0]) && is_digit((*v)[1]);
  for (size_t i = 2; ok && i < v->size(); ++i) ok = is_alnum((*v)[i]);
  if (!ok) bad(name, "expected a CAMEO code: two digits, then up to two digits or letters (e.g. 043)");
  std::string out;
  for (char c : *v) out += upper(c);
  return out;
}

std::string QueryParams::root(std::string_view name) const {
  auto v = raw(name);
  if (!v) return "";
  if (v->size() != 2 || !is_digit((*v)[0]) || !is_digit((*v)[1]) || *v < "01" || *v > "20") {
    bad(name, "expected a CAMEO root 01 to 20");
  }
  return std::string(*v);
}

int32_t QueryParams::date(std::string_view name) const {
  auto v = raw(name);
  return v ? checked_date(*v, name) : 0;
}

int32_t QueryParams::record_date(std::string_view name) const {
  auto v = raw(name);
  return v ? checked_record_date(*v, name) : 0;
}

int64_t QueryParams::integer(std::string_view name, int64_t min, int64_t max, int64_t fallback) const {
  auto v = raw(name);
  if (!v) return fallback;
  int64_t n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (v->empty() || ec != std::errc() || end != v->data() + v->size() || n < min || n > max) {
    bad(name, "expected an integer from " + std::to_string(min) + " to " + std::to_string(max));
  }
  return n;
}

std::string QueryParams::text(std::string_view name, size_t max_bytes) const {
  auto v = raw(name);
  if (!v) return "";
  if (v->size() > max_bytes) bad(name, "longer than " + std::to_string(max_bytes) + " bytes");
  check_plain_text(*v, name);
  return std::string(*v);
}

std::string QueryParams::choice(std::string_view name, std::initializer_list<std::string_view> choices,
                                std::string_view fallback) const {
  auto v = raw(name);
  if (!v) return std::string(fallback);
  std::string names;
  for (std::string_view c : choices) {
    if (c == *v) return std::string(c);
    names += (names.empty() ? "" : " or ") + std::string(c);
  }
  bad(name, "expected " + names);
}

bool QueryParams::boolean(std::string_view name, bool fallback) const {
  auto v = raw(name);
  if (!v) return fallback;
  if (*v == "true" || *v == "1") return true;
  if (*v == "false" || *v == "0") return false;
  bad(name, "expected true or false");
}

void check_document_id(std::string_view id, std::string_view name) {
  if (id.empty() || id.size() > kMaxIdBytes) bad(name, "expected 1 to " + std::to_string(kMaxIdBytes) + " bytes");
  check_plain_text(id, name);
}

}  // namespace parley::filters
