// PETRARCH XML (<Sentences>) and its validation variant (<Validation>),
// one record at a time: scan_xml_records() frames the records, and pugixml
// parses each one alone.  pugixml accepts the files' quirks as they are
// (spaces around '=', single-quoted values holding '"', comments anywhere),
// so nothing is rewritten before parsing.
//
// A broken or too deeply nested record is one error naming the file, its
// line and where it breaks; the records after it are still read.  A markup
// problem outside every record is one error at the end.
#include <algorithm>
#include <cstring>
#include <pugixml.hpp>

#include "io/json_writer.h"
#include "io/readers.h"
#include "io/utf8.h"
#include "io/xml_records.h"

namespace parley::io {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);
         });
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Appends s with runs of whitespace collapsed to one space; *pending_space
// carries a run across pieces (text split by comments).  Leading blanks are
// dropped; the caller drops a trailing one.
void append_collapsed(std::string& out, const char* s, bool* pending_space) {
  for (; *s; ++s) {
    if (is_space(*s)) {
      *pending_space = !out.empty();
      continue;
    }
    if (*pending_space) out.push_back(' ');
    *pending_space = false;
    out.push_back(*s);
  }
}

void split_words(std::vector<std::string>& out, const char* s) {
  while (*s) {
    while (*s && is_space(*s)) ++s;
    const char* b = s;
    while (*s && !is_space(*s)) ++s;
    if (s > b) out.emplace_back(b, s);
  }
}

constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_comments;

class XmlReader : public InputReader {
 public:
  XmlReader(std::string path, std::unique_ptr<ByteSource> src, const ReaderOptions& options)
      : InputReader(std::move(path), InputFormat::kXml), src_(std::move(src)), options_(options) {}

  bool next(InputRecord& rec, std::string& error) override {
    error.clear();
    if (!loaded_) load();
    if (cursor_ < spans_.size()) {
      read_record(spans_[cursor_++], rec, error);
      return true;
    }
    if (!file_error_.empty()) {
      rec.clear();
      rec.source_file = path_;
      rec.source_line = file_error_line_;
      error.swap(file_error_);
      file_error_.clear();
      return true;
    }
    return false;
  }

 private:
  void load() {
    loaded_ = true;
    if (!src_->read_all(&raw_, options_.max_xml_bytes)) {
      file_error_ = path_ + ": XML input larger than " + std::to_string(options_.max_xml_bytes) +
                    " bytes (it is read whole; use JSON Lines for big inputs)";
      raw_.clear();
      return;
    }
    if (!src_->io_error().empty()) {
      file_error_ = path_ + ": read error: " + src_->io_error();
      return;
    }
    for (size_t i = raw_.find('\n'); i != std::string::npos; i = raw_.find('\n', i + 1))
      newlines_.push_back(i);

    XmlScan scan = scan_xml_records(raw_, options_.max_xml_depth);
    spans_ = std::move(scan.records);
    // The environment comes first whatever its position, as the validator
    // needs it before any sentence.
    std::stable_partition(spans_.begin(), spans_.end(),
                          [](const XmlRecordSpan& r) { return r.name == "Environment"; });
    if (!scan.file_problem.empty()) {
      file_error_line_ = line_of(scan.file_problem_at);
      file_error_ = path_ + ":" + std::to_string(file_error_line_) + ": XML error outside any record: " +
                    scan.file_problem + " (" + where(scan.file_problem_at) + ")";
    }
  }

  // "line L, column C" of a byte offset.
  std::string where(size_t offset) const {
    const uint32_t line = line_of(offset);
    const size_t line_start = line > 1 ? newlines_[line - 2] + 1 : 0;
    return "line " + std::to_string(line) + ", column " + std::to_string(offset - line_start + 1);
  }

  uint32_t line_of(size_t offset) const {
    return static_cast<uint32_t>(std::lower_bound(newlines_.begin(), newlines_.end(), offset) - newlines_.begin()) +
           1;
  }

  // Parses one framed record into rec, or says why it cannot be read.
  void read_record(const XmlRecordSpan& span, InputRecord& rec, std::string& error) {
    rec.clear();
    rec.source_file = path_;
    rec.source_line = line_of(span.begin);
    const bool valid_id = !span.id.empty() && find_invalid_utf8(span.id) == std::string_view::npos;
    rec.id = span.name == "Sentence" && valid_id ? span.id : location_id(path_, rec.source_line);
    if (!span.problem.empty())
      return fail(rec, error, "<" + std::string(span.name) + "> skipped: " + span.problem + " (" +
                                  where(span.problem_at) + ")");
    const pugi::xml_parse_result result =
        doc_.load_buffer(raw_.data() + span.begin, span.end - span.begin, kParseOptions, pugi::encoding_utf8);
    if (!result)
      return fail(rec, error, "<" + std::string(span.name) + "> skipped: XML parse error: " + result.description() +
                                  " (" + where(span.begin + static_cast<size_t>(result.offset)) + ")");
    convert(doc_.document_element(), rec, error);
  }

  void convert(pugi::xml_node n, InputRecord& rec, std::string& error) {
    const char* name = n.name();
    if (std::strcmp(name, "Sentence") == 0) return convert_sentence(n, rec, error);
    if (std::strcmp(name, "Config") == 0) {
      rec.kind = InputRecord::kConfig;
      rec.id = location_id(path_, rec.source_line);
      if (!check_attributes(n, rec, error)) return;
      if (!n.attribute("option")) return fail(rec, error, "<Config> without option=");
      rec.option = n.attribute("option").value();
      rec.value = n.attribute("value").value();
      return;
    }
    rec.kind = InputRecord::kEnvironment;
    rec.id = location_id(path_, rec.source_line);
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view cname = c.name();
      if (!check_attributes(c, rec, error)) return;
      const char* value = c.child_value();
      if (find_invalid_utf8(value) != std::string_view::npos)
        return fail(rec, error, "invalid UTF-8 in <" + std::string(cname) + ">");
      std::string trimmed;
      bool pending = false;
      append_collapsed(trimmed, value, &pending);
      if (cname == "Verbfile") rec.env.verbfile = trimmed;
      else if (cname == "Actorfile") rec.env.actorfile = trimmed;
      else if (cname == "Agentfile") rec.env.agentfile = trimmed;
      else if (cname == "Discardfile") rec.env.discardfile = trimmed;
      else if (cname == "Issuefile") rec.env.issuefile = trimmed;
      else if (cname == "Include") split_words(rec.env.include, value);
      else if (cname == "Exclude") split_words(rec.env.exclude, value);
      else if (cname == "Config") {
        if (!c.attribute("option")) return fail(rec, error, "<Config> without option=");
        rec.env.config.emplace_back(c.attribute("option").value(), c.attribute("value").value());
      }
      // Others (Errorfile, Pause) steer the old interactive coder; not used.
    }
  }

  void convert_sentence(pugi::xml_node n, InputRecord& rec, std::string& error) {
    rec.kind = InputRecord::kDocument;
    const char* id = n.attribute("id").value();
    rec.id = *id ? id : location_id(path_, rec.source_line);
    if (!check_attributes(n, rec, error)) return;
    extra_.clear();
    bool has_extra = false, has_date = false;
    std::string date_text;
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view an = a.name();
      if (an == "id") continue;
      if (an == "date") {
        date_text = a.value();
        has_date = true;
      } else if (an == "sentence") {
        rec.sentence_mode = iequals(a.value(), "true");
      } else if (an == "category") {
        rec.category = a.value();
      } else {
        if (!has_extra) extra_.begin_object();
        has_extra = true;
        passthrough_name(an, name_);
        extra_.key(name_);
        extra_.string(a.value());
      }
    }
    if (has_extra) {
      extra_.end_object();
      rec.extra_json = extra_.data();
    }
    set_record_date(rec, has_date ? &date_text : nullptr, "", options_.date);

    int texts = 0;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (std::strcmp(c.name(), "Text") == 0) {
        if (++texts > 1) return fail(rec, error, "more than one <Text>");
        bool pending = false;
        for (pugi::xml_node t = c.first_child(); t; t = t.next_sibling()) {
          if (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata)
            append_collapsed(rec.text, t.value(), &pending);
          else if (t.type() == pugi::node_element)
            return fail(rec, error, std::string("unexpected <") + t.name() + "> inside <Text>");
        }
      } else if (std::strcmp(c.name(), "EventCoding") == 0) {
        if (!check_attributes(c, rec, error) || !read_gold(c, rec, error)) return;
      }
    }
    if (texts == 0) return fail(rec, error, "missing <Text>");
    if (rec.text.size() > options_.max_record_bytes)
      return fail(rec, error, "text larger than the maximum record size of " +
                                  std::to_string(options_.max_record_bytes) + " bytes");
    if (rec.text.empty()) return fail(rec, error, "empty <Text> (parley codes the text; <Parse> is not read)");
    if (const std::string problem = check_text(rec.text); !problem.empty()) return fail(rec, error, problem);
  }

  bool read_gold(pugi::xml_node c, InputRecord& rec, std::string& error) {
    const pugi::xml_attribute src = c.attribute("sourcecode"), tgt = c.attribute("targetcode"),
                              code = c.attribute("eventcode");
    if (src || tgt || code) {
      if (!src || !tgt || !code) {
        fail(rec, error, "<EventCoding> needs all of sourcecode=, targetcode= and eventcode=");
        return false;
      }
      rec.gold.push_back(GoldEvent{src.value(), tgt.value(), code.value()});
      return true;
    }
    if (const pugi::xml_attribute none = c.attribute("noevents")) {
      rec.gold_noevents = iequals(none.value(), "true");
      return true;
    }
    if (const pugi::xml_attribute err = c.attribute("error")) {
      rec.gold_error = err.value();
      return true;
    }
    fail(rec, error, "<EventCoding> has none of sourcecode=/targetcode=/eventcode=, noevents=, error=");
    return false;
  }

  bool check_attributes(pugi::xml_node n, InputRecord& rec, std::string& error) {
    if (find_invalid_utf8(rec.id) != std::string_view::npos) {
      rec.id = location_id(path_, rec.source_line);  // keep the message valid UTF-8
      fail(rec, error, "invalid UTF-8 in id=");
      return false;
    }
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
      if (find_invalid_utf8(a.value()) != std::string_view::npos ||
          find_invalid_utf8(a.name()) != std::string_view::npos) {
        fail(rec, error, std::string("invalid UTF-8 in an attribute of <") + n.name() + ">");
        return false;
      }
    }
    return true;
  }

  void fail(const InputRecord& rec, std::string& error, std::string_view what) {
    set_record_error(&error, path_, rec.source_line, rec.id, what);
  }

  std::unique_ptr<ByteSource> src_;
  ReaderOptions options_;
  bool loaded_ = false;
  std::string raw_;
  std::vector<size_t> newlines_;
  pugi::xml_document doc_;  // the record being read
  std::vector<XmlRecordSpan> spans_;
  size_t cursor_ = 0;
  std::string file_error_;
  uint32_t file_error_line_ = 0;
  JsonWriter extra_;
  std::string name_;  // a passed-through attribute's output name (passthrough_name)
};

}  // namespace

std::unique_ptr<InputReader> make_xml_reader(std::string path, std::unique_ptr<ByteSource> src,
                                             const ReaderOptions& options) {
  return std::make_unique<XmlReader>(std::move(path), std::move(src), options);
}

}  // namespace parley::io
