// parley/plover: the CAMEO -> PLOVER event-type crosswalk.
//
// Owns the project's own mapping from every CAMEO code to a PLOVER event type
// and, where PLOVER distinguishes one, its mode.  Source: the PLOVER
// ontology (openeventdata PLOVER manual and the POLECAT codebook that
// implements it), written from that documentation as a compact table of CAMEO
// code prefixes: the longest listed prefix of a code decides, so "1831"
// inherits from "183" unless "1831" has its own row.
//
// Judgement calls (PLOVER has no exact counterpart):
//  - 010 statement, 011 decline comment, 014 consider policy, 017 symbolic act
//    carry no PLOVER event: type OTHER.
//  - 012 pessimistic comment -> ACCUSE (mode "disapprove"); 013 optimistic and
//    018 empathetic comment -> SUPPORT; 015 acknowledge responsibility ->
//    CONCEDE; 016 deny responsibility -> REJECT; 019 express accord -> AGREE.
//  - 02 appeal and 10 demand -> REQUEST (PLOVER folded DEMAND into REQUEST);
//    the mode names what is asked for.
//  - 03 express intent to cooperate -> AGREE, mode = what is promised.
//  - 09 investigate -> ACCUSE mode "investigate" (POLECAT's reading).
//  - 084 release/return, 087 de-escalation -> RETREAT; the rest of 08 ->
//    CONCEDE.
//  - 191 blockade, 192 occupy, 201 mass expulsion -> COERCE; the rest of 19
//    and 20 -> ASSAULT.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace parley {

enum class PloverType : uint8_t {
  kAgree, kConsult, kSupport, kConcede, kCooperate, kAid, kRetreat,
  kRequest, kAccuse, kReject, kThreaten,
  kProtest, kSanction, kMobilize, kCoerce, kAssault,
  kOther,
};

std::string_view plover_type_name(PloverType type);  // "AGREE", ..., "OTHER"
// The type named `name` (upper case, as plover_type_name() writes it);
// nullopt for a name that is not a PLOVER type of this table.
std::optional<PloverType> plover_type_named(std::string_view name);

struct PloverEntry {
  std::string_view cameo_prefix;  // the table row that decided ("04" root rows too)
  PloverType type;
  std::string_view mode;          // "" when PLOVER defines none for it
  std::string_view type_name() const { return plover_type_name(type); }
};

// nullptr if `cameo_code` is not a CAMEO code (cameo_lookup fails).
const PloverEntry* plover_for(std::string_view cameo_code);

}  // namespace parley
