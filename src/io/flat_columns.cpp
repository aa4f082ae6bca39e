#include "io/flat_columns.h"

#include <limits>
#include <stdexcept>
#include <unordered_map>

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

// Column index by path, the members joined with '\x1f' (not in our names).
const std::unordered_map<std::string, size_t>& column_index() {
  static const std::unordered_map<std::string, size_t> index = [] {
    std::unordered_map<std::string, size_t> m;
    const auto& cols = flat_columns();
    for (size_t i = 0; i < cols.size(); ++i) {
      std::string key;
      for (const std::string& part : cols[i].path) {
        if (!key.empty()) key += '\x1f';
        key += part;
      }
      m.emplace(std::move(key), i);
    }
    return m;
  }();
  return index;
}

// Fills FlatValues from SAX events.  Only members of the record object
// (depth 1) and of objects inside it (depth 2) can be columns; anything
// inside an array is not.
class FlatSax {
 public:
  explicit FlatSax(std::vector<FlatValue>& values) : values_(values) {}

  bool null() {
    target();  // a bare null is not a record; a member's stays kNull
    return true;
  }
  bool boolean(bool b) {
    if (FlatValue* v = target()) {
      v->kind = FlatValue::kBool;
      v->flag = b;
    }
    return true;
  }
  bool number_integer(int64_t n) {
    if (FlatValue* v = target()) {
      v->kind = FlatValue::kInteger;
      v->integer = n;
    }
    return true;
  }
  bool number_unsigned(uint64_t n) {
    if (n > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      if (target()) throw std::invalid_argument("integer out of range in a flat column");
      return true;
    }
    return number_integer(static_cast<int64_t>(n));
  }
  bool number_float(double d, const std::string&) {
    if (FlatValue* v = target()) {
      v->kind = FlatValue::kFloat;
      v->number = d;
    }
    return true;
  }
  bool string(std::string& s) {
    if (FlatValue* v = target()) {
      v->kind = FlatValue::kString;
      v->text.assign(s);
    }
    return true;
  }
  bool binary(nlohmann::json::binary_t&) { return true; }
  bool start_object(size_t) {
    if (depth_ == 0 && !seen_) {
      seen_ = true;
    } else {
      container_at_column();
      if (arrays_ == 0 && depth_ == 1) parent_ = key_;
    }
    ++depth_;
    key_.clear();
    return true;
  }
  bool end_object() {
    --depth_;
    if (depth_ == 1) key_ = parent_;
    return true;
  }
  bool start_array(size_t) {
    if (depth_ == 0) throw std::invalid_argument("not a JSON object");
    container_at_column();
    ++arrays_;
    ++depth_;
    return true;
  }
  bool end_array() {
    --arrays_;
    --depth_;
    return true;
  }
  bool key(std::string& k) {
    key_.assign(k);
    return true;
  }
  bool parse_error(size_t position, const std::string&, const nlohmann::json::exception&) {
    error_position_ = position;
    return false;
  }

  size_t error_position() const { return error_position_; }

 private:
  // The value now being read, if it is a column's.
  FlatValue* target() {
    if (depth_ == 0) throw std::invalid_argument("not a JSON object");
    if (arrays_ > 0 || depth_ > 2) return nullptr;
    const std::string* path = &key_;
    if (depth_ == 2) {
      path_.assign(parent_);
      path_ += '\x1f';
      path_ += key_;
      path = &path_;
    }
    const auto& index = column_index();
    const auto it = index.find(*path);
    return it == index.end() ? nullptr : &values_[it->second];
  }
  void container_at_column() {
    if (const FlatValue* v = target())
      throw std::invalid_argument("flat column " + flat_columns()[v - values_.data()].name +
                                  " holds an object or an array");
  }

  std::vector<FlatValue>& values_;
  int depth_ = 0, arrays_ = 0;
  bool seen_ = false;
  std::string key_, parent_, path_;
  size_t error_position_ = 0;
};

std::string number_text(double d) { return nlohmann::json(d).dump(); }

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

void read_flat_values(std::string_view event_json, std::vector<FlatValue>& values) {
  values.resize(flat_columns().size());
  for (FlatValue& v : values) v.kind = FlatValue::kNull;
  FlatSax sax(values);
  if (!nlohmann::json::sax_parse(event_json.begin(), event_json.end(), &sax, nlohmann::json::input_format_t::json,
                                 /*strict=*/true))
    throw std::invalid_argument("malformed JSON at byte " + std::to_string(sax.error_position()));
}

void flat_values(const nlohmann::json& event, std::vector<FlatValue>& values) {
  const auto& cols = flat_columns();
  values.resize(cols.size());
  for (size_t i = 0; i < cols.size(); ++i) {
    FlatValue& out = values[i];
    out.kind = FlatValue::kNull;
    const nlohmann::json* v = find(event, cols[i].path);
    if (!v) continue;
    if (v->is_string()) {
      out.kind = FlatValue::kString;
      out.text = v->get_ref<const std::string&>();
    } else if (v->is_boolean()) {
      out.kind = FlatValue::kBool;
      out.flag = v->get<bool>();
    } else if (v->is_number_integer()) {
      if (v->is_number_unsigned() && v->get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
        throw std::invalid_argument("integer out of range in a flat column");
      out.kind = FlatValue::kInteger;
      out.integer = v->get<int64_t>();
    } else if (v->is_number_float()) {
      out.kind = FlatValue::kFloat;
      out.number = v->get<double>();
    } else {
      throw std::invalid_argument("flat column " + cols[i].name + " holds an object or an array");
    }
  }
}

void append_flat_row(std::string& out, const std::vector<FlatValue>& values, FlatFormat format) {
  const char sep = format == FlatFormat::kCsv ? ',' : '\t';
  const auto& cols = flat_columns();
  for (size_t i = 0; i < cols.size(); ++i) {
    if (i) out += sep;
    const FlatValue& v = values[i];
    if (cols[i].type == "bool") {
      out += v.kind == FlatValue::kBool && v.flag ? "true" : "false";
      continue;
    }
    switch (v.kind) {
      case FlatValue::kNull: break;
      case FlatValue::kString: append_field(out, v.text, format); break;
      case FlatValue::kInteger: out += std::to_string(v.integer); break;
      case FlatValue::kFloat: append_field(out, number_text(v.number), format); break;
      case FlatValue::kBool: out += v.flag ? "true" : "false"; break;
    }
  }
  out += '\n';
}

void append_flat_row(std::string& out, const nlohmann::json& event, FlatFormat format) {
  std::vector<FlatValue> values;
  flat_values(event, values);
  append_flat_row(out, values, format);
}

}  // namespace parley
