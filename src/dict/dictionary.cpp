// Out-of-line members of the dictionary.h types, and the event-code parser the
// readers share.
#include <algorithm>

#include "dict/dictionary.h"
#include "dict/readers.h"

namespace parley {

Code Code::of(std::string_view s) {
  Code c;
  size_t n = std::min(s.size(), sizeof(c.text) - 1);
  std::copy_n(s.data(), n, c.text);
  return c;
}

const std::string* ActorDictionary::code_on(uint32_t record, int32_t date) const {
  if (record >= records.size()) return nullptr;
  const std::string* fallback = nullptr;
  for (const DatedCode& c : records[record].codes) {
    if (!c.restricted) {
      if (!fallback) fallback = &c.code;
    } else if (c.from <= date && date < c.to) {
      return &c.code;
    }
  }
  return fallback;
}

namespace dict_internal {

ParsedCode parse_event_code(std::string_view text, bool allow_private) {
  ParsedCode out;
  text = trim(text);
  if (text.empty()) {
    out.bad_syntax = true;
    return out;
  }
  size_t colon = text.find(':');
  std::string_view parts[2] = {text.substr(0, colon),
                               colon == std::string_view::npos ? std::string_view{} : text.substr(colon + 1)};
  if (colon != std::string_view::npos && (parts[1].empty() || parts[1].find(':') != std::string_view::npos)) {
    out.bad = std::string(text);
    out.bad_syntax = true;
    return out;
  }
  Code* dest[2] = {&out.active, &out.passive};
  for (int k = 0; k < 2; ++k) {
    std::string_view part = trim(parts[k]);
    if (part.empty()) continue;  // "[:173]": no active code
    switch (check_event_code(part, allow_private)) {
      case CodeCheck::kOk:
        *dest[k] = Code::of(part);
        break;
      case CodeCheck::kBadSyntax:
        out.bad = std::string(part);
        out.bad_syntax = true;
        return out;
      case CodeCheck::kUnknown:
        out.bad = std::string(part);
        out.unknown = true;
        return out;
    }
  }
  return out;
}

}  // namespace dict_internal
}  // namespace parley
