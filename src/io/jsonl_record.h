// One JSON Lines record, read as `parley code` reads a line of a .jsonl
// file: the JSON Lines reader uses it for each line of a file, and the
// Python module (Coder.code_many(..., jsonl=True)) for lines Python hands it,
// so both accept the same records and give the same messages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "io/input.h"
#include "io/json_writer.h"

namespace parley::io {

// A line of spaces, tabs, CR, FF, VT (or nothing): skipped, not a record.
bool is_blank_line(std::string_view line);

// Fills `rec` from `line` (without its '\n'; not blank), line `line_no` of
// `file`, with `default_date` (YYYYMMDD or 0) for a record without a
// readable date.  On a bad record sets `error` to "FILE:LINE: record ID:
// what" (rec.id, source_file and source_line still say which record).
// `had_newline`: false for a final line without '\n' (a syntax error at its
// end is reported as a truncated line).  `extra`: scratch, reused.
void parse_jsonl_record(std::string_view line, const std::string& file, uint32_t line_no, bool had_newline,
                        int32_t default_date, InputRecord& rec, std::string& error, JsonWriter& extra);

}  // namespace parley::io
