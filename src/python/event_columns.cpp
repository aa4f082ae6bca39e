#include "python/event_columns.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace parley::python {
namespace {

EventColumns::Kind kind_of(const std::string& type) {
  if (type == "string") return EventColumns::Kind::kString;
  if (type == "int") return EventColumns::Kind::kInt;
  if (type == "float") return EventColumns::Kind::kFloat;
  if (type == "bool") return EventColumns::Kind::kBool;
  if (type == "date") return EventColumns::Kind::kDate;
  throw std::logic_error("flat column type \"" + type + "\" has no column kind");
}

int digits(std::string_view s, size_t at, size_t n) {
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// "YYYY-MM-DD" -> days since 1970-01-01 (proleptic Gregorian); false if it
// is not such a date.
bool days_since_epoch(std::string_view s, int64_t& days) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  const int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kDays[m - 1] + (m == 2 && leap)) return false;
  // H. Hinnant's days_from_civil.
  const int yy = y - (m <= 2);
  const int era = yy / 400;
  const int yoe = yy - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  days = static_cast<int64_t>(era) * 146097 + doe - 719468;
  return true;
}

[[noreturn]] void wrong(const FlatColumn& c, const char* what) {
  throw std::invalid_argument("column " + c.name + ": " + what);
}

}  // namespace

EventColumns::EventColumns() {
  for (const FlatColumn& c : flat_columns()) columns_.push_back(Column{kind_of(c.type), {}, {}, {}, {}, {}});
}

std::vector<EventColumns::Column> EventColumns::release() {
  std::vector<Column> out = std::move(columns_);
  *this = EventColumns();
  return out;
}

size_t EventColumns::read_events(std::string_view jsonl, std::vector<std::vector<FlatValue>>& events) {
  size_t n = 0;
  for (size_t at = 0; at < jsonl.size();) {
    size_t end = jsonl.find('\n', at);
    if (end == std::string_view::npos) end = jsonl.size();
    const std::string_view line = jsonl.substr(at, end - at);
    at = end + 1;
    if (line.rfind("{\"type\":\"event\"", 0) != 0) continue;  // as OutputSink::flatten()
    if (n == events.size()) events.emplace_back();
    read_flat_values(line, events[n++]);
  }
  return n;
}

void EventColumns::add_events(std::string_view jsonl) {
  const size_t n = read_events(jsonl, scratch_);
  for (size_t i = 0; i < n; ++i) add_row(scratch_[i]);
}

void EventColumns::add_row(const std::vector<FlatValue>& values) {
  const auto& specs = flat_columns();
  for (size_t i = 0; i < columns_.size(); ++i) {
    Column& c = columns_[i];
    const FlatValue& v = values[i];
    const bool null = v.kind == FlatValue::kNull;
    switch (c.kind) {
      case Kind::kString:
        if (!null && v.kind != FlatValue::kString) wrong(specs[i], "expected a string");
        if (!null) c.chars += v.text;
        c.ends.push_back(c.chars.size());
        c.valid.push_back(!null);
        break;
      case Kind::kInt: {
        int64_t n = 0;
        if (v.kind == FlatValue::kInteger) {
          n = v.integer;
        } else if (v.kind == FlatValue::kFloat && std::trunc(v.number) == v.number && std::abs(v.number) < 9e15) {
          n = static_cast<int64_t>(v.number);
        } else if (!null) {
          wrong(specs[i], "expected an integer");
        }
        c.ints.push_back(n);
        c.valid.push_back(!null);
        break;
      }
      case Kind::kFloat:
        if (v.kind == FlatValue::kFloat) c.floats.push_back(v.number);
        else if (v.kind == FlatValue::kInteger) c.floats.push_back(static_cast<double>(v.integer));
        else if (null) c.floats.push_back(std::numeric_limits<double>::quiet_NaN());
        else wrong(specs[i], "expected a number");
        break;
      case Kind::kBool:  // as in the CSV: anything but true is false
        c.valid.push_back(v.kind == FlatValue::kBool && v.flag);
        break;
      case Kind::kDate: {
        int64_t days = 0;
        if (!null && (v.kind != FlatValue::kString || !days_since_epoch(v.text, days)))
          wrong(specs[i], "expected a date YYYY-MM-DD");
        c.ints.push_back(days);
        c.valid.push_back(!null);
        break;
      }
    }
  }
  ++rows_;
}

}  // namespace parley::python
