// Condition clauses: where an if-clause starts and ends, and which verbs it
// governs (see conditions.h).
#include "modality/conditions.h"

#include <string_view>

namespace parley::modality_detail {
namespace {

std::string_view norm(const Doc& doc, uint32_t i) { return doc.norm_of(doc.tokens[i]); }

// Length of a condition marker at token i (0: none): IF, UNLESS, PROVIDED /
// PROVIDING (THAT), AS LONG AS, ON CONDITION THAT.
uint32_t marker_length(const Doc& doc, uint32_t i, uint32_t e) {
  const std::string_view w = norm(doc, i);
  if (w == "IF" || w == "UNLESS") return 1;
  if ((w == "PROVIDED" || w == "PROVIDING") && i + 1 < e && norm(doc, i + 1) == "THAT") return 2;
  if (w == "AS" && i + 2 < e && norm(doc, i + 1) == "LONG" && norm(doc, i + 2) == "AS") return 3;
  if (w == "ON" && i + 2 < e && norm(doc, i + 1) == "CONDITION" && norm(doc, i + 2) == "THAT") return 3;
  return 0;
}

// "Had Russia invaded Finland, …", "Were Iran to attack, …", "Should talks
// fail, …": a condition put first by inversion.  Only at the very start of the
// sentence, right before a noun phrase, and closed by a comma before the
// sentence ends (a question ends with "?" instead and is never a condition).
bool inverted_condition(const Doc& doc, uint32_t b, uint32_t i, uint32_t e) {
  if (i != b || i + 2 >= e) return false;
  const std::string_view w = norm(doc, i);
  if (w != "HAD" && w != "WERE" && w != "SHOULD") return false;
  const Tag next = doc.tokens[i + 1].tag;
  if (next != Tag::kProper && next != Tag::kNoun && next != Tag::kDet && next != Tag::kPronoun &&
      next != Tag::kAdj)
    return false;
  for (uint32_t k = i + 2; k < e; ++k) {
    const std::string_view t = norm(doc, k);
    if (t == ",") return true;
    if (t == "?" || is_clause_break(doc, k)) return false;
  }
  return false;
}

bool is_final(const Doc& doc, uint32_t i) {
  const std::string_view w = norm(doc, i);
  return w == "." || w == "?" || w == "!";
}

// "If" that opens the sentence or a clause: only conjunctions, adverbs or
// quote marks before it since the last break.
bool leading(const Doc& doc, uint32_t b, uint32_t m) {
  for (uint32_t k = m; k-- > b;) {
    if (is_clause_break(doc, k) || norm(doc, k) == ":") return true;
    const Tag t = doc.tokens[k].tag;
    if (t != Tag::kConj && t != Tag::kAdv && t != Tag::kQuote) return false;
  }
  return true;
}

}  // namespace

bool is_clause_break(const Doc& doc, uint32_t i) {
  const std::string_view w = norm(doc, i);
  if (w == ";" || w == "--") return true;
  const std::string_view raw = doc.text_of(doc.tokens[i]);
  return raw == "\xE2\x80\x94" || raw == "\xE2\x80\x93";  // — –
}

Condition find_condition(const Doc& doc, uint32_t s, uint32_t verb) {
  Condition c;
  if (s >= doc.sentences.size()) return c;
  const uint32_t b = doc.sentences[s].token_begin, e = doc.sentences[s].token_end;
  if (verb < b || verb >= e) return c;
  for (uint32_t m = b; m < e; ++m) {
    const uint32_t len = inverted_condition(doc, b, m, e) ? 1 : marker_length(doc, m, e);
    if (!len) continue;
    const bool lead = leading(doc, b, m);
    // Where the condition clause ends.
    uint32_t end = m + len;
    while (end < e && !is_clause_break(doc, end) && !is_final(doc, end)) {
      if (norm(doc, end) == ",") {
        if (lead) break;
        if (end + 1 < e && norm(doc, end + 1) == "BUT") break;
      }
      ++end;
    }
    if (verb >= m && verb < end) {
      c.begin = static_cast<int32_t>(m);
      c.end = static_cast<int32_t>(end);
      c.contains_event = true;
      return c;
    }
    bool governs = false;
    if (lead) {
      // The clause after "If …," up to the next break.
      governs = verb >= end;
      for (uint32_t k = end; governs && k < verb; ++k)
        if (is_clause_break(doc, k)) governs = false;
    } else if (verb < m) {
      governs = true;
      for (uint32_t k = verb; governs && k < m; ++k)
        if (is_clause_break(doc, k)) governs = false;
    }
    if (governs) {
      c.begin = static_cast<int32_t>(m);
      c.end = static_cast<int32_t>(end);
      return c;
    }
    m = end > m ? end - 1 : m;
  }
  return c;
}

}  // namespace parley::modality_detail
