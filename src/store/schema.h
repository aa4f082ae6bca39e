// The store's schema: creating it in an empty file and checking that an
// existing file is a parley store this build can read (meta.schema_version).
#pragma once

#include "store/sqlite.h"

namespace parley::store {

// Sets the connection pragmas (WAL, foreign keys, busy timeout), then creates
// the schema if the file is empty, or checks its application and version and
// migrates an older file in place (one transaction: all steps or none).
// Throws StoreError for a foreign or newer file, and on a read-only
// connection for an older one (kOldSchema: Store::open migrates it first).
void prepare_schema(sql::Connection& conn, bool read_only);

// True for a parley store whose schema is older than kSchemaVersion (a
// read-only Store::open then migrates it through a read-write connection).
bool needs_migration(sql::Connection& conn);

inline constexpr const char* kOldSchema = "written by an older parley; it must be opened read-write once to migrate";

}  // namespace parley::store
