// Running the checks, turning the loader's warnings into findings, sorting.
#include <algorithm>
#include <tuple>

#include "dictcheck/checks.h"

namespace parley::dictcheck {

std::string format(const Finding& f) {
  return f.file + ":" + std::to_string(f.line) + ": " + f.kind + ": " + f.message;
}

namespace internal {

std::string phrase_text(const Dictionaries& d, const std::vector<uint32_t>& words, char sep) {
  std::string s;
  for (uint32_t w : words) {
    if (!s.empty()) s += sep;
    s += d.vocab.word(w);
  }
  return s;
}

std::string where(const Dictionaries& d, SourceLoc loc) { return d.where(loc); }

}  // namespace internal

namespace {

// "file:line: warning: what" (dict/text_lines.cpp Diagnostics::warn).
bool parse_warning(const std::string& w, Finding& out) {
  static constexpr std::string_view kTag = ": warning: ";
  size_t tag = w.find(kTag);
  if (tag == std::string::npos) return false;
  size_t colon = w.rfind(':', tag - 1);
  if (colon == std::string::npos || colon + 1 >= tag) return false;
  uint32_t line = 0;
  for (size_t i = colon + 1; i < tag; ++i) {
    if (w[i] < '0' || w[i] > '9') return false;
    line = line * 10 + static_cast<uint32_t>(w[i] - '0');
  }
  out = Finding{w.substr(0, colon), line, "load-warning", w.substr(tag + kTag.size())};
  return true;
}

void sort_findings(std::vector<Finding>& f) {
  std::sort(f.begin(), f.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.file, a.line, a.kind, a.message) < std::tie(b.file, b.line, b.kind, b.message);
  });
}

}  // namespace

std::vector<Finding> check_dictionaries(const Dictionaries& dicts, const CheckOptions& options) {
  std::vector<Finding> out;
  internal::Reporter r(dicts, out);
  internal::check_actors(r);
  internal::check_agents(r);
  internal::check_discards(r);
  internal::check_verbs(r, options);
  internal::check_words(r);
  sort_findings(out);
  return out;
}

std::vector<Finding> load_and_check(const DictPaths& paths, const CheckOptions& options) {
  DictOptions load;
  load.allow_private_codes = true;  // every unknown code is reported below, not only the first
  std::vector<Finding> warnings;
  load.on_warning = [&](const std::string& w) {
    Finding f;
    if (parse_warning(w, f)) warnings.push_back(std::move(f));
    else warnings.push_back(Finding{"?", 0, "load-warning", w});
  };
  Dictionaries dicts;
  load_dictionaries(paths, load, dicts);
  std::vector<Finding> out = check_dictionaries(dicts, options);
  out.insert(out.end(), warnings.begin(), warnings.end());
  sort_findings(out);
  return out;
}

}  // namespace parley::dictcheck
