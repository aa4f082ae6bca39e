// parley/events: what an event becomes when it is only announced.
//
// CAMEO codes an actor's stated intention to act, not the act: "X will supply
// arms to Y" is 0332 (intent to provide military aid), not 072; "X will meet
// Y" is 036; "X said it will attack Y" is a threat, 1384.  The coder finds the
// act from the verb; the pipeline, once the modality analyser has found the
// event to be future (will / shall / plans to / is set to ...) or reported with
// "would", maps the act's code to its intent form here (cameo_rules.jsonl:
// the 03 codes are intents to cooperate, the 13 codes threats).
#pragma once

#include "dict/dictionary.h"

namespace parley {

// The intent (03x) or threat (13x) code for an announced act; `done` itself
// when CAMEO has no intent form for it (statements, appeals, demands,
// disapproval, rejection, threats and intents already, investigations,
// military posture other than a deployment, 154 -> 0334) or when it is not
// a CAMEO code.
Code intent_code(Code done);

// The demand (10x) that someone else do an act: "Kenya said Uganda must
// withdraw its troops" is Kenya's demand of Uganda, 1056, not Uganda's
// withdrawal.  Yielding (08x) maps to the 105 family, cooperation and aid to
// 101-103, meetings to 106; any other act (and a non-CAMEO code) to 100.
Code demand_code(Code act);

// The appeal (02x) that someone else do an act: "Egypt urged Israel to free
// the prisoners" is 0253.  Families as for demand_code (08x -> 025x, 07x ->
// 023x, 06x -> 021x, 05 -> 022, 04 -> 026); any other act to 020.
Code appeal_code(Code act);

}  // namespace parley
