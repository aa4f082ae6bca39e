// Thin RAII layer over the SQLite C API for the store: a connection, prepared
// statements with typed bind/column, and a transaction guard that rolls back
// unless committed.  Every failure throws StoreError naming the database
// file and SQLite's message.  Values reach SQL only through bind().
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/store.h"

namespace parley::store::sql {

class Statement;

class Connection {
 public:
  Connection(const std::string& path, bool read_only);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs SQL with no parameters and no results (schema, pragmas).
  void exec(const char* sql);
  // Throws StoreError("FILE: what: sqlite message") for a non-OK code.
  void check(int rc, std::string_view what) const;
  [[noreturn]] void fail(std::string_view what) const;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  int64_t changes() const { return sqlite3_changes64(db_); }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement(Connection& conn, const char* sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite.  Each returns *this for chaining.
  Statement& bind(int i, int64_t v);
  Statement& bind(int i, double v);
  Statement& bind(int i, std::string_view v);
  Statement& bind_null(int i);
  Statement& bind(int i, const std::optional<double>& v);

  // True while there is a row; false when done.
  bool step();
  // As step(), but an interruption (a WorkBudget running out) ends the rows
  // like SQLITE_DONE instead of throwing; the caller asks the budget.
  bool step_unless_interrupted();
  // Runs a statement that returns no rows.
  void run();
  // Clears bindings and resets, ready for reuse.
  void reset();

  int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string text(int col) const;
  std::optional<double> optional_real(int col) const;

 private:
  Connection& conn_;
  sqlite3_stmt* stmt_ = nullptr;
};

// While it lives, the connection's statements are interrupted after about
// `instructions` SQLite virtual-machine instructions or `time`, whichever
// comes first: the instruction count bounds the work the same way on every
// run, the clock bounds what instructions do not count (a row read from
// disk is one instruction).  One per connection at a time.
class WorkBudget {
 public:
  WorkBudget(Connection& conn, int64_t instructions, std::chrono::milliseconds time);
  ~WorkBudget();
  WorkBudget(const WorkBudget&) = delete;
  WorkBudget& operator=(const WorkBudget&) = delete;
  bool exhausted() const { return exhausted_; }

 private:
  static int tick(void* self);
  Connection& conn_;
  int64_t ticks_left_;
  std::chrono::steady_clock::time_point deadline_;
  bool exhausted_ = false;
};

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless commit()
// ran, so an exception in the middle leaves the database as it was.
class Transaction {
 public:
  explicit Transaction(Connection& conn);
  ~Transaction();
  void commit();

 private:
  Connection& conn_;
  bool done_ = false;
};

}  // namespace parley::store::sql
