// Actor records: repeated phrases, date restrictions, code prefixes.
#include <string>

#include "dictcheck/checks.h"

namespace parley::dictcheck::internal {
namespace {

// GCC 12 warns falsely (-Wrestrict) on chains of "literal" + string; the
// texts below are built by appending.
std::string show_date(int32_t d) {
  std::string s = std::to_string(d);
  if (s.size() != 8) return s;
  std::string out;
  out.append(s, 0, 4).append("-").append(s, 4, 2).append("-").append(s, 6, 2);
  return out;
}

// "[RUSGOV from 2000-05-07 until 2008-05-07]": the dates it applies on.
std::string show_code(const DatedCode& c) {
  std::string s;
  s.append("[").append(c.code);
  if (c.restricted) {
    if (c.from > 0 && c.to < 99999999) s.append(" from ").append(show_date(c.from)).append(" until ").append(show_date(c.to));
    else if (c.from > 0) s.append(" from ").append(show_date(c.from));
    else s.append(" before ").append(show_date(c.to));
  }
  s.append("]");
  return s;
}

std::string show_codes(const ActorRecord& r) {
  std::string s;
  for (const DatedCode& c : r.codes) {
    if (!s.empty()) s.append(" ");
    s.append(show_code(c));
  }
  return s.empty() ? "(none)" : s;
}

bool same_codes(const ActorRecord& a, const ActorRecord& b) {
  if (a.codes.size() != b.codes.size()) return false;
  for (size_t i = 0; i < a.codes.size(); ++i) {
    const DatedCode &x = a.codes[i], &y = b.codes[i];
    if (x.code != y.code || x.restricted != y.restricted || x.from != y.from || x.to != y.to) return false;
  }
  return true;
}

void repeats(Reporter& r) {
  const Dictionaries& d = r.dicts();
  for (const ActorRepeat& rep : d.actors.repeats) {
    const ActorPhrase& first = d.actors.phrases[rep.phrase];
    std::string msg = "actor phrase '" + phrase_text(d, first.words) + "' already at " + where(d, first.loc);
    if (rep.record == rep.first_record) {
      msg += " in the same record";
    } else {
      const ActorRecord &a = d.actors.records[rep.first_record], &b = d.actors.records[rep.record];
      if (same_codes(a, b))
        msg += " with the same codes";
      else
        msg += "; codes conflict: " + show_codes(a) + " there, " + show_codes(b) + " here (the first record's codes win)";
    }
    r.add(rep.loc, "duplicate-actor", msg);
  }
}

// Each '/'-separated part of a code ("USA/CAN") must start with a known prefix.
void unknown_prefixes(Reporter& r, const DatedCode& c) {
  std::string_view code = c.code;
  size_t start = 0;
  while (start <= code.size()) {
    size_t slash = code.find('/', start);
    if (slash == std::string_view::npos) slash = code.size();
    std::string_view part = code.substr(start, slash - start);
    if (!known_actor_prefix(part))
      r.add(c.loc, "unknown-actor-code",
            "actor code [" + c.code + "]: '" + std::string(part.substr(0, 3)) +
                "' is not an ISO 3166-1 alpha-3 country, a CAMEO region or a CAMEO prefix (IGO NGO IMG MNC UIS ---)");
    start = slash + 1;
  }
}

bool overlap(const DatedCode& a, const DatedCode& b) { return a.from < b.to && b.from < a.to; }

void dates(Reporter& r) {
  const Dictionaries& d = r.dicts();
  // Records merged for a repeated phrase (finish_actors appends them) are
  // copies of written ones: check the records as written only.
  std::vector<bool> merged(d.actors.records.size(), false);
  for (const ActorRepeat& rep : d.actors.repeats)
    if (rep.record != rep.first_record) merged[d.actors.phrases[rep.phrase].record] = true;
  for (size_t i = 0; i < d.actors.records.size(); ++i) {
    if (merged[i]) continue;
    const ActorRecord& rec = d.actors.records[i];
    const DatedCode* fallback = nullptr;
    for (size_t k = 0; k < rec.codes.size(); ++k) {
      const DatedCode& c = rec.codes[k];
      unknown_prefixes(r, c);
      if (!c.restricted) {
        if (fallback)
          r.add(c.loc, "unreachable-default",
                "undated code [" + c.code + "] can never apply: the undated [" + fallback->code + "] at " +
                    where(d, fallback->loc) + " comes first");
        else
          fallback = &c;
        continue;
      }
      if (c.from >= c.to) {
        r.add(c.loc, "inverted-dates",
              "date range of [" + c.code + "] starts on or after its end (" + show_date(c.from) + " >= " +
                  show_date(c.to) + "): it holds on no date");
        continue;
      }
      if (fallback)
        r.add(c.loc, "dated-after-default",
              "dated " + show_code(c) + " after the undated default [" + fallback->code + "] at " +
                  where(d, fallback->loc) +
                  ": parley tries it first, but a reader that takes file order (PETRARCH2) never reaches it");
      for (size_t j = 0; j < k; ++j) {
        const DatedCode& e = rec.codes[j];
        if (!e.restricted || e.from >= e.to || !overlap(e, c)) continue;
        r.add(c.loc, "overlapping-dates",
              show_code(c) + " overlaps " + show_code(e) + " at " + where(d, e.loc) +
                  (e.code == c.code ? " (same code)" : "; on the common dates the earlier line wins"));
      }
    }
  }
}

}  // namespace

void check_actors(Reporter& r) {
  repeats(r);
  dates(r);
}

}  // namespace parley::dictcheck::internal
