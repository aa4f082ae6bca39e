#include "events/intent.h"

#include <string_view>

namespace parley {
namespace {

struct IntentRule {
  std::string_view done;    // a code, or a prefix of codes when it ends the match
  std::string_view intent;
};

// Longest match first within a root: "0811" before "081" before "08".  Roots
// with no entry (01, 02, 03, 09, 10-13, 15) keep their code.
constexpr IntentRule kRules[] = {
    {"04", "036"},                                       // consult -> intent to meet or negotiate
    {"057", "030"}, {"05", "032"},                       // sign an agreement / diplomatic cooperation
    {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"}, {"06", "031"},
    {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"}, {"07", "033"},
    {"081", "0351"}, {"082", "0352"}, {"083", "034"}, {"084", "0353"}, {"085", "0354"},
    {"086", "0355"}, {"087", "0356"}, {"08", "035"},
    {"14", "133"},                                       // protest -> threaten dissent
    {"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "134"}, {"165", "135"},
    {"166", "136"}, {"16", "131"},
    {"1721", "1321"}, {"1722", "1322"}, {"1723", "1323"}, {"1724", "1324"}, {"172", "132"},
    {"17", "137"},                                       // coerce -> threaten repression
    {"18", "1383"},                                      // unconventional violence
    {"191", "1381"}, {"192", "1382"}, {"19", "1384"},    // blockade, occupation, attack
    {"20", "1385"},                                      // mass violence
};

}  // namespace

Code intent_code(Code done) {
  const std::string_view code = done.view();
  if (code.size() < 3 || code.size() > 4) return done;
  for (char c : code)
    if (c < '0' || c > '9') return done;  // "---", private codes such as "174K"
  const IntentRule* best = nullptr;
  for (const IntentRule& rule : kRules) {
    if (code.substr(0, rule.done.size()) != rule.done) continue;
    if (!best || rule.done.size() > best->done.size()) best = &rule;
  }
  return best ? Code::of(best->intent) : done;
}

}  // namespace parley
