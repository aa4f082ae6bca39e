// parley/doc: the data model every pipeline stage reads and annotates.
//
// A Doc owns the original UTF-8 text of one input record and a flat set of
// annotation arrays (sentences, tokens, chunks).  Each stage fills the arrays
// it owns and reads those of earlier stages:
//
//   text/     -> Doc::sentences          (byte ranges of sentences)
//   tokens/   -> Doc::tokens, Doc::norm  (tokens with offsets, normalised form)
//   syntax/   -> Token::tag, Doc::chunks, Token::clause
//   actors/, verbs/, events/  read all of the above.
//
// Offsets are byte offsets into Doc::text.  Arrays are cleared, not freed,
// between documents, so a worker that reuses one Doc allocates nothing per
// token once it has warmed up.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// Coarse part of speech, decided by syntax/ from the lexicon's candidates.
enum class Tag : uint8_t {
  kUnknown = 0,
  kNoun,       // common noun
  kProper,     // proper noun (capitalised, not sentence-initial function word)
  kPronoun,
  kVerb,       // main verb (any form; see Token::verb_form)
  kAux,        // be/have/do/modal used as auxiliary
  kAdj,
  kAdv,
  kDet,
  kPrep,
  kConj,       // coordinating: and, or, nor, but
  kSubConj,    // subordinating: that, because, if, while, after ...
  kRelPron,    // who, which, that (relative)
  kNum,
  kParticle,   // to (infinitive), 's, not
  kPunct,
  kQuote,
};

enum class VerbForm : uint8_t { kNone = 0, kBase, kPresent3, kPast, kPastParticiple, kGerund };

// Candidate-part-of-speech bits from the lexicon (WordNet + closed classes).
enum PosBits : uint16_t {
  kPosNoun = 1 << 0,
  kPosVerb = 1 << 1,
  kPosAdj = 1 << 2,
  kPosAdv = 1 << 3,
  kPosDet = 1 << 4,
  kPosPrep = 1 << 5,
  kPosConj = 1 << 6,
  kPosSubConj = 1 << 7,
  kPosPronoun = 1 << 8,
  kPosAux = 1 << 9,
  kPosNum = 1 << 10,
  kPosParticle = 1 << 11,
  kPosRelPron = 1 << 12,
};

struct Token {
  uint32_t begin = 0;        // byte offset of the token in Doc::text
  uint32_t end = 0;          // one past the last byte
  uint32_t norm_begin = 0;   // offset of the normalised form in Doc::norm
  uint16_t norm_len = 0;     // its length in bytes
  uint16_t pos_bits = 0;     // PosBits candidates from the lexicon
  uint32_t word_id = 0;      // id in the dictionaries' vocabulary; 0 = not in it
  uint32_t lemma_id = 0;     // vocabulary id of the lemma (verbs/nouns); 0 = unknown
  uint32_t sentence = 0;     // index into Doc::sentences
  uint32_t clause = 0;       // clause id within the sentence (syntax/)
  Tag tag = Tag::kUnknown;
  VerbForm verb_form = VerbForm::kNone;
  uint16_t flags = 0;        // TokenFlags
  uint8_t verb_forms = 0;    // all candidate verb forms (LexInfo::verb_forms bitmask)

  uint32_t length() const { return end - begin; }
};

enum TokenFlags : uint16_t {
  kCapitalised = 1 << 0,     // first letter upper case in the source text
  kAllCaps = 1 << 1,
  kSentenceStart = 1 << 2,
  kSpaceBefore = 1 << 3,     // whitespace precedes the token in the text
  kNegation = 1 << 4,        // not, n't, never, no
  kPlural = 1 << 5,          // noun in plural form
  kHasDigit = 1 << 6,
  kPossessive = 1 << 7,      // the 's / ' marker token
  // An -s form whose verb reading is far more common than its noun plural
  // (TAKES, HOLDS, MAKES, SAYS; not TALKS, PLANS, ARMS): LexFlags kLexUsualVerb.
  kUsualVerb = 1 << 8,
};

struct Sentence {
  uint32_t begin = 0;        // byte range in Doc::text
  uint32_t end = 0;
  uint32_t token_begin = 0;  // token range [token_begin, token_end)
  uint32_t token_end = 0;
  uint32_t chunk_begin = 0;  // chunk range in Doc::chunks (syntax/)
  uint32_t chunk_end = 0;
};

enum class ChunkKind : uint8_t { kNounPhrase, kVerbGroup, kPrepPhrase, kClause };

// A syntactic span over tokens [begin, end) with its head token.
struct Chunk {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t head = 0;
  ChunkKind kind = ChunkKind::kNounPhrase;
  uint8_t flags = 0;         // ChunkFlags
};

enum ChunkFlags : uint8_t {
  kPassive = 1 << 0,         // verb group in passive voice
  kNegated = 1 << 1,         // verb group contains a negation
  kRelative = 1 << 2,        // clause is a relative clause
  kSubordinate = 1 << 3,     // clause is subordinate (that-, when-, if- ...)
  kReported = 1 << 4,        // clause is the complement of a speech verb
  kInfinitive = 1 << 5,      // verb group is a to-infinitive
};

struct Doc {
  std::string id;            // input record id
  int32_t date = 0;          // YYYYMMDD; 0 = unknown
  std::string text;          // original UTF-8 text

  std::string norm;          // normalised token forms, concatenated (upper case ASCII)
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Chunk> chunks; // in token order within each sentence

  // A record too long to code at once is coded in pieces (Worker::
  // code_in_pieces); a piece's Doc holds only its own text.  Writers add
  // these to the piece's byte offsets and sentence indices so that what they
  // write refers to the whole record.  0 for a record coded whole.
  uint32_t text_base = 0;       // where this Doc's text starts in the record
  uint32_t sentence_base = 0;   // sentences of the record before this Doc's

  std::string_view norm_of(const Token& t) const {
    return std::string_view(norm).substr(t.norm_begin, t.norm_len);
  }
  std::string_view text_of(const Token& t) const {
    return std::string_view(text).substr(t.begin, t.end - t.begin);
  }
  // The chunk of `sentence` that holds `token`, or -1.
  int32_t chunk_at(uint32_t sentence, uint32_t token) const {
    const Sentence& s = sentences[sentence];
    for (uint32_t c = s.chunk_begin; c < s.chunk_end; ++c)
      if (chunks[c].begin <= token && token < chunks[c].end) return static_cast<int32_t>(c);
    return -1;
  }

  // Keeps capacity: a reused Doc does not reallocate.
  void clear() {
    id.clear();
    date = 0;
    text.clear();
    norm.clear();
    sentences.clear();
    tokens.clear();
    chunks.clear();
    text_base = 0;
    sentence_base = 0;
  }
};

}  // namespace parley
