// The store's schema: creating it in an empty file and checking that an
// existing file is a parley store this build can read (meta.schema_version).
#pragma once

#include "store/sqlite.h"

namespace parley::store {

// Sets the connection pragmas (WAL, foreign keys, busy timeout), then creates
// the schema if the file is empty, or checks its application and version.
// Throws StoreError for a foreign or newer file.
void prepare_schema(sql::Connection& conn, bool read_only);

}  // namespace parley::store
