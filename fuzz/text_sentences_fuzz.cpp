// The sentence splitter and the dateline finder on arbitrary bytes: the
// sentences must be ordered, non-overlapping byte ranges inside the text,
// and a dateline must lie inside the text.
#include <cstdint>

#include "doc/doc.h"
#include "fuzz_support.h"
#include "text/sentences.h"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Doc doc;
  doc.text.assign(fuzz::as_view(data, size));
  split_sentences(doc);
  uint32_t last_end = 0;
  for (const Sentence& s : doc.sentences) {
    PARLEY_FUZZ_CHECK(s.begin < s.end);
    PARLEY_FUZZ_CHECK(s.begin >= last_end);
    PARLEY_FUZZ_CHECK(s.end <= doc.text.size());
    last_end = s.end;
  }
  if (auto d = find_dateline(doc.text)) {
    PARLEY_FUZZ_CHECK(d->begin <= d->end && d->end <= doc.text.size());
  }
  return 0;
}
