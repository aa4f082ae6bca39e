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
    // "said it would send troops to Nepal": a commitment to deploy forces,
    // the target the prospective place of deployment (0334).  Other military
    // posture (15x) stays: its intent is already a show of force.
    {"154", "0334"},
    {"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "134"}, {"165", "135"},
    {"166", "136"}, {"16", "131"},
    {"1721", "1321"}, {"1722", "1322"}, {"1723", "1323"}, {"1724", "1324"}, {"172", "132"},
    {"17", "137"},                                       // coerce -> threaten repression
    {"18", "1383"},                                      // unconventional violence
    {"191", "1381"}, {"192", "1382"}, {"19", "1384"},    // blockade, occupation, attack
    {"20", "1385"},                                      // mass violence
};

constexpr IntentRule kDemandRules[] = {
    {"04", "106"}, {"05", "102"},
    {"061", "1011"}, {"062", "1012"}, {"063", "1013"}, {"064", "1014"}, {"06", "101"},
    {"071", "1031"}, {"072", "1032"}, {"073", "1033"}, {"074", "1034"}, {"07", "103"},
    {"081", "1051"}, {"082", "1052"}, {"083", "104"}, {"084", "1053"}, {"085", "1054"},
    {"086", "1055"}, {"087", "1056"}, {"08", "105"},
};

// What someone is asked to do: "urged Iran to halt enrichment" is 0256.
constexpr IntentRule kAppealRules[] = {
    {"04", "026"}, {"05", "022"},
    {"061", "0211"}, {"062", "0212"}, {"063", "0213"}, {"064", "0214"}, {"06", "021"},
    {"071", "0231"}, {"072", "0232"}, {"073", "0233"}, {"074", "0234"}, {"07", "023"},
    {"081", "0251"}, {"082", "0252"}, {"083", "024"}, {"084", "0253"}, {"085", "0254"},
    {"086", "0255"}, {"087", "0256"}, {"08", "025"},
};

// The longest rule whose `done` prefixes `code`, or null (also for codes that
// are not 3-4 digits).
template <size_t N>
const IntentRule* best_rule(const IntentRule (&rules)[N], std::string_view code) {
  if (code.size() < 3 || code.size() > 4) return nullptr;
  for (char c : code)
    if (c < '0' || c > '9') return nullptr;
  const IntentRule* best = nullptr;
  for (const IntentRule& rule : rules) {
    if (code.substr(0, rule.done.size()) != rule.done) continue;
    if (!best || rule.done.size() > best->done.size()) best = &rule;
  }
  return best;
}

}  // namespace

Code demand_code(Code act) {
  const IntentRule* rule = best_rule(kDemandRules, act.view());
  return Code::of(rule ? rule->intent : std::string_view("100"));
}

Code appeal_code(Code act) {
  const IntentRule* rule = best_rule(kAppealRules, act.view());
  return Code::of(rule ? rule->intent : std::string_view("020"));
}

Code intent_code(Code done) {
  // "---" and private codes such as "174K" have no rule and stay as they are.
  const IntentRule* best = best_rule(kRules, done.view());
  return best ? Code::of(best->intent) : done;
}

}  // namespace parley
