// parley/dict: the compiled dictionaries, the contract between the readers
// (dict/*_reader.cpp, which parse PETRARCH/TABARI text files) and the coder
// (actors/, verbs/, events/, which only read these tables).
//
// Everything is compiled once at load into flat arrays of word ids.  Words are
// interned in one Vocabulary shared by all dictionaries; the tokenizer maps each
// token's normalised (upper-case) form to the same ids, so matching compares
// integers.  Id 0 means "not a dictionary word".
//
// Errors: every reader reports a malformed line as DictError{file, line, what}
// and stops the load (no partial dictionary is ever used).
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parley {

// Where an entry came from, for evidence output and error messages.
struct SourceLoc {
  uint32_t file = 0;  // index into Dictionaries::files
  uint32_t line = 0;  // 1-based
};

class DictError : public std::runtime_error {
 public:
  DictError(std::string file, uint32_t line, const std::string& what)
      : std::runtime_error(file + ":" + std::to_string(line) + ": " + what),
        file_(std::move(file)), line_(line) {}
  const std::string& file() const { return file_; }
  uint32_t line() const { return line_; }

 private:
  std::string file_;
  uint32_t line_;
};

// Interns upper-case words.  Lookup is by exact byte string.
class Vocabulary {
 public:
  Vocabulary() { words_.emplace_back(); }
  uint32_t intern(std::string_view word);
  uint32_t find(std::string_view word) const;  // 0 if absent
  std::string_view word(uint32_t id) const { return words_[id]; }
  size_t size() const { return words_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> words_;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
};

// A CAMEO-style code as written in a dictionary: "042", "1721", "---", "174K".
// Kept as a short inline string; "---" is the null code (no event / no actor).
struct Code {
  char text[8] = {};
  static Code of(std::string_view s);
  std::string_view view() const { return std::string_view(text); }
  bool empty() const { return text[0] == 0; }
  bool is_null() const { return view() == "---"; }
  bool operator==(const Code& o) const { return view() == o.view(); }
};

// ---------------------------------------------------------------- verbs

struct Synset {
  std::string name;                    // without '&'
  std::vector<std::vector<uint32_t>> phrases;  // each a word-id sequence (plurals expanded)
  SourceLoc loc;
};

// One element of a pattern, in text order.
struct PatternItem {
  enum Kind : uint8_t {
    kWord,         // id = word id
    kSynset,       // id = index into VerbDictionary::synsets
    kSource,       // $
    kTarget,       // +
    kSkipActor,    // ^
    kCompound,     // %
    kNounOpen,     // {  (PETRARCH noun phrase; last word before } is the head)
    kNounClose,    // }
    kPrepOpen,     // (  (PETRARCH prepositional phrase)
    kPrepClose,    // )
  };
  Kind kind = kWord;
  bool joined_prev = false;  // joined to the previous item (or to '*') by '_'
  // Written "WORD_" before a space or the end: TABARI's "whole word, not a
  // stem" marker (PETRARCH2 matches whole words anyway).
  bool underscore_after = false;
  uint32_t id = 0;
};

struct Pattern {
  uint32_t block = 0;          // index into VerbDictionary::blocks
  uint32_t pre_begin = 0;      // items before '*' in VerbDictionary::items, text order
  uint32_t pre_count = 0;
  uint32_t post_begin = 0;     // items after '*', text order
  uint32_t post_count = 0;
  bool verb_joined_prev = false;  // '_*' : the last pre item touches the verb
  Code active;                 // code for active voice
  Code passive;                // code for passive voice ("042:043"); empty = same as active
  SourceLoc loc;
};

// One verb form that can trigger a block: a word sequence with the position of
// the inflected word ("+CORDON_OFF" -> words {CORDONED, OFF}, head 0).
struct VerbEntry {
  std::vector<uint32_t> words;
  uint32_t head = 0;           // index in words of the inflected (anchor) word
  uint32_t block = 0;
  Code code;                   // the verb line's own code; empty = block default
  Code passive;                // the verb line's passive code ("[A:B]"), if any
  SourceLoc loc;
};

struct VerbBlock {
  std::string name;            // "--- NAME [CODE] ---"
  Code code;                   // default code of the block
  Code passive;                // passive default when written "[A:B]"
  std::vector<uint32_t> patterns;  // indices into VerbDictionary::patterns, file order
  SourceLoc loc;
};

// "~ a (b c VERB2) VERB1 = x y CODE"
struct Transformation {
  std::string text;            // the line as written, for evidence
  char upper_source = 0, lower_source = 0, lower_target = 0;  // letters, '.', '_'
  std::string verb2, verb1;    // verb words; may be joined with '_'
  char out_source = 0, out_target = 0;
  std::string code;            // a code, or "Q" for "the lower verb's code"
  SourceLoc loc;
};

struct VerbDictionary {
  std::vector<Synset> synsets;
  std::unordered_map<std::string, uint32_t> synset_index;  // name -> index
  std::vector<VerbBlock> blocks;
  std::vector<VerbEntry> forms;
  std::vector<PatternItem> items;
  std::vector<Pattern> patterns;
  std::vector<Transformation> transformations;
  // anchor word id -> indices into forms, for lookup from a token.
  std::unordered_map<uint32_t, std::vector<uint32_t>> forms_by_anchor;
};

// ---------------------------------------------------------------- actors

// YYYYMMDD bounds; a code applies on dates d with from <= d < to.
struct DatedCode {
  std::string code;
  int32_t from = 0;            // 0 = open
  int32_t to = 99999999;
  bool restricted = false;     // has a date restriction; unrestricted codes are
                               // the fallback when no restricted one applies
  bool range = false;          // written "D1-D2" (TABARI reads the end as inclusive)
  SourceLoc loc;
};

struct ActorRecord {
  std::vector<DatedCode> codes;  // file order; see ActorDictionary::code_on
  SourceLoc loc;
};

struct ActorPhrase {
  std::vector<uint32_t> words;
  uint32_t record = 0;         // index into ActorDictionary::records
  bool exact = true;           // false: TABARI stem entry (no trailing '_'), the
                               // last word may match as a prefix of a token
  SourceLoc loc;
};

// A phrase written again (same words, same exactness) after its first
// occurrence.  finish_actors() keeps only the first ActorPhrase and merges
// the repeat's codes into it; the repeat is remembered here so dictionary
// checks (dictcheck/) can name it.
struct ActorRepeat {
  uint32_t phrase = 0;         // index into ActorDictionary::phrases (the kept one)
  uint32_t first_record = 0;   // the record the first occurrence was written in
  uint32_t record = 0;         // the record the repeat was written in
  SourceLoc loc;               // where the repeat was written
};

struct ActorDictionary {
  std::vector<ActorRecord> records;
  std::vector<ActorPhrase> phrases;
  std::vector<ActorRepeat> repeats;  // load order
  // first word id -> indices into phrases, longest first.
  std::unordered_map<uint32_t, std::vector<uint32_t>> phrases_by_first;
  // The code for a record on a date: the first restricted code (file order)
  // whose range holds, else the first unrestricted one; nullptr if none.
  const std::string* code_on(uint32_t record, int32_t date) const;
};

// ---------------------------------------------------------------- agents

struct AgentEntry {
  std::vector<uint32_t> words;
  std::string code;            // without '~'
  bool prefix = false;         // written "XXX~": goes before the actor code
  SourceLoc loc;
};

struct AgentDictionary {
  std::vector<AgentEntry> entries;      // singular and plural forms, expanded
  std::unordered_map<uint32_t, std::vector<uint32_t>> entries_by_first;  // longest first
};

// ---------------------------------------------------------------- discards, issues

struct DiscardEntry {
  std::vector<uint32_t> words;
  bool whole_story = false;    // written "+PHRASE"
  SourceLoc loc;
};

struct IssueEntry {
  std::vector<uint32_t> words;
  std::string code;            // empty for an ignore phrase ("~phrase")
  bool ignore = false;
  SourceLoc loc;
};

// ---------------------------------------------------------------- the set

struct DictOptions {
  // PETRARCH config options honoured by the coder.
  bool require_dyad = true;
  // parley extension: with require_dyad, still emit an event whose source or
  // target the sentence does not name ("a roadside bomb killed four
  // soldiers"), flagged one_sided; statements (root 01) always need both.
  bool one_sided = false;
  // parley extension: code only acts that happened (no negated, merely
  // possible, conditional or requested ones; pipeline/engine.h).
  bool factual_only = false;
  int new_actor_length = 0;
  int comma_min = 2, comma_max = 8;
  int comma_bmin = 0, comma_bmax = 0;
  int comma_emin = 2, comma_emax = 8;
  // Accept codes that are not in the CAMEO table (the PETRARCH validation suite
  // uses private codes such as 901 and 174K on purpose).  Off by default.
  bool allow_private_codes = false;
  // Treat warnings (entries the readers skip, see dict/load.h) as errors.
  bool strict = false;
  // Receives each warning line "file:line: warning: ..."; unset = stderr.
  std::function<void(const std::string&)> on_warning;
};

struct Dictionaries {
  Vocabulary vocab;
  std::vector<std::string> files;   // paths, indexed by SourceLoc::file
  // The same files relative to the dictionary folder ("parley.verbs.a-l.txt";
  // a file outside it by its name alone): what output and the store show as
  // evidence, so no path of the machine leaks into them.
  std::vector<std::string> evidence_names;
  VerbDictionary verbs;
  ActorDictionary actors;
  AgentDictionary agents;
  std::vector<DiscardEntry> discards;
  std::vector<IssueEntry> issues;
  DictOptions options;
  std::vector<std::string> warnings;  // "file:line: warning: ..." from the load

  std::string where(SourceLoc loc) const {
    return files[loc.file] + ":" + std::to_string(loc.line);
  }
  // "file:line" for evidence (evidence_names; `where` when they are not set).
  std::string evidence_ref(SourceLoc loc) const {
    if (loc.file >= evidence_names.size()) return where(loc);
    return evidence_names[loc.file] + ":" + std::to_string(loc.line);
  }
};

}  // namespace parley
