// Internal to dict/: the per-file-kind readers called by loader.cpp.  Each
// parses one file's text into `dict`, reporting through `diag`.
#pragma once

#include <string>
#include <string_view>

#include "dict/dictionary.h"
#include "dict/text_lines.h"

namespace parley::dict_internal {

struct FileContext {
  Dictionaries& dict;
  const Diagnostics& diag;
  const std::string& path;
  uint32_t file;  // index into dict.files
  SourceLoc loc(uint32_t line) const { return {file, line}; }
  [[noreturn]] void error(uint32_t line, const std::string& what) const { diag.error(path, line, what); }
  void warn(uint32_t line, const std::string& what) const { diag.warn(path, line, what); }
};

void read_verbs(const FileContext& cx, std::string_view text);
void read_actors(const FileContext& cx, std::string_view text);
void read_agents(const FileContext& cx, std::string_view text);
void read_discards(const FileContext& cx, std::string_view text);
void read_issues(const FileContext& cx, std::string_view text);

// After all files: merge repeated actor phrases, build the by-first-word
// indexes (longest phrase first).
void finish_actors(Dictionaries& dict);
void finish_agents(Dictionaries& dict);

// "[A:B]" contents -> active/passive codes.  False if malformed (syntax);
// an unknown code is reported through `unknown` (the offending part).
struct ParsedCode {
  Code active, passive;
  std::string bad;       // the part that is wrong
  bool bad_syntax = false;
  bool unknown = false;
};
ParsedCode parse_event_code(std::string_view text, bool allow_private);

}  // namespace parley::dict_internal
