// Store::Impl: the connection and the mutex every Store method holds.  Shared
// by store.cpp (writes, documents) and queries.cpp (reads).
#pragma once

#include <memory>
#include <mutex>
#include <unordered_map>
#include <string>

#include "store/sqlite.h"
#include "store/store.h"

namespace parley::store {

struct Store::Impl {
  Impl(const std::string& path, bool read_only_connection)
      : conn(path, read_only_connection), read_only(read_only_connection) {}

  // A prepared statement for fixed SQL (a string literal: its address is the
  // key), reset and unbound, prepared once per connection.
  sql::Statement& cached(const char* sql) {
    auto& slot = statements[sql];
    if (!slot) slot = std::make_unique<sql::Statement>(conn, sql);
    slot->reset();
    return *slot;
  }

  sql::Connection conn;
  bool read_only;
  std::mutex mutex;
  // Declared after conn: statements are finalised before the connection closes.
  std::unordered_map<const char*, std::unique_ptr<sql::Statement>> statements;
};

// A span is two nullable columns: NULL when absent.
inline void bind_span(sql::Statement& st, int first, const ByteSpan& s) {
  if (s.present()) {
    st.bind(first, s.begin).bind(first + 1, s.end);
  } else {
    st.bind_null(first).bind_null(first + 1);
  }
}

inline ByteSpan span_at(const sql::Statement& st, int first) {
  if (st.is_null(first)) return {};
  return ByteSpan{st.int64(first), st.int64(first + 1)};
}

// The event columns, in order, for events aliased `e`, and their reader
// (queries.cpp); `first` is the index of e.sentence in the result.
extern const char* const kEventColumns;
EventRecord read_event_columns(const sql::Statement& st, int first);

}  // namespace parley::store
