// Internal to dict/: reading dictionary files line by line with the comment
// rules shared by every PETRARCH/TABARI reader, plus small text helpers.
//
// Comment rules: '#' removes the rest of a line (except inside "[...]", where
// TABARI wrote the discard code "[###]"); "<!-- ... -->" is removed,
// even across lines (an unterminated one is an error at the line it opened);
// a line starting with "<!" that does not open such a block is skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dict/dictionary.h"

namespace parley::dict_internal {

// Whole file, checked: readable, not too large, no NUL byte, valid UTF-8,
// no over-long line.  Throws DictError naming the file and line.
std::string read_checked_file(const std::string& path);

class CommentedLines {
 public:
  CommentedLines(const std::string& path, std::string_view text) : path_(path), text_(text) {}
  // The next line with comments removed and surrounding whitespace kept on
  // the left (indentation matters for actor date lines), trimmed on the
  // right.  False at the end of the text.
  bool next(std::string_view& line);
  uint32_t number() const { return number_; }

 private:
  const std::string& path_;
  std::string_view text_;
  size_t pos_ = 0;
  uint32_t number_ = 0;
  bool in_block_ = false;
  uint32_t block_start_ = 0;
  std::string scratch_;
};

// Reports problems.  Errors throw DictError; warnings (an entry the reader
// skips) are collected and printed, or thrown when DictOptions::strict.
class Diagnostics {
 public:
  Diagnostics(const DictOptions& options, std::vector<std::string>& sink)
      : options_(options), sink_(sink) {}
  [[noreturn]] void error(const std::string& path, uint32_t line, const std::string& what) const;
  void warn(const std::string& path, uint32_t line, const std::string& what) const;
  const DictOptions& options() const { return options_; }

 private:
  const DictOptions& options_;
  std::vector<std::string>& sink_;
};

std::string_view trim(std::string_view s);
std::string_view trim_left(std::string_view s);
inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::string upper_ascii(std::string_view s);
uint32_t intern_upper(Vocabulary& vocab, std::string_view word);

// Splits at blanks and (when underscores_separate) at '_'; empty pieces dropped.
void split_words(std::string_view phrase, bool underscores_separate,
                 std::vector<std::string_view>& out);

// English regular forms of upper-case words.
std::string plural_of(std::string_view word);
// -S/-ES/-IES, -ED/-D/-IED, -ING (final E dropped).  No consonant doubling.
void regular_verb_forms(std::string_view base, std::string out[3]);

// Code syntax: non-empty, at most max_len of letters, digits, '-', '+', '~'
// (plus extra_chars).  Says nothing about the code's meaning.
bool code_chars_ok(std::string_view code, size_t max_len, std::string_view extra_chars = {});

// A verb/event code part must be "---" or a CAMEO code; with allow_private
// any syntactically sane code (7 chars, '?' also allowed) is accepted.
enum class CodeCheck { kOk, kBadSyntax, kUnknown };
CodeCheck check_event_code(std::string_view code, bool allow_private);

}  // namespace parley::dict_internal
