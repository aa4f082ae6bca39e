// parley/events: what the stages after the coder add to each event.
//
// EventCoder (events.h) decides who did what to whom; the pipeline's Worker
// then fills one EventDetails per event from the later stages (temporal,
// places, modality, plover), and the sinks only write them.  This header is
// the record those stages hand on; the events library itself never reads
// it, so it does not link them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "modality/modality.h"
#include "places/places.h"
#include "plover/plover.h"
#include "temporal/temporal.h"

namespace parley {

struct EventDetails {
  int32_t date = 0;                       // YYYYMMDD, 0 = unknown
  DatePrecision precision = DatePrecision::kDay;
  std::string date_text;                  // "on Saturday"; empty when from the document date
  std::optional<PlaceMention> place;
  EventModality modality;
  const PloverEntry* plover = nullptr;
};

}  // namespace parley
