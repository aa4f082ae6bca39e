// Verb dictionaries (PETRARCH2 CAMEO.2.0.txt and TABARI-style files):
// synonym sets, verb blocks with their verb lines, patterns, transformations.
// Synset names are collected in a first pass so patterns may name sets that
// are defined further down (TABARI files define them between blocks).
#include <string>
#include <vector>

#include "dict/readers.h"
#include "dict/verb_patterns.h"

namespace parley::dict_internal {
namespace {

std::string synset_key(std::string_view name) {
  while (name.ends_with('_')) name.remove_suffix(1);
  return upper_ascii(name);
}

class VerbReader {
 public:
  VerbReader(const FileContext& cx) : cx_(cx), v_(cx.dict.verbs) {}

  void run(std::string_view text) {
    declare_synsets(text);
    CommentedLines lines(cx_.path, text);
    std::string_view line;
    while (lines.next(line)) {
      line_ = lines.number();
      std::string_view t = trim(line);
      if (t.empty()) continue;
      if (t.starts_with("---")) block_header(t);
      else if (t[0] == '-') pattern(t.substr(1));
      else if (t[0] == '&') start_synset(t);
      else if (t[0] == '+' && state_ == kSynset) member(t.substr(1));
      else if (t[0] == '~') transformation(t.substr(1));
      else verb_line(t);
    }
    for (size_t i = 0; i < pending_.size(); ++i) expand_synset(i);
  }

 private:
  enum State { kNone, kSynset, kBlock };
  struct RawMember {
    std::string text;
    uint32_t line;
  };
  struct PendingSynset {
    uint32_t index;
    bool no_plural;
    std::vector<RawMember> members;
    int state = 0;  // 0 pending, 1 expanding, 2 done
  };

  // First pass: every "&NAME" line declares a set; duplicates are errors.
  void declare_synsets(std::string_view text) {
    CommentedLines lines(cx_.path, text);
    std::string_view line;
    while (lines.next(line)) {
      std::string_view t = trim(line);
      if (t.empty() || t[0] != '&') continue;
      std::string_view name = t.substr(1);
      if (name.empty()) cx_.error(lines.number(), "synset line '&' without a name");
      for (char c : name)
        if (is_space(c) || c == '&' || c == '[' || c == '{' || c == '(')
          cx_.error(lines.number(), "bad synset name '" + std::string(t) + "'");
      std::string key = synset_key(name);
      if (key.empty()) cx_.error(lines.number(), "bad synset name '" + std::string(t) + "'");
      auto [it, fresh] = v_.synset_index.emplace(key, static_cast<uint32_t>(v_.synsets.size()));
      if (!fresh) {
        const Synset& old = v_.synsets[it->second];
        cx_.error(lines.number(), "synset &" + key + " already defined at " + cx_.dict.where(old.loc));
      }
      Synset s;
      s.name = key;
      s.loc = cx_.loc(lines.number());
      v_.synsets.push_back(std::move(s));
      pending_.push_back(PendingSynset{it->second, name.ends_with('_'), {}});
      pending_by_index_.emplace(it->second, pending_.size() - 1);
    }
  }

  void start_synset(std::string_view t) {
    current_synset_ = pending_by_index_.at(v_.synset_index.at(synset_key(t.substr(1))));
    state_ = kSynset;
  }

  void member(std::string_view text) {
    text = trim(text);
    if (text.empty()) cx_.error(line_, "empty synset member '+'");
    pending_[current_synset_].members.push_back({std::string(text), line_});
  }

  // Members are expanded after the whole file is read, so "+&OTHER" may name
  // a set defined later; cycles are errors.
  void expand_synset(size_t p) {
    PendingSynset& ps = pending_[p];
    if (ps.state == 2) return;
    if (ps.state == 1)
      cx_.error(v_.synsets[ps.index].loc.line, "synset &" + v_.synsets[ps.index].name + " contains itself");
    ps.state = 1;
    std::vector<std::vector<uint32_t>> phrases;
    std::vector<std::string_view> words;
    for (const RawMember& m : ps.members) {
      if (m.text[0] == '&') {
        auto it = v_.synset_index.find(synset_key(std::string_view(m.text).substr(1)));
        if (it == v_.synset_index.end())
          cx_.error(m.line, "synset member names undefined synset '" + m.text + "'");
        auto local = pending_by_index_.find(it->second);
        if (local != pending_by_index_.end()) expand_synset(local->second);
        const auto& inner = v_.synsets[it->second].phrases;
        phrases.insert(phrases.end(), inner.begin(), inner.end());
        continue;
      }
      split_words(m.text, true, words);
      if (words.empty()) cx_.error(m.line, "empty synset member '+" + m.text + "'");
      std::vector<uint32_t> ids;
      for (std::string_view w : words) ids.push_back(intern_upper(cx_.dict.vocab, w));
      bool plural = !ps.no_plural && !m.text.ends_with('_');
      if (plural) {
        std::vector<uint32_t> pl = ids;
        pl.back() = cx_.dict.vocab.intern(plural_of(upper_ascii(words.back())));
        phrases.push_back(std::move(ids));
        phrases.push_back(std::move(pl));
      } else {
        phrases.push_back(std::move(ids));
      }
    }
    v_.synsets[ps.index].phrases = std::move(phrases);
    ps.state = 2;
  }

  // "--- NAME [CODE] ---"; the trailing dashes are optional.
  void block_header(std::string_view t) {
    std::string_view rest = t.substr(3);
    size_t lb = rest.find('[');
    if (lb == std::string_view::npos) cx_.error(line_, "block header has no [CODE]: '" + std::string(t) + "'");
    std::string_view name = trim(rest.substr(0, lb));
    if (name.empty()) cx_.error(line_, "block header has no verb name");
    size_t rb = rest.find(']', lb);
    if (rb == std::string_view::npos) cx_.error(line_, "unterminated '[' in block header");
    ParsedCode code = parse_event_code(rest.substr(lb + 1, rb - lb - 1), cx_.dict.options.allow_private_codes);
    report_code_error(code, rest.substr(lb, rb - lb + 1), false);
    std::string_view tail = trim(rest.substr(rb + 1));
    if (tail.starts_with('[')) {
      cx_.warn(line_, "second code '" + std::string(tail.substr(0, tail.find(']') + 1)) +
                          "' in block header ignored");
      tail = {};
    }
    for (char c : tail)
      if (c != '-' && !is_space(c)) cx_.error(line_, "unexpected text after block code: '" + std::string(tail) + "'");
    VerbBlock b;
    b.name = upper_ascii(name);
    b.code = code.active;
    b.passive = code.passive;
    b.loc = cx_.loc(line_);
    block_ = static_cast<int64_t>(v_.blocks.size());
    v_.blocks.push_back(std::move(b));
    state_ = kBlock;
  }

  // Errors for unknown codes, and for bad syntax unless `warn_bad`.  Returns
  // false when the entry must be skipped.
  bool report_code_error(const ParsedCode& code, std::string_view written, bool warn_bad) {
    if (code.unknown) cx_.error(line_, "unknown CAMEO code '" + code.bad + "' in " + std::string(written));
    if (!code.bad_syntax) return true;
    std::string what = "malformed code " + std::string(written);
    if (!warn_bad) cx_.error(line_, what);
    cx_.warn(line_, what + ": pattern skipped");
    return false;
  }

  void require_block(const char* what) {
    if (block_ < 0) cx_.error(line_, std::string(what) + " before the first verb block '--- NAME [CODE] ---'");
    state_ = kBlock;
  }

  void pattern(std::string_view body) {
    require_block("pattern");
    size_t lb = body.find('[');
    if (lb == std::string_view::npos) cx_.error(line_, "pattern has no [CODE]");
    size_t rb = body.find(']', lb);
    if (rb == std::string_view::npos) cx_.error(line_, "unterminated '[' in pattern code");
    if (!trim(body.substr(rb + 1)).empty())
      cx_.error(line_, "unexpected text after pattern code: '" + std::string(trim(body.substr(rb + 1))) + "'");
    ParsedCode code = parse_event_code(body.substr(lb + 1, rb - lb - 1), cx_.dict.options.allow_private_codes);
    if (!report_code_error(code, body.substr(lb, rb - lb + 1), true)) return;
    std::string problem;
    PatternItems parsed;
    PatternParse r = pattern_parser_.parse(body.substr(0, lb), v_.synset_index, cx_.dict.vocab, parsed, problem);
    if (r == PatternParse::kError) cx_.error(line_, problem);
    if (r == PatternParse::kSkip) {
      cx_.warn(line_, problem + ": pattern skipped");
      return;
    }
    Pattern p;
    p.block = static_cast<uint32_t>(block_);
    p.pre_begin = static_cast<uint32_t>(v_.items.size());
    p.pre_count = static_cast<uint32_t>(parsed.pre.size());
    v_.items.insert(v_.items.end(), parsed.pre.begin(), parsed.pre.end());
    p.post_begin = static_cast<uint32_t>(v_.items.size());
    p.post_count = static_cast<uint32_t>(parsed.post.size());
    v_.items.insert(v_.items.end(), parsed.post.begin(), parsed.post.end());
    p.verb_joined_prev = parsed.verb_joined_prev;
    p.active = code.active;
    p.passive = code.passive;
    p.loc = cx_.loc(line_);
    v_.blocks[block_].patterns.push_back(static_cast<uint32_t>(v_.patterns.size()));
    v_.patterns.push_back(p);
  }

  // "VERB", "VERB {IRREG ...}", "+MULTI_WORD {...}", "WIRE_+TAP", each with an
  // optional [CODE].
  void verb_line(std::string_view t) {
    require_block("verb line");
    t = trim(t.substr(0, t.find(';')));  // TABARI's ';' comment, e.g. "RIP {...};shan 7/11/93"
    size_t brace = t.find('{');
    size_t bracket = t.find('[');
    size_t main_end = std::min(brace, bracket);
    std::string_view main = trim(t.substr(0, main_end));
    if (main.empty()) cx_.error(line_, "verb line without a verb: '" + std::string(t) + "'");
    std::string_view irregular;
    bool has_braces = false;
    size_t after = main_end;
    if (brace != std::string_view::npos && brace < bracket) {
      size_t close = t.find('}', brace);
      if (close == std::string_view::npos) cx_.error(line_, "unterminated '{' in verb line");
      irregular = t.substr(brace + 1, close - brace - 1);
      has_braces = true;
      after = close + 1;
      bracket = t.find('[', after);
    }
    ParsedCode code;
    if (bracket != std::string_view::npos) {
      if (!trim(t.substr(after, bracket - after)).empty())
        cx_.error(line_, "unexpected text in verb line: '" + std::string(t) + "'");
      size_t rb = t.find(']', bracket);
      if (rb == std::string_view::npos) cx_.error(line_, "unterminated '[' in verb line");
      code = parse_event_code(t.substr(bracket + 1, rb - bracket - 1), cx_.dict.options.allow_private_codes);
      report_code_error(code, t.substr(bracket, rb - bracket + 1), false);
      after = rb + 1;
    }
    if (!trim(t.substr(std::min(after, t.size()))).empty())
      cx_.error(line_, "unexpected text in verb line: '" + std::string(t) + "'");

    VerbPhrase base = parse_verb_phrase(main, 0);
    forms_.clear();
    forms_.push_back(base);
    if (!has_braces || !trim(irregular).empty()) {
      std::string regular[3];
      regular_verb_forms(base.words[base.head], regular);
      for (std::string& r : regular) {
        VerbPhrase f = base;
        f.words[f.head] = std::move(r);
        forms_.push_back(std::move(f));
      }
    }
    std::vector<std::string_view> irregulars;
    split_words(irregular, false, irregulars);
    for (std::string_view w : irregulars) forms_.push_back(parse_verb_phrase(w, base.head));

    for (size_t i = 0; i < forms_.size(); ++i) {
      bool seen = false;
      for (size_t j = 0; j < i && !seen; ++j) seen = forms_[j].words == forms_[i].words;
      if (seen) continue;
      VerbEntry f;
      for (const std::string& w : forms_[i].words) f.words.push_back(cx_.dict.vocab.intern(w));
      f.head = forms_[i].head;
      f.block = static_cast<uint32_t>(block_);
      f.code = code.active;
      f.passive = code.passive;
      f.loc = cx_.loc(line_);
      v_.forms_by_anchor[f.words[f.head]].push_back(static_cast<uint32_t>(v_.forms.size()));
      v_.forms.push_back(std::move(f));
    }
  }

  struct VerbPhrase {
    std::vector<std::string> words;  // upper case
    uint32_t head = 0;
  };

  // Words joined by '_' or blanks; '+' marks the inflected word (default: the
  // first, or `default_head` for an irregular form of a multi-word verb).
  VerbPhrase parse_verb_phrase(std::string_view text, uint32_t default_head) {
    std::vector<std::string_view> words;
    split_words(text, true, words);
    VerbPhrase p;
    bool marked = false;
    for (std::string_view w : words) {
      if (w[0] == '+') {
        if (marked) cx_.error(line_, "verb '" + std::string(text) + "' marks two words with '+'");
        w.remove_prefix(1);
        if (w.empty()) cx_.error(line_, "'+' without a word in verb '" + std::string(text) + "'");
        marked = true;
        p.head = static_cast<uint32_t>(p.words.size());
      }
      if (w.find_first_of("[]{}()&*") != std::string_view::npos)
        cx_.error(line_, "bad character in verb '" + std::string(text) + "'");
      p.words.push_back(upper_ascii(w));
    }
    if (p.words.empty()) cx_.error(line_, "empty verb form in '" + std::string(text) + "'");
    if (!marked && default_head < p.words.size()) p.head = default_head;
    return p;
  }

  // "~ a (b c VERB2) VERB1 = x y CODE"
  void transformation(std::string_view body) {
    std::string spaced;
    for (char c : body) {
      if (c == '(' || c == ')') (spaced += ' ') += c, spaced += ' ';
      else spaced += c;
    }
    std::vector<std::string_view> tok;
    split_words(spaced, false, tok);
    auto role = [](std::string_view s) {
      return s.size() == 1 && (s[0] == '.' || s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'));
    };
    bool ok = tok.size() == 11 && role(tok[0]) && tok[1] == "(" && role(tok[2]) && role(tok[3]) &&
              tok[5] == ")" && tok[7] == "=" && role(tok[8]) && role(tok[9]);
    if (!ok) cx_.error(line_, "malformed transformation, expected '~ a (b c VERB2) VERB1 = x y CODE'");
    std::string_view code = tok[10];
    if (code != "Q") {
      CodeCheck c = check_event_code(code, cx_.dict.options.allow_private_codes);
      if (c == CodeCheck::kBadSyntax) cx_.error(line_, "malformed code '" + std::string(code) + "' in transformation");
      if (c == CodeCheck::kUnknown) cx_.error(line_, "unknown CAMEO code '" + std::string(code) + "' in transformation");
    }
    Transformation tr;
    tr.text = "~" + std::string(body);
    tr.upper_source = tok[0][0];
    tr.lower_source = tok[2][0];
    tr.lower_target = tok[3][0];
    tr.verb2 = upper_ascii(tok[4]);
    tr.verb1 = upper_ascii(tok[6]);
    tr.out_source = tok[8][0];
    tr.out_target = tok[9][0];
    tr.code = std::string(code);
    tr.loc = cx_.loc(line_);
    v_.transformations.push_back(std::move(tr));
  }

  const FileContext& cx_;
  VerbDictionary& v_;
  State state_ = kNone;
  int64_t block_ = -1;
  uint32_t line_ = 0;
  size_t current_synset_ = 0;
  std::vector<PendingSynset> pending_;
  PatternParser pattern_parser_;
  std::unordered_map<uint32_t, size_t> pending_by_index_;
  std::vector<VerbPhrase> forms_;
};

}  // namespace

void read_verbs(const FileContext& cx, std::string_view text) { VerbReader(cx).run(text); }

}  // namespace parley::dict_internal
