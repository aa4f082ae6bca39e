// never-matches: dictionary words the tokenizer can never produce.  Token
// forms are normalised (tokens/normalize.h: upper-case ASCII, diacritics
// folded, curly quotes made straight) and a word token holds only letters,
// digits and the inner marks of U.S., war-torn, O'Brien, AT&T and 1,000
// (tokens/scanner.cpp); every other mark is a token of its own.
#include <set>
#include <string>
#include <tuple>

#include "dictcheck/checks.h"
#include "text/utf8.h"
#include "tokens/normalize.h"

namespace parley::dictcheck {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if (c != prefix[i]) return false;
  }
  return true;
}

// A token made of one mark: a single character, "--", "...", "``", "''".
bool punctuation_token(std::string_view w) {
  if (w.size() == 1) return !(w[0] >= 'a' && w[0] <= 'z');
  return w.find_first_not_of(w[0]) == std::string_view::npos && (w[0] == '-' || w[0] == '.' || w[0] == '`' || w[0] == '\'');
}

}  // namespace

char32_t impossible_char(std::string_view w) {
  if (w.empty() || punctuation_token(w)) return 0;
  // URLs and e-mail addresses are single tokens whatever they contain.
  if (starts_with_ci(w, "HTTP://") || starts_with_ci(w, "HTTPS://") || starts_with_ci(w, "WWW.") ||
      w.find('@') != std::string_view::npos)
    return 0;
  std::string folded;
  const char* p = w.data();
  const char* end = p + w.size();
  while (p < end) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x80) {
      Utf8Char u = decode_utf8(p, end);
      folded.clear();
      append_normalized(folded, std::string_view(p, u.len));
      if (folded != std::string_view(p, u.len)) return u.cp;  // lower case, accent, curly quote, dash
      p += u.len;
      continue;
    }
    size_t i = static_cast<size_t>(p - w.data());
    bool ok = (c >= 'A' && c <= 'Z') || digit(static_cast<char>(c)) || c == '-' || c == '.' || c == '\'' || c == '&';
    if (!ok && (c == ',' || c == ':' || c == '/'))  // 1,000  10:30  9/11
      ok = i > 0 && i + 1 < w.size() && digit(w[i - 1]) && digit(w[i + 1]);
    if (!ok) return c;
    ++p;
  }
  return 0;
}

namespace internal {
namespace {

std::string show(char32_t cp) {
  std::string s;
  append_utf8(s, cp);
  return "'" + s + "'";
}

class WordChecker {
 public:
  explicit WordChecker(Reporter& r) : r_(r), d_(r.dicts()) {}

  void words(const std::vector<uint32_t>& ids, SourceLoc loc, const char* what) {
    for (uint32_t id : ids) {
      std::string_view w = d_.vocab.word(id);
      char32_t bad = impossible_char(w);
      // Once per line and character: an agent line also yields its plural.
      if (bad && seen_.emplace(loc.file, loc.line, bad).second)
        r_.add(loc, "never-matches",
               std::string(what) + " word '" + std::string(w) + "' contains " + show(bad) +
                   ", which the tokenizer never puts inside a token");
    }
  }

 private:
  Reporter& r_;
  const Dictionaries& d_;
  std::set<std::tuple<uint32_t, uint32_t, char32_t>> seen_;  // file, line, character
};

}  // namespace

void check_words(Reporter& r) {
  const Dictionaries& d = r.dicts();
  WordChecker c(r);
  for (const ActorPhrase& p : d.actors.phrases) c.words(p.words, p.loc, "actor");
  for (const ActorRepeat& rep : d.actors.repeats) c.words(d.actors.phrases[rep.phrase].words, rep.loc, "actor");
  for (const AgentEntry& e : d.agents.entries) c.words(e.words, e.loc, "agent");
  for (const DiscardEntry& e : d.discards) c.words(e.words, e.loc, "discard");
  for (const IssueEntry& e : d.issues) c.words(e.words, e.loc, "issue");
  for (const VerbEntry& f : d.verbs.forms) c.words(f.words, f.loc, "verb");
  for (const Synset& s : d.verbs.synsets)
    for (const auto& phrase : s.phrases) c.words(phrase, s.loc, "synset");
  std::vector<uint32_t> ids;
  for (const Pattern& p : d.verbs.patterns) {
    ids.clear();
    for (uint32_t i = 0; i < p.pre_count + p.post_count; ++i) {
      const PatternItem& item = d.verbs.items[p.pre_begin + i];
      if (item.kind == PatternItem::kWord) ids.push_back(item.id);
    }
    c.words(ids, p.loc, "pattern");
  }
}

}  // namespace internal
}  // namespace parley::dictcheck
