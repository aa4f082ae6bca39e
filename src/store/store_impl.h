// Store::Impl: the connection and the mutex every Store method holds; shared
// by the store's .cpp files (writes, the document view, queries, record columns).
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

// The columns of a stored record, in order, and their reader
// (record_columns.cpp), for the tables aliased events `e`, quotes `q` and
// deadlines `l`; `first` is the index of the list's first column in the
// result.  The events list starts at e.sentence (an EventRecord has no
// document id), the quotes and deadlines lists at their doc_id.
extern const char* const kEventColumns;
EventRecord read_event_columns(const sql::Statement& st, int first);
extern const char* const kQuoteColumns;
QuoteRecord read_quote_columns(const sql::Statement& st, int first);
extern const char* const kDeadlineColumns;
DeadlineRecord read_deadline_columns(const sql::Statement& st, int first);

}  // namespace parley::store
