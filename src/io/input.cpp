// InputReader::open(): format detection and the shared helpers of readers.h.
#include <cstring>
#include <filesystem>

#include "io/dates.h"
#include "io/readers.h"
#include "io/utf8.h"

namespace parley::io {
namespace {

bool is_blank(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Looks past a UTF-8 BOM and leading whitespace without consuming them
// (JSON Lines keeps its line numbers).  Gives up after 1 MiB of blanks.
InputFormat detect(ByteSource& src, bool* utf16) {
  constexpr size_t kMaxScan = 1 << 20;
  std::string_view head = src.peek(4);
  *utf16 = head.size() >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') ||
                                (head[0] == '\xFE' && head[1] == '\xFF'));
  if (*utf16) return InputFormat::kText;
  size_t i = head.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  for (size_t want = 4096;; want = std::min(want * 2, kMaxScan)) {
    head = src.peek(want);
    while (i < head.size() && is_blank(static_cast<unsigned char>(head[i]))) ++i;
    if (i < head.size()) {
      if (head[i] == '<') return InputFormat::kXml;
      if (head[i] == '{') return InputFormat::kJsonLines;
      return InputFormat::kText;
    }
    if (head.size() < want || want == kMaxScan) return InputFormat::kText;  // all blank
  }
}

class FailedReader : public InputReader {
 public:
  FailedReader(std::string path, std::string error)
      : InputReader(std::move(path), InputFormat::kAuto), error_(std::move(error)) {}
  bool next(InputRecord& rec, std::string& error) override {
    error.clear();
    if (done_) return false;
    done_ = true;
    rec.clear();
    rec.source_file = path_;
    error = error_;
    return true;
  }

 private:
  std::string error_;
  bool done_ = false;
};

}  // namespace

const char* format_name(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto: return "auto";
    case InputFormat::kText: return "text";
    case InputFormat::kJsonLines: return "jsonl";
    case InputFormat::kXml: return "xml";
  }
  return "?";
}

void ValidationEnvironment::clear() {
  verbfile.clear();
  actorfile.clear();
  agentfile.clear();
  discardfile.clear();
  issuefile.clear();
  include.clear();
  exclude.clear();
  config.clear();
}

void InputRecord::clear() {
  kind = kDocument;
  id.clear();
  date = 0;
  text.clear();
  category.clear();
  sentence_mode = false;
  source_file.clear();
  source_line = 0;
  gold.clear();
  gold_noevents = false;
  gold_error.clear();
  option.clear();
  value.clear();
  env.clear();
  extra_json.clear();
  warning.clear();
}

std::unique_ptr<InputReader> make_failed_reader(std::string path, std::string error) {
  return std::make_unique<FailedReader>(std::move(path), std::move(error));
}

std::unique_ptr<InputReader> InputReader::open(const std::string& path, const ReaderOptions& options) {
  auto src = std::make_unique<ByteSource>();
  std::string why;
  if (!src->open(path, &why)) return make_failed_reader(path, path + ": cannot open: " + why);
  bool utf16 = false;
  InputFormat format = detect(*src, &utf16);
  if (!src->io_error().empty())
    return make_failed_reader(path, path + ": cannot read: " + src->io_error());
  if (utf16)
    return make_failed_reader(path, path + ": input is UTF-16; only UTF-8 is supported");
  if (options.format != InputFormat::kAuto) format = options.format;
  if (src->peek(3) == "\xEF\xBB\xBF") src->skip(3);
  switch (format) {
    case InputFormat::kJsonLines: return make_jsonl_reader(path, std::move(src), options);
    case InputFormat::kXml: return make_xml_reader(path, std::move(src), options);
    default: return make_text_reader(path, std::move(src), options);
  }
}

void set_record_error(std::string* error, const std::string& file, uint32_t line,
                      std::string_view id, std::string_view what) {
  error->clear();
  error->append(file);
  error->push_back(':');
  error->append(std::to_string(line));
  error->append(": record ");
  error->append(id);
  error->append(": ");
  error->append(what);
}

std::string check_text(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && is_blank(static_cast<unsigned char>(text[i]))) ++i;
  if (i == text.size()) return "empty text";
  if (const void* nul = std::memchr(text.data(), '\0', text.size()))
    return "NUL byte in text at byte " +
           std::to_string(static_cast<const char*>(nul) - text.data());
  const size_t bad = find_invalid_utf8(text);
  if (bad != std::string_view::npos)
    return "invalid UTF-8 in text at byte " + std::to_string(bad);
  return "";
}

void set_record_date(InputRecord& rec, const std::string* written, std::string_view wrong_type,
                     int32_t fallback) {
  std::string why;
  if (wrong_type.empty() && written && parse_record_date(*written, &rec.date, &why)) return;
  rec.date = fallback;
  if (!written && wrong_type.empty()) {
    if (!fallback) rec.warning = no_date_warning("a date or --date");
    return;
  }
  rec.warning = wrong_type.empty() ? "unreadable date \"" + *written + "\" (" + why + ")" : std::string(wrong_type);
  rec.warning += fallback ? "; coded with --date " + format_date(fallback) : "; coded without a date";
}

bool is_output_field(std::string_view name) {
  // The top-level fields of event, quote and deadline records (sinks/
  // event_json.cpp) and what the API adds to them; tests/io_passthrough_test
  // checks the writers against this list.
  static constexpr std::string_view kFields[] = {
      "about", "attribution", "closed", "code", "code_name", "condition", "condition_offsets", "conditional",
      "date", "date_text", "evidence", "future", "goldstein", "hypothetical", "id", "in_condition",
      "last_sentence", "negated", "nominal", "one_sided", "passive", "place", "plover", "quad_class",
      "reported", "root", "sentence", "setter", "setter_code", "source", "speaker", "speaker_code", "target",
      "target_code", "target_inferred", "text", "type"};
  for (std::string_view f : kFields)
    if (f == name) return true;
  return false;
}

void passthrough_name(std::string_view name, std::string& out) {
  out.clear();
  if (is_output_field(name)) out = "input_";
  out.append(name);
}

std::string no_date_warning(std::string_view how_to_date_it) {
  return "no date; coded without one, so its events have no date (give " + std::string(how_to_date_it) + ")";
}

std::string location_id(const std::string& file, uint32_t line) {
  return file + ":" + std::to_string(line);
}

}  // namespace parley::io
