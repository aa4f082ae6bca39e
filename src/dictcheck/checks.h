// Internal to dictcheck/: the checks, one file per dictionary kind, and the
// Reporter they share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dictcheck/dictcheck.h"

namespace parley::dictcheck::internal {

class Reporter {
 public:
  Reporter(const Dictionaries& dicts, std::vector<Finding>& out) : dicts_(dicts), out_(out) {}
  void add(SourceLoc loc, const char* kind, std::string message) {
    out_.push_back(Finding{loc.file < dicts_.files.size() ? dicts_.files[loc.file] : std::string("?"), loc.line,
                           kind, std::move(message)});
  }
  const Dictionaries& dicts() const { return dicts_; }

 private:
  const Dictionaries& dicts_;
  std::vector<Finding>& out_;
};

// Words of a phrase joined by `sep` ("VLADIMIR_PUTIN").
std::string phrase_text(const Dictionaries& d, const std::vector<uint32_t>& words, char sep = '_');
std::string where(const Dictionaries& d, SourceLoc loc);  // "file:line"

void check_actors(Reporter& r);
void check_agents(Reporter& r);
void check_discards(Reporter& r);
void check_verbs(Reporter& r, const CheckOptions& options);
// never-matches over the words of every entry of every kind.
void check_words(Reporter& r);

}  // namespace parley::dictcheck::internal
