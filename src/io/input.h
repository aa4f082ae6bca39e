// Input records and the pull-style reader over the three input formats.
//
// InputReader::open() detects the format from content: the first byte that
// is not a UTF-8 BOM or whitespace is '<' -> PETRARCH XML, '{' -> JSON Lines,
// anything else -> one plain-text document.  next() then yields one record
// at a time.  A bad record never ends the run: next() returns true with
// `error` set to "FILE:LINE: record ID: what" and the caller reports it and
// calls next() again.  Unreadable files are reported the same way (open()
// never returns null), so every problem reaches stderr with its file name.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::io {

enum class InputFormat { kAuto, kText, kJsonLines, kXml };
const char* format_name(InputFormat f);

struct ReaderOptions {
  // --date, YYYYMMDD; used when a record has no date or one that cannot be
  // read.  0: such a record is coded without a date (its events' date is
  // null) and InputRecord::warning says so.
  int32_t date = 0;
  size_t max_record_bytes = 64u << 20;   // a larger record is an error for that record
  size_t max_xml_bytes = 1u << 30;       // XML is read whole, so its file size is capped
  size_t max_xml_depth = 256;            // deeper element nesting is an error for that record
  InputFormat format = InputFormat::kAuto;
};

// One <EventCoding sourcecode= targetcode= eventcode=> of a validation record.
struct GoldEvent {
  std::string source, target, code;
};

// The <Environment> of a validation file (file names as written there).
struct ValidationEnvironment {
  std::string verbfile, actorfile, agentfile, discardfile, issuefile;
  std::vector<std::string> include, exclude;  // category lists, split at whitespace
  std::vector<std::pair<std::string, std::string>> config;  // <Config option= value=>
  void clear();
};

struct InputRecord {
  enum Kind { kDocument, kConfig, kEnvironment };
  Kind kind = kDocument;
  std::string id;               // record id; "FILE:LINE" when the input has none
  int32_t date = 0;             // YYYYMMDD or 0
  std::string text;             // UTF-8, no NUL; XML <Text> is whitespace-collapsed
  std::string category;         // validation category (XML category=)
  bool sentence_mode = false;   // XML sentence="true" (any case): text is one sentence
  std::string source_file;      // path as given ("-" for stdin)
  uint32_t source_line = 0;     // 1-based line where the record starts
  std::vector<GoldEvent> gold;  // expected events (validation XML)
  bool gold_noevents = false;   // <EventCoding noevents="True">
  std::string gold_error;       // <EventCoding error="...">
  std::string option, value;    // kConfig
  ValidationEnvironment env;    // kEnvironment
  // Fields the reader does not interpret, as one serialised JSON object
  // ("" if none): other members of a JSONL line, other attributes of an XML
  // <Sentence> (e.g. source="AFP"), for pass-through with
  // JsonWriter::raw_members().
  std::string extra_json;
  // What the reader accepted but the user must hear about, without the
  // "FILE:LINE: record ID: " prefix (the Driver adds it and reports it in
  // input order): a date that is missing or unreadable, and what the record
  // was coded with instead.  "" if nothing.
  std::string warning;

  void clear();  // keeps capacity
};

class InputReader {
 public:
  virtual ~InputReader() = default;

  // path "-" reads stdin.
  static std::unique_ptr<InputReader> open(const std::string& path, const ReaderOptions& options);

  // Fills rec with the next record; false at the end.  On a bad record
  // returns true with error non-empty; rec.id, source_file and source_line
  // then say which record it was and the rest of rec is unspecified.
  virtual bool next(InputRecord& rec, std::string& error) = 0;

  // For progress display: bytes of the input read so far and its size; 0
  // when unknown (stdin, pipes; XML, which is parsed whole before its first
  // record).
  virtual uint64_t bytes_consumed() const { return 0; }
  virtual uint64_t bytes_total() const { return 0; }

  InputFormat format() const { return format_; }
  const std::string& path() const { return path_; }

 protected:
  InputReader(std::string path, InputFormat format) : path_(std::move(path)), format_(format) {}

  std::string path_;
  InputFormat format_;
};

// The warning for a document that has no date and was coded without one
// (its events' dates are null), without the "FILE:LINE: record ID: " or
// "record ID: " prefix its reporter adds.  `how_to_date_it` names what the
// caller can give: "a date or --date" on the command line, "a date" over
// HTTP.  One text for every surface, so a batch run and the API say the same.
std::string no_date_warning(std::string_view how_to_date_it);

// Members of an input record that parley does not read (InputRecord::
// extra_json) pass through into every output record, so they must not
// collide with the fields parley writes itself: a member named like one of
// those ("source":"AFP", "type":"article") passes through as "input_" + its
// name ("input_source").  `out` receives the name to write.
bool is_output_field(std::string_view name);
void passthrough_name(std::string_view name, std::string& out);

}  // namespace parley::io
