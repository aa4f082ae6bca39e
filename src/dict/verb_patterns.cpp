#include "dict/verb_patterns.h"

#include "dict/text_lines.h"

namespace parley::dict_internal {
namespace {

using Lexeme = PatternParser::Lexeme;

bool is_single(char c) { return c == '*' || c == '(' || c == ')' || c == '{' || c == '}'; }

void lex(std::string_view body, std::vector<Lexeme>& out) {
  out.clear();
  size_t i = 0;
  bool saw_underscore = false, saw_space = false, underscore_first = false;
  while (i < body.size()) {
    char c = body[i];
    if (is_space(c) || c == '_') {
      if (c == '_' && !saw_underscore && !saw_space) underscore_first = true;
      (c == '_' ? saw_underscore : saw_space) = true;
      ++i;
      continue;
    }
    size_t b = i;
    if (is_single(c)) {
      ++i;
    } else {
      while (i < body.size() && !is_space(body[i]) && body[i] != '_' && !is_single(body[i])) ++i;
    }
    if (!out.empty() && underscore_first && saw_space) out.back().underscore_after = true;
    out.push_back(Lexeme{body.substr(b, i - b), saw_underscore && !saw_space, false});
    saw_underscore = saw_space = underscore_first = false;
  }
  if (!out.empty() && underscore_first) out.back().underscore_after = true;
}

}  // namespace

PatternParse PatternParser::parse(std::string_view body,
                                  const std::unordered_map<std::string, uint32_t>& synset_index,
                                  Vocabulary& vocab, PatternItems& out, std::string& problem) {
  std::vector<Lexeme>& lexemes = lexemes_;
  lex(body, lexemes);
  out = PatternItems{};
  bool seen_verb = false;
  std::string brackets;  // open '(' / '{' in order
  auto items = [&]() -> std::vector<PatternItem>& { return seen_verb ? out.post : out.pre; };

  for (size_t k = 0; k < lexemes.size(); ++k) {
    const Lexeme& lx = lexemes[k];
    std::string_view t = lx.text;
    PatternItem item;
    item.joined_prev = lx.joined;
    item.underscore_after = lx.underscore_after;
    if (t == "*") {
      if (seen_verb) {
        problem = "pattern has two '*'";
        return PatternParse::kError;
      }
      seen_verb = true;
      out.verb_joined_prev = lx.joined;
      continue;
    }
    if (t.size() == 1 && (t[0] == '$' || t[0] == '+' || t[0] == '^' || t[0] == '%')) {
      item.kind = t[0] == '$' ? PatternItem::kSource
                  : t[0] == '+' ? PatternItem::kTarget
                  : t[0] == '^' ? PatternItem::kSkipActor
                                : PatternItem::kCompound;
    } else if (t == "(" || t == "{") {
      if (!brackets.empty() && (t == "(" || brackets.back() == '{')) {
        problem = "nested '" + std::string(t) + "' in pattern";
        return PatternParse::kSkip;
      }
      brackets += t[0];
      item.kind = t == "(" ? PatternItem::kPrepOpen : PatternItem::kNounOpen;
    } else if (t == ")" || t == "}") {
      char open = t == ")" ? '(' : '{';
      if (brackets.empty() || brackets.back() != open) {
        problem = "unbalanced '" + std::string(t) + "' in pattern";
        return PatternParse::kSkip;
      }
      brackets.pop_back();
      item.kind = t == ")" ? PatternItem::kPrepClose : PatternItem::kNounClose;
    } else if (t[0] == '&') {
      // Longest defined name over the following '_'-joined plain words.
      std::string name = upper_ascii(t.substr(1));
      if (name.empty()) {
        problem = "'&' without a synset name in pattern";
        return PatternParse::kError;
      }
      std::string candidate = name;
      size_t best = synset_index.count(name) ? k : SIZE_MAX;
      for (size_t j = k + 1; j < lexemes.size() && lexemes[j].joined; ++j) {
        std::string_view w = lexemes[j].text;
        if (is_single(w[0]) || w[0] == '&' || w.size() == 1) break;
        candidate += '_';
        candidate += upper_ascii(w);
        if (synset_index.count(candidate)) {
          best = j;
          name = candidate;
        }
      }
      if (best == SIZE_MAX) {
        problem = "undefined synset &" + upper_ascii(t.substr(1));
        return PatternParse::kSkip;
      }
      item.kind = PatternItem::kSynset;
      item.id = synset_index.at(name);
      item.underscore_after = lexemes[best].underscore_after;
      k = best;
    } else {
      item.kind = PatternItem::kWord;
      item.id = intern_upper(vocab, t);
    }
    items().push_back(item);
  }
  if (!brackets.empty()) {
    problem = std::string("unclosed '") + brackets.back() + "' in pattern";
    return PatternParse::kSkip;
  }
  if (!seen_verb) {
    problem = "pattern has no '*' for the verb";
    return PatternParse::kError;
  }
  return PatternParse::kOk;
}

}  // namespace parley::dict_internal
