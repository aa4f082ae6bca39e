#include "store/query_builder.h"

namespace parley::store {

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::optional<std::string> prefix_upper_bound(std::string_view prefix) {
  std::string bound(prefix);
  while (!bound.empty() && static_cast<unsigned char>(bound.back()) == 0xFF) bound.pop_back();
  if (bound.empty()) return std::nullopt;
  bound.back() = static_cast<char>(static_cast<unsigned char>(bound.back()) + 1);
  return bound;
}

std::string like_substring(std::string_view s) {
  std::string out = "%";
  for (char c : s) {
    if (c == '\\' || c == '%' || c == '_') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

namespace {

std::string joined(const std::string& a, const char* op, const std::string& b) {
  std::string out;
  out.reserve(a.size() + b.size() + 8);
  out.append("(").append(a).append(op).append(b).append(")");
  return out;
}

}  // namespace

std::string sql_and(const std::string& a, const std::string& b) { return joined(a, " AND ", b); }
std::string sql_or(const std::string& a, const std::string& b) { return joined(a, " OR ", b); }

std::string QueryBuilder::param(Value v) {
  params_.push_back(std::move(v));
  std::string placeholder = "?";
  placeholder += std::to_string(params_.size());
  return placeholder;
}

std::string QueryBuilder::prefix_condition(const char* column, std::string_view prefix) {
  const std::string code = upper_ascii(prefix);
  const std::string col(column);
  std::string lower = col;
  lower.append(" >= ").append(param(code));
  const auto bound = prefix_upper_bound(code);
  if (!bound) return lower;
  std::string upper = col;
  upper.append(" < ").append(param(*bound));
  return sql_and(lower, upper);
}

void QueryBuilder::where_prefix(const char* column, std::string_view prefix) {
  if (!prefix.empty()) where(prefix_condition(column, prefix));
}

void QueryBuilder::where_date_range(const char* column, int32_t from, int32_t to) {
  if (from) where(std::string(column) + " >= " + param(int64_t{from}));
  if (to) where(std::string(column) + " <= " + param(int64_t{to}));
}

std::string QueryBuilder::where_clause() const {
  std::string out;
  for (size_t i = 0; i < conditions_.size(); ++i) out += (i ? " AND " : " WHERE ") + conditions_[i];
  return out;
}

void QueryBuilder::bind_all(sql::Statement& st) const {
  for (size_t i = 0; i < params_.size(); ++i) {
    const int n = static_cast<int>(i + 1);
    if (const auto* v = std::get_if<int64_t>(&params_[i])) {
      st.bind(n, *v);
    } else if (const auto* r = std::get_if<double>(&params_[i])) {
      st.bind(n, *r);
    } else {
      st.bind(n, std::string_view(std::get<std::string>(params_[i])));
    }
  }
}

}  // namespace parley::store
