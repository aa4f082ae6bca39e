// Issue lists (Phoenix.IssueCoding.txt): "phrase [CODE]" lines inside
// <ISSUE ...> ... </ISSUE> wrappers, "~phrase"/"~~phrase" ignore phrases.
// Word prefixes: "n:" adds the plural, "v:" the forms -S/-ED/-ING; "a+b"
// stands for both "a b" and "a-b".  A phrase written without [CODE] takes
// the code of the closest phrase above it that has one.
#include <string>
#include <vector>

#include "dict/readers.h"

namespace parley::dict_internal {
namespace {

constexpr size_t kMaxExpansions = 1024;
// Words in all the phrases one line expands to; Phoenix's largest line
// makes 16 phrases of at most 12 words.
constexpr size_t kMaxExpansionWords = 16384;

bool issue_code_ok(std::string_view code) {
  if (code.empty() || code.size() > 64) return false;
  for (char c : code)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
      return false;
  return true;
}

class IssueReader {
 public:
  explicit IssueReader(const FileContext& cx) : cx_(cx) {}

  void run(std::string_view text) {
    CommentedLines lines(cx_.path, text);
    std::string_view line;
    while (lines.next(line)) {
      line_ = lines.number();
      std::string_view t = trim(line);
      if (t.empty()) continue;
      if (t[0] == '<') {
        if (!(t.starts_with("<ISSUE") || t.starts_with("</ISSUE")) || !t.ends_with('>'))
          cx_.error(line_, "unexpected tag '" + std::string(t) + "', expected <ISSUE ...> or </ISSUE>");
        continue;
      }
      IssueEntry proto;
      proto.loc = cx_.loc(line_);
      std::string_view phrase = t;
      if (t[0] == '~') {
        proto.ignore = true;
        while (phrase.starts_with('~')) phrase.remove_prefix(1);
      } else if (size_t lb = t.find('['); lb != std::string_view::npos) {
        size_t rb = t.find(']', lb);
        if (rb == std::string_view::npos) cx_.error(line_, "unterminated '[' in issue code");
        std::string_view code = trim(t.substr(lb + 1, rb - lb - 1));
        if (!issue_code_ok(code)) cx_.error(line_, "malformed issue code [" + std::string(code) + "]");
        if (!trim(t.substr(rb + 1)).empty())
          cx_.warn(line_, "text '" + std::string(trim(t.substr(rb + 1))) + "' after issue code ignored");
        last_code_ = std::string(code);
        phrase = t.substr(0, lb);
      } else if (last_code_.empty()) {
        cx_.error(line_, "issue phrase without [CODE] and no code above it");
      }
      if (!proto.ignore) proto.code = last_code_;
      add(proto, trim(phrase));
    }
  }

 private:
  // All word sequences a written word stands for.
  void word_variants(std::string_view w, std::vector<std::vector<std::string>>& out) {
    std::vector<std::vector<std::string>> parts;  // per '+'-part, its spellings
    size_t start = 0;
    while (true) {
      size_t plus = w.find('+', start);
      std::string_view part = w.substr(start, plus == std::string_view::npos ? plus : plus - start);
      std::vector<std::string> spellings;
      if (part.starts_with("n:") || part.starts_with("N:")) {
        std::string base = upper_ascii(part.substr(2));
        spellings = {base, plural_of(base)};
      } else if (part.starts_with("v:") || part.starts_with("V:")) {
        std::string base = upper_ascii(part.substr(2));
        std::string forms[3];
        regular_verb_forms(base, forms);
        spellings = {base, forms[0], forms[1], forms[2]};
      } else {
        spellings = {upper_ascii(part)};
      }
      if (!spellings[0].empty()) parts.push_back(std::move(spellings));
      else if (plus != std::string_view::npos || !parts.empty())
        cx_.warn(line_, "empty part of '" + std::string(w) + "' around '+' ignored");
      else
        cx_.error(line_, "empty word in issue phrase '" + std::string(w) + "'");
      if (plus == std::string_view::npos) break;
      start = plus + 1;
    }
    // Every combination of spellings, as separate words and hyphen-joined.
    // Bounded before it is built: "v:a+v:b+v:c+..." has 4^n of them.
    size_t count = 1;
    for (const auto& spellings : parts) {
      count *= spellings.size();
      if (count > kMaxExpansions) cx_.error(line_, "issue word '" + std::string(w) + "' expands to too many phrases");
    }
    if (count * parts.size() > kMaxExpansionWords)
      cx_.error(line_, "issue word '" + std::string(w) + "' expands to too many words");
    for_each_combination(parts, [&](const std::vector<const std::string*>& pick) {
      std::vector<std::string> c;
      c.reserve(pick.size());
      for (const std::string* s : pick) c.push_back(*s);
      std::string joined;
      if (c.size() > 1)
        for (size_t i = 0; i < c.size(); ++i) joined += (i ? "-" : "") + c[i];
      out.push_back(std::move(c));
      if (!joined.empty()) out.push_back({std::move(joined)});
    });
  }

  // Calls visit once per way of picking one item from each list, building
  // each pick in place, so the work is linear in what comes out (the
  // product built list by list copied every partial phrase once per word:
  // fuzz_dict_issues, a 315-byte file took over a second).
  template <class Item, class Visit>
  static void for_each_combination(const std::vector<std::vector<Item>>& lists, Visit visit) {
    std::vector<size_t> digit(lists.size(), 0);
    std::vector<const Item*> pick(lists.size());
    for (const auto& l : lists)
      if (l.empty()) return;
    while (true) {
      for (size_t i = 0; i < lists.size(); ++i) pick[i] = &lists[i][digit[i]];
      visit(pick);
      size_t i = lists.size();
      while (i > 0 && ++digit[i - 1] == lists[i - 1].size()) digit[--i] = 0;
      if (i == 0) return;
    }
  }

  void add(const IssueEntry& proto, std::string_view phrase) {
    std::vector<std::string_view> words;
    split_words(phrase, false, words);
    if (words.empty()) cx_.error(line_, "issue line without a phrase");
    // Checked before the product is built, which could be a million
    // phrases long (fuzz_dict_issues: 85 bytes took 0.7 s and 80 MB).
    // Words are bounded too: 1,000 phrases of 1,000 words is as costly.
    std::vector<std::vector<std::vector<std::string>>> per_word;
    size_t count = 1;
    size_t words_out = 0;  // sum of phrase lengths, for the product so far (small: checked each word)
    for (std::string_view w : words) {
      std::vector<std::vector<std::string>> variants;
      word_variants(w, variants);
      size_t variant_words = 0;
      for (const auto& v : variants) variant_words += v.size();
      words_out = words_out * variants.size() + count * variant_words;
      count *= variants.size();
      if (count > kMaxExpansions) cx_.error(line_, "issue phrase expands to too many phrases");
      if (words_out > kMaxExpansionWords) cx_.error(line_, "issue phrase expands to too many words");
      per_word.push_back(std::move(variants));
    }
    for_each_combination(per_word, [&](const std::vector<const std::vector<std::string>*>& pick) {
      IssueEntry e = proto;
      for (const auto* v : pick)
        for (const std::string& w : *v) e.words.push_back(cx_.dict.vocab.intern(w));
      cx_.dict.issues.push_back(std::move(e));
    });
  }

  const FileContext& cx_;
  uint32_t line_ = 0;
  std::string last_code_;
};

}  // namespace

void read_issues(const FileContext& cx, std::string_view text) { IssueReader(cx).run(text); }

}  // namespace parley::dict_internal
