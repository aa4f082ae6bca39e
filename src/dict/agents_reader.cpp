// Agent dictionaries (Phoenix.agents.txt): "PHRASE {PLURAL} [~CODE]" lines and
// "!NAME! = A, B" substitution sets used as "X!NAME!".
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "dict/readers.h"

namespace parley::dict_internal {
namespace {

constexpr size_t kMaxExpansions = 4096;

class AgentReader {
 public:
  explicit AgentReader(const FileContext& cx) : cx_(cx) {}

  void run(std::string_view text) {
    CommentedLines lines(cx_.path, text);
    std::string_view line;
    while (lines.next(line)) {
      line_ = lines.number();
      std::string_view t = trim(line);
      if (t.empty()) continue;
      if (t[0] == '!' && t.find('=') != std::string_view::npos && t.find('[') == std::string_view::npos)
        substitution_set(t);
      else
        entry(t);
    }
  }

 private:
  void substitution_set(std::string_view t) {
    size_t eq = t.find('=');
    std::string_view name = trim(t.substr(0, eq));
    if (name.size() < 3 || name.back() != '!' || name.find('!', 1) != name.size() - 1)
      cx_.error(line_, "malformed substitution set name '" + std::string(name) + "', expected !NAME!");
    std::vector<std::string> members;
    std::string_view rest = t.substr(eq + 1);
    while (true) {
      size_t comma = rest.find(',');
      std::string_view m = trim(rest.substr(0, comma));
      if (m.empty()) cx_.error(line_, "empty member in substitution set " + std::string(name));
      members.push_back(upper_ascii(m));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    sets_[upper_ascii(name)] = std::move(members);
  }

  void entry(std::string_view t) {
    size_t lb = t.find('[');
    if (lb == std::string_view::npos) {  // PETRARCH2 skips such lines too
      cx_.warn(line_, "agent entry '" + std::string(t) + "' has no [CODE]: entry skipped");
      return;
    }
    size_t rb = t.find(']', lb);
    if (rb == std::string_view::npos) {
      if (t.find('}', lb) != std::string_view::npos) {
        cx_.warn(line_, "agent code " + std::string(t.substr(lb)) + " closed by '}' instead of ']': entry skipped");
        return;
      }
      cx_.error(line_, "unterminated '[' in agent code");
    }
    if (!trim(t.substr(rb + 1)).empty())
      cx_.error(line_, "unexpected text after agent code: '" + std::string(trim(t.substr(rb + 1))) + "'");
    std::string_view code = trim(t.substr(lb + 1, rb - lb - 1));
    AgentEntry proto;
    if (code.starts_with('~')) {
      code.remove_prefix(1);
    } else if (code.ends_with('~')) {
      code.remove_suffix(1);
      proto.prefix = true;
    } else {
      cx_.error(line_, "agent code [" + std::string(code) + "] must be ~CODE (suffix) or CODE~ (prefix)");
    }
    if (!code_chars_ok(code, 15)) cx_.error(line_, "malformed agent code [" + std::string(t.substr(lb + 1, rb - lb - 1)) + "]");
    proto.code = std::string(code);
    proto.loc = cx_.loc(line_);

    std::string_view head = t.substr(0, lb);
    std::string_view phrase = head, plurals;
    bool has_braces = false;
    if (size_t brace = head.find('{'); brace != std::string_view::npos) {
      size_t close = head.find('}', brace);
      if (close == std::string_view::npos) cx_.error(line_, "unterminated '{' in agent entry");
      if (!trim(head.substr(close + 1)).empty()) cx_.error(line_, "unexpected text between '}' and '['");
      phrase = head.substr(0, brace);
      plurals = head.substr(brace + 1, close - brace - 1);
      has_braces = true;
    }
    phrase = trim(phrase);
    if (phrase.empty()) cx_.error(line_, "agent entry without a phrase");

    bool substituted = phrase.find('!') != std::string_view::npos;
    std::vector<std::string> variants;
    expand(upper_ascii(phrase), variants);
    for (const std::string& v : variants) {
      add(proto, v, false);
      if (substituted || has_braces) continue;
      add(proto, v, true);
    }
    std::vector<std::string_view> pl;
    split_words(plurals, false, pl);
    for (std::string_view p : pl) {
      std::vector<std::string> pv;
      expand(upper_ascii(p), pv);
      for (const std::string& v : pv) add(proto, v, false);
    }
  }

  // Replaces every !NAME! by each member of its set.  Members are literal
  // text: the search goes on after the member put in, so a member that
  // contains "!NAME!" itself is not expanded again (a set naming itself had
  // recursed without end, growing the phrase until memory ran out).
  void expand(const std::string& phrase, std::vector<std::string>& out, size_t from = 0) {
    size_t open = phrase.find('!', from);
    if (open == std::string::npos) {
      out.push_back(phrase);
      return;
    }
    size_t close = phrase.find('!', open + 1);
    if (close == std::string::npos) cx_.error(line_, "unterminated substitution '!' in '" + phrase + "'");
    std::string name = phrase.substr(open, close - open + 1);
    auto it = sets_.find(name);
    if (it == sets_.end()) cx_.error(line_, "undefined substitution set " + name);
    for (const std::string& m : it->second) {
      expand(phrase.substr(0, open) + m + phrase.substr(close + 1), out, open + m.size());
      if (out.size() > kMaxExpansions) cx_.error(line_, "substitution sets expand to too many phrases");
    }
  }

  void add(const AgentEntry& proto, const std::string& phrase, bool plural) {
    split_words(phrase, true, words_);
    if (words_.empty()) cx_.error(line_, "agent entry without a phrase");
    AgentEntry e = proto;
    for (std::string_view w : words_) e.words.push_back(cx_.dict.vocab.intern(w));
    if (plural) e.words.back() = cx_.dict.vocab.intern(plural_of(words_.back()));
    cx_.dict.agents.entries.push_back(std::move(e));
  }

  const FileContext& cx_;
  uint32_t line_ = 0;
  std::unordered_map<std::string, std::vector<std::string>> sets_;  // per file
  std::vector<std::string_view> words_;
};

}  // namespace

void read_agents(const FileContext& cx, std::string_view text) { AgentReader(cx).run(text); }

void finish_agents(Dictionaries& dict) {
  AgentDictionary& a = dict.agents;
  a.entries_by_first.clear();
  for (uint32_t i = 0; i < a.entries.size(); ++i) a.entries_by_first[a.entries[i].words[0]].push_back(i);
  for (auto& [word, list] : a.entries_by_first)
    std::stable_sort(list.begin(), list.end(), [&](uint32_t x, uint32_t y) {
      return a.entries[x].words.size() > a.entries[y].words.size();
    });
}

}  // namespace parley::dict_internal
