// The date parsers of src/io/dates.h on arbitrary bytes: parse_date() and
// parse_record_date() must accept only real days, agree with each other on
// what both read, and give back what format_date() writes.
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "io/dates.h"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::as_view(data, size);
  int32_t strict = 0;
  if (io::parse_date(text, &strict)) {
    PARLEY_FUZZ_CHECK(io::is_valid_date(strict));
    int32_t again = 0;
    PARLEY_FUZZ_CHECK(io::parse_date(io::format_date(strict), &again) && again == strict);
  }
  int32_t loose = 0;
  std::string why;
  if (io::parse_record_date(text, &loose, &why)) {
    PARLEY_FUZZ_CHECK(io::is_valid_date(loose));
    if (strict != 0) PARLEY_FUZZ_CHECK(loose == strict);
    // Day arithmetic stays in range and inverts.
    const int64_t days = io::days_since_epoch(loose);
    PARLEY_FUZZ_CHECK(io::date_from_days(days) == loose);
    PARLEY_FUZZ_CHECK(io::weekday(loose) >= 0 && io::weekday(loose) <= 6);
  } else {
    PARLEY_FUZZ_CHECK(!why.empty());
  }
  return 0;
}
