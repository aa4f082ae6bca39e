#include "io/json_writer.h"

#include <cassert>
#include <charconv>
#include <cmath>

#include "io/utf8.h"

namespace parley::io {
namespace {

// 1 for bytes that end a run of bytes copyable as they are.
struct EscapeTable {
  bool special[256] = {};
  constexpr EscapeTable() {
    for (int c = 0; c < 0x20; ++c) special[c] = true;
    for (int c = 0x80; c < 0x100; ++c) special[c] = true;
    special[static_cast<unsigned char>('"')] = true;
    special[static_cast<unsigned char>('\\')] = true;
  }
};
constexpr EscapeTable kEscape;

constexpr char kHex[] = "0123456789abcdef";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

void JsonWriter::append_escaped(std::string& out, std::string_view s) {
  out.push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    size_t run = i;
    while (run < s.size() && !kEscape.special[static_cast<unsigned char>(s[run])]) ++run;
    out.append(s.data() + i, run - i);
    i = run;
    if (i >= s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t bad = 1;
      const size_t n = utf8_sequence_length(s.substr(i), &bad);
      if (n) {
        out.append(s.data() + i, n);
        i += n;
      } else {
        out.append(kReplacement);
        i += bad;
      }
      continue;
    }
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default: {
        const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(esc, sizeof esc);
      }
    }
    ++i;
  }
  out.push_back('"');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
  } else {
    assert(stack_.empty() || stack_.back() == 0);  // objects need a key first
    if (need_comma_) out_.push_back(',');
  }
  need_comma_ = true;
}

void JsonWriter::begin_object() {
  before_value();
  out_.push_back('{');
  stack_.push_back(1);
  need_comma_ = false;
}

void JsonWriter::end_object() {
  assert(!stack_.empty() && stack_.back() == 1 && !after_key_);
  out_.push_back('}');
  stack_.pop_back();
  need_comma_ = true;
}

void JsonWriter::begin_array() {
  before_value();
  out_.push_back('[');
  stack_.push_back(0);
  need_comma_ = false;
}

void JsonWriter::end_array() {
  assert(!stack_.empty() && stack_.back() == 0);
  out_.push_back(']');
  stack_.pop_back();
  need_comma_ = true;
}

void JsonWriter::key(std::string_view name) {
  assert(!stack_.empty() && stack_.back() == 1 && !after_key_);
  if (need_comma_) out_.push_back(',');
  append_escaped(out_, name);
  out_.push_back(':');
  after_key_ = true;
}

void JsonWriter::string(std::string_view value) {
  before_value();
  append_escaped(out_, value);
}

void JsonWriter::integer(int64_t value) {
  before_value();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, r.ptr);
}

void JsonWriter::unsigned_integer(uint64_t value) {
  before_value();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, r.ptr);
}

void JsonWriter::number(double value) {
  before_value();
  if (!std::isfinite(value)) {
    out_.append("null");
    return;
  }
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, r.ptr);
}

void JsonWriter::boolean(bool value) {
  before_value();
  out_.append(value ? "true" : "false");
}

void JsonWriter::null() {
  before_value();
  out_.append("null");
}

void JsonWriter::raw(std::string_view json) {
  before_value();
  out_.append(json);
}

void JsonWriter::raw_members(std::string_view object_json) {
  assert(!stack_.empty() && stack_.back() == 1 && !after_key_);
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  size_t b = 0, e = object_json.size();
  while (b < e && is_space(object_json[b])) ++b;
  while (e > b && is_space(object_json[e - 1])) --e;
  if (e - b < 2) return;
  assert(object_json[b] == '{' && object_json[e - 1] == '}');
  ++b;
  --e;
  while (b < e && is_space(object_json[b])) ++b;
  if (b == e) return;  // "{}"
  if (need_comma_) out_.push_back(',');
  out_.append(object_json.data() + b, e - b);
  need_comma_ = true;
}

void JsonWriter::end_line() {
  assert(stack_.empty() && !after_key_);
  out_.push_back('\n');
  need_comma_ = false;
  after_key_ = false;
  stack_.clear();
}

void JsonWriter::clear() {
  out_.clear();
  stack_.clear();
  need_comma_ = false;
  after_key_ = false;
}

}  // namespace parley::io
