// parley/io: everything that crosses the process boundary as bytes.
//
// Owns: reading input records (plain text, JSON Lines, PETRARCH XML and its
// validation variant; input.h), writing JSON Lines (json_writer.h), and
// calendar dates as int YYYYMMDD (dates.h).
// Contract: readers stream one record at a time and turn every bad record
// (broken XML/JSON, invalid UTF-8, NUL bytes, oversize, bad dates) into an
// error message naming file, line and record, then carry on; they never
// crash or return silently altered text.  The writer always emits valid
// UTF-8 JSON.  Nothing here knows about events or dictionaries.
#pragma once

#include "io/dates.h"
#include "io/input.h"
#include "io/json_writer.h"
