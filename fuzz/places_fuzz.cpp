// The place stage (src/places/): the gazetteer's lookups on arbitrary names
// (the input split at its first '|' into name and qualifier or context
// country), and the PlaceFinder on the input coded as a document by the real
// pipeline.  A found place must come from the table (a country code of two
// letters) and its evidence must lie inside its sentence.
#include <cstdint>

#include "engine_fixture.h"
#include "fuzz_support.h"
#include "places/places.h"

using namespace parley;

namespace {

void check_place(const Place& p) {
  PARLEY_FUZZ_CHECK(!p.name.empty());
  PARLEY_FUZZ_CHECK(p.iso2.size() == 2);
  PARLEY_FUZZ_CHECK(p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Engine& engine = fuzz::bundled_engine();
  const Gazetteer& gazetteer = engine.gazetteer();
  const std::string_view all = fuzz::as_view(data, size);
  const size_t bar = all.find('|');
  const std::string_view name = all.substr(0, bar);
  const std::string_view other = bar == std::string_view::npos ? std::string_view() : all.substr(bar + 1);
  if (auto p = gazetteer.resolve(name)) check_place(*p);
  if (auto p = gazetteer.resolve(name, other)) check_place(*p);
  if (auto p = gazetteer.resolve_qualified(name, other)) check_place(*p);

  Worker worker(engine);
  CodedDocument coded;
  worker.code("fuzz", 20250806, all, false, coded);
  const Doc& doc = worker.doc();
  PlaceFinder finder(gazetteer);
  finder.start_document(doc);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    if (auto m = finder.find(doc, s)) {
      check_place(m->place);
      PARLEY_FUZZ_CHECK(m->token_begin < m->token_end);
      PARLEY_FUZZ_CHECK(m->token_begin >= doc.sentences[s].token_begin && m->token_end <= doc.sentences[s].token_end);
    }
  }
  return 0;
}
