// The HTTP gate's checks without a socket: request heads (each malformed
// pattern of issue 12, defect 9, is refused with its own status and
// message), where a head ends, and the chunked decoder's limit.
#include <gtest/gtest.h>

#include <string>

#include "server/http_gate.h"
#include "server/request_bodies.h"

namespace parley::server {
namespace {

using namespace std::literals;

HeadCheck check(std::string_view head, GateLimits limits = {}) { return check_request_head(head, limits); }

TEST(HttpGate, AcceptsAPlainRequestAndPassesItsHeadOn) {
  const HeadCheck c = check("POST /v1/code?id=a HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                            "Content-Length: 12\r\n\r\n");
  EXPECT_EQ(c.status, 0) << c.message;
  EXPECT_EQ(c.body, HeadCheck::Body::kLength);
  EXPECT_EQ(c.content_length, 12u);
  EXPECT_EQ(c.forwarded,
            "POST /v1/code?id=a HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n");
  EXPECT_FALSE(c.expect_continue);

  const HeadCheck get = check("GET / HTTP/1.0\r\n\r\n");
  EXPECT_EQ(get.status, 0) << "HTTP/1.0 needs no Host";
  EXPECT_EQ(get.body, HeadCheck::Body::kNone);
}

TEST(HttpGate, ChunkedAndExpectAreTakenOutOfTheForwardedHead) {
  const HeadCheck c = check("POST /v1/code HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n"
                            "Expect: 100-continue\r\n\r\n");
  EXPECT_EQ(c.status, 0) << c.message;
  EXPECT_EQ(c.body, HeadCheck::Body::kChunked);
  EXPECT_TRUE(c.expect_continue);
  EXPECT_EQ(c.forwarded, "POST /v1/code HTTP/1.1\r\nHost: x\r\n");
}

struct Refusal {
  const char* what;
  std::string head;
  int status;
  const char* message_part;
};

TEST(HttpGate, RefusesEachMalformedHeadWithItsOwnStatus) {
  const Refusal cases[] = {
      {"duplicate Content-Length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n", 400,
       "more than one Content-Length"},
      {"Content-Length with Transfer-Encoding",
       "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n", 400,
       "both Content-Length and Transfer-Encoding"},
      {"NUL in a header value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n"s, 400, "NUL byte in header X-A"},
      {"other control character", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\x01" "b\r\n\r\n", 400, "control character"},
      {"folded header", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n", 400, "folded header line"},
      {"tab-folded header", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n\tb\r\n\r\n", 400, "folded header line"},
      {"bare LF", "GET / HTTP/1.1\r\nHost: x\nX-A: a\r\n\r\n", 400, "bare LF"},
      {"bare LF head", "GET / HTTP/1.1\nHost: x\n\n", 400, "bare LF"},
      {"space before colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400, "malformed header line"},
      {"no colon", "GET / HTTP/1.1\r\nHost x\r\n\r\n", 400, "malformed header line"},
      {"no Host", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", 400, "without a Host"},
      {"two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "more than one Host"},
      {"Content-Length not a number", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5, 5\r\n\r\n", 400,
       "not a number"},
      {"negative Content-Length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400, "not a number"},
      {"body over the limit", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\n\r\n", 413, "larger"},
      {"huge Content-Length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n", 413,
       "larger"},
      {"gzip coding", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501,
       "\"gzip, chunked\" is not supported"},
      {"two Transfer-Encodings",
       "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", 400,
       "more than one Transfer-Encoding"},
      {"chunked in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400, "HTTP/1.0"},
      {"other Expect", "POST / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n", 417, "100-continue"},
      {"HTTP/2 line", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505, "version"},
      {"not HTTP", "GET / FTP/1.0\r\nHost: x\r\n\r\n", 400, "request line"},
      {"extra space", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400, "request line"},
      {"space in target", "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", 400, "request line"},
      {"raw byte in target", "GET /caf\xC3\xA9 HTTP/1.1\r\nHost: x\r\n\r\n", 400, "percent-encode"},
      {"bad method", "G(ET / HTTP/1.1\r\nHost: x\r\n\r\n", 400, "method"},
      {"no blank line", "GET / HTTP/1.1\r\nHost: x\r\n", 400, "blank line"},
  };
  for (const Refusal& r : cases) {
    SCOPED_TRACE(r.what);
    const HeadCheck c = check(r.head);
    EXPECT_EQ(c.status, r.status) << c.message;
    EXPECT_NE(c.message.find(r.message_part), std::string::npos) << c.message;
  }
}

TEST(HttpGate, SizeLimitsOfTheHead) {
  GateLimits limits;
  limits.max_target_bytes = 10;
  limits.max_head_bytes = 100;
  EXPECT_EQ(check("GET /0123456789 HTTP/1.1\r\nHost: x\r\n\r\n", limits).status, 414);
  EXPECT_EQ(check("GET /012345678 HTTP/1.1\r\nHost: x\r\n\r\n", limits).status, 0);
  EXPECT_EQ(check("GET / HTTP/1.1\r\nHost: x\r\nX: " + std::string(100, 'a') + "\r\n\r\n", limits).status, 431);
}

TEST(HttpGate, FindsTheEndOfAHeadArrivingAByteAtATime) {
  const std::string head = "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /next";
  size_t scanned = 0;
  size_t end = 0;
  for (size_t n = 1; n <= head.size() && end == 0; ++n) end = find_head_end(std::string_view(head).substr(0, n), &scanned);
  EXPECT_EQ(end, head.find("GET /next"));
  scanned = 0;
  EXPECT_EQ(find_head_end("GET / HTTP/1.1\nHost: x\n\nrest", &scanned), 24u) << "bare LF heads end too, to be refused";
  scanned = 0;
  EXPECT_EQ(find_head_end("GET / HTTP/1.1\r\nHost: x\r\n", &scanned), 0u);
}

std::string decode_all(std::string_view in, size_t limit, ChunkedDecoder::State* state, size_t step = 1) {
  ChunkedDecoder d(limit);
  std::string body;
  size_t at = 0;
  *state = ChunkedDecoder::State::kMore;
  while (at < in.size() && *state == ChunkedDecoder::State::kMore) {
    size_t consumed = 0;
    *state = d.feed(in.substr(at, step), &body, &consumed);
    at += consumed;
  }
  return body;
}

TEST(HttpGate, ChunkedBodiesDecodeInAnyPieces) {
  const std::string in = "5;ext=1\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\nNEXT";
  for (size_t step : {1u, 2u, 7u, 1000u}) {
    SCOPED_TRACE(step);
    ChunkedDecoder d(100);
    std::string body;
    size_t at = 0, consumed = 0;
    ChunkedDecoder::State s = ChunkedDecoder::State::kMore;
    while (s == ChunkedDecoder::State::kMore) {
      s = d.feed(std::string_view(in).substr(at, step), &body, &consumed);
      at += consumed;
    }
    EXPECT_EQ(s, ChunkedDecoder::State::kDone);
    EXPECT_EQ(body, "hello 0123456789");
    EXPECT_EQ(in.substr(at), "NEXT") << "bytes after the body are left for the next request";
  }
}

TEST(HttpGate, ChunkedLimitHoldsWhileReading) {
  ChunkedDecoder::State s;
  std::string body = decode_all("400\r\n" + std::string(1024, 'a') + "\r\n1\r\nb\r\n0\r\n\r\n", 1024, &s, 100);
  EXPECT_EQ(s, ChunkedDecoder::State::kTooLarge);
  EXPECT_LE(body.size(), 1024u);
  // A size announced far beyond the limit is refused before any data.
  body = decode_all("FFFFFFFF\r\n", 1024, &s);
  EXPECT_EQ(s, ChunkedDecoder::State::kTooLarge);
  EXPECT_TRUE(body.empty());
  body = decode_all("FFFFFFFFFFFFFFFFFFFF\r\n", 1024, &s);
  EXPECT_EQ(s, ChunkedDecoder::State::kTooLarge) << "overflowing sizes too";
  // Exactly at the limit is fine.
  body = decode_all("400\r\n" + std::string(1024, 'a') + "\r\n0\r\n\r\n", 1024, &s, 100);
  EXPECT_EQ(s, ChunkedDecoder::State::kDone);
  EXPECT_EQ(body.size(), 1024u);
}

TEST(HttpGate, MalformedChunking) {
  for (const std::string& in : {"x\r\n"s, "5\r\nhelloXY"s, "5\nhello\r\n"s, "-5\r\n"s, "5 x\r\n"s,
                               "0\r\n" + std::string(20000, 'a')}) {
    SCOPED_TRACE(in.substr(0, 20));
    ChunkedDecoder::State s;
    decode_all(in, 1 << 20, &s, 3);
    EXPECT_EQ(s, ChunkedDecoder::State::kMalformed);
  }
  ChunkedDecoder::State s;
  decode_all(std::string(2000, '1'), 1 << 20, &s, 3);
  EXPECT_TRUE(s == ChunkedDecoder::State::kMalformed || s == ChunkedDecoder::State::kTooLarge);
}

TEST(HttpGate, MediaTypesAreCaseInsensitive) {
  EXPECT_EQ(media_type("APPLICATION/JSON"), "application/json");
  EXPECT_EQ(media_type(" Text/Plain ; charset=UTF-8"), "text/plain");
}

}  // namespace
}  // namespace parley::server
