#include "io/flat_columns.h"

#include "io/csv.h"

namespace parley {
namespace {

FlatColumn column(std::string name, std::vector<std::string> path, std::string type) {
  return FlatColumn{std::move(name), std::move(path), std::move(type)};
}

const nlohmann::json* find(const nlohmann::json& record, const std::vector<std::string>& path) {
  const nlohmann::json* at = &record;
  for (const std::string& key : path) {
    if (!at->is_object()) return nullptr;
    const auto it = at->find(key);
    if (it == at->end()) return nullptr;
    at = &*it;
  }
  return at->is_null() ? nullptr : at;
}

void append_field(std::string& out, const std::string& value, FlatFormat format) {
  if (format == FlatFormat::kTsv) {
    for (char c : value) {
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
      }
    }
    return;
  }
  io::append_csv_field(out, value);
}

}  // namespace

const std::vector<FlatColumn>& flat_columns() {
  static const std::vector<FlatColumn> columns = {
      column("id", {"id"}, "string"),
      column("sentence", {"sentence"}, "int"),
      column("date", {"date"}, "date"),
      column("date_text", {"date_text"}, "string"),
      column("source", {"source"}, "string"),
      column("target", {"target"}, "string"),
      column("code", {"code"}, "string"),
      column("root", {"root"}, "string"),
      column("quad_class", {"quad_class"}, "int"),
      column("goldstein", {"goldstein"}, "float"),
      column("plover_type", {"plover", "type"}, "string"),
      column("plover_mode", {"plover", "mode"}, "string"),
      column("place_name", {"place", "name"}, "string"),
      column("place_region", {"place", "region"}, "string"),
      column("place_country", {"place", "country"}, "string"),
      column("place_country_iso3", {"place", "country_iso3"}, "string"),
      column("place_kind", {"place", "kind"}, "string"),
      column("place_lat", {"place", "lat"}, "float"),
      column("place_lon", {"place", "lon"}, "float"),
      column("negated", {"negated"}, "bool"),
      column("conditional", {"conditional"}, "bool"),
      column("condition", {"condition"}, "string"),
      column("in_condition", {"in_condition"}, "bool"),
      column("hypothetical", {"hypothetical"}, "bool"),
      column("future", {"future"}, "bool"),
      column("reported", {"reported"}, "bool"),
      column("passive", {"passive"}, "bool"),
      column("nominal", {"nominal"}, "bool"),
      column("one_sided", {"one_sided"}, "bool"),
      column("verb", {"evidence", "verb"}, "string"),
      column("source_text", {"evidence", "source_text"}, "string"),
      column("target_text", {"evidence", "target_text"}, "string"),
      column("verb_entry", {"evidence", "verb_entry"}, "string"),
      column("pattern", {"evidence", "pattern"}, "string"),
  };
  return columns;
}

void append_flat_header(std::string& out, FlatFormat format) {
  const char sep = format == FlatFormat::kCsv ? ',' : '\t';
  bool first = true;
  for (const FlatColumn& c : flat_columns()) {
    if (!first) out += sep;
    first = false;
    out += c.name;
  }
  out += '\n';
}

void append_flat_row(std::string& out, const nlohmann::json& event, FlatFormat format) {
  const char sep = format == FlatFormat::kCsv ? ',' : '\t';
  bool first = true;
  for (const FlatColumn& c : flat_columns()) {
    if (!first) out += sep;
    first = false;
    const nlohmann::json* v = find(event, c.path);
    if (c.type == "bool") {
      out += v && v->is_boolean() && v->get<bool>() ? "true" : "false";
    } else if (v) {
      append_field(out, v->is_string() ? v->get_ref<const std::string&>() : v->dump(), format);
    }
  }
  out += '\n';
}

}  // namespace parley
