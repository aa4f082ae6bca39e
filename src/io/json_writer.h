// JsonWriter: appends JSON Lines to one reusable std::string.  Commas and
// colons are placed automatically; nothing allocates once the buffer and the
// nesting stack have grown to their working size.
//
//   JsonWriter w;
//   w.begin_object(); w.key("id"); w.string(doc.id); w.key("w"); w.number(-4.4);
//   w.end_object(); w.end_line();
//   fwrite(w.data().data(), 1, w.data().size(), stdout); w.clear();
//
// Strings are escaped per RFC 8259 ('"', '\\', control characters; the short
// forms \b \f \n \r \t, else \u00XX); ill-formed UTF-8 is replaced by U+FFFD,
// one per maximal ill-formed subpart, so the output is always valid UTF-8.
// Doubles use the shortest text that reads back to the same value
// (std::to_chars): -4.4 -> "-4.4", 10.0 -> "10", 1e21 -> "1e+21"; NaN and
// infinities, which JSON cannot express, are written as null.
// Misuse (a value where a key is expected, unbalanced ends) is a programming
// error, checked by assert() only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::io {

class JsonWriter {
 public:
  JsonWriter() = default;

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view name);
  void string(std::string_view value);
  void integer(int64_t value);
  void unsigned_integer(uint64_t value);
  void number(double value);
  void boolean(bool value);
  void null();
  // Pre-serialised JSON value, appended verbatim (the caller vouches for it).
  void raw(std::string_view json);
  // Splices the members of a serialised object ("{...}") into the object
  // being written, e.g. InputRecord::extra_json.  "" and "{}" add nothing.
  void raw_members(std::string_view object_json);
  // Ends the current line; the writer is then ready for the next record.
  void end_line();

  const std::string& data() const { return out_; }
  std::string& buffer() { return out_; }
  void clear();  // empties the buffer, keeps its capacity

  // Appends value, escaped and quoted, to out (for callers building JSON
  // by hand).
  static void append_escaped(std::string& out, std::string_view value);

 private:
  void before_value();

  std::string out_;
  std::vector<uint8_t> stack_;  // 1 = object, 0 = array; capacity is reused
  bool need_comma_ = false;     // a member/element precedes at this level
  bool after_key_ = false;      // the next value belongs to a key just written
};

}  // namespace parley::io
