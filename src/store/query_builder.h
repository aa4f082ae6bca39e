// Assembles a query's WHERE clause from fixed SQL fragments written in this
// folder and numbered parameters: user values only ever travel as bound
// parameters, never as SQL text.  Also the value helpers the filters share:
// code-prefix ranges and LIKE patterns with escaped wildcards.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "store/sqlite.h"

namespace parley::store {

// "rus" -> "RUS": actor codes are stored upper case.
std::string upper_ascii(std::string_view s);

// The smallest string greater than every string starting with `prefix`, for
// an index-friendly range `col >= prefix AND col < bound`; nullopt when no
// such bound exists (prefix of 0xFF bytes).
std::optional<std::string> prefix_upper_bound(std::string_view prefix);

// "%" + s with \ % _ escaped + "%", for `LIKE ?N ESCAPE '\'`.
std::string like_substring(std::string_view s);

// "(a AND b)" / "(a OR b)" of two SQL conditions.
std::string sql_and(const std::string& a, const std::string& b);
std::string sql_or(const std::string& a, const std::string& b);

class QueryBuilder {
 public:
  using Value = std::variant<int64_t, std::string, double>;

  // Adds a parameter and returns its placeholder "?N".
  std::string param(Value v);
  std::string param_real(double v) { return param(Value(v)); }

  // AND-ed conditions.  Column names are fragments from this folder.
  void where(const std::string& condition) { conditions_.push_back(condition); }
  // "col >= ?a AND col < ?b" for an upper-cased code prefix; nothing for "".
  std::string prefix_condition(const char* column, std::string_view prefix);
  void where_prefix(const char* column, std::string_view prefix);
  void where_date_range(const char* column, int32_t from, int32_t to);

  // " WHERE c1 AND c2 ..." or "".
  std::string where_clause() const;
  // Clears the conditions but keeps the parameters (for a second SELECT of a
  // UNION that shares the numbering).
  void clear_conditions() { conditions_.clear(); }

  void bind_all(sql::Statement& st) const;

 private:
  std::vector<std::string> conditions_;
  std::vector<Value> params_;
};

}  // namespace parley::store
