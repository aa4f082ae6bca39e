// parley/events: what the gazetteer tells about an event's sides.
//
// The coder (events.h) finds sides among the actor groups; a town or a
// province is no actor, so "shelled Fallujah" leaves the target unnamed and
// "Kandahar police" has no country.  The gazetteer (places/places.h) knows
// the town's country: an attack aimed at an unlisted place is aimed at that
// country, and an agent named after a city takes its country.  The pipeline
// applies both after coding, with the worker's PlaceFinder (which keeps
// per-document state).
#pragma once

#include <cstdint>

#include "doc/doc.h"
#include "events/events.h"
#include "places/places.h"

namespace parley {

// "shelled Fallujah", "launched an assault on Fallujah", "fired rockets
// into Sderot": material conflict (15-20) aimed at a place no actor dictionary
// lists (an unlisted name, so the coder found no target) is aimed at that
// place's country.  The place must stand where the target would: right after
// the verb or noun (past adverbs), after on/upon/against/into, or after what
// was fired and then at/on/into ("fighting in Fallujah" names where, not whom).
// A seizure coded by its verb alone (1711) whose object is a place, listed
// or not, becomes occupying territory (192): "seized Bakhmut", "seized Kuwait".
// Fills `ev`'s target (code, span, one_sided) when the rule applies; leaves
// it unchanged otherwise.
void aim_at_place(const Doc& doc, uint32_t sentence, PlaceFinder& places, Event& ev);

// "the Atlanta Police Department", "Kandahar police", "Texas legislators":
// an agent with no country (---COP) right after the name of a city or
// region takes that place's country, as it would a nationality's ("Afghan
// police").  Only cities of 50,000 people or more and first-level regions:
// smaller places share their names with people ("the Martin government").
// The place's country also replaces one lent by another actor of the
// sentence ("the Houston police criticized the Mexican consulate" is USACOP).
// Fills the source's and the target's country where this applies.
void lend_place_country(const Doc& doc, uint32_t sentence, PlaceFinder& places, Event& ev);

}  // namespace parley
