// The HTTP front door of `parley serve` (src/server/http_gate.h) on
// arbitrary bytes as they would arrive on a connection: find the head's end
// (fed in two pieces, as reads split it), check the head, and de-chunk what
// follows in pieces, with a small body limit.  Nothing here may throw, the
// decoder must never exceed its limit, and a refused head has an HTTP error
// status.
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "server/http_gate.h"

using namespace parley;
using namespace parley::server;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks where reads split the stream.
  const size_t split = data[0] % 64;
  const std::string_view stream = fuzz::as_view(data + 1, size - 1);

  size_t scanned = 0;
  size_t head_end = find_head_end(stream.substr(0, std::min(split, stream.size())), &scanned);
  if (head_end == 0) head_end = find_head_end(stream, &scanned);
  PARLEY_FUZZ_CHECK(head_end <= stream.size());
  if (head_end == 0) return 0;

  GateLimits limits;
  limits.max_head_bytes = 512;
  limits.max_target_bytes = 128;
  limits.max_body_bytes = 256;
  const HeadCheck head = check_request_head(stream.substr(0, head_end), limits);
  PARLEY_FUZZ_CHECK(head.status == 0 || (head.status >= 400 && head.status < 600));
  if (head.status != 0) return 0;

  std::string_view rest = stream.substr(head_end);
  if (head.body == HeadCheck::Body::kLength) {
    PARLEY_FUZZ_CHECK(head.content_length <= limits.max_body_bytes);
  } else if (head.body == HeadCheck::Body::kChunked) {
    ChunkedDecoder decoder(limits.max_body_bytes);
    std::string body;
    const size_t piece = split + 1;
    while (true) {
      size_t consumed = 0;
      const std::string_view part = rest.substr(0, piece);
      const ChunkedDecoder::State state = decoder.feed(part, &body, &consumed);
      PARLEY_FUZZ_CHECK(consumed <= part.size());
      PARLEY_FUZZ_CHECK(body.size() <= limits.max_body_bytes);
      if (state != ChunkedDecoder::State::kMore) {
        if (state == ChunkedDecoder::State::kMalformed) PARLEY_FUZZ_CHECK(!decoder.error().empty());
        break;
      }
      PARLEY_FUZZ_CHECK(consumed == part.size());
      rest.remove_prefix(consumed);
      if (rest.empty()) break;
    }
  }
  return 0;
}
