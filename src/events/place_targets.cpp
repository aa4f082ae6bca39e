#include "events/place_targets.h"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace parley {

void aim_at_place(const Doc& doc, uint32_t sentence, PlaceFinder& places, Event& ev) {
  const std::string_view code = ev.code.view();
  if (ev.target_begin >= 0 || ev.target != "---" || code.size() < 2) return;
  const std::string_view root = code.substr(0, 2);
  if (root < "15" || root > "20") return;
  const Sentence& s = doc.sentences[sentence];
  uint32_t k = ev.verb_end;
  while (k < s.token_end && doc.tokens[k].tag == Tag::kAdv) ++k;
  auto aimed = [&](uint32_t at, bool after_object) {
    if (at >= s.token_end) return false;
    const std::string_view w = doc.norm_of(doc.tokens[at]);
    return w == "ON" || w == "UPON" || w == "AGAINST" || w == "INTO" || (after_object && w == "AT");
  };
  if (aimed(k, false)) {
    ++k;
  } else if (const int32_t np = doc.chunk_at(sentence, k);
             np >= 0 && doc.chunks[static_cast<size_t>(np)].kind == ChunkKind::kNounPhrase &&
             !(doc.tokens[k].flags & kCapitalised) && aimed(doc.chunks[static_cast<size_t>(np)].end, true)) {
    // "fired rockets into Sderot", "dropped bombs on Khan Younis": what was
    // fired, then where it was aimed.
    k = doc.chunks[static_cast<size_t>(np)].end + 1;
  }
  if (k < s.token_end && doc.norm_of(doc.tokens[k]) == "THE") ++k;
  // "captured the town of Kunduz", "shelled the city of Aleppo".
  static constexpr std::string_view kSettlements[] = {"TOWN", "CITY", "VILLAGE", "PORT", "CAPITAL",
                                                      "PROVINCE", "REGION", "DISTRICT", "AREA"};
  if (k + 2 < s.token_end && doc.norm_of(doc.tokens[k + 1]) == "OF" &&
      std::find(std::begin(kSettlements), std::end(kSettlements), doc.norm_of(doc.tokens[k])) !=
          std::end(kSettlements))
    k += 2;
  if (k >= s.token_end) return;
  if (doc.tokens[k].tag != Tag::kProper) return;
  const std::optional<PlaceMention> m = places.name_at(doc, sentence, k);
  if (!m || m->place.iso3.empty()) return;
  // "Western women": a name that modifies the noun after it is no place.
  if (m->token_end < s.token_end && doc.tokens[m->token_end].tag == Tag::kNoun) return;
  ev.target.assign(m->place.iso3);
  ev.target_begin = static_cast<int32_t>(k);
  ev.target_end = static_cast<int32_t>(m->token_end);
  ev.one_sided = ev.source_begin < 0 || ev.source == "---";
}


}  // namespace parley
