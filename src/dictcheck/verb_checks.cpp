// Verb dictionaries: codes, repeated forms and patterns, synsets that hold
// nothing, verb forms the tagger never makes a verb.
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "cameo/cameo.h"
#include "dictcheck/checks.h"
#include "tokens/lexicon.h"

namespace parley::dictcheck::internal {
namespace {

using LineKey = std::pair<uint32_t, uint32_t>;  // file, line
LineKey key(SourceLoc l) { return {l.file, l.line}; }

class VerbChecker {
 public:
  VerbChecker(Reporter& r, const CheckOptions& o) : r_(r), d_(r.dicts()), v_(r.dicts().verbs), o_(o) {}

  void run() {
    codes();
    forms();
    patterns();
    synsets();
    if (o_.lexicon) closed_class();
  }

 private:
  void code(const Code& c, SourceLoc loc, const std::string& where_in) {
    if (c.empty() || c.is_null() || cameo_lookup(c.view())) return;
    if (!coded_.emplace(key(loc), std::string(c.view())).second) return;
    r_.add(loc, "unknown-event-code", "event code '" + std::string(c.view()) + "' in " + where_in + " is not a CAMEO code");
  }

  void codes() {
    if (o_.allow_private_codes) return;
    for (const VerbBlock& b : v_.blocks) {
      code(b.code, b.loc, "the header of block " + b.name);
      code(b.passive, b.loc, "the header of block " + b.name);
    }
    for (const VerbEntry& f : v_.forms) {
      code(f.code, f.loc, "a verb line");
      code(f.passive, f.loc, "a verb line");
    }
    for (const Pattern& p : v_.patterns) {
      code(p.active, p.loc, "a pattern");
      code(p.passive, p.loc, "a pattern");
    }
    for (const Transformation& t : v_.transformations)
      if (t.code != "Q") code(Code::of(t.code), t.loc, "a transformation");
  }

  // One finding per pair of lines, listing the forms they share (a verb
  // line yields up to four forms: ATTACK ATTACKS ATTACKED ATTACKING).
  void forms() {
    std::map<std::pair<std::vector<uint32_t>, uint32_t>, uint32_t> first;  // words, head -> form
    struct Shared {
      uint32_t earlier = 0, later = 0;  // forms
      std::string list;
    };
    std::map<std::pair<LineKey, LineKey>, Shared> shared;  // (this line, earlier line)
    for (uint32_t i = 0; i < v_.forms.size(); ++i) {
      const VerbEntry& f = v_.forms[i];
      auto [it, fresh] = first.emplace(std::make_pair(f.words, f.head), i);
      if (fresh) continue;
      const VerbEntry& e = v_.forms[it->second];
      if (key(e.loc) == key(f.loc)) continue;
      Shared& s = shared[{key(f.loc), key(e.loc)}];
      s.earlier = it->second;
      s.later = i;
      s.list += (s.list.empty() ? "" : ", ") + phrase_text(d_, f.words, ' ');
    }
    for (const auto& [lines, s] : shared) {
      const VerbEntry &e = v_.forms[s.earlier], &f = v_.forms[s.later];
      const std::string& block = v_.blocks[e.block].name;
      r_.add(f.loc, "duplicate-verb",
             "verb form(s) " + s.list + " already at " + where(d_, e.loc) +
                 (f.block == e.block ? " in the same block " + block
                                     : " in block " + block + " (here: block " + v_.blocks[f.block].name + ")"));
    }
  }

  // Two patterns of one block with identical items (kind, word or synset,
  // '_' joins) match the same sentences with the same score; the earlier
  // always wins the tie.
  void patterns() {
    std::string k;
    for (const VerbBlock& b : v_.blocks) {
      std::map<std::string, uint32_t> first;
      for (uint32_t p : b.patterns) {
        const Pattern& pat = v_.patterns[p];
        k.clear();
        auto add = [&](uint32_t begin, uint32_t count) {
          for (uint32_t i = begin; i < begin + count; ++i) {
            const PatternItem& it = v_.items[i];
            k += std::to_string(it.kind) + ":" + std::to_string(it.id) + (it.joined_prev ? "_" : " ") +
                 (it.underscore_after ? "u" : "") + ";";
          }
        };
        add(pat.pre_begin, pat.pre_count);
        k += pat.verb_joined_prev ? "|_*|" : "|*|";
        add(pat.post_begin, pat.post_count);
        auto [it, fresh] = first.emplace(k, p);
        if (fresh) continue;
        const Pattern& earlier = v_.patterns[it->second];
        bool same_code = earlier.active == pat.active && earlier.passive == pat.passive;
        r_.add(pat.loc, "duplicate-pattern",
               "the same pattern is already at " + where(d_, earlier.loc) + " in block " + b.name +
                   (same_code ? " with the same code" : " with code [" + std::string(earlier.active.view()) + "]") +
                   ": this one can never win");
      }
    }
  }

  void synsets() {
    for (uint32_t s = 0; s < v_.synsets.size(); ++s) {
      if (!v_.synsets[s].phrases.empty()) continue;
      size_t users = 0;
      for (const Pattern& p : v_.patterns)
        for (uint32_t i = p.pre_begin; i < p.pre_begin + p.pre_count + p.post_count; ++i)
          if (v_.items[i].kind == PatternItem::kSynset && v_.items[i].id == s) {
            ++users;
            break;
          }
      r_.add(v_.synsets[s].loc, "empty-synset",
             "synset &" + v_.synsets[s].name + " has no members; " + std::to_string(users) +
                 " pattern(s) using it can never match");
    }
  }

  // The verb finder anchors a form on a verb-group head tagged as a verb (or,
  // for a one-word form, on a noun).  A closed-class word without a verb or
  // noun reading is never tagged either.  Forms whose anchor is not their
  // first word are left alone: the finder also tries the word after the head.
  void closed_class() {
    std::set<std::pair<LineKey, uint32_t>> seen;
    for (const VerbEntry& f : v_.forms) {
      if (f.head != 0) continue;
      std::string_view w = d_.vocab.word(f.words[0]);
      LexInfo info = o_.lexicon->lookup(w);
      if (!(info.flags & kLexClosedClass) || info.has(kPosVerb) || info.has(kPosNoun)) continue;
      if (!seen.emplace(key(f.loc), f.words[0]).second) continue;
      r_.add(f.loc, "closed-class-verb",
             "verb form '" + phrase_text(d_, f.words, ' ') + "': '" + std::string(w) +
                 "' is a closed-class word the tagger never makes a verb or noun");
    }
  }

  Reporter& r_;
  const Dictionaries& d_;
  const VerbDictionary& v_;
  const CheckOptions& o_;
  std::set<std::pair<LineKey, std::string>> coded_;
};

}  // namespace

void check_verbs(Reporter& r, const CheckOptions& options) { VerbChecker(r, options).run(); }

}  // namespace parley::dictcheck::internal
