#include "text/abbreviations.h"

#include <cctype>

namespace parley {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

template <size_t N>
bool in_list(const std::string_view (&list)[N], std::string_view w) {
  for (std::string_view x : list)
    if (iequals(x, w)) return true;
  return false;
}

constexpr std::string_view kTitles[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Cmdr",
    "Maj", "Sgt", "Adm", "Brig", "Cpl", "Pvt", "Rev", "Hon", "Pres", "Amb", "Supt", "Insp",
    "Msgr", "Fr", "Mt", "Ft", "Messrs", "Mme", "Mlle", "Det", "Atty", "Sec"};

constexpr std::string_view kGeneral[] = {
    "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Inc", "Corp", "Co", "Ltd", "Bros", "vs", "etc", "approx", "est", "Dept", "Univ", "Assn",
    "Ave", "Blvd", "Rd", "Sq", "Gov't", "al", "cf", "viz", "Intl", "Natl", "Mfg", "Jr", "Sr"};

constexpr std::string_view kStarters[] = {
    "The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I",
    "You", "His", "Her", "Its", "Their", "Our", "My", "There", "Here", "In", "On", "At", "But",
    "And", "Or", "So", "Yet", "If", "When", "While", "After", "Before", "As", "Although", "Though",
    "Because", "Since", "However", "Meanwhile", "Also", "Then", "Some", "Many", "Most", "Both",
    "Each", "What", "Who", "Why", "How", "Where", "Last", "Earlier", "Later", "Still", "Such",
    "Nor", "For", "Under"};

constexpr std::string_view kFunctionWords[] = {
    "the", "a", "an", "of", "for", "to", "in", "on", "at", "by", "with", "from", "into", "onto",
    "and", "or", "but", "nor", "as", "that", "which", "who", "whom", "whose", "his", "her", "its",
    "their", "our", "my", "your", "this", "these", "those", "is", "are", "was", "were", "be",
    "been", "has", "have", "had", "will", "would", "could", "should", "can", "may", "might",
    "must", "than", "about", "after", "before", "between", "over", "under"};

bool is_dotted_letters(std::string_view w) {
  // L(.L)+ : every segment one letter.
  if (w.size() < 3) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    bool letter_pos = (i % 2 == 0);
    if (letter_pos != (std::isalpha(static_cast<unsigned char>(w[i])) != 0)) return false;
    if (!letter_pos && w[i] != '.') return false;
  }
  return true;
}

}  // namespace

AbbrevKind abbreviation_kind(std::string_view w) {
  if (w.empty()) return AbbrevKind::kNone;
  if (w.size() == 1) {
    return std::isupper(static_cast<unsigned char>(w[0])) ? AbbrevKind::kInitial : AbbrevKind::kNone;
  }
  if (is_dotted_letters(w)) return AbbrevKind::kGeneral;
  if (w.size() > 7) return AbbrevKind::kNone;
  if (iequals(w, "No")) return AbbrevKind::kNumber;
  if (in_list(kTitles, w)) return AbbrevKind::kTitle;
  if (in_list(kGeneral, w)) return AbbrevKind::kGeneral;
  return AbbrevKind::kNone;
}

bool is_sentence_starter(std::string_view w) {
  if (w.empty() || !std::isupper(static_cast<unsigned char>(w[0]))) return false;
  for (std::string_view x : kStarters)
    if (x == w) return true;
  return false;
}

bool is_function_word(std::string_view w) { return in_list(kFunctionWords, w); }

}  // namespace parley
