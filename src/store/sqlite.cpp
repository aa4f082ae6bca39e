#include "store/sqlite.h"

#include <algorithm>

namespace parley::store::sql {

Connection::Connection(const std::string& path, bool read_only) : path_(path) {
  const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;  // Store serialises access with its own mutex
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError(path + ": cannot open the database: " + why);
  }
  sqlite3_extended_result_codes(db_, 1);
}

Connection::~Connection() { sqlite3_close_v2(db_); }

void Connection::exec(const char* sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string why = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw StoreError(path_ + ": " + why);
  }
}

void Connection::check(int rc, std::string_view what) const {
  if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) fail(what);
}

void Connection::fail(std::string_view what) const {
  const int code = sqlite3_errcode(db_);
  std::string msg = path_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_);
  if ((code & 0xff) == SQLITE_NOTADB) msg = path_ + ": not a SQLite database (or encrypted)";
  throw StoreError(msg);
}

Statement::Statement(Connection& conn, const char* sql) : conn_(conn) {
  conn_.check(sqlite3_prepare_v3(conn_.handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr),
              "preparing a statement");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int i, int64_t v) {
  conn_.check(sqlite3_bind_int64(stmt_, i, v), "binding a value");
  return *this;
}

Statement& Statement::bind(int i, double v) {
  conn_.check(sqlite3_bind_double(stmt_, i, v), "binding a value");
  return *this;
}

Statement& Statement::bind(int i, std::string_view v) {
  // SQLITE_TRANSIENT: SQLite copies, so temporaries are safe to pass.
  conn_.check(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8), "binding a value");
  return *this;
}

Statement& Statement::bind_null(int i) {
  conn_.check(sqlite3_bind_null(stmt_, i), "binding a value");
  return *this;
}

Statement& Statement::bind(int i, const std::optional<double>& v) {
  return v ? bind(i, *v) : bind_null(i);
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  // Reset at once: a finished read must not hold its WAL snapshot open.
  sqlite3_reset(stmt_);
  if (rc == SQLITE_DONE) return false;
  conn_.fail("running a statement");
}

bool Statement::step_unless_interrupted() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  sqlite3_reset(stmt_);
  if (rc == SQLITE_DONE || rc == SQLITE_INTERRUPT) return false;
  conn_.fail("running a statement");
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (!p) return {};
  return std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::optional<double> Statement::optional_real(int col) const {
  if (is_null(col)) return std::nullopt;
  return real(col);
}

namespace {
constexpr int kInstructionsPerTick = 100;
}

WorkBudget::WorkBudget(Connection& conn, int64_t instructions, std::chrono::milliseconds time)
    : conn_(conn),
      ticks_left_(std::max<int64_t>(1, instructions / kInstructionsPerTick)),
      deadline_(std::chrono::steady_clock::now() + time) {
  sqlite3_progress_handler(conn_.handle(), kInstructionsPerTick, &WorkBudget::tick, this);
}

WorkBudget::~WorkBudget() { sqlite3_progress_handler(conn_.handle(), 0, nullptr, nullptr); }

int WorkBudget::tick(void* self) {
  auto* budget = static_cast<WorkBudget*>(self);
  if (--budget->ticks_left_ > 0 && std::chrono::steady_clock::now() < budget->deadline_) return 0;
  budget->exhausted_ = true;
  return 1;  // SQLite stops the statement with SQLITE_INTERRUPT
}

Transaction::Transaction(Connection& conn) : conn_(conn) { conn_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) sqlite3_exec(conn_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  conn_.exec("COMMIT");
  done_ = true;
}

}  // namespace parley::store::sql
