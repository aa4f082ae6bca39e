// The record scan: a small XML lexer (tags with quoted attributes, comments,
// CDATA, processing instructions, DOCTYPE) driving a framing state machine.
// It checks only what framing needs; everything inside a record is checked
// again by pugixml when the record is parsed.
#include "io/xml_records.h"

#include <cstring>

namespace parley::io {
namespace {

bool is_name_start(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' || c >= 0x80;
}
bool is_name_char(unsigned char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The value of attribute `want` in the text of a start tag ("<Name a="1" ...>"),
// as written; "" if absent or the tag is too broken to tell.
std::string attribute_in_tag(std::string_view tag, std::string_view want) {
  size_t p = 1;
  while (p < tag.size() && is_name_char(static_cast<unsigned char>(tag[p]))) ++p;
  while (p < tag.size()) {
    while (p < tag.size() && is_space(tag[p])) ++p;
    const size_t name_begin = p;
    while (p < tag.size() && is_name_char(static_cast<unsigned char>(tag[p]))) ++p;
    const std::string_view name = tag.substr(name_begin, p - name_begin);
    while (p < tag.size() && is_space(tag[p])) ++p;
    if (name.empty() || p >= tag.size() || tag[p] != '=') return "";
    ++p;
    while (p < tag.size() && is_space(tag[p])) ++p;
    if (p >= tag.size() || (tag[p] != '"' && tag[p] != '\'')) return "";
    const size_t close = tag.find(tag[p], p + 1);
    if (close == std::string_view::npos) return "";
    if (name == want) return std::string(tag.substr(p + 1, close - p - 1));
    p = close + 1;
  }
  return "";
}

class RecordScanner {
 public:
  RecordScanner(std::string_view xml, size_t max_depth) : xml_(xml), max_depth_(max_depth) {}

  XmlScan run() {
    size_t i = 0;
    while (i < xml_.size()) {
      const char* lt = static_cast<const char*>(std::memchr(xml_.data() + i, '<', xml_.size() - i));
      const size_t next = lt ? static_cast<size_t>(lt - xml_.data()) : xml_.size();
      if (!in_record_) check_no_nul(i, next);
      if (!lt) break;
      i = markup(next);
    }
    finish();
    return std::move(scan_);
  }

 private:
  // Handles the markup that starts at xml_[at] == '<'; returns where
  // scanning goes on.
  size_t markup(size_t at) {
    const std::string_view rest = xml_.substr(at);
    if (rest.substr(0, 4) == "<!--") return skip_past(at, 4, "-->", "comment");
    if (rest.substr(0, 9) == "<![CDATA[") return skip_past(at, 9, "]]>", "CDATA section");
    if (rest.substr(0, 2) == "<?") return skip_past(at, 2, "?>", "processing instruction");
    if (rest.substr(0, 2) == "<!") return declaration(at);
    if (rest.size() >= 2 && rest[1] == '/') return end_tag(at);
    if (rest.size() >= 2 && is_name_start(static_cast<unsigned char>(rest[1]))) return start_tag(at);
    if (!in_record_) file_problem(at, "'<' that starts no tag");
    return at + 1;
  }

  // Comments, CDATA and processing instructions: their content is not markup.
  size_t skip_past(size_t at, size_t open_len, std::string_view close, const char* what) {
    const size_t end = xml_.find(close, at + open_len);
    if (end != std::string_view::npos) return end + close.size();
    unterminated(at, what);
    return xml_.size();
  }

  // <!DOCTYPE ...> with an optional [internal subset], or another <!...>.
  size_t declaration(size_t at) {
    int brackets = 0;
    char quote = 0;
    for (size_t p = at + 2; p < xml_.size(); ++p) {
      const char c = xml_[p];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        ++brackets;
      } else if (c == ']') {
        --brackets;
      } else if (c == '>' && brackets <= 0) {
        return p + 1;
      }
    }
    unterminated(at, "declaration");
    return xml_.size();
  }

  void unterminated(size_t at, const char* what) {
    const std::string problem = std::string("unterminated ") + what + "; the rest of the file is inside it";
    if (in_record_) {
      record_problem(at, problem);
    } else {
      file_problem(at, problem);
    }
  }

  // The end of a tag that starts at `at`: past its '>', or at a '<' (outside
  // quotes or inside them: XML allows no '<' in an attribute value) or the
  // end of the file when the tag is broken; *broken says which.
  size_t tag_end(size_t at, bool* broken) const {
    char quote = 0;
    for (size_t p = at + 1; p < xml_.size(); ++p) {
      const char c = xml_[p];
      if (c == '<') break;
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        *broken = false;
        return p + 1;
      }
    }
    *broken = true;
    const void* lt = std::memchr(xml_.data() + at + 1, '<', xml_.size() - at - 1);
    return lt ? static_cast<size_t>(static_cast<const char*>(lt) - xml_.data()) : xml_.size();
  }

  std::string_view name_at(size_t p) const {
    const size_t begin = p;
    while (p < xml_.size() && is_name_char(static_cast<unsigned char>(xml_[p]))) ++p;
    return xml_.substr(begin, p - begin);
  }

  // Inside an <Environment>, a <Config> is part of it: only records outside
  // every record start one.
  static bool starts_record(std::string_view name) {
    return name == "Sentence" || name == "Environment" || name == "Config";
  }

  size_t start_tag(size_t at) {
    bool broken = false;
    const size_t end = tag_end(at, &broken);
    const std::string_view name = name_at(at + 1);
    const bool self_closing = !broken && end >= at + 2 && xml_[end - 2] == '/';
    seen_element_ = true;
    if (in_record_ && (name == "Sentence" || name == "Environment" || (name == "Config" && record_.name == "Config"))) {
      // Records do not nest: the open one lost its end tag.
      record_problem(at, "no </" + std::string(record_.name) + "> before this <" + std::string(name) + ">");
      close_record(at);
    }
    if (in_record_) {
      if (!self_closing) ++inner_depth_;
      if (open_.size() + inner_depth_ > max_depth_) record_problem(at, too_deep());
      return end;
    }
    if (starts_record(name)) {  // a broken start tag is the record's problem, found when it is parsed
      open_record(at, name, xml_.substr(at, end - at));
      if (open_.size() + 1 > max_depth_) record_problem(at, too_deep());
      if (self_closing) {
        close_record(end);
      } else {
        inner_depth_ = 1;
      }
      return end;
    }
    if (broken) file_problem(at, "tag <" + std::string(name) + " is not closed by '>'");
    if (!self_closing) {
      open_.push_back(name);
      if (open_.size() > max_depth_) file_problem(at, too_deep());
    }
    return end;
  }

  size_t end_tag(size_t at) {
    bool broken = false;
    const size_t end = tag_end(at, &broken);
    const std::string_view name = name_at(at + 2);
    if (in_record_) {
      if (name == record_.name) {
        close_record(end);
        return end;
      }
      if (inner_depth_ > 1) {
        --inner_depth_;
        return end;
      }
      // It would close the record's element under another name: the
      // record's end tag is missing.  It closes the enclosing element.
      record_problem(at, "no </" + std::string(record_.name) + "> before this </" + std::string(name) + ">");
      close_record(at);
    }
    if (broken) file_problem(at, "tag </" + std::string(name) + " is not closed by '>'");
    if (open_.empty()) {
      file_problem(at, "end tag </" + std::string(name) + "> matches no start tag");
    } else {
      if (open_.back() != name)
        file_problem(at, "end tag </" + std::string(name) + "> does not match <" + std::string(open_.back()) + ">");
      open_.pop_back();
    }
    return end;
  }

  void open_record(size_t at, std::string_view name, std::string_view start_tag_text) {
    in_record_ = true;
    record_ = XmlRecordSpan{};
    record_.begin = at;
    record_.name = name == "Sentence" ? "Sentence" : name == "Environment" ? "Environment" : "Config";
    record_.id = attribute_in_tag(start_tag_text, "id");
  }

  void close_record(size_t end) {
    record_.end = end;
    if (record_.problem.empty()) {
      if (const void* nul = std::memchr(xml_.data() + record_.begin, '\0', end - record_.begin))
        record_problem(static_cast<size_t>(static_cast<const char*>(nul) - xml_.data()), "NUL byte in the record");
    }
    scan_.records.push_back(std::move(record_));
    in_record_ = false;
    inner_depth_ = 0;
  }

  void finish() {
    if (in_record_) {
      // This says the file was cut; the unclosed elements around the record
      // need no second error.
      record_problem(xml_.size(), "the file ends before </" + std::string(record_.name) + ">");
      close_record(xml_.size());
    } else if (!open_.empty()) file_problem(xml_.size(), "the file ends before </" + std::string(open_.back()) + ">");
    if (!seen_element_) file_problem(0, "no XML element found");
  }

  void record_problem(size_t at, std::string what) {
    if (!record_.problem.empty()) return;  // the first one says it
    record_.problem = std::move(what);
    record_.problem_at = at;
  }

  void file_problem(size_t at, std::string what) {
    if (!scan_.file_problem.empty()) return;
    scan_.file_problem = std::move(what);
    scan_.file_problem_at = at;
  }

  void check_no_nul(size_t from, size_t to) {
    if (const void* nul = std::memchr(xml_.data() + from, '\0', to - from))
      file_problem(static_cast<size_t>(static_cast<const char*>(nul) - xml_.data()), "NUL byte in XML");
  }

  std::string too_deep() const {
    return "elements nested more than " + std::to_string(max_depth_) + " levels deep";
  }

  std::string_view xml_;
  size_t max_depth_;
  XmlScan scan_;
  std::vector<std::string_view> open_;  // elements open outside every record, outermost first
  bool in_record_ = false;
  bool seen_element_ = false;
  size_t inner_depth_ = 0;  // elements open inside the record, itself included
  XmlRecordSpan record_;
};

}  // namespace

XmlScan scan_xml_records(std::string_view xml, size_t max_depth) { return RecordScanner(xml, max_depth).run(); }

}  // namespace parley::io
