// The CAMEO -> PLOVER table (see plover.h for sources and judgement calls).
#include "plover/plover.h"

#include <algorithm>
#include <array>

#include "cameo/cameo.h"

namespace parley {
namespace {

using P = PloverType;

// Sorted by prefix for binary search; root codes ("01") and three-digit
// codes cover their children unless a child has its own row.
constexpr PloverEntry kTable[] = {
    {"01", P::kOther, ""},
    {"010", P::kOther, ""},
    {"011", P::kOther, ""},
    {"012", P::kAccuse, "disapprove"},
    {"013", P::kSupport, ""},
    {"014", P::kOther, ""},
    {"015", P::kConcede, "responsibility"},
    {"016", P::kReject, "responsibility"},
    {"017", P::kOther, ""},
    {"018", P::kSupport, ""},
    {"019", P::kAgree, ""},
    {"02", P::kRequest, ""},
    {"021", P::kRequest, "cooperate"},
    {"022", P::kRequest, "diplomatic"},
    {"023", P::kRequest, "aid"},
    {"024", P::kRequest, "reform"},
    {"025", P::kRequest, "concede"},
    {"0253", P::kRequest, "release"},
    {"0256", P::kRequest, "de-escalate"},
    {"026", P::kRequest, "consult"},
    {"027", P::kRequest, "settle"},
    {"028", P::kRequest, "mediate"},
    {"03", P::kAgree, ""},
    {"031", P::kAgree, "cooperate"},
    {"032", P::kAgree, "diplomatic"},
    {"033", P::kAgree, "aid"},
    {"034", P::kAgree, "reform"},
    {"035", P::kAgree, "concede"},
    {"0353", P::kAgree, "release"},
    {"0356", P::kAgree, "de-escalate"},
    {"036", P::kAgree, "consult"},
    {"037", P::kAgree, "settle"},
    {"038", P::kAgree, "mediate"},
    {"039", P::kAgree, "mediate"},
    {"04", P::kConsult, ""},
    {"041", P::kConsult, "phone"},
    {"042", P::kConsult, "visit"},
    {"043", P::kConsult, "host"},
    {"044", P::kConsult, "third-party"},
    {"045", P::kConsult, "mediate"},
    {"046", P::kConsult, "negotiate"},
    {"05", P::kCooperate, "diplomatic"},
    {"051", P::kSupport, "praise"},
    {"052", P::kSupport, "defend"},
    {"053", P::kSupport, "rally"},
    {"054", P::kSupport, "recognize"},
    {"055", P::kConcede, "apologize"},
    {"056", P::kSupport, "forgive"},
    {"057", P::kAgree, "sign"},
    {"06", P::kCooperate, ""},
    {"061", P::kCooperate, "economic"},
    {"062", P::kCooperate, "military"},
    {"063", P::kCooperate, "judicial"},
    {"064", P::kCooperate, "intelligence"},
    {"07", P::kAid, ""},
    {"071", P::kAid, "economic"},
    {"072", P::kAid, "military"},
    {"073", P::kAid, "humanitarian"},
    {"074", P::kAid, "peacekeeping"},
    {"075", P::kAid, "asylum"},
    {"08", P::kConcede, ""},
    {"081", P::kConcede, "ease-restrictions"},
    {"082", P::kConcede, "ease-dissent"},
    {"083", P::kConcede, "reform"},
    {"0831", P::kConcede, "leadership"},
    {"0832", P::kConcede, "policy"},
    {"0833", P::kConcede, "rights"},
    {"0834", P::kConcede, "institutions"},
    {"084", P::kRetreat, "release"},
    {"0842", P::kRetreat, "return"},
    {"085", P::kConcede, "ease-sanctions"},
    {"086", P::kConcede, "allow-access"},
    {"087", P::kRetreat, "de-escalate"},
    {"0871", P::kRetreat, "ceasefire"},
    {"0872", P::kRetreat, "ease-blockade"},
    {"0873", P::kRetreat, "demobilize"},
    {"0874", P::kRetreat, "withdraw"},
    {"09", P::kAccuse, "investigate"},
    {"10", P::kRequest, ""},
    {"101", P::kRequest, "cooperate"},
    {"102", P::kRequest, "diplomatic"},
    {"103", P::kRequest, "aid"},
    {"104", P::kRequest, "reform"},
    {"105", P::kRequest, "concede"},
    {"1053", P::kRequest, "release"},
    {"1056", P::kRequest, "de-escalate"},
    {"106", P::kRequest, "consult"},
    {"107", P::kRequest, "settle"},
    {"108", P::kRequest, "mediate"},
    {"11", P::kAccuse, "disapprove"},
    {"111", P::kAccuse, "criticize"},
    {"112", P::kAccuse, "allege"},
    {"1121", P::kAccuse, "crime"},
    {"1122", P::kAccuse, "human-rights"},
    {"1123", P::kAccuse, "aggression"},
    {"1124", P::kAccuse, "war-crimes"},
    {"1125", P::kAccuse, "espionage"},
    {"113", P::kAccuse, "rally-opposition"},
    {"114", P::kAccuse, "complain"},
    {"115", P::kAccuse, "sue"},
    {"116", P::kAccuse, "convict"},
    {"12", P::kReject, ""},
    {"121", P::kReject, "cooperate"},
    {"122", P::kReject, "aid"},
    {"123", P::kReject, "reform"},
    {"124", P::kReject, "concede"},
    {"125", P::kReject, "consult"},
    {"126", P::kReject, "mediate"},
    {"127", P::kReject, "settle"},
    {"128", P::kReject, "defy"},
    {"129", P::kReject, "veto"},
    {"13", P::kThreaten, ""},
    {"131", P::kThreaten, "non-force"},
    {"1311", P::kThreaten, "reduce-aid"},
    {"1312", P::kThreaten, "sanction"},
    {"1313", P::kThreaten, "break-relations"},
    {"132", P::kThreaten, "restrict"},
    {"133", P::kThreaten, "protest"},
    {"134", P::kThreaten, "halt-negotiations"},
    {"135", P::kThreaten, "halt-mediation"},
    {"136", P::kThreaten, "halt-involvement"},
    {"137", P::kThreaten, "repression"},
    {"138", P::kThreaten, "military"},
    {"1381", P::kThreaten, "blockade"},
    {"1382", P::kThreaten, "occupation"},
    {"1383", P::kThreaten, "unconventional"},
    {"1384", P::kThreaten, "attack"},
    {"1385", P::kThreaten, "wmd"},
    {"139", P::kThreaten, "ultimatum"},
    {"14", P::kProtest, ""},
    {"141", P::kProtest, "demonstrate"},
    {"142", P::kProtest, "hunger-strike"},
    {"143", P::kProtest, "strike-boycott"},
    {"144", P::kProtest, "obstruct"},
    {"145", P::kProtest, "riot"},
    {"15", P::kMobilize, ""},
    {"151", P::kMobilize, "police-alert"},
    {"152", P::kMobilize, "military-alert"},
    {"153", P::kMobilize, "police"},
    {"154", P::kMobilize, "military"},
    {"155", P::kMobilize, "cyber"},
    {"16", P::kSanction, ""},
    {"161", P::kSanction, "break-relations"},
    {"162", P::kSanction, "reduce-aid"},
    {"163", P::kSanction, "embargo"},
    {"164", P::kSanction, "halt-negotiations"},
    {"165", P::kSanction, "halt-mediation"},
    {"166", P::kSanction, "expel"},
    {"17", P::kCoerce, ""},
    {"171", P::kCoerce, "seize"},
    {"172", P::kCoerce, "restrict"},
    {"1721", P::kCoerce, "restrict-freedoms"},
    {"1722", P::kCoerce, "ban-parties"},
    {"1723", P::kCoerce, "curfew"},
    {"1724", P::kCoerce, "martial-law"},
    {"173", P::kCoerce, "arrest"},
    {"174", P::kCoerce, "deport"},
    {"175", P::kCoerce, "repression"},
    {"176", P::kCoerce, "cyber"},
    {"18", P::kAssault, ""},
    {"181", P::kAssault, "abduct"},
    {"182", P::kAssault, "beat"},
    {"1821", P::kAssault, "sexual"},
    {"1822", P::kAssault, "torture"},
    {"1823", P::kAssault, "kill"},
    {"183", P::kAssault, "explosives"},
    {"1831", P::kAssault, "suicide-bombing"},
    {"1832", P::kAssault, "vehicle-bombing"},
    {"1833", P::kAssault, "roadside-bombing"},
    {"1834", P::kAssault, "location-bombing"},
    {"184", P::kAssault, "human-shield"},
    {"185", P::kAssault, "assassination-attempt"},
    {"186", P::kAssault, "assassinate"},
    {"19", P::kAssault, ""},
    {"191", P::kCoerce, "blockade"},
    {"192", P::kCoerce, "occupy"},
    {"193", P::kAssault, "firearms"},
    {"194", P::kAssault, "artillery"},
    {"195", P::kAssault, "aerial"},
    {"1951", P::kAssault, "precision-guided"},
    {"1952", P::kAssault, "drone"},
    {"196", P::kAssault, "ceasefire-violation"},
    {"20", P::kAssault, "mass-violence"},
    {"201", P::kCoerce, "mass-expulsion"},
    {"202", P::kAssault, "mass-killing"},
    {"203", P::kAssault, "ethnic-cleansing"},
    {"204", P::kAssault, "wmd"},
    {"2041", P::kAssault, "cbr"},
    {"2042", P::kAssault, "nuclear"},
};

constexpr bool sorted_unique() {
  for (size_t i = 1; i < std::size(kTable); ++i) {
    if (!(kTable[i - 1].cameo_prefix < kTable[i].cameo_prefix)) return false;
  }
  return true;
}
static_assert(sorted_unique(), "kTable must be sorted by prefix, without duplicates");

const PloverEntry* find_row(std::string_view prefix) {
  auto it = std::lower_bound(std::begin(kTable), std::end(kTable), prefix,
                             [](const PloverEntry& e, std::string_view p) { return e.cameo_prefix < p; });
  return it != std::end(kTable) && it->cameo_prefix == prefix ? &*it : nullptr;
}

}  // namespace

std::string_view plover_type_name(PloverType type) {
  static constexpr std::array<std::string_view, 17> kNames = {
      "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
      "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER"};
  const size_t i = static_cast<size_t>(type);
  return i < kNames.size() ? kNames[i] : "OTHER";
}

std::optional<PloverType> plover_type_named(std::string_view name) {
  for (auto t = static_cast<uint8_t>(PloverType::kAgree); t <= static_cast<uint8_t>(PloverType::kOther); ++t) {
    if (plover_type_name(static_cast<PloverType>(t)) == name) return static_cast<PloverType>(t);
  }
  return std::nullopt;
}

const PloverEntry* plover_for(std::string_view cameo_code) {
  if (!cameo_lookup(cameo_code)) return nullptr;
  for (std::string_view prefix = cameo_code; prefix.size() >= 2; prefix.remove_suffix(1)) {
    if (const PloverEntry* e = find_row(prefix)) return e;
  }
  return nullptr;
}

}  // namespace parley
