// JSON Lines: one record per line, streamed.
//
// Parsed with nlohmann::json's SAX interface rather than simdjson: it is
// already on this stage's link line, it validates UTF-8 and control
// characters in strings strictly, reports the column of a syntax error, and
// SAX builds no DOM, so a record costs a few allocations for the lexer's
// token buffer instead of one per field.  Measured ~60 MB/s (~39k records
// of 1.6 KB per second on one core), far above what coding a record costs;
// simdjson would be the upgrade if input ever showed up in a profile.
#include <charconv>
#include <cstring>
#include <nlohmann/json.hpp>

#include "io/json_writer.h"
#include "io/jsonl_record.h"
#include "io/readers.h"

namespace parley::io {
namespace {

using json = nlohmann::json;

// Fills an InputRecord from the events of one line.  Problems with a field
// (wrong type) are noted in `problem` and parsing goes on, so the record's id
// is known for the message even when it comes after the field.  The date is
// only collected here (date_text, date_problem): a record whose date cannot
// be read is still coded, with a warning (set_record_date()).
class RecordSax {
 public:
  RecordSax(InputRecord* rec, JsonWriter* extra) : rec_(rec), extra_(extra) {}

  std::string problem;          // first field-level problem
  std::string syntax_error;     // set by parse_error()
  size_t error_position = 0;    // byte where the parser gave up
  bool has_id = false, has_text = false, has_date = false;
  bool date_given = false;      // a string or integer date (null counts as none)
  std::string date_text;        // as written; an integer in decimal
  std::string date_problem;     // the date field had a type no date has
  bool not_object = false;

  bool null() { return scalar_value("null", [&] { extra_->null(); }); }
  bool boolean(bool v) { return scalar_value("a boolean", [&] { extra_->boolean(v); }); }
  bool number_integer(json::number_integer_t v) {
    if (depth_ == 1 && field_ == Field::kId) return set_id_number(v);
    if (depth_ == 1 && field_ == Field::kDate) return set_date_number(v);
    return scalar_value("a number", [&] { extra_->integer(v); });
  }
  bool number_unsigned(json::number_unsigned_t v) {
    if (depth_ == 1 && field_ == Field::kId) return set_id_number(static_cast<int64_t>(v));
    if (depth_ == 1 && field_ == Field::kDate) return set_date_number(static_cast<int64_t>(v));
    return scalar_value("a number", [&] { extra_->unsigned_integer(v); });
  }
  bool number_float(json::number_float_t, const std::string& text) {
    // Pass the number through exactly as written.
    return scalar_value("a number", [&] { extra_->raw(text); });
  }
  bool string(std::string& v) {
    if (depth_ == 0) return top_not_object();
    if (depth_ == 1) {
      switch (field_) {
        case Field::kId: rec_->id.assign(v); return true;
        case Field::kText: rec_->text.assign(v); return true;
        case Field::kDate:
          date_text.assign(v);
          date_given = true;
          return true;
        default: break;
      }
    }
    if (field_ == Field::kExtra) extra_->string(v);
    return true;
  }
  bool binary(json::binary_t&) { return true; }  // not produced by the text parser

  bool start_object(std::size_t) {
    if (depth_ == 0) {
      depth_ = 1;
      return true;
    }
    open_compound("an object");
    if (field_ == Field::kExtra) extra_->begin_object();
    ++depth_;
    return true;
  }
  bool end_object() {
    --depth_;
    if (depth_ >= 1 && field_ == Field::kExtra) extra_->end_object();
    return true;
  }
  bool start_array(std::size_t) {
    if (depth_ == 0) return top_not_object();
    open_compound("an array");
    if (field_ == Field::kExtra) extra_->begin_array();
    ++depth_;
    return true;
  }
  bool end_array() {
    --depth_;
    if (depth_ >= 1 && field_ == Field::kExtra) extra_->end_array();
    return true;
  }
  bool key(std::string& k) {
    if (depth_ == 1) {
      field_ = Field::kExtra;
      if (k == "id") field_ = claim(&has_id, Field::kId, k);
      else if (k == "text") field_ = claim(&has_text, Field::kText, k);
      else if (k == "date") field_ = claim(&has_date, Field::kDate, k);
      if (field_ == Field::kExtra) {
        if (!has_extra_) {
          extra_->begin_object();
          has_extra_ = true;
        }
        passthrough_name(k, name_);
        extra_->key(name_);
      }
      return true;
    }
    if (field_ == Field::kExtra) extra_->key(k);
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    error_position = position;
    syntax_error = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: ..."
    const size_t p = syntax_error.find("] ");
    if (syntax_error.rfind("[json.exception", 0) == 0 && p != std::string::npos)
      syntax_error.erase(0, p + 2);
    return false;
  }

  bool has_extra() const { return has_extra_; }

 private:
  enum class Field { kNone, kId, kText, kDate, kExtra, kSkip };
  std::string name_;  // a passed-through member's output name (passthrough_name)

  void note(std::string what) {
    if (problem.empty()) problem = std::move(what);
  }
  Field claim(bool* seen, Field f, const std::string& k) {
    if (*seen) {
      note("duplicate field \"" + k + "\"");
      return Field::kSkip;
    }
    *seen = true;
    return f;
  }
  bool top_not_object() {
    not_object = true;
    return false;
  }
  void wrong_type(const char* got) {
    if (field_ == Field::kId) note(std::string("field \"id\" must be a string or an integer, got ") + got);
    else if (field_ == Field::kText) note(std::string("field \"text\" must be a string, got ") + got);
    else if (date_problem.empty()) date_problem = std::string("field \"date\" must be a string, got ") + got;
  }
  template <typename Emit>
  bool scalar_value(const char* type, Emit emit) {
    if (depth_ == 0) return top_not_object();
    if (depth_ == 1 && (field_ == Field::kId || field_ == Field::kText || field_ == Field::kDate)) {
      // A null date means "no date", as if the field were absent.
      if (field_ == Field::kDate && std::strcmp(type, "null") == 0) return true;
      wrong_type(type);
      return true;
    }
    if (field_ == Field::kExtra) emit();
    return true;
  }
  void open_compound(const char* type) {
    if (depth_ == 1 && (field_ == Field::kId || field_ == Field::kText || field_ == Field::kDate)) {
      wrong_type(type);
      field_ = Field::kSkip;
    }
  }
  bool set_id_number(int64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    rec_->id.assign(buf, r.ptr);
    return true;
  }
  bool set_date_number(int64_t v) {
    date_text = std::to_string(v);  // 20260303 reads as a date, other numbers do not
    date_given = true;
    return true;
  }

  InputRecord* rec_;
  JsonWriter* extra_;
  int depth_ = 0;
  Field field_ = Field::kNone;
  bool has_extra_ = false;
};

class JsonLinesReader : public InputReader {
 public:
  JsonLinesReader(std::string path, std::unique_ptr<ByteSource> src, const ReaderOptions& options)
      : InputReader(std::move(path), InputFormat::kJsonLines), src_(std::move(src)), options_(options) {}

  bool next(InputRecord& rec, std::string& error) override {
    error.clear();
    for (;;) {
      bool had_newline = false;
      const ByteSource::Line status = src_->read_line(&line_, options_.max_record_bytes, &had_newline);
      if (status == ByteSource::Line::kEnd) {
        if (!src_->io_error().empty() && !io_error_reported_) {
          io_error_reported_ = true;
          rec.clear();
          rec.source_file = path_;
          error = path_ + ":" + std::to_string(line_no_) + ": read error: " + src_->io_error();
          return true;
        }
        return false;
      }
      ++line_no_;
      rec.clear();
      rec.source_file = path_;
      rec.source_line = line_no_;
      if (status == ByteSource::Line::kTooLong) {
        rec.id = location_id(path_, line_no_);
        set_record_error(&error, path_, line_no_, rec.id,
                         "line longer than the maximum record size of " +
                             std::to_string(options_.max_record_bytes) + " bytes");
        return true;
      }
      if (is_blank_line(line_)) continue;
      parse_jsonl_record(line_, path_, line_no_, had_newline, options_.date, rec, error, extra_);
      return true;
    }
  }

  uint64_t bytes_consumed() const override { return src_->consumed(); }
  uint64_t bytes_total() const override { return src_->size(); }

 private:
  std::unique_ptr<ByteSource> src_;
  ReaderOptions options_;
  std::string line_;
  JsonWriter extra_;
  uint32_t line_no_ = 0;
  bool io_error_reported_ = false;
};

}  // namespace

bool is_blank_line(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') return false;
  return true;
}

void parse_jsonl_record(std::string_view line, const std::string& file, uint32_t line_no, bool had_newline,
                        int32_t default_date, InputRecord& rec, std::string& error, JsonWriter& extra) {
  error.clear();
  rec.clear();
  rec.source_file = file;
  rec.source_line = line_no;
  rec.kind = InputRecord::kDocument;
  extra.clear();
  RecordSax sax(&rec, &extra);
  const bool ok = json::sax_parse(line.begin(), line.end(), &sax, json::input_format_t::json, /*strict=*/true);
  if (!sax.has_id || rec.id.empty()) rec.id = location_id(file, line_no);
  const auto fail = [&](std::string_view what) { set_record_error(&error, file, line_no, rec.id, what); };
  if (sax.not_object) return fail("line is not a JSON object");
  if (!ok) {
    std::string what = "malformed JSON: " + sax.syntax_error;
    // A last line without '\n' that breaks off at its very end was cut short.
    if (!had_newline && sax.error_position >= line.size()) what = "truncated final line: " + what;
    return fail(what);
  }
  if (!sax.problem.empty()) return fail(sax.problem);
  if (!sax.has_text) return fail("missing field \"text\"");
  // The parser has validated UTF-8; only NUL (written as \u0000) and
  // emptiness are left to check.
  if (const std::string problem = check_text(rec.text); !problem.empty()) return fail(problem);
  set_record_date(rec, sax.date_given ? &sax.date_text : nullptr, sax.date_problem, default_date);
  if (sax.has_extra()) {
    extra.end_object();
    rec.extra_json.assign(extra.data());
  }
}

std::unique_ptr<InputReader> make_jsonl_reader(std::string path, std::unique_ptr<ByteSource> src,
                                               const ReaderOptions& options) {
  return std::make_unique<JsonLinesReader>(std::move(path), std::move(src), options);
}

}  // namespace parley::io
