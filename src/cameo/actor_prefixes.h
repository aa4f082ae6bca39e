// parley/cameo: what the first three letters of a CAMEO actor code name.
//
// A CAMEO actor code starts with a country (ISO 3166-1 alpha-3), a CAMEO
// region (AFR, MEA ...) or a non-state prefix (IGO NGO IMG MNC UIS ---).
// The dictionary checker rejects any other start; the actor finder lends a
// country, and only a country, to agents that name none ("Georgian police
// fired at protesters": the protesters are Georgian).
#pragma once

#include <string_view>

namespace parley {

// True if the first three letters of one actor code (no '/') are a known prefix.
bool known_actor_prefix(std::string_view code);
// True if the first three letters of `code` are an ISO 3166-1 alpha-3 country.
bool country_prefix(std::string_view code);

}  // namespace parley
