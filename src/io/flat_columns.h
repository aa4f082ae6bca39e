// parley/io: the flat, one-event-per-row view of the event records.
//
// `parley code --format csv|tsv` and the Python module's DataFrames
// (parley.to_frame(), Coder.code_frame()) all read this one table: each
// column names where its value sits in an event's JSON record
// (write_event_json) and its type.  The CLI and Coder.code_frame() take the
// values from the JSON text they render, with read_flat_values();
// parley.to_frame() from the dicts parley.Coder returns; so a column added
// here appears in all of them, with the same name and meaning.
// Quote and deadline records have no rows (they are not events); members a
// JSON Lines input passed through (InputRecord::extra_json) are not columns.
//
// Values: a missing or null value is an empty field, except flags (type
// "bool"), which are always "true" or "false".  CSV follows RFC 4180 (a field
// with the separator, a quote, CR or LF is quoted, quotes doubled); TSV
// writes a backslash, tab, LF and CR inside a field as \\, \t, \n, \r, so a
// row is always one line.  docs/FLAT_COLUMNS.md documents every column.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
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
// One column's value in one event record.
struct FlatValue {
  enum Kind : uint8_t { kNull, kString, kInteger, kFloat, kBool };
  Kind kind = kNull;      // kNull: missing or null
  std::string text;       // kString
  int64_t integer = 0;    // kInteger
  double number = 0;      // kFloat
  bool flag = false;      // kBool
};

// The values of one event record's columns, in column order (`values` is
// resized to flat_columns().size()), from its JSON text: one SAX pass, no
// DOM, and `values` keeps its strings' capacity from call to call.  Throws
// std::invalid_argument for text that is not a JSON object, or a column
// whose value is an object or an array (write_event_json writes scalars).
void read_flat_values(std::string_view event_json, std::vector<FlatValue>& values);
// The same from a parsed record.
void flat_values(const nlohmann::json& event, std::vector<FlatValue>& values);

// One event's values as one line, with its '\n'.
void append_flat_row(std::string& out, const std::vector<FlatValue>& values, FlatFormat format);
// One event record (a JSON object with "type":"event") as one line, with its '\n'.
void append_flat_row(std::string& out, const nlohmann::json& event, FlatFormat format);

}  // namespace parley
