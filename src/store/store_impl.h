// Store::Impl: the write connection with its mutex, and the pool of read
// connections; shared by the store's .cpp files (writes, the document view,
// queries, record columns).
#pragma once

#include <memory>
#include <mutex>
#include <unordered_map>
#include <string>
#include <vector>

#include "store/sqlite.h"
#include "store/store.h"

namespace parley::store {

// A connection and its prepared statements for fixed SQL (a string literal:
// its address is the key), each prepared once per connection.
struct PreparedConnection {
  PreparedConnection(const std::string& path, bool read_only) : conn(path, read_only) {}

  // The statement for `sql`, reset and unbound.
  sql::Statement& cached(const char* sql) {
    auto& slot = statements[sql];
    if (!slot) slot = std::make_unique<sql::Statement>(conn, sql);
    slot->reset();
    return *slot;
  }

  sql::Connection conn;
  // Declared after conn: statements are finalised before the connection closes.
  std::unordered_map<const char*, std::unique_ptr<sql::Statement>> statements;
};

// One writer, many readers: writes go through `writer` under `mutex` (SQLite
// takes one writer at a time anyway); every read borrows a read-only
// connection from the pool (ReadLease), so reads run in parallel with each
// other and with a write (WAL: a reader sees the last commit before its
// statement began).  The pool grows to the number of concurrent readers.
struct Store::Impl {
  Impl(const std::string& path, bool read_only_connection)
      : writer(path, read_only_connection), read_only(read_only_connection) {}

  sql::Statement& cached(const char* sql) { return writer.cached(sql); }

  PreparedConnection writer;    // read-only in Mode::kReadOnly (it then only checks the schema)
  bool read_only;
  std::mutex mutex;             // held by every write
  std::mutex pool_mutex;        // guards idle_readers
  std::vector<std::unique_ptr<PreparedConnection>> idle_readers;
};

// A read connection lent from the pool for one Store method; returned on
// destruction.  Opens a new one when none is idle.
class ReadLease {
 public:
  explicit ReadLease(Store::Impl& db);
  ~ReadLease();
  ReadLease(const ReadLease&) = delete;
  ReadLease& operator=(const ReadLease&) = delete;

  sql::Connection& conn() { return reader_->conn; }
  sql::Statement& cached(const char* sql) { return reader_->cached(sql); }

 private:
  Store::Impl& db_;
  std::unique_ptr<PreparedConnection> reader_;
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
