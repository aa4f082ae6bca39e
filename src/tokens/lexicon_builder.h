// parley/tokens (internal): fills a Lexicon's table at load.  Sources are
// applied in order, WordNet, irregular verbs, closed classes; each later
// source may refine what an earlier one wrote.
#pragma once

#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "tokens/lexicon.h"

namespace parley {

// How strongly a source decides a form's lemma; the highest seen wins, so
// LEFT gets LEAVE (irregular verb) over LEFT (WordNet adjective).
enum LemmaRank : uint8_t {
  kRankComparative = 1,  // adj.exc / adv.exc: BETTER -> GOOD
  kRankSelf = 2,         // the form is a lemma itself
  kRankNounForm = 3,     // noun plural: TALKS -> TALK
  kRankVerbForm = 4,     // regular verb form, or a verb lemma itself
  kRankIrregular = 5,    // irregular verb table: MET -> MEET
  kRankClosed = 6,       // closed-class lists
};

class LexiconBuilder {
 public:
  explicit LexiconBuilder(Lexicon& lex) : t_(lex.table_) {}

  void load_wordnet(const std::string& dir);
  void add_irregular_verbs();
  void apply_closed_classes();

  // ORs pos/forms/flags into form's entry; sets its lemma if rank beats the
  // current one.  Empty lemma = the form itself.  Forms longer than
  // LexTable::kMaxKey are ignored.
  // lemma_off: the lemma's arena offset when the caller knows it (saves a probe).
  // Returns the form's arena offset.
  uint32_t add(std::string_view form, uint16_t pos, uint8_t forms, uint8_t flags, std::string_view lemma,
               uint8_t rank, uint32_t lemma_off = kUnknownOffset);
  static constexpr uint32_t kUnknownOffset = 0xFFFFFFFFu;

  LexTable& table() { return t_; }

 private:
  // tagged: each lemma's tagsense_cnt (senses tagged in SemCor), when given.
  void load_index(const std::string& path, uint16_t pos, std::vector<uint64_t>* lemmas,
                  std::unordered_map<std::string, uint32_t>* tagged = nullptr);
  void mark_usual_verbs(const std::unordered_map<std::string, uint32_t>& verb_tagged,
                        const std::unordered_map<std::string, uint32_t>& noun_tagged);
  void load_exceptions(const std::string& path, uint16_t pos);
  void generate_verb_forms(const std::vector<uint64_t>& verbs);
  void generate_noun_plurals(const std::vector<uint64_t>& nouns);

  LexTable& t_;
  std::string scratch_;  // file contents, reused between files
};

}  // namespace parley
