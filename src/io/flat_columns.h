// parley/io: the flat, one-event-per-row view of the event records.
//
// `parley code --format csv|tsv` and the Python module's parley.to_frame()
// both read this one table: each column names where its value sits in an
// event's JSON record (write_event_json) and its type.  The CLI fills rows
// from the JSON it renders; Python from the dicts parley.Coder returns; so a
// column added here appears in both, with the same name and meaning.
// Quote and deadline records have no rows (they are not events); members a
// JSON Lines input passed through (InputRecord::extra_json) are not columns.
//
// Values: a missing or null value is an empty field, except flags (type
// "bool"), which are always "true" or "false".  CSV follows RFC 4180 (a field
// with the separator, a quote, CR or LF is quoted, quotes doubled); TSV
// writes a backslash, tab, LF and CR inside a field as \\, \t, \n, \r, so a
// row is always one line.  docs/FLAT_COLUMNS.md documents every column.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace parley {

struct FlatColumn {
  std::string name;
  std::vector<std::string> path;  // member names from the event record down, e.g. {"place", "lat"}
  std::string type;               // "string", "int", "float", "bool" or "date" (YYYY-MM-DD)
};

// The columns, in output order.
const std::vector<FlatColumn>& flat_columns();

enum class FlatFormat { kCsv, kTsv };

// The header line (column names), with its '\n'.
void append_flat_header(std::string& out, FlatFormat format);
// One event record (a JSON object with "type":"event") as one line, with its '\n'.
void append_flat_row(std::string& out, const nlohmann::json& event, FlatFormat format);

}  // namespace parley
