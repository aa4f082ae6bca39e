// Training the averaged perceptron (perceptron.h) from ../shared.
//
// Data: every Brown file (c[a-r]NN, tags mapped below), UD EWT dev and UD PUD
// (UPOS mapped as tools/tagger_eval.py documents).  EWT test is never read
// here: it is what the model is measured on.
#include "syntax/perceptron_train.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <unordered_map>

#include "syntax/perceptron.h"
#include "tokens/lexicon.h"

namespace parley {
namespace {

bool lower_eq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  return true;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

Tag map_ud(std::string_view form, std::string_view upos, std::string_view xpos, std::string_view feats) {
  const bool rel = feats.find("PronType=Rel") != std::string_view::npos;
  if (upos == "PRON") return xpos == "PRP$" ? Tag::kDet : rel ? Tag::kRelPron : Tag::kPronoun;
  if (upos == "DET") return rel ? Tag::kRelPron : Tag::kDet;
  if (upos == "PART") {
    return lower_eq(form, "not") || lower_eq(form, "n't") || lower_eq(form, "never") || lower_eq(form, "nt") ||
                   form == "n\xE2\x80\x99t"
               ? Tag::kAdv
               : Tag::kParticle;
  }
  if (upos == "PUNCT") return perceptron::is_quote(form) ? Tag::kQuote : Tag::kPunct;
  if (upos == "NOUN" || upos == "X") return Tag::kNoun;
  if (upos == "PROPN") return Tag::kProper;
  if (upos == "VERB") return Tag::kVerb;
  if (upos == "AUX") return Tag::kAux;
  if (upos == "ADJ") return Tag::kAdj;
  if (upos == "ADV" || upos == "INTJ") return Tag::kAdv;
  if (upos == "NUM") return Tag::kNum;
  if (upos == "ADP") return Tag::kPrep;
  if (upos == "CCONJ") return Tag::kConj;
  if (upos == "SCONJ") return Tag::kSubConj;
  if (upos == "SYM") return Tag::kPunct;
  return Tag::kNoun;
}

// A Brown tag (one part of a '+' tag, without fw-/-tl/-hl/-nc) to parley's.
// hv*/do* are settled by context in fix_brown_aux(); here they are kAux.
Tag map_brown(std::string_view t, std::string_view word, bool title) {
  auto is = [&](std::initializer_list<const char*> l) {
    for (const char* x : l)
      if (t == x) return true;
    return false;
  };
  // Capitalised adverbial nouns are the days of the week (Friday/nr): UD PROPN.
  if ((t == "nr" || t == "nr$" || t == "nrs") && !word.empty() && std::isupper(static_cast<unsigned char>(word[0])))
    return Tag::kProper;
  if (is({"nn", "nns", "nr", "nrs", "nn$", "nns$", "nr$", "nil"})) return title ? Tag::kProper : Tag::kNoun;
  if (is({"np", "nps", "np$", "nps$"})) return Tag::kProper;
  if (is({"vb", "vbd", "vbn", "vbg", "vbz"})) return Tag::kVerb;
  if (t.substr(0, 2) == "be" || t.substr(0, 2) == "hv" || t.substr(0, 2) == "do" || t == "md") return Tag::kAux;
  if (is({"jj", "jjr", "jjs", "jjt", "od", "ap", "jj$", "ap$"})) return Tag::kAdj;
  if (is({"rb", "rbr", "rbt", "rn", "wrb", "ql", "qlp", "wql", "*", "uh", "rb$", "abl"})) return Tag::kAdv;
  if (t == "rp") return Tag::kPrep;
  if (is({"at", "dt", "dti", "dts", "dtx", "abn", "abx", "pp$", "dt$"})) return Tag::kDet;
  if (is({"pps", "ppss", "ppo", "ppl", "ppls", "pn", "pn$", "ex", "pp$$"})) return Tag::kPronoun;
  if (is({"wps", "wpo", "wdt", "wp$"})) {
    if (lower_eq(word, "what") || lower_eq(word, "whatever") || lower_eq(word, "whoever")) return Tag::kPronoun;
    return Tag::kRelPron;
  }
  if (t == "in") return Tag::kPrep;
  if (t == "cs") return Tag::kSubConj;
  if (t == "cc") return Tag::kConj;
  if (t == "to") return Tag::kParticle;
  if (t == "cd" || t == "cd$") return Tag::kNum;
  if (t == "``" || t == "''" || t == "'") return Tag::kQuote;
  if (is({".", ",", ":", "(", ")", "--", ";"})) return Tag::kPunct;
  return Tag::kUnknown;
}

struct BrownTok {
  std::string word;
  std::string base;  // Brown base tag
  Tag tag;
  bool title = false;  // -tl: part of a title or name
};

std::string strip_brown(std::string_view t, bool& title) {
  if (t.substr(0, 3) == "fw-") t.remove_prefix(3);
  title = false;
  while (true) {
    if (t.size() > 3 && (t.substr(t.size() - 3) == "-tl" || t.substr(t.size() - 3) == "-hl" || t.substr(t.size() - 3) == "-nc")) {
      if (t.substr(t.size() - 3) == "-tl") title = true;
      t.remove_suffix(3);
    } else {
      break;
    }
  }
  return std::string(t);
}

// Splits one Brown token into parley-style tokens; false when it cannot.
bool convert_brown(std::string_view word, std::string_view tagfull, bool split_hyphens, std::vector<BrownTok>& out) {
  bool title = false;
  std::string tag = strip_brown(tagfull, title);
  auto one = [&](std::string_view w, std::string_view t) {
    std::string base(t);
    Tag g = map_brown(base, w, title);
    if (g == Tag::kUnknown) return false;
    if (g == Tag::kProper && !w.empty() && !std::isupper(static_cast<unsigned char>(w[0])) && title) g = Tag::kNoun;
    out.push_back({std::string(w), base, g, title});
    return true;
  };
  if (tag.find('+') != std::string::npos) {
    auto parts = split(tag, '+');
    if (parts.size() != 2) return false;
    size_t ap = word.find('\'');
    std::string_view a, b;
    if (ap != std::string_view::npos && ap > 0) {
      a = word.substr(0, ap);
      b = word.substr(ap);
    } else if (lower_eq(word, "gonna") || lower_eq(word, "wanna") || lower_eq(word, "gotta")) {
      a = word.substr(0, 3);
      b = word.substr(3);
    } else {
      return false;
    }
    std::string p0(parts[0]), p1(parts[1]);
    bool t0 = false, t1 = false;
    p0 = strip_brown(p0, t0);
    p1 = strip_brown(p1, t1);
    // "he'd've"-like or negated second parts are rare: keep it simple.
    if (!p1.empty() && p1.back() == '*') return false;
    return one(a, p0) && one(b, p1);
  }
  // Negated forms: didn't/dod*, can't/md*, cannot/md*, not/*.
  if (tag.size() > 1 && tag.back() == '*') {
    std::string base = tag.substr(0, tag.size() - 1);
    if (word.size() > 3 && (lower_eq(word.substr(word.size() - 3), "n't"))) {
      return one(word.substr(0, word.size() - 3), base) && one(word.substr(word.size() - 3), "*");
    }
    if (word.size() > 3 && lower_eq(word.substr(word.size() - 3), "not")) {
      return one(word.substr(0, word.size() - 3), base) && one(word.substr(word.size() - 3), "*");
    }
    return one(word, base);
  }
  // Possessives: Atlanta's/np$ -> Atlanta 's; boys'/nns$ -> boys '.
  if (tag.size() > 1 && tag.back() == '$' && tag != "pp$" && tag != "wp$" && tag != "pp$$") {
    std::string base = tag.substr(0, tag.size() - 1);
    if (word.size() > 2 && lower_eq(word.substr(word.size() - 2), "'s")) {
      if (!one(word.substr(0, word.size() - 2), base)) return false;
      out.push_back({std::string(word.substr(word.size() - 2)), "pos", Tag::kParticle});
      return true;
    }
    if (word.size() > 1 && word.back() == '\'') {
      if (!one(word.substr(0, word.size() - 1), base)) return false;
      out.push_back({"'", "pos", Tag::kParticle});
      return true;
    }
    return one(word, base);
  }
  // UD EWT splits most hyphenated words ("well - known"); Brown keeps them
  // whole, as parley's tokenizer does.  With split_hyphens the last piece
  // takes the word's tag, the hyphen is punctuation and the earlier pieces
  // are left untagged (context only: their UD tag is unknown).
  const size_t dash = word.find('-');
  if (split_hyphens && dash != std::string_view::npos && dash > 0 && dash + 1 < word.size() &&
      word.find("--") == std::string_view::npos && std::isalpha(static_cast<unsigned char>(word[dash - 1]))) {
    const size_t before = out.size();
    if (!one(word.substr(word.rfind('-') + 1), tag)) return false;
    BrownTok last = std::move(out.back());
    out.resize(before);
    size_t start = 0;
    while (true) {
      const size_t d = word.find('-', start);
      if (d == std::string_view::npos) break;
      out.push_back({std::string(word.substr(start, d - start)), "hyphen-part", Tag::kUnknown, false});
      out.push_back({"-", "-", Tag::kPunct, false});
      start = d + 1;
    }
    out.push_back(std::move(last));
    return true;
  }
  return one(word, tag);
}

// Brown does not tell auxiliary have/do from the main verbs: an auxiliary
// has a participle (have) or a base verb (do) after it, over adverbs,
// negation and a subject pronoun ("did he say").
void fix_brown_aux(std::vector<BrownTok>& toks) {
  for (size_t i = 0; i < toks.size(); ++i) {
    const std::string& b = toks[i].base;
    const bool have = b.substr(0, 2) == "hv", dov = b.substr(0, 2) == "do";
    if (!have && !dov) continue;
    size_t j = i + 1;
    while (j < toks.size() && (toks[j].tag == Tag::kAdv || toks[j].tag == Tag::kPronoun || toks[j].base == "np")) ++j;
    bool aux = false;
    if (j < toks.size()) {
      const std::string& nb = toks[j].base;
      aux = have ? (nb == "vbn" || nb == "ben" || nb == "hvn" || nb == "vbd") : (nb == "vb" || nb == "be" || nb == "hv" || nb == "do");
    }
    // "do so", "did it" stay verbs; a bare "do"/"did" at the end of a clause
    // ("as he did") is an auxiliary in UD (an elided verb).
    if (!aux && dov && (j >= toks.size() || toks[j].tag == Tag::kPunct)) aux = true;
    toks[i].tag = aux ? Tag::kAux : Tag::kVerb;
  }
}

bool is_base(const BrownTok& t, std::initializer_list<const char*> l) {
  for (const char* x : l)
    if (t.base == x) return true;
  return false;
}

bool brown_be(const BrownTok& t) { return t.base.substr(0, 2) == "be"; }

// A finite verb (or a participle: "as expected") before the clause ends: the
// word before it opens a clause (UD SCONJ), not a noun phrase (UD ADP).
bool clause_follows(const std::vector<BrownTok>& toks, size_t i) {
  for (size_t j = i + 1; j < toks.size() && j < i + 9; ++j) {
    const BrownTok& t = toks[j];
    if (t.tag == Tag::kPunct || t.tag == Tag::kQuote || t.tag == Tag::kConj || t.tag == Tag::kSubConj ||
        t.tag == Tag::kRelPron)
      return false;
    if (is_base(t, {"vbd", "vbz", "vbn", "md", "bez", "bed", "bedz", "bem", "ber", "hvd", "hvz", "dod", "doz"})) return true;
    // A base form is finite after a subject pronoun ("like they do").
    if (j > i + 1 && toks[j - 1].base == "ppss" && is_base(t, {"vb", "hv", "do"})) return true;
  }
  return false;
}

// Where Brown's tags and UD's conventions (the ones parley is measured by)
// disagree in a way context settles.
void fix_brown_conventions(std::vector<BrownTok>& toks) {
  for (size_t i = 0; i < toks.size(); ++i) {
    BrownTok& t = toks[i];
    std::string w(t.word);
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string next_base = i + 1 < toks.size() ? toks[i + 1].base : "";
    // "there is", "there has been": UD makes the existential be the main verb.
    if (brown_be(t) && !(i + 1 < toks.size() && (brown_be(toks[i + 1]) || is_base(toks[i + 1], {"vbn", "vbg"})))) {
      size_t j = i;
      while (j > 0 && (toks[j - 1].tag == Tag::kAux || toks[j - 1].tag == Tag::kAdv)) --j;
      if (j > 0 && toks[j - 1].base == "ex") t.tag = Tag::kVerb;
    }
    // A preposition before a gerund marks a clause in UD ("for helping").
    if (t.base == "in" && next_base == "vbg") t.tag = Tag::kSubConj;
    // Brown's "as"/"like"/"than" conjunctions also take noun phrases ("known
    // as a", "countries like India", "more than ten"): UD ADP there.
    if ((w == "as" || w == "like" || w == "than") && (t.base == "cs" || t.base == "in"))
      t.tag = clause_follows(toks, i) ? Tag::kSubConj : Tag::kPrep;
    // "so" joining clauses is an adverb in UD, a conjunction only in "so that".
    if (w == "so" && t.base == "cs") t.tag = next_base == "cs" ? Tag::kSubConj : Tag::kAdv;
    if (w == "because" && t.base == "rb") t.tag = Tag::kPrep;  // "because of"
    if (w == "such") t.tag = next_base == "at" ? Tag::kDet : Tag::kAdj;  // "such a" / "such cases"
    // "both X and Y", "either X or Y": UD CCONJ.
    if ((w == "both" || w == "either" || w == "neither") && (t.base == "abx" || t.base == "dtx")) {
      for (size_t j = i + 2; j < toks.size() && j < i + 9; ++j) {
        const std::string& b = toks[j].base;
        if (toks[j].tag == Tag::kPunct && b != ",") break;
        if (b == "cc") {
          t.tag = Tag::kConj;
          break;
        }
      }
    }
    if (w == "united" && t.title) t.tag = Tag::kAdj;  // "United States", "United Nations"
    // who/which/whom relative only after what they refer to; otherwise
    // interrogative or free ("asked who came", "which one").
    if (t.tag == Tag::kRelPron && (w == "who" || w == "whom" || w == "which")) {
      const Tag p = i > 0 ? toks[i - 1].tag : Tag::kPunct;
      const bool after_np = i > 0 && (p == Tag::kNoun || p == Tag::kProper || p == Tag::kPronoun || p == Tag::kNum ||
                                      p == Tag::kPrep || toks[i - 1].base == "," || toks[i - 1].base == "dts");
      if (!after_np) {
        const Tag n = i + 1 < toks.size() ? toks[i + 1].tag : Tag::kPunct;
        t.tag = w == "which" && (n == Tag::kNoun || n == Tag::kAdj) ? Tag::kDet : Tag::kPronoun;
      }
    }
  }
}

std::string upper_ascii(std::string_view s) {
  std::string u(s);
  for (char& c : u)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return u;
}

}  // namespace

std::vector<TrainSentence> read_conllu(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<TrainSentence> out;
  TrainSentence cur;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    if (line[0] == '#') continue;
    auto cols = split(line, '\t');
    if (cols.size() < 6) continue;
    if (cols[0].find('-') != std::string_view::npos || cols[0].find('.') != std::string_view::npos) continue;
    TrainToken t;
    t.raw = std::string(cols[1]);
    t.gold = map_ud(cols[1], cols[3], cols[4], cols[5]);
    cur.push_back(std::move(t));
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::vector<TrainSentence> read_brown_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<TrainSentence> out;
  std::string line;
  size_t hyphenated = 0;
  while (std::getline(in, line)) {
    std::istringstream ls(line);
    std::string item;
    std::vector<BrownTok> toks;
    bool ok = true;
    while (ls >> item) {
      size_t slash = item.rfind('/');
      if (slash == std::string::npos || slash == 0) {
        ok = false;
        break;
      }
      // Every other hyphenated word is split, so the model sees both forms.
      const bool hyphen = item.find('-') < slash;
      if (!convert_brown(std::string_view(item).substr(0, slash), std::string_view(item).substr(slash + 1),
                         hyphen && (hyphenated++ % 2 == 1), toks)) {
        ok = false;
        break;
      }
    }
    if (!ok || toks.empty()) continue;
    fix_brown_aux(toks);
    fix_brown_conventions(toks);
    // Brown's dt/wdt cover "this" both as a determiner and as a pronoun; UD
    // tags the stand-alone one PRON ("this is", "what he said").
    for (size_t i = 0; i < toks.size(); ++i) {
      const std::string& w = toks[i].word;
      const bool demo = lower_eq(w, "this") || lower_eq(w, "that") || lower_eq(w, "these") || lower_eq(w, "those");
      const bool dt = toks[i].base == "dt" || toks[i].base == "dts" || toks[i].base == "dti" || toks[i].base == "dtx";
      if (!((demo && dt) || (lower_eq(w, "what") && (toks[i].base == "wdt" || toks[i].base == "wps")))) continue;
      const Tag n = i + 1 < toks.size() ? toks[i + 1].tag : Tag::kPunct;
      const bool before_noun = n == Tag::kNoun || n == Tag::kProper || n == Tag::kAdj || n == Tag::kNum;
      toks[i].tag = before_noun ? Tag::kDet : Tag::kPronoun;
    }
    TrainSentence s;
    for (auto& b : toks) {
      TrainToken t;
      t.raw = b.word == "``" || b.word == "''" ? "\"" : b.word;
      t.gold = b.tag;
      s.push_back(std::move(t));
    }
    out.push_back(std::move(s));
  }
  return out;
}

void annotate(std::vector<TrainSentence>& sents, const Lexicon& lex) {
  for (auto& s : sents) {
    for (size_t i = 0; i < s.size(); ++i) {
      TrainToken& t = s[i];
      t.norm = upper_ascii(t.raw);
      bool digit = false, alpha = false;
      for (char c : t.raw) {
        if (c >= '0' && c <= '9') digit = true;
        if (std::isalpha(static_cast<unsigned char>(c))) alpha = true;
      }
      if (digit && !alpha) {
        t.pos_bits = kPosNum;
        continue;
      }
      if (t.norm == "'S") {
        t.pos_bits = kPosParticle;
        continue;
      }
      LexInfo info = lex.lookup(t.norm);
      if (!info.known()) {
        size_t dash = t.norm.rfind('-');
        if (dash != std::string::npos && dash + 1 < t.norm.size()) {
          LexInfo tail = lex.lookup(std::string_view(t.norm).substr(dash + 1));
          info.pos_bits = tail.pos_bits;
          if (tail.has_form(VerbForm::kPastParticiple)) info.pos_bits |= kPosAdj;
        }
      }
      t.pos_bits = info.pos_bits;
    }
  }
}

namespace {

// A feature's current weights, one cache line for the 16 classes (what
// prediction reads), and what averaging needs (touched only by updates).
struct alignas(64) Weights {
  float w[perceptron::kClasses];
};
struct Averaging {
  double total[perceptron::kClasses];
  uint32_t ts[perceptron::kClasses];
  uint32_t touched;  // bit c: class c was ever updated
};

// Brown and the UD treebanks differ in conventions and genre.  Each feature
// is learned three times (Daumé 2007, "frustratingly easy domain
// adaptation"): a shared weight, a Brown-only copy and a UD-only copy; a
// sentence scores with the shared weight plus its own domain's copy.  The
// model written is the shared weight plus the UD copy (what parley is judged
// by), summed into one weight per feature: no cost when tagging.
enum Domain : uint32_t { kShared = 0, kBrown = 1, kUd = 2 };

class Trainer {
 public:
  explicit Trainer(bool adapt) : adapt_(adapt) {
    slots_.assign(1u << 20, 0);
    mask_ = slots_.size() - 1;
  }
  void predict_features(const std::vector<uint64_t>& feats, Domain d, float* scores) const {
    for (int c = 0; c < perceptron::kClasses; ++c) scores[c] = 0;
    for (uint64_t f : feats) {
      add(f, scores);
      if (adapt_) add(copy_key(f, d), scores);
    }
  }
  void update(const std::vector<uint64_t>& feats, Domain d, int gold, int guess) {
    ++clock_;
    if (gold == guess) return;
    for (uint64_t f : feats) {
      bump_feature(f, kShared, gold, guess);
      if (adapt_) bump_feature(copy_key(f, d), d, gold, guess);
    }
  }
  void tick() { ++clock_; }
  // Writes averaged, pruned weights: shared + UD copy.
  size_t write(const std::string& path, float prune, const std::vector<std::pair<uint64_t, int>>& dict) {
    std::vector<std::pair<uint64_t, uint32_t>> order;
    for (uint32_t idx = 0; idx < keys_.size(); ++idx)
      if (domain_[idx] == kShared) order.emplace_back(keys_[idx], idx);
    std::sort(order.begin(), order.end());
    std::string body;
    size_t written = 0;
    char buf[64];
    for (auto& [key, idx] : order) {
      double avg[perceptron::kClasses] = {};
      bool used[perceptron::kClasses] = {};
      auto accumulate = [&](uint32_t f) {
        const Averaging& a = avg_[f];
        for (int c = 0; c < perceptron::kClasses; ++c) {
          if (!(a.touched >> c & 1)) continue;
          const double total = a.total[c] + static_cast<double>(clock_ - a.ts[c]) * weights_[f].w[c];
          avg[c] += total / static_cast<double>(clock_);
          used[c] = true;
        }
      };
      accumulate(idx);
      if (adapt_)
        if (const int64_t ud = find(copy_key(key, kUd)); ud >= 0) accumulate(static_cast<uint32_t>(ud));
      std::string line;
      for (int c = 0; c < perceptron::kClasses; ++c) {
        if (!used[c] || std::fabs(avg[c]) < prune) continue;
        std::snprintf(buf, sizeof buf, " %d:%.3g", c, avg[c]);
        line += buf;
      }
      if (line.empty()) continue;
      std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(key));
      body += buf;
      body += line;
      body += '\n';
      ++written;
    }
    std::filesystem::path p(path);
    if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
    std::ofstream out(path, std::ios::binary);
    if (!out) throw std::runtime_error(path + ": cannot write");
    out << "parley-tagger-perceptron 3\nclasses";
    for (int c = 1; c <= perceptron::kClasses; ++c) out << ' ' << tag_name(static_cast<Tag>(c));
    out << "\nfeatures " << written << '\n' << body;
    out << "words " << dict.size() << '\n';
    for (const auto& [key, cls] : dict) {
      std::snprintf(buf, sizeof buf, "%016llx %d\n", static_cast<unsigned long long>(key), cls);
      out << buf;
    }
    return written;
  }

 private:
  static uint64_t copy_key(uint64_t f, Domain d) { return perceptron::combine(f, 0xd0a1 + d); }
  // The feature's index, or -1.  slots_ holds index + 1 (0: empty).
  int64_t find(uint64_t f) const {
    for (uint64_t s = f & mask_;; s = (s + 1) & mask_) {
      const uint32_t v = slots_[s];
      if (v == 0) return -1;
      if (keys_[v - 1] == f) return v - 1;
    }
  }
  uint32_t insert(uint64_t f, Domain d) {
    uint64_t s = f & mask_;
    for (;; s = (s + 1) & mask_) {
      const uint32_t v = slots_[s];
      if (v == 0) break;
      if (keys_[v - 1] == f) return v - 1;
    }
    const uint32_t idx = static_cast<uint32_t>(keys_.size());
    keys_.push_back(f);
    domain_.push_back(static_cast<uint8_t>(d));
    weights_.push_back(Weights{});
    avg_.push_back(Averaging{});
    slots_[s] = idx + 1;
    if (keys_.size() * 2 > slots_.size()) {
      slots_.assign(slots_.size() * 2, 0);
      mask_ = slots_.size() - 1;
      for (uint32_t k = 0; k < keys_.size(); ++k) {
        uint64_t t = keys_[k] & mask_;
        while (slots_[t] != 0) t = (t + 1) & mask_;
        slots_[t] = k + 1;
      }
    }
    return idx;
  }
  void add(uint64_t f, float* scores) const {
    const int64_t idx = find(f);
    if (idx < 0) return;
    const float* w = weights_[static_cast<size_t>(idx)].w;
    for (int c = 0; c < perceptron::kClasses; ++c) scores[c] += w[c];
  }
  void bump_feature(uint64_t f, Domain d, int gold, int guess) {
    const uint32_t idx = insert(f, d);
    bump(idx, gold, 1.0f);
    bump(idx, guess, -1.0f);
  }
  void bump(uint32_t idx, int cls, float d) {
    Averaging& a = avg_[idx];
    float& w = weights_[idx].w[cls];
    a.total[cls] += static_cast<double>(clock_ - a.ts[cls]) * w;
    a.ts[cls] = clock_;
    a.touched |= 1u << cls;
    w += d;
  }
  std::vector<uint32_t> slots_;  // open addressing: feature index + 1, 0 empty
  uint64_t mask_ = 0;
  std::vector<uint64_t> keys_;     // of each feature
  std::vector<Weights> weights_;   // of each feature
  std::vector<Averaging> avg_;     // of each feature
  std::vector<uint8_t> domain_;    // of each feature
  uint32_t clock_ = 0;
  bool adapt_;
};

std::vector<perceptron::TokenView> views_of(const TrainSentence& s) {
  std::vector<perceptron::TokenView> v(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    v[i].raw = s[i].raw;
    v[i].norm = s[i].norm;
    v[i].pos_bits = s[i].pos_bits;
    v[i].quote = perceptron::is_quote(s[i].raw);
  }
  return v;
}

}  // namespace

int train_tagger(const TrainOptions& opt) {
  namespace fs = std::filesystem;
  std::vector<TrainSentence> data;
  const fs::path brown = fs::path(opt.shared_dir) / "corpora" / "brown";
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(brown)) {
    const std::string n = e.path().filename().string();
    if (n.size() == 4 && n[0] == 'c' && std::islower(static_cast<unsigned char>(n[1])) && std::isdigit(static_cast<unsigned char>(n[2])))
      files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto s = read_brown_file(f);
    data.insert(data.end(), std::make_move_iterator(s.begin()), std::make_move_iterator(s.end()));
  }
  const size_t brown_sents = data.size();
  for (const char* rel : {"treebanks/UD_English-EWT/en_ewt-ud-dev.conllu", "treebanks/UD_English-PUD/en_pud-ud-test.conllu"}) {
    auto s = read_conllu((fs::path(opt.shared_dir) / rel).string());
    if (opt.hold_out >= 0 && std::string_view(rel).find("ewt") != std::string_view::npos) {
      std::vector<TrainSentence> kept;
      for (size_t k = 0; k < s.size(); ++k)
        if (static_cast<int>(k % static_cast<size_t>(opt.hold_out_folds)) != opt.hold_out) kept.push_back(std::move(s[k]));
      s = std::move(kept);
    }
    // The UD sets are few but carry the conventions (and the web genre) the
    // model is judged by: they count ud_weight times.
    for (int k = 0; k < opt.ud_weight; ++k) data.insert(data.end(), s.begin(), s.end());
  }
  Lexicon lex(opt.wordnet_dir);
  annotate(data, lex);
  size_t tokens = 0;
  for (auto& s : data) tokens += s.size();
  std::fprintf(stderr, "tagger: %zu Brown files, %zu sentences (%zu Brown), %zu tokens\n", files.size(), data.size(),
               brown_sents, tokens);
  // The tag dictionary: words seen at least 20 times with one tag at least
  // 97% of the time are tagged by it, in training as in use.
  std::unordered_map<uint64_t, std::array<uint32_t, perceptron::kClasses>> counts;
  for (const auto& s : data) {
    auto views = views_of(s);
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i].gold == Tag::kUnknown) continue;
      auto& c = counts.try_emplace(perceptron::word_key(perceptron::hash_token(views[i]))).first->second;
      ++c[static_cast<size_t>(s[i].gold) - 1];
    }
  }
  std::vector<std::pair<uint64_t, int>> dict;
  std::unordered_map<uint64_t, int> dict_map;
  for (const auto& [key, c] : counts) {
    uint32_t sum = 0, best = 0;
    int best_cls = 0;
    for (int k = 0; k < perceptron::kClasses; ++k) {
      sum += c[static_cast<size_t>(k)];
      if (c[static_cast<size_t>(k)] > best) best = c[static_cast<size_t>(k)], best_cls = k;
    }
    if (sum >= 20 && static_cast<double>(best) >= 0.97 * static_cast<double>(sum)) {
      dict.emplace_back(key, best_cls);
      dict_map.emplace(key, best_cls);
    }
  }
  std::sort(dict.begin(), dict.end());
  Trainer tr(opt.adapt);
  std::vector<uint32_t> order(data.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(20261206);
  std::vector<uint64_t> feats;
  std::vector<perceptron::TokenHashes> hashes;
  float scores[perceptron::kClasses];
  for (int it = 0; it < opt.iterations; ++it) {
    size_t correct = 0, total = 0;
    for (uint32_t si : order) {
      const TrainSentence& s = data[si];
      const Domain domain = si < brown_sents ? kBrown : kUd;
      auto views = views_of(s);
      hashes.clear();
      for (const auto& v : views) {
        hashes.push_back(perceptron::hash_token(v));
        if (auto d = dict_map.find(perceptron::word_key(hashes.back())); d != dict_map.end())
          hashes.back().known = static_cast<uint8_t>(d->second + 1);
      }
      const uint32_t casing = perceptron::sentence_casing(hashes.data(), static_cast<uint32_t>(hashes.size()));
      uint32_t prev = 0, prev2 = 0;
      for (uint32_t i = 0; i < s.size(); ++i) {
        const int gold = static_cast<int>(s[i].gold) - 1;  // -1: no gold tag, context only
        if (hashes[i].known) {
          const int d = hashes[i].known - 1;
          if (gold >= 0) {
            correct += d == gold;
            ++total;
          }
          prev2 = prev;
          prev = static_cast<uint32_t>(d + 1);
          continue;
        }
        feats.clear();
        perceptron::features(hashes.data(), static_cast<uint32_t>(s.size()), i, prev, prev2, casing, [&](uint64_t k) {
          feats.push_back(k);
        });
        tr.predict_features(feats, domain, scores);
        int best = 0;
        for (int c = 1; c < perceptron::kClasses; ++c)
          if (scores[c] > scores[best]) best = c;
        if (gold >= 0) {
          tr.update(feats, domain, gold, best);
          correct += best == gold;
          ++total;
        } else {
          tr.tick();
        }
        prev2 = prev;
        prev = static_cast<uint32_t>(best + 1);
      }
    }
    std::fprintf(stderr, "tagger: iteration %d: training accuracy %.2f%%\n", it + 1, 100.0 * static_cast<double>(correct) / static_cast<double>(total));
    std::shuffle(order.begin(), order.end(), rng);
  }
  const size_t written = tr.write(opt.out, opt.prune, dict);
  std::fprintf(stderr, "tagger: wrote %s (%zu features, %zu dictionary words)\n", opt.out.c_str(), written, dict.size());
  return 0;
}

int eval_tagger(const std::string& model_path, const std::string& conllu, const std::string& wordnet_dir, int fold,
                int folds) {
  PerceptronTagger model = PerceptronTagger::load(model_path);
  auto data = read_conllu(conllu);
  if (fold >= 0) {
    std::vector<TrainSentence> part;
    for (size_t k = 0; k < data.size(); ++k)
      if (static_cast<int>(k % static_cast<size_t>(folds)) == fold) part.push_back(std::move(data[k]));
    data = std::move(part);
  }
  Lexicon lex(wordnet_dir);
  annotate(data, lex);
  size_t correct = 0, total = 0;
  std::vector<Tag> out;
  std::unordered_map<std::string, size_t> confusion;
  for (auto& s : data) {
    auto views = views_of(s);
    out.assign(s.size(), Tag::kUnknown);
    model.tag(views.data(), static_cast<uint32_t>(s.size()), out.data());
    for (size_t i = 0; i < s.size(); ++i) {
      correct += out[i] == s[i].gold;
      ++total;
      if (out[i] != s[i].gold) {
        ++confusion[std::string(tag_name(s[i].gold)) + " -> " + tag_name(out[i])];
        if (std::getenv("PARLEY_TAGGER_ERRORS"))
          std::fprintf(stderr, "%s -> %s %s   [%s _ %s]\n", tag_name(s[i].gold), tag_name(out[i]), s[i].raw.c_str(),
                       i > 0 ? s[i - 1].raw.c_str() : "", i + 1 < s.size() ? s[i + 1].raw.c_str() : "");
      }
    }
  }
  std::vector<std::pair<size_t, std::string>> top;
  for (auto& [k, v] : confusion) top.emplace_back(v, k);
  std::sort(top.rbegin(), top.rend());
  for (size_t i = 0; i < top.size() && i < 12; ++i) std::printf("  %-16s %zu\n", top[i].second.c_str(), top[i].first);
  std::printf("%s: %zu sentences, %zu tokens, accuracy %.2f%% (treebank tokenization, model alone)\n", conllu.c_str(),
              data.size(), total, 100.0 * static_cast<double>(correct) / static_cast<double>(total));
  return 0;
}

}  // namespace parley
