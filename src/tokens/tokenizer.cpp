#include "tokens/tokenizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>

#include "dict/dictionary.h"
#include "text/utf8.h"
#include "tokens/normalize.h"
#include "tokens/scanner.h"

namespace parley {
namespace {

// Pronouns whose 's is "is"/"has" (or "us"), not a possessive.
bool takes_verbal_s(std::string_view norm) {
  static constexpr std::string_view kWords[] = {"IT", "HE", "SHE", "THAT", "THERE", "WHAT", "WHO",
                                                "WHERE", "HERE", "HOW", "THIS", "LET", "WHEN", "WHY"};
  for (std::string_view w : kWords)
    if (w == norm) return true;
  return false;
}

// kCapitalised / kAllCaps / kHasDigit from the raw bytes.
uint8_t case_flags(std::string_view raw) {
  int letters = 0, upper = 0;
  bool first_upper = false, first_seen = false, digit = false;
  const char* p = raw.data();
  const char* end = p + raw.size();
  while (p < end) {
    unsigned char c = static_cast<unsigned char>(*p);
    bool is_letter = false, is_up = false;
    if (c < 0x80) {
      ++p;
      if (c >= '0' && c <= '9') digit = true;
      is_up = c >= 'A' && c <= 'Z';
      is_letter = is_up || (c >= 'a' && c <= 'z');
    } else {
      Utf8Char u = decode_utf8(p, end);
      p += u.len;
      auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(u.cp));
      is_up = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
      is_letter = is_up || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_LM;
      if (cat == UTF8PROC_CATEGORY_ND) digit = true;
    }
    if (!is_letter) continue;
    if (!first_seen) first_upper = is_up, first_seen = true;
    ++letters;
    if (is_up) ++upper;
  }
  uint8_t f = 0;
  if (first_upper) f |= kCapitalised;
  if (letters >= 2 && upper == letters) f |= kAllCaps;
  if (digit) f |= kHasDigit;
  return f;
}

// The common case in one pass: an all-ASCII token upper-cased into out, with
// its case flags.  False (out unchanged) when raw has a non-ASCII byte.
bool append_ascii_upper(std::string& out, std::string_view raw, uint8_t& flags) {
  const size_t base = out.size();
  out.resize(base + raw.size());
  char* dst = out.data() + base;
  unsigned letters = 0, upper = 0, digits = 0, first_upper = 2;
  for (size_t i = 0; i < raw.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c >= 0x80) {
      out.resize(base);
      return false;
    }
    bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
    digits += c >= '0' && c <= '9';
    if (up || low) {
      if (first_upper == 2) first_upper = up;
      ++letters;
      upper += up;
    }
    dst[i] = static_cast<char>(low ? c - 32 : c);
  }
  flags = 0;
  if (first_upper == 1) flags |= kCapitalised;
  if (letters >= 2 && upper == letters) flags |= kAllCaps;
  if (digits) flags |= kHasDigit;
  return true;
}

VerbForm single_form(uint8_t forms) {
  constexpr uint8_t kPastOrPart = verb_form_bit(VerbForm::kPast) | verb_form_bit(VerbForm::kPastParticiple);
  if (forms == kPastOrPart) return VerbForm::kPast;
  if (forms == 0 || (forms & (forms - 1)) != 0) return VerbForm::kNone;
  for (uint8_t f = 1; f <= static_cast<uint8_t>(VerbForm::kGerund); ++f)
    if (forms == (1u << f)) return static_cast<VerbForm>(f);
  return VerbForm::kNone;
}

}  // namespace

Tokenizer::Tokenizer(const Lexicon& lexicon, const Vocabulary* vocab) : lex_(lexicon), vocab_(vocab) {
  if (!vocab_) return;
  // Probing our own flat table is much cheaper than Vocabulary::find, so walk
  // the vocabulary once and resolve lemmas through the lexicon.
  entry_ids_.assign(lex_.entry_capacity(), {0, 0});
  vocab_size_ = vocab_->size();
  const uint32_t words = static_cast<uint32_t>(vocab_size_);
  for (uint32_t id = 1; id < words; ++id) {
    uint32_t e = lex_.find_entry(vocab_->word(id));
    if (e != Lexicon::kNoEntry) entry_ids_[e].first = id;
  }
  for (uint32_t i = 0; i < lex_.entry_capacity(); ++i) {
    std::string_view key = lex_.entry_key(i);
    if (key.empty()) continue;
    std::string_view lemma = lex_.entry(i).lemma;
    if (lemma.empty()) continue;
    if (lemma == key) {
      entry_ids_[i].second = entry_ids_[i].first;
    } else if (uint32_t le = lex_.find_entry(lemma); le != Lexicon::kNoEntry) {
      entry_ids_[i].second = entry_ids_[le].first;
    } else {
      entry_ids_[i].second = vocab_->find(lemma);
    }
  }
}

void Tokenizer::tokenize(Doc& doc) const {
  doc.tokens.clear();
  doc.norm.clear();
  // Enough for typical prose; a reused Doc keeps the capacity.
  if (doc.tokens.capacity() < doc.text.size() / 5 + 16) doc.tokens.reserve(doc.text.size() / 5 + 16);
  if (doc.norm.capacity() < doc.text.size() + 16) doc.norm.reserve(doc.text.size() + 16);
  const std::string_view text(doc.text);
  const bool ids_current = vocab_ && vocab_->size() == vocab_size_;

  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    Sentence& sent = doc.sentences[si];
    sent.token_begin = static_cast<uint32_t>(doc.tokens.size());
    uint32_t end = std::min<uint32_t>(sent.end, static_cast<uint32_t>(std::min<size_t>(text.size(), UINT32_MAX)));
    Scanner scanner(text, std::min(sent.begin, end), end);
    Piece piece;
    bool awaiting_word = true;  // kSentenceStart also marks the first word after opening quotes
    uint32_t prev_norm_begin = 0, prev_norm_len = 0;  // offsets: doc.norm may grow
    while (scanner.next(piece)) {
      // Built in place: a Token assembled on the stack and copied stalls on
      // store forwarding, measurably so at this rate.
      Token& t = doc.tokens.emplace_back();
      t.begin = piece.begin;
      t.end = piece.end;
      t.sentence = si;
      std::string_view raw = text.substr(piece.begin, piece.end - piece.begin);
      t.norm_begin = static_cast<uint32_t>(doc.norm.size());
      uint8_t case_bits;
      if (!append_ascii_upper(doc.norm, raw, case_bits)) {
        append_normalized(doc.norm, raw);
        case_bits = case_flags(raw);
      }
      uint16_t flags = case_bits;
      size_t norm_len = doc.norm.size() - t.norm_begin;
      if (norm_len > UINT16_MAX) {
        doc.norm.resize(t.norm_begin + UINT16_MAX);
        norm_len = UINT16_MAX;
      }
      t.norm_len = static_cast<uint16_t>(norm_len);
      std::string_view norm(doc.norm.data() + t.norm_begin, norm_len);
      if (piece.space_before) flags |= kSpaceBefore;
      bool word_looked_up = false;

      switch (piece.kind) {
        case PieceKind::kPunct:
          t.tag = Tag::kPunct;
          break;
        case PieceKind::kQuote:
          t.tag = Tag::kQuote;
          break;
        case PieceKind::kNumber:
          t.tag = Tag::kNum;
          t.pos_bits = kPosNum;
          break;
        case PieceKind::kUrl:
          t.pos_bits = kPosNoun;
          break;
        case PieceKind::kPossessive:
          t.pos_bits = kPosParticle;
          flags |= kPossessive;
          break;
        case PieceKind::kClitic:
        case PieceKind::kWord: {
          uint32_t entry = lex_.find_entry(norm);
          LexInfo info;
          if (entry != Lexicon::kNoEntry) {
            info = lex_.entry(entry);
            if (ids_current) {
              t.word_id = entry_ids_[entry].first;
              t.lemma_id = entry_ids_[entry].second;
              word_looked_up = true;
            } else if (vocab_ && !info.lemma.empty()) {
              t.lemma_id = vocab_->find(info.lemma);
            }
          } else {
            // Moscow-controlled, pro-Western: the last part tells the part of speech.
            size_t dash = norm.rfind('-');
            if (dash != std::string_view::npos && dash + 1 < norm.size()) {
              LexInfo tail = lex_.lookup(norm.substr(dash + 1));
              info.pos_bits = tail.pos_bits;
              if (tail.has_form(VerbForm::kPastParticiple)) info.pos_bits |= kPosAdj;
            }
          }
          t.pos_bits = info.pos_bits;
          t.verb_form = single_form(info.verb_forms);
          t.verb_forms = info.verb_forms;
          if (info.plural_noun()) flags |= kPlural;
          if (info.negation()) flags |= kNegation;
          if (info.usual_verb()) flags |= kUsualVerb;
          if (piece.kind == PieceKind::kClitic && norm == "'S") {
            std::string_view prev_norm(doc.norm.data() + prev_norm_begin, prev_norm_len);
            if (takes_verbal_s(prev_norm)) {
              t.pos_bits = prev_norm == "LET" ? kPosPronoun : kPosAux;
            } else {
              t.pos_bits = kPosParticle;
              flags |= kPossessive;
            }
          }
          break;
        }
      }
      if (vocab_ && !word_looked_up) t.word_id = vocab_->find(norm);
      if (doc.tokens.size() == sent.token_begin + 1) flags |= kSentenceStart;
      if (awaiting_word && t.tag != Tag::kPunct && t.tag != Tag::kQuote) {
        flags |= kSentenceStart;
        awaiting_word = false;
      }
      t.flags = flags;
      prev_norm_begin = t.norm_begin;
      prev_norm_len = t.norm_len;
    }
    sent.token_end = static_cast<uint32_t>(doc.tokens.size());
  }
}

}  // namespace parley
