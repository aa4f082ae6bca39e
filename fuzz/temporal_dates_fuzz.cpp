// The date expressions of parsed sentences (src/temporal/) on arbitrary
// text coded by the real pipeline, against an anchor date taken from the
// input's first bytes (any int, valid or not).  Mentions must lie inside
// their sentence in text order without overlapping, carry valid dates, and
// date_for_event() must give a mention's date or the anchor.
#include <cstdint>
#include <cstring>

#include "engine_fixture.h"
#include "fuzz_support.h"
#include "io/dates.h"
#include "temporal/temporal.h"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4) return 0;
  int32_t document_date = 0;
  std::memcpy(&document_date, data, 4);
  const std::string_view text = fuzz::as_view(data + 4, size - 4);
  Worker worker(fuzz::bundled_engine());
  CodedDocument coded;
  worker.code("fuzz", document_date, text, false, coded);
  const Doc& doc = worker.doc();
  const int32_t anchor = anchor_date(document_date, document_date % 1300);
  PARLEY_FUZZ_CHECK(anchor == 0 || io::is_valid_date(anchor));
  std::vector<DateMention> mentions;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    mentions.clear();
    find_dates(doc, s, anchor, mentions);
    uint32_t last_end = doc.sentences[s].token_begin;
    for (const DateMention& m : mentions) {
      PARLEY_FUZZ_CHECK(m.token_begin >= last_end && m.token_begin < m.token_end);
      PARLEY_FUZZ_CHECK(m.token_end <= doc.sentences[s].token_end);
      // With no anchor a relative date ("on Tuesday") is found with date 0:
      // the event keeps its date words, not a day (DESIGN, temporal).
      PARLEY_FUZZ_CHECK(io::is_valid_date(m.date) || (anchor == 0 && m.date == 0));
      last_end = m.token_end;
    }
    for (uint32_t t = doc.sentences[s].token_begin; t < doc.sentences[s].token_end; ++t) {
      const EventDate d = date_for_event(mentions, t, anchor);
      PARLEY_FUZZ_CHECK(d.from_anchor ? d.date == anchor : (io::is_valid_date(d.date) || (anchor == 0 && d.date == 0)));
    }
  }
  return 0;
}
